/**
 * RunSheet's Excel layer: the only code that calls Excel.*. The pane and the commands use the
 * gateway and workflows; tests call the context-taking functions inside `sim.Excel.run`.
 */
export * from "./constants";
export * from "./safe-write";
export * from "./payload";
export * from "./table-append";
export * from "./own-sheet";
export * from "./capabilities";
export * from "./default-schema";
export * from "./schema-table";
export * from "./workbook-layout";
export * from "./read-runs";
export * from "./adopt";
export * from "./selection";
export * from "./write-runs";
export * from "./locate";
export * from "./marks";
export * from "./fixes";
export * from "./events";
export * from "./rows-below";
export * from "./registry";
export * from "./report";
export * from "./summary-sheet";
export * from "./curves";
export * from "./runs-legend";
export * from "./history";
export * from "./environments-read";
export type { StoreEnvironmentResult } from "./environments";
export * from "./errors";
export * from "./gateway";
export * from "./workflows";
export * from "./report-workflow";
export * from "./experiments-sheet";
export * from "./experiments-workflow";
export * from "./settings";
export * from "./compare-sheet";
