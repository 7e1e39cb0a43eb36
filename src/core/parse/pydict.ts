/**
 * Python dict lines as the Hugging Face Trainer prints them
 * (`{'loss': 0.69, 'learning_rate': 4.9e-05, 'epoch': 0.5}`), possibly after a tqdm progress bar
 * on the same line. Lines without a dict are skipped with one warning.
 */
import { readLiteral } from "./literal";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import type { RawTable } from "./raw";
import type { ParseIssue } from "./types";

const DICT_START = /\{\s*['"}]/;

/** Parses every line holding a Python dict literal; one record per line. */
export function parsePyDictLines(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const lines = text.split(/\r\n|\r|\n/);
  let skipped = 0;
  let firstSkipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    if (src.trim() === "") continue;
    const line = i + 1;
    const m = DICT_START.exec(src);
    if (!m) {
      if (skipped === 0) firstSkipped = line;
      skipped++;
      continue;
    }
    const r = readLiteral(src, m.index, "python");
    if (!r.ok) {
      issues.push({
        line,
        code: "syntax",
        severity: "error",
        message: `The dict on line ${line} could not be read at character ${r.pos + 1}: ${r.message}`,
        fix: "Paste the whole line as the script printed it; a dict must end with }.",
      });
      continue;
    }
    if (isRecord(r.value)) b.add(flattenRecord(r.value, line, issues), line);
  }
  if (skipped > 0) issues.push(skippedLines(skipped, firstSkipped, "a Python dict"));
  // Textual: newer Trainers print every value quoted (`'loss': '0.6927'`); typing reads those as numbers.
  return b.build("pydict", issues, true, isTrainingLog(b.columns, b.rows));
}

/** One warning for all lines that were not data (progress bars, banners). */
export function skippedLines(count: number, first: number, what: string): ParseIssue {
  return {
    line: first,
    code: "skipped_line",
    severity: "warning",
    message:
      count === 1
        ? `Line ${first} is not ${what} and was skipped.`
        : `${count} lines are not ${what} and were skipped (the first is line ${first}).`,
  };
}

/**
 * A Trainer log (one run over time) rather than one dict per run: several records carrying
 * `epoch` or `step`, which increases somewhere and never goes back.
 */
function isTrainingLog(columns: string[], rows: (string | number | boolean | null)[][]): boolean {
  if (rows.length < 2) return false;
  const idx = columns.findIndex((c) => c === "epoch" || c === "step" || c === "global_step");
  if (idx < 0) return false;
  let prev = -Infinity;
  let increased = false;
  for (const row of rows) {
    const v = row[idx];
    if (typeof v !== "number") continue;
    if (v < prev) return false;
    if (v > prev && prev !== -Infinity) increased = true;
    prev = v;
  }
  return increased;
}
