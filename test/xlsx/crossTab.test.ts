/**
 * The cross-tab stand-in for a PivotTable leaves out the rows `exclude` names (the 重复 rows), so its totals equal
 * the summary tables' totals (vehicles, not rows).
 */
import { analyseWorkbook } from '../../src/core/analyse';
import type { CellValue, PivotSpec, SheetSpec, WorkbookPlan } from '../../src/core/plan/types';
import { emptyState } from '../../src/core/state/stateSheet';
import { crossTab } from '../../src/xlsx/crossTab';
import { AS_OF, calls, customers } from '../core/aftersales/fixtures/smallWorkbook';

const LABELS = { total: '总计', blank: '(空白)' };

function spec(over: Partial<PivotSpec> = {}): PivotSpec {
  return {
    name: 'p',
    source: { sheet: 's', headerRow: 0, firstCol: 0, lastCol: 2, lastRow: 100 },
    rows: ['地区'],
    columns: ['状态'],
    values: [{ header: '状态', fn: 'count' }],
    order: { 状态: ['活跃', '准流失', '流失', '彻底流失'] },
    row: 0,
    col: 0,
    ...over,
  };
}

const GRID: CellValue[][] = [
  ['地区', '状态', '重复记录'],
  ['西安', '流失', ''],
  ['西安', '流失', '重复'],
  ['咸阳', '活跃', ''],
  ['咸阳', '活跃', '重复'],
  ['', '流失', ''],
];

describe('crossTab with exclude', () => {
  const cases: { title: string; exclude?: PivotSpec['exclude']; expected: CellValue[][] }[] = [
    {
      title: 'no exclude counts every row',
      expected: [
        ['地区', '活跃', '流失', '总计'],
        ['咸阳', 2, 0, 2],
        ['西安', 0, 2, 2],
        ['(空白)', 0, 1, 1],
        ['总计', 2, 3, 5],
      ],
    },
    {
      title: '重复 rows left out',
      exclude: { header: '重复记录', values: ['重复'] },
      expected: [
        ['地区', '活跃', '流失', '总计'],
        ['咸阳', 1, 0, 1],
        ['西安', 0, 1, 1],
        ['(空白)', 0, 1, 1],
        ['总计', 1, 2, 3],
      ],
    },
    {
      title: 'an exclude column the source lacks leaves every row in',
      exclude: { header: '没有这列', values: ['重复'] },
      expected: [
        ['地区', '活跃', '流失', '总计'],
        ['咸阳', 2, 0, 2],
        ['西安', 0, 2, 2],
        ['(空白)', 0, 1, 1],
        ['总计', 2, 3, 5],
      ],
    },
    {
      title: 'several excluded values',
      exclude: { header: '地区', values: ['西安', '咸阳'] },
      expected: [
        ['地区', '流失', '总计'],
        ['(空白)', 1, 1],
        ['总计', 1, 1],
      ],
    },
  ];
  it.each(cases)('$title', ({ exclude, expected }) => {
    expect(crossTab(GRID, spec(exclude ? { exclude } : {}), LABELS)).toEqual(expected);
  });
});

/** The customer grid with the plan's classification columns written beside it (what Excel shows after a refresh). */
function classifiedGrid(plan: WorkbookPlan): unknown[][] {
  const grid = customers.grid.map((r) => [...r]);
  for (const w of plan.columnWrites.filter((x) => x.sheet === customers.name)) {
    const header = grid[w.headerRow];
    w.columns.forEach((c, j) => (header[w.startColumn + j] = c.header));
    for (let r = w.firstDataRow; r <= w.lastDataRow; r++) {
      w.columns.forEach((c, j) => (grid[r][w.startColumn + j] = c.values[r - w.firstDataRow]));
    }
  }
  return grid;
}

describe('the after-sales pivots of a workbook with duplicate rows', () => {
  const plan = analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState() });
  const grid = classifiedGrid(plan);
  const withPivots = plan.sheets.filter((s): s is SheetSpec & { pivots: PivotSpec[] } => (s.pivots?.length ?? 0) > 0);

  it('every pivot over the customer sheet excludes the 重复 rows by the 重复记录 column', () => {
    expect(withPivots.map((s) => s.key).sort()).toEqual(['summary.age', 'summary.model', 'summary.region']);
    for (const s of withPivots) for (const p of s.pivots) expect(p.exclude).toEqual({ header: '重复记录', values: ['重复'] });
  });

  it('the cross-tab grand total equals the summary table total (7 vehicles, not 10 rows)', () => {
    for (const s of withPivots) {
      const table = s.tables[0];
      const totalCol = table.columns.findIndex((c) => c.header === '合计');
      const tableTotal = table.rows.reduce((n, r) => n + (r[totalCol] as number), 0);
      expect(tableTotal).toBe(7);
      for (const p of s.pivots) {
        const tab = crossTab(grid, p, LABELS) as CellValue[][];
        const last = tab[tab.length - 1];
        expect(last[0]).toBe('总计');
        expect(last[last.length - 1]).toBe(tableTotal);
        // The same pivot without exclude counts the 3 duplicate rows again: the test can tell the difference.
        const all = crossTab(grid, { ...p, exclude: undefined }, LABELS) as CellValue[][];
        expect(all[all.length - 1][all[0].length - 1]).toBe(10);
      }
    }
  });
});

describe('crossTab order and empty groups', () => {
  const grid: CellValue[][] = [
    ['月份', '状态', '车龄段'],
    ['2026-10', '彻底流失', '5年以上'],
    ['2026-02', '活跃', '10年以上'],
    ['', '流失', '0-1年'],
    ['2026-09', '准流失', '2-3年'],
    ['2026-10', '流失', ''],
    ['2026-02', '', '0-1年'],
  ];
  const base = { ...spec(), source: { sheet: 's', headerRow: 0, firstCol: 0, lastCol: 2, lastRow: 100 } };

  it('statuses in status order, months in time order, the blank group last', () => {
    const tab = crossTab(grid, { ...base, rows: ['月份'], columns: ['状态'], values: [{ header: '状态', fn: 'count' }] }, LABELS) as CellValue[][];
    expect(tab.map((r) => r[0])).toEqual(['月份', '2026-02', '2026-09', '2026-10', '(空白)', '总计']);
    // The blank status has nothing to count (count of blank cells is 0): no all-zero column.
    expect(tab[0]).toEqual(['月份', '活跃', '准流失', '流失', '彻底流失', '总计']);
  });

  it('age bands naturally (2-3年 before 10年以上) when no order is given; no all-zero row', () => {
    const tab = crossTab(grid, { ...base, order: undefined, rows: ['车龄段'], columns: ['状态'], values: [{ header: '状态', fn: 'count' }] }, LABELS) as CellValue[][];
    expect(tab.map((r) => r[0])).toEqual(['车龄段', '0-1年', '2-3年', '5年以上', '10年以上', '(空白)', '总计']);
    for (const line of tab.slice(1)) expect(line.slice(1).some((v) => v !== 0)).toBe(true);
    for (let c = 1; c < tab[0].length; c++) expect(tab.slice(1).some((r) => r[c] !== 0)).toBe(true);
  });
});
