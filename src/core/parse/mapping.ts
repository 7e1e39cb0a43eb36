/**
 * Mapping pasted column names onto the RunSchema, so the pane can show "acc -> accuracy
 * (synonym)" for confirmation and offer unknown columns to be added with an inferred spec.
 */
import type { ColumnRole, ColumnSpec, ColumnType, RunSchema } from "../schema-types";
import { goalFromName } from "./steplog";
import type { ParsedValue } from "./types";

/** How a pasted column found its schema column, best first (`chosen`: picked by the user). */
export type MatchKind = "exact" | "normalized" | "prefix" | "synonym" | "chosen" | "unknown";

export interface ColumnMapping {
  /** The column name in the paste. */
  source: string;
  /** The schema column it maps to, or null when unknown (the pane may add `suggested`). */
  target: string | null;
  match: MatchKind;
  /** For unknown columns: a spec to add to the schema, with type and role inferred. */
  suggested?: ColumnSpec;
}

// Also scikit-learn's `param_C` and Optuna's `params_x` / `user_attrs_note`.
const PREFIX = /^(?:(metrics?|params?|tags?|config|summary|hparams?)[./:]|(params?|user_attrs)_(?=.))/i;

/** Synonyms on normalized names (lower case, no spaces/underscores/hyphens). */
const SYNONYMS: Record<string, string[]> = {
  acc: ["accuracy"],
  top1: ["accuracy"],
  top1acc: ["accuracy"],
  top1accuracy: ["accuracy"],
  acc1: ["accuracy"],
  "acc@1": ["accuracy"],
  top5: ["top5accuracy"],
  acc5: ["top5accuracy"],
  "acc@5": ["top5accuracy"],
  trainacc: ["trainaccuracy", "accuracy"],
  lr: ["learningrate"],
  learningrate: ["lr"],
  wd: ["weightdecay"],
  loss: ["trainloss"],
  bs: ["batchsize"],
  batch: ["batchsize"],
  trainbatchsize: ["batchsize"],
  perdevicetrainbatchsize: ["batchsize"],
  runid: ["id", "run"],
  id: ["runid"],
  name: ["runname", "runid"],
  state: ["status"],
  starttime: ["started", "start"],
  created: ["started"],
  f1score: ["f1"],
  f1: ["f1score"],
  rocauc: ["auc"],
  aucroc: ["auc"],
  numlayers: ["layers"],
  nlayers: ["layers"],
  numhiddenlayers: ["layers"],
  hiddenlayers: ["layers"],
  epochs: ["epoch"],
  epoch: ["epochs"],
  numtrainepochs: ["epochs", "epoch"],
  randomseed: ["seed"],
  rngseed: ["seed"],
  arch: ["model"],
  architecture: ["model"],
  modelname: ["model"],
};

/**
 * Split prefixes a script puts before a metric, longest first: Hugging Face writes `eval_accuracy`
 * and `test_accuracy`, Keras `val_accuracy`. `eval`/`validation` name the validation split.
 */
const SPLIT_PREFIXES: { prefix: string; split: string }[] = [
  { prefix: "validation", split: "val" },
  { prefix: "eval", split: "val" },
  { prefix: "val", split: "val" },
  { prefix: "test", split: "test" },
];

/** Case-, space-, underscore- and hyphen-insensitive form of a name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * Candidate normalized names for a stripped source name, in order of preference: its synonyms,
 * then, for a split prefix (`eval_accuracy`), the same split in the sheet's words
 * (`val_accuracy`), then the bare metric (`accuracy`) and its synonyms (`eval_acc` -> accuracy).
 */
function synonymCandidates(stripped: string): string[] {
  const n = normalizeName(stripped);
  const out = [...(SYNONYMS[n] ?? [])];
  const split = SPLIT_PREFIXES.find((p) => n.startsWith(p.prefix) && n.length - p.prefix.length >= 2);
  if (split) {
    const rest = n.slice(split.prefix.length);
    const restSynonyms = SYNONYMS[rest] ?? [];
    out.push(`${split.split}${rest}`, ...restSynonyms.map((s) => `${split.split}${s}`), rest, ...restSynonyms);
  }
  // W&B summary columns: val_loss.min / val_loss__MIN -> val_loss_best.
  const summary = /^(.*?)(?:\.|__)(min|max|best)$/i.exec(stripped);
  if (summary?.[1]) out.push(`${normalizeName(summary[1])}best`);
  return out;
}

