/**
 * Charts in the file (issue 12.1): `churn-desk analyze` writes every planned chart as DrawingML parts into the
 * package exceljs wrote. Read back from the file, each chart has the series its title promises, by name (the
 * cell at each series' name reference holds that header, its values are that column's data rows), categories
 * from the category column without a 合计, rates on a percent secondary axis; the parts validate against the
 * OOXML schema; the stream engine and a refresh write the same charts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isTotalLabel } from '../../src/core/plan/charts';
import { t } from '../../src/i18n';
import { readZipEntries } from '../../src/xlsx/zip';
import { runCli } from '../e2e/runCli';
import { parseRef, readPackageCharts, type ReadChart } from './chartsSupport';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-charts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const tr = (k: string) => t('zh-CN', k);

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

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '150', '--seed', '4', '--as-of', '2026-10-31'])).code).toBe(0);
  expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
}, 120000);

test('every planned chart is in the file, each with the series its title promises', async () => {
  const titles = await expectChartsAsPromised(OUT);
  expect([...titles].sort()).toEqual(Object.keys(PROMISED).sort());
});

test('the file says nothing about charts being drawn only by the add-in', async () => {
  const entries = readZipEntries(fs.readFileSync(OUT));
  const strings = [...entries].filter(([p]) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(p)).map(([, b]) => b.toString('utf8')).join('');
  expect(strings).not.toContain(tr('cli.chartNote'));
  expect(strings).not.toContain('在 Excel 中此处为数据透视表');
});

test('the package is consistent: content types, relationships, one drawing per sheet', () => {
  const entries = readZipEntries(fs.readFileSync(OUT));
  const types = entries.get('[Content_Types].xml')!.toString('utf8');
  const charts = [...entries.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  const drawings = [...entries.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
  expect(charts.length).toBe(Object.keys(PROMISED).length);
  for (const p of charts) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  for (const p of drawings) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  for (const [p, b] of entries) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(p)) continue;
    const xml = b.toString('utf8');
    expect((xml.match(/<drawing /g) ?? []).length).toBeLessThanOrEqual(1);
    // <drawing> sits before <tableParts> (CT_Worksheet order), else Excel repairs the file.
    if (xml.includes('<drawing ') && xml.includes('<tableParts')) expect(xml.indexOf('<drawing ')).toBeLessThan(xml.indexOf('<tableParts'));
  }
});

/** The OOXML schemas (ISO/IEC 29500-4 transitional): $CHURN_DESK_OOXML_XSD, a folder holding dml-chart.xsd and its imports. */
const XSD_DIR = process.env.CHURN_DESK_OOXML_XSD ?? '/tmp/ooxml-xsd';
const haveXsd = fs.existsSync(path.join(XSD_DIR, 'dml-chart.xsd'));

(haveXsd ? test : test.skip)('chart and drawing parts validate against dml-chart.xsd and dml-spreadsheetDrawing.xsd', async () => {
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const preload = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), 'utf8') }));
  const entries = readZipEntries(fs.readFileSync(OUT));
  const parts = [...entries].filter(([p]) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(p));
  expect(parts.length).toBeGreaterThan(Object.keys(PROMISED).length);
  for (const [p, b] of parts) {
    const schema = p.startsWith('xl/charts/') ? 'dml-chart.xsd' : 'dml-spreadsheetDrawing.xsd';
    const result = await validateXML({ xml: { fileName: p.replace(/\//g, '_'), contents: b.toString('utf8') }, schema: preload.find((x) => x.fileName === schema)!, preload: preload.filter((x) => x.fileName !== schema) });
    expect([p, result.errors.map((e) => e.rawMessage)]).toEqual([p, []]);
  }
}, 120000);

test('the stream engine writes the same charts', async () => {
  const out = path.join(dir, 'streamed.xlsx');
  process.env.CHURN_DESK_FILE_ENGINE = 'stream';
  try {
    expect((await runCli(['analyze', IN, '--out', out, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
  } finally {
    delete process.env.CHURN_DESK_FILE_ENGINE;
  }
  const strip = (m: Map<string, ReadChart[]>) => [...m].map(([s, cs]) => [s, cs.map((c) => ({ title: c.title, groups: c.groups }))]);
  expect(strip(readPackageCharts(fs.readFileSync(out)))).toEqual(strip(readPackageCharts(fs.readFileSync(OUT))));
}, 120000);

test('a refresh of the analysed file writes each chart once again', async () => {
  const again = path.join(dir, 'again.xlsx');
  expect((await runCli(['analyze', OUT, '--out', again, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
  const titles = await expectChartsAsPromised(again);
  expect([...titles].sort()).toEqual(Object.keys(PROMISED).sort());
}, 120000);
