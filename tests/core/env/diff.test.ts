import { describe, expect, it } from "vitest";
import { compareVersions, diffEnvironments, parseEnvironment, type Environment } from "../../../src/core/env";

function env(text: string): Environment {
  const r = parseEnvironment(text, "requirements");
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}

describe("diffEnvironments", () => {
  const before = env("# python 3.10.14\ntorch==2.3.1\npandas==2.2.2\nrequests==2.32.3\ntqdm==4.66.4\n");
  const after = env("# python 3.11.9\ntorch==2.4.0\npandas==2.1.0\nrequests==2.32.3\nnumpy==2.1.3\n");

  it("finds added, removed, upgraded, downgraded and interpreter changes, most impactful first", () => {
    const d = diffEnvironments(before, after);
    expect(d.changes.map((c) => [c.kind, c.name])).toEqual([
      ["interpreter", "python"],
      ["upgraded", "torch"],
      ["downgraded", "pandas"],
      ["added", "numpy"],
      ["removed", "tqdm"],
    ]);
    expect(d.summary).toBe(
      "python 3.10.14 -> 3.11.9, torch 2.3.1 -> 2.4.0, pandas 2.2.2 -> 2.1.0, numpy 2.1.3 added, tqdm removed",
    );
    expect(d.unchanged).toBe(1);
  });

  it("puts CUDA before frameworks and frameworks before other packages", () => {
    const a = env("tqdm==4.0\ntorch==2.3.1+cu118\nnvidia-cudnn-cu12==8.9.2\n");
    const b = env("tqdm==4.1\ntorch==2.3.1+cu121\nnvidia-cudnn-cu12==9.1.0\n");
    const d = diffEnvironments(a, b);
    expect(d.changes.map((c) => c.name)).toEqual(["CUDA", "nvidia-cudnn-cu12", "torch", "tqdm"]);
    expect(d.changes[0]).toMatchObject({ from: "11.8", to: "12.1" });
    expect(d.changes[2]?.kind).toBe("upgraded");
  });

  it("says no difference for the same environment and calls unpinned versions changed", () => {
    expect(diffEnvironments(before, before).summary).toBe("no difference");
    const d = diffEnvironments(env("numpy>=1.20\n"), env("numpy==2.1.3\n"));
    expect(d.changes).toEqual([{ kind: "changed", name: "numpy", from: ">=1.20", to: "2.1.3", impact: 3 }]);
  });

  it("compares a conda environment with a pip freeze by package name", () => {
    const conda = parseEnvironment("dependencies:\n  - python=3.10.14=h0\n  - numpy=1.26.4=py310_0\n");
    expect(conda.ok).toBe(true);
    if (!conda.ok) return;
    const d = diffEnvironments(conda.value, env("# Python 3.11.7\nnumpy==2.1.3\n"));
    expect(d.summary).toBe("python 3.10.14 -> 3.11.7, numpy 1.26.4 -> 2.1.3");
  });
});

describe("compareVersions", () => {
  it.each([
    ["2.3.1", "2.4.0", -1],
    ["2.10", "2.9", 1],
    ["1.0", "1.0.0", 0],
    ["2.0.0rc1", "2.0.0", -1],
    ["2.0.0.post1", "2.0.0", 1],
    ["6.0-94", "6.0-100", -1],
    ["2.4.0+cu121", "2.4.0+cpu", 1],
  ] as const)("%s vs %s -> %i", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b) ?? NaN)).toBe(sign);
  });
  it("returns null for specifiers", () => {
    expect(compareVersions(">=1.0", "1.0")).toBeNull();
  });
});
