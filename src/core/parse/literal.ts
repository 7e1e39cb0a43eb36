/**
 * A small recursive-descent reader for JSON and Python literals (`repr` of dicts as printed by
 * the Hugging Face Trainer: single quotes, True/False/None, nan/inf, `np.float64(0.5)`).
 * JSON itself goes through `JSON.parse` for speed; this reader locates JSON errors (V8's
 * messages no longer carry a position) and handles what JSON.parse refuses (`NaN`, `Infinity`).
 */
import { losesDigits } from "../number-text";
import { setKey } from "./raw";

/** A float that Python or JavaScript printed as nan/inf; becomes a missing value with a warning. */
export interface NonFinite {
  nonFinite: string;
}

export type Literal = string | number | boolean | null | NonFinite | Literal[] | { [key: string]: Literal };

/** A key that appeared a second time in the same object; `pos` is the offset of the repeat. */
export interface DuplicateKey {
  key: string;
  pos: number;
}

export type LiteralResult =
  { ok: true; value: Literal; end: number; duplicates: DuplicateKey[] } | { ok: false; pos: number; message: string };

/**
 * How deeply arrays and objects may nest. Runs are flat records with a few levels of grouping
 * (`metrics.val.accuracy`); anything deeper is refused with a sentence, well before the call
 * stack would overflow.
 */
export const MAX_NESTING = 100;

export type LiteralMode = "json" | "python";

/** True when a literal is the non-finite marker. */
export function isNonFinite(v: unknown): v is NonFinite {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { nonFinite?: unknown }).nonFinite === "string" &&
    Object.keys(v).length === 1
  );
}

class Fail {
  constructor(
    readonly pos: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_.]*/y;

/** Reads one literal starting at `start` (after optional whitespace); never throws. */
export function readLiteral(text: string, start: number, mode: LiteralMode): LiteralResult {
  const r = new Reader(text, mode);
  try {
    r.pos = start;
    const value = r.value(0);
    r.ws();
    return { ok: true, value, end: r.pos, duplicates: r.duplicates };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, pos: e.pos, message: e.message };
    // Deep nesting beyond our limit or any unexpected failure is reported, not thrown.
    return { ok: false, pos: r.pos, message: "The value could not be read." };
  }
}

class Reader {
  pos = 0;
  readonly duplicates: DuplicateKey[] = [];
  constructor(
    private readonly s: string,
    private readonly mode: LiteralMode,
  ) {}

  ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  fail(message: string): never {
    throw new Fail(this.pos, message);
  }

  value(depth: number): Literal {
    if (depth >= MAX_NESTING)
      this.fail(
        `The value is nested more than ${MAX_NESTING} levels deep (lists or objects inside each other); RunSheet reads at most ${MAX_NESTING}.`,
      );
    this.ws();
    const ch = this.s[this.pos];
    if (ch === undefined) this.fail("The text ends where a value was expected.");
    if (ch === "{") return this.object(depth);
    if (ch === "[" || (ch === "(" && this.mode === "python")) return this.array(depth);
    if (ch === '"' || (ch === "'" && this.mode === "python")) return this.string();
    if (ch === "-" || ch === "+" || ch === "." || (ch >= "0" && ch <= "9")) return this.number();
    return this.word(depth);
  }

  object(depth: number): { [key: string]: Literal } {
    this.pos++;
    const out: { [key: string]: Literal } = {};
    this.ws();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      const q = this.s[this.pos];
      const keyPos = this.pos;
      let key: string;
      if (q === '"' || (q === "'" && this.mode === "python")) key = this.string();
      else if (this.mode === "python" && q !== undefined && /[-\d]/.test(q)) key = String(this.number());
      else this.fail(this.mode === "json" ? 'A key in double quotes (") was expected.' : "A quoted key was expected.");
      this.ws();
      if (this.s[this.pos] !== ":") this.fail('A colon (":") was expected after the key.');
      this.pos++;
      if (Object.hasOwn(out, key)) this.duplicates.push({ key, pos: keyPos });
      setKey(out, key, this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos];
      if (c === ",") {
        this.pos++;
        this.ws();
        if (this.mode === "python" && this.s[this.pos] === "}") {
          this.pos++;
          return out;
        }
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail('A comma (",") or a closing brace ("}") was expected.');
    }
  }

