/**
 * Reducing a step-wise log (Keras/Lightning CSVLogger, Trainer dict lines) to one run: the final
 * value of every column, plus `<metric>_best` for metrics whose goal the name reveals, and the
 * curves for the History sheet.
 */
import type { Goal } from "../schema-types";
import { setKey } from "./raw";
import type { ParsedValue, StepCurve } from "./types";

const STEP_COLUMNS = ["step", "global_step", "epoch"];
const MIN_NAMES =
  /(loss|error|(^|[_.\-/])err($|[_.\-/])|mse|mae|rmse|perplexity|(^|[_.\-/])ppl($|[_.\-/])|(^|[_.\-/])(wer|cer)($|[_.\-/]))/i;
const MAX_NAMES =
  /(acc|f1|auc|precision|recall|(^|[_.\-/])map($|[_.\-/@])|iou|dice|bleu|rouge|(^|[_.\-/])score|(^|[_.\-/])r2($|[_.\-/]))/i;
const NOT_METRICS = /(runtime|per_second|learning_rate|(^|[_.\-/])lr($|[_.\-/])|grad_norm|(^|_)flos$|epoch|step)/i;

/** Goal a metric's name implies (`val_loss` -> min, `val_accuracy` -> max), or undefined when unclear. */
export function goalFromName(name: string): Goal | undefined {
  if (NOT_METRICS.test(name)) return undefined;
  if (MIN_NAMES.test(name)) return "min";
  if (MAX_NAMES.test(name)) return "max";
  return undefined;
}

export interface ReducedLog {
  columns: string[];
  row: Record<string, ParsedValue>;
  curves: StepCurve[];
}

/** Reduces the rows of one run's log; `lines[i]` is the line of `rows[i]`. */
export function reduceStepLog(columns: string[], rows: Record<string, ParsedValue>[], lines: number[]): ReducedLog {
  const x = STEP_COLUMNS.find((c) => columns.includes(c));
  const out: Record<string, ParsedValue> = {};
  const outColumns: string[] = [];
  const curves: StepCurve[] = [];
  for (const column of columns) {
    let last: ParsedValue = null;
    let best: number | null = null;
    const goal = goalFromName(column);
    const points: StepCurve["points"] = [];
    rows.forEach((row, i) => {
      const v = row[column] ?? null;
      if (v === null) return;
      last = v;
      if (typeof v !== "number") return;
      if (goal && (best === null || (goal === "min" ? v < best : v > best))) best = v;
      const xv = x ? row[x] : i;
      if (column !== x && typeof xv === "number") points.push({ x: xv, y: v, line: lines[i] ?? 1 });
    });
    outColumns.push(column);
    setKey(out, column, last);
    if (goal) {
      const name = `${column}_best`;
      if (!columns.includes(name)) {
        outColumns.push(name);
        setKey(out, name, best);
      }
    }
    if (x && column !== x && !STEP_COLUMNS.includes(column) && points.length > 0) {
      curves.push(goal ? { metric: column, x, points, goal } : { metric: column, x, points });
    }
  }
  return { columns: outColumns, row: out, curves };
}
