// Host profiles: which requirement sets each simulated Excel answers yes to, and its build.
// ExcelApi versions and builds follow the requirement-set table:
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
// Ribbon buttons (add-in commands, AddinCommands 1.1) need Microsoft 365, or a volume-licensed
// perpetual Office 2021 or later; the `old` profile is a perpetual build without them:
// https://learn.microsoft.com/javascript/api/requirement-sets/common/add-in-commands-requirement-sets
//
// Each build is the table's minimum for the profile's ExcelApi version.
//
// | profile | platform      | ExcelApi up to | build                                  | ribbon commands |
// |---------|---------------|----------------|----------------------------------------|-----------------|
// | web     | OfficeOnline  | 1.17           | (always current)                       | yes             |
// | windows | PC            | 1.17           | 16.0.16130.20332 (Version 2302)        | yes             |
// | mac     | Mac           | 1.16           | 16.64 (16.70 already has ExcelApi 1.17) | yes            |
// | old     | PC            | 1.7            | 16.0.9001.2171 (Version 1801): volume-licensed Office 2019, whose ExcelApi stops at 1.7 and which has no add-in commands (volume-licensed Office needs 2021, Version 1809) | no |
//
// `withExcelApi(profile, minor)` lowers a profile to an earlier ExcelApi version (e.g. 1.12, the
// last before Table.resize) with the minimum Windows build the table gives for it.

export type HostName = "web" | "windows" | "mac" | "old";

export interface HostProfile {
  platform: "OfficeOnline" | "PC" | "Mac";
  /** Highest ExcelApi 1.x minor version supported. */
  excelApi: number;
  /**
   * The error code a batch fails with while the user edits a cell. The documented code is
   * InvalidOperationInCellEditMode (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes);
   * the reference gives no requirement set for it or for `delayForCellEdit`, so which old builds
   * use it is not documented. Profiles below ExcelApi 1.11 assume, pessimistically, the generic
   * InvalidOperation with an edit-mode message (and that `delayForCellEdit` is ignored).
   */
  cellEditCode: "InvalidOperationInCellEditMode" | "InvalidOperation";
  /** Other requirement sets: name (lower case) -> highest 1.x minor version. */
  sets: Record<string, number>;
  version: string;
}

export const HOST_PROFILES: Record<HostName, HostProfile> = {
  web: {
    platform: "OfficeOnline",
    excelApi: 17,
    cellEditCode: "InvalidOperationInCellEditMode",
    sets: { excelapionline: 1, dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.0.18000.10000",
  },
  windows: {
    platform: "PC",
    excelApi: 17,
    cellEditCode: "InvalidOperationInCellEditMode",
    sets: { dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.0.16130.20332",
  },
  mac: {
    platform: "Mac",
    excelApi: 16,
    cellEditCode: "InvalidOperationInCellEditMode",
    sets: { dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.64",
  },
  old: {
    platform: "PC",
    excelApi: 7,
    cellEditCode: "InvalidOperation",
    sets: { dialogapi: 1 },
    version: "16.0.9001.2171",
  },
};

/**
 * Minimum Office on Windows (Microsoft 365) build per ExcelApi 1.x minor version, from the
 * requirement-set table above.
 */
export const WINDOWS_MIN_BUILDS: Readonly<Record<number, string>> = {
  1: "16.0.4266.1001",
  2: "16.0.6741.2088",
  3: "16.0.7369.2055",
  4: "16.0.7870.2024",
  5: "16.0.8067.2070",
  6: "16.0.8201.2001",
  7: "16.0.9001.2171",
  8: "16.0.10730.20102",
  9: "16.0.11425.20204",
  10: "16.0.11929.20306",
  11: "16.0.12527.20470",
  12: "16.0.13127.20408",
  13: "16.0.13801.20738",
  14: "16.0.14326.20508",
  15: "16.0.14931.20132",
  16: "16.0.15601.20148",
  17: "16.0.16130.20332",
};

/**
 * `profile` lowered to ExcelApi 1.`minor` (never raised): APIs from later sets fail with
 * ApiNotFound, cell-edit mode is reported as before 1.11 when below it, and a Windows profile
 * reports the first build with that set. Other requirement sets stay as they are.
 */
export function withExcelApi(profile: HostProfile, minor: number): HostProfile {
  const excelApi = Math.max(1, Math.min(profile.excelApi, Math.floor(minor)));
  return {
    ...profile,
    excelApi,
    cellEditCode: excelApi >= 11 ? "InvalidOperationInCellEditMode" : "InvalidOperation",
    version: profile.platform === "PC" ? (WINDOWS_MIN_BUILDS[excelApi] ?? profile.version) : profile.version,
  };
}

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
