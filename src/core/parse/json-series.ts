/**
 * Per-step histories kept as arrays inside a JSON record: Keras' `history.history`
 * (`{"loss": [0.7, 0.5], "val_loss": [...]}`), XGBoost's `evals_result()`
 * (`{"validation_0": {"logloss": [...]}}`), or `{"steps": [...], "values": [...]}` pairs.
 * Each series becomes its final value (the last finite one), `<name>_best` when the name tells
 * the goal, and a curve for the History sheet.
 */
import { isNonFinite, type Literal } from "./literal";
import { goalFromName } from "./steplog";
import type { StepCurve } from "./types";

type Obj = { [key: string]: Literal };

/** Sets a key; `__proto__` becomes an own property instead of changing the prototype. */
function put(o: Obj, key: string, value: Literal): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

const X_KEYS = ["steps", "step", "epochs", "epoch", "x", "iterations"];
const Y_KEYS = ["values", "value", "y"];

function isObj(v: Literal | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isNonFinite(v);
}

/** A numeric array (numbers or NaN/Infinity markers), or null. */
function numericArray(v: Literal | undefined): (number | null)[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const out: (number | null)[] = [];
  for (const x of v) {
    if (typeof x === "number") out.push(Number.isFinite(x) ? x : null);
    else if (isNonFinite(x) || x === null) out.push(null);
    else return null;
  }
  return out;
}

function lastFinite(ys: readonly (number | null)[]): number | null {
  for (let i = ys.length - 1; i >= 0; i--) {
    const y = ys[i];
    if (y !== null && y !== undefined) return y;
  }
  return null;
}

function bestOf(ys: readonly (number | null)[], goal: "min" | "max"): number | null {
  let best: number | null = null;
  for (const y of ys) if (y !== null && (best === null || (goal === "min" ? y < best : y > best))) best = y;
  return best;
}

export interface SeriesResult {
  record: Obj;
  curves: StepCurve[];
}

/**
 * Replaces the step series of a record by their final values (plus `_best`), returning the
 * curves. An array is a series when its name is a metric's, when it is paired with a steps
 * array, or when a metric series of the same length sits beside it; other arrays (a config's
 * `layers: [64, 32]`) are left alone.
 */
export function expandSeries(record: Obj, line: number): SeriesResult {
  const curves: StepCurve[] = [];
  const addSeries = (
    out: Obj,
    k: string,
    key: string,
    ys: (number | null)[],
    xs: (number | null)[] | undefined,
    xName: string,
    taken: Obj,
  ): void => {
    const goal = goalFromName(k);
    put(out, k, lastFinite(ys));
    if (goal && !Object.hasOwn(taken, `${k}_best`)) put(out, `${k}_best`, bestOf(ys, goal));
    const points: StepCurve["points"] = [];
    ys.forEach((y, i) => {
      const x = xs && xs.length === ys.length ? xs[i] : i;
      if (y !== null && x !== null && x !== undefined) points.push({ x, y, line });
    });
    if (points.length === 0) return;
    const curve: StepCurve = { metric: key, x: xName, points };
    if (goal) curve.goal = goal;
    curves.push(curve);
  };
  const walk = (obj: Obj, prefix: string): Obj => {
    const out: Obj = {};
    const arrays = new Map<string, (number | null)[]>();
    for (const [k, v] of Object.entries(obj)) {
      const a = numericArray(v);
      if (a) arrays.set(k, a);
    }
    const xKey = X_KEYS.find((k) => arrays.has(k));
    const xs = xKey === undefined ? undefined : arrays.get(xKey);
    const metricLengths = new Set<number>();
    for (const [k, a] of arrays) if (goalFromName(k) && a.length >= 2) metricLengths.add(a.length);
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix === "" ? k : `${prefix}.${k}`;
      const a = arrays.get(k);
      if (a && k === xKey && metricLengths.has(a.length)) continue;
      if (a && k !== xKey && (goalFromName(k) !== undefined || metricLengths.has(a.length))) {
        addSeries(out, k, key, a, xs, xKey ?? "step", obj);
        continue;
      }
      const pair = isObj(v) ? stepsValues(v) : null;
      if (pair) addSeries(out, k, key, pair.ys, pair.xs, "step", obj);
      else put(out, k, isObj(v) ? walk(v, key) : v);
    }
    return out;
  };
  return { record: walk(record, ""), curves };
}

/** `{"steps": [...], "values": [...]}` (any of the usual names), or null. */
function stepsValues(v: Obj): { xs: (number | null)[]; ys: (number | null)[] } | null {
  const xKey = X_KEYS.find((k) => k in v);
  const yKey = Y_KEYS.find((k) => k in v);
  if (xKey === undefined || yKey === undefined) return null;
  const xs = numericArray(v[xKey]);
  const ys = numericArray(v[yKey]);
  if (!xs || !ys || xs.length !== ys.length) return null;
  if (Object.values(v).some((x) => Array.isArray(x) && x !== v[xKey] && x !== v[yKey])) return null;
  return { xs, ys };
}
