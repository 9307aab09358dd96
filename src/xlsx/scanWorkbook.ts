/**
 * A purpose-built reader for the cell values of an .xlsx file: the zip's entries are inflated with Node's zlib as
 * they stream in, and the sheet XML and shared strings are scanned byte by byte for what the analysis needs
 * (<row r>, <c r t s>, <v>, <f>, <is>/<t>, <si>/<t>), straight into the grids the core takes. No DOM, no SAX events,
 * no per-cell objects; the scan of a sheet stops at </sheetData> (merges, validations and the rest are not read).
 *
 * Why hand-written: exceljs's streaming reader (saxes + an exceljs Cell per cell) took about 25 s of an 80 s run
 * at 300,000 vehicles; no maintained npm library scans sheet XML into columns without building a DOM or emitting
 * SAX events per node (see docs/benchmarks-file.md, "A hand-written reader").
 *
 * The values are those readWorkbook (exceljs in memory) gives, i.e. what Office's `Range.values` returns:
 *  - t="s" the shared string (rich text runs joined, phonetic <rPh> runs left out), t="str" / t="inlineStr" the
 *    text, t="b" a boolean, t="e" the error text ('#N/A'), t="n" / none a number (parseFloat, as exceljs);
 *  - a formula cell its cached result with the same rules ('' when it has none), its formula text kept apart;
 *  - a number whose format is a date format (exceljs's isDateFmt) goes through exceljs's Date conversion and
 *    back: whole milliseconds, and in a 1904-system workbook (<workbookPr date1904="1"/>) shifted by 1,462 days
 *    into the 1900 system the core reads. This holds for formula results too, as in exceljs's in-memory reader.
 *  - entities (&amp; &#x4E2D;), CDATA and OOXML's _xHHHH_ escapes decoded; namespace prefixes (x:c) ignored;
 *    a <row> or <c> without r follows the previous one.
 * Known differences from exceljs: a t="d" (ISO date) cell reads as its serial number (exceljs: parseFloat of the
 * text); date1904="true" counts as the 1904 system (exceljs only reads "1").
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { CellValue } from '../core/plan/types';
import { checkInGrid } from './errors';
import { MS_PER_DAY } from './serial';

/** One entry of the zip's central directory. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The CRC-32 of the inflated bytes, as the central directory records it. */
  crc: number;
}

/**
 * The central directory of a zip file, by entry name.
 * @throws Error when the file has no end-of-central-directory record or a damaged directory.
 * @example zipEntries(fd, fs.fstatSync(fd).size).get('xl/workbook.xml')?.size
 */
export function zipEntries(fd: number, fileSize: number): Map<string, ZipEntryInfo> {
  const tailLength = Math.min(fileSize, 22 + 65535);
  const tail = Buffer.alloc(tailLength);
  fs.readSync(fd, tail, 0, tailLength, fileSize - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > fileSize) throw new Error('damaged zip central directory');
  const cd = Buffer.alloc(cdSize);
  fs.readSync(fd, cd, 0, cdSize, cdOffset);
  const out = new Map<string, ZipEntryInfo>();
  for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(p + 28);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    out.set(name, {
      name,
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      crc: cd.readUInt32LE(p + 16),
    });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return out;
}

/** Offset of an entry's data: after its local header, whose name and extra field lengths may differ from the directory's. */
export function dataOffset(fd: number, entry: ZipEntryInfo): number {
  const header = Buffer.alloc(30);
  fs.readSync(fd, header, 0, 30, entry.localOffset);
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`damaged zip: no local header for ${entry.name}`);
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/**
 * The inflated bytes of one entry, chunk by chunk (stored and deflated entries), checked when read to the end:
 * a damaged entry whose bytes still inflate (a flipped byte in a sheet) fails its CRC-32 or its size, so it is
 * reported as a damaged file instead of read as garbled cells (exceljs's reader checks the same).
 */
export async function* entryChunks(file: string, fd: number, entry: ZipEntryInfo): AsyncGenerator<Buffer> {
  let crc = 0;
  let size = 0;
  for await (const chunk of inflatedChunks(file, fd, entry)) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    yield chunk;
  }
  // A Zip64 entry keeps its sizes in an extra field (0xFFFFFFFF here): its CRC is still checked.
  if ((entry.size !== 0xffffffff && size !== entry.size) || crc >>> 0 !== entry.crc >>> 0) throw new Error(`damaged zip: ${entry.name} fails its CRC-32 check`);
}

