/**
 * `conda list --export` (`name=version=build` lines under `# platform:` comments) and the plain
 * `conda list` table (`name  version  build  channel`), which people paste just as often.
 */
import { withCuda } from "./interpreters";
import { emptyInput, noPackages, skippedLine, splitLines } from "./lines";
import { packageKey } from "./names";
import { parseCondaSpec } from "./conda-spec";
import type { EnvIssue, EnvPackage, EnvParseResult, Interpreters } from "./types";

/** Parses `conda list --export` or `conda list` output. */
export function parseCondaList(text: string): EnvParseResult {
  if (text.trim() === "") return emptyInput("conda list --export");
  const packages: EnvPackage[] = [];
  const warnings: EnvIssue[] = [];
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("@")) return;
    const cols = line.split(/\s+/);
    let pkg: EnvPackage | null = null;
    if (cols.length === 1) pkg = parseCondaSpec(line);
    else if (cols.length >= 2 && cols.length <= 4 && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(cols[0] ?? "")) {
      const [name = "", version = "", build = "", channel = ""] = cols;
      pkg =
        channel === "pypi" || build.startsWith("pypi_")
          ? { manager: "pip", name, version, source: "pypi" }
          : {
              manager: "conda",
              name,
              version,
              source: [channel, build ? `build ${build}` : ""].filter((s) => s).join(", "),
            };
    }
    if (pkg) packages.push(pkg);
    else {
      const column = raw.length - raw.trimStart().length + 1;
      warnings.push(skippedLine(i + 1, column, `Line ${i + 1} was skipped: "${line}" is not name=version=build.`));
    }
  });
  if (packages.length === 0)
    return noPackages("No package line was found (expected lines such as numpy=1.26.4=py311h64a7726_0).", warnings);
  const interpreters: Interpreters = {};
  for (const p of packages) {
    if (p.manager !== "conda" || !p.version) continue;
    if (packageKey(p.name) === "python") interpreters.python = p.version;
    if (packageKey(p.name) === "r-base") interpreters.r = p.version;
  }
  return {
    ok: true,
    value: { format: "conda-list", packages, interpreters: withCuda(interpreters, packages) },
    warnings,
  };
}
