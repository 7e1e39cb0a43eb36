/**
 * DVC's other outputs: `dvc metrics show --json` (one run per revision, files merged),
 * `dvc metrics show --md` (one row per revision and file, merged per revision) and
 * `dvc exp show --md` (one run per row, the tree drawing taken off). DVC prints `-` for a
 * value a revision does not have: it is missing, never text.
 */
import { lineOfOffset } from "./json";
import { readShapedJson } from "./json-shape";
import type { Literal } from "./literal";
import { fillDvcState } from "./flavors";
import { parseMarkdown } from "./markdown";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import type { RawTable, RawValue } from "./raw";
import type { ParseIssue } from "./types";

type Obj = { [key: string]: Literal };

/** True for `{rev: {data: {file: {data: {...}}}}}`, the shape of `dvc metrics show --json`. */
export function looksLikeDvcMetricsJson(v: Literal): boolean {
  if (!isRecord(v)) return false;
  const revs = Object.values(v);
  return (
    revs.length > 0 &&
    revs.every((r) => {
      if (!isRecord(r) || !isRecord(r.data ?? null)) return false;
      const files = Object.values(r.data as Obj);
      return files.length > 0 && files.every((f) => isRecord(f) && ("data" in f || "error" in f));
    })
  );
}

/** Parses `dvc metrics show --json` (DVC 2 writes the workspace as `""`, DVC 3 as `workspace`). */
export function parseDvcMetricsJson(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const r = readShapedJson(text, looksLikeDvcMetricsJson, {
    what: "The DVC JSON",
    notThisTool: "This JSON is not the output of `dvc metrics show --json`.",
    fix: "Paste the complete output of `dvc metrics show --json`, or choose the JSON format.",
  });
  if (!r.ok) {
    issues.push(r.issue);
    return b.build("dvc-metrics-json", issues, false);
  }
  let from = 0;
  for (const [rev, entry] of Object.entries(r.value)) {
    const at = text.indexOf(JSON.stringify(rev), from);
    if (at >= 0) from = at;
    const line = lineOfOffset(text, from);
    const row = new Map<string, RawValue>([["Revision", rev === "" ? "workspace" : rev]]);
    const files = isRecord(entry) && isRecord(entry.data ?? null) ? (entry.data as Obj) : {};
    const perFile = Object.entries(files).map(
      ([file, f]) =>
        [file, isRecord(f) && isRecord(f.data ?? null) ? flattenRecord(f.data as Obj, line, issues) : null] as const,
    );
    const count = new Map<string, number>();
    for (const [, m] of perFile) for (const k of m?.keys() ?? []) count.set(k, (count.get(k) ?? 0) + 1);
    for (const [file, m] of perFile) {
      if (!m) {
        issues.push({
          line,
          code: "missing",
          severity: "warning",
          message: `DVC could not read ${file} at revision ${rev || "workspace"}; its metrics stay empty.`,
        });
        continue;
      }
      for (const [k, v] of m) row.set((count.get(k) ?? 0) > 1 ? `${file}:${k}` : k, v);
    }
    b.add(row, line);
  }
  return b.build("dvc-metrics-json", issues, false);
}

/** True when a Markdown header is DVC's: `Path` (metrics show) or `Experiment` then `Created`/`rev`. */
export function dvcMarkdownKind(header: readonly string[]): "dvc-md" | "dvc-metrics-md" | null {
  if (header[0] === "Path" || (header[0] === "Revision" && header[1] === "Path")) return "dvc-metrics-md";
  if (header[0] === "Experiment" && (header.includes("Created") || header.includes("rev"))) return "dvc-md";
  return null;
}

const TREE = /^[\s│├└─]+/u;
const EXP_CELL = /^([0-9a-f]{7,40})(?:\s+\[([^\]]+)\])?$/;

/** Parses DVC's Markdown tables (`exp show --md`, `metrics show --md`). */
export function parseDvcMarkdown(text: string, format: "dvc-md" | "dvc-metrics-md"): RawTable {
  const md = parseMarkdown(text);
  const rows = md.rows.map((r) => r.map((c) => (c === "-" ? "" : c)));
  if (format === "dvc-md") {
    const columns = ["Experiment", "rev", ...md.columns.slice(1)];
    const out = rows.map((r) => {
      const cell = String(r[0] ?? "")
        .replace(TREE, "")
        .trim();
      const m = EXP_CELL.exec(cell);
      const name = m ? (m[2] ?? "") : cell;
      const rev = m ? (m[1] ?? "") : cell;
      return [name, rev, ...r.slice(1)];
    });
    return fillDvcState({ ...md, format, columns, rows: out });
  }
  const revIndex = md.columns[0] === "Revision" ? 0 : -1;
  const pathIndex = md.columns.indexOf("Path");
  const metricColumns = md.columns.filter((_, i) => i !== revIndex && i !== pathIndex);
  const columns = revIndex === 0 ? ["Revision", ...metricColumns] : metricColumns;
  const byRev = new Map<string, { cells: string[]; line: number }>();
  rows.forEach((r, i) => {
    const rev = revIndex === 0 ? String(r[0] ?? "") : "workspace";
    let entry = byRev.get(rev);
    if (!entry) {
      entry = { cells: columns.map((c, k) => (revIndex === 0 && k === 0 ? rev : "")), line: md.rowLines[i] ?? 1 };
      byRev.set(rev, entry);
    }
    md.columns.forEach((c, k) => {
      if (k === revIndex || k === pathIndex) return;
      const at = columns.indexOf(c);
      const v = String(r[k] ?? "");
      if (at >= 0 && v !== "" && entry) entry.cells[at] = v;
    });
  });
  return {
    ...md,
    format,
    columns,
    rows: [...byRev.values()].map((e) => e.cells),
    rowLines: [...byRev.values()].map((e) => e.line),
  };
}
