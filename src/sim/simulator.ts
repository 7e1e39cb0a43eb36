// createExcelSimulator(): the Excel, Office and OfficeExtension globals backed by one simulated
// workbook, plus the inspection, user-edit, co-author and fault-injection side used by tests
// and the playground.
import { MAX_COLS, type Rect, formatAddress, formatRect, parseAddress } from "./address";
import { ClientObjectBase, ClientResult } from "./base";
import * as Chart from "./chart";
import { SimRequestContext, TrackedObjects } from "./context";
import { Engine, type SimStats, type ScheduledFault, locate } from "./engine";
import { ALL_EXCEL_ENUMS } from "./enums.generated";
import { Codes, SimOfficeError, officeError } from "./errors";
import { HOST_PROFILES, type HostName, isSetSupported, withExcelApi } from "./hosts";
import {
  type ChangeRecord,
  type PageLayoutModel,
  type SheetModel,
  type WorkbookModel,
  newId,
  readValues,
} from "./model";
import { FROM_COAUTHOR, FROM_USER, type Origin, assertEditable, shiftCells, writeInputs } from "./ops";
import * as RangeMod from "./range";
import { RangeFormatProxy } from "./range-format";
import * as TableMod from "./table";
import { type CellData, type Scalar, formatText } from "./cell-input";
import * as WorkbookMod from "./workbook";
import * as WorksheetMod from "./worksheet";
import { EventHandlerResultProxy } from "./worksheet";

export interface SimulatorOptions {
  /** Host profile answering isSetSupported and gating newer APIs (default "web"). */
  host?: HostName;
  /**
   * Lowers the host's ExcelApi version to 1.`excelApi` (e.g. 12: a Microsoft 365 build from
   * before Table.resize), to test the paths RunSheet takes on older builds.
   */
  excelApi?: number;
  /** Request/response payload limit in bytes (default 5 MB, as Excel on the web). */
  payloadLimitBytes?: number;
  /** Delay before each sync is processed, to make spinners visible in the playground (default 0). */
  latencyMs?: number;
  /**
   * What a failed sync leaves behind: "atomic" (default, nothing) or "partial" (operations before
   * the failing one stay applied). Use "partial" to test recovery from half-written batches.
   */
  syncSemantics?: "atomic" | "partial";
  /**
   * How long a large sync works before the page gets a turn (ms, default 40). 0 yields at every
   * check, which makes the slicing observable in tests whatever the machine's speed.
   */
  sliceMs?: number;
  /** Create one empty "Sheet1" (default true). */
  withDefaultSheet?: boolean;
  /**
   * Excel's "Include new rows and columns in table" (default true): what a person types or
   * pastes directly below or beside a table becomes part of it. Add-in writes never expand it.
   */
  tableAutoExpansion?: boolean;
}

export interface TableInfo {
  name: string;
  id: string;
  sheet: string;
  /** "Runs!A1:P51" */
  address: string;
  headers: string[];
  /** Data rows (excluding header/totals). */
  rowCount: number;
  style: string;
  showTotals: boolean;
  rect: Rect;
}

export interface SeriesInfo {
  name: string;
  values: Scalar[];
  xValues: Scalar[];
  chartType?: string;
}

