import { makeStyles, tokens } from "@fluentui/react-components";

export const useEnvironmentsTabStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, minWidth: "130px" },
  paste: { fontFamily: tokens.fontFamilyMonospace, minHeight: "96px" },
  recipe: { fontFamily: tokens.fontFamilyMonospace, minHeight: "120px" },
  diff: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  change: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});
