/**
 * A zip archive with stored (uncompressed) entries, in plain TypeScript: no Node, no zlib, no exceljs, so the
 * task pane's worker can build an .xlsx for `Excel.createWorkbook`. Stored entries are valid in every zip reader
 * Excel and LibreOffice use; the file is larger than a deflated one, which only matters for e-mail, and Excel
 * compresses it again when the user saves.
 */

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3), as the zip format requires. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One entry as it is written: its name's bytes, its data as stored (raw or deflated) and what the directory says. */
export interface ZipEntryData {
  name: Uint8Array;
  /** The bytes in the archive: the content itself (method 0) or its raw deflate stream (method 8). */
  data: Uint8Array;
  /** CRC-32 and length of the content (not of `data` when deflated). */
  crc: number;
  size: number;
  method: 0 | 8;
}

/**
 * The zip's bytes. Names and contents are UTF-8 (the language-encoding flag is set for non-ASCII names).
 * @example storedZip([{ name: 'a.txt', data: 'hi' }]).length // 120
 */
export function storedZip(files: readonly { name: string; data: string | Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(
    files.map((f) => {
      const data = typeof f.data === 'string' ? enc.encode(f.data) : f.data;
      return { name: enc.encode(f.name), data, crc: crc32(data), size: data.length, method: 0 as const };
    }),
  );
}

/** A zip32 archive of the given entries, in order, with a fixed date (the bytes depend on the contents only). */
export function writeZip(entries: readonly ZipEntryData[]): Uint8Array {
  let size = 22;
  for (const e of entries) size += 30 + e.name.length + e.data.length + 46 + e.name.length;
  if (size > 0xffffffff || entries.length > 0xffff) throw new RangeError('storedZip: archive too large for zip32');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  // Fixed DOS date/time (1980-01-01 00:00): the copy's bytes then depend on its contents only.
  const dosTime = 0;
  const dosDate = 0x21;
  for (const e of entries) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, dosTime, true);
    view.setUint16(p + 12, dosDate, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.data.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, e.name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(e.name, p + 30);
    out.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const cdStart = p;
  entries.forEach((e, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.data.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, e.name.length, true);
    view.setUint16(p + 30, 0, true);
    view.setUint16(p + 32, 0, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, 0, true);
    view.setUint32(p + 38, 0, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}

/**
 * Base64 of bytes, in chunks (String.fromCharCode on a whole file overflows the call stack).
 * @example toBase64(new Uint8Array([104, 105])) // 'aGk='
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
