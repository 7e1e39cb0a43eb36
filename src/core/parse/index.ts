/**
 * Paste / import parser: every format people paste from training scripts and trackers, typed,
 * with issues that point at the line (and column) of the pasted text.
 */
export { parseText, parseInChunks, type ChunkOptions } from "./parse";
export { detectFormat, type FormatGuess } from "./detect";
export { FORMAT_OPTIONS, formatLabel, type FormatOption } from "./formats";
export { mapColumns, normalizeName, suggestSpec, type ColumnMapping, type MatchKind } from "./mapping";
export { toSheetCells, isFormulaLike, needsTextFormat, validRowsOnly, hasErrors, type SheetCells } from "./cells";
export { goalFromName } from "./steplog";
export { EXCEL_CELL_CHAR_LIMIT } from "./column-typing";
export { createParseWorkerHandler } from "./worker-handler";
export type * from "./worker-protocol";
export {
  FORMAT_NAMES,
  type FormatName,
  type ParseIssue,
  type ParseIssueCode,
  type ParseOptions,
  type ParseResult,
  type ParsedValue,
  type StepCurve,
} from "./types";
