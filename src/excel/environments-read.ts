/**
 * Reading the Environments sheet back: the stored environments and their ids. Kept apart from
 * the parsers (environments.ts) so validation can check ids without loading them.
 */
import { ENVIRONMENTS_HEADER, environmentsFromGrid } from "../core/env/sheet";
import type { Environment } from "../core/env/types";
import { TABLES } from "./constants";
import { readTableValues } from "./table-values";

/** The stored environments, by id, as the sheet holds them. */
export type StoredEnvironments = Map<string, Pick<Environment, "packages" | "interpreters">>;

/** Reads the Environments table (two syncs); an empty map when the workbook has none. */
export async function readEnvironments(context: Excel.RequestContext): Promise<StoredEnvironments> {
  return environmentsFromGrid(await readTableValues(context, TABLES.environments));
}

/** The ids of the stored environments, for the `not_reproducible` check (three syncs: the table, its header, its id column). */
export async function readEnvironmentIds(context: Excel.RequestContext): Promise<string[]> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.environments);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return [];
  const header = table.getHeaderRowRange();
  header.load("values");
  await context.sync();
  const index = (header.values[0] ?? []).findIndex((h) => String(h).trim() === ENVIRONMENTS_HEADER[0]);
  if (index < 0) return [];
  const ids = table.getDataBodyRange().getColumn(index);
  ids.load("values");
  await context.sync();
  return [...new Set(ids.values.map((r) => String(r[0] ?? "").trim()).filter((id) => id !== ""))];
}
