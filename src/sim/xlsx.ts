// Load and save the simulated workbook as .xlsx with exceljs (Node for tests, its browser build in
// the playground). Preserved: values, formulas (with cached results), number formats, fills, bold/
// italic/colour fonts, column widths, frozen rows, tables (name, range, style, totals), list/number
// data validation, expression/cell-value conditional formats and workbook-scoped names.
// Not preserved (exceljs has no support): charts, add-in settings, sheet protection passwords.
import ExcelJS from "exceljs";
import { formatRect, parseAddress } from "./address";
import { type SheetModel, WorkbookModel, keyCol, keyRow, newId } from "./model";
import { readExcelJsValue } from "../core/exceljs-value";
import { ERROR_LITERALS, type CellData } from "./cell-input";
import type { ExcelSimulator } from "./simulator";

/** Excel's default column width: 8.43 characters = 48 points. */
const POINTS_PER_CHAR = 48 / 8.43;

type XCell = ExcelJS.Cell;

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb || argb.length < 6) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}
function hexToArgb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function readCell(cell: XCell): CellData | undefined {
  const r = readExcelJsValue(cell.value, cell.formula);
  let data: CellData | undefined;
  if (r.formula !== undefined) {
    data = { v: r.value ?? "", f: `=${r.formula}` };
    if (r.error) data.err = true;
  } else if (r.value === null) data = undefined;
  // Range.values shows an error as its text; a typed "#N/A" is an error in Excel as well.
  else if (r.error || (typeof r.value === "string" && ERROR_LITERALS.has(r.value))) data = { v: r.value, err: true };
  else data = { v: r.value };
  const numFmt = cell.numFmt;
  const fill = cell.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
  const font = cell.font as { bold?: boolean; italic?: boolean; color?: { argb?: string } } | undefined;
  const styled =
    (numFmt && numFmt !== "General") ||
    (fill?.type === "pattern" && fill.fgColor?.argb) ||
    font?.bold ||
    font?.italic ||
    font?.color?.argb;
  if (!data && !styled) return undefined;
  const out: CellData = data ?? { v: "" };
  if (numFmt && numFmt !== "General") out.nf = numFmt;
  const fillHex = fill?.type === "pattern" ? argbToHex(fill.fgColor?.argb) : undefined;
  if (fillHex) out.fill = fillHex;
  if (font?.bold) out.bold = true;
  if (font?.italic) out.italic = true;
  const color = argbToHex(font?.color?.argb);
  if (color && color !== "#000000") out.color = color;
  return out;
}

/** Parses .xlsx bytes into a workbook model. */
export async function loadXlsx(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const model = new WorkbookModel();
  model.transact(() => {
    wb.eachSheet((ws) => {
      const sheet = model.addSheet(ws.name);
      if (ws.state === "hidden" || ws.state === "veryHidden")
        sheet.visibility = ws.state === "hidden" ? "Hidden" : "VeryHidden";
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const data = readCell(cell);
          if (data) model.setCell(sheet, rowNumber - 1, colNumber - 1, data);
        });
      });
      (ws.columns ?? []).forEach((col, i) => {
        if (col?.width) sheet.colWidths.set(i, Math.round(col.width * POINTS_PER_CHAR));
      });
      const view = ws.views?.[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
      if (view?.state === "frozen") {
        sheet.freezeRows = view.ySplit ?? 0;
        sheet.freezeCols = view.xSplit ?? 0;
      }
      const tables =
        (
          ws as unknown as {
            tables?: Record<
              string,
              {
                table?: {
                  name?: string;
                  tableRef?: string;
                  ref?: string;
                  totalsRow?: boolean;
                  headerRow?: boolean;
                  style?: { theme?: string };
                };
              }
            >;
          }
        ).tables ?? {};
      for (const entry of Object.values(tables)) {
        const t = entry.table;
        const ref = t?.tableRef ?? t?.ref;
        const parsed = ref ? parseAddress(ref) : null;
        if (!t?.name || !parsed) continue;
        model.tables.push({
          id: newId(),
          name: t.name,
          sheetId: sheet.id,
          rect: parsed.rect,
          showHeaders: t.headerRow !== false,
          showTotals: Boolean(t.totalsRow),
          style: t.style?.theme ?? "TableStyleMedium2",
          showBandedRows: true,
        });
      }
      readValidations(ws, sheet);
      readConditionalFormats(ws, sheet);
    });
    const names = (wb.definedNames as unknown as { model?: Array<{ name: string; ranges: string[] }> }).model ?? [];
    for (const n of names) {
      const first = n.ranges[0];
      if (first) model.names.push({ name: n.name, formula: `=${first}`, comment: "", visible: true });
    }
    if (model.sheets[0]) model.activeSheetId = model.sheets[0].id;
  });
  return model;
}