async function* inflatedChunks(file: string, fd: number, entry: ZipEntryInfo): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) return;
  const start = dataOffset(fd, entry);
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  if (entry.method !== 8) throw new Error(`unsupported zip compression method ${entry.method} for ${entry.name}`);
  // A deep read-ahead lets zlib inflate (in the thread pool) while the scan works on what it gave.
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 18, readableHighWaterMark: 1 << 24 } as zlib.ZlibOptions);
  raw.on('error', (e) => inflate.destroy(e));
  raw.pipe(inflate);
  try {
    yield* inflate as AsyncIterable<Buffer>;
  } finally {
    raw.destroy();
    inflate.destroy();
  }
}

/** The whole inflated entry (the small parts: workbook.xml, its rels, styles.xml). */
export async function entryBuffer(file: string, fd: number, entry: ZipEntryInfo): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(file, fd, entry)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Buffer's own slice methods (what toString calls after its argument checks): the scan calls them millions of times. */
interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const latin1 = (buf: Buffer, a: number, b: number) => (buf as unknown as FastSlices).latin1Slice(a, b);
const utf8 = (buf: Buffer, a: number, b: number) => (buf as unknown as FastSlices).utf8Slice(a, b);

/** One-letter names, interned: tag and attribute names are compared without making a string per tag. */
const NAME1: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** The name in buf[a, b) as an interned string for the names the scanners look at, a new string otherwise. */
function nameOf(buf: Buffer, a: number, b: number): string {
  const len = b - a;
  const c0 = buf[a];
  if (len === 1 && c0 < 128) return NAME1[c0];
  if (len === 2) {
    if (c0 === 0x69 && buf[a + 1] === 0x73) return 'is';
    if (c0 === 0x73 && buf[a + 1] === 0x69) return 'si';
  } else if (len === 3) {
    const c1 = buf[a + 1];
    const c2 = buf[a + 2];
    if (c0 === 0x72 && c1 === 0x6f && c2 === 0x77) return 'row';
    if (c0 === 0x72 && c1 === 0x50 && c2 === 0x68) return 'rPh';
    if (c0 === 0x73 && c1 === 0x73 && c2 === 0x74) return 'sst';
    if (c0 === 0x72 && c1 === 0x65 && c2 === 0x66) return 'ref';
  }
  return latin1(buf, a, b);
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML text with its entity and character references decoded; an unknown entity stays as written.
 * @example decodeXmlEntities('A&amp;B &#x4E2D;&#25991;') // 'A&B 中文'
 */
export function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (all, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** OOXML's _xHHHH_ escapes decoded (how Excel stores control characters and CR). */
function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Whether exceljs reads a number with this format as a date (the same test as exceljs's utils.isDateFmt: a date
 * or time letter outside quotes and brackets).
 * @example isDateFormat('yyyy-mm-dd') // true
 * @example isDateFormat('#,##0.00') // false
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * The serial a date-formatted number reads as: exceljs's Date conversion (whole milliseconds, 1904 system shifted
 * into the 1900 one) and dateToSerial's inverse, without building a Date. '' where exceljs's Date is invalid.
 */
function dateSerial(v: number, date1904: boolean): CellValue {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= 8.64e15)) return '';
  const serial = ms / MS_PER_DAY + 25569;
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** Serial number of an ISO 8601 date-time text (t="d" cells), or NaN. */
function isoSerial(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Math.round(Number(m[6] ?? 0) * 1000);
  return ms / MS_PER_DAY + 25569;
}

/** Character data of buf[a, b): line ends normalised to LF as every XML parser does (&#13; stays CR), references decoded. */
function textOf(buf: Buffer, a: number, b: number, cdata = false): string {
  let s = utf8(buf, a, b);
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return cdata ? s : decodeXmlEntities(s);
}

/**
 * A minimal pull scanner over XML bytes: calls `tag` for every start, end and empty-element tag with its local name
 * (prefix dropped), and `text` for character data, only while `wantText` is true. Works on chunks: `feed` scans up to
 * the last complete token and returns how many bytes it consumed; the caller prepends the rest to the next chunk, so
 * a multi-byte character or a tag is never split.
 */
