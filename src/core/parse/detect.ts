/**
 * Format auto-detection from the text alone. Each candidate gets a confidence in [0, 1]; the
 * pane shows the best one and lets the user pick another.
 */
import Papa from "papaparse";
import { guessDelimiter, stripBom } from "./delimited";
import { isKeyValueLine } from "./keyvalue";
import { readLiteral } from "./literal";
import { isAlignmentRow } from "./markdown";
import { looksLikeDvcJson } from "./dvc";
import type { FormatName } from "./types";

export interface FormatGuess {
  format: FormatName;
  confidence: number;
}

const PY_DICT = /\{\s*'[^'\n]*'\s*:/;
const SAMPLE_CHARS = 64 * 1024;

function isSorted(names: string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] ?? "") > (names[i] ?? "")) return false;
  return true;
}

/** Tool-specific flavours of a delimited header. */
function delimitedFlavour(header: string[], sample: string[][], base: FormatName): FormatGuess {
  const has = (n: string): boolean => header.includes(n);
  if (has("run_id") && header.some((h) => /^(metrics|params|tags)\./.test(h)))
    return { format: "mlflow", confidence: 0.97 };
  if (has("Run ID") && (has("Start Time") || has("Source Type") || has("Duration")))
    return { format: "mlflow-ui", confidence: 0.97 };
  if (header[0] === "Experiment" && has("rev") && has("typ")) return { format: "dvc-csv", confidence: 0.97 };
  if (
    (has("Name") && has("State") && (has("Runtime") || has("Created") || has("Sweep") || has("User"))) ||
    header.some((h) => /__(MIN|MAX)$/.test(h))
  ) {
    return { format: "wandb", confidence: 0.95 };
  }
  // Keras CSVLogger writes "epoch" then the sorted metric keys; Lightning sorts every key incl. epoch and step.
  if (header[0] === "epoch" && !has("step") && header.length > 1 && isSorted(header.slice(1)))
    return { format: "keras", confidence: 0.93 };
  if (has("step") && isSorted(header)) {
    const sparse = sample.some((r) => r.some((c) => c.trim() === ""));
    return { format: "lightning", confidence: sparse ? 0.93 : 0.85 };
  }
  return { format: base, confidence: base === "csv" ? 0.8 : 0.85 };
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
    if (PY_DICT.test(first)) guesses.push({ format: "pydict", confidence: 0.95 });
    // Only the sample is read here; a huge paste is parsed once, later.
    const doc = full.length <= SAMPLE_CHARS ? readLiteral(full.trim(), 0, "json") : null;
    if (doc?.ok && doc.end === full.trim().length) {
      guesses.push(
        looksLikeDvcJson(doc.value) ? { format: "dvc-json", confidence: 0.98 } : { format: "json", confidence: 0.95 },
      );
    } else if (first.startsWith("{") && lines.length > 1 && lines.every((l) => l.trim().startsWith("{"))) {
      guesses.push({ format: "jsonl", confidence: readLiteral(first, 0, "json").ok ? 0.93 : 0.6 });
    } else if (first.startsWith("[") && full.includes('"rev"') && full.includes('"experiments"')) {
      guesses.push({ format: "dvc-json", confidence: 0.7 });
    } else {
      guesses.push({ format: "json", confidence: 0.55 });
    }
  } else if (lines.some((l) => PY_DICT.test(l))) {
    guesses.push({ format: "pydict", confidence: 0.9 });
  }

  if (first.startsWith("|"))
    guesses.push({ format: "markdown", confidence: lines.slice(1, 3).some(isAlignmentRow) ? 0.96 : 0.6 });

  const kvShare = lines.slice(0, 50).filter(isKeyValueLine).length / Math.min(lines.length, 50);
  const kvPerLine =
    lines.slice(0, 50).filter((l) => (l.match(/[A-Za-z_][\w.\-/]*\s*(=|:\s)/g) ?? []).length >= 2).length /
    Math.min(lines.length, 50);

  const { delimiter, consistency } = guessDelimiter(t);
  if (consistency >= 0.6) {
    const base: FormatName = delimiter === "\t" ? "tsv" : delimiter === ";" ? "csv-semicolon" : "csv";
    const preview = Papa.parse<string[]>(t, { delimiter, preview: 20 }).data;
    const header = (preview[0] ?? []).map((h) => h.trim());
    const g = delimitedFlavour(header, preview.slice(1), base);
    guesses.push({ format: g.format, confidence: g.confidence * consistency });
    if (g.format !== base) guesses.push({ format: base, confidence: 0.7 * consistency });
  }
  if (kvPerLine >= 0.5) guesses.push({ format: "keyvalue", confidence: 0.9 });
  else if (kvShare >= 0.5) guesses.push({ format: "keyvalue", confidence: 0.75 * kvShare });
  if (guesses.length === 0) guesses.push({ format: "csv", confidence: 0.3 });

  const best = new Map<FormatName, number>();
  for (const g of guesses) best.set(g.format, Math.max(best.get(g.format) ?? 0, g.confidence));
  return [...best]
    .map(([format, confidence]) => ({ format, confidence: Math.round(confidence * 100) / 100 }))
    .sort((a, b) => b.confidence - a.confidence);
}