export interface ChartInfo {
  id: string;
  name: string;
  sheet: string;
  type: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  legendVisible: boolean;
  series: SeriesInfo[];
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Resolved fill/font of one cell after conditional formats, for rendering. */
export interface DisplayStyle {
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ExcelSimulator {
  /** The simulated `Excel` namespace, typed as the real one so add-in code needs no casts. */
  readonly Excel: typeof Excel;
  readonly Office: typeof Office;
  readonly OfficeExtension: typeof OfficeExtension;
  readonly host: HostName;
  /** The workbook model (plain data; mutate it only through the helpers below). */
  readonly workbook: WorkbookModel;
  /** Sets globalThis.Excel/Office/OfficeExtension; returns a function restoring the previous values. */
  install(target?: object): () => void;

  // -- inspection --
  sheetNames(): string[];
  activeSheet(): string;
  getValues(sheet: string, address: string): Scalar[][];
  getFormulas(sheet: string, address: string): Scalar[][];
  getText(sheet: string, address: string): string[][];
  getNumberFormats(sheet: string, address: string): string[][];
  getCell(sheet: string, address: string): Readonly<CellData> | undefined;
  /** Fill/font as displayed, with conditional formats applied. */
  displayStyle(sheet: string, row: number, col: number): DisplayStyle;
  usedAddress(sheet: string): string | null;
  tables(): TableInfo[];
  getTable(name: string): TableInfo | undefined;
  charts(sheet?: string): ChartInfo[];
  isProtected(sheet: string): boolean;
  settings(): Record<string, unknown>;
  names(): Array<{ name: string; formula: string }>;
  columnWidth(sheet: string, col: number): number;
  freezeRows(sheet: string): number;
  /** The sheet's print settings, once an add-in set any (ExcelApi 1.9). */
  pageLayout(sheet: string): PageLayoutModel | undefined;
  validations(sheet: string): ReadonlyArray<SheetModel["validations"][number]>;
  conditionalFormats(sheet: string): ReadonlyArray<SheetModel["conditionalFormats"][number]>;
  /** Addresses of the sheet's merged areas ("A1:F1"), in the order they were merged. */
  mergedAreas(sheet: string): string[];

  // -- setup and simulated people --
  /** Adds a sheet directly (test setup; no events). */
  addSheet(name: string): void;
  /** Writes values directly as typed input (test setup; no events, ignores protection). */
  setValues(sheet: string, address: string, values: Scalar[][] | Scalar): void;
  /** Creates a table directly (test setup). Returns its name. */
  addTable(sheet: string, address: string, name?: string): string;
  /** The user types into cells: values parsed as typed, onChanged fires with source "Local". */
  userEdit(sheet: string, address: string, value: Scalar[][] | Scalar): void;
  /** The user pastes tab-separated text at `topLeft` (rows by newline, cells by tab). */
  userPaste(sheet: string, topLeft: string, text: string): void;
  /** The user switches sheets. */
  userActivate(sheet: string): void;
  /** The user selects cells ("B3:D5") on a sheet, activating it (fires onActivated, onSelectionChanged). */
  userSelect(sheet: string, address: string): void;
  /**
   * The user sorts the rows of `address` by its `column`-th column (0-based, ascending unless
   * `descending`), as Data > Sort does: whole cells (values and formats) move with their rows;
   * conditional formats keep their ranges.
   */
  userSort(sheet: string, address: string, column: number, options?: { descending?: boolean }): void;
  /**
   * The user filters a table (its header's filter button): data rows whose `column`-th cell
   * (0-based) shows none of `values` are hidden. `null` clears that table's filters.
   */
  userFilter(table: string, column: number, values: string[] | null): void;
  /**
   * A co-author edits cells (source "Remote"). Applied now, or right before the `beforeSync`-th
   * upcoming sync (1 = the next one), i.e. between two syncs of the add-in.
   */
  coAuthorEdit(sheet: string, address: string, value: Scalar[][] | Scalar, options?: { beforeSync?: number }): void;
  /** A co-author inserts whole rows ("3:4") shifting cells, tables and formulas down (source "Remote"). */
  coAuthorInsertRows(sheet: string, rows: string, options?: { beforeSync?: number }): void;
  /** A co-author deletes whole rows ("3:4") (source "Remote"). */
  coAuthorDeleteRows(sheet: string, rows: string, options?: { beforeSync?: number }): void;
  /** While on, every sync fails with InvalidOperationInCellEditMode (Excel.run with delayForCellEdit waits). */
  setCellEditMode(on: boolean): void;

  // -- instrumentation --
  readonly stats: SimStats;
  readonly faults: {
    /**
     * Fails the nth upcoming sync (1 = next) with `code`, after running its operations (all
     * rolled back); in "partial" mode the operations before `atOperation` (default: the middle
     * one) stay applied.
     */
    failSync(nth: number, code: string, message?: string, atOperation?: number): void;
    clear(): void;
    readonly pending: readonly ScheduledFault[];
  };
  /** Committed changes (for event-style inspection). */
  readonly changeLog: readonly ChangeRecord[];
  /** Errors thrown by add-in event handlers. */
  readonly handlerErrors: readonly unknown[];
  /** Number of registered event handlers. */
  handlerCount(): number;
  /** Calls `listener` after every committed change. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Waits for event handlers (and what they trigger) to finish. */
  idle(): Promise<void>;
  /** Replaces the whole workbook, like opening another file: event handlers are dropped (xlsx loading, the playground menu). */
  replaceWorkbook(model: WorkbookModel): void;
}

type RunOptions = { delayForCellEdit?: boolean; previousContext?: SimRequestContext };

export function createExcelSimulator(options: SimulatorOptions = {}): ExcelSimulator {
  const host = options.host ?? "web";
  const base = HOST_PROFILES[host];
  const profile = options.excelApi === undefined ? base : withExcelApi(base, options.excelApi);
  const engine = new Engine({
    profile,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    latencyMs: options.latencyMs ?? 0,
    syncSemantics: options.syncSemantics ?? "atomic",
    ...(options.sliceMs === undefined ? {} : { sliceMs: options.sliceMs }),
  });
  if (options.withDefaultSheet !== false) engine.model.transact(() => engine.model.addSheet("Sheet1"));

  class RequestContext extends SimRequestContext {
    constructor() {
      super(engine);
    }
  }

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (ctx: SimRequestContext) => unknown;
    if (typeof batch !== "function")
      throw officeError(Codes.invalidArgument, "Excel.run", "The last argument must be the batch function.");
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: SimRequestContext | undefined;
    let opts: RunOptions | undefined;
    if (first instanceof SimRequestContext) ctx = first;
    else if (first instanceof ClientObjectBase) ctx = first.context;
    else if (Array.isArray(first) && first[0] instanceof ClientObjectBase) ctx = first[0].context;
    else if (first && typeof first === "object") opts = first as RunOptions;
    if (opts?.previousContext) ctx = opts.previousContext;
    // The reference gives delayForCellEdit no requirement set; profiles below ExcelApi 1.11
    // pessimistically ignore it (see hosts.ts, cellEditCode).
    // https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
    if (opts?.delayForCellEdit && engine.apiVersion >= 11) await engine.waitForEditModeEnd();
    const own = ctx === undefined;
    const context = ctx ?? new RequestContext();
    // Running on an earlier context (Excel.run(object, ...) / run(handlerResult.context, ...)) revives it for this batch.
    const wasClosed = context._closed;
    context._closed = false;
    try {
      const result = batch(context);
      if (!result || typeof (result as Promise<unknown>).then !== "function")
        throw officeError(Codes.runMustReturnPromise, "Excel.run");
      const value = (await result) as T;
      if (context._ops.length > 0) await context.sync();
      return value;
    } finally {
      context._closed = own ? true : wasClosed;
    }
  }

