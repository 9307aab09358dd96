/**
 * Deflates the entries of a zip that storedZip wrote, with the platform's own compressor (the Compression Streams
 * API: `CompressionStream('deflate-raw')`, in Chromium/Edge WebView2, Safari 16.4+ and Node 18+). The share-safe
 * copy is built stored in the worker (no zlib in the task pane); deflated, it is several times smaller, which
 * matters for the base64 string handed to `Excel.createWorkbook` and for the e-mail. Where the API is missing, or
 * the input is not an archive of stored entries, the input is returned unchanged (still a valid .xlsx).
 */
import { writeZip, type ZipEntryData } from './storedZip';

type Compressor = new (format: 'deflate-raw') => TransformStream<Uint8Array, Uint8Array>;

/** The entries of an archive whose every entry is stored with sizes in its local header, or null. */
export function storedEntries(zip: Uint8Array): ZipEntryData[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: ZipEntryData[] = [];
  let p = 0;
  while (p + 30 <= zip.length && view.getUint32(p, true) === 0x04034b50) {
    const flags = view.getUint16(p + 6, true);
    const method = view.getUint16(p + 8, true);
    const compressed = view.getUint32(p + 18, true);
    const size = view.getUint32(p + 22, true);
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    // A data descriptor (flag 8) or a deflated entry: not storedZip's output.
    if (method !== 0 || flags & 8 || compressed !== size) return null;
    const start = p + 30 + nameLength + extraLength;
    if (start + size > zip.length) return null;
    out.push({ name: zip.slice(p + 30, p + 30 + nameLength), data: zip.subarray(start, start + size), crc: view.getUint32(p + 14, true), size, method: 0 });
    p = start + size;
  }
  return p + 4 <= zip.length && view.getUint32(p, true) === 0x02014b50 ? out : null;
}

async function deflateRaw(bytes: Uint8Array, Compressor: Compressor): Promise<Uint8Array> {
  const stream = new Blob([bytes] as never).stream().pipeThrough(new Compressor('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The archive with each entry deflated where that makes it smaller (same names, order, CRCs and contents). */
export async function deflateStoredZip(zip: Uint8Array, Compressor: Compressor | null = (globalThis as { CompressionStream?: Compressor }).CompressionStream ?? null): Promise<Uint8Array> {
  if (!Compressor) return zip;
  const entries = storedEntries(zip);
  if (!entries) return zip;
  const out: ZipEntryData[] = [];
  for (const e of entries) {
    const deflated = e.size > 64 ? await deflateRaw(e.data, Compressor) : null;
    out.push(deflated && deflated.length < e.size ? { ...e, data: deflated, method: 8 } : e);
  }
  return writeZip(out);
}

/** Bytes of a base64 string, in chunks. */
export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
