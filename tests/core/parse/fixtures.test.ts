import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, parseText, type FormatName, type ParseResult } from "../../../src/core/parse";

const dir = join(__dirname, "../../fixtures/parse");
const read = (name: string): string => readFileSync(join(dir, name), "utf8");
const parse = (name: string): ParseResult => parseText(read(name));
const errors = (r: ParseResult) => r.issues.filter((i) => i.severity === "error");
const codes = (r: ParseResult) => r.issues.map((i) => `${i.line}:${i.column ?? ""}:${i.code}`);

/** Fixture -> the format detection must pick. */
const EXPECTED: Record<string, FormatName> = {
  "csv-basic.csv": "csv",
  "csv-bom-crlf.csv": "csv",
  "csv-errors.csv": "csv",
  "csv-injection.csv": "csv",
  "csv-nonfinite.csv": "csv",
  "csv-pandas-index.csv": "csv",
  "csv-semicolon-decimal-comma.csv": "csv-semicolon",
  "csv-thousands-percent.csv": "csv",
  "dvc-exp-show.csv": "dvc-csv",
  "dvc-exp-show.json": "dvc-json",
  "json-array-nan.json": "json",
  "json-object.json": "json",
  "json-syntax-error.json": "json",
  "jsonl-bad-line.jsonl": "jsonl",
  "jsonl-runs.jsonl": "jsonl",
  "keras-csvlogger.csv": "keras",
  "keyvalue-blocks.txt": "keyvalue",
  "keyvalue-hf-log-metrics.txt": "hf-log-metrics",
  "keyvalue-per-line.txt": "keyvalue",
  "lightning-metrics.csv": "lightning",
  "markdown-pandas.md": "markdown",
  "mlflow-search-runs.csv": "mlflow",
  "mlflow-ui-export.csv": "mlflow-ui",
  "pydict-hf-numpy2.txt": "pydict",
  "pydict-hf-trainer.txt": "pydict",
  "pydict-runs.txt": "pydict",
  "tsv-excel-clipboard.tsv": "tsv",
  "wandb-runs-export.csv": "wandb",
  "dvc2-exp-show.csv": "dvc-csv",
  "dvc2-exp-show.json": "dvc-json",
  "dvc2-metrics-show.json": "dvc-metrics-json",
  "dvc2-metrics-show.md": "dvc-metrics-md",
  "dvc258-exp-show.json": "dvc-json",
  "dvc3-exp-show.csv": "dvc-csv",
  "dvc3-exp-show.json": "dvc-json",
  "dvc3-exp-show.md": "dvc-md",
  "dvc3-metrics-show-all.json": "dvc-metrics-json",
  "dvc3-metrics-show-all.md": "dvc-metrics-md",
  "dvc3-metrics-show.json": "dvc-metrics-json",
  "dvc3-metrics-show.md": "dvc-metrics-md",
  "hf-log-metrics.txt": "hf-log-metrics",
  "hf-model-card-results.md": "markdown",
  "hf-trainer-console.txt": "pydict",
  "hf-trainer-state.json": "hf-trainer-state",
  "keras-csvlogger-appended.csv": "keras",
  "keras-csvlogger-default.csv": "keras",
  "keras-csvlogger-tab.tsv": "keras",
  "lightning-1-metrics.csv": "lightning",
  "lightning-2-metrics.csv": "lightning",
  "mlflow-file-store-search-runs.csv": "mlflow",
  "mlflow-metric-history.csv": "metric-history",
  "optuna-trials-multi.csv": "optuna",
  "optuna-trials.csv": "optuna",
  "sklearn-cv-results-multimetric.csv": "sklearn-cv",
  "sklearn-cv-results.csv": "sklearn-cv",
  "tensorboard-hparams.csv": "csv",
  "tensorboard-hparams.json": "tensorboard-hparams",
  "wandb-runs-dataframe.csv": "wandb-dataframe",
  "keras-history.json": "json",
  "xgboost-evals-result.json": "json",
};

describe("format detection", () => {
  it("covers every fixture file", () => {
    const files = readdirSync(dir).filter((f) => f !== "SOURCES.md");
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, format] of Object.entries(EXPECTED)) {
    it(`detects ${file} as ${format}`, () => {
      expect(detectFormat(read(file))[0]?.format).toBe(format);
      expect(parse(file).format).toBe(format);
    });
  }
});

