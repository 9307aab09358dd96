/**
 * The charts Excel gets: each chart's series are read back from the in-memory workbook (names, value ranges,
 * category ranges, axis) and checked against the table's headers and the chart's title. ExcelApi 1.12 and 1.8
 * draw every series, rates on the secondary axis; 1.7 leaves the secondary (rate) series out; below 1.7 only a
 * chart whose columns are adjacent is drawn, and then with exactly those columns.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { qualifiedAddress } from '../support/fakeExcel/addresses';
import type { ChartData } from '../support/fakeExcel/model';
import { generateSample } from '../../src/cli/sample/generateSample';
import { analyseWorkbook } from '../../src/core/analyse';
import { isTotalLabel, resolveChart } from '../../src/core/plan/charts';
import type { ChartSpec, SheetSpec, TableSpec, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';

const AS_OF = '2026-10-31';
const sample = generateSample({ vehicles: 200, seed: 11, asOf: 46326 });
const grids: Record<string, unknown[][]> = Object.fromEntries(sample.sheets.map((s) => [s.name, s.grid]));
const plan: WorkbookPlan = analyseWorkbook(Object.entries(grids).map(([name, grid]) => ({ name, grid })) as never, { asOf: { y: 2026, m: 10, d: 31 } });

async function refreshed(excelApi: string): Promise<FakeWorkbook> {
  const wb = FakeWorkbook.fromGrids(grids, { excelApi });
  await createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF }).analyse();
  return wb;
}

/** The data rows (no header, no totals row) of table column `col`, as Office.js addresses it. */
function columnAddress(sheet: string, table: TableSpec, col: number): string {
  return qualifiedAddress(sheet, { r0: table.row + 1, c0: table.col + col, rows: table.rows.length, cols: 1 });
}

function planned(): { sheet: SheetSpec; chart: ChartSpec; table: TableSpec }[] {
  return plan.sheets.flatMap((sheet) => (sheet.charts ?? []).map((chart) => ({ sheet, chart, table: sheet.tables.find((tb) => tb.name === chart.table)! })));
}

function chartOn(wb: FakeWorkbook, sheet: string, title: string): ChartData | undefined {
  return wb.data.sheetByName(sheet)?.charts.find((c) => c.title === title);
}

describe.each(['1.12', '1.8'])('charts in Excel (ExcelApi %s)', (api) => {
  let wb: FakeWorkbook;
  beforeAll(async () => {
    wb = await refreshed(api);
  });

  it('draws every planned chart with a table behind it', () => {
    const drawn = planned().filter((p) => p.table.rows.length > 0);
    expect(drawn.length).toBeGreaterThanOrEqual(8);
    for (const p of drawn) expect(chartOn(wb, p.sheet.name, p.chart.title)).toBeDefined();
  });

  it.each(planned().filter((p) => p.table.rows.length > 0).map((p) => [p.chart.title, p]))('%s: series by name, categories, axis', (_t, p) => {
    const c = chartOn(wb, p.sheet.name, p.chart.title)!;
    const r = resolveChart(p.chart, p.table);
    const series = c.series ?? [];
    // The names are exactly the spec's headers: no 活跃/准流失 in the lost-customer chart, no 合计, no counts among the rates.
    expect(series.map((s) => s.name)).toEqual([...p.chart.series, ...(p.chart.secondary ?? [])]);
    expect(series.some((s) => isTotalLabel(s.name))).toBe(false);
    series.forEach((s, i) => {
      const col = p.table.columns.findIndex((x) => x.header === s.name);
      expect(s.values).toBe(columnAddress(p.sheet.name, p.table, col));
      expect(s.xValues).toBe(columnAddress(p.sheet.name, p.table, r.category));
      const secondary = r.series[i].axis === 'secondary';
      expect([s.axisGroup, s.chartType]).toEqual(secondary ? ['Secondary', 'LineMarkers'] : ['Primary', '']);
      // Rates and counts never share an axis.
      const unitsOnAxis = new Set(r.series.filter((x) => x.axis === r.series[i].axis).map((x) => x.unit));
      expect(unitsOnAxis.size).toBe(1);
    });
  });

  it('the region chart stacks 流失 and 彻底流失 only; the age chart puts the cumulative share on the secondary axis', () => {
    const region = planned().find((p) => p.sheet.key === 'summary.region')!;
    expect(chartOn(wb, region.sheet.name, region.chart.title)!.series!.map((s) => s.name)).toEqual(['流失', '彻底流失']);
    const age = planned().find((p) => p.sheet.key === 'summary.age')!;
    const series = chartOn(wb, age.sheet.name, age.chart.title)!.series!;
    expect(series.map((s) => [s.name, s.axisGroup])).toEqual([['流失客户数', 'Primary'], ['流失累计占比', 'Secondary']]);
  });
});

describe('older Excel', () => {
  it('ExcelApi 1.7: every chart, but the rate series of a secondary axis is left out', async () => {
    const wb = await refreshed('1.7');
    const age = planned().find((p) => p.sheet.key === 'summary.age')!;
    expect(chartOn(wb, age.sheet.name, age.chart.title)!.series!.map((s) => s.name)).toEqual(['流失客户数']);
    const monthly = planned().find((p) => p.sheet.key === 'summary.monthly')!;
    expect(chartOn(wb, monthly.sheet.name, monthly.chart.title)!.series!.map((s) => s.name)).toEqual(['接通率', '邀约成功率', '回站率']);
  });

  it('ExcelApi 1.6: only charts whose columns are adjacent, each with exactly its series', async () => {
    const wb = await refreshed('1.6');
    let drawn = 0;
    for (const p of planned().filter((x) => x.table.rows.length > 0)) {
      const c = chartOn(wb, p.sheet.name, p.chart.title);
      if (!c) continue;
      drawn++;
      expect(c.series!.map((s) => s.name)).toEqual(p.chart.series);
      const r = resolveChart(p.chart, p.table);
      for (const s of c.series!) expect(s.xValues).toBe(columnAddress(p.sheet.name, p.table, r.category));
    }
    // The status pie (状态, 车辆数) is adjacent; the region chart (地区 … 流失, 彻底流失) is not and is left out.
    expect(drawn).toBeGreaterThan(0);
    const region = planned().find((p) => p.sheet.key === 'summary.region')!;
    expect(chartOn(wb, region.sheet.name, region.chart.title)).toBeUndefined();
  });
});
