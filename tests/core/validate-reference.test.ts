/**
 * validate's compiled fast path against a straightforward reference: every cell through
 * coerceCell in schema order, configuration keys as JSON text in a Map, duplicate ids in a Map,
 * the recipe check on plain run objects. On random schemas and rows both must give exactly the
 * same issues (order, messages, fixes) and the same runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coerceCell,
  columnReader,
  configColumns,
  configKeyOf,
  isBlank,
  REPLICATE_COLUMNS,
  reproducibilityIssues,
  validate,
  type CellValue,
  type ColumnSpec,
  type Grid,
  type Run,
  type RunSchema,
  type RunValue,
  type ValidationIssue,
} from "../../src/core/index";

/** The reference: one column at a time, JSON keys, no compiled checks (header row 1, every row read). */
function referenceValidate(grid: Grid, schema: RunSchema): { issues: ValidationIssue[]; runs: Run[] } {
  const header = (grid[0] ?? []).map((h) => String(h));
  const at = schema.columns.map((c) => header.indexOf(c.name));
  const present = schema.columns.filter((_, i) => (at[i] ?? -1) >= 0);
  const idSpec = present.find((c) => c.role === "id");
  const configNames = configColumns(schema).map((c) => c.name);
  const seedNames = present.filter((c) => REPLICATE_COLUMNS.has(c.name.toLowerCase())).map((c) => c.name);
  const firstParam = present.find((c) => c.role === "param");
  const dupNames = [...configNames.filter((n) => present.some((c) => c.name === n)), ...seedNames].join(", ");
  const seedAdvice = seedNames.length ? "give it another seed" : "add a seed column to tell the replicates apart";
  const issues: ValidationIssue[] = [];
  const runs: Run[] = [];
  const ids = new Map<string, number>();
  const groups = new Map<string, number>();
  const seen = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const excelRow = r + 1;
    const values: Record<string, RunValue> = {};
    const invalid: Record<string, string> = {};
    const rowIssues: ValidationIssue[] = [];
    let anyMapped = false;
    schema.columns.forEach((spec, i) => {
      const index = at[i] ?? -1;
      if (index < 0) {
        values[spec.name] = null;
        return;
      }
      const raw = row[index];
      if (!isBlank(raw ?? null)) anyMapped = true;
      const out = coerceCell(raw, columnReader(spec), "excel");
      values[spec.name] = out.value;
      if (out.invalid !== undefined) invalid[spec.name] = out.invalid;
      if (out.issue) {
        const issue: ValidationIssue = {
          row: excelRow,
          column: spec.name,
          code: out.issue.code,
          severity: out.issue.severity,
          message: out.issue.message,
          value: raw ?? null,
        };
        if (out.issue.fix !== undefined) issue.fix = out.issue.fix;
        rowIssues.push(issue);
      }
    });
    issues.push(...rowIssues);
    if (!anyMapped && present.length > 0) continue;
    let id = `row ${excelRow}`;
    if (idSpec) {
      const v = values[idSpec.name] ?? null;
      const text = v === null ? "" : String(v).trim();
      if (text !== "") {
        id = text;
        const first = ids.get(id);
        if (first !== undefined)
          issues.push({
            row: excelRow,
            column: idSpec.name,
            code: "duplicate_id",
            severity: "error",
            message: `The ${idSpec.name} "${id}" is already used on row ${first}: give this run its own ${idSpec.name}.`,
            value: id,
          });
        else ids.set(id, excelRow);
      }
    }
    const configKey = configKeyOf(values, configNames);
    if (!groups.has(configKey)) groups.set(configKey, groups.size);
    const replicateGroup = groups.get(configKey) ?? -1;
    if (firstParam && configNames.some((n) => values[n] !== null)) {
      const key = JSON.stringify([configKey, seedNames.map((n) => values[n] ?? null)]);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, excelRow);
      else
        issues.push({
          row: excelRow,
          column: firstParam.name,
          code: "duplicate_config",
          severity: "warning",
          message: `Row ${excelRow} has the same settings as row ${first} (${dupNames}): if it is a rerun, ${seedAdvice}; otherwise delete one of the two.`,
          value: null,
        });
    }
    runs.push({ excelRow, id, values, invalid, configKey, replicateGroup });
  }
  issues.push(...reproducibilityIssues(runs, schema));
  return { issues, runs };
}

