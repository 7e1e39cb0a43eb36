/**
 * Change events of the runs sheet, so the pane can revalidate while the user edits (the pane
 * debounces). Worksheet.onChanged needs ExcelApi 1.7; older hosts get a subscription that says
 * it is not supported, and the pane falls back to the Validate button.
 */
import { detectCapabilities, type Capabilities } from "./capabilities";
import type { ExcelRunner } from "./gateway";

/**
 * Excel.run that waits while the user is editing a cell instead of failing, for work the user
 * did not just ask for (automatic revalidation, ribbon commands). The reference names no
 * requirement set for the option (it appears in every versioned ExcelApi reference from 1.1), so
 * which builds honour it is not documented; a host that ignores it fails with the cell-edit
 * error, which describeError explains.
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
 */
export const excelRunAfterCellEdit: ExcelRunner = (batch) => Excel.run({ delayForCellEdit: true }, batch);

export interface SheetChange {
  sheet: string;
  address: string;
  changeType: string;
  /** "Local" for this user, "Remote" for a co-author. */
  source: string;
}

export interface Subscription {
  supported: boolean;
  remove(): Promise<void>;
}

/** Something the user did in the workbook that changes what the pane should show. */
export interface WorkbookActivity {
  kind: "activated" | "selection";
  /** The selected range's address, for selection changes. */
  address?: string;
}

const NOT_SUPPORTED: Subscription = { supported: false, remove: () => Promise.resolve() };

/** Calls `onChange` for every change on `sheetName`. One sync. */
export async function subscribeToChanges(
  context: Excel.RequestContext,
  sheetName: string,
  onChange: (change: SheetChange) => void,
  capabilities: Capabilities = detectCapabilities(),
): Promise<Subscription> {
  if (!capabilities.events) return NOT_SUPPORTED;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const handler = sheet.onChanged.add((event: Excel.WorksheetChangedEventArgs) => {
    onChange({
      sheet: sheetName,
      address: event.address,
      changeType: String(event.changeType),
      source: String(event.source),
    });
    return Promise.resolve();
  });
  await context.sync();
  return removable(handler);
}

/**
 * Calls `onActivity` when the user activates another sheet (onActivated, ExcelApi 1.7) or
 * changes the selection (onSelectionChanged, ExcelApi 1.9, where the host has it). One sync.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onactivated-member
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onselectionchanged-member
 */
export async function subscribeToActivity(
  context: Excel.RequestContext,
  onActivity: (activity: WorkbookActivity) => void,
  capabilities: Capabilities = detectCapabilities(),
): Promise<Subscription> {
  if (!capabilities.events) return NOT_SUPPORTED;
  const sheets = context.workbook.worksheets;
  const handlers = [
    sheets.onActivated.add(() => {
      onActivity({ kind: "activated" });
      return Promise.resolve();
    }),
  ];
  if (capabilities.selectionEvents)
    handlers.push(
      sheets.onSelectionChanged.add((event: Excel.WorksheetSelectionChangedEventArgs) => {
        onActivity({ kind: "selection", address: event.address });
        return Promise.resolve();
      }),
    );
  await context.sync();
  return removable(...handlers);
}

/** A subscription that removes the handlers (all added on one context) in one batch. */
function removable(...handlers: OfficeExtension.EventHandlerResult<unknown>[]): Subscription {
  const first = handlers[0];
  return {
    supported: true,
    // The documented way: a new batch on the handlers' own context (its Excel.run has ended).
    remove: async () => {
      if (!first) return;
      const excel = (globalThis as { Excel?: typeof Excel }).Excel;
      if (excel) {
        await excel.run(first.context, async (ctx) => {
          for (const h of handlers) h.remove();
          await ctx.sync();
        });
      } else {
        for (const h of handlers) h.remove();
        await first.context.sync();
      }
    },
  };
}
