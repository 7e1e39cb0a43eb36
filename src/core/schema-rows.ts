/**
 * The RunSchema as rows of the Schema sheet's table. Kept apart from schema-json.ts (which checks
 * schemas with zod) so the task pane, which writes these rows but never checks schema JSON, does
 * not load zod.
 */
import type { Grid } from "./grid";
import type { RunSchema } from "./schema-types";

/** Header of the Schema sheet's RunSchema table, in order. */
export const SCHEMA_TABLE_HEADER = [
  "name",
  "type",
  "role",
  "required",
  "min",
  "max",
  "choices",
  "pattern",
  "unit",
  "goal",
  "description",
  "recipe",
] as const;

/** The schema as rows of the RunSchema table (header first); choices joined with ", ". */
export function schemaToRows(schema: RunSchema): Grid {
  const rows: Grid = [[...SCHEMA_TABLE_HEADER]];
  for (const c of schema.columns) {
    rows.push([
      c.name,
      c.type,
      c.role,
      c.required ?? false,
      c.min ?? "",
      c.max ?? "",
      (c.choices ?? []).join(", "),
      c.pattern ?? "",
      c.unit ?? "",
      c.goal ?? "",
      c.description ?? "",
      c.recipe ?? "",
    ]);
  }
  return rows;
}
