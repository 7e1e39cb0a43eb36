/**
 * The sentence for co-authors' edits a fix overwrote and could not put back: each cell named
 * with its run and column and what it held, so the user can retype it. Pure: tested in tests/taskpane.
 */
import type { UnrestoredEdit } from "../../excel/index";

function quoted(value: string | number | boolean): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** "" when there is nothing to say. */
export function unrestoredSentence(edits: readonly UnrestoredEdit[]): string {
  if (edits.length === 0) return "";
  const cells = edits.map((e) => {
    const what = [e.runId !== undefined ? `run ${String(e.runId)}` : "", e.column ?? ""].filter(Boolean).join(", ");
    return `${e.sheet}!${e.address}${what ? ` (${what})` : ""} held ${quoted(e.value)}`;
  });
  const one = edits.length === 1;
  return (
    `Someone else edited ${one ? "a cell" : `${edits.length} cells`} while the fix was written, and Excel did not ` +
    `let RunSheet put ${one ? "it" : "them"} back: ${cells.join("; ")}. Please type ${one ? "it" : "them"} again.`
  );
}
