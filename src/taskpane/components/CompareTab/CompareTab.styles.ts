import { makeStyles, tokens } from "@fluentui/react-components";

export const useCompareTabStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  picker: {
    maxHeight: "180px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    display: "flex",
    flexDirection: "column",
  },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
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
  hint: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "end" },
});
