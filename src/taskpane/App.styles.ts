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
  panel: { padding: tokens.spacingHorizontalM, flexGrow: 1, minWidth: 0 },
  // More tabs than a 320 px pane is wide: they wrap onto a second line instead of scrolling.
  tabs: { flexWrap: "wrap", paddingInline: tokens.spacingHorizontalXS },
  liveRegion: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