function readValidations(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const dv =
    (
      ws as unknown as {
        dataValidations?: {
          model?: Record<string, { type?: string; formulae?: unknown[]; operator?: string; allowBlank?: boolean }>;
        };
      }
    ).dataValidations?.model ?? {};
  for (const [address, rule] of Object.entries(dv)) {
    const parsed = parseAddress(address.split(" ")[0] ?? "");
    if (!parsed || !rule.type) continue;
    const f1 = rule.formulae?.[0];
    if (rule.type === "list") {
      sheet.validations.push({
        id: newId(),
        rect: parsed.rect,
        type: "List",
        source: String(f1 ?? "").replace(/^"|"$/g, ""),
        ignoreBlanks: rule.allowBlank !== false,
      });
    } else if (rule.type === "decimal" || rule.type === "whole") {
      const item: SheetModel["validations"][number] = {
        id: newId(),
        rect: parsed.rect,
        type: rule.type === "decimal" ? "Decimal" : "WholeNumber",
        ignoreBlanks: rule.allowBlank !== false,
        operator: xlsxOperatorToExcel(rule.operator),
      };
      if (f1 !== undefined) item.formula1 = f1 as number;
      const f2 = rule.formulae?.[1];
      if (f2 !== undefined) item.formula2 = f2 as number;
      sheet.validations.push(item);
    }
  }
}

function readConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const cfs =
    (
      ws as unknown as {
        conditionalFormattings?: Array<{
          ref: string;
          rules: Array<{
            type: string;
            formulae?: unknown[];
            operator?: string;
            style?: {
              fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } };
              font?: { bold?: boolean; color?: { argb?: string } };
            };
          }>;
        }>;
      }
    ).conditionalFormattings ?? [];
  for (const cf of cfs) {
    const parsed = parseAddress(cf.ref.split(" ")[0] ?? "");
    if (!parsed) continue;
    for (const rule of cf.rules) {
      const fill = argbToHex(rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb);
      const base = {
        id: newId(),
        rect: parsed.rect,
        stopIfTrue: false,
        ...(fill ? { fill } : {}),
        ...(rule.style?.font?.bold ? { bold: true } : {}),
      };
      const fontColor = argbToHex(rule.style?.font?.color?.argb);
      if (rule.type === "expression")
        sheet.conditionalFormats.push({
          ...base,
          type: "Custom",
          formula: `=${String(rule.formulae?.[0] ?? "FALSE")}`,
          ...(fontColor ? { fontColor } : {}),
        });
      else if (rule.type === "cellIs") {
        const item: SheetModel["conditionalFormats"][number] = {
          ...base,
          type: "CellValue",
          operator: xlsxOperatorToExcel(rule.operator),
          formula1: `=${String(rule.formulae?.[0] ?? "")}`,
          ...(fontColor ? { fontColor } : {}),
        };
        if (rule.formulae?.[1] !== undefined) item.formula2 = `=${String(rule.formulae[1])}`;
        sheet.conditionalFormats.push(item);
      }
    }
  }
}

const OPERATORS: Array<[string, string]> = [
  ["between", "Between"],
  ["notBetween", "NotBetween"],
  ["equal", "EqualTo"],
  ["notEqual", "NotEqualTo"],
  ["greaterThan", "GreaterThan"],
  ["lessThan", "LessThan"],
  ["greaterThanOrEqual", "GreaterThanOrEqual"],
  ["lessThanOrEqual", "LessThanOrEqual"],
];
function xlsxOperatorToExcel(op: string | undefined): string {
  return OPERATORS.find(([x]) => x === op)?.[1] ?? "Between";
}
function excelOperatorToXlsx(op: string | undefined): string {
  // Data validation uses "...OrEqualTo" in Excel JS; conditional formats use "...OrEqual".
  const normal = op?.replace(/OrEqualTo$/, "OrEqual");
  return OPERATORS.find(([, x]) => x === normal)?.[0] ?? "between";
}

function writeValue(cell: XCell, data: CellData): void {
  if (data.f) {
    const result = data.err ? { error: data.v } : data.v;
    cell.value = { formula: data.f.slice(1), result } as unknown as ExcelJS.CellValue;
  } else if (data.err) cell.value = { error: data.v } as unknown as ExcelJS.CellValue;
  else if (data.v !== "") cell.value = data.v;
  if (data.nf) cell.numFmt = data.nf;
  if (data.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(data.fill) } };
  if (data.bold || data.italic || data.color) {
    const font: Partial<ExcelJS.Font> = {};
    if (data.bold) font.bold = true;
    if (data.italic) font.italic = true;
    if (data.color) font.color = { argb: hexToArgb(data.color) };
    cell.font = font;
  }
}

