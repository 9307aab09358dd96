/**
 * Writes the analysed workbook by copying the source package and changing only what the plan changes:
 *  - every zip entry the product does not change is copied raw (its compressed bytes, CRC and sizes: no inflate,
 *    no deflate);
 *  - a source sheet that gains columns is streamed through once (spliceSheet.ts): its bytes are copied, the new
 *    cells spliced into its rows, its dimension, column widths, validations and conditional formats edited;
 *  - styles.xml keeps the source's styles with their indexes; the product's are appended (mergeStyles.ts);
 *  - workbook.xml, its relationships and [Content_Types].xml are edited: the product's previous sheets (a refresh)
 *    and the state sheet are removed with the parts only they use, the new sheets added;
 *  - only the new sheets are generated: rendered by renderPlan into a small exceljs "skeleton" (placeholders stand
 *    for the source sheets), then moved into the output under fresh part names (freshNames),
 *    their style ids moved to the merged stylesheet, their shared strings written inline, their table and pivot
 *    cache ids moved past the source's.
 * calcChain.xml is dropped (a cache Excel rebuilds; it would name cells of removed sheets) and the workbook asks for
 * a full calculation on load, so the new sheets' formulas show results in every application.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import type { ColumnWrite, WorkbookPlan } from '../core/plan/types';
import { compareNatural } from '../core/plan/textOrder';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { columnLetter } from '../core/plan/names';
import { ownedArea } from '../core/state/ownership';
import type { Locale } from '../core/settings/settings';
import { renderPlan, type RenderResult } from './renderPlan';
import { numberFormatOf } from './styles';
import type { StreamedSheet } from './streamReadWorkbook';
import { STREAM_DEFLATE_LEVEL, writeColumnsIntoGrids } from './streamWriteWorkbook';
import { addPlannedParts } from './writePackage';
import { attrOf, relsPathOf, resolveTarget, unescapeXml, partText } from './packageParts';
import { readZipEntries, ZipFileWriter } from './zip';
import { dataOffset, entryBuffer, entryChunks, zipEntries, type ZipEntryInfo } from './scanWorkbook';
import { cutLargeTables, patchTableXml, streamSheetXml } from './streamTables';
import { mergeStyles, remapStyleIds, type MergedStyles } from './mergeStyles';
import { spliceSheet, type SheetSplice } from './spliceSheet';
import { xmlText } from './xmlText';

export interface SpliceWriteOptions {
  previousState?: import('../core/plan/types').WorkbookState | null;
  locale?: Locale;
}

interface Rel {
  id: string;
  type: string;
  /** The part it points to (resolved), or the raw target when external. */
  target: string;
  external: boolean;
  tag: string;
}

/** The relationships of a .rels part; `from` is the part they belong to ('' for the package's). */
function relsOf(xml: string | undefined, from: string): Rel[] {
  const out: Rel[] = [];
  for (const tag of xml?.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attrOf(tag, 'Id') ?? '';
    const type = attrOf(tag, 'Type') ?? '';
    const raw = unescapeXml(attrOf(tag, 'Target') ?? '');
    const external = attrOf(tag, 'TargetMode') === 'External';
    out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? raw : resolveTarget(from || '_', raw), external, tag });
  }
  return out;
}

/** Every part reachable from `roots` through the relationships `relsOfPart` gives (roots included). */
function closure(roots: Iterable<string>, relsOfPart: (part: string) => Rel[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const part = todo.pop()!;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const r of relsOfPart(part)) if (!r.external) todo.push(r.target);
  }
  return seen;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  return re.test(tag) ? tag.replace(re, `$1${value}$2`) : tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

/** A free relationship id of `used` (which is extended). */
function freeId(used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  used.add(`rId${n}`);
  return `rId${n}`;
}

/** The <si> contents of a shared string table. */
function sharedStrings(xml: string | undefined): string[] {
  return (xml?.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []).map((si) => (si === '<si/>' ? '<t></t>' : si.slice(4, -5)));
}

