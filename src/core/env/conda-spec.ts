/** One conda package spec as `conda env export` and `conda list --export` write it. */
import type { EnvPackage } from "./types";

/**
 * Reads `name=version=build`, `channel::name=version=build`, `name==version` or `name>=1.0`
 * into a package; null when the text is not a conda spec. A `pypi_0` build marks a package
 * pip installed into the conda environment.
 */
export function parseCondaSpec(text: string): EnvPackage | null {
  const spec = text.trim();
  const m =
    /^(?:([A-Za-z0-9_./:-]+)::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:\s*(==?|>=|<=|>|<|!=|~=)\s*([^=\s]+)(?:=([^=\s]+))?)?$/.exec(
      spec,
    );
  if (!m || m[2] === undefined) return null;
  const channel = m[1] ?? "";
  const op = m[3] ?? "";
  const version = m[4] === undefined ? "" : op === "=" || op === "==" ? m[4] : `${op}${m[4]}`;
  const build = m[5] ?? "";
  if (build.startsWith("pypi_")) return { manager: "pip", name: m[2], version, source: "pypi" };
  const source = [channel, build ? `build ${build}` : ""].filter((s) => s !== "").join(", ");
  return { manager: "conda", name: m[2], version, source };
}
