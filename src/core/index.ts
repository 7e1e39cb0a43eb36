/**
 * The public API of RunSheet's core. The Excel layer, the task pane and the CLI import from
 * here only, so module files can move without breaking them.
 */
export * from "./grid";
export * from "./result";
export * from "./schema-types";
export * from "./values";
export * from "./number-text";
export * from "./exceljs-value";
export * from "./zip-expansion";
export * from "./names";
export * from "./runs";
export * from "./layout";
export * from "./header-row";
export * from "./infer";
export * from "./coerce";
export * from "./validate";
export * from "./schema-json";
export * from "./schema-rows";
export * from "./stats";
export * from "./where";
export * from "./pareto";
export * from "./best";
export * from "./error-rows";
export * from "./json-bytes";
export * from "./status";
export * from "./compare";
export * from "./compare-table";
export * from "./format";
export * from "./labels";
export * from "./power";
export * from "./verdict";
export * from "./charts";
export * from "./summary";
export * from "./report";
export * from "./report-layout";
export * from "./reproducibility";
export * from "./recipe";
export * from "./default-schema";
export * from "./sheet-check";
export type * from "./infer-types";
export type * from "./validate-types";
export type * from "./where-types";
export type * from "./best-types";
export type * from "./compare-types";
export type * from "./chart-types";
export type * from "./report-types";
