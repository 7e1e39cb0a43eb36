/** Report spec: the Report sheet's content as pure data (see report.ts). */
import type { ChartSpec } from "./chart-types";
import type { RunValue } from "./runs";
import type { Goal } from "./schema-types";

/** One experiment's section of the report. */
export interface ReportSection {
  experiment: string;
  hypothesis: string | null;
  /** The best configuration of the experiment, or null when no run qualifies. */
  best: {
    id: string;
    row: number;
    config: Record<string, RunValue>;
    n: number;
    mean: number;
    std: number | null;
    ci95: [number, number] | null;
  } | null;
  /** `mean ± half-width` as text for the sheet, e.g. "0.912 ± 0.014 (n = 3)". */
  summary: string;
  /** The experiment this one is compared with (previous one, or the Experiments table's baseline). */
  baseline: string | null;
  pValue: number | null;
  /** A sentence: "exp2 beats exp1 by 3.1 points of accuracy (p = 0.004)". */
  verdict: string;
  /** Runs of the experiment, and how many were excluded (not finished, missing metric). */
  runs: number;
  excluded: number;
}

export interface ReportSpec {
  title: string;
  metric: string;
  goal: Goal;
  /** ISO date-time the report was generated. */
  generated: string;
  sections: ReportSection[];
  charts: ChartSpec[];
}

/** A row of the Experiments table, as far as the report needs it. */
export interface ExperimentInfo {
  id: string;
  hypothesis?: string;
  baseline?: string;
}