  array(depth: number): Literal[] {
    const close = this.s[this.pos] === "(" ? ")" : "]";
    this.pos++;
    const out: Literal[] = [];
    this.ws();
    if (this.s[this.pos] === close) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos];
      if (c === ",") {
        this.pos++;
        this.ws();
        if (this.mode === "python" && this.s[this.pos] === close) {
          this.pos++;
          return out;
        }
        continue;
      }
      if (c === close) {
        this.pos++;
        return out;
      }
      this.fail(`A comma (",") or "${close}" was expected.`);
    }
  }

  string(): string {
    const s = this.s;
    const quote = s[this.pos];
    const start = this.pos;
    this.pos++;
    let out = "";
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === "\n" || c === "\r") break;
      if (c === "\\") {
        const e = s[this.pos + 1];
        this.pos += 2;
        switch (e) {
          case "n":
            out += "\n";
            break;
          case "t":
            out += "\t";
            break;
          case "r":
            out += "\r";
            break;
          case "b":
            out += "\b";
            break;
          case "f":
            out += "\f";
            break;
          case "u": {
            const hex = s.slice(this.pos, this.pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("A \\u escape needs four hex digits.");
            out += String.fromCharCode(parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          case undefined:
            this.pos = start;
            this.fail("A quoted text is never closed.");
            break;
          default:
            out += e;
        }
        continue;
      }
      out += c;
      this.pos++;
    }
    this.pos = start;
    this.fail("A quoted text is never closed on its line.");
  }

  number(): number | string | NonFinite {
    const s = this.s;
    let sign = "";
    if (s[this.pos] === "+" && this.mode === "python") {
      this.pos++;
    }
    if (s[this.pos] === "-" && /[A-Za-z]/.test(s[this.pos + 1] ?? "")) {
      sign = "-";
      this.pos++;
      const w = this.word(0);
      if (isNonFinite(w)) return { nonFinite: sign + w.nonFinite };
      this.fail("A number was expected after the minus sign.");
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(s);
    if (!m) this.fail("A number was expected.");
    this.pos += m[0].length;
    // An id of 19 digits stays its digits: as a double it would silently end in ...800.
    if (losesDigits(m[0], "plain")) return m[0];
    const n = Number(m[0]);
    // 1e309 overflows to Infinity: keep the digits so the warning can quote them.
    return Number.isFinite(n) ? n : { nonFinite: m[0] };
  }

  word(depth: number): Literal {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.s);
    if (!m) this.fail(`Unexpected character "${this.s[this.pos] ?? ""}".`);
    const w = m[0];
    const at = this.pos;
    this.pos += w.length;
    const py = this.mode === "python";
    if (w === "true" && !py) return true;
    if (w === "false" && !py) return false;
    if (w === "null" && !py) return null;
    if (w === "True" && py) return true;
    if (w === "False" && py) return false;
    if (w === "None" && py) return null;
    if (w === "NaN" || w === "Infinity" || (py && (w === "nan" || w === "inf"))) return { nonFinite: w };
    // np.float64(0.5), tensor(0.5), float('nan'): keep the wrapped value.
    if (py && this.s[this.pos] === "(") {
      this.pos++;
      const inner = this.value(depth + 1);
      this.ws();
      // tensor(0.5, device='cuda:0'): ignore keyword arguments after the value.
      while (this.s[this.pos] === ",") {
        this.pos++;
        this.ws();
        IDENT.lastIndex = this.pos;
        const kw = IDENT.exec(this.s);
        if (kw) this.pos += kw[0].length;
        this.ws();
        if (this.s[this.pos] === "=") {
          this.pos++;
          this.value(depth + 1);
        }
        this.ws();
      }
      if (this.s[this.pos] !== ")") this.fail('A closing parenthesis (")") was expected.');
      this.pos++;
      if (typeof inner === "string" && /^[+-]?(nan|inf|infinity)$/i.test(inner)) return { nonFinite: inner };
      return inner;
    }
    this.pos = at;
    this.fail(`"${w}" is not a value${py ? " (use quotes for text)" : ""}.`);
  }
}

