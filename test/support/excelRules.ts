/**
 * Excel's rules for a written .xlsx, checked on the package XML itself (not through a reader that might forgive):
 * the problems a file has that make Excel offer to repair it. Used by test/xlsx/excelRules.test.ts on every file
 * either file engine writes; usable on any corpus (`excelRuleProblems(bytes)` returns readable problems, [] = clean).
 *
 * Checked: sheet names (1-31 characters, none of [ ] : * ? / \, not starting or ending with ', unique
 * case-insensitively); table names and displayNames (isValidTableName: letter/_/\ first, letters digits _ ., ≤ 255,
 * not a cell reference) unique case-insensitively across all tables and workbook defined names; defined names valid
 * and referring to existing sheets; every cell reference inside 1,048,576 × 16,384; every cell's text (shared or
 * inline string, formula text) ≤ 32,767 characters; number-format codes ≤ 255; data-validation lists ≤ 255 and
 * their ranges valid; conditional-format ranges valid; table refs valid and table column names unique per table;
 * no tableColumn attribute the OOXML schema lacks (dxfId, which exceljs writes for a column style); and the schema's
 * structure of the workbook, styles, worksheets and tables (test/support/ooxmlStructure.ts: children in the order of
 * their xsd:sequence, required children and attributes, rows and cells in order), without the schemas.
 */
import { readZipEntries } from '../../src/xlsx/zip';
import { isValidTableName } from '../../src/core/plan/names';
import { partStructureProblems, isStructuredPart } from './ooxmlStructure';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_CELL = 32_767;

function unescapeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 or A1:B2 (optionally $-absolute) inside the grid; whole columns/rows allowed. */
function validRef(ref: string): boolean {
  for (const part of ref.trim().split(/\s+/)) {
    for (const cell of part.split(':')) {
      const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(cell);
      if (!m || (!m[1] && !m[2])) return false;
      if (m[1] && colIndex(m[1]) > MAX_COLS) return false;
      if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > MAX_ROWS)) return false;
    }
  }
  return true;
}

/** The text of every <t> of a fragment (rich text runs joined). */
function texts(fragment: string): string {
  let out = '';
  for (const m of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1]);
  return out;
}

/**
 * Every rule a package breaks, as readable lines ('sheet name "…" longer than 31', …); [] when it opens cleanly.
 * @example excelRuleProblems(fs.readFileSync('out.xlsx')) // []
 */
