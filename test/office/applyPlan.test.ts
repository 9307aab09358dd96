/**
 * The Office adapter on hand-made plans (a stub core, so these tests measure the adapter only): customer text
 * never becomes a formula or a number, a failure on any sync before the swap leaves the workbook as it was, data
 * in an Excel table gets table columns, a dealer's cell is never overwritten.
 */
import { FakeWorkbook, type SheetDump } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import type { ChunkPolicy } from '../../src/office/chunks';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { customerGrid, planFor, stubRunner } from './support';

const SHEET = '保有客户';

function setup(rows: number, opts: { excelApi?: string; texts?: string[]; policy?: ChunkPolicy } = {}) {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(rows) }, { excelApi: opts.excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, rows, { texts: opts.texts })), policy: opts.policy });
  return { wb, actions };
}

function stableDump(wb: FakeWorkbook): SheetDump[] {
  return wb.dump().sheets;
}

describe('customer text stays text', () => {
  const texts = ['=1+1', '+8613800000000', '00123', '2023/5/6', '-abc', '=HYPERLINK("http://x")', '1/2'];

  it.each(texts.map((t, i) => [t, i]))('%j written by ChurnDesk is the same string, not a formula or number', async (text, i) => {
    const { wb, actions } = setup(10, { texts });
    await actions.analyse();
    const src = wb.data.sheetByName(SHEET)!;
    expect(src.value(3 + Number(i), 16)).toBe(text);
    expect(src.formula(3 + Number(i), 16)).toBeUndefined();
    const list = wb.data.sheetByName('招揽名单')!;
    expect(list.value(3 + Number(i), 0)).toBe(text);
    expect(list.formula(3 + Number(i), 0)).toBeUndefined();
  });

  it('writes product formulas as formulas and a data value that looks like one as text', async () => {
    const { wb, actions } = setup(10);
    await actions.analyse();
    const s = wb.data.sheetByName('流失概览')!;
    expect(s.value(1, 0)).toBe('=SUM(A1:A2)');
    expect(s.formula(1, 0)).toBeUndefined();
    expect(s.formula(1, 3)).toBe('=SUM(B5:B8)');
    expect(s.formula(4, 2)).toBe('=IFERROR(B5/SUM($B$5:$B$8),"")');
    expect(s.formula(8, 1)).toBe('=SUBTOTAL(109,B5:B8)');
    // Phones keep their leading digits as text in the list.
    expect(wb.data.sheetByName('招揽名单')!.value(3, 1)).toBe('13800000000');
  });
});

describe('sheets the user took over', () => {
  it('a generated sheet the user deleted and re-made under the same name is kept; ours gets a suffix', async () => {
    const { wb, actions } = setup(10);
    await actions.analyse();
    const ours = wb.data.sheetByName('流失概览')!;
    wb.data.deleteSheet(ours);
    wb.data.addSheet('流失概览').setRaw(0, 0, '我的笔记', undefined);
    await actions.analyse();
    expect(wb.data.sheetByName('流失概览')!.value(0, 0)).toBe('我的笔记');
    expect(wb.data.sheetByName('流失概览 (2)')).toBeDefined();
    // A third refresh replaces our sheet in place and still leaves the user's alone.
    await actions.analyse();
    expect(wb.data.sheetByName('流失概览')!.value(0, 0)).toBe('我的笔记');
    expect(wb.data.sheetByName('流失概览 (3)')).toBeUndefined();
  });
});

