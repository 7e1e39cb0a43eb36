/**
 * Pure decisions of the Environments tab: which runs to offer, whose runs are "mine", which two
 * runs to compare first, and each run's recipe status. No React, no Excel: tested directly.
 */
import type { Run, RunSchema } from "../../../core/index";
import { isFinishedRun, recipeGaps } from "../../../core/index";

/** The column a run's environment id is in, when the schema has one. */
export function environmentColumn(schema: RunSchema): string | undefined {
  return schema.columns.find((c) => c.name.toLowerCase() === "environment")?.name;
}

/** The owner column, when the schema has one. */
export function ownerColumn(schema: RunSchema): string | undefined {
  return schema.columns.find((c) => ["owner", "user", "author"].includes(c.name.toLowerCase()))?.name;
}

/** A run as the tab lists it. */
export interface RunChoice {
  id: string;
  row: number;
  environment: string;
  owner: string;
  /** "reproducible", or what is missing ("no environment, command"). */
  recipe: string;
  finished: boolean;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The runs in sheet order with their environment, owner and recipe status. */
export function runChoices(
  runs: readonly Run[],
  schema: RunSchema,
  knownEnvironments: ReadonlySet<string>,
): RunChoice[] {
  const envCol = environmentColumn(schema);
  const ownCol = ownerColumn(schema);
  const options = knownEnvironments.size > 0 ? { knownEnvironments } : {};
  return [...runs]
    .sort((a, b) => a.excelRow - b.excelRow)
    .map((run) => {
      const gaps = recipeGaps(run, schema, options);
      const problems = [
        ...gaps.missing.map((m) => `no ${m}`),
        ...gaps.badShape.map((b) => (b.column === envCol ? `${b.column} not stored` : `${b.column} unpinned`)),
      ];
      return {
        id: run.id,
        row: run.excelRow,
        environment: envCol ? text(run.values[envCol]) : "",
        owner: ownCol ? text(run.values[ownCol]) : "",
        recipe: problems.length === 0 ? "reproducible" : problems.join(", "),
        finished: isFinishedRun(run, schema),
      };
    });
}

/** The runs owned by `me` (case and spaces ignored); all runs when `me` is empty. */
export function myRuns(choices: readonly RunChoice[], me: string): RunChoice[] {
  const wanted = me.trim().toLowerCase();
  if (wanted === "") return [...choices];
  return choices.filter((c) => c.owner.toLowerCase() === wanted);
}

/**
 * The two runs to compare first: the last run with a stored environment, and the latest run
 * before it whose stored environment differs. Null when no two such runs exist.
 */
export function defaultPair(choices: readonly RunChoice[], stored: ReadonlySet<string>): [string, string] | null {
  const withEnv = choices.filter((c) => stored.has(c.environment));
  const last = withEnv[withEnv.length - 1];
  if (!last) return null;
  for (let i = withEnv.length - 2; i >= 0; i--) {
    const c = withEnv[i];
    if (c && c.environment !== last.environment) return [c.id, last.id];
  }
  return null;
}
