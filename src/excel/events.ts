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
  return {
    supported: true,
    // The documented way: a new batch on the handler's own context (its Excel.run has ended).
    remove: async () => {
      const excel = (globalThis as { Excel?: typeof Excel }).Excel;
      if (excel) {
        await excel.run(handler.context, async (ctx) => {
          handler.remove();
          await ctx.sync();
        });
      } else {
        handler.remove();
        await handler.context.sync();
      }
    },
  };
}
