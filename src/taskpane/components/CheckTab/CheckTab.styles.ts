import { makeStyles, tokens } from "@fluentui/react-components";
import { tabStyles } from "../tab-styles";

export const useCheckTabStyles = makeStyles({
  root: { ...tabStyles.root, minWidth: 0 },
  actions: { ...tabStyles.row, alignItems: "center" },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: tabStyles.plainList,
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  issueButton: { justifyContent: "flex-start", textAlign: "start", height: "auto", minWidth: 0, whiteSpace: "normal" },
  issueText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  where: { fontWeight: tokens.fontWeightSemibold },
  message: { color: tokens.colorNeutralForeground2 },
  summary: { color: tokens.colorNeutralForeground2 },
  // Spans the item's first row; icon and word both follow the text colour (forced colours too).
  severity: {
    gridColumn: "1 / -1",
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  severityIcon: {
    fontSize: "16px",
    flexShrink: 0,
    // Chromium keeps an SVG's fill out of the forced palette: draw it in the system's text colour.
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
  error: {
    color: tokens.colorStatusDangerForeground1,
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
  warning: {
    color: tokens.colorStatusWarningForeground1,
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
  info: { color: tokens.colorNeutralForeground2 },
});
