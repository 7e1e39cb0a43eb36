import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useEnvironmentsTabStyles = makeStyles({
  root: tabStyles.root,
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: tabStyles.row,
  grow: { flexGrow: 1, minWidth: "130px" },
  paste: { fontFamily: tokens.fontFamilyMonospace, minHeight: "96px" },
  recipe: { fontFamily: tokens.fontFamilyMonospace, minHeight: "120px" },
  diff: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  change: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  hint: tabStyles.hint,
});
