/**
 * Whether a source package is sound enough to be copied: the splice writer (spliceWorkbook.ts) copies the user's
 * bytes, so a damaged part (a byte overwritten, a broken tag, a cell reference that is not one, a DTD) would be
 * copied into the output, and Excel would offer to repair it. The stream reader forgives such damage (it reads what
 * it can, as exceljs does), so a damaged package still analyses; it is then written by streamWriteWorkbook, which
 * regenerates every sheet from the grids read (analyzeCommand.ts).
 *
 * Checked, streaming, on every XML part (.xml, .rels) of the package:
 *  - well-formed XML: valid UTF-8, tags balanced and well formed, attributes quoted, entity references only the
 *    five predefined ones or character references, no character XML forbids, no DOCTYPE (entities);
 *  - a worksheet: its root's children are CT_Worksheet's, <sheetData> is there, inside it only rows of cells
 *    (row > c > v | f | is), row numbers ascending and inside the grid, each cell's reference in its row, columns
 *    ascending and inside the grid;
 *  - workbook.xml: every <sheet> has a name of 1-31 characters, a sheetId and a relationship id;
 *  - a stylesheet is there, and every shared-string index a cell uses is one the table holds.
 * About 1 s per 100 MB of sheet XML on this machine (the inflate included).
 */
import * as fs from 'fs';
import { entryChunks, zipEntries } from './scanWorkbook';

const WORKSHEET_CHILDREN = new Set([
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]);
/** What each element inside <sheetData> may contain (rich text runs' properties are not looked into). */
const SHEETDATA_CHILDREN: Record<string, Set<string>> = {
  sheetData: new Set(['row']),
  row: new Set(['c', 'extLst']),
  c: new Set(['f', 'v', 'is', 'extLst']),
  is: new Set(['t', 'r', 'rPh', 'phoneticPr']),
  r: new Set(['rPr', 't']),
  rPh: new Set(['t']),
  f: new Set(),
  v: new Set(),
  t: new Set(),
};
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

