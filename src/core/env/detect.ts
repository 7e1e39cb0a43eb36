/** Tells which environment format a pasted text is, from what each tool always prints. */
import { splitLines } from "./lines";
import type { EnvFormat } from "./types";

/**
 * The format of a pasted environment: JSON is renv.lock, an `R version` line or R's section
 * titles are sessionInfo(), top-level `dependencies:`/`channels:` keys are conda YAML,
 * `name=version=build` lines (single `=`) are conda list, anything else a requirements file.
 */
export function detectEnvFormat(text: string): EnvFormat {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body.startsWith("{")) return "renv-lock";
  if (
    /^\s*(?:#+>?\s?)?\s*R version \d/m.test(body) ||
    /(?:^|\n)\s*(?:#+>?\s?)?\s*(?:other attached|attached base) packages:/.test(body)
  )
    return "r-session-info";
  if (/^(?:dependencies|channels):/m.test(body)) return "conda-yaml";
  let conda = 0;
  let pip = 0;
  for (const raw of splitLines(body)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      if (/^# platform: /.test(line)) conda += 2;
      continue;
    }
    if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*=[^=\s]+(?:=[^=\s]+)?$/.test(line)) conda++;
    else if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*\s+\d\S*(?:\s+\S+){0,2}$/.test(line)) conda++;
    else pip++;
  }
  return conda > pip ? "conda-list" : "requirements";
}
