/** Detection judges the whole sample's structure before cell patterns. */
import { describe, expect, it } from "vitest";
import { detectFormat, parseText } from "../../../src/core/parse";

describe("structure before cell patterns", () => {
  it("keeps a CSV with a Python-dict column a CSV, its scores numbers", () => {
    const text = "run_id,params,accuracy\nr1,\"{'lr': 0.1, 'bs': 32}\",0.9\nr2,\"{'lr': 0.2, 'bs': 64}\",0.8\n";
    expect(detectFormat(text)[0]?.format).toBe("csv");
    const r = parseText(text);
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.9, 0.8]);
    expect(r.rows[0]?.params).toBe("{'lr': 0.1, 'bs': 32}");
  });
  it("keeps a CSV with a key=value column a CSV", () => {
    const text = "run_id,args,accuracy\nr1,lr=0.1 bs=32,0.9\nr2,lr=0.2 bs=64,0.8\n";
    expect(detectFormat(text)[0]?.format).toBe("csv");
    expect(parseText(text).rows).toEqual([
      { run_id: "r1", args: "lr=0.1 bs=32", accuracy: 0.9 },
      { run_id: "r2", args: "lr=0.2 bs=64", accuracy: 0.8 },
    ]);
  });
  it("still reads dict lines and key=value lines that are not tables", () => {
    expect(detectFormat("{'lr': 0.1, 'acc': 0.9}\n{'lr': 0.2, 'acc': 0.8}\n")[0]?.format).toBe("pydict");
    expect(detectFormat("lr=0.1, acc=0.9\nlr=0.2, acc=0.8\n")[0]?.format).toBe("keyvalue");
  });
  it("detects one line of JSON of any size (json.dump writes no newline)", () => {
    const runs = Array.from({ length: 3000 }, (_, i) => ({
      run_id: `r${i}`,
      accuracy: i / 3000,
      note: "x".repeat(40),
    }));
    const text = JSON.stringify(runs);
    expect(text.length).toBeGreaterThan(200_000);
    expect(detectFormat(text)[0]?.format).toBe("json");
    const r = parseText(text);
    expect(r.rows).toHaveLength(3000);
    expect(r.rows[2999]?.run_id).toBe("r2999");
  });
  it('unwraps {"runs": [...]}', () => {
    const r = parseText(
      JSON.stringify(
        {
          project: "p",
          runs: [
            { id: "a", acc: 0.9 },
            { id: "b", acc: 0.8 },
          ],
        },
        null,
        2,
      ),
    );
    expect(r.format).toBe("json");
    expect(r.rows).toEqual([
      { id: "a", acc: 0.9 },
      { id: "b", acc: 0.8 },
    ]);
    expect(r.rowLines).toEqual([4, 8]);
  });
  it("reads an object keyed by run id as one run per key, and offers the one-run reading", () => {
    const text = JSON.stringify({ "run-1": { lr: 0.1, acc: 0.9 }, "run-2": { lr: 0.2, acc: 0.8 } }, null, 2);
    const r = parseText(text);
    expect(r.format).toBe("json-by-key");
    expect(r.rows).toEqual([
      { run_id: "run-1", lr: 0.1, acc: 0.9 },
      { run_id: "run-2", lr: 0.2, acc: 0.8 },
    ]);
    expect(r.rowLines).toEqual([2, 6]);
    expect(r.alternatives).toEqual(["json"]);
    expect(r.issues.map((i) => i.code)).toEqual(["ambiguous_format"]);
    expect(parseText(text, { format: "json" }).rows).toEqual([
      { "run-1.lr": 0.1, "run-1.acc": 0.9, "run-2.lr": 0.2, "run-2.acc": 0.8 },
    ]);
  });
  it("reads an object of sections (metrics, params) as one run", () => {
    const r = parseText(JSON.stringify({ metrics: { acc: 0.9 }, params: { lr: 0.1 } }));
    expect(r.format).toBe("json");
    expect(r.rows).toEqual([{ "metrics.acc": 0.9, "params.lr": 0.1 }]);
    expect(r.alternatives).toBeUndefined();
  });
});

describe("step-wise data recognised by its structure", () => {
  it("Keras history.history JSON: arrays become final and best values and curves", () => {
    const r = parseText('{"loss": [0.7, 0.5, 0.4], "accuracy": [0.5, 0.6, 0.7], "val_loss": [0.8, 0.6, NaN]}');
    expect(r.rows).toEqual([
      { loss: 0.4, loss_best: 0.4, accuracy: 0.7, accuracy_best: 0.7, val_loss: 0.6, val_loss_best: 0.6 },
    ]);
    expect(r.curves?.map((c) => `${c.metric}:${c.points.length}`)).toEqual(["loss:3", "accuracy:3", "val_loss:2"]);
  });
  it("steps/values pairs inside a run", () => {
    const r = parseText(
      JSON.stringify({
        run: "a",
        layers: [64, 32],
        metrics: { loss: { steps: [0, 10, 20], values: [0.9, 0.5, 0.3] } },
      }),
    );
    expect(r.rows).toEqual([{ run: "a", layers: "[64,32]", "metrics.loss": 0.3, "metrics.loss_best": 0.3 }]);
    expect(r.curves?.[0]?.points.map((p) => p.x)).toEqual([0, 10, 20]);
  });
  it("per-iteration tables of tuning libraries (trial_id, training_iteration): one run per trial", () => {
    const text =
      "trial_id,training_iteration,mean_accuracy,lr\nt1,1,0.5,0.1\nt1,2,0.6,0.1\nt2,1,0.4,0.01\nt2,2,0.7,0.01\n";
    const r = parseText(text);
    expect(r.rows).toEqual([
      { trial_id: "t1", training_iteration: 2, mean_accuracy: 0.6, mean_accuracy_best: 0.6, lr: 0.1 },
      { trial_id: "t2", training_iteration: 2, mean_accuracy: 0.7, mean_accuracy_best: 0.7, lr: 0.01 },
    ]);
    expect(r.rowLines).toEqual([2, 4]);
    expect(r.curves?.filter((c) => c.row === 1).map((c) => c.metric)).toEqual(["mean_accuracy", "lr"]);
  });
  it("a runs table with an epoch column stays one run per row", () => {
    const r = parseText("run_id,epoch,accuracy\nr1,10,0.9\nr2,20,0.8\n");
    expect(r.rows).toEqual([
      { run_id: "r1", epoch: 10, accuracy: 0.9 },
      { run_id: "r2", epoch: 20, accuracy: 0.8 },
    ]);
    expect(r.curves).toBeUndefined();
  });
  it("a runs table without ids but with a model name per row stays one run per row", () => {
    const r = parseText("model,epoch,accuracy\nA,10,0.8\nB,20,0.9\n");
    expect(r.rows).toHaveLength(2);
    expect(r.curves).toBeUndefined();
  });
  it("TensorBoard's scalar CSV (Wall time, Step, Value) is one run; the clock is no curve", () => {
    const r = parseText("Wall time,Step,Value\n1700000000.1,0,0.9\n1700000001.2,100,0.5\n");
    expect(r.rows).toEqual([{ "Wall time": 1700000001.2, Step: 100, Value: 0.5 }]);
    expect(r.curves?.map((c) => c.metric)).toEqual(["Value"]);
  });
});