type Kind = 'worksheet' | 'workbook' | 'sharedStrings' | 'other';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Whether `c` is a character of JavaScript's regex \s (what the checker's grammar was first written with). */
function isSpace(c: number): boolean {
  if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return true;
  if (c < 0x0b) return false;
  return c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/** End of the (prefixed) XML name at `i` ([A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?), or -1 when none starts there. */
function nameEnd(s: string, i: number): number {
  if (!isNameStart(s.charCodeAt(i))) return -1;
  i++;
  while (isNameChar(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 0x3a && isNameStart(s.charCodeAt(i + 1))) {
    i += 2;
    while (isNameChar(s.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * The name s[a, b) as a literal for the names of <sheetData> (row, c, v, f, is, t, r): the set and table look-ups
 * of every cell's tags then hash no new string.
 */
function internedName(s: string, a: number, b: number): string {
  const c0 = s.charCodeAt(a);
  if (b - a === 1) {
    if (c0 === 0x63) return 'c';
    if (c0 === 0x76) return 'v';
    if (c0 === 0x66) return 'f';
    if (c0 === 0x74) return 't';
    if (c0 === 0x72) return 'r';
  } else if (b - a === 2 && c0 === 0x69 && s.charCodeAt(a + 1) === 0x73) {
    return 'is';
  } else if (b - a === 3 && c0 === 0x72 && s.charCodeAt(a + 1) === 0x6f && s.charCodeAt(a + 2) === 0x77) {
    return 'row';
  }
  return s.slice(a, b);
}

/** The tag markupEnd read last (one object, reused: millions of tags). */
const tag = { closing: false, name: '', nameEnd: 0, attrsEnd: 0, selfClosing: false, end: 0 };
const NOT_XML = -1;
const DECLARATION = -2;

/**
 * The markup at s[at] (a '<'), read by hand (a regex per token cost most of the check): the end of a comment, a
 * processing instruction or a CDATA section; 0 for a tag, left in `tag` (`<name attr="v" …>`, `</name>`, `<name/>`;
 * attributes quoted, no '<' in a value); DECLARATION for any other `<!`; NOT_XML for anything else.
 */
function markupEnd(s: string, at: number): number {
  const c1 = s.charCodeAt(at + 1);
  if (c1 === 0x21) {
    if (s.startsWith('<!--', at)) {
      const e = s.indexOf('-->', at + 4);
      if (e >= 0) return e + 3;
    }
    if (s.startsWith('<![CDATA[', at)) {
      const e = s.indexOf(']]>', at + 9);
      if (e >= 0) return e + 3;
    }
    return DECLARATION;
  }
  if (c1 === 0x3f) {
    const e = s.indexOf('?>', at + 2);
    return e >= 0 ? e + 2 : NOT_XML;
  }
  const closing = c1 === SLASH;
  const start = closing ? at + 2 : at + 1;
  const end = nameEnd(s, start);
  if (end < 0) return NOT_XML;
  let i = end;
  let attrsEnd = end;
  for (;;) {
    let j = i;
    while (isSpace(s.charCodeAt(j))) j++;
    if (j > i && isNameStart(s.charCodeAt(j))) {
      // One attribute: name, '=', a quoted value without '<'.
      let k = nameEnd(s, j);
      while (isSpace(s.charCodeAt(k))) k++;
      if (s.charCodeAt(k) !== 0x3d) return NOT_XML;
      k++;
      while (isSpace(s.charCodeAt(k))) k++;
      const q = s.charCodeAt(k);
      if (q !== QUOTE && q !== APOSTROPHE) return NOT_XML;
      const close = s.indexOf(q === QUOTE ? '"' : "'", k + 1);
      if (close < 0) return NOT_XML;
      const lt = s.indexOf('<', k + 1);
      if (lt >= 0 && lt < close) return NOT_XML;
      i = attrsEnd = close + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(j) === SLASH;
    if (selfClosing) j++;
    if (s.charCodeAt(j) !== GT) return NOT_XML;
    tag.closing = closing;
    tag.name = internedName(s, start, end);
    tag.nameEnd = end;
    tag.attrsEnd = attrsEnd;
    tag.selfClosing = selfClosing;
    tag.end = j + 1;
    return 0;
  }
}
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const BAD_REF = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const T_SHARED = /\st\s*=\s*["']s["']/;
const R_ATTR = /\sr\s*=\s*["']([^"']*)["']/;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** The checker of one part, fed its text in pieces. */
class PartCheck {
  private stack: string[] = [];
  private carry = '';
  rootPrefix = '';
  private lastRow = 0;
  private rowNumber = 0;
  private lastCol = 0;
  private sawSheetData = false;
  /** Inside the worksheet's <sheetData> (the stack holds worksheet and sheetData at least). */
  private inSheetData = false;
  private sawRoot = false;
  /** A worksheet's t="s" cell whose <v> is open, and the largest shared-string index its cells use (-1: none). */
  private sharedCell = false;
  private inSharedValue = false;
  maxSharedIndex = -1;
  /** The shared-string table's <si> count. */
  strings = 0;
  problem: string | null = null;

  constructor(private readonly kind: Kind) {}

  private fail(why: string): void {
    this.problem ??= why;
  }

  private attrs(text: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const m of text.matchAll(ATTR)) {
      const v = m[2] ?? m[3] ?? '';
      if (out.has(m[1])) this.fail(`attribute ${m[1]} twice`);
      out.set(m[1], v);
    }
    return out;
  }

  /** The name without the root's prefix (x:row -> row), or null for an element of another namespace prefix. */
  private local(name: string): string | null {
    if (!this.rootPrefix && name.length < 4) return name; // row, c, v, f, is, t, r: the hot path
    const colon = name.indexOf(':');
    if (colon < 0) return this.rootPrefix ? null : name;
    return name.slice(0, colon + 1) === this.rootPrefix ? name.slice(colon + 1) : null;
  }

  private open(name: string, attrText: string, selfClosing: boolean): void {
    const depth = this.stack.length;
    if (depth === 0) {
      if (this.sawRoot) this.fail('two root elements');
      this.sawRoot = true;
      const colon = name.indexOf(':');
      this.rootPrefix = colon < 0 ? '' : name.slice(0, colon + 1);
    }
    if (this.kind === 'worksheet' && depth > 0) this.worksheetElement(name, attrText, selfClosing);
    if (this.kind === 'sharedStrings' && depth === 1 && this.local(name) === 'si') this.strings++;
    if (this.kind === 'workbook' && this.local(name) === 'sheet') {
      const a = this.attrs(attrText);
      const sheetName = a.get('name') ?? '';
      if (sheetName.length < 1 || sheetName.length > 31) this.fail('sheet name length');
      if (!a.has('sheetId') || ![...a.keys()].some((k) => /(^|:)id$/.test(k) && k !== 'sheetId')) this.fail('sheet without sheetId or r:id');
    }
    if (!selfClosing) this.stack.push(name);
  }

  private worksheetElement(name: string, attrText: string, selfClosing: boolean): void {
    const depth = this.stack.length;
    const local = this.local(name);
    if (depth === 1) {
      if (local === null) return; // another namespace (mc:AlternateContent …)
      if (!WORKSHEET_CHILDREN.has(local)) this.fail(`<${name}> in <worksheet>`);
      if (local === 'sheetData') {
        this.sawSheetData = true;
        this.inSheetData = !selfClosing;
      }
      return;
    }
    if (!this.inSheetData) return;
    const parent = this.local(this.stack[depth - 1]) ?? '';
    const allowed = SHEETDATA_CHILDREN[parent];
    if (!allowed) return; // inside rPr or an extLst
    if (local === null || !allowed.has(local)) {
      this.fail(`<${name}> in <${this.stack[depth - 1]}>`);
      return;
    }
    if (local === 'row') {
      const r = R_ATTR.exec(attrText)?.[1];
      const n = r === undefined ? this.lastRow + 1 : /^[1-9]\d{0,6}$/.test(r) ? Number(r) : NaN;
      if (!(n > this.lastRow && n <= MAX_ROWS)) this.fail(`row ${r} after row ${this.lastRow}`);
      this.lastRow = this.rowNumber = n;
      this.lastCol = 0;
    } else if (local === 'v') {
      this.inSharedValue = this.sharedCell && !selfClosing;
    } else if (local === 'c') {
      this.sharedCell = T_SHARED.test(attrText);
      const r = R_ATTR.exec(attrText)?.[1];
      if (r === undefined) {
        this.lastCol++;
        return;
      }
      const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(r);
      const col = m ? colOf(m[1]) : NaN;
      if (!m || Number(m[2]) !== this.rowNumber || !(col > this.lastCol && col <= MAX_COLS)) this.fail(`cell ${r} in row ${this.rowNumber}`);
      this.lastCol = col;
    }
  }

  private close(name: string): void {
    const top = this.stack.pop();
    this.inSharedValue = false;
    if (this.stack.length === 1) this.inSheetData = false;
    if (top !== name) this.fail(`</${name}> closes <${top}>`);
  }

  feed(text: string, last: boolean): void {
    if (this.problem) return;
    const s = this.carry + text;
    // A token cut by the end of this piece is read with the next: everything from the last '<' (or '&') waits.
    let end = s.length;
    if (!last) {
      const lt = s.lastIndexOf('<');
      const amp = s.lastIndexOf('&');
      end = Math.max(0, Math.min(lt < 0 ? s.length : lt, amp >= 0 && s.indexOf(';', amp) < 0 ? amp : s.length));
    }
    this.carry = s.slice(end);
    const body = s.slice(0, end);
    // Once per piece, not per token: a forbidden character is one anywhere, and a bare '&' too (a comment or a CDATA
    // section may hold one legally: such a package is then only written the other way, never copied wrongly).
    if (BAD_CHAR.test(body) || BAD_REF.test(body)) {
      this.fail('forbidden character or bad reference');
      return;
    }
    let pos = 0;
    while (pos < body.length && !this.problem) {
      const at = pos;
      if (body.charCodeAt(at) !== LT) {
        // Text, up to the next '<': only whitespace outside the root.
        const lt = body.indexOf('<', at);
        pos = lt < 0 ? body.length : lt;
        if (this.stack.length === 0 && /\S/.test(body.slice(at, pos))) this.fail('text outside the root');
        if (this.inSharedValue) {
          // A shared string's index: a number the table holds (checked against its size at the end).
          const v = body.slice(at, pos).trim();
          if (!/^\d{1,9}$/.test(v)) this.fail(`shared-string index ${v}`);
          else this.maxSharedIndex = Math.max(this.maxSharedIndex, Number(v));
        }
        continue;
      }
      const next = markupEnd(body, at);
      if (next === DECLARATION) {
        this.fail('DOCTYPE or unknown declaration');
        return;
      }
      if (next === NOT_XML) {
        this.fail(`not XML at ${at}`);
        return;
      }
      if (next > 0) {
        pos = next; // comment, PI, CDATA
        continue;
      }
      pos = tag.end;
      if (tag.closing) this.close(tag.name);
      else this.open(tag.name, body.slice(tag.nameEnd, tag.attrsEnd), tag.selfClosing);
    }
  }

  finish(): string | null {
    this.feed('', true);
    if (!this.problem && this.carry) this.fail('unfinished token');
    if (!this.problem && this.stack.length) this.fail(`<${this.stack[this.stack.length - 1]}> not closed`);
    if (!this.problem && !this.sawRoot) this.fail('no root element');
    if (!this.problem && this.kind === 'worksheet' && !this.sawSheetData) this.fail('no <sheetData>');
    return this.problem;
  }
}

/**
 * The first problem that makes `file`'s package unfit to be copied (see the file comment), as "part: what", or null
 * when every XML part is sound.
 * @example await packageProblem('dealer.xlsx') // null
 * @example await packageProblem('damaged.xlsx') // 'xl/worksheets/sheet1.xml: cell A2x in row 2'
 */
export async function packageProblem(file: string): Promise<string | null> {
  const fd = fs.openSync(file, 'r');
  try {
    const dir = zipEntries(fd, fs.fstatSync(fd).size);
    // Every workbook Excel or LibreOffice writes has a stylesheet; the source's cells' style ids point into it.
    if (![...dir.keys()].some((p) => /^xl\/[^/]*styles\.xml$/i.test(p))) return 'xl/styles.xml: missing';
    let strings = 0;
    let maxSharedIndex = -1;
    for (const [path, entry] of dir) {
      if (!/\.(xml|rels)$/i.test(path)) continue;
      const kind: Kind = /^xl\/worksheets\/[^/]+\.xml$/.test(path) ? 'worksheet' : /^xl\/workbook\.xml$/.test(path) ? 'workbook' : /^xl\/sharedStrings\.xml$/i.test(path) ? 'sharedStrings' : 'other';
      const check = new PartCheck(kind);
      const decoder = new TextDecoder('utf-8', { fatal: true });
      try {
        for await (const chunk of entryChunks(file, fd, entry)) {
          check.feed(decoder.decode(chunk, { stream: true }), false);
          if (check.problem) break;
        }
        if (!check.problem) check.feed(decoder.decode(), false);
      } catch (e) {
        return `${path}: ${e instanceof Error ? e.message : String(e)}`;
      }
      const problem = check.finish();
      if (problem) return `${path}: ${problem}`;
      // A part written with a namespace prefix (<x:worksheet>, <x:workbook>) goes through exceljs: the splice edits the
      // workbook and styles parts unprefixed, and a spliced prefixed sheet keeps its prefix, which exceljs (and so the
      // tools of many a receiver) cannot read back (corpus case "prefixed namespace": "Cannot set properties of
      // undefined (setting 'sheetNo')"). Excel reads either.
      if (check.rootPrefix && (kind === 'workbook' || kind === 'worksheet' || /^xl\/[^/]*styles\.xml$/i.test(path))) return `${path}: namespace prefix ${check.rootPrefix} (not spliced)`;
      strings += check.strings;
      maxSharedIndex = Math.max(maxSharedIndex, check.maxSharedIndex);
    }
    if (maxSharedIndex >= strings) return `xl/sharedStrings.xml: a cell uses string ${maxSharedIndex} of ${strings}`;
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
