// Excel.PageLayout (ExcelApi 1.9): orientation, zoom (fit to pages) and print title rows, kept on
// the sheet model so tests can check what a print of the sheet would use.
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { parseAddress } from "./address";
import { ClientObjectBase } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import type { PageLayoutModel } from "./model";
import type { RangeProxy } from "./range";
import type { WorksheetProxy } from "./worksheet";

const DEFAULT_LAYOUT: PageLayoutModel = { orientation: "Portrait", zoom: {} };

/** Excel.PageLayout of a worksheet. */
export class PageLayoutProxy extends ClientObjectBase {
  readonly _type = "PageLayout";
  constructor(
    context: SimRequestContext,
    private readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  private _layout(state: SyncState): PageLayoutModel {
    return this._ws._sheet(state).pageLayout ?? DEFAULT_LAYOUT;
  }
  protected _exists(state: SyncState): boolean {
    this._ws._sheet(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["orientation", "zoom"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const l = this._layout(state);
    return name === "orientation" ? l.orientation : { ...l.zoom };
  }
  private _update(member: string, payload: unknown, fn: (l: PageLayoutModel) => PageLayoutModel): void {
    this._requires(9, member);
    this._write(member, payload, (state) => {
      const sheet = this._ws._sheet(state);
      state.model.set(sheet, "pageLayout", fn(this._layout(state)));
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._update("orientation", v, (l) => {
      if (v !== "Portrait" && v !== "Landscape") throw officeError(Codes.invalidArgument, "PageLayout.orientation");
      return { ...l, orientation: v };
    });
  }
  get zoom(): PageLayoutModel["zoom"] {
    return this._get("zoom");
  }
  /** `{horizontalFitToPages, verticalFitToPages, scale}`; fit-to-pages and scale exclude each other. */
  set zoom(v: PageLayoutModel["zoom"]) {
    this._update("zoom", v, (l) => ({ ...l, zoom: { ...v } }));
  }
  /** The rows repeated at the top of each printed page; the range must span entire rows. */
  setPrintTitleRows(rows: RangeProxy | string): void {
    this._update("setPrintTitleRows", typeof rows === "string" ? rows : "<range>", (l) => {
      const address = typeof rows === "string" ? rows : undefined;
      const parsed = address ? parseAddress(address) : null;
      if (address && !parsed) throw officeError(Codes.invalidArgument, "PageLayout.setPrintTitleRows");
      return { ...l, printTitleRows: address ?? "<range>" };
    });
  }
}
