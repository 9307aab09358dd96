/**
 * Reads the charts back from an .xlsx package (ours, or LibreOffice's re-save): for each sheet, the charts its
 * drawing anchors, each with its title, chart groups (bar/line/pie, with axis ids) and series (name, name
 * reference, category and value references, cached values). Plain regular expressions over the XML: enough for
 * what DrawingML writers put there.
 */
import { readZipEntries } from '../../src/xlsx/zip';

export interface ReadSeries {
  name: string;
  nameRef: string;
  catRef: string;
  valRef: string;
  categories: string[];
  values: string[];
}

export interface ReadGroup {
  kind: string;
  /** The axis ids the group plots on (two per group; a secondary group has different ids from the first). */
  axIds: string[];
  barDir?: string;
  grouping?: string;
  series: ReadSeries[];
}

export interface ReadChart {
  part: string;
  title: string;
  groups: ReadGroup[];
  /** valAx id -> number format code and position. */
  valueAxes: Record<string, { format: string; pos: string; deleted: boolean }>;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function rels(entries: Map<string, Buffer>, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const xml = entries.get(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`)?.toString('utf8') ?? '';
  const out = new Map<string, string>();
  for (const tag of xml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const target = attr(tag, 'Target') ?? '';
    const resolved = target.startsWith('/') ? target.slice(1) : resolvePath(part.slice(0, slash), target);
    out.set(attr(tag, 'Id') ?? '', resolved);
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = dir.split('/');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => unescape(m[1]));
const first = (xml: string, re: RegExp) => re.exec(xml)?.[1] ?? '';

function readSeries(ser: string): ReadSeries {
  const tx = first(ser, /<c:tx>([\s\S]*?)<\/c:tx>/);
  const cat = first(ser, /<c:cat>([\s\S]*?)<\/c:cat>/);
  const val = first(ser, /<c:val>([\s\S]*?)<\/c:val>/);
  return {
    name: texts(tx, 'c:v').join(''),
    nameRef: texts(tx, 'c:f')[0] ?? '',
    catRef: texts(cat, 'c:f')[0] ?? '',
    valRef: texts(val, 'c:f')[0] ?? '',
    categories: texts(cat, 'c:v'),
    values: texts(val, 'c:v'),
  };
}

export function readChartXml(part: string, xml: string): ReadChart {
  const titleXml = first(xml, /<c:title>([\s\S]*?)<\/c:title>/);
  const groups: ReadGroup[] = [];
  for (const m of xml.matchAll(/<c:(barChart|lineChart|pieChart|doughnutChart|areaChart)>([\s\S]*?)<\/c:\1>/g)) {
    const body = m[2];
    groups.push({
      kind: m[1],
      axIds: [...body.matchAll(/<c:axId val="(\d+)"\/>/g)].map((a) => a[1]),
      barDir: /<c:barDir val="(\w+)"/.exec(body)?.[1],
      grouping: /<c:grouping val="(\w+)"/.exec(body)?.[1],
      series: [...body.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((s) => readSeries(s[1])),
    });
  }
  const valueAxes: ReadChart['valueAxes'] = {};
  for (const m of xml.matchAll(/<c:valAx>([\s\S]*?)<\/c:valAx>/g)) {
    const id = /<c:axId val="(\d+)"/.exec(m[1])?.[1] ?? '';
    valueAxes[id] = {
      format: unescape(/<c:numFmt formatCode="([^"]*)"/.exec(m[1])?.[1] ?? ''),
      pos: /<c:axPos val="(\w+)"/.exec(m[1])?.[1] ?? '',
      deleted: /<c:delete val="(1|true)"/.test(m[1]),
    };
  }
  return { part, title: texts(titleXml, 'a:t').join(''), groups, valueAxes };
}

/** Every chart of every sheet, by sheet name. */
export function readPackageCharts(zip: Buffer): Map<string, ReadChart[]> {
  const entries = readZipEntries(zip);
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const wbRels = rels(entries, 'xl/workbook.xml');
  const out = new Map<string, ReadChart[]>();
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = unescape(attr(tag, 'name') ?? '');
    const part = wbRels.get(attr(tag, 'r:id') ?? '') ?? '';
    const sheetXml = entries.get(part)?.toString('utf8') ?? '';
    const drawingId = /<drawing r:id="([^"]+)"/.exec(sheetXml)?.[1];
    if (!drawingId) continue;
    const drawing = rels(entries, part).get(drawingId) ?? '';
    const drawingXml = entries.get(drawing)?.toString('utf8') ?? '';
    const chartRels = rels(entries, drawing);
    const charts: ReadChart[] = [];
    for (const m of drawingXml.matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)) {
      const chartPart = chartRels.get(m[1]) ?? '';
      const xml = entries.get(chartPart)?.toString('utf8');
      if (xml) charts.push(readChartXml(chartPart, xml));
    }
    out.set(name, charts);
  }
  return out;
}

/** A reference 'Sheet'!$B$6:$B$9 as sheet, 0-based column and rows. */
export function parseRef(ref: string): { sheet: string; col: number; firstRow: number; lastRow: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a reference: ${ref}`);
  const col = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const firstRow = Number(m[4]) - 1;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), col, firstRow, lastRow: m[6] ? Number(m[6]) - 1 : firstRow };
}
