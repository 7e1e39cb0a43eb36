import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useLogRunTabStyles = makeStyles({
  root: { ...tabStyles.root, minWidth: 0 },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  // Inputs take the pane's width: at 320 px nothing may scroll sideways.
  input: { width: "100%", minWidth: 0 },
  actions: {
    ...tabStyles.row,
    position: "sticky",
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hint: tabStyles.hint,
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
});
