/** The default schema lives in core (the CLI uses it too); re-exported for the Excel layer's callers. */
export { DEFAULT_SCHEMA } from "../core/index";
