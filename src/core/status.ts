/**
 * Run status words from other tools mapped onto RunSheet's vocabulary, so a filter on
 * `finished` keeps MLflow's FINISHED, Optuna's COMPLETE and W&B's finished alike.
 */

/** RunSheet's status words. Pruned (Optuna) and killed stay distinct from failed. */
export const STATUS_WORDS = ["finished", "failed", "running", "queued", "killed", "pruned"] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];

const SYNONYMS: Readonly<Record<string, StatusWord>> = {
  finished: "finished",
  finish: "finished",
  complete: "finished",
  completed: "finished",
  done: "finished",
  success: "finished",
  succeeded: "finished",
  successful: "finished",
  failed: "failed",
  fail: "failed",
  failure: "failed",
  error: "failed",
  errored: "failed",
  crashed: "failed",
  running: "running",
  active: "running",
  queued: "queued",
  queue: "queued",
  pending: "queued",
  waiting: "queued",
  scheduled: "queued",
  killed: "killed",
  cancelled: "killed",
  canceled: "killed",
  pruned: "pruned",
};

/**
 * The RunSheet status a tool's status text means (`COMPLETE` -> `finished`, `crashed` ->
 * `failed`), ignoring case and surrounding spaces; any other text comes back trimmed and
 * lower-cased, so custom statuses still compare case-insensitively.
 */
export function normalizeStatus(text: string): string {
  const t = text.trim().toLowerCase();
  // hasOwn: a status written "__proto__" or "constructor" is text, not the object's prototype.
  return (Object.hasOwn(SYNONYMS, t) ? SYNONYMS[t] : undefined) ?? t;
}
