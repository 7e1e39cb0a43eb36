/**
 * `conda env export` YAML (name, channels, dependencies with a nested `pip:` list, prefix),
 * read with the `yaml` library so every YAML form (flow lists, quotes, comments) is handled.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { withCuda } from "./interpreters";
import { emptyInput, issueAt, noPackages, positionOf, skippedLine } from "./lines";
import { packageKey } from "./names";
import { parseCondaSpec } from "./conda-spec";
import { parseRequirementLine } from "./requirements";
import type { EnvIssue, EnvPackage, EnvParseResult, Interpreters } from "./types";

function at(text: string, node: unknown): { line: number; column: number } {
  const range = node !== null && typeof node === "object" && "range" in node ? (node as Node).range : undefined;
  return positionOf(text, range?.[0] ?? 0);
}

/** Parses `conda env export` output; YAML errors come back with their line and column. */
export function parseCondaYaml(text: string): EnvParseResult {
  if (text.trim() === "") return emptyInput("conda env export");
  const body = text.replace(/^\uFEFF/, "");
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = positionOf(body, e.pos[0]);
        return issueAt(
          pos.line,
          pos.column,
          "syntax",
          "error",
          `The YAML is not valid here: ${e.message.split("\n")[0] ?? e.code}.`,
        );
      }),
    };
  }
  const deps = isMap(doc.contents) ? doc.contents.get("dependencies", true) : undefined;
  if (!isSeq(deps)) {
    const pos = at(body, doc.contents);
    return noPackages("The YAML has no dependencies list: paste the whole output of conda env export.", [], pos);
  }
  const packages: EnvPackage[] = [];
  const warnings: EnvIssue[] = [];
  const skip = (node: unknown, message: string): void => {
    const pos = at(body, node);
    warnings.push(skippedLine(pos.line, pos.column, `Line ${pos.line} was skipped: ${message}.`));
  };
  for (const item of deps.items) {
    if (isScalar(item)) {
      const pkg = parseCondaSpec(String(item.value));
      if (pkg) packages.push(pkg);
      else skip(item, `"${String(item.value)}" is not a conda package spec`);
    } else if (isMap(item) && isSeq(item.get("pip", true))) {
      const pip = item.get("pip", true);
      if (!isSeq(pip)) continue;
      for (const p of pip.items) {
        const read = isScalar(p) ? parseRequirementLine(String(p.value)) : null;
        if (read?.kind === "package") packages.push({ ...read.pkg, source: read.pkg.source || "pypi" });
        else if (read?.kind !== "ignored") skip(p, read ? read.message : "a pip entry must be a requirement line");
      }
    } else skip(item, "a dependency must be a package spec or a pip: list");
  }
  if (packages.length === 0) return noPackages("The dependencies list holds no package.", warnings);
  const interpreters: Interpreters = {};
  for (const p of packages) {
    const key = packageKey(p.name);
    if (p.manager === "conda" && key === "python" && p.version) interpreters.python = p.version;
    if (p.manager === "conda" && key === "r-base" && p.version) interpreters.r = p.version;
  }
  return {
    ok: true,
    value: { format: "conda-yaml", packages, interpreters: withCuda(interpreters, packages) },
    warnings,
  };
}
