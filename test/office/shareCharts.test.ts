/**
 * The add-in's share-safe copy carries the summary sheets' charts and PivotTables (issue 11/12): a refresh in the
 * in-memory Excel with the real core, then 分享; the file handed to Excel.createWorkbook is opened with the repo's own
 * package readers. Every chart the refresh drew is there with the series its title promises and its cells in the
 * copy; every native pivot is there over the copy's masked source sheet; no customer name or phone is in any part.
 * A summary table edited after the refresh loses its chart in the copy (the plan is a claim checked against the cells).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FakeWorkbook } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { t } from '../../src/i18n';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { readZipEntries } from '../../src/xlsx/zip';
import { expectChartsAsPromised, readPackageCharts } from '../xlsx/chartsSupport';
import { excelRuleProblems } from '../support/excelRules';
import { haveXsd, schemaErrors } from '../support/ooxmlSchema';

const AS_OF = '2026-10-31';
const sample = generateSample({ vehicles: 200, seed: 11, asOf: 46326 });
const grids: Record<string, unknown[][]> = Object.fromEntries(sample.sheets.map((s) => [s.name, s.grid]));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-share-charts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refreshedAndShared(excelApi: string, edit?: (wb: FakeWorkbook) => void) {
  const wb = FakeWorkbook.fromGrids(grids, { excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
  await actions.analyse();
  const drawn = new Map(wb.sheetNames().map((n) => [n, wb.data.sheetByName(n)!.charts.map((c) => c.title)]));
  const pivots = wb.sheetNames().flatMap((n) => wb.data.sheetByName(n)!.pivots.map((p) => ({ sheet: n, name: p.name })));
  edit?.(wb);
  const result = await actions.shareSafeCopy();
  const file = Buffer.from(wb.createdWorkbooks[0], 'base64');
  return { wb, result, file, drawn, pivots };
}

function pivotParts(file: Buffer): { name: string; location: string; cacheSheet: string; cacheRef: string }[] {
  const entries = readZipEntries(file);
  const out: { name: string; location: string; cacheSheet: string; cacheRef: string }[] = [];
  for (const [part, data] of entries) {
    if (!/^xl\/pivotTables\/pivotTable\d+\.xml$/.test(part)) continue;
    const xml = data.toString('utf8');
    const rels = entries.get(part.replace('pivotTables/', 'pivotTables/_rels/') + '.rels')!.toString('utf8');
    const cache = entries.get('xl/pivotCache/' + /Target="\.\.\/pivotCache\/([^"]+)"/.exec(rels)![1])!.toString('utf8');
    out.push({
      name: /<pivotTableDefinition\b[^>]*\sname="([^"]+)"/.exec(xml)![1],
      location: /<location ref="([^"]+)"/.exec(xml)![1],
      cacheSheet: /<worksheetSource\b[^>]*\ssheet="([^"]+)"/.exec(cache)![1],
      cacheRef: /<worksheetSource\b[^>]*\sref="([^"]+)"/.exec(cache)![1],
    });
  }
  return out;
}

describe.each(['1.12', '1.8'])('分享 carries the charts and PivotTables (ExcelApi %s)', (api) => {
  let r: Awaited<ReturnType<typeof refreshedAndShared>>;
  beforeAll(async () => {
    r = await refreshedAndShared(api);
  });

  it('every chart the refresh drew is in the copy, on the same sheet, with the series its title promises', async () => {
    const copyFile = path.join(dir, `copy-${api}.xlsx`);
    if (process.env.KEEP_SHARE_COPY) fs.writeFileSync(`${process.env.KEEP_SHARE_COPY}-${api}.xlsx`, r.file);
    fs.writeFileSync(copyFile, r.file);
    const inCopy = readPackageCharts(r.file);
    const expected = [...r.drawn].filter(([, titles]) => titles.length).map(([sheet, titles]) => [sheet, [...titles].sort()]);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect([...inCopy].map(([sheet, charts]) => [sheet, charts.map((c) => c.title).sort()])).toEqual(expected);
    const titles = await expectChartsAsPromised(copyFile);
    expect(titles.length).toBe(r.result.charts);
    expect(r.result.charts).toBe(expected.reduce((n, [, titles]) => n + titles.length, 0));
    expect(r.result.staleCharts).toBe(0);
  });

  it('every native PivotTable is in the copy, over the masked source sheet, its cells written where it stands', async () => {
    expect(r.pivots.length).toBeGreaterThanOrEqual(2);
    const parts = pivotParts(r.file);
    expect(parts.map((p) => p.name).sort()).toEqual(r.pivots.map((p) => p.name).sort());
    expect(r.result.pivots).toBe(r.pivots.length);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(r.file as never);
    for (const p of parts) {
      expect(copy.getWorksheet(p.cacheSheet)).toBeDefined();
      // The body's first cell is Excel's row-label caption (compact form), the last row its grand total.
      const [from, to] = p.location.split(':');
      const sheet = copy.getWorksheet(r.pivots.find((x) => x.name === p.name)!.sheet)!;
      expect(String(sheet.getCell(from).value)).toMatch(new RegExp(`^(${t('zh-CN', 'pivot.rowLabels')}|${t('zh-CN', 'pivot.countOf', { field: '' })}.*)$`));
      const lastRow = Number(/\d+$/.exec(to)![0]);
      expect(sheet.getCell(lastRow, Number(copy.getWorksheet(sheet.name)!.getCell(from).col)).value).toBe(t('zh-CN', 'pivot.grandTotal'));
    }
  });

  it('every part follows the rules Excel repairs for, and validates against the OOXML schemas when they are present', async () => {
    expect(excelRuleProblems(r.file)).toEqual([]);
    // The parts are the same for both: validated once (xmllint-wasm takes ~15 s on this machine).
    if (api !== '1.12') return;
    if (!haveXsd) return console.warn('OOXML schemas not found: the share copy is not schema-validated (set CHURN_DESK_OOXML_XSD)');
    const { parts, errors } = await schemaErrors(r.file);
    expect(parts).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('no value the copy masked is in any part of it; no chart or pivot part holds one', async () => {
    // The values masking replaced: every input cell whose copy differs (the copy's sheets are the input's, in order).
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(r.file as never);
    const masked = new Set<string>();
    for (const [name, grid] of Object.entries(grids)) {
      const ws = copy.getWorksheet(name)!;
      grid.forEach((row, i) => row.forEach((v, j) => {
        if (typeof v === 'string' && v.trim().length >= 2 && ws.getCell(i + 1, j + 1).value !== v) masked.add(v.trim());
      }));
    }
    // A value masked in one place but shown in another (a district in an address column and in 地区分析) is no secret.
    copy.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => masked.delete(String(c.value).trim()))));
    expect(masked.size).toBeGreaterThan(300);
    const entries = readZipEntries(r.file);
    const leaks: string[] = [];
    for (const [part, data] of entries) {
      const text = data.toString('utf8');
      const added = /^xl\/(charts|pivotCache|pivotTables|drawings)\//.test(part);
      // Phones and VINs anywhere; any masked value (names too) in the parts the charts and pivots added.
      for (const v of masked) if ((added || /\d{7,}|^[A-HJ-NPR-Z0-9]{17}$/.test(v)) && text.includes(v)) leaks.push(`${v} in ${part}`);
    }
    expect(leaks).toEqual([]);
    expect(r.wb.sheetNames()).toContain(STATE_SHEET_NAME);
  });
});

test('a summary table edited after the refresh: its chart stays out of the copy, the others are carried', async () => {
  let edited = '';
  const r = await refreshedAndShared('1.12', (wb) => {
    const name = [...wb.sheetNames()].find((n) => wb.data.sheetByName(n)!.charts.length === 1)!;
    edited = name;
    const grid = wb.grid(name);
    // The first number of the sheet's table (a count) is changed by hand.
    const r0 = grid.findIndex((row, i) => i > 3 && row.some((v) => typeof v === 'number'));
    const c0 = grid[r0].findIndex((v) => typeof v === 'number');
    wb.data.sheetByName(name)!.values[r0][c0] = (grid[r0][c0] as number) + 1;
  });
  const inCopy = readPackageCharts(r.file);
  expect(inCopy.has(edited)).toBe(false);
  expect(r.result.staleCharts).toBe(1);
  expect(r.result.charts).toBe([...r.drawn.values()].reduce((n, titles) => n + titles.length, 0) - 1);
});
