// A deliberately small formula evaluator: enough for the formulas an add-in writes (arithmetic,
// comparisons, & concatenation, cell/range references on any sheet, and a handful of functions).
// Unknown functions evaluate to #NAME?, as in Excel; a syntax error is reported to the writer
// (Excel rejects such input with InvalidArgument).
import { parseAddress, type Rect } from "./address";
import type { Scalar } from "./cell-input";

export interface FormulaValue {
  v: Scalar;
  err?: boolean;
}

/** Reads a cell's value for references; `sheet` undefined means the formula's own sheet. */
export type CellReader = (sheet: string | undefined, r: number, c: number) => FormulaValue;

type Token =
  | { t: "err"; v: string }
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

const REF = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const errLit = /^#(REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!)/.exec(rest);
    if (errLit) {
      out.push({ t: "err", v: errLit[0] });
      i += errLit[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new SyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[A-Za-z_][\w.]*\(/.test(rest)) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w.]*/.exec(rest);
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),:%])/.exec(rest);
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new SyntaxError(`unexpected '${ch}'`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar; err?: boolean }
  | { k: "ref"; sheet: string | undefined; rect: Rect }
  | { k: "un"; op: string; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}
  parse(): Node {
    const n = this.cmp();
    if (this.i < this.toks.length) throw new SyntaxError("trailing input");
    return n;
  }
  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === "op" && t.v === v;
  }
  private take(): Token {
    const t = this.toks[this.i++];
    if (!t) throw new SyntaxError("unexpected end");
    return t;
  }
  private binary(next: () => Node, ops: string[]): Node {
    let a = next();
    for (;;) {
      const t = this.peek();
      if (t?.t !== "op" || !ops.includes(t.v)) return a;
      this.i++;
      a = { k: "bin", op: t.v, a, b: next() };
    }
  }
  private cmp = (): Node => this.binary(this.concat, ["=", "<>", "<", ">", "<=", ">="]);
  private concat = (): Node => this.binary(this.add, ["&"]);
  private add = (): Node => this.binary(this.mul, ["+", "-"]);
  private mul = (): Node => this.binary(this.pow, ["*", "/"]);
  private pow = (): Node => this.binary(this.unary, ["^"]);
  private unary = (): Node => {
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.take() as { v: string }).v;
      return { k: "un", op, a: this.unary() };
    }
    const n = this.primary();
    if (this.isOp("%")) {
      this.i++;
      return { k: "bin", op: "/", a: n, b: { k: "lit", v: 100 } };
    }
    return n;
  };
  private primary(): Node {
    const t = this.take();
    if (t.t === "num") return { k: "lit", v: t.v };
    if (t.t === "err") return { k: "lit", v: t.v, err: true };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "ref") {
      const parsed = parseAddress(t.v);
      if (!parsed) throw new SyntaxError(`bad reference ${t.v}`);
      return { k: "ref", sheet: parsed.sheet, rect: parsed.rect };
    }
    if (t.t === "id") {
      if (this.isOp("(")) {
        this.i++;
        const args: Node[] = [];
        if (!this.isOp(")")) {
          for (;;) {
            args.push(this.cmp());
            if (this.isOp(",")) {
              this.i++;
              continue;
            }
            break;
          }
        }
        if (!this.isOp(")")) throw new SyntaxError("expected )");
        this.i++;
        return { k: "call", name: t.v, args };
      }
      if (t.v === "TRUE" || t.v === "FALSE") return { k: "lit", v: t.v === "TRUE" };
      // A bare name that is not a defined name: Excel shows #NAME?.
      return { k: "lit", v: "#NAME?", err: true };
    }
    if (t.v === "(") {
      const n = this.cmp();
      if (!this.isOp(")")) throw new SyntaxError("expected )");
      this.i++;
      return n;
    }
    if (t.v === "#") throw new SyntaxError("unexpected #");
    throw new SyntaxError(`unexpected ${t.v}`);
  }
}

/** Throws SyntaxError when `formula` (starting with "=") cannot be parsed. */
export function checkFormula(formula: string): void {
  new Parser(tokenize(formula.slice(1))).parse();
}

class FormulaError {
  constructor(readonly code: string) {}
}

type Val = Scalar | Scalar[];

function num(v: Scalar): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError("#VALUE!");
  return n;
}

function scalar(v: Val): Scalar {
  if (Array.isArray(v)) return v[0] ?? "";
  return v;
}