abstract class XmlScanner {
  protected wantText = false;
  /** Set by a subclass to stop reading the entry. */
  done = false;

  /** A tag: `kind` 0 = start, 1 = end, 2 = empty element; attributes are buf[attrStart, attrEnd). */
  protected abstract tag(name: string, kind: 0 | 1 | 2, buf: Buffer, attrStart: number, attrEnd: number): void;
  protected abstract text(s: string): void;

  /** Character data in buf[a, b) (no CDATA); a subclass may keep the bytes instead of a string. */
  protected textBytes(buf: Buffer, a: number, b: number): void {
    this.text(textOf(buf, a, b));
  }

  /** Scans buf; returns the number of bytes consumed (all of them when `last`). */
  feed(buf: Buffer, last: boolean): number {
    let pos = 0;
    const n = buf.length;
    while (pos < n && !this.done) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) {
        if (this.wantText && !last) return pos;
        if (this.wantText) this.textBytes(buf, pos, n);
        return n;
      }
      if (lt > pos && this.wantText) this.textBytes(buf, pos, lt);
      pos = lt;
      const c1 = buf[lt + 1];
      if (c1 === undefined) return last ? n : lt;
      if (c1 === BANG) {
        // <!-- comment -->, <![CDATA[ ... ]]>, <!DOCTYPE ...>
        if (buf[lt + 2] === 0x2d) {
          const end = buf.indexOf('-->', lt + 4, 'latin1');
          if (end < 0) return last ? n : lt;
          pos = end + 3;
        } else if (buf[lt + 2] === 0x5b) {
          const end = buf.indexOf(']]>', lt + 9, 'latin1');
          if (end < 0) return last ? n : lt;
          if (this.wantText) this.text(textOf(buf, lt + 9, end, true));
          pos = end + 3;
        } else {
          const end = buf.indexOf(GT, lt + 2);
          if (end < 0) return last ? n : lt;
          pos = end + 1;
        }
        continue;
      }
      if (c1 === QUESTION) {
        const end = buf.indexOf('?>', lt + 2, 'latin1');
        if (end < 0) return last ? n : lt;
        pos = end + 2;
        continue;
      }
      // The tag's end: the first '>' outside a quoted attribute value.
      let gt = -1;
      let quote = 0;
      for (let i = lt + 1; i < n; i++) {
        const b = buf[i];
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === 0x22 || b === 0x27) quote = b;
        else if (b === GT) {
          gt = i;
          break;
        }
      }
      if (gt < 0) return last ? n : lt;
      const closing = c1 === SLASH;
      let nameStart = closing ? lt + 2 : lt + 1;
      let nameEnd = nameStart;
      while (nameEnd < gt) {
        const b = buf[nameEnd];
        if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH) break;
        if (b === COLON) nameStart = nameEnd + 1;
        nameEnd++;
      }
      const name = nameOf(buf, nameStart, nameEnd);
      const empty = !closing && buf[gt - 1] === SLASH;
      this.tag(name, closing ? 1 : empty ? 2 : 0, buf, nameEnd, empty ? gt - 1 : gt);
      pos = gt + 1;
    }
    return this.done ? n : pos;
  }
}

/**
 * The attributes of a tag in buf[start, end): local names (prefix dropped) and entity-decoded values, into `out` as
 * name, value, name, value…; returns how many strings were written.
 */
