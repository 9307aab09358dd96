/** The pane session of the production-bundle tests (see pane.test.ts). */
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { compareCells, PaneSession, pivotAreas, tablesOf, problems, todayIso, type WorkbookCells } from './driver';
import { analyzed, forms, sample, SHOTS } from './fixtures';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { t } from '../../src/i18n';
import { readZipEntries } from '../../src/xlsx/zip';
import { PROMISED, readPackageCharts, seriesByAxis } from '../xlsx/chartsSupport';

const STATE = 'ChurnDesk_State';
const FORM_IDS = ['F01', 'F12'];

/** No raw catalogue key anywhere in the visible text. */
export async function expectNoRawKeys(s: PaneSession): Promise<void> {
  const text = await s.page.locator('body').innerText();
  expect(text.match(/\b(ui|settings|progress|office|input|aftersales|forms)\.[a-z]+\.[A-Za-z]/g) ?? []).toEqual([]);
}

export async function expectClean(s: PaneSession, step: string): Promise<void> {
  const stats = await s.stats();
  expect({ step, problems: problems(stats), pageErrors: s.pageErrors }).toEqual({ step, problems: [], pageErrors: [] });
}

/** Presses 刷新分析 and waits for its outcome and for Excel to go idle. */
/**
 * Presses 分享 on the pane and returns the file the add-in gave Excel.createWorkbook (the emulator records the call
 * without opening anything). Checks the run is clean and the pane does not report a failure.
 */
export async function shareFromPane(s: PaneSession): Promise<Buffer> {
  await s.tab('分享');
  await s.page.getByRole('button', { name: t('zh-CN', 'ui.share.run') }).waitFor({ timeout: 60_000 });
  await s.page.evaluate(() => {
    const X = (window as any).Excel;
    const original = X.createWorkbook;
    X.createWorkbook = function (this: unknown, ...args: unknown[]) {
      (window as any).__shared = args[0];
      return original.apply(this, args);
    };
  });
  const runs = (await s.stats()).runs as number;
  await s.press(t('zh-CN', 'ui.share.run'));
  await s.page.waitForFunction((n) => ((window as any).__EMU__.stats().runs as number) > n, runs, { timeout: 600_000 });
  await s.page.getByTestId('share-result').waitFor({ timeout: 600_000 });
  await s.settle();
  await expectClean(s, 'share');
  expect(await s.page.getByTestId('share-result').innerText()).not.toContain(t('zh-CN', 'ui.share.failed'));
  const base64 = (await s.page.evaluate(() => (window as any).__shared)) as string | undefined;
  expect(typeof base64).toBe('string');
  return Buffer.from(base64!, 'base64');
}

/**
 * The copy handed to Excel.createWorkbook carries every chart and PivotTable the refresh made in the emulated
 * workbook (issue 11/12): read with the repo's package readers, each chart is on its sheet with the series its title
 * promises (chartsSupport PROMISED), each pivot stands on its sheet over a source sheet of the copy, and no chart
 * or pivot part holds a value the copy masked.
 */
export async function expectCopyCarriesChartsAndPivots(s: PaneSession, copy: Buffer): Promise<{ charts: number; pivots: number }> {
  const meta = await s.meta();
  const drawn = meta.sheets.filter((sh) => sh.charts.length).map((sh) => [sh.name, (sh.charts as { title?: string }[]).map((c) => c.title ?? '').sort()]);
  const inCopy = readPackageCharts(copy);
  expect([...inCopy].map(([sheet, charts]) => [sheet, charts.map((c) => c.title).sort()])).toEqual(drawn);
  let charts = 0;
  for (const [, list] of inCopy) {
    for (const chart of list) {
      const promised = PROMISED[chart.title];
      expect({ title: chart.title, promised: Boolean(promised) }).toEqual({ title: chart.title, promised: true });
      expect(seriesByAxis(chart)).toEqual({ primary: promised.series, secondary: promised.secondary });
      charts++;
    }
  }
  const entries = readZipEntries(copy);
  const sheetOf = new Map<string, string>();
  const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  for (const m of workbook.matchAll(/<sheet name="([^"]*)" sheetId="\d+"(?: state="\w+")? r:id="(rId\d+)"/g)) {
    const target = new RegExp(`Id="${m[2]}" [^>]*Target="([^"]+)"`).exec(rels)![1];
    sheetOf.set(target.replace('worksheets/', ''), m[1].replace(/&amp;/g, '&'));
  }
  const pivots: { sheet: string; name: string }[] = [];
  for (const [part, data] of entries) {
    const m = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(part);
    if (!m) continue;
    for (const target of data.toString('utf8').matchAll(/Target="\.\.\/pivotTables\/(pivotTable\d+\.xml)"/g)) {
      const xml = entries.get(`xl/pivotTables/${target[1]}`)!.toString('utf8');
      pivots.push({ sheet: sheetOf.get(m[1])!, name: /<pivotTableDefinition\b[^>]*\sname="([^"]+)"/.exec(xml)![1] });
    }
  }
  const native = meta.sheets.flatMap((sh) => sh.pivotTables.map((p) => ({ sheet: sh.name, name: p.name })));
  const key = (p: { sheet: string; name: string }) => `${p.sheet}/${p.name}`;
  expect(pivots.map(key).sort()).toEqual(native.map(key).sort());
  expect(charts).toBeGreaterThanOrEqual(5);
  expect(pivots.length).toBeGreaterThanOrEqual(2);
  // The chart and pivot parts hold only text the copy's cells show (a masked value appears in no cell of the copy).
  const shared = new ExcelJS.Workbook();
  await shared.xlsx.load(copy as never);
  const shown = new Set<string>();
  shared.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void shown.add(String(c.value)))));
  for (const [part, data] of entries) {
    if (!/^xl\/(charts|pivotCache)\//.test(part)) continue;
    const texts = [...data.toString('utf8').matchAll(/<c:pt\b[^>]*>\s*<c:v>([^<]*)<\/c:v>|<s v="([^"]*)"/g)].map((x) => (x[1] ?? x[2]).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
    expect({ part, notShown: texts.filter((x) => x !== '' && !Number.isFinite(Number(x)) && !shown.has(x)) }).toEqual({ part, notShown: [] });
  }
  return { charts, pivots: pivots.length };
}

