/**
 * PivotTables count each vehicle once: on a workbook with 3 duplicate rows (10 rows, 7 vehicles), the pivots over
 * the customer sheet get 重复记录 as a filter field; with ExcelApi 1.12 it excludes 重复 (grand total 7, as the
 * summary table), with 1.8 the field is there and a note asks to untick 重复, with 1.7 the cross-tab totals 7.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { analyseWorkbook } from '../../src/core/analyse';
import type { PivotSpec, SheetSpec } from '../../src/core/plan/types';
import { PIVOT_FILTER_ROWS } from '../../src/office/buildSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { a1 } from '../../src/core/plan/names';
import { AS_OF, calls, customers } from '../core/aftersales/fixtures/smallWorkbook';

const VEHICLES = 7;
const ROWS = 10;

const plan = analyseWorkbook([customers, calls], { asOf: AS_OF });
const withPivots = plan.sheets.filter((s): s is SheetSpec & { pivots: PivotSpec[] } => (s.pivots?.length ?? 0) > 0);

async function refresh(excelApi: string) {
  const wb = FakeWorkbook.fromGrids({ [customers.name]: customers.grid as unknown[][], [calls.name]: calls.grid as unknown[][] }, { excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  const summary = await actions.analyse();
  return { wb, summary, stats: actions.lastStats };
}

/** The 合计 column's sum of the sheet's first table: vehicles, as the summary counts them. */
function tableTotal(s: SheetSpec): number {
  const t = s.tables[0];
  const col = t.columns.findIndex((c) => c.header === '合计');
  return t.rows.reduce((n, r) => n + (r[col] as number), 0);
}

describe('pivots over a customer sheet with duplicate rows', () => {
  it('the plan has three pivots, each excluding 重复 by 重复记录, beside tables totalling 7 vehicles', () => {
    expect(withPivots.map((s) => s.pivots.length)).toEqual([1, 1, 1]);
    for (const s of withPivots) {
      expect(tableTotal(s)).toBe(VEHICLES);
      expect(s.pivots[0].exclude).toEqual({ header: '重复记录', values: ['重复'] });
    }
  });

  it('ExcelApi 1.12: the filter field excludes 重复 (items named by Excel), the grand total equals the table total', async () => {
    const { wb, summary } = await refresh('1.12');
    const pivots = wb.dump().sheets.flatMap((s) => s.pivots);
    expect(pivots).toHaveLength(withPivots.length);
    for (const s of withPivots) {
      const spec = s.pivots[0];
      const p = pivots.find((x) => x.name === spec.name)!;
      expect(p.filters).toEqual(['重复记录']);
      // The fake names the blank item '(blank)', as English Excel does; the adapter never spells it itself.
      expect(p.manualFilters).toEqual({ 重复记录: ['(blank)'] });
      expect(p.destination).toBe(a1(spec.row + PIVOT_FILTER_ROWS, spec.col));
      expect(wb.pivotGrandTotal(p.name)).toBe(tableTotal(s));
      // No untick note: the pivot already excludes the duplicates.
      expect(wb.data.sheetByName(s.name)!.value(spec.row, spec.col)).toBe('');
    }
    expect(summary.report.warnings.join()).not.toContain('透视表');
  });

  it('ExcelApi 1.8: the filter field is there, unfiltered, with the note to untick 重复 above the pivot', async () => {
    const { wb } = await refresh('1.8');
    const pivots = wb.dump().sheets.flatMap((s) => s.pivots);
    for (const s of withPivots) {
      const spec = s.pivots[0];
      const p = pivots.find((x) => x.name === spec.name)!;
      expect(p.filters).toEqual(['重复记录']);
      expect(p.manualFilters).toEqual({});
      // Unfiltered, the pivot counts rows: this is why the note is there.
      expect(wb.pivotGrandTotal(p.name)).toBe(ROWS);
      expect(wb.data.sheetByName(s.name)!.value(spec.row, spec.col)).toBe(
        '注意:数据透视表按行计数,同一车辆的重复行会被重复计算。请在透视表上方的筛选字段“重复记录”中取消勾选“重复”,使其总计与上方汇总表一致。',
      );
    }
  });

  it('ExcelApi 1.7: the cross-tab written instead totals 7 vehicles, as the summary table', async () => {
    const { wb } = await refresh('1.7');
    expect(wb.dump().sheets.flatMap((s) => s.pivots)).toEqual([]);
    for (const s of withPivots) {
      const spec = s.pivots[0];
      const grid = wb.grid(s.name);
      const header = grid[spec.row + 1];
      let r = spec.row + 2;
      while (grid[r] && grid[r][spec.col] !== '总计') r++;
      const totalCol = header.lastIndexOf('总计');
      expect(totalCol).toBeGreaterThan(0);
      expect(grid[r][totalCol]).toBe(tableTotal(s));
    }
  });

  it('the filters cost one sync for all pivots (1.12 vs 1.8), and the fake rejects an item Excel does not list', async () => {
    const modern = await refresh('1.12');
    const older = await refresh('1.8');
    expect(modern.stats.syncs - older.stats.syncs).toBe(1);
    expect(modern.summary.syncs).toBe(modern.wb.stats.syncs);

    // A guessed item name is refused, as Excel refuses it: the adapter must take names from Excel.
    await expect(
      modern.wb.run(async (ctx) => {
        const name = withPivots[0].name;
        const ws = ctx.workbook.worksheets.getItem(customers.name);
        const p = ctx.workbook.worksheets.getItem(name).pivotTables.add('CD_guess', ws.getRange('A3:W13'), 'Z1');
        const f = p.filterHierarchies.add(p.hierarchies.getItem('重复记录'));
        f.fields.getItem('重复记录').applyFilter({ manualFilter: { selectedItems: ['(空白)'] } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringContaining("no item '(空白)'") });
  });

  it('items cannot be read before load + sync', async () => {
    const { wb } = await refresh('1.12');
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(customers.name);
        const p = ctx.workbook.worksheets.getItem(withPivots[0].name).pivotTables.add('CD_unloaded', ws.getRange('A3:W13'), 'Z1');
        const items = p.filterHierarchies.add(p.hierarchies.getItem('重复记录')).fields.getItem('重复记录').items;
        items.load('name');
        void items.items;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });
});
