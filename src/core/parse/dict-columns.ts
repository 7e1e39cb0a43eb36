/**
 * CSV columns whose cells are Python dicts, as pandas writes a DataFrame column of dicts:
 * W&B's runs DataFrame (`summary`, `config`), scikit-learn's `params`. Each such column is
 * expanded into one column per key, so the values become comparable numbers.
 */
import { isNonFinite, readLiteral, type Literal } from "./literal";
import { isRecord } from "./records";
import type { RawTable } from "./raw";

/** True when every non-empty cell of column `c` (and at least one) is a Python or JSON dict literal. */
export function isDictColumn(rows: readonly (readonly unknown[])[], c: number): boolean {
  let seen = 0;
  for (const r of rows) {
    const v = r[c];
    if (typeof v !== "string" || v.trim() === "") continue;
    if (!v.trimStart().startsWith("{")) return false;
    seen++;
  }
  return seen > 0;
}

function cellOf(v: Literal): string | number | boolean | null {
  if (v === null) return "";
  // Kept as its token, so typing reports it as a non-finite value rather than a gap.
  if (isNonFinite(v)) return v.nonFinite;
  if (typeof v === "object") return JSON.stringify(v);
  return typeof v === "number" ? String(v) : v;
}

export interface ExpandOptions {
  /** Keys to leave out (W&B's internal `_wandb`). */
  skip?: (key: string) => boolean;
  /** Column name for a key of a dict column (default `column.key`). */
  name?: (column: string, key: string) => string;
}

/**
 * Replaces the given dict columns by one column per key (first-seen order). Cells stay text
 * (`nan` included) so the usual typing reads them like any CSV cell.
 */
export function expandDictColumns(
  table: RawTable,
  dictColumns: readonly number[],
  options: ExpandOptions = {},
): RawTable {
  if (dictColumns.length === 0) return table;
  const name = options.name ?? ((column: string, key: string) => `${column}.${key}`);
  const parsed = table.rows.map((r) =>
    dictColumns.map((c) => {
      const v = r[c];
      if (typeof v !== "string") return null;
      const lit = readLiteral(v, v.indexOf("{"), "python");
      return lit.ok && isRecord(lit.value) ? lit.value : null;
    }),
  );
  const newColumns: string[][] = dictColumns.map(() => []);
  parsed.forEach((cells) =>
    cells.forEach((d, j) => {
      if (!d) return;
      const list = newColumns[j];
      if (!list) return;
      for (const k of Object.keys(d)) if (!list.includes(k) && !(options.skip?.(k) ?? false)) list.push(k);
    }),
  );
  const drop = new Set(dictColumns);
  const kept = table.columns.map((_, i) => i).filter((i) => !drop.has(i));
  const columns = [
    ...kept.map((i) => table.columns[i] ?? ""),
    ...dictColumns.flatMap((c, j) => (newColumns[j] ?? []).map((k) => name(table.columns[c] ?? "", k))),
  ];
  const rows = table.rows.map((r, ri) => [
    ...kept.map((i) => r[i] ?? null),
    ...dictColumns.flatMap((_, j) => {
      const d = parsed[ri]?.[j] ?? null;
      return (newColumns[j] ?? []).map((k) => {
        const v = d?.[k];
        return v === undefined ? "" : cellOf(v);
      });
    }),
  ]);
  return { ...table, columns, rows };
}
