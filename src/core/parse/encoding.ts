/**
 * Turning the bytes of a file into text. Excel saves "CSV UTF-8" with a byte-order mark and
 * "Unicode Text" as UTF-16LE with a BOM; scripts write UTF-8 without one. A file that is none of
 * these is refused with the line and byte offset of the first bad byte, never decoded into
 * replacement characters that would then be imported as data.
 *
 * Written without TextDecoder because core compiles without DOM or Node types; one pass, chunked
 * so a large file never builds a string one character at a time.
 */
import type { ParseIssue } from "./types";

/** The encodings RunSheet reads. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/** Decoded text and how it was stored. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte-order mark (it is not part of `text`). */
  bom: boolean;
}

export type DecodeResult = { ok: true; value: DecodedText } | { ok: false; issues: ParseIssue[] };

/** Code units collected before they are turned into a string (String.fromCharCode's argument limit is far above). */
const CHUNK = 8192;

class TextBuilder {
  private readonly parts: string[] = [];
  private readonly units: number[] = [];
  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.units.length === 0) return;
    this.parts.push(String.fromCharCode(...this.units));
    this.units.length = 0;
  }
  done(): string {
    this.flush();
    return this.parts.join("");
  }
}

/** 1-based line of a byte offset in UTF-8 bytes, counting LF, CR and CRLF as one break each (as issues number lines). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = bytes[i];
    if (c === 10) line++;
    else if (c === 13 && bytes[i + 1] !== 10) line++;
  }
  return line;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;
}

function invalidUtf8(bytes: Uint8Array, offset: number): DecodeResult {
  const line = lineOfByte(bytes, offset);
  return encodingError(
    line,
    `The file is not valid UTF-8: byte ${hex(bytes[offset] ?? 0)} at byte offset ${offset} (line ${line}) cannot start or continue a character.`,
    'Save the file as UTF-8 (Excel: "CSV UTF-8") or as "Unicode Text" (UTF-16), then import it again.',
  );
}

/** The one failure a decoder returns: an `invalid_encoding` error at `line`, with the way out. */
function encodingError(line: number, message: string, fix: string): DecodeResult {
  return { ok: false, issues: [{ line, code: "invalid_encoding", severity: "error", message, fix }] };
}

/** Decodes UTF-8 from `start`; fails at the first ill-formed sequence (overlong, surrogate, above U+10FFFF, cut off). */
function decodeUtf8(bytes: Uint8Array, start: number): { ok: true; text: string } | { ok: false; offset: number } {
  const out = new TextBuilder();
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      out.push(b0);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      cp = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else return { ok: false, offset: i };
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return { ok: false, offset: i };
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { ok: false, offset: i };
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      out.push(0xd800 | (v >> 10));
      out.push(0xdc00 | (v & 0x3ff));
    } else out.push(cp);
    i += need + 1;
  }
  return { ok: true, text: out.done() };
}

/** Decodes UTF-16 from `start`; fails at a surrogate without its partner (ill-formed UTF-16). */
function decodeUtf16(
  bytes: Uint8Array,
  start: number,
  littleEndian: boolean,
): { ok: true; text: string } | { ok: false; offset: number } {
  const out = new TextBuilder();
  const end = bytes.length - ((bytes.length - start) % 2);
  const unit = (i: number): number =>
    littleEndian ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  for (let i = start; i < end; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < end ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return { ok: false, offset: i };
      out.push(u);
      out.push(next);
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return { ok: false, offset: i };
    else out.push(u);
  }
  return { ok: true, text: out.done() };
}

/** 1-based line of a byte offset in UTF-16 text. */
function lineOfUnit(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  let line = 1;
  for (let i = 0; i + 1 < offset; i += 2) {
    const u = littleEndian ? bytes[i] : bytes[i + 1];
    const other = littleEndian ? bytes[i + 1] : bytes[i];
    if (other !== 0) continue;
    if (u === 10) line++;
    else if (u === 13) {
      const nu = littleEndian ? bytes[i + 2] : bytes[i + 3];
      const no = littleEndian ? bytes[i + 3] : bytes[i + 2];
      if (!(nu === 10 && no === 0)) line++;
    }
  }
  return line;
}

function utf16Result(bytes: Uint8Array, start: number, encoding: "utf-16le" | "utf-16be", bom: boolean): DecodeResult {
  const le = encoding === "utf-16le";
  const r = decodeUtf16(bytes, start, le);
  if (r.ok) return { ok: true, value: { text: r.text, encoding, bom } };
  const line = lineOfUnit(bytes, r.offset, le);
  return encodingError(
    line,
    `The file is not valid ${encoding.toUpperCase()}: the half of a character pair at byte offset ${r.offset} (line ${line}) has no other half.`,
    'Save the file again as "Unicode Text" (UTF-16) or as UTF-8, then import it again.',
  );
}

/**
 * True for UTF-16 text saved without a BOM: mostly ASCII, so one byte of each pair is zero.
 * Such bytes are valid UTF-8 (NUL is a character), and would otherwise arrive as names full of NULs.
 */
function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.6 * pairs && evenZero === 0) return "utf-16le";
  if (evenZero > 0.6 * pairs && oddZero === 0) return "utf-16be";
  return null;
}

/**
 * Decodes a file's bytes: UTF-8 with or without a BOM, UTF-16LE or UTF-16BE with a BOM (and
 * mostly-ASCII UTF-16 without one). Never throws; invalid UTF-8 is an error naming the byte,
 * its offset and its line.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return utf16Result(bytes, 2, "utf-16le", true);
  if (b0 === 0xfe && b1 === 0xff) return utf16Result(bytes, 2, "utf-16be", true);
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  if (!bom) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16) return utf16Result(bytes, 0, utf16, false);
  }
  const r = decodeUtf8(bytes, bom ? 3 : 0);
  if (!r.ok) return invalidUtf8(bytes, r.offset);
  return { ok: true, value: { text: r.text, encoding: "utf-8", bom } };
}