/** Cells of product XML that use the skeleton's shared strings, written as inline strings instead. */
function inlineSharedStrings(xml: string, sst: string[]): string {
  if (!sst.length) return xml;
  return xml.replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, a: string, b: string, n: string) => `<c${a} t="inlineStr"${b}><is>${sst[Number(n)] ?? '<t></t>'}</is></c>`);
}

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Whether every range of `sqref` lies inside columns [first, last]. */
function insideColumns(sqref: string, first: number, last: number): boolean {
  const parts = sqref.trim().split(/\s+/);
  return parts.every((part) => {
    const m = /^\$?([A-Z]+)\$?\d+(?::\$?([A-Z]+)\$?\d+)?$/.exec(part);
    if (!m) return false;
    const c1 = lettersToIndex(m[1]);
    const c2 = m[2] ? lettersToIndex(m[2]) : c1;
    return c1 >= first && c2 <= last;
  });
}

/** Schema order of CT_Worksheet's children after <sheetData>. */
const AFTER_SHEETDATA = ['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** `element` inserted into the tail of a sheet (what follows </sheetData>, at the worksheet's depth) before the first child named after `name` in schema order. */
function insertInTail(tail: string, element: string, name: string): string {
  const later = AFTER_SHEETDATA.slice(AFTER_SHEETDATA.indexOf(name) + 1);
  const re = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    const [, close, tag, selfClose] = m;
    if (close) {
      if (depth === 0) return tail.slice(0, m.index) + element + tail.slice(m.index); // </worksheet>
      depth--;
      continue;
    }
    if (depth === 0 && later.includes(tag.replace(/^\w+:(?=\w)/, (p) => (p === 'x:' ? '' : p)))) return tail.slice(0, m.index) + element + tail.slice(m.index);
    if (!selfClose) depth++;
  }
  return tail + element;
}

/** Schema order of CT_Workbook's children from <calcPr> on: what follows <definedNames>. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** `element` inserted into workbook.xml before its first child named in `later` (or before </workbook>). */
function insertBefore(workbook: string, element: string, later: string[]): string {
  const m = new RegExp(`<(?:${later.join('|')})\\b|</workbook>`).exec(workbook);
  const at = m ? m.index : workbook.length;
  return workbook.slice(0, at) + element + workbook.slice(at);
}

/** The product's parts of one placeholder sheet of the skeleton, as the splice needs them. */
interface PlaceholderParts {
  /** Cell XML by address (header cells and format probes). */
  cells: Map<string, string>;
  cols: string[];
  validations: string[];
  conditionalFormats: string[];
}

function placeholderParts(xml: string): PlaceholderParts {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const r = /\sr="([A-Z]+\d+)"/.exec(m[0]);
    if (r) cells.set(r[1], m[0]);
  }
  const cols = xml.match(/<col\b[^>]*\/>/g) ?? [];
  const validations = xml.match(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g) ?? [];
  // A data bar's Excel 2010 extension points into the sheet's <extLst>, which is not carried: the 2007 rule stays.
  const conditionalFormats = (xml.match(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g) ?? []).map((cf) => cf.replace(/<extLst>[\s\S]*?<\/extLst>/g, ''));
  return { cells, cols, validations, conditionalFormats };
}

