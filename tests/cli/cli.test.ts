import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/run";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOGS = fileURLToPath(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url));

/** A CliIO that reads real files, plus in-memory ones by name, and captures output. */
function capture(files: Record<string, string | Uint8Array> = {}, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === "string" ? new TextEncoder().encode(f) : f;
      return new Uint8Array(await readFile(path));
    },
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

async function run(argv: string[], files?: Record<string, string | Uint8Array>, stdin?: string) {
  const c = capture(files, stdin);
  const code = await runCli(argv, c.io);
  return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
}

describe("runsheet validate", () => {
  it("prints runs, the inferred schema and no issues for the dogs-vs-cats log, exit 0", async () => {
    const r = await run(["validate", DOGS]);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.runs).toBe(7);
    expect(j.issues).toEqual([]);
    expect((j.schema as { columns: { name: string }[] }).columns.map((c) => c.name)).toContain("accuracy");
  });
  it("exits 1 with issues at the rows Excel shows", async () => {
    const csv = 'Results\n\nrun_id,layers,accuracy\nr1,1,0.9\nr1,2,#DIV/0!\nr3,2,"0,91"\n';
    const r = await run(["validate", "bad.csv"], { "bad.csv": csv });
    expect(r.code).toBe(1);
    const issues = r.json().issues as { row: number; code: string; fix?: number }[];
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [5, "excel_error"],
      [5, "duplicate_id"],
      [6, "number_as_text"],
      [6, "duplicate_config"],
    ]);
    expect(issues[2]?.fix).toBe(0.91);
  });
  it("uses --schema and reports a broken schema as a usage error", async () => {
    const schema = JSON.stringify({
      columns: [
        { name: "run_id", type: "text", role: "id", required: true },
        { name: "accuracy", type: "number", role: "metric", max: 0.72 },
      ],
    });
    const r = await run(["validate", DOGS, "--schema", "s.json"], { "s.json": schema });
    expect(r.code).toBe(1);
    const codes = (r.json().issues as { code: string }[]).map((i) => i.code);
    expect(codes).toContain("unknown_column");
    expect(codes).toContain("out_of_range");
    const bad = await run(["validate", DOGS, "--schema", "s.json"], {
      "s.json": '{"columns":[{"name":"x","type":"float","role":"param"}]}',
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("columns[0].type");
  });
  it("prints text with --format text", async () => {
    const r = await run(["validate", DOGS, "--format", "text"]);
    expect(r.out).toMatch(/7 runs, 0 errors/);
  });
  it("reads JSON runs (array or {runs}, Python NaN), JSON Lines and TSV", async () => {
    const j = await run(["validate", "runs.json"], {
      "runs.json": JSON.stringify({
        runs: [
          { run_id: "a", acc: 0.5 },
          { run_id: "a", acc: 0.6 },
        ],
      }),
    });
    expect(j.code).toBe(1);
    expect((j.json().issues as { row: number; code: string }[])[0]).toMatchObject({ row: 3, code: "duplicate_id" });
    const nan = await run(["best", "py.json", "--metric", "val_loss"], {
      "py.json": '[{"run_id": "a", "val_loss": NaN}, {"run_id": "b", "val_loss": 0.3}]',
    });
    expect(nan.code).toBe(0);
    expect(nan.json().excluded).toEqual([{ row: 2, reason: "val_loss is empty" }]);
    const lines = await run(["validate", "runs.jsonl"], {
      "runs.jsonl": '{"run_id": "a", "acc": 0.5}\n{"run_id": "b", "acc": 0.7}\n',
    });
    expect(lines.json().runs).toBe(2);
    // A broken line is an error positioned on its line; the runs that could be read are still checked.
    const badLine = await run(["validate", "runs.jsonl"], { "runs.jsonl": '{"run_id": "a"}\n{run_id: b}\n' });
    expect(badLine.code).toBe(1);
    expect(badLine.json().runs).toBe(1);
    expect(badLine.json().issues).toEqual([expect.objectContaining({ line: 2, code: "syntax", severity: "error" })]);
    const t = await run(["validate", "runs.tsv"], { "runs.tsv": "run_id\tacc\nx\t0.5\ny\t0.7\n" });
    expect(t.code).toBe(0);
    expect(t.json().runs).toBe(2);
  });
});

