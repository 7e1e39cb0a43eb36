// Excel.ConditionalFormatCollection of a range and its conditional formats (Custom, CellValue):
// the collection lists the formats that intersect the range; new formats go on top (priority 0).
// https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-conditionalformats-member
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { ClientObjectBase, CollectionBase } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import { type ConditionalFormatModel, newId } from "./model";
import { assertEditable } from "./ops";
import { RangeProxy } from "./range";
import { normalizeColor } from "./range-format";

/** Excel.ConditionalFormatCollection. */
export class ConditionalFormatCollectionProxy extends CollectionBase<ConditionalFormatProxy> {
  readonly _type = "ConditionalFormatCollection";
  constructor(
    context: SimRequestContext,
    private readonly _range: RangeProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): ConditionalFormatProxy[] {
    const { sheet, rect } = this._range._ref(state);
    return sheet.conditionalFormats
      .filter((cf) => cf.rect.r0 <= rect.r1 && rect.r0 <= cf.rect.r1 && cf.rect.c0 <= rect.c1 && rect.c0 <= cf.rect.c1)
      .map((cf) => new ConditionalFormatProxy(this.context, sheet.id, cf.id));
  }
  /** Adds a conditional format of the given Excel.ConditionalFormatType ("Custom", "CellValue", ...). */
  add(type: string): ConditionalFormatProxy {
    this._requires(6, "add");
    const id = newId();
    this._write(
      "add",
      type,
      (state) => {
        const { sheet, rect } = this._range._ref(state);
        assertEditable(sheet, "ConditionalFormatCollection.add");
        const model: ConditionalFormatModel = {
          id,
          rect,
          type: type as ConditionalFormatModel["type"],
          stopIfTrue: false,
        };
        state.model.insertAt(sheet.conditionalFormats, 0, model);
      },
      `conditionalFormats.add("${type}");`,
    );
    return new ConditionalFormatProxy(this.context, undefined, id, this._range);
  }
  clearAll(): void {
    this._write("clearAll", null, (state) => {
      const { sheet, rect } = this._range._ref(state);
      assertEditable(sheet, "ConditionalFormatCollection.clearAll");
      for (const cf of [...sheet.conditionalFormats]) {
        if (cf.rect.r0 >= rect.r0 && cf.rect.r1 <= rect.r1 && cf.rect.c0 >= rect.c0 && cf.rect.c1 <= rect.c1)
          state.model.removeItem(sheet.conditionalFormats, cf);
      }
    });
  }
}

/** Excel.ConditionalFormat with its `custom` and `cellValue` views. */
export class ConditionalFormatProxy extends ClientObjectBase {
  readonly _type = "ConditionalFormat";
  constructor(
    context: SimRequestContext,
    private _sheetId: string | undefined,
    readonly _id: string,
    private readonly _range?: RangeProxy,
  ) {
    super(context);
  }
  /** @internal */
  _model(state: SyncState): ConditionalFormatModel {
    const sheets = this._sheetId
      ? [state.model.sheetById(this._sheetId)]
      : this._range
        ? [this._range._ref(state).sheet]
        : state.model.sheets;
    for (const s of sheets) {
      const cf = s?.conditionalFormats.find((x) => x.id === this._id);
      if (cf) return cf;
    }
    throw officeError(Codes.itemNotFound, "ConditionalFormat");
  }
  protected _exists(state: SyncState): boolean {
    this._model(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["type", "priority", "stopIfTrue", "id"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const cf = this._model(state);
    if (name === "type") return cf.type;
    if (name === "stopIfTrue") return cf.stopIfTrue;
    if (name === "id") return cf.id;
    const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
    return sheet ? sheet.conditionalFormats.indexOf(cf) : 0;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "custom") return this.custom;
    if (name === "cellValue") return this.cellValue;
    return undefined;
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._write("stopIfTrue", v, (state) => state.model.set(this._model(state), "stopIfTrue", v));
  }
  get custom(): CustomConditionalFormatProxy {
    return new CustomConditionalFormatProxy(this.context, this, "Custom");
  }
  get cellValue(): CustomConditionalFormatProxy {
    return new CustomConditionalFormatProxy(this.context, this, "CellValue");
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const cf = this._model(state);
      const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
      return sheet ? { sheet, rect: cf.rect } : null;
    });
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const cf = this._model(state);
      const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
      if (sheet) state.model.removeItem(sheet.conditionalFormats, cf);
    });
  }
}

