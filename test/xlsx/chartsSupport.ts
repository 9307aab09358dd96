/**
 * Reads the charts back from an .xlsx package (ours, or LibreOffice's re-save): for each sheet, the charts its
 * drawing anchors, each with its title, chart groups (bar/line/pie, with axis ids) and series (name, name
 * reference, category and value references, cached values). Plain regular expressions over the XML: enough for
 * what DrawingML writers put there.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { isTotalLabel } from '../../src/core/plan/charts';
import { t } from '../../src/i18n';
import { readZipEntries } from '../../src/xlsx/zip';

const tr = (k: string) => t('zh-CN', k);

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

/** Title -> the category header and the series it promises (primary axis, then secondary). */
export const PROMISED: Record<string, { category: string; series: string[]; secondary: string[] }> = {
  [tr('aftersales.chart.status')]: { category: tr('aftersales.h.status'), series: [tr('aftersales.h.vehicles')], secondary: [] },
  [tr('aftersales.chart.region')]: { category: tr('aftersales.h.region'), series: ['流失', '彻底流失'], secondary: [] },
  [tr('aftersales.chart.ageCumulative')]: { category: tr('aftersales.h.ageBucket'), series: [tr('aftersales.h.lost')], secondary: [tr('aftersales.h.cumLostShare')] },
  [tr('aftersales.chart.reasons')]: { category: tr('aftersales.h.reasonCategory'), series: [tr('aftersales.h.lost')], secondary: [] },
  [tr('aftersales.chart.failed')]: { category: tr('aftersales.h.failure'), series: [tr('aftersales.h.count')], secondary: [] },
  [tr('aftersales.chart.monthlyRates')]: { category: tr('aftersales.h.month'), series: [tr('aftersales.h.reachRate'), tr('aftersales.h.inviteRate'), tr('aftersales.h.returnRate')], secondary: [] },
  [tr('sales.chart.bySlot')]: { category: tr('sales.h.slot'), series: [tr('sales.h.visits'), tr('sales.h.calls')], secondary: [] },
  [tr('sales.chart.funnel')]: { category: tr('sales.h.stage'), series: [tr('sales.h.count')], secondary: [] },
  [tr('sales.chart.byClass')]: { category: tr('sales.h.defeatClass'), series: [tr('sales.h.lostCount')], secondary: [] },
};

/** Primary and secondary series names of a chart read back (the secondary group plots on other axis ids). */
export function seriesByAxis(chart: ReadChart): { primary: string[]; secondary: string[] } {
  const axes = chart.groups[0]?.axIds.join(',');
  const pick = (secondary: boolean) => chart.groups.filter((g) => (g.axIds.join(',') !== axes) === secondary).flatMap((g) => g.series.map((s) => s.name));
  return { primary: pick(false), secondary: pick(true) };
}

/**
 * Checks every chart of `file` against PROMISED and against the workbook's cells; returns the titles seen.
 * Shared with the LibreOffice round trip (chartsLibreOffice.test.ts).
 */
export async function expectChartsAsPromised(file: string, opts: { cachedValues: boolean } = { cachedValues: true }): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cell = (sheet: string, row: number, col: number) => {
    const v = wb.getWorksheet(sheet)?.getCell(row + 1, col + 1).value;
    return v && typeof v === 'object' && 'result' in v ? v.result : v;
  };
  const titles: string[] = [];
  for (const [sheet, charts] of readPackageCharts(fs.readFileSync(file))) {
    for (const chart of charts) {
      titles.push(chart.title);
      const promised = PROMISED[chart.title];
      expect(promised).toBeDefined();
      expect(seriesByAxis(chart)).toEqual({ primary: promised.series, secondary: promised.secondary });
      for (const g of chart.groups) {
        for (const s of g.series) {
          const cat = parseRef(s.catRef);
          const val = parseRef(s.valRef);
          expect([cat.sheet, val.sheet]).toEqual([sheet, sheet]);
          // The series is its column by name: the header above its values is the series name, and the name cell too.
          expect(cell(sheet, val.firstRow - 1, val.col)).toBe(s.name);
          if (s.nameRef) expect(cell(sheet, parseRef(s.nameRef).firstRow, parseRef(s.nameRef).col)).toBe(s.name);
          expect(cell(sheet, cat.firstRow - 1, cat.col)).toBe(promised.category);
          expect([cat.firstRow, cat.lastRow]).toEqual([val.firstRow, val.lastRow]);
          // No total among the categories: the table's totals row is below the chart's rows.
          for (let r = cat.firstRow; r <= cat.lastRow; r++) expect(isTotalLabel(cell(sheet, r, cat.col))).toBe(false);
          expect(isTotalLabel(cell(sheet, cat.lastRow + 1, cat.col)) || cell(sheet, cat.lastRow + 1, cat.col) === null || cell(sheet, cat.lastRow + 1, cat.col) === undefined).toBe(true);
          if (opts.cachedValues) {
            expect(s.categories).toEqual(Array.from({ length: cat.lastRow - cat.firstRow + 1 }, (_, i) => String(cell(sheet, cat.firstRow + i, cat.col) ?? '')));
            const numbers = Array.from({ length: val.lastRow - val.firstRow + 1 }, (_, i) => cell(sheet, val.firstRow + i, val.col)).filter((v) => typeof v === 'number');
            expect(s.values.map(Number)).toEqual(numbers);
          }
        }
      }
      // Rates never share an axis with counts: a secondary group plots on a percent axis.
      if (promised.secondary.length) {
        const secondaryGroup = chart.groups.find((g) => g.axIds.join(',') !== chart.groups[0].axIds.join(','))!;
        const axis = chart.valueAxes[secondaryGroup.axIds[1]];
        expect(axis.format).toMatch(/%/);
        expect(chart.valueAxes[chart.groups[0].axIds[1]].format).not.toMatch(/%/);
      }
    }
  }
  return titles;
}

