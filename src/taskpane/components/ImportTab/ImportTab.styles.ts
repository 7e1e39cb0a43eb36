import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useImportTabStyles = makeStyles({
  root: tabStyles.root,
  row: tabStyles.fieldRow,
  textarea: { minHeight: "120px", fontFamily: tokens.fontFamilyMonospace },
  tableWrap: tabStyles.tableWrap,
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
  hint: tabStyles.hint,
  mapping: {
    display: "grid",
    gridTemplateColumns: "1fr auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
  fileInput: { fontSize: tokens.fontSizeBase200 },
});
