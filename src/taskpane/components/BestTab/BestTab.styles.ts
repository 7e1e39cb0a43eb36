import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useBestTabStyles = makeStyles({
  root: tabStyles.root,
  row: tabStyles.fieldRow,
  tableWrap: tabStyles.tableWrap,
  // Fluent's Table is fixed-layout by default; auto sizes columns by their content, and every cell
  // below can wrap, so at 320 px the ranking fits the pane without sideways scrolling.
  table: { tableLayout: "auto", width: "100%" },
  // Five columns in under 300 px: half of Fluent's cell padding on each side.
  cell: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  // Right-aligned numbers; a header such as "mean ± 95% CI" may wrap between its words.
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  // Fluent's header cell lays its label out in a flex box, which text-align does not move.
  numHeader: { "& .fui-TableHeaderCell__button": { justifyContent: "flex-end", textAlign: "end" } },
  // The mean and its ± stay on one line.
  mean: { whiteSpace: "nowrap" },
  // A label of many params ("layers=2, n_images=2000") wraps, inside a name when it must.
  config: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  winner: { fontWeight: tokens.fontWeightSemibold },
  hint: tabStyles.hint,
  // Under the mean, and may wrap after its comma.
  interval: { display: "block", color: tokens.colorNeutralForeground3 },
  excluded: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});