  const ExcelNs = {
    ...ALL_EXCEL_ENUMS,
    run,
    RequestContext,
    Range: RangeMod.RangeProxy,
    RangeFormat: RangeFormatProxy,
    Worksheet: WorksheetMod.WorksheetProxy,
    WorksheetCollection: WorksheetMod.WorksheetCollectionProxy,
    Table: TableMod.TableProxy,
    TableCollection: TableMod.TableCollectionProxy,
    Chart: Chart.ChartProxy,
    Workbook: WorkbookMod.WorkbookProxy,
    NamedItem: WorkbookMod.NamedItemProxy,
    Setting: WorkbookMod.SettingProxy,
  };

  const OfficeNs = {
    HostType: {
      Word: "Word",
      Excel: "Excel",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      platform: profile.platform,
      displayLanguage: "en-US",
      contentLanguage: "en-US",
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
        isDarkTheme: false,
      },
      diagnostics: { host: "Excel", platform: profile.platform, version: profile.version },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) => isSetSupported(profile, name, minVersion),
      },
    },
    onReady(
      callback?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }> {
      const info = { host: "Excel", platform: profile.platform };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  const OfficeExtensionNs = {
    Error: SimOfficeError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: "InvalidObjectPath",
      propertyNotLoaded: "PropertyNotLoaded",
      valueNotLoaded: "ValueNotLoaded",
      invalidRequestContext: "InvalidRequestContext",
      invalidArgument: "InvalidArgument",
      runMustReturnPromise: "RunMustReturnPromise",
      cannotRegisterEvent: "CannotRegisterEvent",
      apiNotFound: "ApiNotFound",
      connectionFailure: "ConnectionFailure",
    },
    ClientResult,
    ClientObject: ClientObjectBase,
    ClientRequestContext: SimRequestContext,
    TrackedObjects,
    EventHandlerResult: EventHandlerResultProxy,
    Promise,
  };

  const model = (): WorkbookModel => engine.model;
  const grid = <T>(sheet: string, address: string, fn: (cell: CellData | undefined) => T): T[][] => {
    const { sheet: s, rect } = locate(model(), sheet, address);
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(fn(model().cellAt(s, r, c)));
      out.push(row);
    }
    return out;
  };
  const sheetOf = (name: string): SheetModel => {
    const s = model().sheetByName(name);
    if (!s) throw new Error(`No worksheet named '${name}'.`);
    return s;
  };
  const externalWrite = (
    sheet: string,
    address: string,
    value: Scalar[][] | Scalar,
    origin: Origin,
    checkProtection: boolean,
  ): void => {
    engine.applyExternal((m) => {
      const ref = locate(m, sheet, address);
      if (checkProtection) assertEditable(ref.sheet, "userEdit");
      const rect = Array.isArray(value)
        ? {
            ...ref.rect,
            r1: ref.rect.r0 + value.length - 1,
            c1: ref.rect.c0 + Math.max(1, ...value.map((r) => r.length)) - 1,
          }
        : ref.rect;
      const padded = Array.isArray(value)
        ? value.map((row) => Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, i) => row[i] ?? null))
        : value;
      writeInputs(m, { sheet: ref.sheet, rect }, padded, "userEdit", origin);
      if (options.tableAutoExpansion !== false) TableMod.autoExpandTables(m, ref.sheet, rect);
    });
  };

  const coAuthorRows = (sheet: string, rows: string, dir: "down" | "up", opts?: { beforeSync?: number }): void => {
    const apply = (): void =>
      engine.applyExternal((m) => {
        const ref = locate(m, sheet, rows);
        if (!ref.rect || ref.rect.c0 !== 0 || ref.rect.c1 !== MAX_COLS - 1)
          throw new Error(`'${rows}' is not a whole-row address like "3:4".`);
        shiftCells(m, ref.sheet, ref.rect, dir, FROM_COAUTHOR);
      });
    if (opts?.beforeSync !== undefined) engine.runBeforeSync(opts.beforeSync, apply);
    else apply();
  };

  const tableInfo = (t: WorkbookModel["tables"][number]): TableInfo => {
    const sheet = model().sheetById(t.sheetId);
    const d = TableMod.dataRect(t);
    return {
      name: t.name,
      id: t.id,
      sheet: sheet?.name ?? "",
      address: formatAddress(sheet?.name ?? "", t.rect),
      headers: TableMod.tableHeaders(model(), t),
      rowCount: d.r1 - d.r0 + 1,
      style: t.style,
      showTotals: t.showTotals,
      rect: t.rect,
    };
  };

  const refValues = (ref: { sheetId: string; rect: Rect } | undefined): Scalar[] => {
    if (!ref) return [];
    const s = model().sheetById(ref.sheetId);
    return s ? readValues(model(), s, ref.rect).flat() : [];
  };

  const sim: ExcelSimulator = {
    Excel: ExcelNs as unknown as typeof Excel,
    Office: OfficeNs as unknown as typeof Office,
    OfficeExtension: OfficeExtensionNs as unknown as typeof OfficeExtension,
    host,
    get workbook() {
      return engine.model;
    },
    install(target: object = globalThis) {
      const t = target as Record<string, unknown>;
      const previous = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
      t.Excel = ExcelNs;
      t.Office = OfficeNs;
      t.OfficeExtension = OfficeExtensionNs;
      return () => {
        t.Excel = previous.Excel;
        t.Office = previous.Office;
        t.OfficeExtension = previous.OfficeExtension;
      };
    },
    sheetNames: () => model().sheets.map((s) => s.name),
    activeSheet: () => model().sheetById(model().activeSheetId)?.name ?? "",
    getValues: (sheet, address) => grid(sheet, address, (c) => c?.v ?? ""),
    getFormulas: (sheet, address) => grid(sheet, address, (c) => c?.f ?? c?.v ?? ""),
    getText: (sheet, address) => grid(sheet, address, formatText),
    getNumberFormats: (sheet, address) => grid(sheet, address, (c) => c?.nf ?? "General"),
    getCell: (sheet, address) => {
      const { sheet: s, rect } = locate(model(), sheet, address);
      return model().cellAt(s, rect.r0, rect.c0);
    },
    displayStyle: (sheet, row, col) => displayStyle(model(), sheetOf(sheet), row, col),
    usedAddress: (sheet) => {
      const r = model().usedRect(sheetOf(sheet), false);
      return r ? formatRect(r) : null;
    },
    tables: () => model().tables.map(tableInfo),
    getTable: (name) => {
      const t = model().tableByName(name);
      return t ? tableInfo(t) : undefined;
    },
    charts: (sheet) =>
      model()
        .sheets.filter((s) => sheet === undefined || s.name === sheet)
        .flatMap((s) =>
          s.charts.map((c) => {
            const series = c.series.map((x) => {
              const info: SeriesInfo = { name: x.name, values: refValues(x.values), xValues: refValues(x.xValues) };
              if (x.chartType) info.chartType = x.chartType;
              return info;
            });
            return {
              id: c.id,
              name: c.name,
              sheet: s.name,
              type: c.type,
              title: c.titleVisible ? c.title : "",
              categoryAxisTitle: c.categoryAxisTitle,
              valueAxisTitle: c.valueAxisTitle,
              legendVisible: c.legendVisible,
              series,
              top: c.top,
              left: c.left,
              width: c.width,
              height: c.height,
            };
          }),
        ),
    isProtected: (sheet) => sheetOf(sheet).protected,
    settings: () => Object.fromEntries(model().settings),
    names: () => model().names.map((n) => ({ name: n.name, formula: n.formula })),
    columnWidth: (sheet, col) => sheetOf(sheet).colWidths.get(col) ?? 48,
    freezeRows: (sheet) => sheetOf(sheet).freezeRows,
    pageLayout: (sheet) => sheetOf(sheet).pageLayout,
    validations: (sheet) => sheetOf(sheet).validations,
    conditionalFormats: (sheet) => sheetOf(sheet).conditionalFormats,
    mergedAreas: (sheet) => (sheetOf(sheet).merges ?? []).map((r) => formatRect(r)),

    addSheet: (name) => engine.applyExternal((m) => void m.addSheet(name)),
    setValues: (sheet, address, values) => {
      model().transact(() => {
        const ref = locate(model(), sheet, address);
        writeInputs(model(), ref, values, "setValues", FROM_USER);
      });
      engine.notify();
    },
    addTable: (sheet, address, name) => {
      let created = "";
      engine.applyExternal((m) => {
        const ref = locate(m, sheet, address);
        let n = m.tables.length + 1;
        while (m.tableByName(`Table${n}`)) n++;
        created = name ?? `Table${n}`;
        m.insertAt(m.tables, m.tables.length, {
          id: newId(),
          name: created,
          sheetId: ref.sheet.id,
          rect: ref.rect,
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
          showBandedRows: true,
        });
      });
      return created;
    },
    userEdit: (sheet, address, value) => externalWrite(sheet, address, value, FROM_USER, true),
    userPaste: (sheet, topLeft, text) => {
      const rows = text
        .replace(/\r\n/g, "\n")
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => line.split("\t"));
      externalWrite(sheet, topLeft, rows, FROM_USER, true);
    },
    userActivate: (sheet) => {
      const target = sheetOf(sheet);
      const changed = engine.model.activeSheetId !== target.id;
      engine.applyExternal((m) => m.set(m, "activeSheetId", target.id));
      if (changed) engine.fire("onActivated", target.id, { type: "WorksheetActivated" });
    },
    userSelect: (sheet, address) => {
      const target = sheetOf(sheet);
      const rect = parseAddress(address)?.rect;
      if (!rect) throw new Error(`userSelect: '${address}' is not an address.`);
      const changed = engine.model.activeSheetId !== target.id;
      engine.applyExternal((m) => {
        m.set(m, "activeSheetId", target.id);
        m.set(m, "selection", { sheetId: target.id, rect });
      });
      if (changed) engine.fire("onActivated", target.id, { type: "WorksheetActivated" });
      engine.fire("onSelectionChanged", target.id, { type: "WorksheetSelectionChanged", address: formatRect(rect) });
    },
    userFilter: (table, column, values) =>
      engine.applyExternal((m) => {
        const t = m.tableByName(table);
        if (!t) throw new Error(`No table named '${table}'.`);
        m.set(t, "filters", values === null ? undefined : { ...(t.filters ?? {}), [column]: values });
      }),
    userSort: (sheet, address, column, opts) =>
      engine.applyExternal((m) => {
        const ref = locate(m, sheet, address);
        assertEditable(ref.sheet, "userSort");
        sortRows(m, ref.sheet, ref.rect, column, opts?.descending === true);
        m.noteChange({ sheetId: ref.sheet.id, rect: ref.rect, changeType: "RangeEdited", ...FROM_USER });
      }),
    coAuthorEdit: (sheet, address, value, opts) => {
      const apply = (): void => externalWrite(sheet, address, value, FROM_COAUTHOR, false);
      if (opts?.beforeSync !== undefined) engine.runBeforeSync(opts.beforeSync, apply);
      else apply();
    },
    coAuthorInsertRows: (sheet, rows, opts) => coAuthorRows(sheet, rows, "down", opts),
    coAuthorDeleteRows: (sheet, rows, opts) => coAuthorRows(sheet, rows, "up", opts),
    setCellEditMode: (on) => engine.setCellEditMode(on),
    stats: engine.stats,
    faults: {
      failSync: (nth, code, message, atOperation) => engine.failSync(nth, code, message, atOperation),
      clear: () => engine.clearFaults(),
      get pending() {
        return engine.pendingFaults();
      },
    },
    get changeLog() {
      return engine.changeLog;
    },
    get handlerErrors() {
      return engine.handlerErrors;
    },
    handlerCount: () => engine.handlerCount(),
    subscribe: (listener) => engine.subscribe(listener),
    idle: () => engine.idle(),
    replaceWorkbook: (m) => {
      engine.clearEventHandlers();
      engine.model = m;
      m.version++;
      engine.notify();
    },
  };
  return sim;
}

