/**
 * Requirements files as `pip freeze`, `uv pip freeze`, `poetry export` and hand-written
 * `requirements.txt` print them: `name==1.0`, `name[extra]>=1 ; marker`, `name @ url`,
 * `-e path-or-url`, `--hash` continuation lines, comments and index options.
 */
import { emptyInput, noPackages, skippedLine, splitLines } from "./lines";
import { withCuda } from "./interpreters";
import { PYTHON_NAME } from "./names";
import type { EnvIssue, EnvPackage, EnvParseResult, Interpreters } from "./types";

/** One requirement line read: the package, or why the line is not one. */
export type RequirementLine =
  { kind: "package"; pkg: EnvPackage } | { kind: "ignored" } | { kind: "invalid"; column: number; message: string };

/** Options that configure pip rather than name a package: skipped without a warning. */
const PIP_OPTIONS =
  /^(?:-i|--index-url|--extra-index-url|--no-index|-f|--find-links|--trusted-host|--pre|--prefer-binary|--only-binary|--no-binary|--require-hashes|--use-feature)\b/;

/** `# Editable install with no version control (name==1.0)`: the comment pip freeze writes above an `-e` line. */
const EDITABLE_COMMENT = /^#\s*Editable .*\(([^()=\s]+)==([^()\s]+)\)\s*$/;

const PYTHON_COMMENT = /^#\s*python(?:[ _-]?version)?\s*[:=]*\s*v?(\d+\.\d+(?:\.\d+)?)\b/i;

/** The name an editable or direct-URL requirement installs: `#egg=name`, else the last path segment. */
function nameFromLocation(location: string): string {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(location);
  if (egg?.[1]) return egg[1];
  const path = location.split(/[#?]/)[0] ?? "";
  const last = path.replace(/\/+$/, "").split(/[\\/]/).pop() ?? "";
  return last.replace(/\.git$/, "");
}

/**
 * Reads one logical requirement line (continuations already joined, comments removed).
 * Pure and total: any text gives a result, never an exception.
 */
export function parseRequirementLine(text: string, manager: EnvPackage["manager"] = "pip"): RequirementLine {
  const line = text.trim();
  if (line === "") return { kind: "ignored" };
  if (/^(?:-e|--editable)(?:\s+|=)/.test(line)) {
    const location = line.replace(/^(?:-e|--editable)(?:\s+|=)/, "").trim();
    const name = nameFromLocation(location);
    if (!PYTHON_NAME.test(name))
      return { kind: "invalid", column: 1, message: `cannot tell which package "${location}" installs` };
    return { kind: "package", pkg: { manager, name, version: "", source: `editable ${location}` } };
  }
  if (PIP_OPTIONS.test(line)) return { kind: "ignored" };
  if (line.startsWith("-"))
    return {
      kind: "invalid",
      column: 1,
      message: `"${line.split(/\s/)[0] ?? line}" is an option RunSheet does not follow (a nested file or constraint)`,
    };
  // Environment markers (`; python_version < "3.12"`) and per-requirement options (`--hash=`) describe where, not what.
  const body = (line.split(";")[0] ?? "").split(/\s--/)[0]?.trim() ?? "";
  const direct = /^([^\s@[\]]+)\s*(?:\[[^\]]*\])?\s*@\s*(\S+)$/.exec(body);
  if (direct?.[1] && direct[2]) {
    if (!PYTHON_NAME.test(direct[1]))
      return { kind: "invalid", column: 1, message: `"${direct[1]}" is not a package name` };
    return { kind: "package", pkg: { manager, name: direct[1], version: "", source: direct[2] } };
  }
  const m = /^([^\s[\]<>=!~(;]+)\s*(\[[^\]]*\])?\s*\(?\s*([^)]*?)\s*\)?$/.exec(body);
  const name = m?.[1];
  if (!m || !name || !PYTHON_NAME.test(name)) {
    return { kind: "invalid", column: 1, message: `"${body}" is not a package requirement (expected name==version)` };
  }
  const spec = (m[3] ?? "").replace(/\s+/g, "");
  if (spec !== "" && !/^(?:(?:===?|~=|!=|<=?|>=?)[^,<>=!~]+)(?:,(?:===?|~=|!=|<=?|>=?)[^,<>=!~]+)*$/.test(spec)) {
    return {
      kind: "invalid",
      column: line.indexOf(spec.charAt(0)) + 1,
      message: `"${spec}" is not a version specifier`,
    };
  }
  const pinned = /^===?([^,*]+)$/.exec(spec);
  return { kind: "package", pkg: { manager, name, version: pinned?.[1] ?? spec, source: "" } };
}

/**
 * Parses a requirements file. Lines that are not packages are warnings with their line and
 * column, so one odd line never loses the rest; no package at all is an error.
 */
export function parseRequirements(text: string): EnvParseResult {
  if (text.trim() === "") return emptyInput("pip freeze (or your requirements.txt)");
  const lines = splitLines(text);
  const packages: EnvPackage[] = [];
  const warnings: EnvIssue[] = [];
  const interpreters: Interpreters = {};
  let editable: { name: string; version: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    let logical = lines[i] ?? "";
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      logical = logical.replace(/\\\s*$/, " ") + (lines[++i] ?? "");
    }
    const trimmed = logical.trim();
    if (trimmed.startsWith("#")) {
      const e = EDITABLE_COMMENT.exec(trimmed);
      editable = e?.[1] && e[2] ? { name: e[1], version: e[2] } : undefined;
      const py = PYTHON_COMMENT.exec(trimmed);
      if (py?.[1]) interpreters.python = py[1];
      continue;
    }
    // A ` #` starts a comment, but `#egg=` inside a URL does not.
    const code = logical.replace(/(^|\s)#.*$/, "");
    const read = parseRequirementLine(code);
    if (read.kind === "invalid") {
      const indent = logical.length - logical.trimStart().length;
      warnings.push(skippedLine(startLine, indent + read.column, `Line ${startLine} was skipped: ${read.message}.`));
    } else if (read.kind === "package") {
      const pkg = read.pkg;
      if (editable && pkg.source.startsWith("editable ")) {
        pkg.name = editable.name;
        pkg.version = editable.version;
      }
      packages.push(pkg);
    }
    if (trimmed !== "") editable = undefined;
  }
  if (packages.length === 0)
    return noPackages("No package line was found (expected lines such as numpy==2.1.3).", warnings);
  return {
    ok: true,
    value: { format: "requirements", packages, interpreters: withCuda(interpreters, packages) },
    warnings,
  };
}