describe("CSV family", () => {
  it("types numbers, keeps text, reports lines", () => {
    const r = parse("csv-basic.csv");
    expect(r.columns).toEqual(["run_id", "experiment", "layers", "n_images", "learning_rate", "accuracy", "val_loss"]);
    expect(r.rows[1]).toMatchObject({ run_id: "r2", layers: 2, n_images: 2000, learning_rate: 0.001, accuracy: 0.91 });
    expect(r.rowLines).toEqual([2, 3]);
    expect(r.issues).toEqual([]);
  });
  it("strips the BOM and handles CRLF and quoted commas", () => {
    const r = parse("csv-bom-crlf.csv");
    expect(r.columns[0]).toBe("run_id");
    expect(r.rows[1]?.notes).toBe("more data, puppies");
  });
  it("reads semicolon files with decimal comma and dot thousands", () => {
    const r = parse("csv-semicolon-decimal-comma.csv");
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.82, 0.91]);
    expect(r.rows.map((x) => x.n_images)).toEqual([1000, 2000]);
    expect(r.rows[0]?.learning_rate).toBe(0.001);
  });
  it("reads thousands separators and percent strings", () => {
    const r = parse("csv-thousands-percent.csv");
    expect(r.rows.map((x) => x.n_images)).toEqual([1000, 2000]);
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.82, 0.915]);
  });
  it("keeps nan/inf/NA/None/empty as missing with warnings, never 0", () => {
    const r = parse("csv-nonfinite.csv");
    expect(r.rows.map((x) => x.val_loss)).toEqual([null, null, null, null]);
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.82, null, null, 0.9]);
    expect(codes(r)).toEqual([
      "2:val_loss:non_finite",
      "3:val_loss:non_finite",
      "3:accuracy:missing",
      "4:val_loss:non_finite",
      "5:val_loss:missing",
    ]);
    expect(errors(r)).toEqual([]);
  });
  it("drops pandas' unnamed index column", () => {
    expect(parse("csv-pandas-index.csv").columns).toEqual(["run_id", "accuracy"]);
  });
  it("points errors at their lines and columns", () => {
    const r = parse("csv-errors.csv");
    expect(errors(r).map((i) => `${i.line}:${i.column ?? ""}:${i.code}`)).toEqual([
      "3::too_many_fields",
      "4:accuracy:wrong_type",
      "7::unterminated_quote",
      "7:accuracy:wrong_type",
    ]);
    for (const e of errors(r)) expect(e.fix).toBeTruthy();
  });
  it("reads Excel clipboard text with a quoted multi-line cell and doubled quotes", () => {
    const r = parse("tsv-excel-clipboard.tsv");
    expect(r.rows[0]?.notes).toBe('line one\r\nline "two"');
    expect(r.rowLines).toEqual([2, 4]);
    expect(r.rows[1]?.accuracy).toBe(0.91);
  });
  it("keeps injection attempts as exact text", () => {
    const r = parse("csv-injection.csv");
    expect(r.rows.map((x) => x.notes)).toEqual(['=HYPERLINK("http://evil","x")', "+cmd", "@SUM(A1)", "=1+1", "-2+3"]);
  });
});

describe("JSON family", () => {
  it("flattens a nested object into one run", () => {
    const r = parse("json-object.json");
    expect(r.rows).toEqual([
      { run_id: "r1", "params.layers": 2, "params.lr": 0.001, "metrics.accuracy": 0.91, "metrics.val_loss": 0.28 },
    ]);
  });
  it("reads Python's NaN/Infinity as missing with warnings", () => {
    const r = parse("json-array-nan.json");
    expect(r.rows.map((x) => x.val_loss)).toEqual([null, null]);
    expect(codes(r)).toEqual(["2:val_loss:non_finite", "3:val_loss:non_finite"]);
    expect(r.rowLines).toEqual([2, 3]);
  });
  it("points a JSON syntax error at its line", () => {
    const r = parse("json-syntax-error.json");
    expect(errors(r).map((i) => i.line)).toEqual([3]);
  });
  it("reads JSON Lines and reports a bad line alone", () => {
    expect(parse("jsonl-runs.jsonl").rows[1]).toEqual({ run_id: "r2", "metrics.accuracy": 0.91, seed: 2 });
    const bad = parse("jsonl-bad-line.jsonl");
    expect(bad.rows.map((x) => x.run_id)).toEqual(["r1", "r3"]);
    expect(errors(bad).map((i) => i.line)).toEqual([2]);
  });
});

