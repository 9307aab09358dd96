/**
 * 刷新分析 from the ribbon, pane closed: the production bundle's FunctionFile run by ../shared/office-emu/run-addin.js,
 * on the bundled sample and on 1,000 vehicles. Each run must be clean (ok, no error, no unloaded property read, nothing
 * unmodelled, no network request) and leave exactly the workbook `churn-desk analyze` writes for the same input and
 * date, cell by cell (values; formulas by text; PivotTables, which the emulator records without output cells, are
 * checked by their description and, on an ExcelApi 1.7 host, by the cross-tab written instead). Then the result dialog
 * (result.html) is opened with the URL the command asked for and shot in zh-CN and en-US.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { compareCells, launchBrowser, mergesOf, pivotAreas, pivotFigures, tablesOf, problems, productionBundle, readCells, requireEnvironment, runRibbon, scratch, todayIso, unmodelledOutsideGaps, EMU_DIR, type DumpedSheet, type RibbonRun } from './driver';
import { analyzed, sample, SHOTS, strangerCalls, unusable, withoutColumns } from './fixtures';
import { t } from '../../src/i18n';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { cellOf, packagePivots, pivotArea } from '../support/packagePivots';

const STATE = 'ChurnDesk_State';
let dist: string;
let dir: string;
let browser: Browser;
const asOf = todayIso();

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-ribbon-');
  dist = await productionBundle();
  browser = await launchBrowser();
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function ribbon(input: string, name: string, opts: { lang?: string; maxApi?: string } = {}): Promise<RibbonRun & { out: string; meta: { sheets: DumpedSheet[] } }> {
  const out = path.join(dir, `${name}.result.xlsx`);
  const dump = path.join(dir, `${name}.dump.json`);
  const r = await runRibbon(dist, input, out, { ...opts, dumpJson: dump });
  expect(problems(r.stats)).toEqual([]);
  const meta = (JSON.parse(fs.readFileSync(dump, 'utf8')) as { meta: { sheets: DumpedSheet[] } }).meta;
  return { ...r, out, meta };
}

/** The dialog the command asked for, opened as Office would (office.js → emu.js); its view and a screenshot. */
async function dialog(run: RibbonRun, shot?: string): Promise<{ text: string; view: Record<string, unknown> }> {
  const dialogs = run.stats.dialogs ?? [];
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.pathname).toBe('/result.html');
  const view = JSON.parse(url.searchParams.get('r') ?? '{}') as Record<string, unknown>;
  const ctx = await browser.newContext({ viewport: { width: 420, height: 360 } });
  const emu = fs.readFileSync(path.join(EMU_DIR, 'emu.js'), 'utf8');
  const blocked: string[] = [];
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (/\/office(\.debug)?\.js([?#].*)?$/.test(u)) return route.fulfill({ status: 200, contentType: 'application/javascript', body: emu });
    if (u.startsWith('file://')) return route.continue();
    blocked.push(u);
    return route.abort();
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${path.join(dist, 'result.html')}${url.search}`);
  await page.locator('#close').waitFor();
  const text = await page.locator('body').innerText();
  if (shot) {
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 420, height: h });
    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  }
  await ctx.close();
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  // No catalogue key and no JavaScript error text reaches the dialog.
  expect(text.match(/\b(ui|settings|progress|office|input|aftersales|forms)\.[a-z]+\.[A-Za-z]/g) ?? []).toEqual([]);
  expect(text).not.toMatch(/Error|undefined|null|NaN|\bat \w+ \(/);
  return { text, view };
}

describe.each([
  ['the bundled sample', undefined],
  ['1,000 vehicles', 1000],
] as const)('ribbon 刷新分析 on %s', (label, vehicles) => {
  let input: string;
  let run: RibbonRun & { out: string; meta: { sheets: DumpedSheet[] } };
  let expected: Awaited<ReturnType<typeof analyzed>>;

  beforeAll(async () => {
    input = await sample(dir, vehicles);
    expected = await analyzed(input, asOf);
    run = await ribbon(input, `ribbon-${vehicles ?? 'sample'}`);
    console.log(`[emu] ribbon on ${label}: ${run.ms} ms (${JSON.stringify(run.stats.timing)}); syncs ${run.stats.syncs}, max request ${run.stats.maxRequestBytes} B; CLI analyze ${expected.ms} ms`);
  }, 15 * 60_000);

  test('the run is clean and completes', () => {
    expect(problems(run.stats)).toEqual([]);
    expect(run.stats.completed).toMatchObject({ completed: true });
  });

  test('the workbook equals churn-desk analyze, cell by cell', async () => {
    const actual = await readCells(run.out);
    const { diffs, compared, formulas } = compareCells(actual, expected.cells, { skipSheets: [STATE], pivotAreas: pivotAreas(run.meta.sheets), tables: tablesOf(run.meta.sheets), inputMerges: mergesOf(await readCells(input)) });
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
    expect(formulas).toBeGreaterThan(0);
    // The state sheet is there, very hidden, in both.
    expect(run.meta.sheets.find((s) => s.name === STATE)?.visibility).toBe('VeryHidden');
  });

  test('PivotTables: the add-in makes the same PivotTables as the file, over the same source, where the file has them', () => {
    const sources = ['保有客户', '招揽记录', '展厅登记', '意向客户'];
    const pivots = run.meta.sheets.flatMap((s) => s.pivotTables.map((p) => ({ sheet: s.name, ...p })));
    expect(pivots.length).toBeGreaterThan(0);
    for (const p of pivots) {
      expect(p.destination.startsWith(`${p.sheet}!`)).toBe(true);
      expect(p.rows.length).toBeGreaterThan(0);
      expect(sources).toContain(p.source.split('!')[0]);
    }
    // The file's PivotTable parts (src/xlsx/pivots/): the same names on the same sheets, over the same source sheet,
    // their body where the add-in's pivot has its top-left.
    const inFile = packagePivots(expected.file).map((p) => [p.name, p.sheet, p.source.sheet, p.location.split(':')[0]]).sort();
    const inAddin = pivots.map((p) => [p.name, p.sheet, p.source.split('!')[0].replace(/^'|'$/g, ''), p.destination.split('!').pop()!.replace(/\$/g, '')]).sort();
    expect(inAddin).toEqual(inFile);
  });

  test('the result dialog shows the figures, localised, from the catalogue', async () => {
    const { text, view } = await dialog(run, vehicles ? undefined : 'ribbon-result.zh-CN');
    expect(view.lang).toBe('zh-CN');
    expect(text).toContain(t('zh-CN', 'office.command.fig.vehicles'));
    expect(text).toContain(t('zh-CN', 'office.command.openPaneHint'));
    const figures = view.figures as { key: string; value: string }[];
    expect(figures.map((f) => f.key)).toEqual(['vehicles', 'churnRate', 'sheets']);
    const inputSheets = (await readCells(input)).length;
    expect(Number(figures[2].value)).toBe(expected.cells.length - inputSheets - 1);
    const state = stateFromGrid(expected.cells.find((s) => s.name === STATE)!.values as never);
    expect(figures[0].value).toBe(state!.lastRun!.figures.vehicles.toLocaleString('en-US'));
    expect(figures[1].value).toBe(`${(state!.lastRun!.figures.churnRate * 100).toFixed(1)}%`);
  });
});

test('on an ExcelApi 1.7 host (no PivotTables) the file equals cell by cell, and each cross-tab has its PivotTable\'s figures', async () => {
  const input = await sample(dir, 1000);
  const expected = await analyzed(input, asOf);
  const run = await ribbon(input, 'ribbon-1k-api17', { maxApi: '1.7' });
  expect(run.meta.sheets.every((s) => s.pivotTables.length === 0)).toBe(true);
  // Where the file holds a PivotTable the add-in wrote a cross-tab (note, field row, items, 总计): other layout, same figures.
  const filePivots = packagePivots(expected.file);
  const skipAreas = new Map<string, ReturnType<typeof pivotArea>[]>();
  for (const p of filePivots) (skipAreas.get(p.sheet) ?? skipAreas.set(p.sheet, []).get(p.sheet)!).push(pivotArea(p));
  const actual = await readCells(run.out);
  const { diffs, compared } = compareCells(actual, expected.cells, { skipSheets: [STATE], tables: tablesOf(run.meta.sheets), inputMerges: mergesOf(await readCells(input)), skipAreas });
  expect(diffs).toEqual([]);
  expect(compared).toBeGreaterThan(10_000);
  expect(filePivots.length).toBeGreaterThanOrEqual(3);
  for (const p of filePivots) {
    const area = pivotArea(p);
    const body = cellOf(p.location.split(':')[0]);
    const fileSheet = expected.cells.find((s) => s.name === p.sheet)!;
    const addinSheet = actual.find((s) => s.name === p.sheet)!;
    // The add-in's cross-tab: its note on the pivot's first row, the field row below it.
    const figures = pivotFigures(fileSheet.values, body[0] + 1, area.c0);
    expect(figures.size).toBeGreaterThan(1);
    expect([p.name, pivotFigures(addinSheet.values, area.r0 + 1, area.c0)]).toEqual([p.name, figures]);
  }
}, 15 * 60_000);

test('en-US: the result dialog in English', async () => {
  const input = await sample(dir);
  const run = await ribbon(input, 'ribbon-en', { lang: 'en-US' });
  const { text, view } = await dialog(run, 'ribbon-result.en-US');
  expect(view.lang).toBe('en-US');
  expect(text).toContain('Vehicles');
  expect(text).toContain('Churn rate');
  // English chrome: no Chinese outside sheet names.
  expect(String(view.title)).not.toMatch(/[\u4e00-\u9fff]/);
}, 15 * 60_000);

test('a missing key column is the first warning of the dialog, in red', async () => {
  const input = await withoutColumns(await sample(dir, 1000), path.join(dir, 'missing.xlsx'), '保有客户', ['开票日期', '最后进站日期']);
  const run = await ribbon(input, 'ribbon-missing');
  const { view } = await dialog(run, 'ribbon-missing.zh-CN');
  // Without a last visit or a purchase date no status can be computed: the refresh stops and says which (issue 10).
  expect({ intent: view.intent, message: view.message }).toEqual({ intent: 'error', message: expect.any(String) });
  expect(view.keyWarning).toBe(true);
  const first = (view.warnings as string[])[0];
  expect(first).toContain('保有客户');
  expect(first).toContain(t('zh-CN', 'ui.field.lastVisitDate'));
}, 15 * 60_000);

test('calls that match no vehicle: the problem (the call log’s key column), not a result', async () => {
  const input = await strangerCalls(path.join(dir, 'stranger-calls.xlsx'));
  const r = await runRibbon(dist, input, path.join(dir, 'stranger-calls.result.xlsx'), {});
  expect(r.stats.ok).toBe(true);
  expect(r.stats.propertyNotLoaded.count).toBe(0);
  expect(unmodelledOutsideGaps(r.stats)).toEqual([]);
  const { view } = await dialog(r);
  expect({ intent: view.intent, title: view.title, message: view.message, figures: view.figures, keyWarning: view.keyWarning }).toEqual({
    intent: 'error',
    title: t('zh-CN', 'office.command.needsMapping.title'),
    message: t('zh-CN', 'office.command.columnRefused.message'),
    figures: [],
    keyWarning: true,
  });
  expect((view.warnings as string[])[0]).toContain('“联系电话”(B)=phone');
}, 15 * 60_000);

test('a workbook with nothing usable: the reason from the catalogue, no figures', async () => {
  const input = await unusable(path.join(dir, 'unusable.xlsx'));
  const out = path.join(dir, 'unusable.result.xlsx');
  const r = await runRibbon(dist, input, out, {});
  // The refresh fails as it should; the run itself must still be clean (no Office.js misuse) and complete.
  expect(r.stats.ok).toBe(true);
  expect(r.stats.propertyNotLoaded.count).toBe(0);
  expect(unmodelledOutsideGaps(r.stats)).toEqual([]);
  expect(r.stats.networkRequests).toEqual([]);
  const { view } = await dialog(r, 'ribbon-error.zh-CN');
  expect(view.intent).toBe('error');
  expect(view.figures).toEqual([]);
  expect(view.message).toContain(t('zh-CN', 'aftersales.error.nothingFound'));
}, 15 * 60_000);
