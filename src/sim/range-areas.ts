// Excel.RangeAreas as Range.getMergedAreasOrNullObject returns it: a set of rectangular blocks on
// one sheet, read through `address` ("Sheet1!A1:B4, Sheet1!D1:D4"), `areaCount` and `areas`.
// https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
import { type Rect, formatAddress, rectCols, rectRows } from "./address";
import { ClientObjectBase, CollectionBase } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import type { SheetModel } from "./model";
import { RangeProxy } from "./range";

/** Finds the blocks at sync time; null when there are none (the null object). */
export type AreasLocator = (state: SyncState) => { sheet: SheetModel; rects: Rect[] } | null;

/** Excel.RangeAreas (read-only here: the properties RunSheet reads). */
export class RangeAreasProxy extends ClientObjectBase {
  readonly _type = "RangeAreas";
  private _areas: RangeCollectionProxy | undefined;

  constructor(
    context: SimRequestContext,
    private readonly _locate: AreasLocator,
    nullable = false,
  ) {
    super(context, nullable);
  }

  /** @internal The blocks, or ItemNotFound when there are none on a non-null proxy. */
  _blocks(state: SyncState): { sheet: SheetModel; rects: Rect[] } {
    const found = this._locate(state);
    if (!found) throw officeError(Codes.itemNotFound, "RangeAreas");
    return found;
  }

  protected _exists(state: SyncState): boolean {
    if (this._nullable) return this._locate(state) !== null;
    this._blocks(state);
    return true;
  }

  protected _scalarNames(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }

  protected _readScalar(name: string, state: SyncState): unknown {
    const { sheet, rects } = this._blocks(state);
    switch (name) {
      case "address":
      case "addressLocal":
        // "Address value will contain the worksheet name for each rectangular block of cells
        // (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")."
        return rects.map((r) => formatAddress(sheet.name, r)).join(", ");
      case "areaCount":
        return rects.length;
      case "cellCount":
        return rects.reduce((n, r) => n + rectRows(r) * rectCols(r), 0);
      default:
        throw officeError(Codes.invalidArgument, `RangeAreas.${name}`);
    }
  }

  protected override _navigation(name: string): ClientObjectBase | undefined {
    return name === "areas" ? this.areas : undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  /** The blocks as Range objects (Excel.RangeCollection). */
  get areas(): RangeCollectionProxy {
    this._areas ??= new RangeCollectionProxy(this.context, this);
    return this._areas;
  }
}

/** Excel.RangeCollection: the blocks of a RangeAreas. */
export class RangeCollectionProxy extends CollectionBase<RangeProxy> {
  readonly _type = "RangeCollection";
  constructor(
    context: SimRequestContext,
    private readonly _owner: RangeAreasProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): RangeProxy[] {
    const { sheet, rects } = this._owner._blocks(state);
    return rects.map((rect) => new RangeProxy(this.context, () => ({ sheet, rect })));
  }
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }
}
