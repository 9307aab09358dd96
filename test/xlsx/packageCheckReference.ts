/**
 * The damaged-package check as it was before its hand-written tokenizer (main's src/xlsx/packageCheck.ts at 4dd74db:
 * a regex per token), kept only as the oracle of packageCheckMutations.test.ts: the new check must give the same
 * verdict, word for word, on every mutated package. Not used by the product.
 */
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
import { entryChunks, zipEntries } from '../../src/xlsx/scanWorkbook';

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

// One token: comment, processing instruction, CDATA, DOCTYPE, tag, or text up to the next '<'.
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!|<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|[^<]+/y;
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
    TOKEN.lastIndex = 0;
    const body = s.slice(0, end);
    // Once per piece, not per token: a forbidden character is one anywhere, and a bare '&' too (a comment or a CDATA
    // section may hold one legally: such a package is then only written the other way, never copied wrongly).
    if (BAD_CHAR.test(body) || BAD_REF.test(body)) {
      this.fail('forbidden character or bad reference');
      return;
    }
    while (TOKEN.lastIndex < body.length && !this.problem) {
      const at = TOKEN.lastIndex;
      const m = TOKEN.exec(body);
      if (!m) {
        this.fail(`not XML at ${at}`);
        return;
      }
      const tok = m[0];
      if (tok.charCodeAt(0) !== 0x3c) {
        // Text: only whitespace outside the root.
        if (this.stack.length === 0 && /\S/.test(tok)) this.fail('text outside the root');
        if (this.inSharedValue) {
          // A shared string's index: a number the table holds (checked against its size at the end).
          const v = tok.trim();
          if (!/^\d{1,9}$/.test(v)) this.fail(`shared-string index ${v}`);
          else this.maxSharedIndex = Math.max(this.maxSharedIndex, Number(v));
        }
        continue;
      }
      if (tok === '<!') {
        this.fail('DOCTYPE or unknown declaration');
        return;
      }
      if (m[2] === undefined) continue; // comment, PI, CDATA
      if (m[1]) this.close(m[2]);
      else this.open(m[2], m[3], m[4] === '/');
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
