import { describe, expect, it } from "vitest";
import { parseText, toSheetCells } from "../../src/core/parse/index";
import {
  addSchemaColumns,
  appendRuns,
  chunkRows,
  createTracker,
  ImportInterruptedError,
  readTrackerStatus,
  readWorkbook,
} from "../../src/excel/index";
import { rowBytes } from "../../src/excel/payload";
import { writeSafe } from "../../src/excel/safe-write";
import { createExcelSimulator } from "../../src/sim/index";
import { workbook } from "./helpers";

const header = ["run_id", "experiment", "accuracy"];

async function tracker() {
  const wb = workbook();
  await wb.run((ctx) => createTracker(ctx));
  return wb;
}

describe("appendRuns", () => {
  it("a co-author retyping a run id in place (same row count) before the write is reported, in the same syncs", async () => {
    const { sim, counted } = await tracker();
    await counted((ctx) =>
      appendRuns(ctx, header, [
        ["r1", "exp1", 0.7],
        ["r2", "exp1", 0.6],
      ]),
    );
    // Between the import's read and its write, r2 becomes r9: one of the ids being imported.
    sim.coAuthorEdit("Runs", "A3", "r9", { beforeSync: 2 });
    const { value, syncs } = await counted((ctx) => appendRuns(ctx, header, [["r9", "exp2", 0.9]]));
    expect(syncs).toBe(2);
    expect(value).toMatchObject({ appended: 1, skipped: [], duplicates: ["r9"] });
    expect(sim.getValues("Runs", "A2:A4")).toEqual([["r1"], ["r9"], ["r9"]]);
    // Without a co-author, nothing is reported.
    const clean = await counted((ctx) => appendRuns(ctx, header, [["r10", "exp2", 0.5]]));
    expect(clean.value.duplicates).toBeUndefined();
  });

  it("fills the new table's placeholder row, then appends below, two syncs each", async () => {
    const { sim, counted } = await tracker();
    const first = await counted((ctx) => appendRuns(ctx, header, [["r1", "exp1", 0.7]]));
    expect(first.syncs).toBe(2);
    expect(first.value).toMatchObject({ appended: 1, firstRow: 2, skipped: [] });
    const second = await counted((ctx) =>
      appendRuns(ctx, header, [
        ["r2", "exp1", 0.72],
        ["r3", "exp2", 0.8],
      ]),
    );
    expect(second.syncs).toBe(2);
    expect(second.value.firstRow).toBe(3);
    expect(sim.getTable("Runs")?.rowCount).toBe(3);
    expect(sim.getValues("Runs", "A2:B4")).toEqual([
      ["r1", "exp1"],
      ["r2", "exp1"],
      ["r3", "exp2"],
    ]);
  });

  it("puts values under the table's columns by name, whatever the pasted order", async () => {
    const { sim, run } = await tracker();
    await run((ctx) => appendRuns(ctx, ["accuracy", "run_id"], [[0.9, "r9"]]));
    const headers = sim.getTable("Runs")?.headers ?? [];
    const row = sim.getValues("Runs", `A2:${String.fromCharCode(64 + headers.length)}2`)[0] ?? [];
    expect(row[headers.indexOf("run_id")]).toBe("r9");
    expect(row[headers.indexOf("accuracy")]).toBe(0.9);
  });

  it("matches headers through core's normaliser: `Run ID` never gets a second run_id column", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Runs");
    sim.setValues("Runs", "A1:C2", [
      ["Run ID", "Learning Rate", "accuracy"],
      ["r1", 0.1, 0.5],
    ]);
    sim.addTable("Runs", "A1:C2", "Runs");
    const result = await run((ctx) =>
      appendRuns(
        ctx,
        ["run_id", "learning_rate", "accuracy"],
        [
          ["r1", 0.1, 0.5],
          ["r2", 0.2, 0.6],
        ],
      ),
    );
    expect(result).toMatchObject({ appended: 1, skipped: ["r1"], addedColumns: [] });
    expect(sim.getTable("Runs")?.headers).toEqual(["Run ID", "Learning Rate", "accuracy"]);
    expect(sim.getValues("Runs", "A3:C3")).toEqual([["r2", 0.2, 0.6]]);
  });

  it("adds missing columns at the right of the table", async () => {
    const { sim, run } = await tracker();
    const before = sim.getTable("Runs")?.headers.length ?? 0;
    const result = await run((ctx) => appendRuns(ctx, ["run_id", "gpu_hours"], [["r1", 2.5]]));
    expect(result.addedColumns).toEqual(["gpu_hours"]);
    const headers = sim.getTable("Runs")?.headers ?? [];
    expect(headers.length).toBe(before + 1);
    expect(headers[headers.length - 1]).toBe("gpu_hours");
  });

  it("is atomic: a failed write leaves the table exactly as it was", async () => {
    const { sim, run } = await tracker();
    await run((ctx) => appendRuns(ctx, header, [["r1", "exp1", 0.7]]));
    const before = sim.getTable("Runs");
    sim.faults.failSync(2, "GeneralException");
    await expect(
      run((ctx) =>
        appendRuns(
          ctx,
          ["run_id", "new_col"],
          [
            ["r2", "x"],
            ["r3", "y"],
          ],
        ),
      ),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.getTable("Runs")).toEqual(before);
    expect(sim.getValues("Runs", "A3:A4")).toEqual([[""], [""]]);
  });

  it("a retry after a failure writes each run once; a repeat import skips known run ids", async () => {
    const { sim, run } = await tracker();
    const rows = [
      ["r1", "exp1", 0.7],
      ["r2", "exp1", 0.72],
    ];
    sim.faults.failSync(2, "GeneralException");
    await expect(run((ctx) => appendRuns(ctx, header, rows))).rejects.toMatchObject({ code: "GeneralException" });
    const retry = await run((ctx) => appendRuns(ctx, header, rows));
    expect(retry.appended).toBe(2);
    const again = await run((ctx) => appendRuns(ctx, header, [...rows, ["r3", "exp2", 0.8]]));
    expect(again).toMatchObject({ appended: 1, skipped: ["r1", "r2"] });
    const status = await run((ctx) => readTrackerStatus(ctx));
    expect(status.runCount).toBe(3);
  });

  it("writes duplicates inside one paste (validation flags them) and skips only ids already in the table", async () => {
    const { run } = await tracker();
    const result = await run((ctx) =>
      appendRuns(ctx, header, [
        ["d1", "exp1", 0.7],
        ["d1", "exp1", 0.71],
      ]),
    );
    expect(result).toMatchObject({ appended: 2, skipped: [] });
  });

  it("only reads when every row is already there (one sync, nothing written)", async () => {
    const { sim, run, counted } = await tracker();
    await run((ctx) => appendRuns(ctx, header, [["r1", "exp1", 0.7]]));
    const writesBefore = sim.stats.writesPerSync.length;
    const { value, syncs } = await counted((ctx) => appendRuns(ctx, header, [["r1", "exp1", 0.7]]));
    expect(syncs).toBe(1);
    expect(value.appended).toBe(0);
    expect(sim.stats.writesPerSync.slice(writesBefore).every((w) => w === 0)).toBe(true);
  });

  it("keeps formula-like and number-like text exactly as pasted, never as a formula", async () => {
    const { sim, run } = await tracker();
    const pasted =
      'run_id,notes,command\nr1,=1+1,"=HYPERLINK(""http://evil"",""x"")"\nr2,@SUM(A1),+49 170\nr3,-cmd,007\n';
    const parsed = parseText(pasted, { format: "csv" });
    const cells = toSheetCells(parsed, parsed.columns);
    await run((ctx) => appendRuns(ctx, cells.header, cells.cells, cells.textCells));
    const headers = sim.getTable("Runs")?.headers ?? [];
    const col = (name: string) => String.fromCharCode(65 + headers.indexOf(name));
    const notes = sim.getFormulas("Runs", `${col("notes")}2:${col("notes")}4`).map((r) => r[0]);
    const commands = sim.getValues("Runs", `${col("command")}2:${col("command")}4`).map((r) => r[0]);
    expect(notes).toEqual(["=1+1", "@SUM(A1)", "-cmd"]);
    expect(sim.getValues("Runs", `${col("notes")}2:${col("notes")}4`).map((r) => r[0])).toEqual([
      "=1+1",
      "@SUM(A1)",
      "-cmd",
    ]);
    expect(commands).toEqual(['=HYPERLINK("http://evil","x")', "+49 170", "007"]);
    expect(sim.getNumberFormats("Runs", `${col("notes")}2`)[0]?.[0]).toBe("@");
  });

  it("fails with ItemNotFound when there is no tracker (shown kindly by the pane)", async () => {
    const { run } = workbook();
    await expect(run((ctx) => appendRuns(ctx, header, [["r1", "exp1", 0.7]]))).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });

  it("appended rows read back as runs at the right Excel rows", async () => {
    const { run } = await tracker();
    await run((ctx) =>
      appendRuns(ctx, header, [
        ["r1", "exp1", 0.7],
        ["r2", "exp2", 0.8],
      ]),
    );
    const snapshot = await run((ctx) => readWorkbook(ctx));
    expect(snapshot.runs?.grid.length).toBe(3);
    expect(snapshot.runs?.grid[2]?.[0]).toBe("r2");
  });
});

