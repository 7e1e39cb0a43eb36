import { describe, expect, it } from "vitest";
import { roleFromName } from "../../src/core/index";

describe("roleFromName on what a step log's last row carries", () => {
  it("reads the final step, clocks and throughput as meta, never as configuration", () => {
    for (const n of [
      "step",
      "global_step",
      "_step",
      "training_iteration",
      "checkpoints",
      "_timestamp",
      "total_flos",
      "grad_norm",
      "eval_samples_per_second",
      "train_runtime",
    ])
      expect(roleFromName(n)).toBe("meta");
  });
  it("leaves params and metrics alone", () => {
    expect(roleFromName("learning_rate")).toBeUndefined();
    expect(roleFromName("layers")).toBeUndefined();
    expect(roleFromName("val_loss")).toBe("metric");
    expect(roleFromName("steps_per_epoch")).toBeUndefined();
  });
});
