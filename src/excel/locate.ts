/** Mapping validation issues to sheet cells is pure and lives in core; re-exported for the Excel layer's callers. */
export { cellLocator, type CellRef } from "../core/index";
