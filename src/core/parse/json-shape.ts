/**
 * The shared first step of readers for one tool's JSON document (DVC metrics, Trainer state,
 * TensorBoard HParams): read the document, check it has that tool's shape, and otherwise give
 * the one syntax issue that says which of the two went wrong.
 */
import { lineOfOffset } from "./json";
import { readLiteral, type Literal } from "./literal";
import { isRecord } from "./records";
import type { ParseIssue } from "./types";

/** The sentences of a tool reader's syntax issue. */
export interface ShapeWords {
  /** Names the text in "`what` is not valid on line N: ...", e.g. "The JSON". */
  what: string;
  /** Said when the text is valid JSON of another shape. */
  notThisTool: string;
  fix: string;
}

export type ShapedJson = { ok: true; value: { [key: string]: Literal } } | { ok: false; issue: ParseIssue };

/**
 * Reads `text` as one JSON object that `hasShape` accepts. Never throws: invalid JSON gives an
 * issue on the line of the error, JSON of another shape an issue on line 1.
 */
export function readShapedJson(text: string, hasShape: (v: Literal) => boolean, words: ShapeWords): ShapedJson {
  const r = readLiteral(text, 0, "json");
  if (r.ok && hasShape(r.value) && isRecord(r.value)) return { ok: true, value: r.value };
  const line = r.ok ? 1 : lineOfOffset(text, r.pos);
  return {
    ok: false,
    issue: {
      line,
      code: "syntax",
      severity: "error",
      message: r.ok ? words.notThisTool : `${words.what} is not valid on line ${line}: ${r.message}`,
      fix: words.fix,
    },
  };
}