const NAMES = ["run_id", "model", "lr", "layers", "seed", "status", "accuracy", "code_version", "notes", "when"];

const columnSpec = (name: string): fc.Arbitrary<ColumnSpec> =>
  fc
    .record(
      {
        type: fc.constantFrom("number", "integer", "percent", "text", "choice", "boolean", "date", "url", "duration"),
        role: fc.constantFrom("id", "param", "data", "meta", "metric"),
        required: fc.boolean(),
        min: fc.constantFrom(0, 1, -5),
        max: fc.constantFrom(1, 10, 100),
        choices: fc.array(fc.constantFrom("a", "b", "B", "finished", "failed", " x", "#N/A", ""), { maxLength: 4 }),
        pattern: fc.constantFrom("r\\d+", "[a-z]+", "[0-9a-f]{7}", "("),
      },
      { requiredKeys: ["type", "role"] },
    )
    .map((c) => ({ ...c, name }) as ColumnSpec);

const schemaArb: fc.Arbitrary<RunSchema> = fc
  .subarray(NAMES, { minLength: 1 })
  .chain((names) => fc.tuple(...names.map((n) => columnSpec(n))))
  .map((columns) => ({ columns }));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("", null, "a", "b", "B", "MLP ", " a", "finished", "failed", "r1", "r2", "r1 ", "#N/A", "#DIV/0!"),
  fc.constantFrom("3f2a9c1", "abc", "=1+1", "0,5", "50%", "1e3", "TRUE", "2024-05-01", "https://x.org", "1h 30m"),
  fc.constantFrom("\u00a0a", "a\u2003", "x".repeat(32768), "0.01", " 7"),
  fc.constantFrom(0, -0, 1, 2, 0.5, 1.5, -3, 100, 101, 1e-4, Infinity, NaN, 45000),
  fc.boolean(),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
);

/** A grid for `schema`: its columns in a shuffled order, some left out, an extra one, random rows. */
const gridArb = (schema: RunSchema): fc.Arbitrary<Grid> =>
  fc
    .tuple(
      fc.shuffledSubarray(
        schema.columns.map((c) => c.name),
        { minLength: 0 },
      ),
      fc.boolean(),
      fc.array(fc.array(cellArb, { minLength: 11, maxLength: 11 }), { maxLength: 25 }),
    )
    .map(([names, extra, rows]) => {
      const header: CellValue[] = extra ? [...names, "scratch"] : names;
      return [header, ...rows.map((r) => r.slice(0, header.length))];
    });

describe("validate's fast path matches the reference implementation (property)", () => {
  it("gives exactly the same row issues, in the same order, and the same runs", () => {
    fc.assert(
      fc.property(
        schemaArb.chain((schema) => fc.tuple(fc.constant(schema), gridArb(schema))),
        ([schema, grid]) => {
          const fast = validate(grid, schema, { headerRow: 1, lastRow: grid.length });
          const ref = referenceValidate(grid, schema);
          expect(fast.issues.filter((i) => i.row > 1)).toEqual(ref.issues);
          expect(fast.runs.length).toBe(ref.runs.length);
          fast.runs.forEach((run, i) => {
            const want = ref.runs[i];
            expect({
              excelRow: run.excelRow,
              id: run.id,
              values: { ...run.values },
              invalid: { ...run.invalid },
              configKey: run.configKey,
              replicateGroup: run.replicateGroup,
            }).toEqual(want);
          });
        },
      ),
      { numRuns: 1500 },
    );
  });
});
