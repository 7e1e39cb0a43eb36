/** Types of schema inference (see infer.ts). */
import type { RunSchema } from "./schema-types";

/** Options for inferSchema. */
export interface InferOptions {
  /** Excel row number of `grid[0]` (default 1), e.g. 3 when the used range starts at row 3. */
  rowOffset?: number;
  /** Force the header row (Excel row number) instead of detecting it. */
  headerRow?: number;
  /** Max distinct values for a text column to become a `choice` column (default 12). */
  maxChoices?: number;
}

/**
 * An inferred schema plus where the table sits in the sheet, so the Excel layer can adopt the
 * sheet without moving the user's data. All row numbers are Excel row numbers (1-based).
 */
export interface InferredSchema {
  schema: RunSchema;
  /** The header row. */
  headerRow: number;
  /** First row under the header (data may contain blank rows). */
  firstDataRow: number;
  /** Last row holding run data; trailing notes below a blank gap are not included. */
  lastDataRow: number;
  /** For each schema column (same order), its 0-based column index in the grid. */
  columnIndex: number[];
  /** Rows above the header that hold a title or notes (a single non-empty cell, e.g. a merged title). */
  titleRows: number[];
  /** Rows below the data that look like notes (after a blank gap, a single non-empty cell). */
  noteRows: number[];
}
