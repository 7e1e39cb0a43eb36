// The simulated workbook: plain data plus an undo journal so a failed sync can be rolled back.
// Every mutation goes through a method here (or `set`), which records how to undo it.
import { MAX_COLS, type Rect, intersects, parseAddress, quoteSheet, formatRect } from "./address";
import { evaluateFormula, type FormulaValue } from "./formula";
import { type CellData, type Scalar, formatText } from "./cell-input";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: "Custom" | "CellValue";
  /** Custom: formula relative to the top-left cell of `rect`, e.g. "=$J2=\"failed\"". */
  formula?: string;
  /** CellValue: operator name from Excel.ConditionalCellValueOperator and its operands. */
  operator?: string;
  formula1?: string;
  formula2?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

export interface DataValidationModel {
  id: string;
  rect: Rect;
  /** "List" | "Decimal" | "WholeNumber" | "TextLength" | "Date" | "Custom" */
  type: string;
  source?: string;
  operator?: string;
  formula1?: string | number;
  formula2?: string | number;
  inCellDropDown?: boolean;
  ignoreBlanks: boolean;
  errorMessage?: string;
  errorTitle?: string;
  promptMessage?: string;
}

export interface SeriesModel {
  id: string;
  name: string;
  /** A live reference to the cells holding the values. */
  values?: { sheetId: string; rect: Rect };
  xValues?: { sheetId: string; rect: Rect };
  chartType?: string;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  title: string;
  titleVisible: boolean;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  legendVisible: boolean;
  legendPosition: string;
  series: SeriesModel[];
  top: number;
  left: number;
  width: number;
  height: number;
  startCell?: string;
  endCell?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: SheetVisibility;
  tabColor: string;
  cells: Map<number, CellData>;
  colWidths: Map<number, number>;
  protected: boolean;
  password?: string;
  freezeRows: number;
  freezeCols: number;
  conditionalFormats: ConditionalFormatModel[];
  validations: DataValidationModel[];
  charts: ChartModel[];
  /** Merged areas (Range.merge); absent until something is merged. */
  merges?: Rect[];
  /** Set once an add-in changes the page layout (ExcelApi 1.9). */
  pageLayout?: PageLayoutModel;
}

/** What PageLayout keeps: orientation, zoom (fit to pages or scale) and the print title rows. */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Whole table including header and totals rows. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  /** AutoFilter criteria: column offset in the table -> the texts shown (other data rows are hidden). */
  filters?: Record<number, string[]>;
}

export interface NamedItemModel {
  name: string;
  /** "=Runs!$A$1:$C$3" or a constant formula. */
  formula: string;
  comment: string;
  visible: boolean;
}

/** One change to report through onChanged once the sync that made it commits. */
export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  changeType:
    "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";
  source: "Local" | "Remote";
  triggerSource: "ThisLocalAddin" | "Unknown";
  before?: CellData | undefined;
  after?: CellData | undefined;
}

