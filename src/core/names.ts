/**
 * Header names as people write them: units in brackets (`val_loss (nats)`, `lr [1e-3]`), and the
 * naming habits that tell a column's role and a metric's goal (`*loss*` -> min, `acc*` -> max).
 */
import { columnLetter } from "./grid";
import type { ColumnRole, ColumnSpec, Goal, RunSchema } from "./schema-types";

/** A header split into the column name and its unit, if any. */
export interface HeaderName {
  name: string;
  unit?: string;
}

const UNIT_SUFFIX = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/;

/** Splits `val_loss (nats)` into `{name: "val_loss", unit: "nats"}`; other headers are only trimmed. */
export function splitHeader(header: string): HeaderName {
  const text = header.replace(/\s+/g, " ").trim();
  const m = UNIT_SUFFIX.exec(text);
  if (m && m[1] && m[2]) return { name: m[1].trim(), unit: m[2] };
  return { name: text };
}

/** The name inference gives a column that has data but no header: `Column A`, by its letter in the grid. */
export function unnamedColumnName(index: number): string {
  return `Column ${columnLetter(index)}`;
}

/** Lower-case, spaces and dashes as underscores: how name rules compare headers. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const MIN_PATTERNS = [
  /loss/,
  /error/,
  /(^|_)err($|_)/,
  /^latency/,
  /latency/,
  /(^|_)(mse|rmse|mae|mape|perplexity|ppl|wer|cer)($|_)/,
  /(^|_)(time|duration|runtime)(_|$)/,
];
const MAX_PATTERNS = [
  /^acc/,
  /(^|_)acc(uracy)?($|_)/,
  /(^|_)f1($|_)/,
  /(^|_)(roc_)?auc($|_)/,
  /(^|_)precision($|_)/,
  /(^|_)recall($|_)/,
  /(^|_)m?ap($|_)/,
  /(^|_)map(@|_|$)/,
  /(^|_)(bleu|rouge\w*|r2|iou|miou|dice|score)($|_)/,
];

/** The goal a metric's name implies (`*loss*`, `*error*`, `latency*` -> min; `acc*`, `f1`, `auc`, ... -> max). */
export function goalFromName(name: string): Goal | undefined {
  // Dots separate words too: `metrics.accuracy` (MLflow), `val_loss.min` (W&B summaries).
  const n = normalizeName(name).replace(/\./g, "_");
  if (MIN_PATTERNS.some((p) => p.test(n))) return "min";
  if (MAX_PATTERNS.some((p) => p.test(n))) return "max";
  return undefined;
}

const ID_NAMES = new Set(["run_id", "runid", "id", "name", "run", "run_name", "uuid"]);
const META_NAMES = new Set([
  "seed",
  "random_seed",
  "rng_seed",
  "status",
  "state",
  "started",
  "start_time",
  "end_time",
  "finished",
  "created",
  "created_at",
  "date",
  "timestamp",
  "owner",
  "user",
  "author",
  "notes",
  "note",
  "comment",
  "comments",
  "hypothesis",
  "experiment",
  "experiment_id",
  "code_version",
  "git_commit",
  "commit",
  "environment",
  "hardware",
  "command",
  "artifact_uri",
]);
const DATA_NAMES = new Set([
  "dataset",
  "data",
  "data_version",
  "dataset_version",
  "n_images",
  "n_samples",
  "n_train",
  "n_test",
  "train_size",
  "test_size",
  "split",
]);
/** Dataset sizes (`n_images`, `num_train_samples`), not model sizes like `n_layers`, which are params. */
const DATA_SIZE =
  /^(n|num|number_of)_(train_|test_|val_|eval_)?(images|samples|examples|rows|records|items|docs|documents|tokens|sentences|files|train|test|val)$/;
const TAG_NAMES = new Set(["tag", "tags", "label", "labels"]);
/**
 * What a step log's last row says about the training, not its configuration: the final step,
 * throughput and clock of a Trainer log (`grad_norm`, `total_flos`), DVC's revision bookkeeping.
 */
const LOG_META =
  /^(step|global_step|_step|training_iteration|iteration|checkpoints|timestamp|_timestamp|_runtime|grad_norm|total_flos|.*_per_second|.*_runtime|rev|typ|parent|executor)$/;

/**
 * The role a column's name implies: `run_id`/`id`/`name` -> id, `seed`/`status`/dates/notes -> meta,
 * dataset names and sizes -> data, metric names (see goalFromName) -> metric. Undefined when the
 * name alone does not tell (the caller decides from values: numbers -> param, text -> param or tag).
 */
export function roleFromName(name: string): ColumnRole | undefined {
  const n = normalizeName(name);
  if (ID_NAMES.has(n)) return "id";
  if (META_NAMES.has(n) || LOG_META.test(n)) return "meta";
  if (DATA_NAMES.has(n) || n.startsWith("dataset") || DATA_SIZE.test(n)) return "data";
  if (TAG_NAMES.has(n) || n.startsWith("tags.")) return "tag";
  if (n.startsWith("metrics.") || n.startsWith("metric.")) return "metric";
  if (n.startsWith("params.") || n.startsWith("param.")) return "param";
  if (goalFromName(n) !== undefined) return "metric";
  return undefined;
}

/** True when a column named so holds the run status (`status`, `state`). */
export function isStatusName(name: string): boolean {
  const n = normalizeName(name);
  return n === "status" || n === "state";
}

/** True when a column named so holds the experiment a run belongs to. */
export function isExperimentName(name: string): boolean {
  const n = normalizeName(name);
  return n === "experiment" || n === "experiment_id" || n === "exp";
}

/** Finds a schema column by name: exact first, then ignoring case and spaces vs underscores. */
export function findColumn(schema: RunSchema, name: string): ColumnSpec | undefined {
  const key = normalizeName(name);
  return schema.columns.find((c) => c.name === name) ?? schema.columns.find((c) => normalizeName(c.name) === key);
}