/** Excel.CustomConditionalFormat / CellValueConditionalFormat: `rule` and `format`. */
export class CustomConditionalFormatProxy extends ClientObjectBase {
  readonly _type: string;
  constructor(
    context: SimRequestContext,
    private readonly _cf: ConditionalFormatProxy,
    private readonly _kind: "Custom" | "CellValue",
  ) {
    super(context);
    this._type = _kind === "Custom" ? "CustomConditionalFormat" : "CellValueConditionalFormat";
  }
  private _model(state: SyncState): ConditionalFormatModel {
    const cf = this._cf._model(state);
    if (cf.type !== this._kind)
      throw officeError(Codes.invalidOperation, `${this._type}`, `The conditional format is of type ${cf.type}.`);
    return cf;
  }
  protected _exists(state: SyncState): boolean {
    this._model(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return this._kind === "CellValue" ? ["rule"] : [];
  }
  protected _readScalar(_name: string, state: SyncState): unknown {
    const cf = this._model(state);
    const rule: Record<string, string> = { formula1: cf.formula1 ?? "", operator: cf.operator ?? "Invalid" };
    if (cf.formula2 !== undefined) rule.formula2 = cf.formula2;
    return rule;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "format") return this.format;
    if (name === "rule" && this._kind === "Custom") return this.rule;
    return undefined;
  }
  /** Custom: a ConditionalFormatRule proxy (`rule.formula = ...`). CellValue: a plain rule object, settable. */
  get rule(): ConditionalFormatRuleProxy {
    if (this._kind === "CellValue") return this._get("rule");
    return new ConditionalFormatRuleProxy(this.context, (state) => this._model(state));
  }
  set rule(v: unknown) {
    this._write("rule", v, (state) => {
      const cf = this._model(state);
      const r = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
      if (typeof r.operator !== "string" || (typeof r.formula1 !== "string" && typeof r.formula1 !== "number")) {
        throw officeError(
          Codes.invalidArgument,
          `${this._type}.rule`,
          "A cell-value rule needs formula1 and operator.",
        );
      }
      state.model.set(cf, "operator", r.operator);
      state.model.set(cf, "formula1", String(r.formula1));
      if (r.formula2 !== undefined) state.model.set(cf, "formula2", String(r.formula2));
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return new ConditionalRangeFormatProxy(this.context, (state) => this._model(state));
  }
}

/**
 * A part of one conditional format (its rule, format, fill or font): it exists while the
 * conditional format does, and reads and writes that format's model.
 */
abstract class ConditionalFormatPartBase extends ClientObjectBase {
  constructor(
    context: SimRequestContext,
    protected readonly _cf: (state: SyncState) => ConditionalFormatModel,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._cf(state);
    return true;
  }
}

/** Excel.ConditionalFormatRule (custom formula). */
export class ConditionalFormatRuleProxy extends ConditionalFormatPartBase {
  readonly _type = "ConditionalFormatRule";
  protected _scalarNames(): readonly string[] {
    return ["formula", "formulaLocal"];
  }
  protected _readScalar(_name: string, state: SyncState): unknown {
    return this._cf(state).formula ?? "";
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._write("formula", v, (state) => {
      if (typeof v !== "string" || !v.startsWith("="))
        throw officeError(Codes.invalidArgument, "ConditionalFormatRule.formula", "The formula must start with '='.");
      state.model.set(this._cf(state), "formula", v);
    });
  }
}

/** Excel.ConditionalRangeFormat with fill and font. */
export class ConditionalRangeFormatProxy extends ConditionalFormatPartBase {
  readonly _type = "ConditionalRangeFormat";
  protected _scalarNames(): readonly string[] {
    return ["numberFormat"];
  }
  protected _readScalar(): unknown {
    return null;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
  get fill(): ConditionalPartProxy {
    return new ConditionalPartProxy(this.context, this._cf, "ConditionalRangeFill");
  }
  get font(): ConditionalPartProxy {
    return new ConditionalPartProxy(this.context, this._cf, "ConditionalRangeFont");
  }
}

/** Excel.ConditionalRangeFill / ConditionalRangeFont. */
export class ConditionalPartProxy extends ConditionalFormatPartBase {
  constructor(
    context: SimRequestContext,
    cf: (state: SyncState) => ConditionalFormatModel,
    readonly _type: "ConditionalRangeFill" | "ConditionalRangeFont",
  ) {
    super(context, cf);
  }
  protected _scalarNames(): readonly string[] {
    return this._type === "ConditionalRangeFill" ? ["color"] : ["color", "bold", "italic"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const cf = this._cf(state);
    if (name === "bold") return cf.bold ?? false;
    if (name === "italic") return false;
    return (this._type === "ConditionalRangeFill" ? cf.fill : cf.fontColor) ?? null;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._write("color", v, (state) => {
      const cf = this._cf(state);
      state.model.set(cf, this._type === "ConditionalRangeFill" ? "fill" : "fontColor", normalizeColor(v));
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._write("bold", v, (state) => state.model.set(this._cf(state), "bold", v));
  }
  clear(): void {
    this._write("clear", null, (state) =>
      state.model.set(this._cf(state), this._type === "ConditionalRangeFill" ? "fill" : "fontColor", undefined),
    );
  }
}