/**
 * The items of every row and column field of the emulated workbook's PivotTables, read through Office.js in the page
 * (PivotField.items with name and visible, ExcelApi 1.8): how many are the blank item ((空白) / (blank)) and how
 * many of those, and of the others, are hidden.
 */
export async function pivotAxisItems(s: PaneSession): Promise<{ pivots: number; blank: number; blankHidden: number; otherHidden: number }> {
  return s.page.evaluate(async () => {
    const X = (window as any).Excel;
    return X.run(async (ctx: any) => {
      const pts = ctx.workbook.pivotTables;
      pts.load('items/name');
      await ctx.sync();
      const axes = pts.items.flatMap((p: any) => [p.rowHierarchies, p.columnHierarchies]);
      for (const a of axes) a.load('items/name');
      await ctx.sync();
      const lists = axes.flatMap((a: any) => a.items.map((h: any) => h.fields.getItem(h.name).items.load('items/name,items/visible')));
      await ctx.sync();
      const out = { pivots: pts.items.length, blank: 0, blankHidden: 0, otherHidden: 0 };
      for (const l of lists) {
        for (const i of l.items) {
          const blank = i.name === '(空白)' || i.name === '(blank)';
          if (blank) out.blank++;
          if (!i.visible && blank) out.blankHidden++;
          else if (!i.visible) out.otherHidden++;
        }
      }
      return out;
    });
  });
}

export async function refresh(s: PaneSession, label = '刷新分析'): Promise<number> {
  const t0 = Date.now();
  const runsBefore = ((await s.stats()).runs as number) ?? 0;
  await s.press(label);
  await s.page.waitForFunction((n) => ((window as any).__EMU__.stats().runs as number) > n, runsBefore, { timeout: 600_000, polling: 200 });
  await s.page.getByTestId('refresh').and(s.page.locator(':enabled')).waitFor({ timeout: 600_000 });
  await s.page.getByTestId('home-result').waitFor({ timeout: 600_000 });
  await s.settle();
  return Date.now() - t0;
}

function only(cells: WorkbookCells, names: string[]): WorkbookCells {
  return cells.filter((c) => names.includes(c.name));
}

/**
 * The whole pane session on `churn-desk sample [--vehicles N]` as one describe block (used by pane.test.ts and, for
 * 50,000 vehicles, scale.test.ts). `env()` gives the bundle, the browser and a scratch directory once beforeAll ran.
 */
