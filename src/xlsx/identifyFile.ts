/**
 * What an input file is, read from its first bytes and (for a zip) its central directory, before any workbook
 * reader touches it: so a PDF, an encrypted workbook, a legacy .xls, an .xlsb, an .ods, a Word file or a zip of
 * workbooks is told what it is and what to do, instead of a reader's stack trace or "未找到保有客户表".
 * Reads at most 64 KB plus the central directory; never inflates anything.
 */
import * as fs from 'fs';

export type FileKind =
  | 'xlsx' // an OOXML workbook package with xl/workbook.xml
  | 'missing'
  | 'directory'
  | 'empty'
  | 'pdf'
  | 'encrypted' // an OLE compound file holding EncryptionInfo: a password-protected .xlsx
  | 'xls' // an OLE compound file with a Workbook stream: Excel 97-2003
  | 'ole' // another OLE compound file (.doc …)
  | 'xlsb'
  | 'ods'
  | 'docx'
  | 'pptx'
  | 'zipOfFiles' // a zip holding workbooks or other files, not a workbook itself
  | 'truncated' // starts like a zip but has no end record: cut short
  | 'noWorkbookPart' // a zip without xl/workbook.xml
  | 'csv'
  | 'html' // an HTML table saved as .xls by many DMS exports
  | 'unknown';

export interface FileIdentity {
  kind: FileKind;
  /** Zip entry names (for diagnostics), when the file is a readable zip. */
  entries?: string[];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The zip's entries (name and uncompressed size) from its central directory, or null when there is no
 * end-of-central-directory record or the directory lies outside the file. Reads only the tail and the directory.
 */
export function zipDirectory(fd: number, size: number): { name: string; size: number }[] | null {
  const tailLength = Math.min(size, 22 + 65535);
  const tail = Buffer.alloc(tailLength);
  fs.readSync(fd, tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size) return null;
  const cd = Buffer.alloc(cdSize);
  fs.readSync(fd, cd, 0, cdSize, cdOffset);
  const entries: { name: string; size: number }[] = [];
  for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({ name: cd.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, ''), size: cd.readUInt32LE(p + 24) });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries;
}

/** UTF-16LE text inside an OLE file's directory (stream names such as "EncryptionInfo", "Workbook"). */
function oleHasStream(head: Buffer, name: string): boolean {
  return head.includes(Buffer.from(name, 'utf16le'));
}

/** Looks like delimited text: printable, several lines, a consistent separator. */
function looksLikeCsv(head: Buffer): boolean {
  const text = head.toString('utf8');
  // eslint-disable-next-line no-control-regex -- binary bytes are exactly what tells text from a binary file
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.replace(/\r|\n|\t/g, ''))) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length < 1) return false;
  return lines.some((l) => l.includes(',') || l.includes('\t') || l.includes(','));
}

/**
 * @example identifyFile('dealer.xlsx') // { kind: 'xlsx', entries: [...] }
 * @example identifyFile('report.pdf') // { kind: 'pdf' }
 */
export function identifyFile(file: string): FileIdentity {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.isDirectory()) return { kind: 'directory' };
  if (stat.size === 0) return { kind: 'empty' };
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(stat.size, 65536));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf' };
    if (head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC)) {
      // The directory may lie past the first 64 KB in a large file; read the whole file when small enough.
      const all = stat.size <= 16 * 1024 * 1024 ? fs.readFileSync(file) : head;
      if (oleHasStream(all, 'EncryptionInfo') || oleHasStream(all, 'EncryptedPackage')) return { kind: 'encrypted' };
      if (oleHasStream(all, 'Workbook') || oleHasStream(all, 'Book')) return { kind: 'xls' };
      return { kind: 'ole' };
    }
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
      const directory = zipDirectory(fd, stat.size);
      if (!directory) return { kind: 'truncated' };
      const names = directory.map((e) => e.name);
      const has = (n: string) => names.includes(n);
      if (has('xl/workbook.xml')) return { kind: 'xlsx', entries: names };
      if (has('xl/workbook.bin')) return { kind: 'xlsb', entries: names };
      if (has('content.xml') && (has('mimetype') || has('META-INF/manifest.xml'))) return { kind: 'ods', entries: names };
      if (has('word/document.xml')) return { kind: 'docx', entries: names };
      if (has('ppt/presentation.xml')) return { kind: 'pptx', entries: names };
      if (names.length > 0 && names.every((n) => n.endsWith('/') || /\.(xlsx|xls|xlsm|csv|zip|pdf|docx?)$/i.test(n))) return { kind: 'zipOfFiles', entries: names };
      return { kind: 'noWorkbookPart', entries: names };
    }
    if (/^\s*<(!doctype html|html|table)/i.test(head.subarray(0, 512).toString('utf8').replace(/^\ufeff/, ''))) return { kind: 'html' };
    if (looksLikeCsv(head)) return { kind: 'csv' };
    return { kind: 'unknown' };
  } finally {
    fs.closeSync(fd);
  }
}
