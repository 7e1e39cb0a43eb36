import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useBestTabStyles = makeStyles({
  root: tabStyles.root,
  row: tabStyles.fieldRow,
  tableWrap: tabStyles.tableWrap,
  // Fluent's Table is fixed-layout by default; auto lets numbers keep their width.
  table: { tableLayout: "auto", width: "100%" },
  num: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  config: { fontSize: tokens.fontSizeBase200 },
  winner: { fontWeight: tokens.fontWeightSemibold },
  hint: tabStyles.hint,
  // May wrap after its comma: at 320 px the ranking then fits without sideways scrolling.
  interval: { color: tokens.colorNeutralForeground3 },
  excluded: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});