export function paneFlow(label: string, vehicles: number | undefined, env: () => { dist: string; browser: Browser; dir: string }, opts: { shots?: boolean } = {}): void {
  describe(`the pane on ${label}`, () => {
    const shots = opts.shots === true;
    const asOf = todayIso();
    let input: string;
    let s: PaneSession;
    let first: Awaited<ReturnType<typeof analyzed>>;

    beforeAll(async () => {
      const { dist, browser, dir } = env();
      input = await sample(dir, vehicles);
      first = await analyzed(input, asOf);
      s = await PaneSession.open(browser, dist, input, { lang: 'zh-CN' });
    }, 15 * 60_000);

    afterAll(async () => {
      await s?.close();
    });

    test('opens on the home view with the sheets found, nothing written', async () => {
      await s.page.getByTestId('sheets').getByTestId('sheet-保有客户').waitFor({ timeout: 120_000 });
      await s.settle();
      await expectClean(s, 'open');
      expect((await s.meta()).sheets.map((x) => x.name)).toEqual(['保有客户', '招揽记录', '展厅登记', '意向客户']);
    });

    test('刷新分析: the workbook equals churn-desk analyze, cell by cell', async () => {
      const ms = await refresh(s);
      console.log(`[emu] pane 刷新分析 on ${label}: ${ms} ms`);
      await expectClean(s, 'refresh');
      expect(await s.page.getByTestId('home-result').innerText()).toContain(t('zh-CN', 'ui.home.done'));
      const meta = await s.meta();
      const { diffs, compared, formulas } = compareCells(await s.cells(), first.cells, { skipSheets: [STATE], pivotAreas: pivotAreas(meta.sheets), tables: tablesOf(meta.sheets) });
      expect(diffs).toEqual([]);
      expect(compared).toBeGreaterThan(10_000);
      expect(formulas).toBeGreaterThan(0);
      // The figures the pane shows are the CLI's.
      const state = stateFromGrid(first.cells.find((c) => c.name === STATE)!.values as never)!;
      expect(await s.page.getByTestId('fig-vehicles').innerText()).toBe(state.lastRun!.figures.vehicles.toLocaleString('en-US'));
      await expectNoRawKeys(s);
      // Every (空白) item of a native pivot's row or column field is hidden, and no other item.
      const items = await pivotAxisItems(s);
      console.log(`[emu] pivots on ${label}: ${items.pivots} pivots, ${items.blank} blank items (${items.blankHidden} hidden), ${items.otherHidden} other items hidden`);
      expect(items.pivots).toBeGreaterThanOrEqual(2);
      expect({ blankHidden: items.blankHidden, otherHidden: items.otherHidden }).toEqual({ blankHidden: items.blank, otherHidden: 0 });
      if (shots) await s.screenshot(path.join(SHOTS, 'home.zh-CN.png'));
    }, 15 * 60_000);

    test('生成表格: two forms, equal to churn-desk forms --from; nothing else changes', async () => {
      const before = await s.cells();
      await s.tab('表格');
      await s.page.getByTestId('forms-search').waitFor({ timeout: 60_000 });
      if (shots) {
        await s.page.getByTestId('forms-search').fill('登记');
        await s.screenshot(path.join(SHOTS, 'forms-search.zh-CN.png'));
        await s.page.getByTestId('forms-search').fill('');
      }
      for (const id of FORM_IDS) await s.page.getByTestId(`form-${id}`).check();
      const runs = (await s.stats()).runs as number;
      await s.press(t('zh-CN', 'ui.forms.generate', { n: FORM_IDS.length }));
      await s.page.waitForFunction((n) => ((window as any).__EMU__.stats().runs as number) > n, runs, { timeout: 600_000 });
      await s.page.getByTestId('forms-result').waitFor({ timeout: 600_000 });
      await s.settle();
      await expectClean(s, 'forms');
      const after = await s.cells();
      const created = after.map((c) => c.name).filter((n) => !before.some((b) => b.name === n));
      expect(created).toHaveLength(FORM_IDS.length);
      // churn-desk forms writes a new file, so it holds a state sheet of its own; the pane's workbook has had one since
      // the first refresh (it records the new forms there, compared below as an existing sheet is not).
      const expected = (await forms(input, FORM_IDS, asOf)).filter((c) => c.name !== STATE);
      expect(created).toEqual(expected.map((c) => c.name));
      const cmp = compareCells(only(after, created), expected);
      expect(cmp.diffs).toEqual([]);
      // Every sheet that was there is unchanged.
      const same = compareCells(only(after, before.map((b) => b.name)), before, { skipSheets: [STATE] });
      expect(same.diffs).toEqual([]);
      await expectNoRawKeys(s);
      if (shots) await s.screenshot(path.join(SHOTS, 'forms.zh-CN.png'));
    }, 15 * 60_000);

    test('分享: a separate share-safe workbook with the phones masked; this workbook unchanged', async () => {
      const before = await s.cells();
      const copy = await shareFromPane(s);
      const shared = new ExcelJS.Workbook();
      await shared.xlsx.load(copy as never);
      const names: string[] = [];
      shared.eachSheet((ws) => names.push(ws.name));
      expect(names).toEqual(before.map((b) => b.name));
      // No customer phone number of the source sheet survives in the copy.
      const customers = before.find((b) => b.name === '保有客户')!;
      const header = customers.values[2] as unknown[];
      const phoneCol = header.indexOf('手机号码');
      expect(phoneCol).toBeGreaterThanOrEqual(0);
      const phones = new Set(customers.values.slice(3).map((r) => String(r?.[phoneCol] ?? '')).filter((p) => /\d{7,}/.test(p.replace(/\D/g, ''))));
      expect(phones.size).toBeGreaterThan(100);
      let leaked = 0;
      shared.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (phones.has(String(c.value)) ? leaked++ : 0))));
      expect(leaked).toBe(0);
      // Nor in any part of the file (the charts' and pivot caches' text included).
      const digits = new Set([...phones].map((p) => p.replace(/\D/g, '')));
      const inParts: string[] = [];
      for (const [part, data] of readZipEntries(copy)) {
        for (const m of data.toString('utf8').matchAll(/\d{7,}/g)) if (digits.has(m[0])) inParts.push(`${m[0]} in ${part}`);
      }
      expect(inParts.slice(0, 5)).toEqual([]);
      const after = await s.cells();
      expect(compareCells(after, before).diffs).toEqual([]);
      const carried = await expectCopyCarriesChartsAndPivots(s, copy);
      console.log(`[emu] 分享 copy on ${label}: ${carried.charts} charts, ${carried.pivots} PivotTables, ${copy.length} bytes`);
      await expectNoRawKeys(s);
      if (shots) await s.screenshot(path.join(SHOTS, 'share.zh-CN.png'));
    }, 15 * 60_000);

    test('设置 and 列映射: a setting and a mapping saved into the workbook', async () => {
      await s.tab('设置');
      const field = s.page.getByTestId('setting-thresholds.atRiskMonths');
      await field.waitFor({ timeout: 60_000 });
      await field.locator('input').fill('abc');
      await expect(field.innerText()).resolves.toContain('必须是正整数');
      if (shots) await s.screenshot(path.join(SHOTS, 'settings-error.zh-CN.png'));
      await field.locator('input').fill('5');
      if (shots) await s.screenshot(path.join(SHOTS, 'settings.zh-CN.png'));
      await s.page.getByTestId('save-settings').click();
      await s.page.getByTestId('settings-result').waitFor({ timeout: 120_000 });
      await s.settle();
      await expectClean(s, 'settings');
      if (shots) {
        for (let i = 1; i < 8; i++) {
          const sec = s.page.getByTestId(`settings-section-${i}`);
          if ((await sec.count()) === 0) break;
          await sec.locator('button').click();
        }
        await s.screenshot(path.join(SHOTS, 'settings-all.zh-CN.png'));
      }

      await s.tab('列映射');
      const card = s.page.getByTestId('mapping-保有客户');
      await card.waitFor({ timeout: 60_000 });
      await card.getByTestId('map-保有客户-address').click();
      await s.page.getByRole('option', { name: '地区', exact: true }).click();
      await card.getByTestId('save-mapping-保有客户').click();
      await card.getByTestId('mapping-result-保有客户').waitFor({ timeout: 120_000 });
      expect(await card.getByTestId('mapping-result-保有客户').innerText()).toContain('已保存');
      await s.settle();
      await expectClean(s, 'mapping');
      await expectNoRawKeys(s);
      if (shots) await s.screenshot(path.join(SHOTS, 'mapping.zh-CN.png'));

      const state = stateFromGrid((await s.cells()).find((c) => c.name === STATE)!.values as never)!;
      expect((state.settings as { thresholds?: { atRiskMonths?: number } }).thresholds?.atRiskMonths).toBe(5);
      expect(state.mappings['保有客户']?.address).toBe('地区');
    }, 15 * 60_000);

    test('second 刷新分析: equals churn-desk analyze of the workbook as the pane left it', async () => {
      const saved = path.join(env().dir, `before-second-${vehicles ?? 'sample'}.xlsx`);
      await s.saveXlsx(saved);
      const expected = await analyzed(saved, asOf);
      await s.tab('首页');
      const ms = await refresh(s);
      console.log(`[emu] pane second 刷新分析 on ${label}: ${ms} ms`);
      await expectClean(s, 'second refresh');
      const actual = await s.cells();
      const layout = (await s.meta()).sheets;
      const { diffs, compared } = compareCells(actual, expected.cells, { skipSheets: [STATE], pivotAreas: pivotAreas(layout), tables: tablesOf(layout) });
      expect(diffs).toEqual([]);
      expect(compared).toBeGreaterThan(10_000);
      // The setting took effect: the classification differs from the first refresh's.
      expect(compareCells(actual, first.cells, { skipSheets: [STATE] }).diffs.length).toBeGreaterThan(0);
      // No duplicated sheet, no (2).
      expect(actual.map((c) => c.name).filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
    }, 15 * 60_000);
  });
}