describe("imports larger than one request", () => {
  it("chunkRows keeps every row once, in order, each chunk under the budget", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`r${i}`, i, "x".repeat(i % 50)]);
    const chunks = chunkRows(rows, 2000);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks[chunks.length - 1]?.end).toBe(1000);
    chunks.forEach((c, i) => {
      if (i > 0) expect(c.start).toBe(chunks[i - 1]?.end);
      expect(JSON.stringify(rows.slice(c.start, c.end)).length).toBeLessThanOrEqual(2000 + 2);
    });
    expect(chunkRows([["a".repeat(5000)]], 100)).toEqual([{ start: 0, end: 1 }]);
    expect(chunkRows([], 100)).toEqual([]);
  });

  it("writes 20,000 runs under a small payload limit in several syncs, without a payload error", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 256 * 1024 });
    await sim.Excel.run((ctx) => createTracker(ctx));
    const rows = Array.from({ length: 20000 }, (_, i) => [`run-${i}`, i % 2 ? "exp1" : "exp2", (i % 100) / 100]);
    const before = sim.stats.syncCount;
    const result = await sim.Excel.run((ctx) => appendRuns(ctx, header, rows, [], { maxRequestBytes: 200 * 1024 }));
    expect(result.appended).toBe(20000);
    expect(sim.stats.syncCount - before).toBeGreaterThan(2);
    expect(sim.getTable("Runs")?.rowCount).toBe(20000);
    expect(sim.getValues("Runs", "A20001")).toEqual([["run-19999"]]);
  });

  it("takes at most ceil(request bytes / limit) + 2 syncs: chunks measured exactly, each reading the next one's table state", async () => {
    const limit = 256 * 1024;
    const sim = createExcelSimulator({ payloadLimitBytes: limit });
    await sim.Excel.run((ctx) => createTracker(ctx));
    // Text (Text format "@") and numbers (the column's own format) in every row, as in an import.
    const rows = Array.from({ length: 12000 }, (_, i) => [`run-${i}`, `exp${i % 7}`, (i % 997) / 1000]);
    const before = sim.stats.syncCount;
    const firstRequest = sim.stats.requests.length;
    const result = await sim.Excel.run((ctx) =>
      appendRuns(ctx, header, rows, [], { maxRequestBytes: Math.floor(limit * 0.96) }),
    );
    const requests = sim.stats.requests.slice(firstRequest);
    const bytes = requests.reduce((s, q) => s + q.bytes, 0);
    const syncs = sim.stats.syncCount - before;
    expect(result.appended).toBe(12000);
    expect(bytes).toBeGreaterThan(4 * limit);
    expect(requests.every((q) => q.ok && q.bytes <= limit)).toBe(true);
    expect(syncs).toBeLessThanOrEqual(Math.ceil(bytes / limit) + 2);
    expect(sim.getTable("Runs")?.rowCount).toBe(12000);
    expect(sim.getValues("Runs", "A12001:B12001")).toEqual([["run-11999", "exp1"]]);
  });

  it("rowBytes counts what the request carries: values and the number formats safe-write assigns", async () => {
    const { sim, run } = workbook();
    const rows = Array.from({ length: 500 }, (_, i) => [`run-${i}`, i % 3 ? "" : "exp1", i / 7, i % 2 === 0]);
    const formats = [null, null, "0.00", "General"];
    await run(async (ctx) => {
      writeSafe(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D500"), rows, { formats });
      await ctx.sync();
    });
    const measured = rows.reduce((s, r) => s + rowBytes(r, formats), 0);
    const sent = sim.stats.lastRequest?.bytes ?? 0;
    // The rest of the request is the two operations' addresses and brackets: a few dozen bytes.
    expect(sent).toBeGreaterThan(measured);
    expect(sent - measured).toBeLessThan(200);
  });

  it("a chunk failing midway says how many rows are in the table, claims no removal, and the retry completes", async () => {
    for (const syncSemantics of ["atomic", "partial"] as const) {
      const sim = createExcelSimulator({ payloadLimitBytes: 64 * 1024, syncSemantics });
      await sim.Excel.run((ctx) => createTracker(ctx));
      const rows = Array.from({ length: 3000 }, (_, i) => [`run-${i}`, "exp1", 0.5, 1]);
      const wide = [...header, "new_metric"];
      sim.faults.failSync(4, "GeneralException");
      const failure = await sim.Excel.run((ctx) =>
        appendRuns(ctx, wide, rows, [], { maxRequestBytes: 48 * 1024 }),
      ).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ImportInterruptedError);
      const inTable = sim.getTable("Runs")?.rowCount ?? 0;
      expect((failure as ImportInterruptedError).rowsLeft).toBe(inTable);
      expect(inTable).toBeGreaterThan(1);
      expect((failure as Error).message).toContain(`Those ${inTable} rows are in the Runs table`);
      expect((failure as Error).message).not.toMatch(/removed/);
      const retry = await sim.Excel.run((ctx) => appendRuns(ctx, wide, rows, [], { maxRequestBytes: 48 * 1024 }));
      expect(retry.skipped.length).toBe(inTable);
      expect(sim.getTable("Runs")?.rowCount).toBe(3000);
      expect(sim.getValues("Runs", "A2:A3001").map((r) => r[0])).toEqual(rows.map((r) => r[0]));
      expect(sim.usedAddress("Runs")).toBe(sim.getTable("Runs")?.address.replace(/^Runs!/, ""));
    }
  });

  it("a failed first chunk leaves the table as it was (atomic) and reports Excel's error", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 64 * 1024 });
    await sim.Excel.run((ctx) => createTracker(ctx));
    const rows = Array.from({ length: 3000 }, (_, i) => [`run-${i}`, "exp1", 0.5]);
    sim.faults.failSync(2, "GeneralException");
    await expect(
      sim.Excel.run((ctx) => appendRuns(ctx, header, rows, [], { maxRequestBytes: 48 * 1024 })),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.getTable("Runs")?.rowCount).toBe(1);
    expect(sim.getValues("Runs", "A2:C2")).toEqual([["", "", ""]]);
  });

  it("halves a chunk Excel finds too large and sends it again", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 40 * 1024 });
    await sim.Excel.run((ctx) => createTracker(ctx));
    const rows = Array.from({ length: 2000 }, (_, i) => [`run-${i}`, "exp1", 0.5]);
    // A budget above the host's limit: the first attempt is refused, the halves are not.
    const result = await sim.Excel.run((ctx) => appendRuns(ctx, header, rows, [], { maxRequestBytes: 60 * 1024 }));
    expect(result.appended).toBe(2000);
    expect(sim.stats.requests.some((r) => r.errorCode === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(sim.getValues("Runs", "A2001")).toEqual([["run-1999"]]);
    expect(sim.getTable("Runs")?.rowCount).toBe(2000);
  });
});

describe("addSchemaColumns", () => {
  it("adds new schema rows once, skipping known names", async () => {
    const { sim, run } = await tracker();
    const before = sim.getTable("RunSchema")?.rowCount ?? 0;
    const added = await run((ctx) =>
      addSchemaColumns(ctx, [
        ["gpu_hours", "number", "metric", false, "", "", "", "", "", "min", ""],
        ["accuracy", "number", "metric"],
      ]),
    );
    expect(added).toBe(1);
    const again = await run((ctx) => addSchemaColumns(ctx, [["gpu_hours", "number", "metric"]]));
    expect(again).toBe(0);
    expect(sim.getTable("RunSchema")?.rowCount).toBe(before + 1);
    const snapshot = await run((ctx) => readWorkbook(ctx));
    expect(snapshot.schema?.schema.columns.find((c) => c.name === "gpu_hours")).toMatchObject({
      type: "number",
      role: "metric",
      goal: "min",
    });
  });
});
