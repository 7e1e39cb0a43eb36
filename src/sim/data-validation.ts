// Excel.DataValidation of a range: list, decimal and whole-number rules and `valid`.
// https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import { type DataValidationModel, newId } from "./model";
import { assertEditable } from "./ops";
import { RangeChild } from "./range-format";

const RULE_TYPES: Record<string, string> = {
  list: "List",
  decimal: "Decimal",
  wholeNumber: "WholeNumber",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  custom: "Custom",
};

/** Excel.DataValidation. Setting `rule` replaces validation on the range's cells. */
export class DataValidationProxy extends RangeChild {
  readonly _type = "DataValidation";
  private _find(state: SyncState): DataValidationModel | undefined {
    const { sheet, rect } = this._range._ref(state);
    return sheet.validations.find(
      (d) => d.rect.r0 <= rect.r0 && d.rect.c0 <= rect.c0 && d.rect.r1 >= rect.r0 && d.rect.c1 >= rect.c0,
    );
  }
  protected _scalarNames(): readonly string[] {
    return ["type", "rule", "ignoreBlanks", "valid", "errorAlert", "prompt"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const dv = this._find(state);
    switch (name) {
      case "type":
        return dv?.type ?? "None";
      case "ignoreBlanks":
        return dv?.ignoreBlanks ?? true;
      case "rule":
        return dv ? ruleOf(dv) : {};
      case "errorAlert":
        return { message: dv?.errorMessage ?? "", title: dv?.errorTitle ?? "", showAlert: true, style: "Stop" };
      case "prompt":
        return { message: dv?.promptMessage ?? "", title: "", showPrompt: Boolean(dv?.promptMessage) };
      default:
        return dv ? this._valid(state, dv) : true;
    }
  }
  private _valid(state: SyncState, dv: DataValidationModel): boolean {
    const { sheet, rect } = this._range._ref(state);
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = state.model.cellAt(sheet, r, c)?.v ?? "";
        if (v === "" && dv.ignoreBlanks) continue;
        if (dv.type === "List") {
          const options = (dv.source ?? "").split(",").map((s) => s.trim());
          if (!options.includes(String(v))) return false;
        } else if (dv.type === "Decimal" || dv.type === "WholeNumber") {
          if (typeof v !== "number" || (dv.type === "WholeNumber" && !Number.isInteger(v))) return false;
          const a = Number(dv.formula1);
          const b = Number(dv.formula2);
          const ok =
            dv.operator === "Between"
              ? v >= a && v <= b
              : dv.operator === "GreaterThan"
                ? v > a
                : dv.operator === "GreaterThanOrEqualTo"
                  ? v >= a
                  : dv.operator === "LessThan"
                    ? v < a
                    : dv.operator === "LessThanOrEqualTo"
                      ? v <= a
                      : dv.operator === "EqualTo"
                        ? v === a
                        : true;
          if (!ok) return false;
        }
      }
    }
    return true;
  }
  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._write("ignoreBlanks", v, (state) => {
      const dv = this._find(state);
      if (dv) state.model.set(dv, "ignoreBlanks", v);
    });
  }
  get rule(): Record<string, unknown> {
    return this._get("rule");
  }
  set rule(v: Record<string, unknown>) {
    this._requires(8, "rule");
    this._write("rule", v, (state) => {
      const { sheet, rect } = this._range._ref(state);
      assertEditable(sheet, "DataValidation.rule");
      const entries = Object.entries(v ?? {}).filter(([, x]) => x !== undefined && x !== null);
      const [key, body] = entries[0] ?? [];
      const type = key ? RULE_TYPES[key] : undefined;
      if (entries.length !== 1 || !type || typeof body !== "object" || body === null) {
        throw officeError(
          Codes.invalidArgument,
          "DataValidation.rule",
          "Give exactly one rule type (list, decimal, wholeNumber, ...).",
        );
      }
      const b = body as Record<string, unknown>;
      const dv: DataValidationModel = { id: newId(), rect, type, ignoreBlanks: true };
      if (type === "List") {
        if (typeof b.source !== "string")
          throw officeError(Codes.invalidArgument, "DataValidation.rule", "A list rule needs a source.");
        dv.source = b.source;
        dv.inCellDropDown = b.inCellDropDown !== false;
      } else {
        if (typeof b.operator === "string") dv.operator = b.operator;
        if (typeof b.formula1 === "string" || typeof b.formula1 === "number") dv.formula1 = b.formula1;
        if (typeof b.formula2 === "string" || typeof b.formula2 === "number") dv.formula2 = b.formula2;
        if (type !== "Custom" && (dv.operator === undefined || dv.formula1 === undefined)) {
          throw officeError(Codes.invalidArgument, "DataValidation.rule", "The rule needs an operator and formula1.");
        }
      }
      for (const old of [...sheet.validations]) {
        if (old.rect.r0 >= rect.r0 && old.rect.r1 <= rect.r1 && old.rect.c0 >= rect.c0 && old.rect.c1 <= rect.c1)
          state.model.removeItem(sheet.validations, old);
      }
      state.model.insertAt(sheet.validations, sheet.validations.length, dv);
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this._get("errorAlert");
  }
  set errorAlert(v: { message?: string; title?: string }) {
    this._write("errorAlert", v, (state) => {
      const dv = this._find(state);
      if (!dv) return;
      if (v.message !== undefined) state.model.set(dv, "errorMessage", v.message);
      if (v.title !== undefined) state.model.set(dv, "errorTitle", v.title);
    });
  }
  get prompt(): Record<string, unknown> {
    return this._get("prompt");
  }
  set prompt(v: { message?: string }) {
    this._write("prompt", v, (state) => {
      const dv = this._find(state);
      if (dv && v.message !== undefined) state.model.set(dv, "promptMessage", v.message);
    });
  }
  clear(): void {
    this._write("clear", null, (state) => {
      const { sheet, rect } = this._range._ref(state);
      for (const old of [...sheet.validations]) {
        if (old.rect.r0 <= rect.r1 && rect.r0 <= old.rect.r1 && old.rect.c0 <= rect.c1 && rect.c0 <= old.rect.c1)
          state.model.removeItem(sheet.validations, old);
      }
    });
  }
}

function ruleOf(dv: DataValidationModel): Record<string, unknown> {
  const key = Object.entries(RULE_TYPES).find(([, v]) => v === dv.type)?.[0] ?? "custom";
  if (dv.type === "List") return { list: { source: dv.source, inCellDropDown: dv.inCellDropDown ?? true } };
  const body: Record<string, unknown> = { formula1: dv.formula1, operator: dv.operator };
  if (dv.formula2 !== undefined) body.formula2 = dv.formula2;
  return { [key]: body };
}
