/** Line helpers and the issues shared by the environment parsers. */
import { splitLines as splitTextLines } from "../parse/raw";
import type { EnvIssue } from "./types";

/** The text split into lines (CRLF, CR or LF), without a leading byte-order mark. */
export function splitLines(text: string): string[] {
  return splitTextLines(text.replace(/^\uFEFF/, ""));
}

/** An issue at a 1-based line and column. */
export function issueAt(
  line: number,
  column: number,
  code: EnvIssue["code"],
  severity: EnvIssue["severity"],
  message: string,
): EnvIssue {
  return { line, column, code, severity, message };
}

/** The 1-based line and column of a character offset in the text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** The result for an input that holds nothing but blanks. */
export function emptyInput(what: string): { ok: false; issues: EnvIssue[] } {
  return {
    ok: false,
    issues: [issueAt(1, 1, "empty_input", "error", `The text is empty: paste the output of ${what}.`)],
  };
}

/** The warning for a line (or item) a parser passed over; `message` says what and why. */
export function skippedLine(line: number, column: number, message: string): EnvIssue {
  return issueAt(line, column, "skipped_line", "warning", message);
}

/**
 * The result for an input in which no package was found: one `no_packages` error (at line 1,
 * column 1 unless `at` says where), followed by the warnings of the lines that were skipped.
 */
export function noPackages(
  message: string,
  warnings: readonly EnvIssue[] = [],
  at: { line: number; column: number } = { line: 1, column: 1 },
): { ok: false; issues: EnvIssue[] } {
  return { ok: false, issues: [issueAt(at.line, at.column, "no_packages", "error", message), ...warnings] };
}