describe("a European Excel CSV (BOM, CRLF, semicolons, decimal commas, title rows)", () => {
  const EURO = fileURLToPath(new URL("../fixtures/core/european-semicolon.csv", import.meta.url));
  it("reads decimal commas as the import does (no warning: that is how European Excel writes CSV); flags the Excel error", async () => {
    const r = await run(["validate", EURO]);
    expect(r.code).toBe(1);
    expect(r.json().format).toBe("csv-semicolon");
    const issues = r.json().issues as { row: number; column: string; code: string; fix?: unknown }[];
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [8, "not_in_choices"],
      [8, "excel_error"],
    ]);
    expect(issues.find((i) => i.code === "excel_error")).toMatchObject({ row: 8, column: "accuracy" });
    expect(issues.find((i) => i.code === "not_in_choices")).toMatchObject({ row: 8, fix: "finished" });
  });
  it("ranks with decimal-comma values read as numbers; overlapping CIs count as a tie even at p < 0.05", async () => {
    const r = await run(["best", EURO, "--metric", "accuracy"]);
    const j = r.json() as {
      pValue: number;
      tiedWithRunnerUp: boolean;
      ranking: { rows: number[] }[];
      excluded: unknown[];
    };
    expect(j.ranking.map((c) => c.rows)).toEqual([
      [7, 9],
      [4, 5],
    ]);
    expect(j.pValue).toBeLessThan(0.05);
    expect(j.tiedWithRunnerUp).toBe(true);
    expect(j.excluded).toEqual([
      { row: 8, reason: "accuracy shows #DIV/0!, an Excel error from a formula: fix the formula or type the value." },
    ]);
  });
});

describe("runsheet best", () => {
  it("prints the documented JSON for the dogs-vs-cats log", async () => {
    const r = await run(["best", DOGS, "--metric", "accuracy", "--pareto", "val_loss"]);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(["metric", "goal", "best", "ranking", "pValue", "tiedWithRunnerUp", "excluded", "pareto"]),
    );
    expect(j.goal).toBe("max");
    expect(j.best).toMatchObject({ row: 7, id: "r4" });
    expect(j.excluded).toEqual([{ row: 10, reason: "status is failed, not finished" }]);
    const top = (j.ranking as { rows: number[]; n: number; ci95: number[] }[])[0];
    expect(top?.rows).toEqual([7, 8, 9]);
    expect(top?.ci95).toHaveLength(2);
  });
  it("applies --where and --goal, and prints text", async () => {
    const r = await run(["best", DOGS, "--metric", "val_loss", "--where", "n_images<=1000", "--format", "text"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Best val_loss \(min\)/);
    expect(r.out).toMatch(/row 7: n_images is 2000, which fails n_images <= 1000/);
  });
  it("leaves out rows with validation errors, as the Best tab and the Report do", async () => {
    // r2 is copied (same run_id, same seed) with a higher score: counted, it would be a replicate.
    const csv =
      "run_id,model,seed,status,accuracy\n" +
      "r1,a,1,finished,0.80\nr2,a,2,finished,0.82\nr3,b,1,finished,0.70\nr4,b,2,finished,0.72\nr2,a,2,finished,0.99\n";
    const r = await run(["best", "runs.csv", "--metric", "accuracy"], { "runs.csv": csv });
    expect(r.code).toBe(0);
    const j = r.json() as { excluded: { row: number; reason: string }[]; ranking: { n: number }[] };
    expect(j.excluded.map((e) => e.row)).toContain(6);
    expect(j.excluded.find((e) => e.row === 6)?.reason).toMatch(/r2/);
    expect(j.ranking[0]?.n).toBe(2);
  });
  it("exits 1 when no run qualifies, 2 on bad flags or metric", async () => {
    expect((await run(["best", DOGS, "--metric", "accuracy", "--status", "queued"])).code).toBe(1);
    expect((await run(["best", DOGS])).code).toBe(2);
    expect((await run(["best", DOGS, "--metric", "speed"])).code).toBe(2);
    expect((await run(["best", DOGS, "--metric", "accuracy", "--goal", "up"])).code).toBe(2);
    expect((await run(["best", DOGS, "--metric", "accuracy", "--bogus"])).err).toMatch(/bogus/);
  });
});

