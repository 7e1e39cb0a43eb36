import { describe, expect, it } from "vitest";
import {
  EXCEL_ERRORS,
  excelSerialToDate,
  isExcelError,
  isMissingText,
  isNonFiniteText,
  parseDateCell,
  parseDuration,
  parseNumberText,
} from "../../src/core/index";

describe("parseNumberText", () => {
  it.each([
    ["0.91", 0.91, "plain"],
    [" 1e-3 ", 0.001, "plain"],
    ["-2.5E2", -250, "plain"],
    [".5", 0.5, "plain"],
    ["0,91", 0.91, "decimal_comma"],
    ["1,5", 1.5, "decimal_comma"],
    ["1,000", 1000, "thousands"],
    ["12,345,678.9", 12345678.9, "thousands"],
    ["1.234,5", 1234.5, "decimal_comma"],
    ["91%", 0.91, "percent"],
    ["91,5 %", 0.915, "percent"],
    ["1\u00a0000", 1000, "plain"],
  ] as const)("reads %j as %d (%s)", (text, value, style) => {
    const n = parseNumberText(text);
    expect(n?.style).toBe(style);
    expect(n?.value).toBeCloseTo(value, 12);
  });
  it.each(["", "abc", "1.2.3", "0x10", "12abc", "nan", "inf", "1,2,3"])("rejects %j", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe("Excel errors and non-finite text", () => {
  it("knows every classic error value", () => {
    for (const e of ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]) {
      expect(EXCEL_ERRORS.has(e)).toBe(true);
      expect(isExcelError(e)).toBe(true);
    }
    expect(isExcelError("#hashtag")).toBe(false);
    expect(isExcelError(3)).toBe(false);
  });
  it("recognises nan and inf as scripts print them", () => {
    for (const t of ["nan", "NaN", "inf", "-inf", "Infinity"]) expect(isNonFiniteText(t)).toBe(true);
    expect(isNonFiniteText("info")).toBe(false);
  });
  it("recognises the words tools write for a missing number", () => {
    for (const t of ["NA", "n/a", "None", "null"]) expect(isMissingText(t)).toBe(true);
    expect(isMissingText("nano")).toBe(false);
  });
});

describe("dates and durations", () => {
  it("reads ISO dates, date-times and Excel serials", () => {
    expect(parseDateCell("2024-05-01")).toEqual({ iso: "2024-05-01", hasTime: false });
    expect(parseDateCell("2024-05-01 14:30")).toEqual({ iso: "2024-05-01T14:30", hasTime: true });
    expect(parseDateCell(45413)).toEqual({ iso: "2024-05-01", hasTime: false });
    expect(parseDateCell(45413.5)?.iso).toBe("2024-05-01T12:00:00");
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe("1899-12-31");
  });
  it("rejects impossible dates", () => {
    expect(parseDateCell("2024-13-01")).toBeNull();
    expect(parseDateCell("2023-02-29")).toBeNull();
    expect(parseDateCell("yesterday")).toBeNull();
    expect(parseDateCell(-5)).toBeNull();
  });
  it("reads durations in seconds", () => {
    expect(parseDuration("1:30:00")).toBe(5400);
    expect(parseDuration("02:05")).toBe(125);
    expect(parseDuration("1h 30m")).toBe(5400);
    expect(parseDuration("90s")).toBe(90);
    expect(parseDuration(12.5)).toBe(12.5);
    expect(parseDuration("soon")).toBeNull();
  });
});