function inferType(values: ParsedValue[]): ColumnType {
  const filled = values.filter((v) => v !== null);
  if (filled.length === 0) return "number";
  if (filled.every((v) => typeof v === "boolean")) return "boolean";
  if (filled.every((v) => typeof v === "number"))
    return filled.every((v) => Number.isInteger(v)) ? "integer" : "number";
  if (filled.every((v) => typeof v === "string" && /^https?:\/\//.test(v))) return "url";
  return "text";
}

function inferRole(source: string, name: string): ColumnRole {
  const m = PREFIX.exec(source);
  const prefix = (m?.[1] ?? m?.[2])?.toLowerCase() ?? "";
  if (prefix.startsWith("metric") || prefix === "summary") return "metric";
  if (prefix.startsWith("param") || prefix === "config" || prefix.startsWith("hparam")) return "param";
  if (prefix.startsWith("tag")) return "tag";
  if (/^(run_?id|id|run_?name|name)$/i.test(name)) return "id";
  if (/seed/i.test(name)) return "meta";
  if (goalFromName(name)) return "metric";
  return "param";
}

/** The spec offered for an unknown column. */
export function suggestSpec(source: string, values: ParsedValue[]): ColumnSpec {
  const name = source.replace(PREFIX, "");
  const role = inferRole(source, name);
  const spec: ColumnSpec = { name, type: inferType(values), role };
  const goal = role === "metric" ? goalFromName(name) : undefined;
  if (goal) spec.goal = goal;
  return spec;
}

/**
 * Maps each pasted column to a schema column: exact name, then case/space/underscore-insensitive,
 * then with `metrics.`/`params.`/`tags.` prefixes stripped, then synonyms (acc and top1 ->
 * accuracy, lr -> learning_rate, loss -> train_loss when the schema has no `loss`, eval_accuracy
 * -> val_accuracy, else accuracy). A schema column is
 * claimed by at most one pasted column, the best match first. `rows` (optional) lets unknown
 * columns get an inferred type.
 */
export function mapColumns(
  columns: string[],
  schema: RunSchema,
  rows: Record<string, ParsedValue>[] = [],
): ColumnMapping[] {
  const byExact = new Map(schema.columns.map((c) => [c.name, c.name]));
  const byNorm = new Map<string, string>();
  for (const c of schema.columns) if (!byNorm.has(normalizeName(c.name))) byNorm.set(normalizeName(c.name), c.name);
  const claimed = new Set<string>();
  const result: ColumnMapping[] = columns.map((source) => ({ source, target: null, match: "unknown" }));
  const stages: { kind: MatchKind; find: (source: string) => string | undefined }[] = [
    { kind: "exact", find: (s) => byExact.get(s) },
    { kind: "normalized", find: (s) => byNorm.get(normalizeName(s)) },
    {
      kind: "prefix",
      find: (s) =>
        PREFIX.test(s)
          ? (byExact.get(s.replace(PREFIX, "")) ?? byNorm.get(normalizeName(s.replace(PREFIX, ""))))
          : undefined,
    },
    {
      kind: "synonym",
      find: (s) => {
        for (const cand of synonymCandidates(s.replace(PREFIX, ""))) {
          const hit = byNorm.get(cand);
          if (hit && !claimed.has(hit)) return hit;
        }
        return undefined;
      },
    },
  ];
  for (const stage of stages) {
    result.forEach((m) => {
      if (m.target !== null) return;
      const hit = stage.find(m.source);
      if (hit !== undefined && !claimed.has(hit)) {
        m.target = hit;
        m.match = stage.kind;
        claimed.add(hit);
      }
    });
  }
  for (const m of result) {
    if (m.target === null)
      m.suggested = suggestSpec(
        m.source,
        rows.map((r) => r[m.source] ?? null),
      );
  }
  return result;
}
