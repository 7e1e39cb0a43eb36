/**
 * Types of the environment parsers: a pasted `pip freeze`, conda export, R sessionInfo or
 * renv.lock becomes one list of packages plus the interpreter versions, whatever the format.
 */

/** Every environment format RunSheet reads. */
export const ENV_FORMATS = ["requirements", "conda-yaml", "conda-list", "r-session-info", "renv-lock"] as const;
export type EnvFormat = (typeof ENV_FORMATS)[number];

/** The package manager a package row belongs to (`pip` inside a conda YAML's `pip:` list). */
export type EnvManager = "pip" | "conda" | "r" | "renv";

/** One installed package. `version` is the pinned version, or the specifier text when not pinned (`>=1.2`). */
export interface EnvPackage {
  manager: EnvManager;
  name: string;
  version: string;
  /** Where it came from: a channel, a repository, a URL or path, `editable ...`; empty when the format does not say. */
  source: string;
}

/** Interpreter and toolkit versions, when the text shows them. */
export interface Interpreters {
  python?: string;
  r?: string;
  cuda?: string;
}

/** A parsed environment, before it gets its id. */
export interface Environment {
  format: EnvFormat;
  packages: EnvPackage[];
  interpreters: Interpreters;
}

/**
 * A problem at a place in the pasted text: 1-based line and column. Warnings leave the rest
 * of the environment usable (a line that is not a package); errors mean nothing is stored.
 */
export interface EnvIssue {
  line: number;
  column: number;
  code: "empty_input" | "syntax" | "skipped_line" | "no_packages" | "unknown_format";
  severity: "error" | "warning";
  message: string;
}

/** What every parser returns: the environment and its warnings, or the errors. */
export type EnvParseResult = { ok: true; value: Environment; warnings: EnvIssue[] } | { ok: false; issues: EnvIssue[] };
