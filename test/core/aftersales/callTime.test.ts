/**
 * Issue 10.4: a call's time of day orders calls on the same date, so the later call of the day is the latest
 * result — from a separate 时间 column, a date-time serial with a fraction, a Date with a time, or text.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { timeOfDay } from '../../../src/core/aftersales/records';
import type { SheetInput } from '../../../src/core/plan/types';

const AS_OF = { y: 2026, m: 10, d: 31 };
const customers: SheetInput = {
  name: '保有客户',
  grid: [
    ['客户姓名', '联系电话', '车架号', '购车日期', '最后进站日期'],
    ['张三', '13800000001', 'VIN0001', '2024-01-10', '2025-08-01'],
  ],
};
/** serial of 2026-10-03 */
const D = 46298;

function lastResult(callGrid: unknown[][]): unknown {
  const plan = analyseWorkbook([customers, { name: '回访记录', grid: callGrid }], { asOf: AS_OF });
  const w = plan.columnWrites.find((c) => c.sheet === '保有客户')!;
  return w.columns.find((c) => c.header === '最近回访结果')!.values[0];
}

describe('the later call of the day wins', () => {
  const header = ['回访日期', '回访时间', '车架号', '回访结果'];
  it.each<[string, unknown[][]]>([
    ['separate 回访时间 column, text', [header, ['2026-10-03', '16:05', 'VIN0001', '空号'], ['2026-10-03', '09:30', 'VIN0001', '已接通']]],
    ['separate column, time serials', [header, [D, 16 / 24 + 5 / 1440, 'VIN0001', '空号'], [D, 9.5 / 24, 'VIN0001', '已接通']]],
    ['separate column, 下午/上午', [header, ['2026-10-03', '下午4:05', 'VIN0001', '空号'], ['2026-10-03', '上午9:30', 'VIN0001', '已接通']]],
    ['separate column, PM/AM', [header, ['2026-10-03', '4:05 PM', 'VIN0001', '空号'], ['2026-10-03', '9:30 AM', 'VIN0001', '已接通']]],
    ['separate column, 时分', [header, ['2026-10-03', '16时05分', 'VIN0001', '空号'], ['2026-10-03', '9时30分', 'VIN0001', '已接通']]],
    ['bare 时间 header', [['回访日期', '时间', '车架号', '回访结果'], ['2026-10-03', '16:05', 'VIN0001', '空号'], ['2026-10-03', '09:30', 'VIN0001', '已接通']]],
  ])('%s', (_l, grid) => expect(lastResult(grid)).toBe('空号'));

  const dateOnly = ['回访日期', '车架号', '回访结果'];
  it.each<[string, unknown[][]]>([
    ['date-time text', [dateOnly, ['2026-10-03 16:05', 'VIN0001', '空号'], ['2026-10-03 09:30', 'VIN0001', '已接通']]],
    ['date-time text with seconds and T', [dateOnly, ['2026-10-03T16:05:00', 'VIN0001', '空号'], ['2026-10-03T09:30:00', 'VIN0001', '已接通']]],
    ['date-time serial with a fraction', [dateOnly, [D + 0.67, 'VIN0001', '空号'], [D + 0.4, 'VIN0001', '已接通']]],
    ['Date objects with a time', [dateOnly, [new Date(Date.UTC(2026, 9, 3, 16, 5)), 'VIN0001', '空号'], [new Date(Date.UTC(2026, 9, 3, 9, 30)), 'VIN0001', '已接通']]],
  ])('%s', (_l, grid) => expect(lastResult(grid)).toBe('空号'));

  it('the later row still wins when the times are not known', () => {
    expect(lastResult([dateOnly, ['2026-10-03', 'VIN0001', '空号'], ['2026-10-03', 'VIN0001', '已接通']])).toBe('成功');
  });
  it('a later date beats a later time', () => {
    expect(lastResult([header, ['2026-10-04', '08:00', 'VIN0001', '空号'], ['2026-10-03', '23:00', 'VIN0001', '已接通']])).toBe('空号');
  });
  it('the order of the rows does not matter when times are known', () => {
    expect(lastResult([header, ['2026-10-03', '09:30', 'VIN0001', '已接通'], ['2026-10-03', '16:05', 'VIN0001', '空号']])).toBe('空号');
  });
});

describe('timeOfDay', () => {
  it.each<[unknown, number | null | undefined]>([
    ['14:20', (14 * 60 + 20) / 1440],
    ['14:20:30', (14 * 3600 + 20 * 60 + 30) / 86400],
    ['１４：２０', (14 * 60 + 20) / 1440],
    ['2026-10-03 14:20', (14 * 60 + 20) / 1440],
    ['2026年10月3日 14:20', (14 * 60 + 20) / 1440],
    ['下午2:20', (14 * 60 + 20) / 1440],
    ['12:10 AM', 10 / 1440],
    ['14点', 14 / 24],
    [0.5, 0.5],
    [D, null],
    ['2026-10-03', null],
    ['', null],
    ['25:00', undefined],
    ['下午', undefined],
  ])('%j → %p', (v, want) => {
    const got = timeOfDay(v);
    if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
    else expect(got).toBe(want);
  });
});
