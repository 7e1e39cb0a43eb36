import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { compare, compareCellText } from "../../src/core/index";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/run";
import { checkRuns, compareTable, createWorkbookGateway } from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";

const DOGS = fileURLToPath(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url));

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: () => undefined,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readStdin: () => Promise.resolve(new Uint8Array()),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("") };
}

describe("runsheet compare prints the Compare sheet's table", () => {
  it("same rows, labels and values as the sheet the pane writes from the same runs", async () => {
    // The pane: the CSV's cells typed into a sheet, adopted, compared, written to the Compare sheet.
    const text = await readFile(DOGS, "utf8");
    const cells = Papa.parse<string[]>(text.trim(), { skipEmptyLines: false }).data;
    const sim = createExcelSimulator({ host: "web" });
    const width = Math.max(...cells.map((r) => r.length));
    sim.setValues(
      "Sheet1",
      `A1:${String.fromCharCode(64 + width)}${cells.length}`,
      cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")),
    );
    const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch));
    await gateway.adoptActiveSheet();
    const outcome = await checkRuns(gateway);
    const compared = compare({ runs: outcome.runs, schema: outcome.schema }, ["r1", "r4", "r5"], { baseline: "r4" });
    if (!compared.ok) throw new Error("compare failed");
    const written = await gateway.writeCompare(compared.value, compareTable(compared.value, outcome.schema));
    const used = sim.usedAddress("Compare");
    if (!used) throw new Error("empty Compare sheet");
    const sheet = sim.getValues("Compare", used.replace(/^.*!/, ""));
    expect(written.rows).toBe(sheet.length - 1);

    // The CLI on the file.
    const r = await cli(["compare", DOGS, "--ids", "r1,r4,r5", "--baseline", "r4", "--format", "text"]);
    expect(r.code).toBe(0);
    const [first, ...table] = r.out.trimEnd().split("\n");
    expect(first).toBe("baseline: r4 (row 7)");
    const printed = table.map((line) => line.split(/ {2,}/));
    const expected = sheet.map((row) => row.map((v) => compareCellText(v)));
    expect(printed).toEqual(expected);
    expect(printed[0]).toEqual(["column", "r1", "r4 (baseline)", "r5"]);
    expect(printed.some((row) => row[0] === "Δ accuracy vs r4")).toBe(true);

    // The JSON carries the very cells of the sheet.
    const j = await cli(["compare", DOGS, "--ids", "r1,r4,r5", "--baseline", "r4"]);
    expect((JSON.parse(j.out) as { table: unknown }).table).toEqual(sheet);
  });
});
