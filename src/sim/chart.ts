// Excel.Chart, its title, axes, legend and series. Series keep live references to cells, so the
// playground draws what Excel would draw from the current values.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { type Rect, parseAddress, rectCols, rectRows } from "./address";
import { ClientObjectBase, CountedCollectionBase, type ClientResult, queueResult } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { ChartType } from "./enums.generated";
import { Codes, officeError } from "./errors";
import {
  type ChartModel,
  DEFAULT_COLUMN_WIDTH,
  type SeriesModel,
  type SheetModel,
  type WorkbookModel,
  newId,
} from "./model";
import { assertEditable } from "./ops";
import type { RangeProxy } from "./range";
import type { WorksheetProxy } from "./worksheet";

const CHART_TYPES = new Set<string>(Object.values(ChartType));

/** Builds series from a source block the way Excel's "Auto" does: labels in the first row/column when they are text. */
export function seriesFromSource(model: WorkbookModel, sheet: SheetModel, rect: Rect, seriesBy: string): SeriesModel[] {
  const byCols = seriesBy === "Columns" || (seriesBy !== "Rows" && rectRows(rect) >= rectCols(rect));
  const text = (r: number, c: number): boolean => typeof model.cellAt(sheet, r, c)?.v === "string";
  // Labels: the first row (for series by columns) holds names when any of it is text.
  let hasNames = false;
  let hasCats = false;
  if (byCols) {
    for (let c = rect.c0; c <= rect.c1; c++) if (text(rect.r0, c)) hasNames = true;
    for (let r = rect.r0 + (hasNames ? 1 : 0); r <= rect.r1; r++) if (text(r, rect.c0)) hasCats = true;
  } else {
    for (let r = rect.r0; r <= rect.r1; r++) if (text(r, rect.c0)) hasNames = true;
    for (let c = rect.c0 + (hasNames ? 1 : 0); c <= rect.c1; c++) if (text(rect.r0, c)) hasCats = true;
  }
  if (rectCols(rect) === 1 && byCols) hasCats = false;
  if (rectRows(rect) === 1 && !byCols) hasCats = false;
  const out: SeriesModel[] = [];
  if (byCols) {
    const r0 = rect.r0 + (hasNames ? 1 : 0);
    const xs = hasCats ? { sheetId: sheet.id, rect: { r0, r1: rect.r1, c0: rect.c0, c1: rect.c0 } } : undefined;
    for (let c = rect.c0 + (hasCats ? 1 : 0); c <= rect.c1; c++) {
      const s: SeriesModel = {
        id: newId(),
        name: hasNames ? String(model.cellAt(sheet, rect.r0, c)?.v ?? "") : `Series${out.length + 1}`,
        values: { sheetId: sheet.id, rect: { r0, r1: rect.r1, c0: c, c1: c } },
      };
      if (xs) s.xValues = xs;
      out.push(s);
    }
  } else {
    const c0 = rect.c0 + (hasNames ? 1 : 0);
    const xs = hasCats ? { sheetId: sheet.id, rect: { r0: rect.r0, r1: rect.r0, c0, c1: rect.c1 } } : undefined;
    for (let r = rect.r0 + (hasCats ? 1 : 0); r <= rect.r1; r++) {
      const s: SeriesModel = {
        id: newId(),
        name: hasNames ? String(model.cellAt(sheet, r, rect.c0)?.v ?? "") : `Series${out.length + 1}`,
        values: { sheetId: sheet.id, rect: { r0: r, r1: r, c0, c1: rect.c1 } },
      };
      if (xs) s.xValues = xs;
      out.push(s);
    }
  }
  return out;
}

