/**
 * The public API of RunSheet's core. The Excel layer, the task pane and the CLI import from
 * here only, so module files can move without breaking them.
 */
export * from "./grid";
export * from "./result";
export * from "./schema-types";
export * from "./values";
export * from "./names";
export * from "./runs";
export type * from "./infer-types";
export type * from "./validate-types";
export type * from "./where-types";
export type * from "./best-types";
export type * from "./compare-types";
export type * from "./chart-types";
export type * from "./report-types";
