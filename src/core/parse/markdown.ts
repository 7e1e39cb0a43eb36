/**
 * Markdown pipe tables, as pandas `to_markdown()` (tabulate "pipe") prints them: an alignment
 * row under the header (`|:---|---:|`), an unnamed index column, cells padded with spaces.
 */
import { uniqueColumns, type RawTable } from "./raw";
import { skippedLines } from "./pydict";
import type { ParseIssue } from "./types";

/** What a Hugging Face model card's results table shows for a loss that was not logged yet. */
const NO_LOG = "No log";

const ALIGN = /^\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?$/;

/** Splits one table line into trimmed cells, honouring `\|` escapes. */
export function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && s[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/** True for a header separator such as `|---:|:----|`. */
export function isAlignmentRow(line: string): boolean {
  return line.includes("-") && ALIGN.test(line.trim());
}

/** Parses the first pipe table of the text; other lines are skipped with a warning. */
export function parseMarkdown(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let header: string[] | null = null;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    const line = i + 1;
    if (src.trim() === "") continue;
    if (!src.trim().startsWith("|") && !(header && src.includes("|"))) {
      if (skipped === 0) firstSkipped = line;
      skipped++;
      continue;
    }
    if (isAlignmentRow(src)) continue;
    const cells = splitPipeRow(src);
    if (header) for (let k = 0; k < cells.length; k++) if (cells[k] === NO_LOG) cells[k] = "";
    if (!header) {
      header = uniqueColumns(cells, line, issues);
      continue;
    }
    const width = header.length;
    if (cells.length > width && cells.slice(width).some((c) => c !== "")) {
      issues.push({
        line,
        code: "too_many_fields",
        severity: "error",
        message: `Line ${line} has ${cells.length} cells but the header has ${width}.`,
        fix: "Escape a | inside a value as \\|, or add the missing column to the header.",
      });
    }
    while (cells.length < width) cells.push("");
    rows.push(cells.slice(0, width));
    rowLines.push(line);
  }
  if (skipped > 0) issues.push(skippedLines(skipped, firstSkipped, "part of the table"));
  return {
    format: "markdown",
    columns: header ?? [],
    rows,
    rowLines,
    issues,
    textual: true,
    commaHint: "thousands",
    stepLog: false,
  };
}