/** Excel.ChartCollection of a worksheet. */
export class ChartCollectionProxy extends CountedCollectionBase<ChartProxy> {
  readonly _type = "ChartCollection";
  constructor(
    context: SimRequestContext,
    private readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): ChartProxy[] {
    const sheet = this._ws._sheet(state);
    return sheet.charts.map((c) => new ChartProxy(this.context, this._ws, () => c.id));
  }
  private _byName(name: string): (state: SyncState) => string | null {
    return (state) => this._ws._sheet(state).charts.find((c) => c.name === name || c.id === name)?.id ?? null;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, this._ws, this._byName(name));
  }
  getItemOrNullObject(name: string): ChartProxy {
    const p = new ChartProxy(this.context, this._ws, this._byName(name), true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, this._ws, (state) => this._ws._sheet(state).charts[index]?.id ?? null);
  }
  /** Adds a chart of an Excel.ChartType over `sourceData` ("Auto", "Columns" or "Rows"). */
  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    const id = newId();
    this._write(
      "add",
      { type, seriesBy },
      (state) => {
        const sheet = this._ws._sheet(state);
        assertEditable(sheet, "ChartCollection.add");
        if (!CHART_TYPES.has(type) || type === "Invalid")
          throw officeError(Codes.invalidArgument, "ChartCollection.add", `'${type}' is not an Excel.ChartType.`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy))
          throw officeError(Codes.invalidArgument, "ChartCollection.add", "seriesBy must be Auto, Columns or Rows.");
        const src = sourceData._ref(state);
        const n = sheet.charts.length + 1;
        const chart: ChartModel = {
          id,
          name: `Chart ${n}`,
          type,
          title: "",
          titleVisible: false,
          categoryAxisTitle: "",
          valueAxisTitle: "",
          legendVisible: true,
          legendPosition: "Right",
          series: seriesFromSource(state.model, src.sheet, src.rect, seriesBy),
          top: 20 + 10 * n,
          left: 400 + 10 * n,
          width: 360,
          height: 216,
        };
        state.model.insertAt(sheet.charts, sheet.charts.length, chart);
      },
      `charts.add("${type}", range, "${seriesBy}");`,
    );
    return new ChartProxy(this.context, this._ws, () => id);
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => this._ws._sheet(state).charts.length);
  }
}

