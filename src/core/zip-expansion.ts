/**
 * How large an .xlsx (a zip archive) becomes once unzipped, read from its central directory
 * without inflating anything. A workbook of 100 KB can declare gigabytes of XML (a "zip bomb");
 * checking the declared sizes first lets a reader refuse it with a sentence instead of running
 * out of memory. Format: PKWARE APPNOTE.TXT sections 4.3.12 (central directory header),
 * 4.3.16 (end of central directory) and 4.5.3 (ZIP64 extended information).
 */

/** What a reader of workbooks accepts once unzipped: 64 MB of XML, about a million filled cells. */
export const XLSX_MAX_EXPANDED_BYTES = 64_000_000;

/** Declared sizes of a zip archive's entries. */
export interface ZipExpansion {
  entries: number;
  /** Sum of the entries' compressed sizes, in bytes. */
  compressed: number;
  /** Sum of the entries' declared uncompressed sizes, in bytes. */
  uncompressed: number;
}

export type ZipExpansionResult = { ok: true; value: ZipExpansion } | { ok: false; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const U32_MAX = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}

/** A little-endian 64-bit size as a number (exact below 2^53, which covers any real size). */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** Offset of the end-of-central-directory record: searched backwards over its comment (at most 64 KiB). */
function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/** The ZIP64 sizes in an entry's extra field, for the 32-bit fields that are 0xFFFFFFFF. */
function zip64Sizes(b: Uint8Array, start: number, end: number, size: number, csize: number): [number, number] {
  for (let p = start; p + 4 <= end;) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      let s = size;
      let c = csize;
      if (size === U32_MAX) {
        s = u64(b, q);
        q += 8;
      }
      if (csize === U32_MAX) c = u64(b, q);
      return [s, c];
    }
    p += 4 + len;
  }
  return [size, csize];
}

/**
 * Reads the declared sizes of every entry of a zip archive. Never throws; bytes that are not a
 * zip archive give a message.
 */
export function zipExpansion(bytes: Uint8Array): ZipExpansionResult {
  const eocd = findEocd(bytes);
  if (eocd < 0) return { ok: false, message: "is not a zip archive (an .xlsx file is one)" };
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  // ZIP64 end record: its locator sits just before the classic record.
  if ((count === 0xffff || offset === U32_MAX) && u32(bytes, eocd - 20) === 0x07064b50) {
    const rec = u64(bytes, eocd - 12);
    if (u32(bytes, rec) === 0x06064b50) {
      count = u64(bytes, rec + 32);
      offset = u64(bytes, rec + 48);
    }
  }
  let compressed = 0;
  let uncompressed = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL)
      return { ok: false, message: "is a damaged zip archive (its list of contents cannot be read)" };
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const extraStart = p + 46 + nameLen;
    const [size, csize] = zip64Sizes(bytes, extraStart, extraStart + extraLen, u32(bytes, p + 24), u32(bytes, p + 20));
    uncompressed += size;
    compressed += csize;
    p = extraStart + extraLen + commentLen;
  }
  return { ok: true, value: { entries: count, compressed, uncompressed } };
}

/** A size for messages: `98 KB`, `1,234.5 MB`. */
function size(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString("en-US")} KB`;
  return `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

/**
 * Null when a workbook may be opened, else the sentence saying why not: it is not a zip archive,
 * or it would expand beyond `limit` bytes once unzipped.
 */
export function xlsxTooLarge(bytes: Uint8Array, limit: number = XLSX_MAX_EXPANDED_BYTES): string | null {
  const z = zipExpansion(bytes);
  if (!z.ok) return z.message;
  if (z.value.uncompressed <= limit) return null;
  return `would expand from ${size(bytes.length)} to ${size(z.value.uncompressed)} when unzipped, more than the ${size(limit)} a workbook may hold here; save the runs as CSV, or split the workbook`;
}