/**
 * True when a parsed value nests deeper than `limit` (iterative, so a value JSON.parse accepted
 * at any depth is measured without recursion).
 */
export function nestsDeeperThan(value: unknown, limit: number = MAX_NESTING): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || top.v === null || typeof top.v !== "object") continue;
    if (top.d >= limit) return true;
    const children = Array.isArray(top.v) ? (top.v as unknown[]) : Object.values(top.v as object);
    for (const c of children) if (c !== null && typeof c === "object") stack.push({ v: c, d: top.d + 1 });
  }
  return false;
}

/** Number of keys in a parsed value, all levels (iterative). */
function keyCount(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const vals = Array.isArray(v) ? (v as unknown[]) : Object.values(v as object);
    if (!Array.isArray(v)) n += vals.length;
    for (const c of vals) if (c !== null && typeof c === "object") stack.push(c);
  }
  return n;
}

/** Number of `"key":` tokens in JSON text: strings (escapes skipped) followed by a colon. */
export function keyTokenCount(text: string): number {
  let n = 0;
  // indexOf finds the quotes natively; the characters between them are never looked at one by one.
  for (let open = text.indexOf('"'); open >= 0;) {
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && escaped(text, close)) close = text.indexOf('"', close + 1);
    if (close < 0) break;
    let j = close + 1;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13 || (isOtherSpace(c) && /\s/.test(text[j] ?? "")))
      c = text.charCodeAt(++j);
    if (c === 58) n++;
    open = text.indexOf('"', close + 1);
  }
  return n;
}

/**
 * True when JSON text that JSON.parse accepted as a value with `keys` keys (all levels) has
 * exactly that many key tokens, so no key was repeated inside an object. The value cannot have
 * more keys than the text has tokens, and every colon outside a string follows a key, so when
 * the colons number `keys` there is nothing else to count; only text with colons inside
 * strings is scanned.
 */
export function hasKeyTokens(text: string, keys: number): boolean {
  let colons = 0;
  for (let i = text.indexOf(":"); i >= 0; i = text.indexOf(":", i + 1)) colons++;
  return colons === keys || keyTokenCount(text) === keys;
}

/** Characters `\s` matches beyond JSON's four whitespace characters are form feeds, tabs and Unicode spaces. */
function isOtherSpace(c: number): boolean {
  return c === 11 || c === 12 || c > 127;
}

/** True when the quote at `at` is escaped: an odd number of backslashes before it. */
function escaped(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 92) k--;
  return (at - 1 - k) % 2 === 1;
}

/**
 * True when a value JSON.parse produced holds an integer beyond 2^53, whose digits it may have
 * rounded (`1234567890123456789` becomes ...800): such text is read again by `readLiteral`,
 * which keeps digits a double cannot hold as text (iterative).
 */
export function hasUnsafeInteger(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "number") {
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) return true;
    } else if (v !== null && typeof v === "object") {
      for (const c of Array.isArray(v) ? (v as unknown[]) : Object.values(v as object)) stack.push(c);
    }
  }
  return false;
}

/**
 * True when JSON text that JSON.parse accepted as `value` repeated a key inside one object
 * (JSON.parse silently keeps the last one): the text has more key tokens than the value has keys.
 */
export function hasDuplicateKeys(text: string, value: unknown): boolean {
  return keyTokenCount(text) !== keyCount(value);
}
