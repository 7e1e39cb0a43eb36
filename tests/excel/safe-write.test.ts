import { afterEach, describe, expect, it } from "vitest";
import {
  PROBE_SHEET,
  plainTitle,
  probeTextFormat,
  safeCells,
  safeSheetName,
  safeTableName,
  setTextPolicy,
  textPolicy,
  writeSafe,
  createWorkbookGateway,
  type ExcelRunner,
} from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";
import { INJECTION_CORPUS, corpusColumn } from "./injection-corpus";
import { workbook } from "./helpers";

afterEach(() => setTextPolicy("text-format"));

describe("writeSafe", () => {
  it("keepFormats: the corpus stays text in cells that keep their own (non-Text) format", async () => {
    const { sim, counted } = workbook();
    const n = INJECTION_CORPUS.length;
    await counted(async (ctx) => {
      writeSafe(
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:B${n}`),
        INJECTION_CORPUS.map((t) => [t, 0.5]),
        {
          formats: ["0.00", "0.0%"],
          keepFormats: true,
        },
      );
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
    expect(sim.getFormulas("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
    expect(new Set(sim.getNumberFormats("Sheet1", `A1:B${n}`).map((r) => r.join("|")))).toEqual(new Set(["0.00|0.0%"]));
    expect(safeCells([["", "x"]], { formats: ["0.0", "@"], keepFormats: true })).toEqual({
      formats: [["0.0", "@"]],
      values: [["", "x"]],
    });
  });

  it("stores every corpus text exactly: no formula, nothing rejected, one request of two writes", async () => {
    const { sim, counted } = workbook();
    const n = INJECTION_CORPUS.length;
    const { syncs } = await counted(async (ctx) => {
      writeSafe(ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${n}`), corpusColumn());
      await ctx.sync();
    });
    expect(syncs).toBe(1);
    expect(sim.stats.lastRequest?.writes).toBe(2);
    expect(sim.getValues("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
    // A formula cell's formula differs from its value; text cells return the text for both.
    expect(sim.getFormulas("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
    expect(sim.getText("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
  });

  it("leaves null cells alone, clears on empty text, and formats numbers by column", async () => {
    const { sim, run } = workbook();
    sim.setValues("Sheet1", "A1:C1", [["keep", "old", 5]]);
    await run(async (ctx) => {
      writeSafe(
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C2"),
        [
          [null, "", 0.5],
          ["=x", 7, true],
        ],
        { formats: [null, "0", "0.0%"] },
      );
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1:C2")).toEqual([
      ["keep", "", 0.5],
      ["=x", 7, true],
    ]);
    expect(sim.getNumberFormats("Sheet1", "A1:C2")).toEqual([
      ["General", "General", "0.0%"],
      ["@", "0", "0.0%"],
    ]);
  });

  it("with the quote-prefix policy also keeps the text, without the Text format", async () => {
    setTextPolicy("quote-prefix");
    const { sim, run } = workbook();
    const n = INJECTION_CORPUS.length;
    await run(async (ctx) => {
      writeSafe(ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${n}`), corpusColumn());
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", `A1:A${n}`)).toEqual(corpusColumn());
    expect(
      sim
        .getNumberFormats("Sheet1", `A1:A${n}`)
        .flat()
        .every((f) => f === "General"),
    ).toBe(true);
  });

  it("safeCells is format-first data: two arrays of the block's shape", () => {
    const { formats, values } = safeCells([["a", 1, null]], { formats: ["x", "0.00", "y"] });
    expect(formats).toEqual([["@", "0.00", null]]);
    expect(values).toEqual([["a", 1, null]]);
  });
});

describe("probeTextFormat", () => {
  it("finds that a Text cell keeps =1+1 and removes its scratch sheet", async () => {
    const { sim, counted } = workbook();
    setTextPolicy("quote-prefix");
    const { value, syncs } = await counted((ctx) => probeTextFormat(ctx));
    expect(value).toBe("text-format");
    expect(textPolicy()).toBe("text-format");
    expect(syncs).toBe(3);
    expect(sim.sheetNames()).not.toContain(PROBE_SHEET);
  });

  it("keeps the policy when the probe cannot run", async () => {
    const { sim, run } = workbook();
    setTextPolicy("quote-prefix");
    sim.faults.failSync(2, "AccessDenied");
    await expect(run((ctx) => probeTextFormat(ctx))).resolves.toBe("quote-prefix");
  });
});

describe("names from outside text", () => {
  it("keeps chart titles starting with = literal", () => {
    expect(plainTitle("=-log_loss")).not.toMatch(/^=/);
    expect(plainTitle("=-log_loss").endsWith("=-log_loss")).toBe(true);
    expect(plainTitle("accuracy")).toBe("accuracy");
  });

  it("gives sheet and table names Excel accepts", () => {
    for (const text of INJECTION_CORPUS) {
      const sheet = safeSheetName(text);
      expect(sheet.length).toBeGreaterThan(0);
      expect(sheet.length).toBeLessThanOrEqual(31);
      expect(sheet).not.toMatch(/[:\\/?*[\]]|^'|'$|^=/);
      expect(safeTableName(text)).toMatch(/^[\p{L}_][\p{L}\p{N}._]*$/u);
    }
    expect(safeSheetName("History")).not.toBe("History");
    expect(safeTableName("A1")).toBe("_A1");
    expect(safeTableName("exp1 results")).toBe("exp1_results");
  });
});

describe("the gateway's once-per-start probe", () => {
  it("runs before the first write only, and leaves no scratch sheet", async () => {
    const { sim, run } = workbook();
    const gateway = createWorkbookGateway(run as ExcelRunner, {
      runAfterCellEdit: run as ExcelRunner,
      probeTextFormat: true,
    });
    const s0 = sim.stats.syncCount;
    await gateway.createTracker();
    const first = sim.stats.syncCount - s0;
    const s1 = sim.stats.syncCount;
    await gateway.appendHistory([["r1", "loss", "epoch", 1, 0.5]]);
    const second = sim.stats.syncCount - s1;
    expect(first).toBe(3 + 2);
    expect(second).toBe(2);
    expect(sim.sheetNames()).not.toContain(PROBE_SHEET);
  });

  it("cleans up after a probe whose sync failed half-way, and still writes", async () => {
    const sim = createExcelSimulator({ syncSemantics: "partial" });
    const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch), { probeTextFormat: true });
    sim.faults.failSync(2, "GeneralException");
    await gateway.appendHistory([["r1", "=1+1", "epoch", 1, 0.5]]);
    expect(sim.sheetNames()).not.toContain(PROBE_SHEET);
    expect(sim.getValues("Curves", "B2")).toEqual([["=1+1"]]);
  });
});
