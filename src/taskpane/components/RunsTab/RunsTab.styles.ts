import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useRunsTabStyles = makeStyles({
  root: tabStyles.root,
  actions: tabStyles.row,
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});
