/** Environments: parsers for every format, the content-hash id, and the diff. */
export * from "./types";
export { detectEnvFormat } from "./detect";
export { parseEnvironment, type IdentifiedEnvironment } from "./parse";
export { parseRequirements, parseRequirementLine } from "./requirements";
export { parseCondaYaml } from "./conda-yaml";
export { parseCondaList } from "./conda-list";
export { parseRSessionInfo } from "./r-session-info";
export { parseRenvLock } from "./renv-lock";
export { environmentId, canonicalEnvironment } from "./hash";
export { diffEnvironments, describeChange, type EnvChange, type EnvChangeKind, type EnvDiff } from "./diff";
export { compareVersions } from "./versions";
export { packageKey } from "./names";
export { ENVIRONMENTS_HEADER, INTERPRETER_MANAGER, environmentRows, environmentsFromGrid } from "./sheet";
