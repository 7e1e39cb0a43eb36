import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/commands/parse";
import type { CliIO } from "../../src/cli/io";

const fixtures = join(__dirname, "../fixtures/parse");

function captureIO(stdin = "", files: Record<string, Uint8Array> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    async readFile(path: string) {
      const mem = files[path];
      if (mem) return mem;
      return new Uint8Array(await readFile(path));
    },
    async readStdin() {
      return new TextEncoder().encode(stdin);
    },
  };
  return io;
}

describe("runsheet parse", () => {
  it("prints format, columns, rows and issues, exit 0", async () => {
    const io = captureIO();
    const code = await parseCommand([join(fixtures, "csv-basic.csv")], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out) as {
      format: string;
      columns: string[];
      rows: Record<string, unknown>[];
      issues: unknown[];
    };
    expect(out.format).toBe("csv");
    expect(out.rows[1]).toMatchObject({ run_id: "r2", accuracy: 0.91 });
    expect(out.issues).toEqual([]);
    expect(Object.keys(out)).toEqual(["format", "columns", "rows", "issues"]);
  });
  it("exits 1 with issues pointing at lines when the input has errors", async () => {
    const io = captureIO();
    expect(await parseCommand([join(fixtures, "jsonl-bad-line.jsonl")], io)).toBe(1);
    const out = JSON.parse(io.out) as { issues: { line: number; severity: string }[] };
    expect(out.issues.filter((i) => i.severity === "error").map((i) => i.line)).toEqual([2]);
  });
  it("reads standard input with -, and honours --format", async () => {
    const io = captureIO("a;b\n1,5;2\n");
    expect(await parseCommand(["-", "--format", "csv-semicolon"], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ format: "csv-semicolon", rows: [{ a: 1.5, b: 2 }] });
  });
  it("prints cells after neutralisation with --as-cells", async () => {
    const io = captureIO();
    expect(await parseCommand([join(fixtures, "csv-injection.csv"), "--as-cells"], io)).toBe(0);
    const out = JSON.parse(io.out) as { header: string[]; cells: unknown[][]; textCells: [number, number][] };
    expect(out.header).toEqual(["run_id", "notes"]);
    expect(out.cells[1]).toEqual(["r2", "+cmd"]);
    // Every formula-like note is written as text.
    expect(out.textCells).toEqual([0, 1, 2, 3, 4].map((r) => [r, 1]));
  });
  it("exits 2 on usage errors and unreadable input", async () => {
    for (const argv of [[], ["a", "b"], ["--format", "nope", "x"], ["--bogus", "x"]]) {
      const io = captureIO();
      expect(await parseCommand(argv, io)).toBe(2);
      expect(io.err).toContain("runsheet parse:");
      expect(io.out).toBe("");
    }
    const io = captureIO();
    expect(await parseCommand([join(fixtures, "does-not-exist.csv")], io)).toBe(2);
    expect(io.err).toContain("cannot read");
    const bin = captureIO("", { "bin.csv": new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) });
    expect(await parseCommand(["bin.csv"], bin)).toBe(2);
  });
});