describe("text formats", () => {
  it("reads key=value lines, one run per line", () => {
    expect(parse("keyvalue-per-line.txt").rows).toEqual([
      { run_id: "r1", layers: 1, lr: 0.001, acc: 0.82 },
      { run_id: "r2", layers: 2, lr: 0.001, acc: 0.91 },
    ]);
  });
  it("reads key: value blocks separated by blank lines", () => {
    const r = parse("keyvalue-blocks.txt");
    expect(r.rows.map((x) => x.run_id)).toEqual(["r1", "r2"]);
    expect(r.rowLines).toEqual([1, 5]);
  });
  it("reads the Trainer's log_metrics block as one run, its banner naming the block", () => {
    const r = parse("keyvalue-hf-log-metrics.txt");
    expect(r.rows).toEqual([
      {
        epoch: 3,
        eval_accuracy: 0.9123,
        eval_loss: 0.2811,
        eval_runtime: "0:00:04.21",
        eval_samples_per_second: 475.059,
      },
    ]);
    expect(codes(r)).toEqual([]);
  });
  it("reads Python dict lines with True/False/None", () => {
    expect(parse("pydict-runs.txt").rows).toEqual([
      { run_id: "r1", accuracy: 0.82, converged: true, note: null },
      { run_id: "r2", accuracy: 0.91, converged: false, note: "ok" },
    ]);
  });
  it("reduces a Trainer log to one run with final and best values", () => {
    const r = parse("pydict-hf-trainer.txt");
    expect(r.rows).toHaveLength(1);
    const run = r.rows[0] ?? {};
    expect(run.eval_loss).toBe(0.3811);
    expect(run.eval_loss_best).toBe(0.3811);
    expect(run.eval_accuracy_best).toBe(0.86);
    expect(run.train_loss).toBe(0.5127);
    expect(run.epoch).toBe(2);
    expect(r.issues.find((i) => i.code === "non_finite")).toMatchObject({ line: 4, column: "grad_norm" });
    expect(r.curves?.find((c) => c.metric === "eval_loss")?.points.map((p) => [p.x, p.y])).toEqual([
      [1, 0.5012],
      [2, 0.3811],
    ]);
  });
  it("unwraps numpy 2 scalars such as np.float64(0.5) in Trainer lines", () => {
    const r = parse("pydict-hf-numpy2.txt");
    expect(r.rows[0]).toMatchObject({
      eval_loss: 0.3811,
      eval_loss_best: 0.3811,
      eval_accuracy: 0.86,
      epoch: 2,
      learning_rate: 4.8e-5,
    });
    expect(r.issues).toEqual([]);
  });
  it("reads pandas to_markdown tables", () => {
    const r = parse("markdown-pandas.md");
    expect(r.columns).toEqual(["run_id", "layers", "accuracy"]);
    expect(r.rows[1]).toEqual({ run_id: "r2", layers: 2, accuracy: 0.91 });
    expect(r.rowLines).toEqual([3, 4]);
  });
});

describe("trackers", () => {
  it("reads mlflow.search_runs().to_csv()", () => {
    const r = parse("mlflow-search-runs.csv");
    expect(r.columns).toContain("metrics.accuracy");
    expect(r.columns[0]).toBe("run_id");
    expect(r.rows[0]).toMatchObject({ status: "FINISHED", "metrics.accuracy": 0.91, "params.layers": 2 });
    expect(r.rows[1]?.["metrics.accuracy"]).toBeNull();
  });
  it("undoes the MLflow UI's leading apostrophes", () => {
    const r = parse("mlflow-ui-export.csv");
    expect(r.rows.map((x) => x.delta_loss)).toEqual([-0.05, -0.02]);
    expect(r.rows[0]?.note).toBe('=HYPERLINK("http://x")');
  });
  it("reads the W&B runs export with summary and dict-like cells", () => {
    const r = parse("wandb-runs-export.csv");
    expect(r.rows[0]).toMatchObject({ Name: "dashing-sun-3", "val_loss.min": 0.27, "accuracy.max": 0.92 });
    expect(r.rows[0]?.conf_mat).toBe('{"_type": "table-file", "path": "media/table.json"}');
    expect(r.rows[1]?.accuracy).toBeNull();
  });
  it("reads dvc exp show --csv and --json to the same runs", () => {
    const csv = parse("dvc-exp-show.csv");
    const json = parse("dvc-exp-show.json");
    const pick = (r: ParseResult) => r.rows.map((x) => [x.rev, x.acc, x.loss, x["train.lr"], x.typ]);
    expect(pick(json)).toEqual(pick(csv));
    expect(json.rows[2]?.Experiment).toBe("exp-e6c97");
  });
  it("reduces a Keras CSVLogger file (NA kept missing)", () => {
    const r = parse("keras-csvlogger.csv");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      epoch: 2,
      val_accuracy: 0.7400000095367432,
      val_accuracy_best: 0.7599999904632568,
      val_loss_best: 0.4912987351417542,
    });
    expect(r.curves?.find((c) => c.metric === "val_loss")?.points).toHaveLength(2);
  });
  it("reduces a Lightning metrics.csv with sparse rows", () => {
    const r = parse("lightning-metrics.csv");
    expect(r.rows[0]).toMatchObject({
      epoch: 1,
      step: 199,
      train_loss: 0.3902,
      val_acc: 0.79,
      val_acc_best: 0.79,
      val_loss: 0.4488,
      val_loss_best: 0.4488,
    });
    const train = r.curves?.find((c) => c.metric === "train_loss");
    expect(train?.x).toBe("step");
    expect(train?.points.map((p) => p.x)).toEqual([49, 99, 149, 199]);
    expect(train?.goal).toBe("min");
  });
});
