/**
 * Product columns never collide with the dealer's (issue 12.5): when the card already has 意向级别 or 战败原因 (or
 * the customer sheet 流失状态), the product's normalised column is appended as 意向级别(标准) etc.; the 意向级别
 * pivot and its file cross-tab count the normalised H/A/B/C/N/O/F, never the raw typed levels; a refresh finds the
 * renamed columns by their recorded headers and writes the same workbook again.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import type { CellValue, ColumnWrite, SheetInput, WorkbookPlan, WorkbookState } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { crossTab } from '../../../src/xlsx/crossTab';
import { AS_OF, day } from './fixtures';
import { AS_OF as AFTER_AS_OF, calls, customers, CUSTOMER_HEADERS } from '../aftersales/fixtures/smallWorkbook';

/** A wide card (one row per prospect) whose own 意向级别 column holds raw typed levels. */
const CARD: SheetInput = {
  name: '意向客户跟踪卡',
  grid: [
    ['客户编号', '客户姓名', '联系电话', '意向级别', '战败原因', '销售顾问', '第1次跟进日期', '第1次跟进方式', '第1次跟进结果', '第1次跟进级别'],
    ['P1', '张先生', '13900000001', '三个月内', '', '张三', day(10, 20), '电话', '有意向', '三个月内'],
    ['P2', '李女士', '13900000002', 'a级', '', '张三', day(10, 28), '电话', '再联系', 'a级'],
    ['P3', '王先生', '13900000003', 'B级客户', '', '李四', day(10, 24), '微信', '看配置', 'B级客户'],
    ['P4', '赵女士', '13900000004', '已订车', '', '李四', day(10, 12), '到店', '交定金', '已订车'],
    ['P5', '陈先生', '13900000005', '战败', '已购比亚迪,优惠多', '李四', day(10, 15), '电话', '战败', '战败'],
  ],
};

/** The sheet as Excel shows it after the plan's column writes. */
function written(sheet: SheetInput, plan: WorkbookPlan): SheetInput {
  const grid = sheet.grid.map((r) => [...r]) as CellValue[][];
  for (const w of plan.columnWrites.filter((x) => x.sheet === sheet.name)) {
    const header = grid[w.headerRow];
    w.columns.forEach((c, j) => (header[w.startColumn + j] = c.header));
    for (let r = w.firstDataRow; r <= w.lastDataRow; r++) w.columns.forEach((c, j) => (grid[r][w.startColumn + j] = c.values[r - w.firstDataRow]));
  }
  return { name: sheet.name, grid };
}

function write(plan: WorkbookPlan, sheet: string): ColumnWrite {
  const w = plan.columnWrites.find((x) => x.sheet === sheet);
  if (!w) throw new Error(`no write on ${sheet}`);
  return w;
}

const column = (w: ColumnWrite, header: string) => {
  const c = w.columns.find((x) => x.header === header);
  if (!c) throw new Error(`no column ${header} in ${w.columns.map((x) => x.header).join(',')}`);
  return c.values;
};

