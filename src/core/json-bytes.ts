/**
 * UTF-8 size of a value as JSON, the way Excel's 5 MB request and response limits are measured.
 * Only non-ASCII characters take more than one byte, so scanning the string is cheaper than
 * encoding it. One function for the Excel layer's chunking and the simulator's limit checks, so
 * both count the same bytes.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}
