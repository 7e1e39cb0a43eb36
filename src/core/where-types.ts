/** Types of constraints (see where.ts). */
export type ConstraintOp = "<" | "<=" | ">" | ">=" | "=" | "!=";

/** One constraint on a run, e.g. `latency_ms <= 50` or `dataset = cifar10`. */
export interface Constraint {
  column: string;
  op: ConstraintOp;
  value: number | string | boolean;
}
