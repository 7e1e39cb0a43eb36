import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "./helpers";

const INPUT = join(__dirname, "../fixtures/input");
const PARSE = join(__dirname, "../fixtures/parse");
const at = (name: string): string => join(INPUT, name);

interface Issue {
  row: number;
  line?: number;
  column: string;
  code: string;
  severity: string;
  message: string;
}

const issuesOf = (j: { issues: Issue[] }) => j.issues.map((i) => `${i.line ?? ""}:${i.code}:${i.severity}`);

describe("encodings in every command", () => {
  it("reads Excel's Unicode Text (UTF-16LE with BOM) with clean column names", async () => {
    for (const cmd of ["validate", "schema"]) {
      const r = await run([cmd, at("tsv-excel-unicode-text.txt")]);
      expect(r.code, cmd).toBe(0);
      expect(r.out).not.toContain("\\u0000");
    }
    const s = await run(["schema", at("tsv-excel-unicode-text.txt")]);
    expect(s.json<{ columns: { name: string }[] }>().columns.map((c) => c.name)).toEqual([
      "run_id",
      "model",
      "accuracy",
      "val_loss",
    ]);
    const b = await run(["best", at("tsv-excel-unicode-text.txt"), "--metric", "accuracy"]);
    expect(b.json<{ best: { id: string; value: number } }>().best).toMatchObject({ id: "r3", value: 0.86 });
  });
  it("reads UTF-16BE with BOM, and UTF-16 on standard input", async () => {
    expect((await run(["validate", at("csv-utf16be-bom.csv")])).json().runs).toBe(2);
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("run_id,acc\na,0.5\nb,0.25\n", "utf16le")]);
    expect((await run(["validate", "-"], {}, le)).json().runs).toBe(2);
  });
  it("refuses invalid UTF-8 in every command with the byte offset and line (exit 2)", async () => {
    for (const argv of [
      ["parse"],
      ["validate"],
      ["schema"],
      ["best", "--metric", "accuracy"],
      ["report", "--metric", "accuracy"],
      ["compare", "--ids", "r1,r2"],
    ]) {
      const [cmd, ...rest] = argv as [string, ...string[]];
      const r = await run([cmd, at("csv-invalid-utf8.csv"), ...rest]);
      expect(r.code, cmd).toBe(2);
      expect(r.err).toContain("byte 0xE9 at byte offset 37 (line 3)");
      expect(r.out).toBe("");
    }
  });
  it("refuses UTF-16 with a lone surrogate, naming the offset", async () => {
    const r = await run(["validate", "bad.csv"], { "bad.csv": new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/byte offset 4 \(line 1\)/);
  });
});

describe("the CSV reader's structure errors are positioned issues in validate", () => {
  it("an unterminated quote is an error on its line (exit 1), not 3 runs silently read as 1", async () => {
    const r = await run(["validate", at("csv-unterminated-quote.csv")]);
    expect(r.code).toBe(1);
    const j = r.json<{ runs: number; issues: Issue[]; counts: { error: number } }>();
    expect(j.runs).toBe(1);
    expect(issuesOf(j)).toContain("2:unterminated_quote:error");
    expect(j.counts.error).toBeGreaterThanOrEqual(1);
    const text = await run(["validate", at("csv-unterminated-quote.csv"), "--format", "text"]);
    expect(text.out).toMatch(/line 2: error: A quoted value starting on line 2 is never closed/);
  });
  it("ragged rows: too many values is an error, too few a warning, both on their lines", async () => {
    const j = (await run(["validate", at("csv-ragged.csv")])).json<{ issues: Issue[] }>();
    expect(issuesOf(j)).toEqual(["3:too_many_fields:error", "4:too_few_fields:warning"]);
    expect(j.issues[0]?.row).toBe(3);
  });
  it("duplicate and empty header names are warnings on the header line", async () => {
    const j = (await run(["validate", at("csv-duplicate-headers.csv")])).json<{ issues: Issue[] }>();
    expect(issuesOf(j).filter((x) => x.startsWith("1:"))).toEqual(
      expect.arrayContaining(["1:duplicate_column:warning", "1:empty_column_name:warning"]),
    );
  });
  it("NUL characters are removed with a warning", async () => {
    const j = (await run(["validate", at("csv-nul.csv")])).json<{ runs: number; issues: Issue[] }>();
    expect(j.runs).toBe(2);
    expect(issuesOf(j)).toEqual(["2:nul_character:warning"]);
  });
  it("other commands print the reader's issues on stderr and exit 1 on an error", async () => {
    const r = await run(["compare", at("csv-unterminated-quote.csv"), "--ids", "r1"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/csv-unterminated-quote\.csv line 2: error: A quoted value/);
    const ragged = await run(["schema", at("csv-ragged.csv")]);
    expect(ragged.code).toBe(1);
    expect(ragged.err).toMatch(/line 3: error: Line 3 has 4 values/);
    expect(() => JSON.parse(ragged.out) as unknown).not.toThrow();
  });
});

describe("limits", () => {
  it("10,000-deep JSON is refused with a sentence, no stack overflow", async () => {
    const deep = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    for (const name of ["deep.json", "deep.jsonl"]) {
      const r = await run(["validate", name], { [name]: deep });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/nested more than 100 levels deep/);
      expect(r.err).not.toMatch(/call stack/i);
    }
  });
  it("1e309 is a warning naming the line, and the run is left out of best with a reason", async () => {
    const v = (await run(["validate", at("json-1e309.json")])).json<{ issues: Issue[] }>();
    expect(v.issues).toContainEqual(
      expect.objectContaining({ line: 2, column: "val_loss", code: "number_out_of_range", severity: "warning" }),
    );
    const b = await run(["best", at("json-1e309.json"), "--metric", "val_loss"]);
    expect(b.json<{ excluded: { row: number }[] }>().excluded).toEqual([{ row: 2, reason: "val_loss is empty" }]);
    expect(b.err).toMatch(/line 2: "1e309" in column "val_loss" is beyond the largest number/);
  });
  it("duplicate JSON keys are a warning naming the key and line", async () => {
    const v = (await run(["validate", at("json-duplicate-keys.json")])).json<{ issues: Issue[] }>();
    expect(v.issues).toContainEqual(
      expect.objectContaining({ line: 3, column: "accuracy", code: "duplicate_key", severity: "warning" }),
    );
  });
});

