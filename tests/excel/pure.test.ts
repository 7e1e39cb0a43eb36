import { describe, expect, it } from "vitest";
import {
  capabilitiesFrom,
  cellLocator,
  describeError,
  detectCapabilities,
  errorCode,
  numberFormatFor,
  type SheetGrid,
} from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";

describe("capabilities", () => {
  it("maps requirement sets to features and survives a checker that throws", () => {
    const only17 = capabilitiesFrom({ isSetSupported: (_n, v) => Number(v?.split(".")[1]) <= 7 });
    expect(only17).toEqual({
      settings: true,
      conditionalFormats: true,
      freezePanes: true,
      events: true,
      dataValidation: false,
      pageLayout: false,
      mergedAreas: false,
      selectionEvents: false,
    });
    const broken = capabilitiesFrom({
      isSetSupported: () => {
        throw new Error("no");
      },
    });
    expect(Object.values(broken).every((v) => v === false)).toBe(true);
  });

  it("asks the installed Office host", () => {
    const sim = createExcelSimulator({ host: "old" });
    const restore = sim.install();
    try {
      expect(detectCapabilities().dataValidation).toBe(false);
      expect(detectCapabilities().events).toBe(true);
    } finally {
      restore();
    }
  });
});

describe("errors", () => {
  it("turns Office error codes into sentences and keeps other messages", () => {
    expect(describeError({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatch(/editing a cell/);
    expect(describeError({ code: "ItemNotFound" })).toMatch(/Create tracker/);
    expect(describeError(new Error("plain"))).toBe("plain");
    expect(describeError(undefined)).toMatch(/try again/);
    expect(errorCode({ code: 5 })).toBeUndefined();
  });
});

describe("cellLocator", () => {
  const grid: SheetGrid = {
    sheet: "Data",
    grid: [["title"], [], ["run", "val_loss (nats)", "Accuracy"], ["a", 1, 0.5]],
    rowOffset: 2,
    columnOffset: 3,
    source: "sheet",
  };
  it("finds columns by header text, case-insensitively and by bare name without units", () => {
    const locate = cellLocator(grid, 4);
    expect(locate({ row: 5, column: "val_loss" })).toEqual({ sheet: "Data", row: 5, column: 4 });
    expect(locate({ row: 5, column: "accuracy" })).toEqual({ sheet: "Data", row: 5, column: 5 });
    expect(locate({ row: 5, column: "missing" })).toBeNull();
    expect(locate({ row: 5, column: "" })).toEqual({ sheet: "Data", row: 5, column: 3 });
  });
});

describe("number formats per column type", () => {
  it("keeps text as text and shows percents as percents", () => {
    expect(numberFormatFor("text")).toBe("@");
    expect(numberFormatFor("percent")).toBe("0.0%");
    expect(numberFormatFor("integer")).toBe("0");
    expect(numberFormatFor("number")).toBe("General");
  });
});
