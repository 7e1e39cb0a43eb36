import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { XLSX_MAX_EXPANDED_BYTES, xlsxTooLarge, zipExpansion } from "../../src/core/index";
import { xlsxBomb, zipOf } from "./zip-bomb";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "runsheet-cli-"));

describe("an .xlsx zip bomb", () => {
  const bomb = xlsxBomb(100_000_000);
  it("is about 100 KB and declares 100 MB, which the central directory shows without inflating", () => {
    expect(bomb.length).toBeLessThan(110_000);
    const z = zipExpansion(new Uint8Array(bomb));
    expect(z.ok && z.value.entries).toBe(2);
    expect(z.ok && z.value.uncompressed).toBeGreaterThan(100_000_000);
    expect(xlsxTooLarge(new Uint8Array(bomb))).toMatch(
      /would expand from 98 KB to 100 MB when unzipped, more than the 64 MB/,
    );
    expect(xlsxTooLarge(new Uint8Array(zipOf([{ name: "a.xml", data: Buffer.from("<a/>") }])))).toBeNull();
    expect(xlsxTooLarge(new TextEncoder().encode("not a zip"))).toMatch(/not a zip archive/);
    expect(XLSX_MAX_EXPANDED_BYTES).toBe(64_000_000);
  });
  it("is refused with a sentence before exceljs inflates it; the process stays under 200 MB", () => {
    const file = join(dir, "bomb.xlsx");
    writeFileSync(file, bomb);
    const p = spawnSync("npx", ["tsx", "tests/cli/peak-memory.ts", "validate", file], { cwd: ROOT, encoding: "utf8" });
    const r = JSON.parse(p.stdout) as { code: number; err: string; peakMB: number };
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bomb\.xlsx would expand from 98 KB to 100 MB when unzipped/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.peakMB).toBeLessThan(200);
  });
});

describe("closed stdout", () => {
  it("piping into head exits quietly: no EPIPE, no stack trace", () => {
    const rows = ["run_id,accuracy,note", ...Array.from({ length: 30_000 }, (_, i) => `r${i},0.5,note ${i}`)];
    const file = join(dir, "big.csv");
    writeFileSync(file, rows.join("\n") + "\n");
    const p = spawnSync(
      "bash",
      ["-c", `npx tsx src/cli/main.ts parse '${file}' | head -c 20; echo " status=\${PIPESTATUS[0]}"`],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(p.stdout).toMatch(/^\{"format":"csv"/);
    expect(p.stdout).toMatch(/status=0/);
    expect(p.stderr).toBe("");
  });
});
