/**
 * How large an .xlsx (a zip archive) becomes once unzipped. A workbook of 100 KB can declare
 * gigabytes of XML (a "zip bomb"), or declare small sizes and still inflate to gigabytes: the
 * declared sizes are checked first (cheap, from the central directory), then the entries are
 * inflated into small output chunks that are counted and dropped, stopping at the cap, so a
 * reader can refuse the file with a sentence instead of running out of memory. Format: PKWARE
 * APPNOTE.TXT sections 4.3.7 (local file header), 4.3.12 (central directory header), 4.3.16
 * (end of central directory), 4.4.5 (compression method) and 4.5.3 (ZIP64 extended information).
 */
import { Inflate } from "pako";

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

/** The ZIP64 values in an entry's extra field, for the 32-bit fields that are 0xFFFFFFFF (in that order). */
function zip64Sizes(
  b: Uint8Array,
  start: number,
  end: number,
  size: number,
  csize: number,
  offset: number,
): [number, number, number] {
  for (let p = start; p + 4 <= end;) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      let s = size;
      let c = csize;
      let o = offset;
      if (size === U32_MAX) {
        s = u64(b, q);
        q += 8;
      }
      if (csize === U32_MAX) {
        c = u64(b, q);
        q += 8;
      }
      if (offset === U32_MAX) o = u64(b, q);
      return [s, c, o];
    }
    p += 4 + len;
  }
  return [size, csize, offset];
}

/** Where one entry's data sits and how it is compressed. */
interface EntryData {
  method: number;
  compressed: number;
  localHeader: number;
}

type Directory = { ok: true; value: ZipExpansion; entries: EntryData[] } | { ok: false; message: string };

/** The central directory: declared sizes and where each entry's data is. */
function readDirectory(bytes: Uint8Array): Directory {
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
  const entries: EntryData[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL)
      return { ok: false, message: "is a damaged zip archive (its list of contents cannot be read)" };
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const extraStart = p + 46 + nameLen;
    const [size, csize, local] = zip64Sizes(
      bytes,
      extraStart,
      extraStart + extraLen,
      u32(bytes, p + 24),
      u32(bytes, p + 20),
      u32(bytes, p + 42),
    );
    uncompressed += size;
    compressed += csize;
    entries.push({ method: u16(bytes, p + 10), compressed: csize, localHeader: local });
    p = extraStart + extraLen + commentLen;
  }
  return { ok: true, value: { entries: count, compressed, uncompressed }, entries };
}

/**
 * Reads the declared sizes of every entry of a zip archive. Never throws; bytes that are not a
 * zip archive give a message.
 */
export function zipExpansion(bytes: Uint8Array): ZipExpansionResult {
  const d = readDirectory(bytes);
  return d.ok ? { ok: true, value: d.value } : d;
}

const LOCAL = 0x04034b50;
/** Bytes of inflated output per chunk: small enough to be collected young, never a large copy. */
const CHUNK = 64 * 1024;

/** Stops an inflater from inside its data callback once the cap is passed. */
class CapReached {}

/**
 * The bytes an archive's entries really inflate to, counted chunk by chunk and never kept,
 * stopping as soon as the count passes `limit` (then the result is only known to be above it).
 * Stored entries count their size; entries in other methods (which workbook readers do not
 * read) and damaged data count what inflated before the damage.
 */
export function inflatedBytes(bytes: Uint8Array, limit: number): number {
  const d = readDirectory(bytes);
  if (!d.ok) return 0;
  let total = 0;
  for (const e of d.entries) {
    const at = e.localHeader;
    if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) continue;
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = Math.min(bytes.length, start + e.compressed);
    if (e.method === 0) total += Math.max(0, end - start);
    else if (e.method === 8) {
      const inflater = new Inflate({ raw: true, chunkSize: CHUNK });
      // Without a `to: "string"` option the chunks are bytes.
      inflater.onData = (chunk) => {
        total += (chunk as Uint8Array).length;
        if (total > limit) throw new CapReached();
      };
      try {
        // Damaged deflate data stops the inflater (it sets `err`): what inflated so far counts,
        // and the workbook reader reports the damage.
        inflater.push(bytes.subarray(start, end), true);
      } catch (err) {
        if (err instanceof CapReached) return total;
        throw err;
      }
    }
    if (total > limit) return total;
  }
  return total;
}

/** A size for messages: `98 KB`, `1,234.5 MB`. */
function size(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString("en-US")} KB`;
  return `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

/**
 * Null when a workbook may be opened, else the sentence saying why not: it is not a zip archive,
 * or it would expand beyond `limit` bytes once unzipped, by its declared sizes or, when those
 * understate it, by the bytes its entries really inflate to.
 */
export function xlsxTooLarge(bytes: Uint8Array, limit: number = XLSX_MAX_EXPANDED_BYTES): string | null {
  const z = zipExpansion(bytes);
  if (!z.ok) return z.message;
  if (z.value.uncompressed > limit)
    return `would expand from ${size(bytes.length)} to ${size(z.value.uncompressed)} when unzipped, more than the ${size(limit)} a workbook may hold here; save the runs as CSV, or split the workbook`;
  if (inflatedBytes(bytes, limit) <= limit) return null;
  return `would expand from ${size(bytes.length)} to more than the ${size(limit)} a workbook may hold here when unzipped, though its list of contents declares only ${size(z.value.uncompressed)} (the sizes in the file are wrong); save the runs as CSV, or split the workbook`;
}
