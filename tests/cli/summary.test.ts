import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildSummary, inferSchema, summaryLatex, summaryMarkdown, validate } from "../../src/core/index";
import { run } from "./helpers";

const DOGS = fileURLToPath(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url));

describe("runsheet summary", () => {
  it("writes CSV by default, one row per configuration, best first, full precision", async () => {
    const r = await run(["summary", DOGS]);
    expect(r.code).toBe(0);
    const rows = Papa.parse<string[]>(r.out.trim()).data;
    expect(rows[0]?.slice(0, 6)).toEqual(["rank", "dataset", "n_images", "layers", "n", "accuracy mean"]);
    expect(rows.map((row) => row[1])).toEqual(["dataset", "dogs-cats-v2", "dogs-cats-v1"]);
    expect(Number(rows[1]?.[5])).toBeCloseTo((0.741 + 0.733 + 0.738) / 3, 12);
    expect(rows[1]?.at(-1)).toBe("r4");
  });
  it("writes the same Markdown and LaTeX as core, for the metric asked", async () => {
    const text = (await import("node:fs")).readFileSync(DOGS, "utf8");
    const grid = Papa.parse<string[]>(text).data;
    const table = buildSummary(validate(grid, inferSchema(grid).schema, { source: "text" }), { metric: "val_loss" });
    if (!table.ok) throw new Error("summary failed");
    const md = await run(["summary", DOGS, "--metric", "val_loss", "--as", "md"]);
    expect(md.code).toBe(0);
    expect(md.out).toBe(summaryMarkdown(table.value));
    expect(md.out.split("\n")[0]).toMatch(/^\| dataset \| n_images \| layers \| n \| val_loss \(mean ± std\) \|/);
    const tex = await run(["summary", DOGS, "--metric", "val_loss", "--as", "latex"]);
    expect(tex.out).toBe(summaryLatex(table.value));
    expect(tex.out).toContain("\\toprule");
  });
  it("exits 2 with the usage for a bad --as or an unknown metric", async () => {
    const bad = await run(["summary", DOGS, "--as", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as is csv, md or latex/);
    const unknown = await run(["summary", DOGS, "--metric", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/nope/);
  });
  it("is listed in the CLI's usage", async () => {
    const r = await run(["--help"]);
    expect(r.out).toMatch(/summary\s+one row per configuration/);
  });
});