describe("runsheet schema, report and dispatch", () => {
  it("schema prints JSON that --schema accepts", async () => {
    const s = await run(["schema", DOGS]);
    expect(s.code).toBe(0);
    const again = await run(["validate", DOGS, "--schema", "inferred.json"], { "inferred.json": s.out });
    expect(again.code).toBe(0);
    expect(again.json().issues).toEqual([]);
  });
  it("report prints the verdict", async () => {
    const r = await run(["report", DOGS, "--metric", "accuracy", "--format", "text"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("exp2 beats exp1 (the previous experiment; no baseline set): accuracy +3.2 points");
  });
  it("compare shows differing columns with deltas; exit 1 for unknown ids", async () => {
    const r = await run(["compare", DOGS, "--ids", "r1,r4"]);
    expect(r.code).toBe(0);
    const j = r.json() as {
      baseline: { id: string };
      columns: { name: string; deltas?: ({ absolute: number } | null)[] }[];
    };
    expect(j.baseline.id).toBe("r1");
    expect(j.columns.map((c) => c.name)).toContain("layers");
    expect(j.columns.find((c) => c.name === "accuracy")?.deltas?.[1]?.absolute).toBeCloseTo(0.029, 9);
    const text = await run(["compare", DOGS, "--ids", "r1", "--ids", "r4", "--baseline", "r4", "--format", "text"]);
    expect(text.out).toMatch(/^baseline: r4 \(row 7\)/);
    expect((await run(["compare", DOGS, "--ids", "r1,zz"])).code).toBe(1);
    expect((await run(["compare", DOGS])).code).toBe(2);
  });
  it("usage, help and unreadable input", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Usage: runsheet/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/validate/);
    expect((await run(["best", "--help"])).out).toMatch(/--metric/);
    expect((await run(["frobnicate"])).code).toBe(2);
    const missing = await run(["validate", "/nonexistent/runs.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
    expect((await run(["validate", "runs.pdf"])).code).toBe(2);
    expect((await run(["validate", "x.json"], { "x.json": "{not json" })).code).toBe(2);
  });
  it("reads stdin with -", async () => {
    const r = await run(["validate", "-"], {}, "run_id,acc\na,0.5\n");
    expect(r.code).toBe(0);
    expect(r.json().runs).toBe(1);
  });
});

describe("xlsx input", () => {
  async function workbook(withTable: boolean): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "read me";
    const ws = wb.addWorksheet("Log");
    ws.getCell("B1").value = "My runs";
    const rows: ExcelJS.CellValue[][] = [
      ["r1", 1, "finished", 0.8],
      [
        "r2",
        2,
        "finished",
        { formula: "1/0", result: { error: ExcelJS.ErrorValue.DivZero } } as ExcelJS.CellFormulaValue,
      ],
      ["r3", 2, "finished", "0,91"],
    ];
    if (withTable) {
      ws.addTable({
        name: "Runs",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "run_id" }, { name: "layers" }, { name: "status" }, { name: "accuracy" }],
        rows,
      });
    } else {
      ws.getRow(3).values = [null, "run_id", "layers", "status", "accuracy"];
      rows.forEach((r, i) => (ws.getRow(4 + i).values = [null, ...r]));
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  it("reads the Runs table and keeps the sheet's row numbers", async () => {
    const r = await run(["validate", "book.xlsx"], { "book.xlsx": await workbook(true) });
    expect(r.code).toBe(1);
    const issues = r.json().issues as { row: number; code: string }[];
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [5, "excel_error"],
      [6, "number_as_text"],
      [6, "duplicate_config"],
    ]);
  });
  it("reads a named sheet without a table, finding the header under the title", async () => {
    const bytes = await workbook(false);
    const r = await run(["best", "book.xlsx", "--sheet", "Log", "--metric", "accuracy"], { "book.xlsx": bytes });
    expect(r.code).toBe(0);
    expect(r.json().best).toMatchObject({ row: 6, id: "r3" });
    expect(r.json().excluded).toEqual([
      { row: 5, reason: "accuracy shows #DIV/0!, an Excel error from a formula: fix the formula or type the value." },
    ]);
    const noSheet = await run(["validate", "book.xlsx", "--sheet", "Nope"], { "book.xlsx": bytes });
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toMatch(/no sheet named "Nope"/);
  });
});

describe("process entry", () => {
  it("runs as a process with real exit codes and stdout", () => {
    const p = spawnSync("npx", ["tsx", "src/cli/main.ts", "best", DOGS, "--metric", "accuracy"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(p.status).toBe(0);
    expect((JSON.parse(p.stdout) as { best: { id: string } }).best.id).toBe("r4");
    const bad = spawnSync("npx", ["tsx", "src/cli/main.ts", "validate"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/give the file/);
  });
});
