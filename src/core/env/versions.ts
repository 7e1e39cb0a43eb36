/** Version ordering for the environment diff: PEP 440 releases, conda versions and R's `1.0-3`. */

const PRE = /^(?:a|alpha|b|beta|c|rc|pre|preview|dev)/i;

function release(version: string): { parts: number[]; rest: string } | null {
  const m = /^v?(\d+(?:[.-]\d+)*)(.*)$/i.exec(version.trim());
  if (!m || m[1] === undefined) return null;
  return { parts: m[1].split(/[.-]/).map(Number), rest: (m[2] ?? "").replace(/^[.-]/, "") };
}

/** Sort weight of what follows the release numbers: pre-releases before the release, post-releases after. */
function suffixWeight(rest: string): number {
  const bare = rest.split("+")[0] ?? "";
  if (bare === "") return 0;
  return PRE.test(bare) ? -1 : 1;
}

/**
 * Compares two versions: negative when `a` is older, positive when newer, 0 when equal, and
 * `null` when either is not a version at all (a specifier such as `>=1.2`, or empty). Local
 * labels (`+cu121`) decide only between otherwise equal versions.
 */
export function compareVersions(a: string, b: string): number | null {
  const ra = release(a);
  const rb = release(b);
  if (!ra || !rb) return null;
  const n = Math.max(ra.parts.length, rb.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (ra.parts[i] ?? 0) - (rb.parts[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const wa = suffixWeight(ra.rest);
  const wb = suffixWeight(rb.rest);
  if (wa !== wb) return wa < wb ? -1 : 1;
  if (ra.rest === rb.rest) return 0;
  return ra.rest < rb.rest ? -1 : 1;
}

/** The major.minor of a version (`12.1.105` -> `12.1`), or the text itself when it has no minor. */
export function majorMinor(version: string): string {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : version;
}
