/**
 * Delimited formats and their tool-specific quirks: plain CSV/TSV/semicolon, MLflow (both
 * exports), W&B, DVC CSV, Keras and Lightning CSVLogger files.
 */
import { splitDelimited } from "./delimited";
import type { RawTable } from "./raw";
import type { FormatName } from "./types";

/** The separator each delimited format uses. */
export function delimiterOf(format: FormatName): string {
  if (format === "csv-semicolon") return ";";
  if (format === "tsv") return "\t";
  return ",";
}

/** The MLflow UI guards against CSV injection by writing `'` before = + - @; we undo it (and protect again when writing). */
const MLFLOW_GUARD = /^'(?=[=+\-@])/;

/** Splits a delimited paste and applies the format's quirks. */
export function parseDelimitedFormat(text: string, format: FormatName): RawTable {
  const delimiter = delimiterOf(format);
  const d = splitDelimited(text, delimiter);
  let rows: string[][] = d.records;
  if (format === "mlflow-ui") rows = rows.map((r) => r.map((c) => c.replace(MLFLOW_GUARD, "")));
  return {
    format,
    columns: d.header,
    rows,
    rowLines: d.lines,
    issues: d.issues,
    textual: true,
    commaHint: delimiter === ";" ? "decimalComma" : "thousands",
    stepLog: format === "keras" || format === "lightning",
  };
}
