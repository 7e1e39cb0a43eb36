/**
 * What an import reads from a training log beyond the values themselves: split prefixes and
 * metric synonyms in the mapping, a scheduled hyperparameter that is not the run's setting, and a
 * decimal comma where the format does not use one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapColumns, parseText } from "../../../src/core/parse";
import { DEFAULT_SCHEMA } from "../../../src/core/default-schema";
import type { RunSchema } from "../../../src/core/schema-types";

const targets = (columns: string[], schema: RunSchema) =>
  Object.fromEntries(mapColumns(columns, schema).map((m) => [m.source, m.target]));

describe("mapping split prefixes and metric synonyms", () => {
  it("maps eval_accuracy to accuracy when the schema has no val_accuracy", () => {
    const t = targets(["eval_accuracy", "eval_loss", "epoch"], DEFAULT_SCHEMA);
    expect(t.eval_accuracy).toBe("accuracy");
    expect(t.eval_loss).toBe("val_loss");
    expect(mapColumns(["eval_accuracy"], DEFAULT_SCHEMA)[0]?.match).toBe("synonym");
  });

  it("prefers the same split when the schema has it: eval_accuracy -> val_accuracy, test_acc -> accuracy", () => {
    const schema: RunSchema = {
      columns: [
        { name: "accuracy", type: "number", role: "metric" },
        { name: "val_accuracy", type: "number", role: "metric" },
      ],
    };
    expect(targets(["eval_accuracy", "test_acc"], schema)).toEqual({
      eval_accuracy: "val_accuracy",
      test_acc: "accuracy",
    });
    expect(targets(["val_acc"], schema)).toEqual({ val_acc: "val_accuracy" });
  });

  it.each(["acc", "top1", "top1_acc", "Top-1 Accuracy", "acc@1", "val_top1", "test_acc1"])(
    "maps %s to accuracy",
    (c) => {
      expect(targets([c], DEFAULT_SCHEMA)[c]).toBe("accuracy");
    },
  );

  it("never takes a metric's own column away from it: accuracy beside eval_accuracy keeps accuracy", () => {
    const t = targets(["eval_accuracy", "accuracy"], DEFAULT_SCHEMA);
    expect(t.accuracy).toBe("accuracy");
    expect(t.eval_accuracy).toBeNull();
  });

  it("maps hyperparameter spellings of other tools", () => {
    const t = targets(["num_hidden_layers", "random_seed", "arch", "lr"], DEFAULT_SCHEMA);
    expect(t).toEqual({ num_hidden_layers: "layers", random_seed: "seed", arch: "model", lr: "learning_rate" });
  });

  it("does not read a word that merely starts like a split (value, testing) as a prefixed metric", () => {
    expect(targets(["value", "tested"], DEFAULT_SCHEMA)).toEqual({ value: null, tested: null });
  });
});

const trainerLines = (lrs: readonly number[]) =>
  lrs
    .flatMap((lr, i) => [
      `{'loss': ${(0.7 - i * 0.05).toFixed(2)}, 'learning_rate': ${lr}, 'epoch': ${i + 1}.0}`,
      `{'eval_loss': ${(0.6 - i * 0.05).toFixed(2)}, 'eval_accuracy': ${(0.8 + i * 0.01).toFixed(2)}, 'epoch': ${i + 1}.0}`,
    ])
    .join("\n");

describe("a hyperparameter that changes step by step", () => {
  it("is left out of the run, kept as a curve, and explained with its first and last lines", () => {
    const r = parseText(trainerLines([5e-5, 4e-5, 3e-5, 2e-5]));
    expect(r.rows).toHaveLength(1);
    expect(r.columns).not.toContain("learning_rate");
    expect(r.rows[0]).not.toHaveProperty("learning_rate");
    expect(r.curves?.find((c) => c.metric === "learning_rate")?.points.map((p) => p.y)).toEqual([
      5e-5, 4e-5, 3e-5, 2e-5,
    ]);
    const issue = r.issues.find((i) => i.code === "scheduled_value");
    expect(issue).toMatchObject({ line: 1, column: "learning_rate", severity: "warning" });
    expect(issue?.message).toContain("on line 1 to 0.00002 on line 7");
    expect(issue?.message).toMatch(/History/);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("stays the run's setting when it is constant", () => {
    const r = parseText(trainerLines([0.01, 0.01, 0.01]));
    expect(r.rows[0]?.learning_rate).toBe(0.01);
    expect(r.issues.some((i) => i.code === "scheduled_value")).toBe(false);
  });

  it("is judged per run: a trial with a constant rate keeps it, a scheduled one does not", () => {
    const csv = ["trial,epoch,lr-Adam,val_loss", "a,1,0.1,0.9", "a,2,0.1,0.8", "b,1,0.1,0.9", "b,2,0.05,0.7"].join(
      "\n",
    );
    const r = parseText(csv);
    expect(r.rows.map((x) => [x.trial, x["lr-Adam"]])).toEqual([
      ["a", 0.1],
      ["b", null],
    ]);
    expect(r.issues.filter((i) => i.code === "scheduled_value")).toHaveLength(1);
    expect(r.issues.find((i) => i.code === "scheduled_value")?.line).toBe(4);
  });

  it("never drops a metric or the step axis, whatever changes", () => {
    const r = parseText(trainerLines([1e-3, 5e-4]));
    expect(r.rows[0]).toMatchObject({ loss: 0.65, eval_accuracy: 0.81, epoch: 2 });
  });
});

describe("a decimal comma where the format does not use one", () => {
  it("is read as a decimal in quoted Trainer values, with a warning naming its line and column", () => {
    const text = [
      "{'run_id': 'exp2-s1', 'accuracy': '0.80'}",
      "{'run_id': 'exp2-s2', 'accuracy': '0,91'}",
      "{'run_id': 'exp2-s3', 'accuracy': '0.81'}",
    ].join("\n");
    const r = parseText(text);
    expect(r.format).toBe("pydict");
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.8, 0.91, 0.81]);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 2, column: "accuracy", code: "decimal_comma", severity: "warning" }),
    ]);
    expect(r.issues[0]?.message).toContain('"0,91"');
    expect(r.issues[0]?.message).toContain("read as 0.91");
  });

  it("is reported the same way in a comma-separated CSV, once per column", () => {
    const r = parseText('run_id,accuracy,val_loss\na,"0,9",0.5\nb,"0,91",0.4\nc,0.92,0.3\n');
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.9, 0.91, 0.92]);
    const warnings = r.issues.filter((i) => i.code === "decimal_comma");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 2, column: "accuracy" });
    expect(warnings[0]?.message).toContain("lines 2, 3");
  });

  it("is no news in a semicolon file, where decimal commas are the convention", () => {
    const r = parseText("run_id;accuracy\na;0,9\nb;0,91\n");
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.9, 0.91]);
    expect(r.issues).toEqual([]);
  });

  it("names exactly the line of any one planted decimal comma in a column of dotted decimals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 2, maxLength: 30 }),
        fc.nat(),
        (values, pick) => {
          const planted = pick % values.length;
          const lines = values.map((v, i) => {
            const text = `0.${String(v).padStart(3, "0")}`;
            return `{'run_id': 'r${i}', 'accuracy': '${i === planted ? text.replace(".", ",") : text}'}`;
          });
          const r = parseText(lines.join("\n"));
          const comma = r.issues.filter((i) => i.code === "decimal_comma");
          expect(comma).toHaveLength(1);
          expect(comma[0]?.line).toBe(planted + 1);
          expect(r.rows[planted]?.accuracy).toBeCloseTo(Number(`0.${String(values[planted]).padStart(3, "0")}`), 12);
        },
      ),
      { numRuns: 60 },
    );
  });
});
