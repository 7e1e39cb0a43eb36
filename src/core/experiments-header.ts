/** Header of the Experiments table: the user's columns, then RunSheet's computed `verdict`. */
export const EXPERIMENTS_TABLE_HEADER = [
  "id",
  "hypothesis",
  "null_hypothesis",
  "primary_metric",
  "goal",
  "baseline",
  "owner",
  "status",
  "conclusion",
  "verdict",
] as const;

/** The one column of the Experiments table RunSheet owns and rewrites. */
export const VERDICT_COLUMN = "verdict";
