/**
 * The OOXML schema's structure rules for the parts the product writes, checked without the schemas (CI has none:
 * no npm package of the lock file and no Debian package ships the ECMA-376 / ISO 29500 transitional XSDs; see
 * docs/decisions.md). What the schema test (test/xlsx/ooxmlSchema.test.ts) checks with sml.xsd and that a writer gets
 * wrong most easily: the order of an element's children where the schema has an xsd:sequence (CT_Worksheet,
 * CT_Workbook, CT_Stylesheet, CT_Table, CT_Row, CT_Cell), each child at most as often as the schema allows, the
 * required children and attributes, row and cell references in ascending order, and a table's column count. Excel
 * repairs a part whose children are out of order (a <drawing> written before <pageMargins>, for instance), and
 * LibreOffice opens it without a word, so only this (or the schemas) catches it.
 */
import { readZipEntries } from '../../src/xlsx/zip';

interface Node {
  name: string;
  attrs: string;
  children: Node[];
}

/** The element tree of an XML part (names without a namespace prefix; text, comments and PIs skipped). */
export function parseTree(xml: string): Node | null {
  const root: Node = { name: '#document', attrs: '', children: [] };
  const stack: Node[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const clean = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const m of clean.matchAll(tag)) {
    const [, closing, prefix, local, attrs, selfClosing] = m;
    const name = prefix && prefix !== 'x:' ? `${prefix}${local}` : local;
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const node: Node = { name, attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!selfClosing) stack.push(node);
  }
  return root.children[0] ?? null;
}

function attr(node: Node, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(node.attrs)?.[1];
}

/** A child of a sequence: its name, at least `min` times, at most `max` times (Infinity: unbounded). */
type Particle = [name: string, min: number, max: number];
const once = (name: string): Particle => [name, 0, 1];
const required = (name: string): Particle => [name, 1, 1];
const many = (name: string, min = 0): Particle => [name, min, Infinity];

/** xsd:sequence of the complex types (sml.xsd, ECMA-376 Part 1, transitional). */
export const SEQUENCES: Record<string, Particle[]> = {
  worksheet: [
    once('sheetPr'), once('dimension'), once('sheetViews'), once('sheetFormatPr'), many('cols'), required('sheetData'),
    once('sheetCalcPr'), once('sheetProtection'), once('protectedRanges'), once('scenarios'), once('autoFilter'),
    once('sortState'), once('dataConsolidate'), once('customSheetViews'), once('mergeCells'), once('phoneticPr'),
    many('conditionalFormatting'), once('dataValidations'), once('hyperlinks'), once('printOptions'), once('pageMargins'),
    once('pageSetup'), once('headerFooter'), once('rowBreaks'), once('colBreaks'), once('customProperties'),
    once('cellWatches'), once('ignoredErrors'), once('smartTags'), once('drawing'), once('legacyDrawing'),
    once('legacyDrawingHF'), once('drawingHF'), once('picture'), once('oleObjects'), once('controls'),
    once('webPublishItems'), once('tableParts'), once('extLst'),
  ],
  workbook: [
    once('fileVersion'), once('fileSharing'), once('workbookPr'), once('workbookProtection'), once('bookViews'),
    required('sheets'), once('functionGroups'), once('externalReferences'), once('definedNames'), once('calcPr'),
    once('oleSize'), once('customWorkbookViews'), once('pivotCaches'), once('smartTagPr'), once('smartTagTypes'),
    once('webPublishing'), once('fileRecoveryPr'), once('webPublishObjects'), once('extLst'),
  ],
  styleSheet: [
    once('numFmts'), once('fonts'), once('fills'), once('borders'), once('cellStyleXfs'), once('cellXfs'),
    once('cellStyles'), once('dxfs'), once('tableStyles'), once('colors'), once('extLst'),
  ],
  table: [once('autoFilter'), once('sortState'), required('tableColumns'), once('tableStyleInfo'), once('extLst')],
  row: [many('c'), once('extLst')],
  c: [once('f'), once('v'), once('is'), once('extLst')],
  headerFooter: [once('oddHeader'), once('oddFooter'), once('evenHeader'), once('evenFooter'), once('firstHeader'), once('firstFooter')],
  dataValidation: [once('formula1'), once('formula2')],
  cfRule: [many('formula'), once('colorScale'), once('dataBar'), once('iconSet'), once('extLst')],
};