export function excelRuleProblems(bytes: Buffer): string[] {
  const problems: string[] = [];
  const entries = readZipEntries(bytes);
  const text = (name: string) => entries.get(name)?.toString('utf8') ?? '';
  const workbook = text('xl/workbook.xml');
  if (!workbook) return ['no xl/workbook.xml'];

  // Sheets.
  const sheetNames: string[] = [];
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attr(tag, 'name') ?? '';
    sheetNames.push(name);
    if (name.length < 1 || name.length > 31) problems.push(`sheet name "${name.slice(0, 40)}" has ${name.length} characters (1-31)`);
    if (/[[\]:*?/\\]/.test(name)) problems.push(`sheet name "${name}" holds one of [ ] : * ? / \\`);
    if (/^'|'$/.test(name)) problems.push(`sheet name "${name}" starts or ends with '`);
  }
  const lowerSheets = sheetNames.map((n) => n.toLowerCase());
  if (new Set(lowerSheets).size !== lowerSheets.length) problems.push(`sheet names alike: ${sheetNames.join(', ')}`);

  // Defined names.
  const allNames: string[] = [];
  for (const m of workbook.matchAll(/<definedName\s([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attr(` ${m[1]}`, 'name') ?? '';
    const local = attr(` ${m[1]}`, 'localSheetId');
    const formula = unescapeXml(m[2]);
    if (!name.startsWith('_xlnm.')) {
      if (!isValidTableName(name)) problems.push(`defined name "${name}" is not a valid name`);
      if (local === undefined) allNames.push(name);
    }
    for (const r of formula.matchAll(/(?:'((?:[^']|'')+)'|([^\s'!,()=+\-*/&^<>"]+))!/g)) {
      const sheet = (r[1] ?? r[2]).replace(/''/g, "'");
      if (!sheetNames.includes(sheet)) problems.push(`defined name "${name}" refers to a missing sheet "${sheet}"`);
    }
    if (/#REF!/.test(formula)) problems.push(`defined name "${name}" refers to #REF!`);
  }

  // Tables.
  for (const [path, data] of entries) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(path)) continue;
    const xml = data.toString('utf8');
    const tag = /<table\s[^>]*>/.exec(xml)?.[0] ?? '';
    const name = attr(tag, 'name') ?? '';
    const display = attr(tag, 'displayName') ?? '';
    const ref = attr(tag, 'ref') ?? '';
    for (const n of new Set([name, display])) {
      if (!isValidTableName(n)) problems.push(`table name "${n}" (${path}) is not valid`);
    }
    allNames.push(display || name);
    if (!validRef(ref)) problems.push(`table ${display} has a bad ref "${ref}"`);
    const columns = [...xml.matchAll(/<tableColumn\s[^>]*>/g)].map((c) => (attr(c[0], 'name') ?? '').toLowerCase());
    if (new Set(columns).size !== columns.length) problems.push(`table ${display} has two columns alike`);
    for (const c of columns) if (c.length > 255) problems.push(`table ${display} has a column name over 255 characters`);
    // CT_TableColumn (sml.xsd) has dataDxfId, headerRowDxfId, totalsRowDxfId, no dxfId: exceljs writes one for a
    // table column given a style, and Excel repairs the table (xmllint against sml.xsd rejects it too).
    const dxf = [...xml.matchAll(/<tableColumn\s[^>]*>/g)].filter((c) => /\sdxfId="/.test(c[0])).length;
    if (dxf) problems.push(`table ${display} has ${dxf} tableColumn with a dxfId attribute (not in the OOXML schema)`);
  }
  const lowerNames = allNames.map((n) => n.toLowerCase());
  const seen = new Set<string>();
  for (const n of lowerNames) {
    if (seen.has(n)) problems.push(`name "${n}" used twice (tables and defined names are one namespace)`);
    seen.add(n);
  }

  // Shared strings.
  const shared = text('xl/sharedStrings.xml');
  for (const m of shared.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    const s = texts(m[1]);
    if (s.length > MAX_CELL) problems.push(`a shared string has ${s.length} characters (max ${MAX_CELL})`);
  }

  // Number formats.
  for (const tag of text('xl/styles.xml').match(/<numFmt\s[^>]*>/g) ?? []) {
    const code = attr(tag, 'formatCode') ?? '';
    if (code.length > 255) problems.push(`number format of ${code.length} characters (max 255)`);
  }

  // Worksheets: cells, validations, conditional formats.
  for (const [path, data] of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    const xml = data.toString('utf8');
    for (const m of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const r = attr(` ${m[1]}`, 'r');
      if (r && !validRef(r)) problems.push(`${path}: cell ${r} is outside the grid`);
      const body = m[2] ?? '';
      if (/t="inlineStr"/.test(m[1])) {
        const s = texts(body);
        if (s.length > MAX_CELL) problems.push(`${path}: cell ${r} holds ${s.length} characters (max ${MAX_CELL})`);
      }
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (v !== undefined && /t="str"/.test(m[1]) && unescapeXml(v).length > MAX_CELL) problems.push(`${path}: cell ${r} result over ${MAX_CELL} characters`);
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
      if (f !== undefined && unescapeXml(f).length > 8192) problems.push(`${path}: formula in ${r} over 8,192 characters`);
    }
    for (const m of xml.matchAll(/<dataValidation\s([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const sqref = attr(` ${m[1]}`, 'sqref') ?? '';
      if (!validRef(sqref)) problems.push(`${path}: validation over a bad range "${sqref}"`);
      const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1];
      if (f1 !== undefined) {
        const list = unescapeXml(f1);
        const inner = /^"([\s\S]*)"$/.exec(list)?.[1];
        if ((inner ?? list).length > 255) problems.push(`${path}: validation list of ${(inner ?? list).length} characters (max 255)`);
      }
    }
    for (const tag of xml.match(/<conditionalFormatting\s[^>]*>/g) ?? []) {
      const sqref = attr(tag, 'sqref') ?? '';
      if (!validRef(sqref)) problems.push(`${path}: conditional format over a bad range "${sqref}"`);
    }
    const dim = /<dimension\s[^>]*ref="([^"]*)"/.exec(xml)?.[1];
    if (dim && !validRef(dim)) problems.push(`${path}: dimension "${dim}" outside the grid`);
  }

  // The schema's structure (children in sequence order, required attributes), checked without the schemas.
  for (const [path, data] of entries) if (isStructuredPart(path)) problems.push(...partStructureProblems(path, data.toString('utf8')));
  return problems;
}