/**
 * Excel's sort order: numbers, then text (ignoring case), then FALSE before TRUE, then errors;
 * blank cells always go last, whichever the direction.
 * https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654
 */
function sortRows(model: WorkbookModel, sheet: SheetModel, rect: Rect, column: number, descending: boolean): void {
  const rank = (cell: CellData | undefined): [number, number | string] => {
    if (!cell || cell.v === "") return [9, 0];
    if (cell.err) return [4, String(cell.v)];
    if (typeof cell.v === "number") return [1, cell.v];
    if (typeof cell.v === "boolean") return [3, cell.v ? 1 : 0];
    return [2, cell.v.toLowerCase()];
  };
  const rows: { cells: (CellData | undefined)[]; key: [number, number | string] }[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const cells: (CellData | undefined)[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) cells.push(model.cellAt(sheet, r, c));
    rows.push({ cells, key: rank(cells[column]) });
  }
  const sign = descending ? -1 : 1;
  // Array.prototype.sort is stable, as Excel keeps equal keys in their order.
  rows.sort((a, b) => {
    if (a.key[0] === 9 || b.key[0] === 9) return a.key[0] === b.key[0] ? 0 : a.key[0] === 9 ? 1 : -1;
    if (a.key[0] !== b.key[0]) return sign * (a.key[0] - b.key[0]);
    return sign * (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0);
  });
  rows.forEach((row, i) =>
    row.cells.forEach((cell, j) => model.setCell(sheet, rect.r0 + i, rect.c0 + j, cell ? { ...cell } : undefined)),
  );
}

