/**
 * The environment id: a content hash, so the same environment pasted twice, with its packages
 * in another order or other spacing, gets the same id, and any change of a version, a source
 * or an interpreter gets another.
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { packageKey } from "./names";
import type { Environment } from "./types";

/** The canonical text an id is the hash of: interpreters, then one sorted line per package. */
export function canonicalEnvironment(env: Pick<Environment, "packages" | "interpreters">): string {
  const lines = env.packages.map((p) => [p.manager, packageKey(p.name), p.version.trim(), p.source.trim()].join("\t"));
  lines.sort();
  const deduped = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
  const interp = (["python", "r", "cuda"] as const).map((k) => `${k}=${env.interpreters[k] ?? ""}`).join("\t");
  return `runsheet-env-v1\n${interp}\n${deduped.join("\n")}`;
}

/** The environment id (`env-` and 12 hex digits of SHA-256 of the canonical text). */
export function environmentId(env: Pick<Environment, "packages" | "interpreters">): string {
  return `env-${bytesToHex(sha256(utf8ToBytes(canonicalEnvironment(env)))).slice(0, 12)}`;
}
