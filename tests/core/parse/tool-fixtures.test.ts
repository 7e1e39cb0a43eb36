/**
 * Files written by the tools themselves (see tests/fixtures/parse/SOURCES.md): run counts,
 * named values, missing values, statuses and curves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeStatus } from "../../../src/core/status";
import { parseText, type ParseResult } from "../../../src/core/parse";

const dir = join(__dirname, "../../fixtures/parse");
const parse = (name: string): ParseResult => parseText(readFileSync(join(dir, name), "utf8"));
const errors = (r: ParseResult) => r.issues.filter((i) => i.severity === "error");
const col = (r: ParseResult, name: string) => r.rows.map((row) => row[name]);
const curve = (r: ParseResult, metric: string, row = 0) => r.curves?.find((c) => c.metric === metric && c.row === row);

describe("scikit-learn cv_results_", () => {
  it("gives one run per candidate with the mean, std and rank of each score and the params", () => {
    const r = parse("sklearn-cv-results.csv");
    expect(r.rows).toHaveLength(4);
    expect(errors(r)).toEqual([]);
    expect(r.columns).not.toContain("params");
    expect(r.columns).not.toContain("");
    expect(col(r, "param_C")).toEqual([0.1, 0.1, 1, 1]);
    expect(col(r, "param_kernel")).toEqual(["linear", "rbf", "linear", "rbf"]);
    expect(col(r, "rank_test_score")).toEqual([4, 1, 3, 2]);
    expect(r.rows[1]?.mean_test_score).toBeCloseTo(0.8666666666666667, 12);
    expect(r.rows[1]?.std_test_score).toBeCloseTo(0.023570226039551608, 12);
  });
  it("keeps every scorer of a multi-metric search", () => {
    const r = parse("sklearn-cv-results-multimetric.csv");
    expect(r.rows).toHaveLength(4);
    expect(col(r, "rank_test_accuracy")).toEqual([2, 2, 1, 2]);
    expect(col(r, "rank_test_f1")).toEqual([2, 2, 1, 2]);
    expect(col(r, "param_gamma")).toEqual(["scale", "0.1", "scale", "0.1"]);
  });
});

describe("Optuna trials_dataframe()", () => {
  it("gives one run per trial, failed trials without a value, states mapped", () => {
    const r = parse("optuna-trials.csv");
    expect(r.rows).toHaveLength(6);
    expect(col(r, "number")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(col(r, "state").map((s) => normalizeStatus(String(s)))).toEqual([
      "finished",
      "finished",
      "pruned",
      "failed",
      "finished",
      "finished",
    ]);
    expect(r.rows[3]?.value).toBeNull();
    expect(r.rows[1]?.value).toBeCloseTo(2.031645916398793, 12);
    expect(col(r, "params_layers")).toEqual([3, 2, 2, 3, 2, 2]);
  });
  it("reads both objectives of a multi-objective study", () => {
    const r = parse("optuna-trials-multi.csv");
    expect(r.rows).toHaveLength(4);
    expect(r.rows[1]).toMatchObject({ state: "FAIL", values_0: null, values_1: null });
    expect(r.rows[2]?.values_0).toBeCloseTo(0.13877146536981858, 12);
    expect(col(r, "params_opt")).toEqual(["adam", "adam", "sgd", "sgd"]);
  });
});

describe("MLflow", () => {
  it("reads search_runs() from the file store, None params as missing", () => {
    const r = parse("mlflow-file-store-search-runs.csv");
    expect(r.rows).toHaveLength(3);
    expect(col(r, "status")).toEqual(["FAILED", "FINISHED", "FINISHED"]);
    expect(col(r, "params.max_depth")).toEqual([null, 3, null]);
    expect(r.rows[0]?.["metrics.val_accuracy"]).toBeNull();
  });
  it("turns a long metric history into one run per run id with final, best and curves", () => {
    const r = parse("mlflow-metric-history.csv");
    expect(r.rows).toHaveLength(3);
    expect(new Set(col(r, "run_id")).size).toBe(3);
    expect(r.columns).toEqual([
      "run_id",
      "step",
      "timestamp",
      "loss",
      "loss_best",
      "val_accuracy",
      "val_accuracy_best",
    ]);
    // The failed run logged NaN last: the final value is the last finite one.
    expect(r.rows[0]).toMatchObject({ step: 4, loss: 0.04375, val_accuracy: 3.5000000000000004 });
    expect(r.rows[2]).toMatchObject({ step: 3, val_accuracy: 0.8, val_accuracy_best: 0.8 });
    expect(curve(r, "loss", 1)?.points.map((p) => p.x)).toEqual([0, 1, 2, 3]);
    expect(r.curves?.some((c) => c.metric === "timestamp")).toBe(false);
  });
});

describe("Hugging Face Trainer", () => {
  it("reads trainer_state.json's log_history as one run with final and best values", () => {
    const r = parse("hf-trainer-state.json");
    expect(r.rows).toHaveLength(1);
    expect(errors(r)).toEqual([]);
    expect(r.rows[0]).toMatchObject({ step: 6, epoch: 3, eval_accuracy: 0.5, max_steps: 6, train_batch_size: 8 });
    expect(r.rows[0]?.loss).toBeCloseTo(0.6878812313079834, 12);
    expect(r.rows[0]?.loss_best).toBeCloseTo(0.6868322491645813, 12);
    expect(r.rows[0]?.train_loss).toBeCloseTo(0.6904, 4);
    const evalLoss = curve(r, "eval_loss");
    expect(evalLoss?.x).toBe("step");
    expect(evalLoss?.points.map((p) => p.x)).toEqual([2, 4, 6, 6]);
    expect(evalLoss?.goal).toBe("min");
  });
  it("reads console dict lines whose values are quoted strings as numbers", () => {
    const r = parse("hf-trainer-console.txt");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      loss: 0.6879,
      loss_best: 0.6868,
      epoch: 3,
      eval_loss: 0.6915,
      train_loss: 0.6904,
    });
    // The scheduler lowers learning_rate at every log line: it is a curve, not the run's setting.
    expect(r.rows[0]).not.toHaveProperty("learning_rate");
    expect(curve(r, "learning_rate")?.points.map((p) => p.y)).toEqual([
      0.001, 0.0008333, 0.0006667, 0.0005, 0.0003333, 0.0001667,
    ]);
    expect(r.issues.find((i) => i.code === "scheduled_value")).toMatchObject({
      line: 1,
      column: "learning_rate",
      severity: "warning",
    });
    expect(curve(r, "loss")?.points).toHaveLength(6);
  });
  it("reads log_metrics blocks (train and eval) as one run", () => {
    const r = parse("hf-log-metrics.txt");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ epoch: 3, train_loss: 0.6904, eval_accuracy: 0.5, eval_loss: 0.6915 });
    expect(r.columns.filter((c) => c === "epoch")).toHaveLength(1);
  });
  it("reads the model card's results table, No log as missing", () => {
    const r = parse("hf-model-card-results.md");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      "Training Loss": null,
      Epoch: 3,
      Step: 6,
      "Validation Loss": 0.6916,
      Accuracy: 0.625,
    });
    expect(r.rows[0]?.["Validation Loss_best"]).toBe(0.6916);
    expect(curve(r, "Validation Loss")?.points.map((p) => p.y)).toEqual([0.6924, 0.6919, 0.6916]);
    expect(r.issues.filter((i) => i.code === "wrong_type")).toEqual([]);
  });
});

describe("Keras CSVLogger", () => {
  it("reads the default file as one run", () => {
    const r = parse("keras-csvlogger-default.csv");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ epoch: 2, val_accuracy: 0.6875, val_accuracy_best: 0.75 });
  });
  it("splits a tab-separated file", () => {
    const r = parse("keras-csvlogger-tab.tsv");
    expect(r.rows).toHaveLength(1);
    expect(r.columns).toContain("val_loss");
    expect(r.rows[0]).toMatchObject({ epoch: 2, accuracy: 0.5625, val_loss_best: 0.6955386996269226 });
  });
  it("reads two appended fits as two runs, NA as missing, and says so", () => {
    const r = parse("keras-csvlogger-appended.csv");
    expect(r.rows).toHaveLength(2);
    expect(r.rowLines).toEqual([2, 4]);
    expect(col(r, "epoch")).toEqual([1, 2]);
    expect(col(r, "val_loss")).toEqual([null, null]);
    expect(r.issues.map((i) => `${i.line}:${i.code}`)).toEqual(["4:new_run"]);
    expect(curve(r, "loss", 1)?.points).toHaveLength(3);
  });
});

describe("per-step arrays in JSON", () => {
  it("reads Keras' history.history as the same run as its CSVLogger file", () => {
    const json = parse("keras-history.json");
    expect(json.rows).toHaveLength(1);
    expect(json.rows[0]).toEqual(
      Object.fromEntries(
        Object.entries(parse("keras-csvlogger-default.csv").rows[0] ?? {}).filter(([k]) => k !== "epoch"),
      ),
    );
    expect(curve(json, "val_loss")?.points.map((p) => p.x)).toEqual([0, 1, 2]);
  });
  it("reads XGBoost's evals_result() as one run with each evaluation set's final and best", () => {
    const r = parse("xgboost-evals-result.json");
    expect(r.rows).toHaveLength(1);
    expect(r.alternatives).toBeUndefined();
    expect(r.rows[0]).toMatchObject({ "validation_1.error": 0.1, "validation_0.error_best": 0.01666666666666667 });
    expect(r.rows[0]?.["validation_0.logloss"]).toBeCloseTo(0.278188856318593, 12);
    expect(r.curves?.map((c) => c.metric)).toEqual([
      "validation_0.logloss",
      "validation_0.error",
      "validation_1.logloss",
      "validation_1.error",
    ]);
  });
});

describe("Lightning CSVLogger", () => {
  for (const file of ["lightning-1-metrics.csv", "lightning-2-metrics.csv"]) {
    it(`reads ${file} as one run with final values from the last logged step`, () => {
      const r = parse(file);
      expect(r.rows).toHaveLength(1);
      expect(r.issues).toEqual([]);
      expect(r.rows[0]).toMatchObject({ epoch: 2, step: 11, val_acc: 0.96875 });
      expect(r.rows[0]?.val_loss).toBeCloseTo(0.21642762422561646, 12);
      expect(r.rows[0]?.train_loss).toBeCloseTo(0.2375933825969696, 12);
      expect(r.rows[0]?.train_loss_best).toBeCloseTo(0.17937025427818298, 12);
      expect(curve(r, "val_loss")?.points.map((p) => p.x)).toEqual([3, 7, 11]);
    });
  }
  it("gives the same run whatever the column order", () => {
    const a = parse("lightning-1-metrics.csv").rows[0];
    const b = parse("lightning-2-metrics.csv").rows[0];
    expect(a).toEqual(b);
  });
});

describe("TensorBoard HParams export", () => {
  for (const file of ["tensorboard-hparams.json", "tensorboard-hparams.csv"]) {
    it(`reads ${file} as one run per session group, NaN and absent metrics missing`, () => {
      const r = parse(file);
      expect(r.rows).toHaveLength(3);
      expect(r.columns).toEqual(["num_units", "dropout", "optimizer", "Accuracy", "epoch_loss"]);
      expect(col(r, "Accuracy")).toEqual([0.8125, 0.75, null]);
      expect(col(r, "epoch_loss")).toEqual([0.41, null, 0.52]);
      expect(r.issues.map((i) => i.code).sort()).toEqual(["missing", "non_finite"]);
    });
  }
});

describe("W&B runs DataFrame", () => {
  it("expands summary and config into columns, one run per row", () => {
    const r = parse("wandb-runs-dataframe.csv");
    expect(r.rows).toHaveLength(3);
    expect(r.columns).toEqual([
      "name",
      "_runtime",
      "_step",
      "_timestamp",
      "accuracy",
      "loss",
      "learning_rate",
      "epochs",
      "optimizer",
      "layers",
    ]);
    expect(col(r, "accuracy")).toEqual([0.912, 0.887, null]);
    expect(col(r, "loss")).toEqual([0.241, null, 0.61]);
    expect(col(r, "learning_rate")).toEqual([0.001, 0.01, 0.1]);
    expect(r.issues.find((i) => i.code === "non_finite")?.line).toBe(3);
  });
});

describe("DVC", () => {
  it("reads DVC 3 exp show --json with executor states", () => {
    const r = parse("dvc3-exp-show.json");
    expect(r.rows).toHaveLength(6);
    expect(col(r, "Experiment")).toEqual(["workspace", "master", "lr-queued", "lr-big", "lr-small", "lr-diverge"]);
    expect(col(r, "State")).toEqual(["success", "success", "running", "success", "success", "failed"]);
    expect(col(r, "accuracy")).toEqual([0.72, 0.9, 0.82, 0.72, 0.882, 0.72]);
    expect(r.columns.filter((c) => c.includes("hash") || c.startsWith("deps"))).toEqual([]);
  });
  it("reads DVC 3 exp show --csv and --md alike", () => {
    const csv = parse("dvc3-exp-show.csv");
    const md = parse("dvc3-exp-show.md");
    expect(md.rows).toHaveLength(6);
    expect(col(md, "Experiment")).toEqual(["workspace", "master", "lr-queued", "lr-big", "lr-small", "lr-diverge"]);
    expect(col(md, "rev").slice(2)).toEqual(col(csv, "rev").slice(2));
    expect(col(md, "State")).toEqual(["Success", "Success", "Success", "Success", "Success", "Failed"]);
    expect(col(csv, "State")).toEqual(col(md, "State"));
    expect(col(md, "accuracy")).toEqual(col(csv, "accuracy"));
    expect(md.rows[0]?.Created).toBeNull();
  });
  it("reads DVC 2.x --show-json (dict layout): one run per checkpoint experiment, best over its checkpoints", () => {
    const r = parse("dvc2-exp-show.json");
    expect(r.rows).toHaveLength(5);
    expect(col(r, "Experiment")).toEqual(["workspace", "master", "ckpt-lr-big", "ckpt-lr-small", "lr-queued"]);
    expect(col(r, "checkpoints")).toEqual([null, null, 3, 4, null]);
    expect(col(r, "State")).toEqual(["Success", "Success", "Success", "Success", "Queued"]);
    expect(r.rows[3]).toMatchObject({ epoch: 2, accuracy: 0.791, accuracy_best: 0.791, loss_best: 0.209 });
    expect(curve(r, "accuracy", 3)?.points.map((p) => p.y)).toEqual([0.591, 0.691, 0.791, 0.791]);
    expect(r.rows[1]?.accuracy).toBeNull();
  });
  it("reads DVC 2.58's list layout with checkpoints and a queued executor", () => {
    const r = parse("dvc258-exp-show.json");
    expect(r.rows).toHaveLength(5);
    expect(col(r, "State")).toEqual(["success", "success", "success", "success", "queued"]);
    expect(col(r, "checkpoints")).toEqual([null, null, 7, 4, null]);
  });
  it("folds DVC 2.x CSV checkpoint rows into their experiment", () => {
    const r = parse("dvc2-exp-show.csv");
    expect(r.rows).toHaveLength(5);
    expect(col(r, "typ")).toEqual(["baseline", "baseline", "checkpoint_tip", "checkpoint_tip", "branch_base"]);
    expect(r.issues.filter((i) => i.code === "skipped_line")).toHaveLength(1);
  });
  it("reads metrics show --json per revision, files merged", () => {
    const three = parse("dvc3-metrics-show-all.json");
    expect(three.rows).toEqual([
      { Revision: "workspace", accuracy: 0.7, latency_ms: 12.5, loss: null },
      { Revision: "master", accuracy: 0.9, latency_ms: 12.5, loss: 0.1 },
    ]);
    expect(parse("dvc2-metrics-show.json").rows).toEqual([
      { Revision: "workspace", epoch: 1, accuracy: 0.61, loss: 0.39 },
    ]);
  });
  it("reads metrics show --md, - as missing, one run per revision", () => {
    const one = parse("dvc3-metrics-show.md");
    expect(one.rows).toEqual([{ accuracy: 0.72, latency_ms: 12.5, loss: 0.28 }]);
    const all = parse("dvc3-metrics-show-all.md");
    expect(all.rows).toHaveLength(2);
    expect(all.rows[0]).toEqual({ Revision: "workspace", accuracy: 0.7, latency_ms: 12.5, loss: null });
    expect(all.issues.filter((i) => i.code === "wrong_type")).toEqual([]);
  });
});
