/**
 * The runs the user selected in the Runs table: the rows of the Excel selection, turned into run
 * ids in the same sync that reads them (the selection's rows intersected with the id column), so
 * no row index from an earlier sync is ever used: a co-author moving rows cannot make the pane
 * pick the wrong run.
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getintersectionornullobject-member(1)
 */
import { TABLES } from "./constants";

/** What the selection held: the run ids of its rows (sheet order, no blanks, no repeats). */
export interface SelectedRuns {
  ids: string[];
  /** False when the selection does not touch the Runs table's rows. */
  inTable: boolean;
}

/** Reads the run ids of the selected rows of the Runs table, by the id column's name. Three syncs. */
export async function readSelectedRunIds(context: Excel.RequestContext, idColumn: string): Promise<SelectedRuns> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  table.load("name");
  await context.sync();
  if (table.isNullObject)
    throw new Error("Picking runs from the selection needs the Runs table: pick them from the list.");
  const ids = table.columns.getItemOrNullObject(idColumn);
  ids.load("name");
  await context.sync();
  if (ids.isNullObject) throw new Error(`The Runs table has no "${idColumn}" column: check its header.`);
  // The selection and the id cells of its rows, read together.
  const picked = ids.getDataBodyRange().getIntersectionOrNullObject(context.workbook.getSelectedRange().getEntireRow());
  picked.load("values");
  await context.sync();
  if (picked.isNullObject) return { ids: [], inTable: false };
  const out: string[] = [];
  for (const [v] of picked.values) {
    const id = v === null || v === undefined ? "" : String(v).trim();
    if (id !== "" && !out.includes(id)) out.push(id);
  }
  return { ids: out, inTable: true };
}
