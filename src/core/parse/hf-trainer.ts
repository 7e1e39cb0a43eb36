/**
 * Hugging Face Trainer outputs: `trainer_state.json` (its `log_history` is the step log of one
 * run) and the `log_metrics` blocks (`***** train metrics *****` then `  key = value` lines),
 * which together describe one run.
 */
import { readShapedJson } from "./json-shape";
import { isNonFinite, type Literal } from "./literal";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import { LineTracker, type RawTable, type RawValue } from "./raw";
import { skippedLines } from "./pydict";
import type { ParseIssue } from "./types";

/** True when a parsed JSON value is a Trainer state: a `log_history` list beside `global_step`. */
export function looksLikeTrainerState(v: Literal): boolean {
  return isRecord(v) && Array.isArray(v.log_history) && ("global_step" in v || "best_metric" in v);
}

/** Top-level scalars worth keeping on the run (the trial's params are flattened too). */
const KEPT = [
  "best_metric",
  "best_model_checkpoint",
  "best_global_step",
  "trial_name",
  "num_train_epochs",
  "max_steps",
  "train_batch_size",
];

/**
 * Parses `trainer_state.json`: one record per `log_history` entry (reduced later to one run
 * with final and best values and curves), each carrying the state's best metric, checkpoint
 * and trial params.
 */
export function parseTrainerState(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const raw = (): RawTable => b.build("hf-trainer-state", issues, false, true);
  const r = readShapedJson(text, looksLikeTrainerState, {
    what: "The JSON",
    notThisTool: "This JSON has no log_history list, so it is not a Trainer state.",
    fix: "Paste the whole trainer_state.json from a checkpoint folder, or choose the JSON format.",
  });
  if (!r.ok) {
    issues.push(r.issue);
    return raw();
  }
  const state = r.value;
  const constants = new Map<string, RawValue>();
  for (const k of KEPT) {
    const v = state[k];
    if (v !== undefined && v !== null && !isNonFinite(v) && typeof v !== "object") constants.set(k, v);
  }
  const trial = state.trial_params;
  if (trial && isRecord(trial)) for (const [k, v] of flattenRecord(trial, 1, issues)) constants.set(k, v);
  const history = Array.isArray(state.log_history) ? state.log_history : [];
  const lines = new LineTracker(text);
  let from = Math.max(0, text.indexOf('"log_history"'));
  for (const entry of history) {
    if (!isRecord(entry)) continue;
    // Each entry is an object on its own lines; find its opening brace to give its line.
    const at = text.indexOf("{", from + 1);
    if (at >= 0) from = at;
    const line = lines.lineAt(from);
    const record = flattenRecord(entry, line, issues);
    for (const [k, v] of constants) if (!record.has(k)) record.set(k, v);
    b.add(record, line);
    from = skipObject(text, from);
  }
  return raw();
}

/** Offset just past the object starting at `at` (quotes and nesting respected). */
function skipObject(text: string, at: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return text.length;
}

const BLOCK = /^\s*\*{3,}\s*(\w+) metrics\s*\*{3,}\s*$/;
const PAIR = /^\s*([^=\s][^=]*?)\s*=\s*(.*?)\s*$/;

/** True when the text holds a `***** train metrics *****` block header. */
export function hasLogMetricsBlock(lines: readonly string[]): boolean {
  return lines.some((l) => BLOCK.test(l));
}

/**
 * Parses `trainer.log_metrics` blocks into one run: every block's `key = value` lines belong
 * to the same training (train, eval and test metrics); a key repeated with the same value
 * (`epoch`) is kept once, a differing repeat keeps the block's name (`eval.epoch`).
 */
export function parseLogMetrics(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const record = new Map<string, RawValue>();
  let firstLine = 0;
  let block = "";
  let skipped = 0;
  let firstSkipped = 0;
  text.split(/\r\n|\r|\n/).forEach((src, i) => {
    const line = i + 1;
    if (src.trim() === "") return;
    const head = BLOCK.exec(src);
    if (head) {
      block = head[1] ?? "";
      return;
    }
    const m = PAIR.exec(src);
    const key = m?.[1]?.trim();
    if (!m || !key) {
      if (skipped === 0) firstSkipped = line;
      skipped++;
      return;
    }
    if (firstLine === 0) firstLine = line;
    const value = m[2] ?? "";
    const seen = record.get(key);
    if (seen === undefined) record.set(key, value);
    else if (seen !== value) record.set(block === "" ? `${key}_${line}` : `${block}.${key}`, value);
  });
  if (record.size > 0) b.add(record, firstLine);
  if (skipped > 0) issues.push(skippedLines(skipped, firstSkipped, "a metric line"));
  return b.build("hf-log-metrics", issues, true);
}
