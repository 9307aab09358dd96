/**
 * Charts say what their titles say: every planned chart names its series by header, counts and rates never share
 * an axis, and no total (合计) is a series or a category — on the sample dealer workbook, in both locales.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { chartProblems, isTotalLabel, resolveChart } from '../../../src/core/plan/charts';
import type { ChartSpec, SheetSpec, TableSpec } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { ymdToSerial } from '../../../src/core/values/dates';
import { t } from '../../../src/i18n';

const AS_OF = { y: 2026, m: 10, d: 31 };
const sample = generateSample({ vehicles: 300, seed: 4, asOf: ymdToSerial(AS_OF) });
const inputs = sample.sheets.map((s) => ({ name: s.name, grid: s.grid }));

function chartsOf(sheets: SheetSpec[]): { chart: ChartSpec; table: TableSpec; sheet: SheetSpec }[] {
  return sheets.flatMap((sheet) =>
    (sheet.charts ?? []).map((chart) => {
      const table = sheet.tables.find((tb) => tb.name === chart.table);
      if (!table) throw new Error(`chart ${chart.title} names a table ${chart.table} the sheet lacks`);
      return { chart, table, sheet };
    }),
  );
}

const table = (columns: [string, 'text' | 'integer' | 'percent'][], rows: (string | number)[][] = []) => ({
  columns: columns.map(([header, kind]) => ({ header, kind })),
  rows,
});
const chart = (over: Partial<ChartSpec>): ChartSpec => ({ type: 'columnClustered', title: 't', table: 'x', series: [], row: 0, col: 0, widthCols: 8, heightRows: 15, ...over });

describe('chartProblems', () => {
  const monthly = table([['月份', 'text'], ['通话数', 'integer'], ['接通率', 'percent'], ['回站率', 'percent']], [['2026-09', 400, 0.4, 0.2]]);
  it('accepts rates on one axis, or counts with rates on the secondary axis', () => {
    expect(chartProblems(chart({ type: 'line', series: ['接通率', '回站率'] }), monthly)).toEqual([]);
    expect(chartProblems(chart({ series: ['通话数'], secondary: ['接通率'] }), monthly)).toEqual([]);
  });
  it('rejects counts and rates on one axis (the rate lines would lie flat on zero)', () => {
    expect(chartProblems(chart({ type: 'line', series: ['通话数', '接通率'] }), monthly)).toEqual(['counts and rates share the primary axis: 通话数, 接通率']);
    expect(chartProblems(chart({ series: ['接通率'], secondary: ['通话数'] }), monthly)).toContain('secondary axis is for rates only: 通话数');
  });
  it('rejects a total series, a total category and a header the table lacks', () => {
    const t2 = table([['地区', 'text'], ['流失', 'integer'], ['合计', 'integer']], [['西安', 1, 3], ['合计', 1, 3]]);
    expect(chartProblems(chart({ series: ['合计'] }), t2)).toContain('a total is a series: 合计');
    expect(chartProblems(chart({ series: ['流失'] }), t2)).toEqual(['a total is a category: 合计']);
    expect(chartProblems(chart({ series: ['没有'] }), t2)).toContain('series column missing: 没有');
    expect(isTotalLabel(' Total ')).toBe(true);
  });
  it('resolves series by name, not by position', () => {
    const t3 = table([['地区', 'text'], ['活跃', 'integer'], ['准流失', 'integer'], ['流失', 'integer'], ['彻底流失', 'integer']]);
    expect(resolveChart({ category: '地区', series: ['流失', '彻底流失'] }, t3).series.map((s) => s.col)).toEqual([3, 4]);
  });
});

describe.each(['zh-CN', 'en-US'] as const)('every planned chart of the sample workbook (%s)', (language) => {
  const plan = analyseWorkbook(inputs, { asOf: AS_OF, state: emptyState(), settings: { language } });
  const all = chartsOf(plan.sheets);
  const tr = (k: string) => t(language, k);

  it('has charts on the after-sales and the sales summaries', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
  });

  it.each(chartsOf(plan.sheets).map((c) => [c.chart.title, c]))('%s: no problem (series by name, one unit per axis, no total)', (_title, c) => {
    expect(chartProblems(c.chart, c.table)).toEqual([]);
    // The table's totals row is outside the chart: the category column's data rows hold no total either.
    expect(c.table.rows.some((r) => isTotalLabel(r[resolveChart(c.chart, c.table).category]))).toBe(false);
  });

  it('each title gets the series it promises', () => {
    const byTitle = new Map(all.map((c) => [c.chart.title, c.chart]));
    const expectSeries = (titleKey: string, category: string, series: string[], secondary: string[] = []) => {
      const c = byTitle.get(tr(titleKey));
      expect(c).toBeDefined();
      expect([c!.category, c!.series, c!.secondary ?? []]).toEqual([category, series, secondary]);
    };
    expectSeries('aftersales.chart.status', tr('aftersales.h.status'), [tr('aftersales.h.vehicles')]);
    // The region chart stacks the lost statuses only (流失 + 彻底流失 = lost customers), not 活跃 or 准流失.
    expectSeries('aftersales.chart.region', tr('aftersales.h.region'), ['流失', '彻底流失']);
    expectSeries('aftersales.chart.ageCumulative', tr('aftersales.h.ageBucket'), [tr('aftersales.h.lost')], [tr('aftersales.h.cumLostShare')]);
    expectSeries('aftersales.chart.reasons', tr('aftersales.h.reasonCategory'), [tr('aftersales.h.lost')]);
    expectSeries('aftersales.chart.failed', tr('aftersales.h.failure'), [tr('aftersales.h.count')]);
    expectSeries('aftersales.chart.monthlyRates', tr('aftersales.h.month'), [tr('aftersales.h.reachRate'), tr('aftersales.h.inviteRate'), tr('aftersales.h.returnRate')]);
    expectSeries('sales.chart.bySlot', tr('sales.h.slot'), [tr('sales.h.visits'), tr('sales.h.calls')]);
    expectSeries('sales.chart.funnel', tr('sales.h.stage'), [tr('sales.h.count')]);
    expectSeries('sales.chart.byClass', tr('sales.h.defeatClass'), [tr('sales.h.lostCount')]);
  });
});
