/**
 * Format auto-detection. The structure of the whole sample is judged first (a JSON document
 * that parses to its end, a delimited table with a consistent width and a header of names),
 * and only then cell patterns (Python dicts, `key=value` pairs), so a CSV with a dict-like or
 * `key=value` column stays a CSV. Each candidate gets a confidence in [0, 1]; the pane shows
 * the best one and lets the user pick another.
 */
import Papa from "papaparse";
import { guessDelimiter, stripBom } from "./delimited";
import { looksLikeDvcJson } from "./dvc";
import { dvcMarkdownKind, looksLikeDvcMetricsJson } from "./dvc-more";
import { hasLogMetricsBlock, looksLikeTrainerState } from "./hf-trainer";
import { isKeyedByRun } from "./json";
import { isKeyValueLine } from "./keyvalue";
import { readLiteral, type Literal } from "./literal";
import { isLongHeader } from "./long-format";
import { isAlignmentRow, splitPipeRow } from "./markdown";
import { looksLikeHParams } from "./tensorboard-hparams";
import type { FormatName } from "./types";

export interface FormatGuess {
  format: FormatName;
  confidence: number;
}

const PY_DICT = /\{\s*'[^'\n]*'\s*:/;
const SAMPLE_CHARS = 64 * 1024;
/** A header cell that is really data: a dict, a list, or a `key=value` pair. */
const DATA_CELL = /^\s*(?:[{[]|[A-Za-z_][\w.\-/]*\s*(?:=|:\s))/;

function isSorted(names: string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] ?? "") > (names[i] ?? "")) return false;
  return true;
}

/** Tool-specific flavours of a delimited header (and its first rows). */
function delimitedFlavour(header: string[], sample: string[][], base: FormatName): FormatGuess {
  const has = (n: string): boolean => header.includes(n);
  const cells = (name: string): string[] => {
    const i = header.indexOf(name);
    return i < 0 ? [] : sample.map((r) => (r[i] ?? "").trim()).filter((c) => c !== "");
  };
  if (has("run_id") && header.some((h) => /^(metrics|params|tags)\./.test(h)))
    return { format: "mlflow", confidence: 0.97 };
  if (has("Run ID") && (has("Start Time") || has("Source Type") || has("Duration")))
    return { format: "mlflow-ui", confidence: 0.97 };
  if (header[0] === "Experiment" && has("rev") && has("typ")) return { format: "dvc-csv", confidence: 0.97 };
  if (header.some((h) => /^mean_test_/.test(h)) && header.some((h) => /^rank_test_/.test(h)))
    return { format: "sklearn-cv", confidence: 0.97 };
  if (has("number") && has("state") && (has("value") || has("values_0")) && header.some((h) => h.startsWith("params_")))
    return { format: "optuna", confidence: 0.97 };
  const dictCells = (name: string): boolean => {
    const c = cells(name);
    return c.length > 0 && c.every((x) => x.startsWith("{"));
  };
  if ((has("summary") || has("config")) && (dictCells("summary") || dictCells("config")))
    return { format: "wandb-dataframe", confidence: 0.95 };
  if (
    (has("Name") && has("State") && (has("Runtime") || has("Created") || has("Sweep") || has("User"))) ||
    header.some((h) => /__(MIN|MAX)$/.test(h))
  ) {
    return { format: "wandb", confidence: 0.95 };
  }
  if (isLongHeader(header)) return { format: "metric-history", confidence: 0.93 };
  // Keras CSVLogger writes "epoch" then the sorted metric keys, with any separator.
  if (header[0] === "epoch" && !has("step") && header.length > 1 && isSorted(header.slice(1)))
    return { format: "keras", confidence: 0.93 };
  // Lightning 2 sorts every key (epoch, step, ...); Lightning 1 kept the order of first logging.
  if (has("step") && (isSorted(header) || has("epoch"))) {
    const sparse = sample.some((r) => r.some((c) => c.trim() === ""));
    return { format: "lightning", confidence: sparse ? 0.93 : 0.85 };
  }
  return { format: base, confidence: base === "csv" ? 0.8 : 0.85 };
}

/** Reads a whole JSON document, or null when the text is not one (trailing text, syntax error). */
function readDocument(text: string): Literal | null {
  const t = text.trim();
  try {
    return JSON.parse(t) as Literal;
  } catch {
    // Python's json.dump writes NaN and Infinity, which JSON.parse refuses.
    const r = readLiteral(t, 0, "json");
    return r.ok && r.end === t.length ? r.value : null;
  }
}

/**
 * True when the first non-blank line is a whole JSON value and more text follows it: then the
 * text is not one JSON document (nothing may follow a complete value), and JSON Lines need not
 * be parsed whole to tell.
 */
function firstLineIsWholeValue(text: string): boolean {
  const start = text.search(/\S/);
  const nl = start < 0 ? -1 : text.indexOf("\n", start);
  if (nl < 0) return false;
  const more = /\S/g;
  more.lastIndex = nl;
  if (!more.test(text)) return false;
  try {
    JSON.parse(text.slice(start, nl));
    return true;
  } catch {
    return false;
  }
}