/** Excel.Chart. */
export class ChartProxy extends ClientObjectBase {
  readonly _type = "Chart";
  constructor(
    context: SimRequestContext,
    private readonly _ws: WorksheetProxy,
    private readonly _locate: (state: SyncState) => string | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  /** @internal */
  _chart(state: SyncState): ChartModel {
    const id = this._locate(state);
    const c = id ? this._ws._sheet(state).charts.find((x) => x.id === id) : undefined;
    if (!c) throw officeError(Codes.itemNotFound, "Chart", "The requested chart doesn't exist.");
    return c;
  }
  protected _exists(state: SyncState): boolean {
    if (!this._nullable) {
      this._chart(state);
      return true;
    }
    return this._locate(state) !== null;
  }
  protected _scalarNames(): readonly string[] {
    return ["id", "name", "chartType", "top", "left", "width", "height"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const c = this._chart(state);
    switch (name) {
      case "chartType":
        return c.type;
      default:
        return c[name as "id" | "name" | "top" | "left" | "width" | "height"];
    }
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "title") return this.title;
    if (name === "series") return this.series;
    if (name === "legend") return this.legend;
    if (name === "axes") return this.axes;
    return undefined;
  }
  private _setField<K extends keyof ChartModel>(member: string, key: K, v: ChartModel[K], check?: () => void): void {
    this._write(member, v, (state) => {
      check?.();
      const c = this._chart(state);
      assertEditable(this._ws._sheet(state), `Chart.${member}`);
      state.model.set(c, key, v);
    });
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setField("name", "name", v);
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._setField("chartType", "type", v, () => {
      if (!CHART_TYPES.has(v)) throw officeError(Codes.invalidArgument, "Chart.chartType");
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._setField("top", "top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._setField("left", "left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._setField("width", "width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._setField("height", "height", v);
  }
  get title(): ChartPartProxy {
    return new ChartPartProxy(this.context, this, "ChartTitle", { text: "title", visible: "titleVisible" });
  }
  get legend(): ChartPartProxy {
    return new ChartPartProxy(this.context, this, "ChartLegend", {
      visible: "legendVisible",
      position: "legendPosition",
    });
  }
  get axes(): ChartAxesProxy {
    return new ChartAxesProxy(this.context, this);
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.context, this);
  }
  get worksheet(): WorksheetProxy {
    return this._ws;
  }
  /** Places the chart over cells startCell..endCell (addresses or ranges). */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._write(
      "setPosition",
      {
        startCell: typeof startCell === "string" ? startCell : "<range>",
        endCell: typeof endCell === "string" ? endCell : endCell ? "<range>" : null,
      },
      (state) => {
        const c = this._chart(state);
        const rectOf = (x: RangeProxy | string): Rect => {
          if (typeof x !== "string") return x._ref(state).rect;
          const p = parseAddress(x);
          if (!p) throw officeError(Codes.invalidArgument, "Chart.setPosition", `'${x}' is not a valid address.`);
          return p.rect;
        };
        const a = rectOf(startCell);
        const b = endCell === undefined ? undefined : rectOf(endCell);
        const m = state.model;
        // The chart covers startCell's top-left corner to endCell's bottom-right corner
        // (https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1)):
        // columns at their set widths, rows at the default 15 pt (row heights are not simulated).
        const sheet = this._ws._sheet(state);
        const colsWidth = (from: number, to: number) => {
          let w = 0;
          for (let col = from; col < to; col++) w += sheet.colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
          return w;
        };
        m.set(c, "left", colsWidth(0, a.c0));
        m.set(c, "top", a.r0 * 15);
        if (b) {
          m.set(c, "width", Math.max(DEFAULT_COLUMN_WIDTH, colsWidth(a.c0, b.c1 + 1)));
          m.set(c, "height", Math.max(15, (b.r1 - a.r0 + 1) * 15));
        }
        m.set(c, "startCell", typeof startCell === "string" ? startCell : undefined);
        m.set(c, "endCell", typeof endCell === "string" ? endCell : undefined);
      },
    );
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const sheet = this._ws._sheet(state);
      assertEditable(sheet, "Chart.delete");
      state.model.removeItem(sheet.charts, this._chart(state));
    });
  }
  activate(): void {
    this._write("activate", null, (state) => void this._chart(state));
  }
}

type ChartField =
  "title" | "titleVisible" | "legendVisible" | "legendPosition" | "categoryAxisTitle" | "valueAxisTitle";

/** Excel.ChartTitle / ChartLegend / ChartAxisTitle: a few scalar fields mapped onto the chart model. */
export class ChartPartProxy extends ClientObjectBase {
  constructor(
    context: SimRequestContext,
    private readonly _chart: ChartProxy,
    readonly _type: string,
    private readonly _fields: Record<string, ChartField>,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._chart._chart(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return Object.keys(this._fields);
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const field = this._fields[name];
    return field ? this._chart._chart(state)[field] : null;
  }
  private _setField(name: string, v: unknown): void {
    const field = this._fields[name];
    if (!field) throw officeError(Codes.invalidArgument, `${this._type}.${name}`);
    this._write(name, v, (state) => {
      const c = this._chart._chart(state);
      state.model.set(c, field, v as never);
      // Setting a title's text makes it visible, as in Excel.
      if (field === "title") state.model.set(c, "titleVisible", true);
    });
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._setField("text", v);
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setField("visible", v);
  }
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._setField("position", v);
  }
}

/** Excel.ChartAxes. */
export class ChartAxesProxy extends ClientObjectBase {
  readonly _type = "ChartAxes";
  constructor(
    context: SimRequestContext,
    private readonly _chart: ChartProxy,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._chart._chart(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return null;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "categoryAxis") return this.categoryAxis;
    if (name === "valueAxis") return this.valueAxis;
    return undefined;
  }
  get categoryAxis(): ChartAxisProxy {
    return new ChartAxisProxy(this.context, this._chart, "categoryAxisTitle");
  }
  get valueAxis(): ChartAxisProxy {
    return new ChartAxisProxy(this.context, this._chart, "valueAxisTitle");
  }
}

/** Excel.ChartAxis (only its title is simulated). */
export class ChartAxisProxy extends ClientObjectBase {
  readonly _type = "ChartAxis";
  constructor(
    context: SimRequestContext,
    private readonly _chart: ChartProxy,
    private readonly _field: "categoryAxisTitle" | "valueAxisTitle",
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._chart._chart(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["visible"];
  }
  protected _readScalar(): unknown {
    return true;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    return name === "title" ? this.title : undefined;
  }
  get title(): ChartPartProxy {
    return new ChartPartProxy(this.context, this._chart, "ChartAxisTitle", { text: this._field });
  }
}

/** Excel.ChartSeriesCollection. */
export class ChartSeriesCollectionProxy extends CountedCollectionBase<ChartSeriesProxy> {
  readonly _type = "ChartSeriesCollection";
  constructor(
    context: SimRequestContext,
    private readonly _chart: ChartProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): ChartSeriesProxy[] {
    return this._chart._chart(state).series.map((s) => new ChartSeriesProxy(this.context, this._chart, () => s.id));
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this._chart,
      (state) => this._chart._chart(state).series[index]?.id ?? null,
    );
  }
  /** Adds an empty series (ExcelApi 1.7); give it values with setValues. */
  add(name?: string, index?: number): ChartSeriesProxy {
    this._requires(7, "add");
    const id = newId();
    this._write("add", { name, index }, (state) => {
      const c = this._chart._chart(state);
      const at = index ?? c.series.length;
      if (at < 0 || at > c.series.length) throw officeError(Codes.invalidArgument, "ChartSeriesCollection.add");
      state.model.insertAt(c.series, at, { id, name: name ?? `Series${c.series.length + 1}` });
    });
    return new ChartSeriesProxy(this.context, this._chart, () => id);
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => this._chart._chart(state).series.length);
  }
}

