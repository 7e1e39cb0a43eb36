import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/core/parse";
import { decodeText } from "../../../src/core/parse/encoding";

const dir = join(__dirname, "../../fixtures/input");
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

function decoded(b: Uint8Array): string {
  const r = decodeText(b);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value.text;
}

describe("decodeText", () => {
  it("reads Excel's Unicode Text (UTF-16LE with BOM): clean names, no NULs, accents kept", () => {
    const r = decodeText(bytes("tsv-excel-unicode-text.txt"));
    expect(r.ok && r.value.encoding).toBe("utf-16le");
    const text = decoded(bytes("tsv-excel-unicode-text.txt"));
    expect(text).not.toContain("\u0000");
    const p = parseText(text);
    expect(p.format).toBe("tsv");
    expect(p.columns).toEqual(["run_id", "model", "accuracy", "val_loss"]);
    expect(p.rows.map((x) => x.model)).toEqual(["cnn-1", "cnn-2", "réseau"]);
    expect(p.rows.map((x) => x.accuracy)).toEqual([0.81, 0.84, 0.86]);
  });
  it("reads UTF-16BE with BOM and UTF-8 with and without BOM to the same text", () => {
    const csv = "run_id,accuracy\nr1,0.9\nr2,0.8\n";
    expect(decoded(bytes("csv-utf16be-bom.csv"))).toBe(csv);
    const utf8 = new TextEncoder().encode(csv);
    expect(decoded(utf8)).toBe(csv);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const r = decodeText(withBom);
    expect(r.ok && r.value).toEqual({ text: csv, encoding: "utf-8", bom: true });
  });
  it("reads UTF-16LE saved without a BOM (mostly ASCII) instead of keeping NULs", () => {
    const le = Buffer.from("run_id\tacc\r\nr1\t0.5\r\n", "utf16le");
    expect(decoded(new Uint8Array(le))).toBe("run_id\tacc\r\nr1\t0.5\r\n");
  });
  it("reports invalid UTF-8 with its byte, byte offset and line", () => {
    const r = decodeText(bytes("csv-invalid-utf8.csv"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ line: 3, code: "invalid_encoding", severity: "error" });
    expect(r.issues[0]?.message).toContain("byte 0xE9 at byte offset 37 (line 3)");
  });
  it("refuses overlong forms, surrogates and cut-off sequences", () => {
    for (const bad of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x41, 0xe2, 0x82],
    ]) {
      expect(decodeText(new Uint8Array(bad)).ok, bad.join(",")).toBe(false);
    }
  });
  it("decodes any string's UTF-8 exactly like TextDecoder, and UTF-16 with a BOM too (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        const utf8 = new TextEncoder().encode(s);
        expect(decoded(utf8)).toBe(new TextDecoder().decode(utf8));
        const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(s, "utf16le")]);
        expect(decoded(le)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
  it("never throws on random bytes; an error's line is inside the input (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = decodeText(b);
        if (r.ok) return;
        const lines = new TextDecoder().decode(b).split(/\r\n|\r|\n/).length;
        for (const i of r.issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 500 },
    );
  });
});
