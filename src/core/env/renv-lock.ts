/**
 * `renv.lock` (JSON): `R.Version`, optional `Python.Version`, and `Packages` keyed by name with
 * `Version` and `Source` (`Repository` + `Repository: CRAN`, `GitHub` with `RemoteUsername`,
 * `RemoteRepo` and `RemoteSha`, `Bioconductor`, `Local`).
 */
import { emptyInput, issueAt, noPackages, positionOf, skippedLine } from "./lines";
import type { EnvIssue, EnvPackage, EnvParseResult, Interpreters } from "./types";

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Where renv says a package came from, as one short text. */
function sourceOf(entry: Record<string, unknown>): string {
  const source = str(entry.Source);
  if (source === "Repository") return str(entry.Repository) || "Repository";
  if (source === "GitHub" || source === "GitLab" || source === "Bitbucket") {
    const repo = `${str(entry.RemoteUsername)}/${str(entry.RemoteRepo)}`;
    const sha = str(entry.RemoteSha);
    return `${source.toLowerCase()}:${repo}${sha ? `@${sha}` : ""}`;
  }
  return source;
}

/** The offset JSON.parse's message names (`at position 12`), where the engine gives one. */
function errorOffset(message: string): number {
  const m = /position (\d+)/.exec(message);
  return m?.[1] ? Number(m[1]) : 0;
}

/** Parses an renv.lock file. Invalid JSON is an error at the line and column where it breaks. */
export function parseRenvLock(text: string): EnvParseResult {
  if (text.trim() === "") return emptyInput("the renv.lock file");
  const body = text.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : "parse error";
    const pos = positionOf(body, errorOffset(message));
    return {
      ok: false,
      issues: [issueAt(pos.line, pos.column, "syntax", "error", `The renv.lock is not valid JSON here (${message}).`)],
    };
  }
  const root = record(json);
  const pkgs = record(root?.Packages);
  if (!root || !pkgs) {
    return noPackages('This JSON has no "Packages" object: paste the whole renv.lock.');
  }
  const interpreters: Interpreters = {};
  const r = str(record(root.R)?.Version);
  if (r) interpreters.r = r;
  const py = str(record(root.Python)?.Version);
  if (py) interpreters.python = py;
  const packages: EnvPackage[] = [];
  const warnings: EnvIssue[] = [];
  for (const [key, value] of Object.entries(pkgs)) {
    const entry = record(value);
    const version = str(entry?.Version);
    if (!entry || version === "") {
      const pos = positionOf(body, Math.max(0, body.indexOf(JSON.stringify(key))));
      warnings.push(
        skippedLine(pos.line, pos.column, `The package ${key} (line ${pos.line}) has no Version; it was skipped.`),
      );
      continue;
    }
    packages.push({ manager: "renv", name: str(entry.Package) || key, version, source: sourceOf(entry) });
  }
  return { ok: true, value: { format: "renv-lock", packages, interpreters }, warnings };
}
