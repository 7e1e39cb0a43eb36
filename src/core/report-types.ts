/** Report spec: the Report sheet's content as pure data (see report.ts). */
import type { ChartSpec } from "./chart-types";
import type { RunValue } from "./runs";
import type { Goal } from "./schema-types";
import type { Verdict } from "./verdict";

/** One experiment's section of the report. */
export interface ReportSection {
  experiment: string;
  hypothesis: string | null;
  /** The best configuration of the experiment, or null when no run qualifies. */
  best: {
    id: string;
    row: number;
    config: Record<string, RunValue>;
    /** The configuration by the params that vary between the experiments' winners. */
    label: string;
    n: number;
    mean: number;
    std: number | null;
    ci95: [number, number] | null;
  } | null;
  /** `mean ± half-width` as text for the sheet, e.g. "0.912 ± 0.014 (95% CI, n = 3)". */
  summary: string;
  /** The experiment this one is compared with (the Experiments table's baseline, else the previous one). */
  baseline: string | null;
  /** True when no baseline was set and the previous experiment was taken (the verdict says so). */
  baselineDefaulted: boolean;
  pValue: number | null;
  /** The sentence for the sheet: the comparison's sentence, or why there is none. */
  verdict: string;
  /** The comparison with the baseline, when both have qualifying runs. */
  comparison: Verdict | null;
  /** Runs of the experiment, and how many were excluded (not finished, missing metric). */
  runs: number;
  excluded: number;
  /** Recipe completeness over the experiment's finished runs ("4 of 6 runs reproducible"), when computed. */
  recipe?: string;
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
