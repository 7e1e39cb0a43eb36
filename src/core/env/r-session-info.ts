/**
 * R's `sessionInfo()` as it prints (also with knitr's `## ` or reprex's `#> ` prefixes): the R
 * version line, then `other attached packages:` and `loaded via a namespace` lists of
 * `name_version` items after `[n]` indices. Base packages ship with R, so R's version stands
 * for them.
 */
import { emptyInput, noPackages, skippedLine, splitLines } from "./lines";
import type { EnvIssue, EnvPackage, EnvParseResult, Interpreters } from "./types";

const PREFIX = /^\s*(?:#+>?|#>)\s?/;
const R_VERSION = /^R version (\d+\.\d+\.\d+)/;
const ITEM = /^([A-Za-z][A-Za-z0-9.]*)_(\d[0-9.-]*)$/;

type Section = "none" | "base" | "packages" | "other";

/** Parses `sessionInfo()` output. */
export function parseRSessionInfo(text: string): EnvParseResult {
  if (text.trim() === "") return emptyInput("sessionInfo() in R");
  const interpreters: Interpreters = {};
  const packages: EnvPackage[] = [];
  const warnings: EnvIssue[] = [];
  let section: Section = "none";
  splitLines(text).forEach((raw, i) => {
    const prefix = PREFIX.exec(raw)?.[0] ?? "";
    const line = raw.slice(prefix.length);
    const trimmed = line.trim();
    const version = R_VERSION.exec(trimmed);
    if (version?.[1]) {
      interpreters.r = version[1];
      return;
    }
    if (/^attached base packages:/.test(trimmed)) section = "base";
    else if (/^other attached packages:/.test(trimmed) || /^loaded via a namespace/.test(trimmed)) section = "packages";
    else if (/^[A-Za-z][A-Za-z ()]*:/.test(trimmed)) section = "other";
    else if (section === "packages" && trimmed !== "") {
      let column = prefix.length + (line.length - line.trimStart().length) + 1;
      for (const token of trimmed.split(/(\s+)/)) {
        const item = ITEM.exec(token);
        if (item?.[1] && item[2]) packages.push({ manager: "r", name: item[1], version: item[2], source: "" });
        else if (token.trim() !== "" && !/^\[\d+\]$/.test(token))
          warnings.push(skippedLine(i + 1, column, `"${token}" on line ${i + 1} is not name_version; it was skipped.`));
        column += token.length;
      }
    }
  });
  if (interpreters.r === undefined && packages.length === 0)
    return noPackages('This is not sessionInfo() output: no "R version" line and no package list.', warnings);
  return { ok: true, value: { format: "r-session-info", packages, interpreters }, warnings };
}
