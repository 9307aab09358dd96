/**
 * Puts the charts into the package exceljs wrote (exceljs cannot write charts): for each sheet with charts, a
 * drawing part and its relationships, one chart part per chart, the sheet's `<drawing r:id>` and its
 * relationship, and the content types. Works on the zip's entries (readZipEntries), so both file engines use it:
 * the in-memory engine on `writeBuffer()`'s output (`writeWorkbookWithCharts`), the stream engine on its skeleton.
 */
import type ExcelJS from 'exceljs';
import { readZipEntries, ZipFileWriter } from '../zip';
import { chartPartXml, drawingPartXml } from './chartXml';
import type { FileChart } from './fileCharts';

/** The charts of one sheet, by the sheet's final name. */
export interface SheetCharts {
  sheet: string;
  charts: FileChart[];
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Worksheet children that come after `<drawing>` (CT_Worksheet's sequence): the drawing goes before the first. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Sheet name -> path of its part, from xl/workbook.xml and its relationships. */
function sheetPaths(entries: Map<string, Buffer>): Map<string, string> {
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = entries.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attrOf(tag, 'Id');
    const target = attrOf(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attrOf(tag, 'name');
    const rid = attrOf(tag, 'r:id');
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) out.set(unescape(name), target);
  }
  return out;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds a relationship to a .rels part (created when missing); returns its new id. */
function addRelationship(entries: Map<string, Buffer>, relsPath: string, type: string, target: string): string {
  let xml = entries.get(relsPath)?.toString('utf8') ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  if (/<Relationships[^>]*\/>/.test(xml)) xml = xml.replace(/<Relationships([^>]*)\/>/, '<Relationships$1></Relationships>');
  const used = new Set((xml.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  xml = xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  entries.set(relsPath, Buffer.from(xml, 'utf8'));
  return id;
}

function nextIndex(entries: Map<string, Buffer>, pattern: RegExp): number {
  let max = 0;
  for (const path of entries.keys()) {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** The sheet XML with `<drawing r:id="…"/>` in its schema position (and the r namespace declared). */
function withDrawingElement(xml: string, relId: string): string {
  let out = xml;
  const root = /<worksheet\b[^>]*>/.exec(out);
  if (root && !/\sxmlns:r=/.test(root[0])) {
    out = out.replace(root[0], root[0].replace(/>$/, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'));
  }
  const element = `<drawing r:id="${relId}"/>`;
  const at = topLevelIndex(out, AFTER_DRAWING) ?? out.lastIndexOf('</worksheet>');
  return out.slice(0, at) + element + out.slice(at);
}

/**
 * Index of the first direct child of <worksheet> named one of `names`, or undefined. Only direct children count:
 * a conditional format's data bar has an <extLst> of its own inside <conditionalFormatting>. The rows are
 * skipped (nothing after <sheetData> is inside it).
 */
function topLevelIndex(xml: string, names: string[]): number | undefined {
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) return undefined;
  const dataEnd = xml.indexOf('</sheetData>');
  const re = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  re.lastIndex = Math.max(root.index + root[0].length, dataEnd >= 0 ? dataEnd + '</sheetData>'.length : 0);
  let depth = 1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, selfClose] = m;
    if (close) {
      depth--;
      continue;
    }
    if (depth === 1 && names.includes(name)) return m.index;
    if (!selfClose) depth++;
  }
  return undefined;
}

/**
 * Adds the chart parts of `sheets` to the package `entries` (mutated). A sheet the package lacks, or one that
 * already has a drawing (exceljs images), is left as it is. Returns how many charts were added.
 */
export function addChartParts(entries: Map<string, Buffer>, sheets: SheetCharts[]): number {
  const paths = sheetPaths(entries);
  let added = 0;
  const overrides: string[] = [];
  let drawingN = nextIndex(entries, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartN = nextIndex(entries, /^xl\/charts\/chart(\d+)\.xml$/);
  for (const { sheet, charts } of sheets) {
    const part = paths.get(sheet);
    const xml = part ? entries.get(part)?.toString('utf8') : undefined;
    if (!part || xml === undefined || !charts.length || /<drawing[\s/>]/.test(xml)) continue;
    const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
    const relIds = charts.map((chart) => {
      const chartPath = `xl/charts/chart${chartN++}.xml`;
      entries.set(chartPath, Buffer.from(chartPartXml(chart), 'utf8'));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
      return addRelationship(entries, relsPathOf(drawingPath), REL_CHART, `../charts/${chartPath.slice('xl/charts/'.length)}`);
    });
    entries.set(drawingPath, Buffer.from(drawingPartXml(charts, relIds), 'utf8'));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
    const sheetRel = addRelationship(entries, relsPathOf(part), REL_DRAWING, `../drawings/drawing${drawingN}.xml`);
    entries.set(part, Buffer.from(withDrawingElement(xml, sheetRel), 'utf8'));
    drawingN++;
    added += charts.length;
  }
  if (overrides.length) {
    const types = entries.get('[Content_Types].xml')?.toString('utf8') ?? '';
    entries.set('[Content_Types].xml', Buffer.from(types.replace('</Types>', overrides.join('') + '</Types>'), 'utf8'));
  }
  return added;
}

/** Writes `entries` as a zip file (deflated), in their order; jszip's folder entries are left out. */
export async function writeEntries(entries: Map<string, Buffer>, file: string): Promise<void> {
  const zip = new ZipFileWriter(file);
  try {
    for (const [path, data] of entries) if (!path.endsWith('/')) await zip.addEntry(path, [data]);
    zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  }
}

/**
 * Writes `workbook` to `file` with the charts added (what `workbook.xlsx.writeFile` writes, plus the charts).
 * Without charts, exceljs writes the file itself.
 * @example await writeWorkbookWithCharts(wb, renderPlan(wb, plan).charts, 'out.xlsx')
 */
export async function writeWorkbookWithCharts(workbook: ExcelJS.Workbook, sheets: SheetCharts[] | undefined, file: string): Promise<void> {
  if (!sheets?.some((s) => s.charts.length)) {
    await workbook.xlsx.writeFile(file);
    return;
  }
  const entries = readZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
  addChartParts(entries, sheets);
  await writeEntries(entries, file);
}
