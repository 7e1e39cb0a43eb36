/**
 * Configuration labels, written in one place for the pane, the CLI, the Report and the Summary:
 * a configuration is named by the params that vary between the configurations shown
 * (`layers=2, n_images=2000`), not by every column it has, so labels stay short enough for an
 * axis. When even those are too long for a chart, charts use codes (C1, C2, ...) with a legend
 * table that maps each code to its full label.
 */
import type { RunValue } from "./runs";

/** Label of a configuration with no varying params (every run is one configuration). */
export const ALL_RUNS_LABEL = "all runs";

/** Longest label a chart axis shows as is; longer ones become codes with a legend table. */
export const MAX_AXIS_LABEL = 28;

function valueText(v: RunValue | undefined): string {
  return v === null || v === undefined || v === "" ? "(empty)" : String(v);
}

/** The config keys whose values differ between at least two of the configurations, in first-seen order. */
export function varyingKeys(configs: readonly Record<string, RunValue>[]): string[] {
  const keys: string[] = [];
  for (const c of configs) for (const k of Object.keys(c)) if (!keys.includes(k)) keys.push(k);
  return keys.filter((k) => {
    const first = valueText(configs[0]?.[k]);
    return configs.some((c) => valueText(c[k]) !== first);
  });
}

/**
 * Label of a configuration: `k=v` pairs over `keys` (default: all of its keys), or "all runs"
 * when there are none.
 */
export function configLabel(config: Record<string, RunValue>, keys?: readonly string[]): string {
  const names = keys ?? Object.keys(config);
  const parts = names.map((k) => `${k}=${valueText(config[k])}`);
  return parts.length ? parts.join(", ") : ALL_RUNS_LABEL;
}

/** Labels of several configurations by the params that vary between them (same order as given). */
export function configLabels(configs: readonly Record<string, RunValue>[]): string[] {
  const keys = varyingKeys(configs);
  return configs.map((c) => configLabel(c, keys));
}

/** Labels for a chart axis: the short labels, or codes C1..Cn when any label is too long to read. */
export interface AxisLabels {
  /** What the axis shows, one per configuration. */
  axis: string[];
  /** The full (varying-params) label of each configuration. */
  full: string[];
  /** True when `axis` holds codes, so a legend table must map them to `full`. */
  coded: boolean;
}

/** Axis labels of configurations: short labels when they fit, codes otherwise (see AxisLabels). */
export function axisLabels(configs: readonly Record<string, RunValue>[], maxLength = MAX_AXIS_LABEL): AxisLabels {
  const full = configLabels(configs);
  const coded = full.some((l) => l.length > maxLength);
  return { axis: coded ? full.map((_, i) => `C${i + 1}`) : full, full, coded };
}