/** Excel.ChartSeries. */
export class ChartSeriesProxy extends ClientObjectBase {
  readonly _type = "ChartSeries";
  constructor(
    context: SimRequestContext,
    private readonly _chart: ChartProxy,
    private readonly _locate: (state: SyncState) => string | null,
  ) {
    super(context);
  }
  private _series(state: SyncState): SeriesModel {
    const id = this._locate(state);
    const s = id ? this._chart._chart(state).series.find((x) => x.id === id) : undefined;
    if (!s) throw officeError(Codes.itemNotFound, "ChartSeries");
    return s;
  }
  protected _exists(state: SyncState): boolean {
    this._series(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["name", "chartType"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const s = this._series(state);
    return name === "name" ? s.name : (s.chartType ?? this._chart._chart(state).type);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._write("name", v, (state) => state.model.set(this._series(state), "name", v));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._write("chartType", v, (state) => {
      if (!CHART_TYPES.has(v)) throw officeError(Codes.invalidArgument, "ChartSeries.chartType");
      state.model.set(this._series(state), "chartType", v);
    });
  }
  setValues(sourceData: RangeProxy): void {
    this._requires(7, "setValues");
    this._write("setValues", null, (state) => {
      const ref = sourceData._ref(state);
      state.model.set(this._series(state), "values", { sheetId: ref.sheet.id, rect: ref.rect });
    });
  }
  setXAxisValues(sourceData: RangeProxy): void {
    this._requires(7, "setXAxisValues");
    this._write("setXAxisValues", null, (state) => {
      const ref = sourceData._ref(state);
      state.model.set(this._series(state), "xValues", { sheetId: ref.sheet.id, rect: ref.rect });
    });
  }
  delete(): void {
    this._write("delete", null, (state) =>
      state.model.removeItem(this._chart._chart(state).series, this._series(state)),
    );
  }
}
