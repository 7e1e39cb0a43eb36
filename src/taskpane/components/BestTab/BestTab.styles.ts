import { makeStyles, tokens } from "@fluentui/react-components";

export const useBestTabStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  // Fluent's Table is fixed-layout by default; auto lets numbers keep their width.
  table: { tableLayout: "auto", width: "100%" },
  num: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  config: { fontSize: tokens.fontSizeBase200 },
  winner: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  interval: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  excluded: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});