function readAttributes(buf: Buffer, start: number, end: number, out: string[]): number {
  let n = 0;
  let i = start;
  while (i < end) {
    let b = buf[i];
    while (i < end && (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) b = buf[++i];
    if (i >= end) break;
    let nameStart = i;
    while (i < end) {
      b = buf[i];
      if (b === 0x3d || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) break;
      if (b === COLON) nameStart = i + 1;
      i++;
    }
    const nameEnd = i;
    while (i < end && buf[i] !== 0x22 && buf[i] !== 0x27) i++;
    if (i >= end) break;
    const quote = buf[i];
    const valueStart = ++i;
    while (i < end && buf[i] !== quote) i++;
    if (i >= end) break;
    const raw = utf8(buf, valueStart, i);
    out[n++] = nameOf(buf, nameStart, nameEnd);
    out[n++] = raw.indexOf('&') >= 0 ? decodeXmlEntities(raw) : raw;
    i++;
  }
  return n;
}

const scratch: string[] = [];

/** Scans xl/sharedStrings.xml into the list of strings (<si> with its <t> and <r><t>, not <rPh>). */
class SharedStringsScanner extends XmlScanner {
  readonly strings: string[] = [];
  private pieces: string[] = [];
  private inSi = false;
  private phonetic = 0;

  /** Whether </sst> was seen: a part cut short is damaged, not a shorter list. */
  complete = false;

  protected tag(name: string, kind: 0 | 1 | 2): void {
    if (name === 'sst' && kind !== 0) this.complete = true;
    if (name === 't') {
      this.wantText = kind === 0 && this.inSi && this.phonetic === 0;
    } else if (name === 'si') {
      if (kind === 0) {
        this.inSi = true;
        this.pieces = [];
      } else {
        this.strings.push(kind === 2 ? '' : decodeEscapes(this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('')));
        this.inSi = false;
        this.wantText = false;
      }
    } else if (name === 'rPh') {
      if (kind === 0) this.phonetic++;
      else if (kind === 1) this.phonetic--;
    }
  }

  protected text(s: string): void {
    this.pieces.push(s);
  }
}

/** Number formats by style index (cellXfs), from xl/styles.xml: '' for General. */
export function cellFormats(stylesXml: string, defaultFormat: (id: number) => string | undefined): string[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\s([^>]*)>/g)) {
    const id = /\bnumFmtId\s*=\s*"(\d+)"/.exec(m[1]);
    const code = /\bformatCode\s*=\s*"([^"]*)"/.exec(m[1]) ?? /\bformatCode\s*=\s*'([^']*)'/.exec(m[1]);
    if (id && code) custom.set(Number(id[1]), decodeXmlEntities(code[1]));
  }
  const formats: string[] = [];
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return formats;
  for (const m of xfs[1].matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const id = Number(/\bnumFmtId\s*=\s*"(\d+)"/.exec(m[1])?.[1] ?? 0);
    // As exceljs: numFmtId 0 is no format; an id neither custom nor built in is none either.
    formats.push(id ? (custom.get(id) ?? defaultFormat(id) ?? '') : '');
  }
  return formats;
}