/** Default column width in points (Excel's 8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 48;

export const cellKey = (r: number, c: number): number => r * MAX_COLS + c;
export const keyRow = (k: number): number => Math.floor(k / MAX_COLS);
export const keyCol = (k: number): number => k % MAX_COLS;

let idCounter = 0;
/** Ids look like Excel's ({GUID}) so code that parses or displays them sees realistic strings. */
export function newId(): string {
  idCounter++;
  const hex = idCounter.toString(16).toUpperCase().padStart(12, "0");
  return `{00000000-0001-0000-0000-${hex}}`;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NamedItemModel[] = [];
  settings = new Map<string, unknown>();
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  /** Bumped on every committed change so views can cheaply tell whether to re-render. */
  version = 0;
  private journal: Array<() => void> | null = null;
  /** Set by cell writes; formulas are recalculated before the next read (automatic calculation). */
  dirty = false;
  /** application.suspendApiCalculationUntilNextSync() was called in the running sync. */
  calcSuspended = false;
  private pendingChanges: ChangeRecord[] = [];

  // ---- transactions -------------------------------------------------------------------------
  begin(): void {
    this.journal = [];
    this.pendingChanges = [];
  }
  /** Ends the transaction and returns the changes it made (for events). */
  commit(): ChangeRecord[] {
    this.journal = null;
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    this.calcSuspended = false;
    this.recalculate();
    this.version++;
    return changes;
  }
  rollback(): void {
    const j = this.journal ?? [];
    for (let i = j.length - 1; i >= 0; i--) j[i]?.();
    this.journal = null;
    this.pendingChanges = [];
    this.calcSuspended = false;
    this.dirty = true;
  }
  /** Recalculates if cells changed since the last calculation (skipped while calculation is suspended). */
  recalcIfDirty(): void {
    if (this.dirty && !this.calcSuspended) this.recalculate();
  }
  /** Runs `fn` as one transaction outside a sync (user edits, co-author edits, loading). */
  transact(fn: () => void): ChangeRecord[] {
    this.begin();
    try {
      fn();
    } catch (e) {
      this.rollback();
      throw e;
    }
    return this.commit();
  }
  /** Marks the current point of the running transaction (for partial-failure semantics). */
  savepoint(): { journal: number; changes: number } {
    return { journal: this.journal?.length ?? 0, changes: this.pendingChanges.length };
  }
  /** Undoes everything after `point`, keeping the transaction open. */
  rollbackTo(point: { journal: number; changes: number }): void {
    const j = this.journal ?? [];
    for (let i = j.length - 1; i >= point.journal; i--) j[i]?.();
    j.length = Math.min(j.length, point.journal);
    this.pendingChanges.length = Math.min(this.pendingChanges.length, point.changes);
    this.dirty = true;
  }
  record(undo: () => void): void {
    this.journal?.push(undo);
  }
  noteChange(change: ChangeRecord): void {
    this.pendingChanges.push(change);
  }

  /** Sets obj[key] = value, journaled. */
  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    const old = obj[key];
    if (old === value) return;
    obj[key] = value;
    this.record(() => {
      obj[key] = old;
    });
  }
  insertAt<T>(arr: T[], index: number, item: T): void {
    arr.splice(index, 0, item);
    this.record(() => {
      const i = arr.indexOf(item);
      if (i >= 0) arr.splice(i, 1);
    });
  }
  removeItem<T>(arr: T[], item: T): void {
    const i = arr.indexOf(item);
    if (i < 0) return;
    arr.splice(i, 1);
    this.record(() => arr.splice(i, 0, item));
  }
  mapSet<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const old = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.noteCellBounds(map, key, had ? old : undefined, value);
    this.record(() => {
      if (had) map.set(key, old as V);
      else map.delete(key);
      this.bounds.delete(map as unknown as Map<number, CellData>);
    });
  }

  /**
   * Bounds of the cells of each sheet ({@link usedRect} without tables), computed on first use and
   * kept up to date while cells are added; removing a cell (which may shrink them) drops them.
   */
  private bounds = new WeakMap<Map<number, CellData>, { all: Rect | null; values: Rect | null }>();

  private noteCellBounds(map: Map<unknown, unknown>, key: unknown, old: unknown, value: unknown): void {
    const b = this.bounds.get(map as Map<number, CellData>);
    if (!b) return;
    if (value === undefined) {
      // Clearing a cell that was not there changes nothing; removing one may shrink the bounds.
      if (old !== undefined) this.bounds.delete(map as Map<number, CellData>);
      return;
    }
    const k = key as number;
    const counts = (cell: unknown) => cell !== undefined && isValueCell(cell as CellData);
    if (old === undefined) b.all = extend(b.all, k);
    if (counts(value)) b.values = extend(b.values, k);
    else if (counts(old)) this.bounds.delete(map as Map<number, CellData>);
  }

  /** Bounds of the used cells (no tables), within `within` when given. */
  private cellsUsed(sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
    const b = this.cellBounds(sheet);
    const all = valuesOnly ? b.values : b.all;
    if (!within || !all) return all;
    // Every used cell lies inside `within`: the bounds are the answer.
    if (within.r0 <= all.r0 && within.c0 <= all.c0 && within.r1 >= all.r1 && within.c1 >= all.c1) return all;
    const area = intersect(all, within);
    if (!area) return null;
    let found: Rect | null = null;
    const counts = (cell: CellData | undefined) => cell !== undefined && (!valuesOnly || isValueCell(cell));
    if ((area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1) <= sheet.cells.size) {
      for (let r = area.r0; r <= area.r1; r++)
        for (let c = area.c0; c <= area.c1; c++)
          if (counts(this.cellAt(sheet, r, c))) found = extend(found, cellKey(r, c));
      return found;
    }
    for (const [k, cell] of sheet.cells) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r < area.r0 || r > area.r1 || c < area.c0 || c > area.c1 || !counts(cell)) continue;
      found = extend(found, k);
    }
    return found;
  }

  private cellBounds(sheet: SheetModel): { all: Rect | null; values: Rect | null } {
    const known = this.bounds.get(sheet.cells);
    if (known) return known;
    const b: { all: Rect | null; values: Rect | null } = { all: null, values: null };
    for (const [k, cell] of sheet.cells) {
      b.all = extend(b.all, k);
      if (isValueCell(cell)) b.values = extend(b.values, k);
    }
    this.bounds.set(sheet.cells, b);
    return b;
  }

  // ---- lookups --------------------------------------------------------------------------------
  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === name);
  }
  cellAt(sheet: SheetModel, r: number, c: number): CellData | undefined {
    return sheet.cells.get(cellKey(r, c));
  }
  setCell(sheet: SheetModel, r: number, c: number, cell: CellData | undefined): void {
    const empty =
      cell &&
      cell.v === "" &&
      !cell.f &&
      !cell.nf &&
      !cell.fill &&
      !cell.bold &&
      !cell.italic &&
      !cell.color &&
      !cell.wrap;
    this.mapSet(sheet.cells, cellKey(r, c), empty ? undefined : cell);
    this.dirty = true;
  }

  /** Creates a sheet (journaled). */
  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet: SheetModel = {
      id: newId(),
      name,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      colWidths: new Map(),
      protected: false,
      freezeRows: 0,
      freezeCols: 0,
      conditionalFormats: [],
      validations: [],
      charts: [],
    };
    this.insertAt(this.sheets, index, sheet);
    if (!this.activeSheetId) this.set(this, "activeSheetId", sheet.id);
    return sheet;
  }

  /** The smallest rectangle holding every non-empty value (or any formatted cell unless valuesOnly). */
  usedRect(sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
    const cells = this.cellsUsed(sheet, valuesOnly, within);
    let r0 = cells?.r0 ?? Infinity;
    let c0 = cells?.c0 ?? Infinity;
    let r1 = cells?.r1 ?? -1;
    let c1 = cells?.c1 ?? -1;
    if (!valuesOnly) {
      for (const t of this.tables) {
        if (t.sheetId !== sheet.id) continue;
        const rect = within ? intersect(t.rect, within) : t.rect;
        if (!rect) continue;
        r0 = Math.min(r0, rect.r0);
        c0 = Math.min(c0, rect.c0);
        r1 = Math.max(r1, rect.r1);
        c1 = Math.max(c1, rect.c1);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Sheet rows (0-based) hidden by the AutoFilters of the tables on `sheet`. */
  hiddenRows(sheet: SheetModel): Set<number> {
    const hidden = new Set<number>();
    for (const t of this.tablesOn(sheet.id)) {
      const criteria = Object.entries(t.filters ?? {});
      if (criteria.length === 0) continue;
      const r0 = t.rect.r0 + (t.showHeaders ? 1 : 0);
      const r1 = t.rect.r1 - (t.showTotals ? 1 : 0);
      for (let r = r0; r <= r1; r++) {
        const shown = criteria.every(([c, texts]) =>
          texts.includes(formatText(this.cellAt(sheet, r, t.rect.c0 + Number(c)))),
        );
        if (!shown) hidden.add(r);
      }
    }
    return hidden;
  }

  /** True when `rect` overlaps the data of a table that has an AutoFilter applied. */
  inFilteredTable(sheet: SheetModel, rect: Rect): boolean {
    return this.tablesOn(sheet.id).some((t) => Object.keys(t.filters ?? {}).length > 0 && intersects(t.rect, rect));
  }

  tablesOn(sheetId: string): TableModel[] {
    return this.tables.filter((t) => t.sheetId === sheetId);
  }

  tableAt(sheetId: string, rect: Rect): TableModel | undefined {
    return this.tables.find((t) => t.sheetId === sheetId && intersects(t.rect, rect));
  }

  /** Re-evaluates every formula cell (workbooks here are small; correctness over cleverness). */
  recalculate(): void {
    this.dirty = false;
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells) {
        if (!cell.f) continue;
        const res = this.evaluate(sheet, cell.f);
        if (res.v !== cell.v || Boolean(res.err) !== Boolean(cell.err)) {
          const next: CellData = { ...cell, v: res.v };
          if (res.err) next.err = true;
          else delete next.err;
          sheet.cells.set(k, next);
        }
      }
    }
  }

  evaluate(sheet: SheetModel, formula: string): FormulaValue {
    return evaluateFormula(formula, (sheetName, r, c) => {
      const target = sheetName === undefined ? sheet : this.sheetByName(sheetName);
      if (!target) return { v: "#REF!", err: true };
      const cell = target.cells.get(cellKey(r, c));
      if (!cell) return { v: "" };
      return cell.err ? { v: cell.v, err: true } : { v: cell.v };
    });
  }

  /** Resolves a named item's formula to a sheet and rectangle when it refers to cells. */
  nameTarget(item: NamedItemModel): { sheet: SheetModel; rect: Rect } | null {
    const parsed = parseAddress(item.formula.replace(/^=/, ""));
    if (!parsed?.sheet) return null;
    const sheet = this.sheetByName(parsed.sheet);
    return sheet ? { sheet, rect: parsed.rect } : null;
  }

  /** Absolute reference formula for a range, e.g. "=Runs!$A$1:$C$3". */
  static refFormula(sheetName: string, rect: Rect): string {
    const local = formatRect(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `=${quoteSheet(sheetName)}!${local}`;
  }
}

/** A cell that counts for the used range of values: it has a value or a formula. */
function isValueCell(cell: CellData): boolean {
  return cell.v !== "" || Boolean(cell.f);
}

/** `rect` grown to hold the cell at key `k` (a fresh rectangle; null means none yet). */
function extend(rect: Rect | null, k: number): Rect {
  const r = keyRow(k);
  const c = keyCol(k);
  if (!rect) return { r0: r, c0: c, r1: r, c1: c };
  if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) return rect;
  return { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) };
}

/** Values of a rectangle, rows first ("" for empty). */
export function readValues(model: WorkbookModel, sheet: SheetModel, rect: Rect): Scalar[][] {
  const out: Scalar[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: Scalar[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(model.cellAt(sheet, r, c)?.v ?? "");
    out.push(row);
  }
  return out;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const x = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return x.r0 > x.r1 || x.c0 > x.c1 ? null : x;
}
