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
import { t } from '../../src/i18n';
import { readZipEntries } from '../../src/xlsx/zip';
import { runCli } from '../e2e/runCli';
import { expectChartsAsPromised, PROMISED, readPackageCharts, type ReadChart } from './chartsSupport';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-charts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const tr = (k: string) => t('zh-CN', k);


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

(haveXsd ? test : test.skip)('chart, drawing and worksheet parts validate against dml-chart.xsd, dml-spreadsheetDrawing.xsd and sml.xsd', async () => {
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const preload = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), 'utf8') }));
  const entries = readZipEntries(fs.readFileSync(OUT));
  const parts = [...entries].filter(([p]) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(p));
  expect(parts.length).toBeGreaterThan(Object.keys(PROMISED).length);
  // The worksheets that got a <drawing>: it must be a direct child of <worksheet> in its place (sml.xsd).
  for (const [p, b] of entries) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(p) && b.includes('<drawing ')) parts.push([p, b]);
  for (const [p, b] of parts) {
    const schema = p.startsWith('xl/charts/') ? 'dml-chart.xsd' : p.startsWith('xl/drawings/') ? 'dml-spreadsheetDrawing.xsd' : 'sml.xsd';
    // Markup compatibility (ECMA-376 part 3): a consumer ignores the namespaces mc:Ignorable lists, as Excel does.
    const contents = b.toString('utf8').replace(/\smc:Ignorable="[^"]*"/g, '').replace(/\s(?:x14ac|xr\d*):\w+="[^"]*"/g, '');
    const result = await validateXML({ xml: { fileName: p.replace(/\//g, '_'), contents }, schema: preload.find((x) => x.fileName === schema)!, preload: preload.filter((x) => x.fileName !== schema) });
    expect([p, result.errors.map((e) => e.rawMessage)]).toEqual([p, []]);
  }
}, 300000);

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