/** Serialises a simulator's workbook (or a model) to .xlsx bytes. */
export async function saveXlsx(source: ExcelSimulator | WorkbookModel): Promise<Uint8Array> {
  const model = source instanceof WorkbookModel ? source : source.workbook;
  const wb = new ExcelJS.Workbook();
  wb.creator = "RunSheet simulator";
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    if (sheet.visibility !== "Visible") ws.state = sheet.visibility === "Hidden" ? "hidden" : "veryHidden";
    const tables = model.tablesOn(sheet.id);
    for (const [k, data] of sheet.cells) writeValue(ws.getCell(keyRow(k) + 1, keyCol(k) + 1), data);
    for (const [c, w] of sheet.colWidths) ws.getColumn(c + 1).width = w / POINTS_PER_CHAR;
    if (sheet.freezeRows || sheet.freezeCols)
      ws.views = [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: sheet.freezeCols }];
    for (const t of tables) {
      const headers: string[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++)
        headers.push(String(model.cellAt(sheet, t.rect.r0, c)?.v ?? `Column${c - t.rect.c0 + 1}`));
      const rows: unknown[][] = [];
      const last = t.rect.r1 - (t.showTotals ? 1 : 0);
      for (let r = t.rect.r0 + 1; r <= last; r++) {
        const row: unknown[] = [];
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const d = model.cellAt(sheet, r, c);
          row.push(d?.f ? { formula: d.f.slice(1), result: d.v } : d?.err ? { error: d.v } : (d?.v ?? null));
        }
        rows.push(row);
      }
      ws.addTable({
        name: t.name,
        ref: formatRect({ ...t.rect, r1: t.rect.r0, c1: t.rect.c0 }),
        headerRow: true,
        totalsRow: t.showTotals,
        style: {
          theme: t.style as NonNullable<ExcelJS.TableStyleProperties["theme"]>,
          showRowStripes: t.showBandedRows,
        },
        columns: headers.map((name) => ({ name, filterButton: true })),
        rows,
      });
      // exceljs rewrites table cells from `rows`; restore per-cell formats it dropped.
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const d = model.cellAt(sheet, r, c);
          if (!d) continue;
          const target = ws.getCell(r + 1, c + 1);
          if (d.nf) target.numFmt = d.nf;
          if (d.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(d.fill) } };
          if (d.bold) target.font = { bold: true };
        }
      }
    }
    for (const dv of sheet.validations) {
      const ref = formatRect(dv.rect);
      const dvs = (ws as unknown as { dataValidations: { add(ref: string, v: unknown): void } }).dataValidations;
      if (dv.type === "List")
        dvs.add(ref, { type: "list", allowBlank: dv.ignoreBlanks, formulae: [`"${dv.source ?? ""}"`] });
      else if (dv.type === "Decimal" || dv.type === "WholeNumber") {
        dvs.add(ref, {
          type: dv.type === "Decimal" ? "decimal" : "whole",
          allowBlank: dv.ignoreBlanks,
          operator: excelOperatorToXlsx(dv.operator),
          formulae: [dv.formula1, dv.formula2].filter((x) => x !== undefined),
        });
      }
    }
    for (const cf of sheet.conditionalFormats) {
      const style: Record<string, unknown> = {};
      if (cf.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(cf.fill) } };
      if (cf.fontColor || cf.bold)
        style.font = {
          ...(cf.bold ? { bold: true } : {}),
          ...(cf.fontColor ? { color: { argb: hexToArgb(cf.fontColor) } } : {}),
        };
      const rule =
        cf.type === "Custom" && cf.formula
          ? { type: "expression", priority: 1, formulae: [cf.formula.slice(1)], style }
          : cf.type === "CellValue" && cf.formula1 !== undefined
            ? {
                type: "cellIs",
                priority: 1,
                operator: excelOperatorToXlsx(cf.operator),
                formulae: [cf.formula1, cf.formula2]
                  .filter((x): x is string => x !== undefined)
                  .map((f) => f.replace(/^=/, "")),
                style,
              }
            : null;
      if (rule)
        ws.addConditionalFormatting({
          ref: formatRect(cf.rect),
          rules: [rule as unknown as ExcelJS.ConditionalFormattingRule],
        });
    }
  }
  for (const n of model.names) {
    const target = model.nameTarget(n);
    if (target) wb.definedNames.add(n.formula.replace(/^=/, ""), n.name);
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** Loads .xlsx bytes into an existing simulator (replacing its workbook). */
export async function loadXlsxInto(sim: ExcelSimulator, bytes: ArrayBuffer | Uint8Array): Promise<void> {
  sim.replaceWorkbook(await loadXlsx(bytes));
}
