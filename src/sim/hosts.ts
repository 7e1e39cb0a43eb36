// Host profiles: which requirement sets each simulated Excel answers yes to, and its build.
// ExcelApi versions and builds follow the requirement-set table:
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
// Ribbon buttons (add-in commands, AddinCommands 1.1) need Microsoft 365, or a volume-licensed
// perpetual Office 2021 or later; the `old` profile is a perpetual build without them:
// https://learn.microsoft.com/javascript/api/requirement-sets/common/add-in-commands-requirement-sets
//
// | profile | platform      | ExcelApi up to | build                           | ribbon commands |
// |---------|---------------|----------------|---------------------------------|-----------------|
// | web     | OfficeOnline  | 1.17           | (always current)                | yes             |
// | windows | PC            | 1.17           | 16.0.17126.20132 (Version 2312) | yes             |
// | mac     | Mac           | 1.16           | 16.70                           | yes             |
// | old     | PC            | 1.7            | 16.0.9001.2171 (Version 1801, the first build with ExcelApi 1.7) | no |

export type HostName = "web" | "windows" | "mac" | "old";

export interface HostProfile {
  platform: "OfficeOnline" | "PC" | "Mac";
  /** Highest ExcelApi 1.x minor version supported. */
  excelApi: number;
  /**
   * The error code a batch fails with while the user edits a cell. Hosts from ExcelApi 1.11 (when
   * `delayForCellEdit` arrived) report InvalidOperationInCellEditMode; older builds report the
   * generic InvalidOperation with an edit-mode message.
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
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
    version: "16.0.17126.20132",
  },
  mac: {
    platform: "Mac",
    excelApi: 16,
    cellEditCode: "InvalidOperationInCellEditMode",
    sets: { dialogapi: 2, sharedruntime: 1, ribbonapi: 1, addincommands: 1, identityapi: 3 },
    version: "16.70",
  },
  old: {
    platform: "PC",
    excelApi: 7,
    cellEditCode: "InvalidOperation",
    sets: { dialogapi: 1 },
    version: "16.0.9001.2171",
  },
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
