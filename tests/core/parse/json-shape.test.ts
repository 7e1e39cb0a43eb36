import { describe, expect, it } from "vitest";
import { readShapedJson } from "../../../src/core/parse/json-shape";
import { parseText } from "../../../src/core/parse/index";
import type { FormatName } from "../../../src/core/parse/index";

const words = { what: "The JSON", notThisTool: "Not the tool's JSON.", fix: "Paste it again." };
const hasRuns = (v: unknown): boolean => typeof v === "object" && v !== null && "runs" in v;

describe("readShapedJson", () => {
  it("gives the object when the shape fits", () => {
    const r = readShapedJson('{"runs": [1]}', hasRuns, words);
    expect(r).toEqual({ ok: true, value: { runs: [1] } });
  });
  it("says the JSON is of another shape, on line 1", () => {
    const r = readShapedJson('{\n"other": 1}', hasRuns, words);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issue).toEqual({
        line: 1,
        code: "syntax",
        severity: "error",
        message: "Not the tool's JSON.",
        fix: "Paste it again.",
      });
  });
  it("names the line of a syntax error", () => {
    const r = readShapedJson('{\n"runs": [1,\n}', hasRuns, words);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message).toMatch(/^The JSON is not valid on line 3: /);
  });
});

describe("the tool readers that share it keep their own sentences", () => {
  const first = (text: string, format: FormatName): string => parseText(text, { format }).issues[0]?.message ?? "";
  it("DVC metrics, Trainer state and HParams on JSON of another shape", () => {
    expect(first('{"a": 1}', "dvc-metrics-json")).toBe("This JSON is not the output of `dvc metrics show --json`.");
    expect(first('{"a": 1}', "hf-trainer-state")).toBe(
      "This JSON has no log_history list, so it is not a Trainer state.",
    );
    expect(first('{"a": 1}', "tensorboard-hparams")).toBe(
      'This JSON has no "header" and "rows" lists, so it is not a TensorBoard HParams export.',
    );
  });
  it("and on invalid JSON, with the line", () => {
    expect(first('{\n"a": }', "dvc-metrics-json")).toMatch(/^The DVC JSON is not valid on line 2: /);
    expect(first('{\n"a": }', "hf-trainer-state")).toMatch(/^The JSON is not valid on line 2: /);
    expect(first('{\n"a": }', "tensorboard-hparams")).toMatch(/^The JSON is not valid on line 2: /);
  });
});