/** The cells of one appended value, as the memory engine writes them ('' is no cell). */
function valueCell(ref: string, v: unknown, style: string): string | null {
  if (v === '' || v === null || v === undefined) return null;
  const s = style ? ` s="${style}"` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : null;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = String(v);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** The splice of one source sheet: its appended columns, the product's previous columns, widths, validations, formats. */
function sheetSplice(writes: ColumnWrite[], parts: PlaceholderParts, previous: SpliceWriteOptions['previousState'], probes: Map<string, string>): SheetSplice {
  const styleAt = (address: string | undefined) => (address ? /\ss="(\d+)"/.exec(parts.cells.get(address) ?? '')?.[1] ?? '' : '');
  interface Column {
    col: number;
    letter: string;
    header: string | undefined;
    headerRow: number;
    firstDataRow: number;
    values: readonly unknown[];
    style: string;
  }
  const columns: Column[] = [];
  const removeColumns: SheetSplice['removeColumns'] = [];
  const cleared: { first: number; last: number }[] = [];
  let lastRow = -1;
  let lastCol = -1;
  for (const w of writes) {
    const owned = ownedArea(w, previous);
    if (owned) {
      removeColumns.push({ first: owned.startColumn, last: owned.startColumn + owned.headers.length - 1, fromRow: owned.headerRow });
      cleared.push({ first: owned.startColumn, last: owned.startColumn + owned.headers.length - 1 });
    }
    cleared.push({ first: w.startColumn, last: w.startColumn + w.columns.length - 1 });
    w.columns.forEach((column, i) => {
      const col = w.startColumn + i;
      const letter = columnLetter(col);
      const fmt = numberFormatOf(column);
      columns.push({ col, letter, header: parts.cells.get(`${letter}${w.headerRow + 1}`), headerRow: w.headerRow, firstDataRow: w.firstDataRow, values: column.values, style: fmt === 'General' ? '' : styleAt(probes.get(`${w.sheet}\u0000${col}`)) });
      lastRow = Math.max(lastRow, w.headerRow, w.firstDataRow + column.values.length - 1);
      lastCol = Math.max(lastCol, col);
    });
  }
  columns.sort((a, b) => a.col - b.col);
  const firstColumn = Math.min(...columns.map((c) => c.col), ...removeColumns.map((r) => r.first));
  const cellsOf = (r: number): [number, string][] | undefined => {
    let out: [number, string][] | undefined;
    for (const c of columns) {
      let xml: string | null = null;
      if (r === c.headerRow) xml = c.header ?? null;
      else if (r >= c.firstDataRow && r < c.firstDataRow + c.values.length) xml = valueCell(`${c.letter}${r + 1}`, c.values[r - c.firstDataRow], c.style);
      if (xml) (out ??= []).push([c.col, xml]);
    }
    return out;
  };
  const head = (xml: string): string => {
    xml = xml.replace(/<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/, (_all, c1: string, r1: string, c2?: string, r2?: string) => {
      const endCol = Math.max(lettersToIndex(c2 ?? c1), lastCol);
      const endRow = Math.max(Number(r2 ?? r1), lastRow + 1);
      return `<dimension ref="${c1}${r1}:${columnLetter(endCol)}${endRow}"/>`;
    });
    if (!parts.cols.length) return xml;
    const added = parts.cols.map((c) => ({ min: Number(attrOf(c, 'min')), max: Number(attrOf(c, 'max')), tag: c }));
    const existing = xml.match(/<cols>([\s\S]*?)<\/cols>/);
    const takenNumbers = [...new Set(added.flatMap((a) => Array.from({ length: a.max - a.min + 1 }, (_, i) => a.min + i)))].sort((a, b) => a - b);
    const kept: { min: number; max: number; tag: string }[] = [];
    const piece = (tag: string, min: number, max: number) => kept.push({ min, max, tag: setAttr(setAttr(tag, 'min', String(min)), 'max', String(max)) });
    for (const tag of existing?.[1].match(/<col\b[^>]*\/>/g) ?? []) {
      // A user's column range across a new column is split around it (LibreOffice writes ranges up to 1024 or 16384).
      const min = Number(attrOf(tag, 'min'));
      const max = Number(attrOf(tag, 'max'));
      let start = min;
      for (const n of takenNumbers) {
        if (n < min || n > max) continue;
        if (n > start) piece(tag, start, n - 1);
        start = n + 1;
      }
      if (start === min) kept.push({ min, max, tag });
      else if (start <= max) piece(tag, start, max);
    }
    const all = [...kept, ...added].sort((a, b) => a.min - b.min);
    const cols = `<cols>${all.map((c) => c.tag).join('')}</cols>`;
    if (existing) return xml.replace(existing[0], cols);
    return xml + cols; // <cols> comes just before <sheetData>
  };
  const tail = (xml: string): string => {
    const inCleared = (sqref: string) => cleared.some((c) => insideColumns(sqref, c.first, c.last));
    // The product's own validations and formats of its previous columns (a refresh) and any in the new columns go.
    xml = xml.replace(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g, (v) => (inCleared(unescapeXml(attrOf(v, 'sqref') ?? '')) ? '' : v));
    xml = xml.replace(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, (cf) => (inCleared(unescapeXml(attrOf(cf, 'sqref') ?? '')) ? '' : cf));
    let priority = 0;
    for (const m of xml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
    if (parts.conditionalFormats.length) {
      const cfs = parts.conditionalFormats.map((cf) => cf.replace(/(<cfRule\b[^>]*\spriority=")(\d+)(")/g, (_a, p: string, n: string, q: string) => `${p}${Number(n) + priority}${q}`)).join('');
      xml = insertInTail(xml, cfs, 'conditionalFormatting');
    }
    const existing = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
    const kept = existing?.[1].match(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g) ?? [];
    const all = [...kept, ...parts.validations];
    const element = all.length ? `<dataValidations count="${all.length}">${all.join('')}</dataValidations>` : '';
    if (existing) xml = xml.replace(existing[0], element);
    else if (element) xml = insertInTail(xml.replace(/<dataValidations\b[^>]*\/>/, ''), element, 'dataValidations');
    return xml;
  };
  return { cellsOf, lastRow, firstColumn, removeColumns, head, tail };
}

/**
 * New names for the skeleton's parts `moved` that no part of `taken` has: the same folder and stem, the first free
 * number (xl/worksheets/sheet5.xml -> xl/worksheets/sheet7.xml when the source has six sheets). Conventional names,
 * because readers such as exceljs find worksheets, tables and drawings by their part names.
 */
function freshNames(moved: Iterable<string>, taken: Iterable<string>): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  const order = [...moved].sort(compareNatural);
  for (const p of order) {
    const m = /^(.*\/)?([^/]*?)(\d*)(\.[^./]+)$/.exec(p);
    if (!m) continue;
    const [, folder = '', stem, , ext] = m;
    let n = 1;
    while (used.has(`${folder}${stem}${n}${ext}`)) n++;
    const name = `${folder}${stem}${n}${ext}`;
    used.add(name);
    out.set(p, name);
  }
  return out;
}

/**
 * The output's <sheet> tags in the order renderPlan gave the skeleton (`skeletonOrder`, sheet names), which is the
 * add-in's: the new product sheets after the kept ones, 目录 moved before the first other sheet the product owns.
 * A kept source sheet the skeleton does not hold (a chart sheet: the stream reader reads worksheets only) stays
 * right after the source sheet it followed; one that led the workbook stays first.
 * @example sheetOrder(['A', '目录', 'F01', '流失概览'], [A, F01], new Map([['目录', c], ['流失概览', o]]), nameOf) // [A, c, F01, o]
 */
function sheetOrder(skeletonOrder: string[], keptTags: string[], addedByName: Map<string, string>, nameOf: (tag: string) => string): string[] {
  const inSkeleton = new Set(skeletonOrder);
  const followers = new Map<string, string[]>();
  let lead = '';
  const leading: string[] = [];
  for (const tag of keptTags) {
    const name = nameOf(tag);
    if (inSkeleton.has(name)) lead = name;
    else if (lead) followers.set(lead, [...(followers.get(lead) ?? []), tag]);
    else leading.push(tag);
  }
  const keptByName = new Map(keptTags.filter((t) => inSkeleton.has(nameOf(t))).map((t) => [nameOf(t), t]));
  const out = [...leading];
  for (const name of skeletonOrder) {
    const tag = keptByName.get(name) ?? addedByName.get(name);
    if (tag === undefined) continue;
    out.push(tag, ...(followers.get(name) ?? []));
  }
  return out;
}

/** The relationship target that leads from part `from` to part `to` (both package paths). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/**
 * Applies `plan` to the source workbook `source` (read into `sheets` by streamReadWorkbook; their grids are mutated:
 * appended columns written in) and writes the result to `out` (see the file comment). Same checks and result as
 * renderPlan.
 * @throws OverwriteRefusedError (nothing written) when a column would cover a user's cell.
 * @throws MissingSheetError when a ColumnWrite names a sheet the workbook does not have.
 * @example await spliceWriteWorkbook('in.xlsx', sheets, plan, 'out.xlsx', { previousState: state })
 */
export async function spliceWriteWorkbook(source: string, sheets: StreamedSheet[], plan: WorkbookPlan, out: string, options: SpliceWriteOptions = {}): Promise<RenderResult> {
  const previous = options.previousState ?? null;
  const byName = new Map(sheets.map((s) => [s.name, s]));

  // 1. The appended columns, checked and written into the grids (the new sheets' pivots count the source sheets
  // with the appended columns).
  const writesBySheet = writeColumnsIntoGrids(byName, plan, previous);

  // 2. The skeleton: a placeholder per source sheet (A1, which decides whether a sheet is still the product's, and
  // one probe cell per number format of the appended columns, for its style id), the rest rendered by renderPlan.
  const skeleton = new ExcelJS.Workbook();
  const placeholders = new Map<ExcelJS.Worksheet, StreamedSheet>();
  const probes = new Map<string, string>();
  for (const sheet of sheets) {
    const ws = skeleton.addWorksheet(sheet.name, { state: sheet.visibility });
    placeholders.set(ws, sheet);
    const a1 = sheet.grid[0]?.[0];
    if (a1 !== undefined && a1 !== '') ws.getCell(1, 1).value = a1 as ExcelJS.CellValue;
    for (const w of writesBySheet.get(sheet.name) ?? []) {
      w.columns.forEach((column, i) => {
        const fmt = numberFormatOf(column);
        const k = column.values.findIndex((v) => v !== '');
        if (fmt === 'General' || k < 0) return;
        const cell = ws.getCell(w.firstDataRow + k + 1, w.startColumn + i + 1);
        cell.value = column.values[k] as ExcelJS.CellValue;
        cell.numFmt = fmt;
        probes.set(`${sheet.name}\u0000${w.startColumn + i}`, cell.address);
      });
    }
  }
  const { plan: skeletonPlan, cut } = cutLargeTables(plan);
  const result = renderPlan(skeleton, skeletonPlan, { previousState: previous, locale: options.locale, columnCells: 'skip', sourceGrid: (name) => byName.get(name)?.grid });
  const kept = new Set<string>();
  for (const ws of skeleton.worksheets) if (placeholders.has(ws)) kept.add(ws.name);
  const skZip = await skeleton.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  const sk = readZipEntries(Buffer.from(skZip));
  addPlannedParts(sk, result);

  const fd = fs.openSync(source, 'r');
  const zip = new ZipFileWriter(out, STREAM_DEFLATE_LEVEL);
  try {
    // 3. The source package: its directory, its small package parts, every relationship.
    const dir = zipEntries(fd, fs.fstatSync(fd).size);
    const text = async (path: string) => {
      const e = dir.get(path);
      return e ? (await entryBuffer(source, fd, e)).toString('utf8') : undefined;
    };
    const srcRels = new Map<string, Rel[]>();
    for (const path of dir.keys()) {
      if (!path.endsWith('.rels')) continue;
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
      if (m) srcRels.set(m[1] + m[2], relsOf(await text(path), m[1] + m[2]));
    }
    const rootRels = relsOf(await text('_rels/.rels'), '');
    const wbPath = rootRels.find((r) => r.type === 'officeDocument')?.target.replace(/^_\//, '') ?? 'xl/workbook.xml';
    const wbRelsPath = relsPathOf(wbPath);
    let workbook = (await text(wbPath)) ?? '';
    const wbRels = srcRels.get(wbPath) ?? [];
    const relById = new Map(wbRels.map((r) => [r.id, r]));
    const sheetTags = [...(/<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbook)?.[1].match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [])];
    const ridAttr = /\s(\w+:id)="/.exec(sheetTags[0] ?? '')?.[1] ?? 'r:id';
    const partOfSheet = (tag: string) => relById.get(attrOf(tag, ridAttr) ?? '')?.target;
    const nameOf = (tag: string) => unescapeXml(attrOf(tag, 'name') ?? '');

    // The sheets that go: the state sheet and the product's previous sheets renderPlan replaced.
    const removed = new Set<string>([STATE_SHEET_NAME]);
    for (const s of sheets) if (!kept.has(s.name)) removed.add(s.name);
    const removedTags = sheetTags.filter((t) => removed.has(nameOf(t)));
    const keptTags = sheetTags.filter((t) => !removed.has(nameOf(t)));
    const relsOfSource = (part: string) => srcRels.get(part) ?? [];
    const keepRoots = wbRels.filter((r) => !r.external && r.type !== 'pivotCacheDefinition' && r.type !== 'calcChain' && !removedTags.some((t) => partOfSheet(t) === r.target)).map((r) => r.target);
    const keep = closure(keepRoots, relsOfSource);
    const dropped = new Set([...closure(removedTags.map(partOfSheet).filter((p): p is string => !!p), relsOfSource)].filter((p) => !keep.has(p)));
    for (const r of wbRels) if (r.type === 'calcChain') dropped.add(r.target);
    for (const p of [...dropped]) dropped.add(relsPathOf(p));

    // 4. The skeleton's new sheets and every part they use, moved under xl/<folder>/.
    const skRels = (part: string) => relsOf(partText(sk, relsPathOf(part)), part);
    const skWbRels = skRels('xl/workbook.xml');
    const skSheetTags = partText(sk, 'xl/workbook.xml')?.match(/<sheet\b[^>]*>/g) ?? [];
    const skPart = (tag: string) => skWbRels.find((r) => r.id === attrOf(tag, 'r:id'))?.target;
    const newTags = skSheetTags.filter((t) => !kept.has(nameOf(t)));
    const moved = closure(newTags.map(skPart).filter((p): p is string => !!p), skRels);
    const renamed = freshNames(moved, [...dir.keys()].filter((p) => !dropped.has(p)));
    const movedPath = (p: string) => renamed.get(p) ?? p;
    for (const p of [...moved]) {
      if (!sk.has(relsPathOf(p))) continue;
      moved.add(relsPathOf(p));
      renamed.set(relsPathOf(p), relsPathOf(movedPath(p)));
    }

    // Styles: the source's, with the skeleton's appended.
    const stylesPart = wbRels.find((r) => r.type === 'styles')?.target;
    const skStyles = partText(sk, 'xl/styles.xml') ?? '';
    const noStyles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';
    const merged: MergedStyles = mergeStyles((stylesPart && (await text(stylesPart))) || noStyles, skStyles);
    const sst = sharedStrings(partText(sk, 'xl/sharedStrings.xml'));
    const productXml = (xml: string) => remapStyleIds(inlineSharedStrings(xml, sst), merged);

    // Table ids and pivot cache ids of the moved parts go past the source's.
    let tableId = 0;
    for (const [path, e] of dir) {
      if (dropped.has(path) || !/\/tables\/[^/]+\.xml$/.test(path)) continue;
      const id = Number(/<table\b[^>]*\sid="(\d+)"/.exec((await entryBuffer(source, fd, e)).toString('utf8'))?.[1] ?? 0);
      tableId = Math.max(tableId, id);
    }
    const droppedRids = new Set(wbRels.filter((r) => dropped.has(r.target)).map((r) => r.id));
    const usedIds = new Set(wbRels.filter((r) => !droppedRids.has(r.id) && r.type !== 'calcChain').map((r) => r.id));
    let cacheId = 0;
    workbook = workbook.replace(/<pivotCache\b[^>]*\/>/g, (tag) => {
      if (droppedRids.has(attrOf(tag, ridAttr) ?? '')) return '';
      cacheId = Math.max(cacheId, Number(attrOf(tag, 'cacheId')) || 0);
      return tag;
    });
    const cacheOffset = cacheId;

    // 5. workbook.xml: sheets, defined names, pivot caches, views; its relationships.
    // Ids after the kept sheets' and relationships: a refresh reuses the ids of what it replaces (the same workbook twice).
    let sheetId = Math.max(0, ...keptTags.map((t) => Number(attrOf(t, 'sheetId')) || 0));
    const newRels: string[] = [];
    const addedTags = newTags.map((t) => {
      const id = freeId(usedIds);
      newRels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${relativeTarget(wbPath, movedPath(skPart(t)!))}"/>`);
      let tag = t.replace(/\sr:id="[^"]*"/, ` ${ridAttr}="${id}"`);
      tag = setAttr(tag, 'sheetId', String(++sheetId));
      return tag;
    });
    const finalTags = sheetOrder(skSheetTags.map(nameOf), keptTags, new Map(newTags.map((t, i) => [nameOf(t), addedTags[i]])), nameOf);
    const outIndex = new Map<number, number>();
    sheetTags.forEach((t, i) => {
      if (!removed.has(nameOf(t))) outIndex.set(i, finalTags.indexOf(t));
    });
    const sheetsXml = /<sheets\b[^>]*>[\s\S]*?<\/sheets>/.exec(workbook)![0];
    const sheetsOpen = /<sheets\b[^>]*>/.exec(sheetsXml)![0];
    workbook = workbook.replace(sheetsXml, `${sheetsOpen}${finalTags.join('')}</sheets>`);
    const skIndex = new Map(skSheetTags.map((t, i) => [i, nameOf(t)]));
    const finalIndex = (name: string) => finalTags.findIndex((t) => nameOf(t) === name);
    // Source names: those of removed sheets go, the others follow their sheet's new position.
    workbook = workbook.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (dn) => {
      const local = attrOf(dn, 'localSheetId');
      if (local === undefined) return dn;
      const to = outIndex.get(Number(local));
      return to === undefined ? '' : dn.replace(/\slocalSheetId="\d+"/, ` localSheetId="${to}"`);
    });
    const productNames = (partText(sk, 'xl/workbook.xml')?.match(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g) ?? []).flatMap((dn) => {
      const local = attrOf(dn, 'localSheetId');
      if (local === undefined) return [];
      const name = skIndex.get(Number(local));
      if (name === undefined || kept.has(name)) return [];
      return [dn.replace(/\slocalSheetId="\d+"/, ` localSheetId="${finalIndex(name)}"`)];
    });
    if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, '<definedNames></definedNames>');
    if (productNames.length) {
      if (/<definedNames\b/.test(workbook)) workbook = workbook.replace('</definedNames>', productNames.join('') + '</definedNames>');
      else workbook = insertBefore(workbook, `<definedNames>${productNames.join('')}</definedNames>`, AFTER_DEFINED_NAMES);
    }
    workbook = workbook.replace(/<definedNames>\s*<\/definedNames>/, '');
    const caches = (partText(sk, 'xl/workbook.xml')?.match(/<pivotCache\b[^>]*\/>/g) ?? []).flatMap((tag) => {
      const rel = skWbRels.find((r) => r.id === attrOf(tag, 'r:id'));
      if (!rel || !moved.has(rel.target)) return [];
      const id = freeId(usedIds);
      newRels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="${relativeTarget(wbPath, movedPath(rel.target))}"/>`);
      return [`<pivotCache cacheId="${(Number(attrOf(tag, 'cacheId')) || 0) + cacheOffset}" ${ridAttr}="${id}"/>`];
    });
    workbook = workbook.replace(/<pivotCaches\b[^>]*>\s*<\/pivotCaches>/, '');
    if (caches.length) {
      if (/<pivotCaches\b/.test(workbook)) workbook = workbook.replace('</pivotCaches>', caches.join('') + '</pivotCaches>');
      else workbook = insertBefore(workbook, `<pivotCaches>${caches.join('')}</pivotCaches>`, AFTER_DEFINED_NAMES.slice(AFTER_DEFINED_NAMES.indexOf('pivotCaches') + 1));
    }
    // The active and first visible tab follow their sheet; a removed one falls back to the first sheet.
    workbook = workbook.replace(/<workbookView\b[^>]*>/g, (tag) => {
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = attrOf(tag, attr);
        if (v !== undefined) tag = setAttr(tag, attr, String(outIndex.get(Number(v)) ?? 0));
      }
      return tag;
    });
    if (/<calcPr\b/.test(workbook)) workbook = workbook.replace(/<calcPr\b[^>]*>/, (tag) => setAttr(tag, 'fullCalcOnLoad', '1'));
    else workbook = insertBefore(workbook, '<calcPr fullCalcOnLoad="1"/>', AFTER_DEFINED_NAMES.slice(1));
    let wbRelsXml = (await text(wbRelsPath)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    for (const r of wbRels) if (dropped.has(r.target) || r.type === 'calcChain') wbRelsXml = wbRelsXml.replace(r.tag, '');
    if (!stylesPart) newRels.push('<Relationship Id="' + freeId(usedIds) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>');
    wbRelsXml = wbRelsXml.replace('</Relationships>', newRels.join('') + '</Relationships>');

    // 6. [Content_Types].xml: the dropped parts' overrides go, the moved parts' come.
    let types = (await text('[Content_Types].xml')) ?? '';
    types = types.replace(/<Override\b[^>]*>/g, (tag) => (dropped.has((attrOf(tag, 'PartName') ?? '').replace(/^\//, '')) ? '' : tag));
    const skTypes = partText(sk, '[Content_Types].xml') ?? '';
    const defaults = new Set((types.match(/<Default\b[^>]*>/g) ?? []).map((t) => (attrOf(t, 'Extension') ?? '').toLowerCase()));
    const addTypes: string[] = [];
    for (const tag of skTypes.match(/<Default\b[^>]*>/g) ?? []) if (!defaults.has((attrOf(tag, 'Extension') ?? '').toLowerCase())) addTypes.push(tag);
    for (const tag of skTypes.match(/<Override\b[^>]*>/g) ?? []) {
      const part = (attrOf(tag, 'PartName') ?? '').replace(/^\//, '');
      if (moved.has(part)) addTypes.push(tag.replace(/PartName="[^"]*"/, `PartName="/${movedPath(part)}"`));
      else if (part === 'xl/styles.xml' && !stylesPart) addTypes.push(tag);
    }
    types = types.replace('</Types>', addTypes.join('') + '</Types>');

    // 7. The output: the source's entries in their order (edited, spliced or copied raw), then the moved parts.
    const splicedParts = new Map<string, string>();
    for (const t of keptTags) if (writesBySheet.has(nameOf(t))) splicedParts.set(partOfSheet(t) ?? '', nameOf(t));
    const skParts = new Map(skSheetTags.map((t) => [nameOf(t), skPart(t)]));
    const raw = (path: string, e: ZipEntryInfo) => zip.addRawEntry(path, { fd, dataOffset: dataOffset(fd, e), compressedSize: e.compressedSize, size: e.size, crc: e.crc, method: e.method });
    for (const [path, e] of dir) {
      if (path.endsWith('/') || dropped.has(path)) continue;
      if (path === '[Content_Types].xml') await zip.addEntry(path, [types]);
      else if (path === wbPath) await zip.addEntry(path, [workbook]);
      else if (path === wbRelsPath) await zip.addEntry(path, [wbRelsXml]);
      else if (path === stylesPart) await zip.addEntry(path, [merged.xml]);
      else if (splicedParts.has(path)) {
        const name = splicedParts.get(path)!;
        const xml = productXml(partText(sk, skParts.get(name) ?? '') ?? '');
        await zip.addEntry(path, spliceSheet(entryChunks(source, fd, e), sheetSplice(writesBySheet.get(name)!, placeholderParts(xml), previous, probes)));
      } else raw(path, e);
    }
    if (!dir.has(wbRelsPath)) await zip.addEntry(wbRelsPath, [wbRelsXml]);
    if (!stylesPart) await zip.addEntry('xl/styles.xml', [merged.xml]);
    const sheetIndexOf = new Map<string, number>();
    newTags.forEach((t) => {
      const p = skPart(t);
      const i = plan.sheets.length ? result.sheetsWritten.indexOf(nameOf(t)) : -1;
      if (p && i >= 0) sheetIndexOf.set(p, i);
    });
    for (const path of sk.keys()) {
      if (!moved.has(path)) continue;
      let xml = partText(sk, path) ?? '';
      const to = movedPath(path);
      if (path.endsWith('.rels')) {
        // Each target follows its part to its new name.
        const owner = path.replace(/_rels\/([^/]*)\.rels$/, '$1');
        xml = xml.replace(/<Relationship\s[^>]*>/g, (tag) => {
          if (attrOf(tag, 'TargetMode') === 'External') return tag;
          const target = resolveTarget(owner, unescapeXml(attrOf(tag, 'Target') ?? ''));
          return moved.has(target) ? setAttr(tag, 'Target', relativeTarget(movedPath(owner), movedPath(target))) : tag;
        });
        await zip.addEntry(to, [xml]);
        continue;
      }
      if (/\/worksheets\/[^/]+\.xml$/.test(path)) {
        xml = productXml(xml);
        const index = sheetIndexOf.get(path);
        const tables = index !== undefined ? cut.get(index) : undefined;
        await zip.addEntry(to, tables ? streamSheetXml(xml, tables) : [xml]);
        continue;
      }
      if (/\/tables\/[^/]+\.xml$/.test(path)) {
        xml = xml.replace(/(<table\b[^>]*\sid=")(\d+)(")/, (_a, p: string, n: string, q: string) => `${p}${Number(n) + tableId}${q}`);
        const cutTables = [...cut.values()].flat();
        if (cutTables.length) xml = patchTableXml(xml, cutTables);
        xml = remapStyleIds(xml, merged);
      } else if (/\/pivotTables\/[^/]+\.xml$/.test(path)) {
        xml = xml.replace(/(<pivotTableDefinition\b[^>]*\scacheId=")(\d+)(")/, (_a, p: string, n: string, q: string) => `${p}${Number(n) + cacheOffset}${q}`);
      }
      await zip.addEntry(to, [xml]);
    }
    zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  } finally {
    fs.closeSync(fd);
  }
  return result;
}
