/**
 * The RunSchema's JSON form (`{"columns":[{...}]}`) and its table form (the Schema sheet):
 * checked with zod, errors as values with the path to the bad field and a sentence with the fix.
 */
import { z } from "zod";
import type { Grid } from "./grid";
import { normalizeName } from "./names";
import { fail, ok, type Result } from "./result";
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnSpec, type RunSchema } from "./schema-types";
import { cellText, parseBooleanText, parseNumberText } from "./cell-value";

/** A problem in a schema: where (`columns[2].type`) and what to do. */
export interface SchemaIssue {
  path: string;
  code: string;
  message: string;
}

const columnSchema = z
  .object({
    name: z.string().trim().min(1, "a column needs a name"),
    type: z.enum(COLUMN_TYPES),
    role: z.enum(COLUMN_ROLES),
    required: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    choices: z.array(z.string()).optional(),
    pattern: z.string().optional(),
    unit: z.string().optional(),
    goal: z.enum(["max", "min"]).optional(),
    description: z.string().optional(),
    recipe: z.boolean().optional(),
  })
  .strict();

const runSchemaSchema = z.object({ columns: z.array(columnSchema) }).strict();

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "(root)";
}

/** Checks the rules zod's shape cannot express: unique names, min <= max, choices for choice columns, valid patterns. */
function checkRules(schema: RunSchema): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Map<string, number>();
  schema.columns.forEach((c, i) => {
    const at = `columns[${i}]`;
    const key = normalizeName(c.name);
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: `${at}.name`,
        code: "duplicate_column",
        message: `The column name "${c.name}" is used twice (also columns[${first}]): rename one.`,
      });
    else seen.set(key, i);
    if (c.min !== undefined && c.max !== undefined && c.min > c.max)
      issues.push({
        path: `${at}.min`,
        code: "bad_range",
        message: `${c.name}: min (${c.min}) is larger than max (${c.max}): swap them.`,
      });
    if (c.type === "choice" && (!c.choices || c.choices.length === 0))
      issues.push({
        path: `${at}.choices`,
        code: "no_choices",
        message: `${c.name} is a choice column without choices: list them, or make it a text column.`,
      });
    if (c.pattern !== undefined) {
      try {
        new RegExp(c.pattern, "u");
      } catch {
        issues.push({
          path: `${at}.pattern`,
          code: "bad_pattern",
          message: `${c.name}: the pattern ${c.pattern} is not a valid regular expression: fix or remove it.`,
        });
      }
    }
    if (c.goal !== undefined && c.role !== "metric")
      issues.push({
        path: `${at}.goal`,
        code: "goal_not_metric",
        message: `${c.name} has a goal but is not a metric: set its role to metric, or remove the goal.`,
      });
  });
  return issues;
}

/** Removes keys whose value is undefined (zod output vs exactOptionalPropertyTypes). */
function clean(c: z.infer<typeof columnSchema>): ColumnSpec {
  const out: ColumnSpec = { name: c.name, type: c.type, role: c.role };
  if (c.required !== undefined) out.required = c.required;
  if (c.min !== undefined) out.min = c.min;
  if (c.max !== undefined) out.max = c.max;
  if (c.choices !== undefined) out.choices = c.choices;
  if (c.pattern !== undefined) out.pattern = c.pattern;
  if (c.unit !== undefined) out.unit = c.unit;
  if (c.goal !== undefined) out.goal = c.goal;
  if (c.description !== undefined) out.description = c.description;
  if (c.recipe !== undefined) out.recipe = c.recipe;
  return out;
}

/** Checks an already-parsed JSON value as a RunSchema. Issues carry the path (`columns[2].type`). */
export function checkSchema(value: unknown): Result<RunSchema, SchemaIssue> {
  const parsed = runSchemaSchema.safeParse(value);
  if (!parsed.success) {
    return fail(
      ...parsed.error.issues.map((i) => {
        const path = pathText(i.path);
        let message = i.message;
        if (i.code === "invalid_value" && path.endsWith(".type"))
          message = `type must be one of ${COLUMN_TYPES.join(", ")}`;
        if (i.code === "invalid_value" && path.endsWith(".role"))
          message = `role must be one of ${COLUMN_ROLES.join(", ")}`;
        return { path, code: i.code, message: `${path}: ${message}.` };
      }),
    );
  }
  const schema: RunSchema = { columns: parsed.data.columns.map(clean) };
  const rules = checkRules(schema);
  return rules.length ? fail(...rules) : ok(schema);
}

/** Parses schema JSON text; invalid JSON is an issue at the root, not an exception. */
export function parseSchemaJson(text: string): Result<RunSchema, SchemaIssue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail({
      path: "(root)",
      code: "bad_json",
      message: `The schema is not valid JSON (${e instanceof Error ? e.message : "parse error"}): check commas and quotes.`,
    });
  }
  return checkSchema(value);
}

/**
 * Reads the RunSchema table back (header row first, columns in any order, blank rows skipped).
 * Issue paths name the sheet row (`row 4.type`) so the pane can point at the cell.
 */
export function schemaFromRows(rows: Grid, firstRow = 1): Result<RunSchema, SchemaIssue> {
  const header = (rows[0] ?? []).map((h) => normalizeName(cellText(h)));
  const col = (name: string): number => header.indexOf(name);
  const columns: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const get = (name: string): string => cellText(row[col(name)] ?? null).trim();
    if (get("name") === "") continue;
    const spec: Record<string, unknown> = {
      name: get("name"),
      type: get("type").toLowerCase(),
      role: get("role").toLowerCase(),
    };
    const required = parseBooleanText(get("required"));
    // An unchecked box and an empty cell mean the same: not required (absent, as in the JSON form).
    if (required === true) spec.required = true;
    for (const k of ["min", "max"]) {
      const raw = row[col(k)];
      const text = get(k);
      if (typeof raw === "number") spec[k] = raw;
      else if (text !== "") spec[k] = parseNumberText(text)?.value ?? text;
    }
    const choices = get("choices");
    if (choices !== "") spec.choices = choices.split(/\s*[,;]\s*/).filter((c) => c !== "");
    for (const k of ["pattern", "unit", "description"]) if (get(k) !== "") spec[k] = get(k);
    if (get("goal") !== "") spec.goal = get("goal").toLowerCase();
    // An empty recipe cell leaves the choice to the defaults; an explicit FALSE takes a column out.
    const recipe = parseBooleanText(get("recipe"));
    if (recipe !== null) spec.recipe = recipe;
    columns.push(spec);
    rowNumbers.push(firstRow + r);
  }
  const checked = checkSchema({ columns });
  if (checked.ok) return checked;
  return fail(
    ...checked.issues.map((i) => {
      const m = /^columns\[(\d+)\](.*)$/.exec(i.path);
      const row = m ? rowNumbers[Number(m[1])] : undefined;
      return row === undefined
        ? i
        : { ...i, path: `row ${row}${m?.[2] ?? ""}`, message: i.message.replace(i.path, `row ${row}${m?.[2] ?? ""}`) };
    }),
  );
}
