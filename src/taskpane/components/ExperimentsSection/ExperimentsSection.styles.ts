import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useExperimentsSectionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  hint: tabStyles.hint,
  list: { ...tabStyles.plainList, rowGap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // Verdicts are long sentences with ids in them: let them wrap anywhere rather than widen the pane.
  verdict: { overflowWrap: "anywhere" },
  picker: { minWidth: 0, maxWidth: "100%" },
});
