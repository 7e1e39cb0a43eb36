/** Fluent's dark theme on its own, so index.tsx can load it only for dark Office themes. */
export { webDarkTheme } from "@fluentui/react-components";
