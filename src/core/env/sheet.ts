/**
 * The Environments sheet's layout: one row per package (environment id, manager, package,
 * version, source), and one `interpreter` row per interpreter version, so a stakeholder reads
 * it without the add-in and the CLI reads it back from an .xlsx or CSV export.
 */
import type { CellValue, Grid } from "../grid";
import { packageKey } from "./names";
import type { EnvManager, Environment, Interpreters } from "./types";

/** Header of the Environments table, in order. */
export const ENVIRONMENTS_HEADER = ["environment_id", "manager", "package", "version", "source"] as const;

/** The manager column's value on interpreter rows. */
export const INTERPRETER_MANAGER = "interpreter";

const INTERPRETER_NAMES: Record<keyof Interpreters, string> = { python: "python", r: "R", cuda: "CUDA" };

/** The rows one environment takes on the sheet: interpreters first, then packages by name. */
export function environmentRows(id: string, env: Pick<Environment, "packages" | "interpreters">): string[][] {
  const rows: string[][] = [];
  for (const k of ["python", "r", "cuda"] as const) {
    const v = env.interpreters[k];
    if (v !== undefined) rows.push([id, INTERPRETER_MANAGER, INTERPRETER_NAMES[k], v, ""]);
  }
  const packages = [...env.packages].sort(
    (a, b) => packageKey(a.name).localeCompare(packageKey(b.name)) || a.manager.localeCompare(b.manager),
  );
  for (const p of packages) rows.push([id, p.manager, p.name, p.version, p.source]);
  return rows;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

const MANAGERS = new Set<string>(["pip", "conda", "r", "renv"]);

/**
 * Reads environments back from the sheet's cells (the header row anywhere, columns in any
 * order). Rows with an unknown manager keep it as `pip`'s neighbour would: as written.
 */
export function environmentsFromGrid(grid: Grid): Map<string, Pick<Environment, "packages" | "interpreters">> {
  const out = new Map<string, Pick<Environment, "packages" | "interpreters">>();
  const headerIndex = grid.findIndex((row) => row.some((c) => text(c).toLowerCase() === "environment_id"));
  const header = (grid[headerIndex] ?? []).map((c) => text(c).toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const [idCol, managerCol, packageCol, versionCol, sourceCol] = ENVIRONMENTS_HEADER.map(col);
  if (headerIndex < 0 || idCol === undefined || idCol < 0) return out;
  for (const row of grid.slice(headerIndex + 1)) {
    const id = text(row[idCol]);
    const name = text(row[packageCol ?? -1]);
    if (id === "" || name === "") continue;
    const env = out.get(id) ?? { packages: [], interpreters: {} };
    out.set(id, env);
    const manager = text(row[managerCol ?? -1]);
    const version = text(row[versionCol ?? -1]);
    if (manager === INTERPRETER_MANAGER) {
      const key = (Object.keys(INTERPRETER_NAMES) as (keyof Interpreters)[]).find(
        (k) => INTERPRETER_NAMES[k].toLowerCase() === name.toLowerCase(),
      );
      if (key) env.interpreters[key] = version;
      continue;
    }
    env.packages.push({
      manager: (MANAGERS.has(manager) ? manager : "pip") as EnvManager,
      name,
      version,
      source: text(row[sourceCol ?? -1]),
    });
  }
  return out;
}