/** Letters of a cell reference -> 0-based column, or -1 when there are none. */
function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Letters of a cell reference in buf[a, b) -> 0-based column, or -1 when there are none. */
function columnOfBytes(buf: Buffer, a: number, b: number): number {
  let col = 0;
  let i = a;
  for (; i < b; i++) {
    const c = buf[i];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === a ? -1 : col - 1;
}

/** Per-format facts the sheet scanner needs for a style index. */
interface StyleFacts {
  format: string;
  isDate: boolean;
}

/** What a scanned sheet gives: its grid, and per cell its number format and formula. */
export interface ScannedSheet {
  grid: CellValue[][];
  /** Per row (0-based) the formats of its cells (index into formatNames; 0 = General), for rows with any. */
  formatRows: (Uint16Array | undefined)[];
  formatNames: string[];
  /** Formula text by `row * 16384 + col`. */
  formulas: Map<number, string>;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Calls `onAttr(nameByte, valueStart, valueEnd)` for every attribute of buf[a, b) whose local name is one letter
 * (what <c> and <row> carry: r, s, t), without making strings.
 */
function eachShortAttribute(buf: Buffer, a: number, b: number, onAttr: (name: number, vs: number, ve: number) => void): void {
  let i = a;
  while (i < b) {
    if (isSpace(buf[i])) {
      i++;
      continue;
    }
    let ns = i;
    while (i < b && buf[i] !== 0x3d && !isSpace(buf[i])) {
      if (buf[i] === COLON) ns = i + 1;
      i++;
    }
    const ne = i;
    while (i < b && buf[i] !== 0x22 && buf[i] !== 0x27) i++;
    if (i >= b) return;
    const quote = buf[i];
    const vs = ++i;
    while (i < b && buf[i] !== quote) i++;
    if (i >= b) return;
    if (ne - ns === 1) onAttr(buf[ns], vs, i);
    i++;
  }
}

/** Non-negative integer of the digits in buf[a, b), or -1 when there are other characters or none. */
function digitsOf(buf: Buffer, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** parseFloat of the text in buf[a, b), with a fast path for plain integers. */
function numberOf(buf: Buffer, a: number, b: number): number {
  const neg = buf[a] === 0x2d;
  const n = digitsOf(buf, neg ? a + 1 : a, b);
  if (n >= 0) return neg ? -n : n;
  return parseFloat(decodeXmlEntities(utf8(buf, a, b)));
}

/** The t attribute's value, interned for the cell types. */
function cellTypeOf(buf: Buffer, a: number, b: number): string {
  const len = b - a;
  if (len === 1 && buf[a] < 128) return NAME1[buf[a]];
  if (len === 3 && buf[a] === 0x73 && buf[a + 1] === 0x74 && buf[a + 2] === 0x72) return 'str';
  const t = latin1(buf, a, b);
  return t === 'inlineStr' ? 'inlineStr' : t;
}

/** Scans one worksheet's XML (<sheetData> only). */
class SheetScanner extends XmlScanner {
  readonly grid: CellValue[][] = [];
  readonly formatRows: (Uint16Array | undefined)[] = [];
  readonly formatNames = ['General'];
  readonly formulas = new Map<number, string>();
  private readonly formatIndex = new Map<string, number>([['General', 0]]);
  private inSheetData = false;
  /** After </sheetData> only the merged areas are read (Range.values gives '' for a merged area's other cells). */
  private dataEnded = false;
  private readonly merges: string[] = [];
  private row = -1;
  private rowCells: CellValue[] | null = null;
  private rowFormats: number[] | null = null;
  private col = -1;
  // the current cell
  private inCell = false;
  private type = '';
  private style = 0;
  private hasValue = false;
  private valueText = '';
  private formulaText: string | null = null;
  private inIs = false;
  private phonetic = 0;
  private capture: 'v' | 'f' | 't' | null = null;
  private readonly pieces: string[] = [];
  /** A <v>'s text kept as bytes (the usual case: one run of text); decoded only as what the cell type needs. */
  private vBuf: Buffer | null = null;
  private vA = 0;
  private vB = 0;
  private rawV = false;
  width = 0;

  constructor(
    private readonly sheetName: string,
    private readonly styles: StyleFacts[],
    private readonly shared: readonly string[],
    private readonly date1904: boolean,
  ) {
    super();
  }

  private startCapture(what: 'v' | 'f' | 't'): void {
    this.capture = what;
    this.pieces.length = 0;
    this.vBuf = null;
    this.wantText = true;
  }

  private flushV(): void {
    if (this.vBuf) {
      this.pieces.push(textOf(this.vBuf, this.vA, this.vB));
      this.vBuf = null;
    }
  }

  protected override textBytes(buf: Buffer, a: number, b: number): void {
    if (this.capture === 'v' && this.vBuf === null && this.pieces.length === 0) {
      this.vBuf = buf;
      this.vA = a;
      this.vB = b;
      return;
    }
    this.flushV();
    this.pieces.push(textOf(buf, a, b));
  }

  private endCapture(): string {
    this.flushV();
    this.wantText = false;
    this.capture = null;
    const s = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    this.pieces.length = 0;
    return s;
  }

  protected text(s: string): void {
    this.flushV();
    this.pieces.push(s);
  }

  protected tag(name: string, kind: 0 | 1 | 2, buf: Buffer, a: number, b: number): void {
    if (!this.inSheetData) {
      if (this.dataEnded) {
        if (name === 'mergeCell' && kind !== 1) {
          const n = readAttributes(buf, a, b, scratch);
          for (let i = 0; i < n; i += 2) if (scratch[i] === 'ref') this.merges.push(scratch[i + 1]);
        }
      } else if (name === 'sheetData') {
        if (kind === 0) this.inSheetData = true;
        else this.dataEnded = true;
      }
      return;
    }
    switch (name) {
      case 'c':
        if (kind === 1) {
          this.endCell();
          return;
        }
        this.startCell(buf, a, b);
        if (kind === 2) this.endCell();
        return;
      case 'v':
        if (!this.inCell) return;
        if (kind === 0) this.startCapture('v');
        else if (kind === 1 && this.capture === 'v') {
          if (this.vBuf && this.pieces.length === 0) {
            this.rawV = true;
            this.wantText = false;
            this.capture = null;
          } else this.valueText = this.endCapture();
          this.hasValue = true;
        } else if (kind === 2) {
          this.valueText = '';
          this.hasValue = true;
        }
        return;
      case 'f':
        if (!this.inCell) return;
        if (kind === 0) this.startCapture('f');
        else if (kind === 1 && this.capture === 'f') this.formulaText = this.endCapture();
        else if (kind === 2) this.formulaText = '';
        return;
      case 'is':
        if (!this.inCell) return;
        if (kind === 0) {
          this.inIs = true;
          this.pieces.length = 0;
          this.valueText = '';
        } else {
          this.inIs = false;
          this.hasValue = true;
        }
        return;
      case 't':
        if (!this.inIs || this.phonetic) return;
        if (kind === 0) this.startCapture('t');
        else if (kind === 1 && this.capture === 't') this.valueText += this.endCapture();
        return;
      case 'rPh':
        if (kind === 0) this.phonetic++;
        else if (kind === 1) this.phonetic--;
        return;
      case 'row':
        if (kind === 1) {
          this.endRow();
          return;
        }
        this.startRow(buf, a, b);
        if (kind === 2) this.endRow();
        return;
      case 'sheetData':
        if (kind !== 0) {
          this.endRow();
          this.inSheetData = false;
          this.dataEnded = true;
        }
        return;
      default:
        return;
    }
  }

  /** Ends what a truncated part left open (the last row). */
  finish(): void {
    if (!this.dataEnded) throw new Error(`damaged sheet XML of ${this.sheetName}: it ends before </sheetData>`);
    const grid = this.grid;
    for (const ref of this.merges) {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
      if (!m) continue;
      const c1 = columnOfRef(m[1]);
      const c2 = columnOfRef(m[3]);
      const r1 = Number(m[2]) - 1;
      const r2 = Math.min(Number(m[4]) - 1, grid.length - 1);
      for (let r = r1; r <= r2; r++) {
        const row = grid[r];
        if (!row) continue;
        let changed = false;
        for (let c = c1; c <= c2 && c < row.length; c++) {
          if ((r === r1 && c === c1) || row[c] === '') continue;
          row[c] = '';
          changed = true;
        }
        if (!changed) continue;
        let end = row.length;
        while (end > 0 && row[end - 1] === '') end--;
        row.length = end;
        const fmts = this.formatRows[r];
        if (fmts) this.formatRows[r] = end ? fmts.subarray(0, end) : undefined;
      }
    }
    if (this.merges.length) {
      while (grid.length && grid[grid.length - 1].length === 0) grid.pop();
      this.formatRows.length = Math.min(this.formatRows.length, grid.length);
    }
  }

  private startRow(buf: Buffer, a: number, b: number): void {
    this.endRow();
    let r = -1;
    eachShortAttribute(buf, a, b, (name, vs, ve) => {
      if (name === 0x72) r = digitsOf(buf, vs, ve) >= 0 ? digitsOf(buf, vs, ve) : parseInt(utf8(buf, vs, ve), 10);
    });
    this.row = r > 0 ? r - 1 : this.row + 1;
    this.col = -1;
    this.rowCells = [];
    this.rowFormats = null;
  }

  private endRow(): void {
    const cells = this.rowCells;
    if (!cells) return;
    this.rowCells = null;
    if (cells.length === 0) return;
    const r = this.row;
    const grid = this.grid;
    while (grid.length < r) grid.push([]);
    grid[r] = cells;
    const fmts = this.rowFormats;
    if (fmts) {
      const packed = new Uint16Array(cells.length);
      for (let c = 0; c < fmts.length && c < cells.length; c++) packed[c] = fmts[c] ?? 0;
      this.formatRows[r] = packed;
    }
    if (cells.length > this.width) this.width = cells.length;
  }

  private startCell(buf: Buffer, a: number, b: number): void {
    if (!this.rowCells) {
      // A <c> outside any <row>: as if its row had no r.
      this.row++;
      this.col = -1;
      this.rowCells = [];
      this.rowFormats = null;
    }
    let col = -1;
    let type = '';
    let style = 0;
    eachShortAttribute(buf, a, b, (name, vs, ve) => {
      if (name === 0x72) col = columnOfBytes(buf, vs, ve);
      else if (name === 0x74) type = cellTypeOf(buf, vs, ve);
      else if (name === 0x73) style = Math.max(0, digitsOf(buf, vs, ve));
    });
    this.col = col >= 0 ? col : this.col + 1;
    this.type = type;
    this.style = style;
    this.inCell = true;
    this.hasValue = false;
    this.valueText = '';
    this.vBuf = null;
    this.rawV = false;
    this.formulaText = null;
    this.inIs = false;
    this.phonetic = 0;
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.wantText = false;
    this.capture = null;
    const r = this.row;
    const c = this.col;
    checkInGrid(this.sheetName, r + 1, c + 1);
    const formula = this.formulaText;
    if (formula) this.formulas.set(r * 16384 + c, formula);
    if (!this.hasValue) return;
    const facts = this.style ? this.styles[this.style] : undefined;
    const raw = this.rawV ? this.vBuf : null;
    const type = this.type;
    if (raw && (type === '' || type === 'n' || (type === 's' && formula === null))) {
      // The common cells, from the bytes: a number, or a shared string's index.
      let v: CellValue;
      if (type === 's') {
        const k = digitsOf(raw, this.vA, this.vB);
        v = this.shared[k >= 0 ? k : parseInt(utf8(raw, this.vA, this.vB), 10)] ?? '';
      } else {
        v = numberOf(raw, this.vA, this.vB);
        if (facts?.isDate) v = dateSerial(v, this.date1904);
      }
      this.vBuf = null;
      this.put(c, v, facts);
      return;
    }
    const text = raw ? textOf(raw, this.vA, this.vB) : this.valueText;
    this.vBuf = null;
    let v: CellValue;
    switch (type) {
      case 's':
        v = formula === null ? (this.shared[parseInt(text, 10)] ?? '') : parseFloat(text);
        break;
      case 'str':
      case 'inlineStr':
        v = decodeEscapes(text);
        break;
      case 'b':
        v = parseInt(text, 10) !== 0;
        break;
      case 'e':
        v = text;
        break;
      case 'd':
        v = isoSerial(text);
        break;
      default:
        // An empty <v/> is a blank cell (exceljs in memory: no value), not NaN.
        if (text === '') return;
        v = parseFloat(text);
        if (facts?.isDate) v = dateSerial(v, this.date1904);
    }
    this.put(c, v, facts);
  }

  private put(c: number, v: CellValue, facts: StyleFacts | undefined): void {
    if (v === '') return;
    const cells = this.rowCells!;
    while (cells.length < c) cells.push('');
    cells[c] = v;
    if (facts && facts.format) {
      let k = this.formatIndex.get(facts.format);
      if (k === undefined) this.formatIndex.set(facts.format, (k = this.formatNames.push(facts.format) - 1));
      (this.rowFormats ??= [])[c] = k;
    }
  }
}

/** Feeds an entry's chunks to a scanner, carrying incomplete tokens over; stops when the scanner is done. */
async function scanEntry(file: string, fd: number, entry: ZipEntryInfo, scanner: XmlScanner): Promise<void> {
  let carry: Buffer | null = null;
  for await (const chunk of entryChunks(file, fd, entry)) {
    const buf: Buffer = carry && carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const used = scanner.feed(buf, false);
    carry = used < buf.length ? buf.subarray(used) : null;
    if (scanner.done) return;
  }
  if (carry && carry.length) scanner.feed(carry, true);
}

function feedAll(chunks: Iterable<Buffer>, scanner: XmlScanner): void {
  let carry: Buffer | null = null;
  for (const chunk of chunks) {
    const buf: Buffer = carry && carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const used = scanner.feed(buf, false);
    carry = used < buf.length ? buf.subarray(used) : null;
    if (scanner.done) return;
  }
  if (carry && carry.length) scanner.feed(carry, true);
}

/**
 * A worksheet's XML, given in pieces cut anywhere (even inside a tag or a character), scanned as openWorkbookScan
 * scans a sheet part: for tests and for callers that hold the XML already.
 * @example scanSheetXml([Buffer.from('<sheetData><row><c><v>1</v></c></row></sheetData>')]).grid // [[1]]
 */
export function scanSheetXml(chunks: Iterable<Buffer>, options: { shared?: readonly string[]; formats?: readonly string[]; date1904?: boolean; sheetName?: string } = {}): ScannedSheet {
  const styles = (options.formats ?? []).map((format) => ({ format, isDate: isDateFormat(format) }));
  const scanner = new SheetScanner(options.sheetName ?? 'Sheet1', styles, options.shared ?? [], options.date1904 ?? false);
  feedAll(chunks, scanner);
  scanner.finish();
  return { grid: scanner.grid, formatRows: scanner.formatRows, formatNames: scanner.formatNames, formulas: scanner.formulas };
}

/**
 * Shared strings XML, in pieces cut anywhere, as the list of strings.
 * @example scanSharedStrings([Buffer.from('<sst><si><r><t>王</t></r><r><t>先生</t></r></si></sst>')]) // ['王先生']
 */
export function scanSharedStrings(chunks: Iterable<Buffer>): string[] {
  const scanner = new SharedStringsScanner();
  feedAll(chunks, scanner);
  if (!scanner.complete) throw new Error('damaged shared strings: the part ends before </sst>');
  return scanner.strings;
}

/** One sheet of the workbook, as workbook.xml lists it. */
export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml; undefined when the relationship is missing. */
  part: string | undefined;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXmlEntities(m[1] ?? m[2]) : undefined;
};

/** `target` of a relationship of xl/workbook.xml as a part name. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export interface WorkbookScan {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Reads one sheet's cells (`entry.part` must be set). */
  readSheet(entry: SheetEntry): Promise<ScannedSheet>;
  close(): void;
}

/**
 * Opens an .xlsx file for scanning: reads its workbook part, relationships, styles and shared strings.
 * @throws Error when the package is not a readable zip or lacks xl/workbook.xml.
 * @example const wb = await openWorkbookScan('dealer.xlsx'); const s = await wb.readSheet(wb.sheets[0]); wb.close();
 */
export async function openWorkbookScan(file: string, defaultFormat: (id: number) => string | undefined): Promise<WorkbookScan> {
  const fd = fs.openSync(file, 'r');
  try {
    const entries = zipEntries(fd, fs.fstatSync(fd).size);
    const text = async (name: string) => {
      const e = entries.get(name);
      return e ? (await entryBuffer(file, fd, e)).toString('utf8') : undefined;
    };
    const workbookXml = await text('xl/workbook.xml');
    if (workbookXml === undefined) throw new Error('no xl/workbook.xml');
    const relsXml = (await text('xl/_rels/workbook.xml.rels')) ?? '';
    const targets = new Map<string, string>();
    let sharedPart = 'xl/sharedStrings.xml';
    let stylesPart = 'xl/styles.xml';
    for (const tag of relsXml.match(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      const type = attr(tag, 'Type') ?? '';
      if (!id || !target || attr(tag, 'TargetMode') === 'External') continue;
      targets.set(id, resolveTarget(target));
      if (type.endsWith('/sharedStrings')) sharedPart = resolveTarget(target);
      if (type.endsWith('/styles')) stylesPart = resolveTarget(target);
    }
    const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
    const d1904 = attr(pr, 'date1904');
    const date1904 = d1904 === '1' || d1904 === 'true';
    const sheets: SheetEntry[] = [];
    for (const tag of workbookXml.match(/<(?:[\w.-]+:)?sheet\s[^>]*>/g) ?? []) {
      const name = attr(tag, 'name');
      if (name === undefined) continue;
      const rid = attr(tag, 'id');
      const state = attr(tag, 'state');
      const part = rid ? targets.get(rid) : undefined;
      sheets.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', part: part && entries.has(part) ? part : undefined });
    }
    const formats = cellFormats((await text(stylesPart)) ?? '', defaultFormat);
    const styles: StyleFacts[] = formats.map((format) => ({ format, isDate: isDateFormat(format) }));
    const sharedEntry = entries.get(sharedPart);
    const shared = new SharedStringsScanner();
    if (sharedEntry) {
      await scanEntry(file, fd, sharedEntry, shared);
      if (!shared.complete) throw new Error('damaged shared strings: the part ends before </sst>');
    }
    return {
      sheets,
      date1904,
      async readSheet(entry) {
        const e = entry.part ? entries.get(entry.part) : undefined;
        if (!e) throw new Error(`no part for sheet ${entry.name}`);
        const scanner = new SheetScanner(entry.name, styles, shared.strings, date1904);
        await scanEntry(file, fd, e, scanner);
        scanner.finish();
        return { grid: scanner.grid, formatRows: scanner.formatRows, formatNames: scanner.formatNames, formulas: scanner.formulas };
      },
      close() {
        fs.closeSync(fd);
      },
    };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}