/** Evaluates a formula; returns an error value (#DIV/0!, #NAME?, ...) rather than throwing. */
export function evaluateFormula(formula: string, read: CellReader): FormulaValue {
  try {
    const node = new Parser(tokenize(formula.slice(1))).parse();
    const v = scalar(evalNode(node, read));
    return { v: v === "" && node.k === "ref" ? 0 : v };
  } catch (e) {
    if (e instanceof FormulaError) return { v: e.code, err: true };
    return { v: "#NAME?", err: true };
  }
}

function evalNode(n: Node, read: CellReader): Val {
  switch (n.k) {
    case "lit":
      if (n.err) throw new FormulaError(String(n.v));
      return n.v;
    case "ref": {
      const out: Scalar[] = [];
      const rows = Math.min(n.rect.r1, n.rect.r0 + 100_000);
      for (let r = n.rect.r0; r <= rows; r++) {
        for (let c = n.rect.c0; c <= n.rect.c1; c++) {
          const cell = read(n.sheet, r, c);
          if (cell.err) throw new FormulaError(String(cell.v));
          out.push(cell.v);
        }
      }
      return out.length === 1 ? (out[0] ?? "") : out;
    }
    case "un": {
      const a = num(scalar(evalNode(n.a, read)));
      return n.op === "-" ? -a : a;
    }
    case "bin": {
      const a = scalar(evalNode(n.a, read));
      const b = scalar(evalNode(n.b, read));
      switch (n.op) {
        case "&":
          return `${a}${b}`;
        case "+":
          return num(a) + num(b);
        case "-":
          return num(a) - num(b);
        case "*":
          return num(a) * num(b);
        case "/":
          if (num(b) === 0) throw new FormulaError("#DIV/0!");
          return num(a) / num(b);
        case "^":
          return num(a) ** num(b);
        case "=":
          return compare(a, b) === 0;
        case "<>":
          return compare(a, b) !== 0;
        case "<":
          return compare(a, b) < 0;
        case ">":
          return compare(a, b) > 0;
        case "<=":
          return compare(a, b) <= 0;
        default:
          return compare(a, b) >= 0;
      }
    }
    case "call":
      return callFunction(n.name, n.args, read);
  }
}

/** Excel's ordering: numbers < text < booleans; text compares case-insensitively; blank is 0 or "". */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase().localeCompare(b.toLowerCase());
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function numbersOf(args: Node[], read: CellReader): number[] {
  const out: number[] = [];
  for (const a of args) {
    const v = evalNode(a, read);
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === "number") out.push(x);
    } else out.push(num(v));
  }
  return out;
}

function callFunction(name: string, args: Node[], read: CellReader): Val {
  switch (name) {
    case "SUM":
      return numbersOf(args, read).reduce((s, x) => s + x, 0);
    case "AVERAGE": {
      const xs = numbersOf(args, read);
      if (xs.length === 0) throw new FormulaError("#DIV/0!");
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case "MIN":
      return numbersOf(args, read).reduce((m, x) => Math.min(m, x), Infinity) === Infinity
        ? 0
        : Math.min(...numbersOf(args, read));
    case "MAX":
      return numbersOf(args, read).length === 0 ? 0 : Math.max(...numbersOf(args, read));
    case "COUNT":
      return numbersOf(args, read).length;
    case "ABS":
      return Math.abs(num(scalar(evalNode(args[0] ?? { k: "lit", v: 0 }, read))));
    case "SQRT": {
      const x = num(scalar(evalNode(args[0] ?? { k: "lit", v: 0 }, read)));
      if (x < 0) throw new FormulaError("#NUM!");
      return Math.sqrt(x);
    }
    case "ROUND": {
      const x = num(scalar(evalNode(args[0] ?? { k: "lit", v: 0 }, read)));
      const d = num(scalar(evalNode(args[1] ?? { k: "lit", v: 0 }, read)));
      const f = 10 ** d;
      return Math.round(x * f) / f;
    }
    case "IF": {
      const c = scalar(evalNode(args[0] ?? { k: "lit", v: false }, read));
      const branch = (typeof c === "boolean" ? c : num(c) !== 0) ? args[1] : args[2];
      return branch ? scalar(evalNode(branch, read)) : false;
    }
    case "IFERROR":
      try {
        return scalar(evalNode(args[0] ?? { k: "lit", v: "" }, read));
      } catch (e) {
        if (e instanceof FormulaError) return scalar(evalNode(args[1] ?? { k: "lit", v: "" }, read));
        throw e;
      }
    default:
      throw new FormulaError("#NAME?");
  }
}
