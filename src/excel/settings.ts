/**
 * The pane's view, kept in the workbook: which metric and goal Best ranks by, its constraints and
 * Pareto metric, the seed column, Compare's runs, baseline and diff-only switch, and each
 * experiment's baseline. Stored as one JSON setting (Excel.SettingCollection, saved in the file),
 * so a colleague who opens the workbook sees the same view.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 * (settings are stored in the document; values are JSON-serializable; ExcelApi 1.4)
 */
export interface PaneSettings {
  metric?: string;
  goal?: "max" | "min" | "auto";
  seedColumn?: string;
  where?: string;
  pareto?: string;
  /** Compare: the runs picked, by run id, and the baseline run. */
  compareRuns?: string[];
  compareBaseline?: string;
  /** Compare shows only the columns that differ (default on). */
  diffOnly?: boolean;
  /** Experiment id -> the experiment it is compared against. */
  experimentBaselines?: Record<string, string>;
}

/** A change to the view: a field set to undefined is removed. */
export type PaneSettingsPatch = { [K in keyof PaneSettings]?: PaneSettings[K] | undefined };

/** The setting's key. */
export const PANE_SETTINGS_KEY = "RunSheet.view";

const TEXT_KEYS = ["metric", "seedColumn", "where", "pareto", "compareBaseline"] as const;

/**
 * Reads a stored value leniently: fields of the wrong type (a hand-edited or older setting) are
 * dropped rather than trusted. Pure.
 */
export function parsePaneSettings(value: unknown): PaneSettings {
  const raw: unknown = typeof value === "string" ? safeJson(value) : value;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const o = raw as Record<string, unknown>;
  const out: PaneSettings = {};
  for (const k of TEXT_KEYS) {
    const v = o[k];
    if (typeof v === "string") out[k] = v;
  }
  if (o.goal === "max" || o.goal === "min" || o.goal === "auto") out.goal = o.goal;
  if (typeof o.diffOnly === "boolean") out.diffOnly = o.diffOnly;
  if (Array.isArray(o.compareRuns)) out.compareRuns = o.compareRuns.filter((x): x is string => typeof x === "string");
  if (o.experimentBaselines && typeof o.experimentBaselines === "object" && !Array.isArray(o.experimentBaselines)) {
    const map: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.experimentBaselines as Record<string, unknown>))
      if (typeof v === "string") map[k] = v;
    out.experimentBaselines = map;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The stored view; `{}` when none is stored. One sync. */
export async function readPaneSettings(context: Excel.RequestContext): Promise<PaneSettings> {
  const item = context.workbook.settings.getItemOrNullObject(PANE_SETTINGS_KEY);
  item.load("value");
  await context.sync();
  return item.isNullObject ? {} : parsePaneSettings(item.value);
}

/**
 * Merges `patch` into the stored view and saves it; `undefined` fields are removed. Read and
 * write happen in one batch of two syncs, so a colleague's other fields saved meanwhile are kept.
 */
export async function savePaneSettings(context: Excel.RequestContext, patch: PaneSettingsPatch): Promise<PaneSettings> {
  const current = await readPaneSettings(context);
  const next: Record<string, unknown> = { ...current, ...patch };
  for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
  context.workbook.settings.add(PANE_SETTINGS_KEY, next);
  await context.sync();
  return parsePaneSettings(next);
}
