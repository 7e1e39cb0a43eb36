/**
 * Mapping pasted column names onto the RunSchema, so the pane can show "acc -> accuracy
 * (synonym)" for confirmation and offer unknown columns to be added with an inferred spec.
 */
import type { ColumnRole, ColumnSpec, ColumnType, RunSchema } from "../schema-types";
import { goalFromName } from "./steplog";
import type { ParsedValue } from "./types";

/** How a pasted column found its schema column, best first. */
export type MatchKind = "exact" | "normalized" | "prefix" | "synonym" | "unknown";

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
  valacc: ["valaccuracy"],
  testacc: ["testaccuracy"],
  trainacc: ["trainaccuracy", "accuracy"],
  lr: ["learningrate"],
  learningrate: ["lr"],
  loss: ["trainloss"],
  bs: ["batchsize"],
  batch: ["batchsize"],
  runid: ["id", "run"],
  id: ["runid"],
  name: ["runname", "runid"],
  state: ["status"],
  starttime: ["started", "start"],
  created: ["started"],
  f1score: ["f1"],
  numlayers: ["layers"],
  nlayers: ["layers"],
  epochs: ["epoch"],
  epoch: ["epochs"],
};

/** Case-, space-, underscore- and hyphen-insensitive form of a name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Candidate normalized names for a stripped source name, in order of preference. */
function synonymCandidates(stripped: string): string[] {
  const n = normalizeName(stripped);
  const out = [...(SYNONYMS[n] ?? [])];
  // Hugging Face writes eval_accuracy where a sheet says val_accuracy.
  if (n.startsWith("eval")) out.push(`val${n.slice(4)}`, ...(SYNONYMS[n.slice(4)] ?? []).map((s) => `val${s}`));
  if (n.startsWith("validation")) out.push(`val${n.slice(10)}`);
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
 * then with `metrics.`/`params.`/`tags.` prefixes stripped, then synonyms (acc -> accuracy,
 * lr -> learning_rate, loss -> train_loss when the schema has no `loss`). A schema column is
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
