import { createCustomFocusIndicatorStyle, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

// The look of Fluent's small, transparent Tab (@fluentui/react-tabs useTabStyles): a brand-coloured
// bar under the selected tab, a neutral bar under the hovered one, semibold selected text.
export const usePaneTabsStyles = makeStyles({
  list: { display: "flex", alignItems: "center", flexWrap: "wrap" },
  tab: {
    position: "relative",
    display: "grid",
    alignItems: "center",
    justifyItems: "center",
    flexShrink: 0,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ":active": {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    "::after": {
      content: '""',
      position: "absolute",
      bottom: 0,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    "@media (forced-colors: active)": { ":hover::after": { backgroundColor: "Highlight" } },
    ...createCustomFocusIndicatorStyle(
      {
        outlineWidth: tokens.strokeWidthThick,
        outlineColor: "transparent",
        outlineStyle: "solid",
        boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
        zIndex: 1,
      },
      { enableOutline: true },
    ),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    "@media (forced-colors: active)": {
      "::after": { backgroundColor: "ButtonText" },
      ":hover::after": { backgroundColor: "ButtonText" },
    },
  },
  // The label and an invisible semibold copy share one grid cell, so a tab is as wide selected as not.
  label: {
    ...typographyStyles.body1,
    gridArea: "1 / 1",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
  },
  labelSelected: { ...typographyStyles.body1Strong },
  reserved: { ...typographyStyles.body1Strong, visibility: "hidden" },
});