describe('a prospect card that already has 意向级别 and 战败原因', () => {
  const first = analyseWorkbook([CARD], { asOf: AS_OF, state: emptyState() });
  const w = write(first, CARD.name);

  it('gets the product columns under distinct headers', () => {
    expect(w.columns.map((c) => c.header)).toEqual([
      '意向级别(标准)', '跟踪次数', '最近跟踪日期', '下次跟踪日期', '跟踪状态', '逾期天数', '战败原因(标准)', '战败原因类别', '流失去向',
    ]);
    expect(w.startColumn).toBe(CARD.grid[0].length);
    const headers = written(CARD, first).grid[0].map(String);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('writes the normalised levels, not the typed text', () => {
    expect(column(w, '意向级别(标准)')).toEqual(['C', 'A', 'B', 'O', 'F']);
    expect(column(w, '战败原因(标准)')).toEqual(['', '', '', '', '已购比亚迪,优惠多']);
  });

  it('pivots 意向级别分布 on the normalised column: only H/A/B/C/N/O/F, never 三个月内 or a级', () => {
    const levels = first.sheets.find((s) => s.key === 'sales.levels');
    const pivot = levels?.pivots?.[0];
    expect(pivot?.columns).toEqual(['意向级别(标准)']);
    const tab = crossTab(written(CARD, first).grid, pivot!, { total: '总计', blank: '(空白)' }) as CellValue[][];
    expect(tab[0]).toEqual(['销售顾问', 'A', 'B', 'C', 'O', 'F', '总计']);
    // Code-unit order (张 U+5F20 before 李 U+674E), the same in the pane and the CLI.
    expect(tab.slice(1).map((r) => r[0])).toEqual(['张三', '李四', '总计']);
    expect(tab[1]).toEqual(['张三', 1, 0, 1, 0, 0, 2]);
    // The summary table counts the same normalised levels.
    const table = levels!.tables.find((t) => t.name.endsWith('_levels'))!;
    const headers = table.columns.map((c) => c.header);
    expect(headers).toEqual(['销售顾问', 'H', 'A', 'B', 'C', 'N', 'O', 'F', '合计']);
    expect(table.rows.find((r) => r[0] === '李四')).toEqual(['李四', 0, 0, 1, 0, 0, 1, 1, 3]);
    // The table lists the consultants in the cross-tab's order (code units: 张 U+5F20 before 李 U+674E).
    expect(table.rows.map((r) => r[0])).toEqual(['张三', '李四']);
  });

  it('refreshes idempotently: the renamed columns are found by their recorded headers and rewritten in place', () => {
    const again = analyseWorkbook([written(CARD, first)], { asOf: AS_OF, state: first.state });
    const w2 = write(again, CARD.name);
    expect(w2.columns.map((c) => c.header)).toEqual(w.columns.map((c) => c.header));
    expect(w2.startColumn).toBe(w.startColumn);
    expect(w2.replaces).toMatchObject({ startColumn: w.startColumn, headers: w.columns.map((c) => c.header) });
    expect(written(written(CARD, first), again).grid).toEqual(written(CARD, first).grid);
    expect(again.state.ownedColumns).toEqual(first.state.ownedColumns);
  });

  it("goes back to the plain header, in place, once the dealer's own 意向级别 is gone", () => {
    const grid = written(CARD, first).grid.map((r) => [...r]);
    grid[0][3] = '客户级别'; // the dealer renamed their column
    const w3 = write(analyseWorkbook([{ name: CARD.name, grid }], { asOf: AS_OF, state: first.state }), CARD.name);
    expect(w3.startColumn).toBe(w.startColumn);
    expect(w3.replaces?.startColumn).toBe(w.startColumn);
    expect(w3.columns[0].header).toBe('意向级别');
    expect(w3.columns[6].header).toBe('战败原因(标准)');
  });

  it('renames an older run that repeated the dealer header (意向级别 twice) in place', () => {
    // What the previous version wrote: the plain headers, recorded in state.
    const plainHeaders = w.columns.map((c) => c.header.replace('(标准)', ''));
    const grid = written(CARD, first).grid.map((r) => [...r]);
    plainHeaders.forEach((h, j) => (grid[0][w.startColumn + j] = h));
    const old: SheetInput = { name: CARD.name, grid };
    const state: WorkbookState = { ...first.state, ownedColumns: { [CARD.name]: { headerRow: 0, startColumn: w.startColumn, headers: plainHeaders } } };
    const fixed = write(analyseWorkbook([old], { asOf: AS_OF, state }), CARD.name);
    expect(fixed.startColumn).toBe(w.startColumn);
    expect(fixed.columns[0].header).toBe('意向级别(标准)');
    expect(column(fixed, '意向级别(标准)')).toEqual(['C', 'A', 'B', 'O', 'F']);
  });
});

describe('a card without the product headers', () => {
  it('keeps the plain headers', () => {
    const card: SheetInput = { name: CARD.name, grid: CARD.grid.map((r, i) => (i === 0 ? r.map((h) => (h === '意向级别' ? '客户级别' : h === '战败原因' ? '未成交原因' : h)) : r)) };
    const w = write(analyseWorkbook([card], { asOf: AS_OF, state: emptyState() }), CARD.name);
    expect(w.columns[0].header).toBe('意向级别');
    expect(w.columns[6].header).toBe('战败原因');
  });
});

describe('a customer sheet that already has 流失状态', () => {
  // The dealer's own 流失状态 column, typed by hand.
  const sheet: SheetInput = {
    name: customers.name,
    grid: customers.grid.map((r, i) => (i === 2 ? [...CUSTOMER_HEADERS, '流失状态'] : r.length > 1 && i > 2 ? [...r, ...new Array(CUSTOMER_HEADERS.length - r.length).fill(''), '老客户'] : r)),
  };
  const plan = analyseWorkbook([sheet, calls], { asOf: AFTER_AS_OF, state: emptyState() });
  const w = write(plan, sheet.name);

  it('appends its status as 流失状态(标准) and every summary pivots on it', () => {
    expect(w.columns.map((c) => c.header)).toContain('流失状态(标准)');
    expect(w.columns.map((c) => c.header)).not.toContain('流失状态');
    const pivots = plan.sheets.flatMap((s) => s.pivots ?? []);
    expect(pivots.length).toBeGreaterThan(0);
    for (const p of pivots) expect(p.columns).toEqual(['流失状态(标准)']);
    const region = plan.sheets.find((s) => s.key === 'summary.region')!;
    const tab = crossTab(written(sheet, plan).grid, region.pivots![0], { total: '总计', blank: '(空白)' }) as CellValue[][];
    expect(tab[0].slice(1)).not.toContain('老客户');
  });

  it('refreshes to the same columns', () => {
    const again = analyseWorkbook([written(sheet, plan), calls], { asOf: AFTER_AS_OF, state: plan.state });
    const w2 = write(again, sheet.name);
    expect(w2.columns.map((c) => c.header)).toEqual(w.columns.map((c) => c.header));
    expect(w2.startColumn).toBe(w.startColumn);
  });
});
