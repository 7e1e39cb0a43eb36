/**
 * Side-by-side comparison of selected runs: by default only the columns whose values differ,
 * metric deltas against a baseline run (absolute and relative), and which params changed.
 */
import type { RunsWithSchema } from "./best";
import type { CompareColumn, CompareOptions, CompareResult, Delta } from "./compare-types";
import { fail, ok, type Problem, type Result } from "./result";
import type { Run, RunValue } from "./runs";

function same(a: RunValue, b: RunValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function delta(value: RunValue, base: RunValue): Delta | null {
  if (typeof value !== "number" || typeof base !== "number") return null;
  const absolute = value - base;
  return { absolute, relative: base === 0 ? null : absolute / Math.abs(base) };
}

/**
 * Compares runs by id (or `row N` for runs without an id). The baseline defaults to the first id.
 * Fails when no id matches or the baseline is not among the runs; ids not found are listed in
 * `missing`. Columns keep the schema's order.
 */
export function compare(
  data: RunsWithSchema,
  ids: readonly string[],
  options: CompareOptions = {},
): Result<CompareResult, Problem> {
  const byId = new Map<string, Run>();
  for (const run of data.runs) if (!byId.has(run.id)) byId.set(run.id, run);
  const runs: Run[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const run = byId.get(id.trim());
    if (run) runs.push(run);
    else missing.push(id);
  }
  if (runs.length === 0)
    return fail({ code: "no_runs", message: `None of the runs ${ids.join(", ")} was found: check the ids.` });
  const baseId = options.baseline ?? runs[0]?.id;
  const base = runs.find((r) => r.id === baseId);
  if (!base)
    return fail({
      code: "no_baseline",
      message: `The baseline run "${baseId ?? ""}" is not among the compared runs: add it to the selection.`,
    });

  const columns: CompareColumn[] = [];
  for (const spec of data.schema.columns) {
    const values = runs.map((r) => r.values[spec.name] ?? null);
    const baseValue = base.values[spec.name] ?? null;
    const differs = values.some((v) => !same(v, baseValue));
    if (!differs && !options.allColumns) continue;
    const column: CompareColumn = { name: spec.name, role: spec.role, differs, values };
    if (spec.role === "metric")
      column.deltas = runs.map((r) => (r === base ? null : delta(r.values[spec.name] ?? null, baseValue)));
    columns.push(column);
  }
  const params = data.schema.columns.filter((c) => c.role === "param");
  const paramDiffs = runs.map((r) =>
    params.filter((p) => !same(r.values[p.name] ?? null, base.values[p.name] ?? null)).map((p) => p.name),
  );
  return ok({
    baseline: { id: base.id, row: base.excelRow },
    runs: runs.map((r) => ({ id: r.id, row: r.excelRow })),
    columns,
    paramDiffs,
    missing,
  });
}
