/** What an issue in a list needs to say where it is. */
export interface LocatedIssue {
  /** 1-based line of the text; 0 or less: the text as a whole. */
  line: number;
  column?: string;
  message: string;
}

/**
 * The lead of an issue in the pane's lists ("Line 3, accuracy"), leaving out what its message
 * already says: core's messages stand alone (the CLI prints them too), and some name their line
 * and column, which read twice as "Line 3, accuracy: … in column "accuracy" on line 3 …".
 *
 * @returns the lead without its colon, or "" when the message already says both.
 */
export function issueLead(issue: LocatedIssue): string {
  const parts: string[] = [];
  if (issue.line <= 0) parts.push("The paste");
  else if (!new RegExp(`\\bline ${issue.line}\\b`, "i").test(issue.message)) parts.push(`Line ${issue.line}`);
  if (issue.column && !issue.message.includes(`"${issue.column}"`)) parts.push(issue.column);
  return parts.join(", ");
}
