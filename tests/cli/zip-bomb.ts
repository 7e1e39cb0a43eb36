/**
 * Builds a "zip bomb" shaped like an .xlsx in memory: a worksheet part that deflates a long run
 * of one byte (about 1,000 : 1), with honest sizes in its headers. Used by the tests only.
 */
import { crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  data: Buffer;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A zip archive (deflate) of the entries, per PKWARE APPNOTE 4.3. */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0), u32(crc), u32(packed.length), u32(e.data.length)];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(0), name, packed]);
    locals.push(local);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...common,
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(cd.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, cd, eocd]);
}

/** An .xlsx-shaped archive whose worksheet expands to `expandedBytes` (100 MB gives about 100 KB). */
export function xlsxBomb(expandedBytes: number): Buffer {
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(types) },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(expandedBytes, 0x20) },
  ]);
}
