/**
 * Scale: the register pass is linear and allocates typed arrays, not objects per row. 200,000 rows with every
 * value form are analysed well inside the test budget, and the counts match the hand-computed pattern.
 */
import { analyseSales } from '../../../src/core/sales/analyseSales';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';
import type { SheetInput } from '../../../src/core/plan/types';
import { AS_OF, day } from './fixtures';

const PATTERN: unknown[][] = [
  // date, time, type, phone, process, level, consultant, source
  [day(10, 1), '9:30-10:15', '来店', '13800000001', '试驾,报价', 'A', '张三', '汽车之家'],
  ['2026-10-02', 0.6, '来电', '', '询价', 'N', '李四', '朋友介绍'],
  ['2026年10月3日', '下午3点半', '□来电 ☑来店', 13800000003, '试乘后报价,交定金', 'O', '张三', '路过'],
  [day(9, 15), '19点', '到店', '未留', '看车', 'C', '王五', ''],
];

function bigRegister(rows: number): SheetInput {
  const grid: unknown[][] = [['日期', '到店时间', '来电/来店', '联系电话', '接待经过', '意向级别', '接待人', '信息来源']];
  for (let i = 0; i < rows; i++) grid.push(PATTERN[i % PATTERN.length]);
  return { name: '登记表', grid };
}

describe('register at scale', () => {
  it('analyses 200,000 rows with exact counts', () => {
    const rows = 200000;
    const register = mapSheet(bigRegister(rows), 'register');
    const started = Date.now();
    const part = analyseSales({ register, ignored: [] }, DEFAULT_SETTINGS, AS_OF, emptyState());
    const seconds = (Date.now() - started) / 1000;
    const q = rows / 4;
    expect(part?.report.figures).toMatchObject({
      registerRows: rows, visits: 3 * q, calls: q, leads: 2 * q, testDrives: 2 * q, quotes: 2 * q, orders: q, salesIssues: 0,
    });
    const monthly = part?.sheets.find((s) => s.key === 'sales.traffic')?.tables.find((t) => t.name.endsWith('_monthly'));
    expect(monthly?.rows.map((r) => r.slice(0, 6))).toEqual([
      ['2026-09', q, 0, q, 0, 0],
      ['2026-10', 2 * q, q, 3 * q, 2 * q, q],
    ]);
    // Generous bound: a quadratic step would take minutes here.
    expect(seconds).toBeLessThan(8);
  });
});

describe('register without a time column', () => {
  it('takes the slot from date-times in the date column and counts every row as a visit', () => {
    const grid = [
      ['来店日期', '联系电话'],
      [day(10, 1) + 0.6, '13800000001'],
      ['2026-10-01 09:20', ''],
      [day(10, 1), ''],
    ];
    const part = analyseSales({ register: mapSheet({ name: '登记', grid }, 'register'), ignored: [] }, DEFAULT_SETTINGS, AS_OF, emptyState());
    const daily = part?.sheets[0].tables.find((t) => t.name.endsWith('_daily'));
    expect(daily?.rows.filter((r) => (r[3] as number) > 0).map((r) => [r[2], r[3]])).toEqual([
      ['08:00-10:00', 1], ['14:00-16:00', 1], ['时间不详', 1],
    ]);
    expect(part?.report.warnings[0]).toBe('“登记”没有来电/来店列,全部记录按来店统计。');
    expect(part?.report.figures).toMatchObject({ visits: 3, calls: 0, leads: 1 });
  });
});
