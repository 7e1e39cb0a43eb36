import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  panel: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});
