import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useRunsTabStyles = makeStyles({
  root: { ...tabStyles.root, minWidth: 0 },
  actions: tabStyles.fieldRow,
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  adopted: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  columns: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", textAlign: "start" },
  caption: { textAlign: "start", color: tokens.colorNeutralForeground3, paddingBlockEnd: tokens.spacingVerticalXS },
  name: { overflowWrap: "anywhere" },
  rowField: { width: "8em" },
});
