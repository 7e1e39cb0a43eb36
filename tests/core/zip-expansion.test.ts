import { describe, expect, it } from "vitest";
import { inflatedBytes, XLSX_MAX_EXPANDED_BYTES, xlsxTooLarge, zipExpansion } from "../../src/core/zip-expansion";
import { zipOf } from "../cli/zip-bomb";

/**
 * Rewrites every declared uncompressed size (local headers, APPNOTE 4.3.7 offset 22, and the
 * central directory, 4.3.12 offset 24) to `declared`: an archive that understates its sizes.
 */
function understated(zip: Buffer, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = out.readUInt32LE(p);
    if (sig === 0x04034b50) out.writeUInt32LE(declared, p + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(declared, p + 24);
  }
  return out;
}

const workbookParts = (sheet: Buffer) =>
  zipOf([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
  ]);

describe("an .xlsx whose parts understate their sizes", () => {
  const liar = understated(workbookParts(Buffer.alloc(70_000_000, 0x20)), 1000);

  it("declares 2 KB but inflates past the 64 MB cap, which counting the inflated bytes catches", () => {
    expect(liar.length).toBeLessThan(100_000);
    const z = zipExpansion(new Uint8Array(liar));
    expect(z.ok && z.value.uncompressed).toBe(2000);
    const counted = inflatedBytes(new Uint8Array(liar), XLSX_MAX_EXPANDED_BYTES);
    expect(counted).toBeGreaterThan(XLSX_MAX_EXPANDED_BYTES);
    // The count stops within one slice of the cap instead of inflating all 70 MB.
    expect(counted).toBeLessThan(70_000_000);
    expect(xlsxTooLarge(new Uint8Array(liar))).toBe(
      "would expand from 68 KB to more than the 64 MB a workbook may hold here when unzipped, though its list of contents declares only 2 KB (the sizes in the file are wrong); save the runs as CSV, or split the workbook",
    );
  });

  it("counts honest archives exactly, stored or deflated", () => {
    const sheet = Buffer.from("<worksheet>" + "<row/>".repeat(10_000) + "</worksheet>");
    const honest = new Uint8Array(workbookParts(sheet));
    expect(inflatedBytes(honest, XLSX_MAX_EXPANDED_BYTES)).toBe(sheet.length + "<Types/>".length);
    expect(xlsxTooLarge(honest)).toBeNull();
    // An understated size that stays under the cap is no reason to refuse the file.
    expect(xlsxTooLarge(new Uint8Array(understated(workbookParts(sheet), 10)))).toBeNull();
  });

  it("a smaller cap refuses the same honest file by what it inflates to", () => {
    const sheet = Buffer.alloc(50_000, 0x41);
    const lying = new Uint8Array(understated(workbookParts(sheet), 1));
    expect(xlsxTooLarge(lying, 40_000)).toMatch(/^would expand from 1 KB to more than the 40 KB .* declares only 1 KB/);
  });

  it("never throws on damaged deflate data", () => {
    // Bytes that do not compress, so the sheet's deflate data fills most of the archive.
    let x = 2463534242;
    const noise = Buffer.alloc(100_000);
    for (let i = 0; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    const broken = Buffer.from(workbookParts(noise));
    expect(broken.length).toBeGreaterThan(90_000);
    broken.fill(0xff, 40_000, 40_100);
    expect(() => inflatedBytes(new Uint8Array(broken), XLSX_MAX_EXPANDED_BYTES)).not.toThrow();
    expect(xlsxTooLarge(new TextEncoder().encode("not a zip"))).toMatch(/not a zip archive/);
  });
});