/** Evaluates conditional formats for one cell (first matching rule wins per property). */
export function displayStyle(model: WorkbookModel, sheet: SheetModel, row: number, col: number): DisplayStyle {
  const cell = model.cellAt(sheet, row, col);
  const style: DisplayStyle = {};
  if (cell?.fill) style.fill = cell.fill;
  if (cell?.color) style.color = cell.color;
  if (cell?.bold) style.bold = true;
  if (cell?.italic) style.italic = true;
  for (const cf of sheet.conditionalFormats) {
    if (row < cf.rect.r0 || row > cf.rect.r1 || col < cf.rect.c0 || col > cf.rect.c1) continue;
    if (!conditionHolds(model, sheet, cf, row, col, cell)) continue;
    if (cf.fill) style.fill = cf.fill;
    if (cf.fontColor) style.color = cf.fontColor;
    if (cf.bold) style.bold = true;
    if (cf.stopIfTrue) break;
  }
  return style;
}

/** Shifts relative references in a conditional-format formula from the rule's top-left cell to (row, col). */
function relativeFormula(formula: string, dr: number, dc: number): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (_m, cAbs: string, letters: string, rAbs: string, digits: string) => {
      let c = 0;
      for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
      const newC = cAbs ? c : c + dc;
      const newR = rAbs ? Number(digits) : Number(digits) + dr;
      let l = "";
      for (let n = newC; n > 0; n = Math.floor((n - 1) / 26)) l = String.fromCharCode(65 + ((n - 1) % 26)) + l;
      return `${cAbs}${l}${rAbs}${newR}`;
    },
  );
}

