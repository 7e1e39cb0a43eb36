/**
 * Delimited formats and their tool-specific quirks: plain CSV/TSV/semicolon, MLflow (both
 * exports and metric histories), W&B (UI export and the public API's DataFrame), DVC CSV,
 * Keras and Lightning CSVLogger files, scikit-learn `cv_results_`, Optuna `trials_dataframe()`.
 */
import { guessDelimiter, splitDelimited } from "./delimited";
import { expandDictColumns, isDictColumn } from "./dict-columns";
import { pivotLong } from "./long-format";
import type { RawTable } from "./raw";
import type { FormatName, ParseIssue } from "./types";

/** Formats whose files may use any separator (Keras' `separator=`, a history written as TSV). */
const ANY_SEPARATOR: ReadonlySet<FormatName> = new Set([
  "keras",
  "lightning",
  "metric-history",
  "optuna",
  "sklearn-cv",
]);

/** The separator each delimited format uses (formats written with any separator are guessed from the text). */
export function delimiterOf(format: FormatName, text = ""): string {
  if (format === "csv-semicolon") return ";";
  if (format === "tsv") return "\t";
  if (ANY_SEPARATOR.has(format) && text !== "") {
    const g = guessDelimiter(text);
    if (g.consistency > 0) return g.delimiter;
  }
  return ",";
}

/** The MLflow UI guards against CSV injection by writing `'` before = + - @; we undo it (and protect again when writing). */
const MLFLOW_GUARD = /^'(?=[=+\-@])/;

/** W&B's summary and config keys become plain columns; its internal `_wandb` key is dropped. */
function wandbDataFrame(table: RawTable): RawTable {
  const dicts = table.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => (c === "summary" || c === "config" || c === "summary_metrics") && isDictColumn(table.rows, i))
    .map(({ i }) => i);
  const used = new Set(table.columns);
  return expandDictColumns(table, dicts, {
    skip: (k) => k === "_wandb",
    name: (column, key) => {
      const plain = used.has(key) ? `${column}.${key}` : key;
      used.add(plain);
      return plain;
    },
  });
}

/** scikit-learn's `params` column repeats the `param_*` columns as a dict: dropped. */
function sklearnCv(table: RawTable): RawTable {
  const i = table.columns.indexOf("params");
  if (i < 0 || !table.columns.some((c) => c.startsWith("param_"))) return table;
  return {
    ...table,
    columns: table.columns.filter((_, k) => k !== i),
    rows: table.rows.map((r) => r.filter((_, k) => k !== i)),
  };
}

/**
 * DVC leaves State empty for commits and experiments it did not queue: they ran to their end,
 * so they read as `Success`, the word DVC uses for a finished queued experiment.
 */
export function fillDvcState(table: RawTable): RawTable {
  const state = table.columns.indexOf("State");
  if (state < 0) return table;
  return {
    ...table,
    rows: table.rows.map((r) => r.map((c, i) => (i === state && (c === "" || c === null) ? "Success" : c))),
  };
}

/** DVC 2.x lists every checkpoint of an experiment under its tip; the tip is the run. */
function dvcCheckpoints(table: RawTable): RawTable {
  const typ = table.columns.indexOf("typ");
  if (typ < 0) return fillDvcState(table);
  const keep = table.rows.map((r) => !/^checkpoint_(commit|base)$/.test(String(r[typ] ?? "")));
  const dropped = keep.filter((k) => !k).length;
  if (dropped === 0) return fillDvcState(table);
  const first = keep.indexOf(false);
  const issue: ParseIssue = {
    line: table.rowLines[first] ?? 1,
    code: "skipped_line",
    severity: "warning",
    message: `${dropped} checkpoint row${dropped === 1 ? " was" : "s were"} folded into their experiment: each experiment is one run with its checkpoint tip's values.`,
  };
  return fillDvcState({
    ...table,
    rows: table.rows.filter((_, i) => keep[i]),
    rowLines: table.rowLines.filter((_, i) => keep[i]),
    issues: [...table.issues, issue],
  });
}

/** Splits a delimited paste and applies the format's quirks. */
export function parseDelimitedFormat(text: string, format: FormatName): RawTable {
  const delimiter = delimiterOf(format, text);
  const d = splitDelimited(text, delimiter);
  let rows: string[][] = d.records;
  if (format === "mlflow-ui") rows = rows.map((r) => r.map((c) => c.replace(MLFLOW_GUARD, "")));
  const table: RawTable = {
    format,
    columns: d.header,
    rows,
    rowLines: d.lines,
    issues: d.issues,
    textual: true,
    commaHint: delimiter === ";" ? "decimalComma" : "thousands",
    stepLog: format === "keras" || format === "lightning",
  };
  switch (format) {
    case "metric-history":
      return pivotLong(table);
    case "wandb-dataframe":
      return wandbDataFrame(table);
    case "sklearn-cv":
      return sklearnCv(table);
    case "dvc-csv":
      return dvcCheckpoints(table);
    default:
      return table;
  }
}
