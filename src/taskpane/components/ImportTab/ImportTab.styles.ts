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
  severity: { fontWeight: tokens.fontWeightSemibold },
  mapping: tabStyles.plainList,
  // Source and target side by side; at 320 px a long name wraps instead of pushing the pane wider.
  mappingRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  source: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  target: { minWidth: 0, width: "100%" },
  fileInput: { fontSize: tokens.fontSizeBase200 },
});
