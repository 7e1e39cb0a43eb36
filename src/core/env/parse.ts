/** One entry point for every environment format: detect, parse, and name by content hash. */
import { parseCondaList } from "./conda-list";
import { parseCondaYaml } from "./conda-yaml";
import { detectEnvFormat } from "./detect";
import { environmentId } from "./hash";
import { parseRenvLock } from "./renv-lock";
import { parseRequirements } from "./requirements";
import { parseRSessionInfo } from "./r-session-info";
import type { EnvFormat, EnvIssue, EnvParseResult, Environment } from "./types";

const PARSERS: Record<EnvFormat, (text: string) => EnvParseResult> = {
  requirements: parseRequirements,
  "conda-yaml": parseCondaYaml,
  "conda-list": parseCondaList,
  "r-session-info": parseRSessionInfo,
  "renv-lock": parseRenvLock,
};

/** A parsed environment with its content-hash id. */
export interface IdentifiedEnvironment extends Environment {
  id: string;
}

/**
 * Parses a pasted environment in the given format, or the detected one. Never throws: every
 * problem is an issue with a 1-based line and column.
 */
export function parseEnvironment(
  text: string,
  format: EnvFormat = detectEnvFormat(text),
): { ok: true; value: IdentifiedEnvironment; warnings: EnvIssue[] } | { ok: false; issues: EnvIssue[] } {
  let result: EnvParseResult;
  try {
    result = PARSERS[format](text);
  } catch (e) {
    // A parser bug must not reach the user as a stack trace; fuzzing keeps this branch unused.
    return {
      ok: false,
      issues: [
        {
          line: 1,
          column: 1,
          code: "syntax",
          severity: "error",
          message: `The text could not be read (${e instanceof Error ? e.message : "unknown error"}).`,
        },
      ],
    };
  }
  if (!result.ok) return result;
  return { ok: true, value: { ...result.value, id: environmentId(result.value) }, warnings: result.warnings };
}
