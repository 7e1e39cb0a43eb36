import { describe, expect, it } from "vitest";
import { goalFromName, roleFromName, splitHeader } from "../../src/core/index";

describe("splitHeader", () => {
  it("takes units out of brackets", () => {
    expect(splitHeader("val_loss (nats)")).toEqual({ name: "val_loss", unit: "nats" });
    expect(splitHeader("lr [1e-3]")).toEqual({ name: "lr", unit: "1e-3" });
    expect(splitHeader("  latency   ms ")).toEqual({ name: "latency ms" });
  });
});

describe("name rules", () => {
  it.each([
    ["val_loss", "min"],
    ["test error", "min"],
    ["latency_ms", "min"],
    ["accuracy", "max"],
    ["val_acc", "max"],
    ["F1", "max"],
    ["roc_auc", "max"],
    ["precision", "max"],
    ["recall", "max"],
    ["mAP", "max"],
    ["learning_rate", undefined],
  ] as const)("goal of %s is %s", (name, goal) => {
    expect(goalFromName(name)).toBe(goal);
  });
  it.each([
    ["run_id", "id"],
    ["ID", "id"],
    ["name", "id"],
    ["seed", "meta"],
    ["status", "meta"],
    ["dataset", "data"],
    ["n_images", "data"],
    ["num_train_samples", "data"],
    ["n_layers", undefined],
    ["accuracy", "metric"],
    ["metrics.f1", "metric"],
    ["params.lr", "param"],
    ["layers", undefined],
  ] as const)("role of %s is %s", (name, role) => {
    expect(roleFromName(name)).toBe(role);
  });
});

describe("goals of tracker column names", () => {
  it("reads dotted names from MLflow and W&B exports", () => {
    expect(goalFromName("metrics.accuracy")).toBe("max");
    expect(goalFromName("val_loss.min")).toBe("min");
  });
});
