import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blocksFromAddress,
  detectHeaderRow,
  findHeaderIndex,
  headerCells,
  locateStoredHeader,
  parseStoredHeader,
  type Grid,
} from "../../src/core/index";

// Two titles merged across columns (A1:B1 and C1:D1 hold text, their other cells are empty, as
// Excel keeps only the upper-left value): two labels fill half the width, so without knowing
// about the merge the title row looks like a header.
const sheet: Grid = [
  ["Dogs vs cats", "", "December runs", ""],
  ["run_id", "layers", "n_images", "accuracy"],
  ["r1", 1, 1000, 0.71],
  ["r2", 2, 2000, 0.8],
];

describe("detectHeaderRow", () => {
  it("is fooled by a two-part title without merge information (the bug it fixes)", () => {
    expect(findHeaderIndex(sheet)).toBe(0);
  });

  it("never takes a row with a title merged across columns as the header", () => {
    const merged = blocksFromAddress("Lab!A1:B1, Lab!C1:D1");
    expect(detectHeaderRow(sheet, 1, merged)).toBe(2);
  });

  it("works with the grid's own row offset (used range starting on row 5)", () => {
    expect(detectHeaderRow(sheet, 5, blocksFromAddress("A5:B5,C5:D5"))).toBe(6);
  });

  it("ignores merges one column wide (a cell merged down is not a title)", () => {
    expect(detectHeaderRow(sheet, 1, blocksFromAddress("A1:A2"))).toBe(1);
  });

  it("is null for an empty grid", () => {
    expect(detectHeaderRow([], 1)).toBeNull();
  });
});

describe("blocksFromAddress", () => {
  it("reads quoted sheet names with commas and single cells", () => {
    expect(blocksFromAddress("'My, lab''s'!$B$2:$C$3, 'My, lab''s'!E7")).toEqual([
      { firstRow: 2, lastRow: 3, firstColumn: 1, lastColumn: 2 },
      { firstRow: 7, lastRow: 7, firstColumn: 4, lastColumn: 4 },
    ]);
  });

  it("reads any block back from the address it was written as", () => {
    const letters = (i: number): string => {
      let n = i + 1;
      let s = "";
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1048576 }),
        fc.integer({ min: 0, max: 16383 }),
        fc.nat(50),
        fc.nat(50),
        (row, col, h, w) => {
          const lastCol = Math.min(16383, col + w);
          const text = `Sheet1!${letters(col)}${row}:${letters(lastCol)}${row + h}`;
          expect(blocksFromAddress(text)).toEqual([
            { firstRow: row, lastRow: row + h, firstColumn: col, lastColumn: lastCol },
          ]);
        },
      ),
    );
  });
});

describe("locateStoredHeader", () => {
  const stored = { row: 2, cells: headerCells(sheet[1]) };

  it("finds the header on its own row", () => {
    expect(locateStoredHeader(sheet, 1, stored)).toBe(2);
  });

  it("follows the header when rows were inserted above it", () => {
    const moved: Grid = [["", "", "", ""], ["", "", "", ""], ...sheet];
    expect(locateStoredHeader(moved, 1, stored)).toBe(4);
  });

  it("is null when the header cells were edited (detect again)", () => {
    const edited: Grid = sheet.map((r, i) => (i === 1 ? ["id", ...r.slice(1)] : r));
    expect(locateStoredHeader(edited, 1, stored)).toBeNull();
  });

  it("parses a stored setting leniently", () => {
    expect(parseStoredHeader(JSON.stringify(stored))).toEqual(stored);
    expect(parseStoredHeader({ row: "2", cells: [] })).toBeNull();
    expect(parseStoredHeader("not json")).toBeNull();
  });
});
