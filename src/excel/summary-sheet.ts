/**
 * The Summary sheet: core's Summary table (one row per configuration, best first: varying
 * params, n, mean, std and 95% CI per metric, best run) as plain cells, regenerated in place.
 * Like the Report, a "Summary" sheet RunSheet did not create is never touched.
 */
import { columnLetter, summaryGrid, widthForText, type SummaryTable } from "../core/index";
import { SETTINGS, SHEETS } from "./constants";
import { writeSafe, type SafeValue } from "./safe-write";

export interface SummaryWriteResult {
  sheet: string;
  rows: number;
  replaced: boolean;
}

function numberFormat(header: string): string | null {
  if (header === "rank" || header === "n") return "0";
  if (/ (mean|std|95% CI low|95% CI high)$/.test(header)) return "0.0###";
  return null;
}

/**
 * Writes (or regenerates) the Summary sheet. Syncs: one to look for the sheet; one to clear it
 * when it exists; one to write.
 */
export async function writeSummary(context: Excel.RequestContext, table: SummaryTable): Promise<SummaryWriteResult> {
  const existing = context.workbook.worksheets.getItemOrNullObject(SHEETS.summary);
  existing.load("name");
  const owned = context.workbook.settings.getItemOrNullObject(SETTINGS.summaryOwned);
  owned.load("value");
  await context.sync();
  const replaced = !existing.isNullObject;
  if (replaced && (owned.isNullObject || owned.value !== true))
    throw new Error(
      `A sheet named "${SHEETS.summary}" exists that RunSheet did not create, so it was left alone. Rename it to let RunSheet write its summary.`,
    );
  let sheet: Excel.Worksheet;
  if (replaced) {
    sheet = existing;
    const used = sheet.getUsedRangeOrNullObject();
    used.load("address");
    await context.sync();
    if (!used.isNullObject) used.clear();
  } else {
    context.workbook.settings.add(SETTINGS.summaryOwned, true);
    sheet = context.workbook.worksheets.add(SHEETS.summary);
  }
  const grid = summaryGrid(table) as SafeValue[][];
  const header = (grid[0] ?? []) as string[];
  const width = header.length;
  const last = columnLetter(Math.max(0, width - 1));
  // The table first (header on row 1, frozen), then what it is, under it.
  writeSafe(sheet.getRange(`A1:${last}${grid.length}`), grid, { formats: header.map(numberFormat) });
  sheet.getRange(`A1:${last}1`).format.font.bold = true;
  const note = grid.length + 2;
  writeSafe(sheet.getRange(`A${note}:A${note + 1}`), [
    [
      `Summary of ${table.metric} (${table.goal === "max" ? "higher is better" : "lower is better"}), written by RunSheet.`,
    ],
    [
      "One row per configuration, best first (as in Best): n runs, and per metric the mean, standard deviation and 95% confidence interval over those runs.",
    ],
  ]);
  sheet.getRange(`A${note}`).format.font.bold = true;
  header.forEach((h, c) => {
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = widthForText(
      grid.slice(0, 200).map((r) => r[c]),
      h === "rank" || h === "n" ? 36 : 56,
      220,
    );
  });
  sheet.freezePanes.freezeRows(1);
  await context.sync();
  return { sheet: SHEETS.summary, rows: grid.length - 1, replaced };
}
