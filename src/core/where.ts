/**
 * Constraints on runs (`latency_ms <= 50`, `dataset = cifar10`): parsing the text form users
 * type in the pane or on the command line, and checking a run against them.
 */
import { fail, ok, type Problem, type Result } from "./result";
import type { RunValue } from "./runs";
import type { RunSchema } from "./schema-types";
import { parseNumberText } from "./cell-value";
import { findColumn } from "./names";
import type { Constraint, ConstraintOp } from "./where-types";

const CLAUSE = /^\s*([^<>=!]+?)\s*(<=|>=|!=|==|=|<|>)\s*(.+?)\s*$/;

function parseValue(text: string): number | string | boolean {
  const t = text.trim();
  const quoted = /^(["'])(.*)\1$/.exec(t);
  if (quoted) return quoted[2] ?? "";
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const n = parseNumberText(t);
  return n ? n.value : t;
}

/**
 * Parses `"latency_ms<=50, dataset=cifar10"` (clauses separated by commas, `;` or `and`) into
 * constraints. Column names are matched to the schema ignoring case and spaces; an unknown
 * column or a clause without an operator is an error with the fix.
 */
export function parseWhere(text: string, schema?: RunSchema): Result<Constraint[], Problem> {
  const clauses = text
    .split(/\s*(?:,|;|\band\b|&&)\s*/i)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const out: Constraint[] = [];
  const problems: Problem[] = [];
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause);
    if (!m || !m[1] || !m[2] || m[3] === undefined) {
      problems.push({
        code: "bad_constraint",
        message: `"${clause}" is not a constraint: write it as column<=value, e.g. latency_ms<=50.`,
      });
      continue;
    }
    let column = m[1].trim();
    if (schema) {
      const spec = findColumn(schema, column);
      if (!spec) {
        problems.push({
          code: "unknown_column",
          message: `The constraint "${clause}" names a column "${column}" that is not in the schema: check the spelling.`,
        });
        continue;
      }
      column = spec.name;
    }
    const op = (m[2] === "==" ? "=" : m[2]) as ConstraintOp;
    out.push({ column, op, value: parseValue(m[3]) });
  }
  return problems.length ? fail(...problems) : ok(out);
}

function compare(a: number | string | boolean, b: number | string | boolean): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Text of a constraint as users write it (`latency_ms <= 50`). */
export function constraintText(c: Constraint): string {
  return `${c.column} ${c.op} ${typeof c.value === "string" ? c.value : String(c.value)}`;
}

/**
 * Checks a value against a constraint: null when it holds, otherwise the reason (an empty
 * value never satisfies a constraint: a run without latency is not "fast enough").
 */
export function constraintFails(value: RunValue | undefined, c: Constraint): string | null {
  if (value === null || value === undefined) return `${c.column} is empty, so ${constraintText(c)} cannot be checked`;
  if (typeof c.value === "number" && typeof value !== "number")
    return `${c.column} is not a number, so ${constraintText(c)} cannot be checked`;
  const d = compare(value, c.value);
  const holds =
    c.op === "<"
      ? d < 0
      : c.op === "<="
        ? d <= 0
        : c.op === ">"
          ? d > 0
          : c.op === ">="
            ? d >= 0
            : c.op === "="
              ? d === 0
              : d !== 0;
  return holds ? null : `${c.column} is ${String(value)}, which fails ${constraintText(c)}`;
}