/** Required attributes per element (sml.xsd use="required"). */
export const REQUIRED_ATTRIBUTES: Record<string, string[]> = {
  sheet: ['name', 'sheetId', 'r:id'],
  definedName: ['name'],
  col: ['min', 'max'],
  mergeCell: ['ref'],
  conditionalFormatting: ['sqref'],
  cfRule: ['priority'],
  dataValidation: ['sqref'],
  hyperlink: ['ref'],
  pageMargins: ['left', 'right', 'top', 'bottom', 'header', 'footer'],
  drawing: ['r:id'],
  tablePart: ['r:id'],
  pivotCache: ['cacheId', 'r:id'],
  table: ['id', 'displayName', 'ref'],
  tableColumn: ['id', 'name'],
  numFmt: ['numFmtId', 'formatCode'],
  dimension: ['ref'],
};

/** The order problems of one node's children against its sequence. */
function sequenceProblems(where: string, node: Node): string[] {
  const seq = SEQUENCES[node.name];
  if (!seq) return [];
  const problems: string[] = [];
  const index = new Map(seq.map(([name], i) => [name, i]));
  const counts = new Map<string, number>();
  let last = -1;
  let lastName = '';
  for (const child of node.children) {
    if (child.name.includes(':')) continue; // markup compatibility (mc:AlternateContent) and extension namespaces
    const i = index.get(child.name);
    if (i === undefined) {
      problems.push(`${where}: <${child.name}> is not a child of <${node.name}>`);
      continue;
    }
    if (i < last) problems.push(`${where}: <${child.name}> after <${lastName}> (the schema puts it before)`);
    if (i >= last) {
      last = i;
      lastName = child.name;
    }
    counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  }
  for (const [name, min, max] of seq) {
    const n = counts.get(name) ?? 0;
    if (n < min) problems.push(`${where}: <${node.name}> lacks <${name}>`);
    if (n > max) problems.push(`${where}: <${name}> ${n} times in <${node.name}> (at most ${max})`);
  }
  return problems;
}

function cellColumn(ref: string): number {
  const letters = /^\$?([A-Z]+)/.exec(ref)?.[1] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Every structure problem of one part (see the file comment). */
export function partStructureProblems(part: string, xml: string): string[] {
  const root = parseTree(xml);
  if (!root) return [`${part}: no root element`];
  const problems: string[] = [];
  const walk = (node: Node, where: string) => {
    problems.push(...sequenceProblems(where, node));
    for (const a of REQUIRED_ATTRIBUTES[node.name] ?? []) {
      if (attr(node, a) === undefined) problems.push(`${where}: <${node.name}> without its required ${a}`);
    }
    for (const child of node.children) walk(child, where);
  };
  walk(root, part);
  if (root.name === 'worksheet') {
    const data = root.children.find((c) => c.name === 'sheetData');
    let lastRow = 0;
    for (const row of data?.children ?? []) {
      const r = Number(attr(row, 'r') ?? lastRow + 1);
      if (!(r > lastRow)) problems.push(`${part}: row ${r} after row ${lastRow}`);
      lastRow = r;
      let lastCol = 0;
      for (const c of row.children.filter((x) => x.name === 'c')) {
        const ref = attr(c, 'r');
        const col = ref ? cellColumn(ref) : lastCol + 1;
        if (!(col > lastCol)) problems.push(`${part}: cell ${ref ?? '?'} of row ${r} out of order`);
        if (ref && Number(/\d+$/.exec(ref)?.[0]) !== r) problems.push(`${part}: cell ${ref} inside row ${r}`);
        lastCol = col;
      }
    }
  }
  if (root.name === 'table') {
    const cols = root.children.find((c) => c.name === 'tableColumns');
    const n = cols?.children.filter((c) => c.name === 'tableColumn').length ?? 0;
    const count = cols ? attr(cols, 'count') : undefined;
    if (count !== undefined && Number(count) !== n) problems.push(`${part}: tableColumns count="${count}" but ${n} columns`);
    const ids = (cols?.children ?? []).map((c) => attr(c, 'id'));
    if (new Set(ids).size !== ids.length) problems.push(`${part}: two tableColumns with one id`);
  }
  return problems;
}

/** The parts checked: workbook, styles, worksheets and tables. */
export function isStructuredPart(part: string): boolean {
  return /^xl\/(workbook|styles)\.xml$/.test(part) || /^xl\/(worksheets|tables)\/[^/]+\.xml$/.test(part);
}

/**
 * The structure problems of every checked part of a package ([] = none).
 * @example structureProblems(fs.readFileSync('out.xlsx')) // []
 */
export function structureProblems(bytes: Buffer): string[] {
  const problems: string[] = [];
  for (const [part, data] of readZipEntries(bytes)) {
    if (isStructuredPart(part)) problems.push(...partStructureProblems(part, data.toString('utf8')));
  }
  return problems;
}
