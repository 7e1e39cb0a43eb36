/**
 * Properties of the tool readers and the step-log reduction: they never throw on damaged
 * tool output (every fixture cut and edited at random), keep issue lines inside the text, and
 * reduce generated step logs to exactly one run per trial with the last finite and best values.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, parseText, type FormatName, type ParseResult } from "../../../src/core/parse";
import { lineCount } from "../../../src/core/parse/raw";

const dir = join(__dirname, "../../fixtures/parse");
const TOOL_FILES = readdirSync(dir).filter((f) =>
  /^(sklearn|optuna|mlflow-file|mlflow-metric|hf-|keras-csvlogger-|lightning-[12]|tensorboard|wandb-runs-dataframe|dvc2|dvc258|dvc3)/.test(
    f,
  ),
);

function checkLines(text: string, r: ParseResult): void {
  const n = lineCount(text);
  for (const issue of r.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(n);
  }
  for (const line of r.rowLines) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(n);
  }
  expect(r.rowLines).toHaveLength(r.rows.length);
  for (const c of r.curves ?? []) expect(c.row ?? 0).toBeLessThan(Math.max(1, r.rows.length));
}

/** A fixture with a slice cut out and some text put in its place. */
const damaged = (text: string) =>
  fc
    .tuple(
      fc.nat({ max: text.length }),
      fc.nat({ max: 200 }),
      fc.constantFrom("", ",", "\n", '"', "{", "}", "[", "]", "|", "nan", "-", "\t", "'", ":", "="),
    )
    .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut)));

describe("fuzzing: tool readers on damaged tool output", () => {
  it("has tool fixtures to damage", () => expect(TOOL_FILES.length).toBeGreaterThanOrEqual(30));
  for (const file of TOOL_FILES) {
    const text = readFileSync(join(dir, file), "utf8");
    const format = detectFormat(text)[0]?.format as FormatName;
    it(`${file}: detected and forced (${format}) readings never throw`, () => {
      fc.assert(
        fc.property(damaged(text), (t) => {
          checkLines(t, parseText(t));
          checkLines(t, parseText(t, { format }));
        }),
        { numRuns: 40 },
      );
    });
  }
});

/** Step logs: some trials, each with increasing steps and a loss that may be NaN or absent. */
const stepLog = fc.array(
  fc.array(fc.option(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(Number.NaN)), { nil: null }), {
    minLength: 2,
    maxLength: 8,
  }),
  { minLength: 1, maxLength: 5 },
);

const lastFinite = (ys: (number | null)[]): number | null => {
  for (let i = ys.length - 1; i >= 0; i--) {
    const y = ys[i];
    if (y !== null && y !== undefined && Number.isFinite(y)) return y;
  }
  return null;
};
const minFinite = (ys: (number | null)[]): number | null => {
  const f = ys.filter((y): y is number => y !== null && Number.isFinite(y));
  return f.length ? Math.min(...f) : null;
};
const cell = (y: number | null): string => (y === null ? "" : Number.isNaN(y) ? "nan" : String(y));

describe("step logs: one run per trial, final = last finite, best over the steps", () => {
  it("CSV with a trial id column (any row order within a trial kept)", () => {
    fc.assert(
      fc.property(stepLog, (trials) => {
        const lines = ["trial_id,step,val_loss"];
        trials.forEach((ys, t) => ys.forEach((y, s) => lines.push(`t${t},${s},${cell(y)}`)));
        const text = lines.join("\n");
        const r = parseText(text, { format: "csv" });
        checkLines(text, r);
        if (trials.length === 1 && trials[0]?.length === 1) return;
        expect(r.rows.map((x) => x.trial_id)).toEqual(trials.map((_, t) => `t${t}`));
        expect(r.rows.map((x) => x.val_loss)).toEqual(trials.map(lastFinite));
        expect(r.rows.map((x) => x.val_loss_best)).toEqual(trials.map(minFinite));
        expect(r.rows.map((x) => x.step)).toEqual(trials.map((ys) => ys.length - 1));
      }),
      { numRuns: 150 },
    );
  });
  it("Keras files with appended fits: one run per fit", () => {
    fc.assert(
      fc.property(stepLog, (fits) => {
        const lines = ["epoch,loss"];
        fits.forEach((ys) => ys.forEach((y, e) => lines.push(`${e},${y === null ? "NA" : cell(y)}`)));
        const text = lines.join("\n");
        const r = parseText(text, { format: "keras" });
        checkLines(text, r);
        expect(r.rows).toHaveLength(fits.length);
        expect(r.rows.map((x) => x.loss)).toEqual(fits.map(lastFinite));
        expect(r.issues.filter((i) => i.code === "new_run")).toHaveLength(fits.length > 1 ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
  it("long histories (run, key, value, step) pivot to the same runs", () => {
    fc.assert(
      fc.property(stepLog, (trials) => {
        const lines = ["run_id,key,value,step"];
        trials.forEach((ys, t) => ys.forEach((y, s) => lines.push(`r${t},val_loss,${cell(y)},${s}`)));
        const text = lines.join("\n");
        const r = parseText(text);
        expect(r.format).toBe("metric-history");
        checkLines(text, r);
        expect(r.rows.map((x) => x.run_id)).toEqual(trials.map((_, t) => `r${t}`));
        expect(r.rows.map((x) => x.val_loss)).toEqual(trials.map(lastFinite));
        expect(r.rows.map((x) => x.val_loss_best)).toEqual(trials.map(minFinite));
      }),
      { numRuns: 150 },
    );
  });
  it("JSON step arrays: the final value is the last finite one", () => {
    fc.assert(
      fc.property(stepLog, (trials) => {
        const text = JSON.stringify(
          trials.map((ys, t) => ({ run_id: `r${t}`, val_loss: ys.map((y) => (y === null ? null : y)) })),
        ).replace(/null/g, "NaN");
        const r = parseText(text, { format: "json" });
        checkLines(text, r);
        expect(r.rows).toHaveLength(trials.length);
        const asNaN = trials.map((ys) => ys.map((y) => (y === null ? Number.NaN : y)));
        expect(r.rows.map((x) => x.val_loss)).toEqual(asNaN.map(lastFinite));
        expect(r.rows.map((x) => x.val_loss_best)).toEqual(asNaN.map(minFinite));
      }),
      { numRuns: 150 },
    );
  });
});
