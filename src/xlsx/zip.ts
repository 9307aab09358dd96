/**
 * The small pieces of zip handling the streaming file pipeline needs, on Node's own zlib:
 *  - readZipEntries: every entry of a zip held in memory (the small skeleton workbook exceljs writes);
 *  - readZipFileEntries: a few chosen entries of a zip file (the input's table parts), without reading the rest;
 *  - ZipFileWriter: a zip written entry by entry to a file, each entry deflated as it streams in, so a sheet of
 *    hundreds of megabytes of XML never exists as one string or buffer.
 * Why not jszip / archiver: they are only transitive dependencies of exceljs, and jszip deflates in JavaScript
 * (pako), several times slower than zlib. No Zip64: an entry or the whole file over 4 GB is refused.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const MAX_32 = 0xffffffff;

/**
 * Every file of a zip archive, by path, inflated.
 * @throws Error when the buffer is not a zip this reader understands (no end-of-central-directory record).
 * @example readZipEntries(await workbook.xlsx.writeBuffer()).get('xl/workbook.xml')
 */
export function readZipEntries(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error('damaged zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = zip.subarray(start, start + compressedSize);
    entries.set(name.replace(/^\//, ''), method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The entries of a zip file that `wanted` selects, inflated, reading only the central directory and those entries
 * (the streaming engine's input may be hundreds of megabytes; the parts it wants here are a few kilobytes).
 * @throws Error when the file is not a zip this reader understands.
 * @example readZipFileEntries('in.xlsx', (p) => p.startsWith('xl/tables/'))
 */
export function readZipFileEntries(file: string, wanted: (path: string) => boolean): Map<string, Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 65535);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size) throw new Error('damaged zip central directory');
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    const entries = new Map<string, Buffer>();
    for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === CENTRAL_HEADER; ) {
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const nameLength = cd.readUInt16LE(p + 28);
      const localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
      p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (!wanted(name)) continue;
      const local = Buffer.alloc(30);
      fs.readSync(fd, local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new Error('damaged zip entry');
      const raw = Buffer.alloc(compressedSize);
      fs.readSync(fd, raw, 0, compressedSize, localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28));
      entries.set(name, method === 0 ? raw : zlib.inflateRawSync(raw));
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** 8 deflate, 0 stored (a raw copy keeps the source's method). */
  method: number;
}

/** An entry of another zip file to copy as it is: where its compressed bytes are and what its directory says. */
export interface RawEntrySource {
  fd: number;
  /** Offset of the compressed bytes in the file (after the entry's local header). */
  dataOffset: number;
  compressedSize: number;
  size: number;
  crc: number;
  method: number;
}

/**
 * Writes a zip file entry by entry (deflate; each local header's sizes are filled in once its entry is written).
 * Not reentrant: one entry at a time.
 * @example
 * const zip = new ZipFileWriter('out.xlsx');
 * await zip.addEntry('a.xml', ['<a/>']);
 * zip.finish();
 */
export class ZipFileWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly records: CentralRecord[] = [];

  constructor(
    file: string,
    private readonly level = 6,
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  private write(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done);
    this.offset += buf.length;
  }

  /** Adds one entry whose content comes piece by piece (strings are UTF-8). */
  async addEntry(path: string, content: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
    const name = Buffer.from(path, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // bit 11: UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(0x00210000, 10); // DOS time/date: 1980-01-01 00:00
    this.write(header.subarray(0, 26));
    this.write(Buffer.from([name.length & 0xff, name.length >> 8, 0, 0]));
    this.write(name);

    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const deflate = zlib.createDeflateRaw({ level: this.level });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    // A failed write (disk full) must reject this entry, not escape from the event handler as an uncaught
    // exception and leave the loop below waiting for a 'drain' that never comes.
    ended.catch(() => undefined);
    let failure: Error | null = null;
    deflate.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        compressedSize += chunk.length;
        this.write(chunk);
      } catch (e) {
        failure = e instanceof Error ? e : new Error(String(e));
        deflate.destroy(failure);
      }
    });
    for await (const piece of content) {
      if (failure) throw failure;
      const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (buf.length === 0) continue;
      crc = zlib.crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await Promise.race([new Promise<void>((resolve) => deflate.once('drain', resolve)), ended]);
    }
    if (failure) throw failure;
    deflate.end();
    await ended;
    if (size > MAX_32 || compressedSize > MAX_32 || this.offset > MAX_32) throw new Error(`zip entry too large for a non-Zip64 file: ${path}`);
    // The sizes go back into the local header (not a trailing data descriptor): streaming unzippers such as
    // exceljs's find a descriptor by scanning for its signature, which deflated data can contain by chance.
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc >>> 0, 0);
    sizes.writeUInt32LE(compressedSize, 4);
    sizes.writeUInt32LE(size, 8);
    fs.writeSync(this.fd, sizes, 0, 12, offset + 14);
    this.records.push({ name, crc: crc >>> 0, compressedSize, size, offset, method: 8 });
  }

  /**
   * Adds an entry copied byte for byte from another zip (its compressed bytes, CRC and sizes): an unchanged part is
   * neither inflated nor deflated again.
   */
  addRawEntry(path: string, source: RawEntrySource): void {
    if (source.method !== 0 && source.method !== 8) throw new Error(`unsupported zip compression method ${source.method} for ${path}`);
    const name = Buffer.from(path, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(source.method, 8);
    header.writeUInt32LE(0x00210000, 10);
    header.writeUInt32LE(source.crc >>> 0, 14);
    header.writeUInt32LE(source.compressedSize, 18);
    header.writeUInt32LE(source.size, 22);
    header.writeUInt16LE(name.length, 26);
    this.write(header);
    this.write(name);
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, source.compressedSize)));
    for (let done = 0; done < source.compressedSize; ) {
      const want = Math.min(buf.length, source.compressedSize - done);
      const got = fs.readSync(source.fd, buf, 0, want, source.dataOffset + done);
      if (got <= 0) throw new Error(`damaged zip: ${path} ends early`);
      this.write(got === buf.length ? buf : buf.subarray(0, got));
      done += got;
    }
    if (this.offset > MAX_32) throw new Error(`zip too large for a non-Zip64 file: ${path}`);
    this.records.push({ name, crc: source.crc >>> 0, compressedSize: source.compressedSize, size: source.size, offset, method: source.method });
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    const start = this.offset;
    for (const r of this.records) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(20, 4); // version made by
      h.writeUInt16LE(20, 6); // version needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(r.method, 10);
      h.writeUInt32LE(0x00210000, 12);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(r.compressedSize, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt32LE(r.offset, 42);
      this.write(h);
      this.write(r.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (after an error). */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
