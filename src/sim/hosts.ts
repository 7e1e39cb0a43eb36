// Host profiles: which requirement sets each simulated Excel answers yes to.
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
//
// | profile | platform      | ExcelApi up to | notes                                      |
// |---------|---------------|----------------|--------------------------------------------|
// | web     | OfficeOnline  | 1.17           | also ExcelApiOnline 1.1                    |
// | windows | PC            | 1.17           | Microsoft 365 current channel               |
// | mac     | Mac           | 1.16           |                                            |
// | old     | PC            | 1.7            | an old perpetual build (e.g. Excel 2016 MSI updated) |

export type HostName = "web" | "windows" | "mac" | "old";

export interface HostProfile {
  platform: "OfficeOnline" | "PC" | "Mac";
  /** Highest ExcelApi 1.x minor version supported. */
  excelApi: number;
  /** Other requirement sets: name (lower case) -> highest 1.x minor version. */
  sets: Record<string, number>;
  version: string;
}

export const HOST_PROFILES: Record<HostName, HostProfile> = {
  web: {
    platform: "OfficeOnline",
    excelApi: 17,
    sets: { excelapionline: 1, dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.0.18000.10000",
  },
  windows: {
    platform: "PC",
    excelApi: 17,
    sets: { dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.0.18000.20000",
  },
  mac: {
    platform: "Mac",
    excelApi: 16,
    sets: { dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.90",
  },
  old: { platform: "PC", excelApi: 7, sets: { dialogapi: 1, addincommands: 1 }, version: "16.0.4266.1001" },
};

/** Parses "1.7" (or 1.7) into its minor number; "1.10" stays 10. Returns NaN when malformed. */
function minorOf(version: string | number | undefined): number {
  if (version === undefined) return 1;
  const s = typeof version === "number" ? String(version) : version.trim();
  const m = /^1(?:\.(\d+))?$/.exec(s);
  return m ? Number(m[1] ?? 0) : Number.NaN;
}

/** Office.context.requirements.isSetSupported for a profile. */
export function isSetSupported(profile: HostProfile, name: string, minVersion?: string | number): boolean {
  const minor = minorOf(minVersion);
  if (Number.isNaN(minor)) return false;
  const key = name.toLowerCase();
  const max = key === "excelapi" ? profile.excelApi : profile.sets[key];
  return max !== undefined && minor <= max;
}
