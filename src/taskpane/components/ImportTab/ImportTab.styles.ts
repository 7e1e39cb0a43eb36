import { makeStyles, tokens } from "@fluentui/react-components";

export const useImportTabStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  textarea: { minHeight: "120px", fontFamily: tokens.fontFamilyMonospace },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto", width: "auto" },
  cell: { whiteSpace: "nowrap", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  issues: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  mapping: {
    display: "grid",
    gridTemplateColumns: "1fr auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
  fileInput: { fontSize: tokens.fontSizeBase200 },
});
