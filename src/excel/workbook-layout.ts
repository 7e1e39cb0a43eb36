/**
 * "Create tracker": the Runs, Schema, Experiments and Registry sheets with their tables.
 * Idempotent: what exists is left alone (never duplicated, never overwritten), so running it
 * twice, or on a workbook that has part of the layout, is safe. Two syncs: look, then create.
 *
 * Correct under a half-applied sync: each part is written in the order sheet, cells (through
 * safe-write, so header names from an adopted sheet stay text), formats, dropdowns, freeze
 * panes, table, and the table's name last, so a part whose named table exists is complete. A
 * sheet a failed attempt left without its table holds only part of what RunSheet was writing;
 * the retry recognises it (own-sheet.ts, one more sync) and completes it.
 */
import { columnLetter, COLUMN_ROLES, COLUMN_TYPES, schemaToRows, type ColumnType, type RunSchema } from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { EXPERIMENTS_HEADER, REGISTRY_HEADER, SCHEMA_HEADER, SHEETS, TABLES, TEXT_FORMAT } from "./constants";
import { DEFAULT_SCHEMA } from "./default-schema";
import { queueLeftoverCheck } from "./own-sheet";
import { writeSafe, type SafeValue } from "./safe-write";

/** How many leading Runs columns stay visible when scrolling right (run_id, experiment). */
const FROZEN_COLUMNS = 2;
/** Rows below the header the Schema/Experiments dropdowns cover, so rows added later get them too. */
const DROPDOWN_ROWS = 500;

/** Excel number format per column type, applied to the Runs table's columns. */
export function numberFormatFor(type: ColumnType): string {
  switch (type) {
    case "integer":
      return "0";
    case "percent":
      return "0.0%";
    case "date":
      return "yyyy-mm-dd";
    case "datetime":
      return "yyyy-mm-dd hh:mm";
    case "text":
    case "choice":
    case "url":
      // Text format keeps ids like 001 and any pasted `=...` exactly as typed.
      return TEXT_FORMAT;
    default:
      return "General";
  }
}

export interface TrackerLayoutResult {
  /** Sheets created by this call. */
  created: string[];
  /** Sheets that were already complete (sheet and table present). */
  existing: string[];
  /** Sheets that exist without RunSheet's table: left untouched, with a sentence why. */
  conflicts: { sheet: string; message: string }[];
}

interface Part {
  sheet: string;
  table: string;
  header: readonly string[];
  rows: SafeValue[][];
}

/**
 * Creates the tracker sheets that are missing. `schema` (default: DEFAULT_SCHEMA) gives the
 * Runs header and the RunSchema table's rows; an existing RunSchema table is never replaced.
 */
export async function createTracker(
  context: Excel.RequestContext,
  schema: RunSchema = DEFAULT_SCHEMA,
  capabilities: Capabilities = detectCapabilities(),
): Promise<TrackerLayoutResult> {
  const parts: Part[] = [
    { sheet: SHEETS.runs, table: TABLES.runs, header: schema.columns.map((c) => c.name), rows: [] },
    {
      sheet: SHEETS.schema,
      table: TABLES.schema,
      header: SCHEMA_HEADER,
      rows: schemaToRows(schema)
        .slice(1)
        .map((r) => r.map((v) => v ?? "")),
    },
    { sheet: SHEETS.experiments, table: TABLES.experiments, header: EXPERIMENTS_HEADER, rows: [] },
    { sheet: SHEETS.registry, table: TABLES.registry, header: REGISTRY_HEADER, rows: [] },
  ];

  // Step 1: what is already there.
  const probes = parts.map((part) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(part.sheet);
    sheet.load("name");
    const table = context.workbook.tables.getItemOrNullObject(part.table);
    table.load("name");
    return { part, sheet, table };
  });
  await context.sync();

  // Sheets there without their table: RunSheet's own leftovers of a failed attempt, or the user's.
  const orphans = probes
    .filter((p) => p.table.isNullObject && !p.sheet.isNullObject)
    .map((p) => ({ ...p, isOwn: queueLeftoverCheck(p.sheet, [p.part.header.slice(), ...p.part.rows]) }));
  if (orphans.length > 0) await context.sync();
  const own = new Set(orphans.filter((o) => o.isOwn()).map((o) => o.part.sheet));

  // Step 2: create what is missing, in one batch.
  const result: TrackerLayoutResult = { created: [], existing: [], conflicts: [] };
  let runsSheet: Excel.Worksheet | null = null;
  for (const { part, sheet, table } of probes) {
    if (!table.isNullObject) {
      result.existing.push(part.sheet);
      continue;
    }
    if (!sheet.isNullObject && !own.has(part.sheet)) {
      result.conflicts.push({
        sheet: part.sheet,
        message: `A sheet named "${part.sheet}" already exists without RunSheet's ${part.table} table, so it was left as it is. Rename it, or use "Adopt this sheet" on it.`,
      });
      continue;
    }
    const target = sheet.isNullObject ? context.workbook.worksheets.add(part.sheet) : sheet;
    writeCells(target, part);
    if (part.table === TABLES.runs) {
      formatRunsColumns(target, schema);
      runsSheet = target;
      if (capabilities.freezePanes && target.freezePanes) {
        target.freezePanes.freezeAt(
          target.getRange(`A1:${columnLetter(Math.min(FROZEN_COLUMNS, part.header.length) - 1)}1`),
        );
      }
    }
    if (capabilities.dataValidation) addDropdowns(target, part);
    // The table's name last: a named table means every write of its part landed.
    target.tables.add(partAddress(part), true).name = part.table;
    result.created.push(part.sheet);
  }
  if (runsSheet) runsSheet.activate();
  if (result.created.length > 0) await context.sync();
  return result;
}

function partAddress(part: Part): string {
  return `A1:${columnLetter(part.header.length - 1)}${1 + part.rows.length}`;
}

/** The header and rows, written through safe-write: schema text such as a pattern `^=...` stays text. */
function writeCells(sheet: Excel.Worksheet, part: Part): void {
  writeSafe(sheet.getRange(partAddress(part)), [part.header.slice(), ...part.rows]);
}

/** Number formats per column type on the Runs table's first body row (Excel extends them to new rows). */
function formatRunsColumns(sheet: Excel.Worksheet, schema: RunSchema): void {
  const width = schema.columns.length;
  if (width === 0) return;
  sheet.getRange(`A2:${columnLetter(width - 1)}2`).numberFormat = [schema.columns.map((c) => numberFormatFor(c.type))];
}

function listRule(choices: readonly string[]): Excel.DataValidationRule {
  return { list: { inCellDropDown: true, source: choices.join(",") } };
}

/** In-cell dropdowns so the Schema and Experiments sheets are editable by hand without typos. */
function addDropdowns(sheet: Excel.Worksheet, part: Part): void {
  const lists: Record<string, readonly string[]> =
    part.table === TABLES.schema
      ? {
          type: COLUMN_TYPES,
          role: COLUMN_ROLES,
          required: ["TRUE", "FALSE"],
          goal: ["max", "min"],
          recipe: ["TRUE", "FALSE"],
        }
      : part.table === TABLES.experiments
        ? { goal: ["max", "min"], status: ["planned", "running", "done", "abandoned"] }
        : {};
  for (const [column, choices] of Object.entries(lists)) {
    const index = part.header.indexOf(column);
    if (index < 0) continue;
    const letter = columnLetter(index);
    sheet.getRange(`${letter}2:${letter}${DROPDOWN_ROWS + 1}`).dataValidation.rule = listRule(choices);
  }
}