function conditionHolds(
  model: WorkbookModel,
  sheet: SheetModel,
  cf: SheetModel["conditionalFormats"][number],
  row: number,
  col: number,
  cell: CellData | undefined,
): boolean {
  if (cf.type === "Custom" && cf.formula) {
    const res = model.evaluate(sheet, relativeFormula(cf.formula, row - cf.rect.r0, col - cf.rect.c0));
    return !res.err && (res.v === true || (typeof res.v === "number" && res.v !== 0));
  }
  if (cf.type === "CellValue" && cf.operator && cf.formula1 !== undefined) {
    const v = cell?.v ?? "";
    const operand = (f: string | undefined): Scalar => {
      if (f === undefined) return "";
      const res = model.evaluate(sheet, f.startsWith("=") ? f : `=${f}`);
      return res.v;
    };
    const a = operand(cf.formula1);
    const b = operand(cf.formula2);
    if (typeof v !== "number" && cf.operator !== "EqualTo" && cf.operator !== "NotEqualTo") return false;
    switch (cf.operator) {
      case "Between":
        return v >= a && v <= b;
      case "NotBetween":
        return v < a || v > b;
      case "EqualTo":
        return v === a;
      case "NotEqualTo":
        return v !== a;
      case "GreaterThan":
        return v > a;
      case "LessThan":
        return v < a;
      case "GreaterThanOrEqual":
        return v >= a;
      case "LessThanOrEqual":
        return v <= a;
      default:
        return false;
    }
  }
  return false;
}

export type { HostName };
export { parseAddress };