describe('atomic apply', () => {
  it('a failure on any sync before the swap leaves the previous results and the dealer sheet as they were', async () => {
    const { wb, actions } = setup(300);
    await actions.analyse();
    const before = stableDump(wb);
    const start = wb.stats.syncs;
    await actions.analyse();
    const perRun = wb.stats.syncs - start;
    expect(stableDump(wb)).toEqual(before);
    // Every sync is made to fail once: up to the swap the refresh fails and changes nothing; after it (the optional
    // steps: validations, conditional formats, charts, pivots) it succeeds with a note (test/office/allOrNothing).
    let failed = 0;
    for (let k = 1; k < perRun; k++) {
      wb.failOnSync = wb.stats.syncs + k;
      const outcome = await actions.analyse().then((r) => r, (e: unknown) => e as Error);
      wb.failOnSync = null;
      if (outcome instanceof Error) {
        expect(outcome).toMatchObject({ code: 'officeError' });
        expect(stableDump(wb)).toEqual(before);
        failed++;
      } else expect(outcome.report.warningMessages?.length).toBeGreaterThan(0);
    }
    expect(failed).toBeGreaterThan(5);
    expect(perRun).toBeGreaterThan(10);
  });

  it('a failure on the first run leaves the dealer sheet exactly as it was', async () => {
    const { wb, actions } = setup(50);
    const before = stableDump(wb);
    const start = wb.stats.syncs;
    await actions.analyse();
    const perRun = wb.stats.syncs - start;
    let fresh = setup(50);
    for (let k = 1; k < perRun; k++) {
      fresh.wb.failOnSync = fresh.wb.stats.syncs + k;
      const failed = await fresh.actions.analyse().then(() => false, () => true);
      fresh.wb.failOnSync = null;
      if (failed) expect(stableDump(fresh.wb)).toEqual(before);
      // A success (a failure in an optional step) keeps the refresh: start over from the dealer sheet alone.
      else fresh = setup(50);
    }
  });

  it('cancelling between steps leaves the workbook unchanged', async () => {
    const { wb, actions } = setup(100);
    const before = stableDump(wb);
    const controller = new AbortController();
    const run = actions.analyse({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'progress.writing') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', messageKey: 'office.error.cancelled' });
    expect(stableDump(wb)).toEqual(before);
  });
});

describe('the dealer sheet', () => {
  it('adds the columns to the dealer’s Excel table when the data is one', async () => {
    const { wb, actions } = setup(20);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).tables.add('A3:L23', true).name = 'DealerData';
      await ctx.sync();
    });
    await actions.analyse();
    await actions.analyse();
    const t = wb.dump().sheets.find((s) => s.name === SHEET)!.tables[0];
    expect(t.name).toBe('DealerData');
    expect(t.address).toBe('A3:R23');
    expect(t.headers.slice(12)).toEqual(['未回厂月数', '流失状态', '车龄(年)', '保修状态', '流失原因', '下次跟踪日期']);
  });

  it('refuses to overwrite a dealer’s cell and writes nothing', async () => {
    const grid = customerGrid(5);
    grid[4][14] = '经理批注';
    const wb = FakeWorkbook.fromGrids({ [SHEET]: grid });
    const before = stableDump(wb);
    const actions = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, 5)) });
    await expect(actions.analyse()).rejects.toMatchObject({ code: 'overwriteRefused', params: { sheet: SHEET, cell: 'O5' } });
    expect(stableDump(wb)).toEqual(before);
  });

  it('keeps the state in a very hidden sheet and the owned sheets in it', async () => {
    const { wb, actions } = setup(20);
    const summary = await actions.analyse();
    expect(summary.sheetsWritten).toEqual(['流失概览', '招揽名单']);
    const s = wb.data.sheetByName(STATE_SHEET_NAME)!;
    expect(s.visibility).toBe('VeryHidden');
    const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
    expect(state.ownedSheets).toEqual({ 'summary.overview': '流失概览', 'list.winback': '招揽名单' });
    expect(state.ownedColumns[SHEET]).toEqual({ headerRow: 2, startColumn: 12, headers: ['未回厂月数', '流失状态', '车龄(年)', '保修状态', '流失原因', '下次跟踪日期'] });
    expect(await actions.lastRun()).toEqual({ vehicles: 20 });
  });

  it('gives a new sheet a suffix when the dealer has a sheet of that name', async () => {
    const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(5), 招揽名单: [['我自己的表']] });
    const actions = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, 5)) });
    const summary = await actions.analyse();
    expect(summary.sheetsWritten).toEqual(['流失概览', '招揽名单 (2)']);
    expect(wb.grid('招揽名单')).toEqual([['我自己的表']]);
    await actions.analyse();
    expect(wb.sheetNames().filter((n) => n.startsWith('招揽名单'))).toEqual(['招揽名单', '招揽名单 (2)']);
  });
});
