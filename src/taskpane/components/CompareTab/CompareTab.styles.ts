import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useCompareTabStyles = makeStyles({
  root: { ...tabStyles.root, minWidth: 0 },
  picker: {
    maxHeight: "180px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    display: "flex",
    flexDirection: "column",
  },
  tableWrap: tabStyles.tableWrap,
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "start",
    overflowWrap: "anywhere",
  },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  better: { color: tokens.colorPaletteGreenForeground1 },
  worse: { color: tokens.colorPaletteRedForeground1 },
  hint: tabStyles.hint,
  row: tabStyles.fieldRow,
});