describe("tool formats behave the same in every command", () => {
  it("MLflow UI export: leading apostrophes are undone in validate and best", async () => {
    const file = join(PARSE, "mlflow-ui-export.csv");
    expect(readFileSync(file, "utf8")).toContain("'-0.05");
    const b = await run(["best", file, "--metric", "delta_loss", "--goal", "min"]);
    expect(b.code).toBe(0);
    expect(b.json<{ best: { value: number } }>().best.value).toBe(-0.05);
  });
  it("a Keras CSVLogger log is one run in validate, as in parse", async () => {
    const file = join(PARSE, "keras-csvlogger.csv");
    expect((await run(["validate", file])).json().runs).toBe(1);
    expect((await run(["parse", file])).json<{ rows: unknown[] }>().rows).toHaveLength(1);
  });
});

describe("arguments (util.parseArgs) keep their messages and exit codes", () => {
  it("parse", async () => {
    const cases: [string[], RegExp][] = [
      [[], /missing input: give a file name, or - for standard input/],
      [["a", "b"], /only one input file is accepted \(got "a" and "b"\)/],
      [["--format", "nope", "x"], /unknown format "nope"; expected one of csv, /],
      [["--bogus", "x"], /unknown option --bogus/],
      [["x", "--format"], /--format needs a value/],
      [["book.xlsx"], /is a workbook; parse reads text/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(["parse", ...argv]);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect((await run(["parse", join(PARSE, "csv-basic.csv"), "--as-cells"])).code).toBe(0);
  });
  it("data commands", async () => {
    const file = join(PARSE, "csv-basic.csv");
    expect((await run(["validate", file, "--max-issues", "x"])).err).toMatch(/--max-issues must be a whole number/);
    expect((await run(["best", file, "--metric"])).err).toMatch(/--metric needs a value/);
    expect((await run(["schema", file, "--help=1"])).err).toMatch(/--help takes no value/);
    expect((await run(["validate", file, "extra"])).err).toMatch(/unexpected argument extra/);
  });
});

describe("any input (property)", () => {
  const piece = fc.constantFrom(
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    '"',
    "{",
    "}",
    "[",
    "]",
    ":",
    "=",
    "|",
    "-",
    "%",
    "a",
    "1",
    "0,5",
    "1e309",
    "nan",
    "None",
    "\u0000",
    "é",
    " ",
  );
  const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));
  it("never crashes any command, and every issue's line is inside the input", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const lines = t.split(/\r\n|\r|\n/).length;
        for (const argv of [
          ["validate", "-"],
          ["schema", "-"],
          ["parse", "-"],
        ]) {
          const r = await run(argv, {}, t);
          expect([0, 1, 2]).toContain(r.code);
          expect(r.err).not.toMatch(/unexpected error/);
          if (r.code === 2) continue;
          const issues = (r.json<{ issues?: { line?: number }[] }>().issues ?? []).filter((i) => i.line !== undefined);
          for (const i of issues) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.line).toBeLessThanOrEqual(lines);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
