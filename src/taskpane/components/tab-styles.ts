import { tokens, type GriffelStyle } from "@fluentui/react-components";

/**
 * Layout rules the tabs share, so they line up alike and change together. Each tab's
 * `XTab.styles.ts` puts them into its own makeStyles beside the rules only it needs.
 */
export const tabStyles = {
  /** The tab's column of sections. */
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  /** A line of controls that wraps in a narrow pane instead of scrolling sideways. */
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  /** A wrapping line of labelled fields, aligned on their inputs. */
  fieldRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  /** A wide table scrolls inside its own box, not the pane. */
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  /** A list without bullets or indent, its items stacked with a small gap. */
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  /** Secondary text under a control or a result. */
  hint: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, GriffelStyle>;