/** Which JSON reading a parsed document calls for. */
function jsonGuesses(doc: Literal): FormatGuess[] {
  if (looksLikeDvcJson(doc)) return [{ format: "dvc-json", confidence: 0.98 }];
  if (looksLikeDvcMetricsJson(doc)) return [{ format: "dvc-metrics-json", confidence: 0.97 }];
  if (looksLikeTrainerState(doc)) return [{ format: "hf-trainer-state", confidence: 0.98 }];
  if (looksLikeHParams(doc)) return [{ format: "tensorboard-hparams", confidence: 0.97 }];
  // One run per key or one run with sections: close readings, so both are offered.
  if (isKeyedByRun(doc))
    return [
      { format: "json-by-key", confidence: 0.92 },
      { format: "json", confidence: 0.85 },
    ];
  return [{ format: "json", confidence: 0.95 }];
}

/** The delimited reading of the sample: its flavour, and how well its structure holds. */
function delimitedGuesses(t: string): { guesses: FormatGuess[]; strong: boolean } {
  const { delimiter, consistency } = guessDelimiter(t);
  if (consistency < 0.6) return { guesses: [], strong: false };
  const base: FormatName = delimiter === "\t" ? "tsv" : delimiter === ";" ? "csv-semicolon" : "csv";
  const preview = Papa.parse<string[]>(t, { delimiter, preview: 20, skipEmptyLines: "greedy" }).data;
  const header = (preview[0] ?? []).map((h) => h.trim());
  // A header of names, not of data: a dict line or `a=1, b=2` split at its commas is no header.
  const namesHeader = header.length >= 2 && header.every((h) => !DATA_CELL.test(h));
  const g = delimitedFlavour(header, preview.slice(1), base);
  const weight = namesHeader ? consistency : consistency * 0.6;
  const guesses = [{ format: g.format, confidence: g.confidence * weight }];
  if (g.format !== base) guesses.push({ format: base, confidence: 0.7 * weight });
  return { guesses, strong: namesHeader && consistency >= 0.9 && preview.length >= 2 };
}

/** Ranks every plausible format for `text`, most likely first (never empty). */
export function detectFormat(text: string): FormatGuess[] {
  const full = stripBom(text);
  const t = full.length > SAMPLE_CHARS ? full.slice(0, SAMPLE_CHARS) : full;
  const guesses: FormatGuess[] = [];
  // Long lines are cut: their start is enough to recognise a format, and regexes stay cheap.
  const lines = t
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => (l.length > 2000 ? l.slice(0, 2000) : l));
  const first = (lines[0] ?? "").trim();
  if (lines.length === 0) return [{ format: "csv", confidence: 0 }];

  if (first.startsWith("{") || first.startsWith("[")) {
    // The whole text, whatever its size: one line of JSON can be megabytes long.
    const doc = firstLineIsWholeValue(full) ? null : readDocument(full);
    if (doc !== null) guesses.push(...jsonGuesses(doc));
    else if (first.startsWith("{") && lines.length > 1 && lines.every((l) => l.trim().startsWith("{"))) {
      if (PY_DICT.test(first)) guesses.push({ format: "pydict", confidence: 0.95 });
      guesses.push({ format: "jsonl", confidence: readLiteral(first, 0, "json").ok ? 0.93 : 0.6 });
    } else if (PY_DICT.test(first)) {
      guesses.push({ format: "pydict", confidence: 0.95 });
    } else guesses.push({ format: "json", confidence: 0.55 });
  }

  // A pipe table, possibly under a heading (a model card's "### Training results").
  const tableAt = lines.findIndex((l, i) => l.trim().startsWith("|") && isAlignmentRow(lines[i + 1] ?? ""));
  if (first.startsWith("|") || tableAt >= 0) {
    const headerLine = tableAt >= 0 ? (lines[tableAt] ?? "") : first;
    const aligned = tableAt >= 0;
    const dvc = aligned ? dvcMarkdownKind(splitPipeRow(headerLine)) : null;
    if (dvc) guesses.push({ format: dvc, confidence: 0.97 });
    guesses.push({ format: "markdown", confidence: dvc ? 0.8 : aligned ? (tableAt === 0 ? 0.96 : 0.9) : 0.6 });
  }

  const structural = guesses.length > 0;
  const delimited = structural ? { guesses: [], strong: false } : delimitedGuesses(t);
  guesses.push(...delimited.guesses);

  // Cell patterns only where the structure did not already decide.
  if (!structural && !delimited.strong) {
    if (hasLogMetricsBlock(lines)) guesses.push({ format: "hf-log-metrics", confidence: 0.95 });
    if (lines.some((l) => PY_DICT.test(l))) guesses.push({ format: "pydict", confidence: 0.9 });
  }
  if (!delimited.strong && !guesses.some((g) => g.confidence >= 0.9)) {
    const head = lines.slice(0, 50);
    const kvShare = head.filter(isKeyValueLine).length / head.length;
    const kvPerLine =
      head.filter((l) => (l.match(/[A-Za-z_][\w.\-/]*\s*(=|:\s)/g) ?? []).length >= 2).length / head.length;
    if (kvPerLine >= 0.5) guesses.push({ format: "keyvalue", confidence: 0.9 });
    else if (kvShare >= 0.5) guesses.push({ format: "keyvalue", confidence: 0.75 * kvShare });
  }
  if (guesses.length === 0) guesses.push({ format: "csv", confidence: 0.3 });

  const best = new Map<FormatName, number>();
  for (const g of guesses) best.set(g.format, Math.max(best.get(g.format) ?? 0, g.confidence));
  return [...best]
    .map(([format, confidence]) => ({ format, confidence: Math.round(confidence * 100) / 100 }))
    .sort((a, b) => b.confidence - a.confidence);
}
