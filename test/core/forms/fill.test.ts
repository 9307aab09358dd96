/** fill.ts: generic filling, and the latest-month restriction of monthly forms (fillMonthOf). */
import { fillRows, formDefinition } from '../../../src/core/forms';
import { latestMonthRange } from '../../../src/core/forms/fill';
import { ymdToSerial } from '../../../src/core/values/dates';

const day = (y: number, m: number, d: number) => ymdToSerial({ y, m, d });
const trafficRow = (date: number, visits: number) => ({
  date,
  visitsBySlot: [visits, 0, 0, 0, 0, 0],
  callsBySlot: [0, 0, 0, 0, 0, 0],
  leads: 0,
  orders: 0,
  showroomSales: 0,
  monthlySales: '' as const,
});

describe('latestMonthRange', () => {
  it.each([
    { dates: [day(2026, 8, 5), day(2026, 10, 30), day(2026, 9, 1)], from: day(2026, 10, 1), to: day(2026, 11, 1) },
    { dates: [day(2026, 12, 31)], from: day(2026, 12, 1), to: day(2027, 1, 1) },
    { dates: [day(2024, 2, 10)], from: day(2024, 2, 1), to: day(2024, 3, 1) },
  ])('$dates → [$from, $to)', ({ dates, from, to }) => {
    expect(latestMonthRange(dates.map((date) => ({ date })), 'date')).toEqual({ from, to });
  });

  it('is null when no row has a date', () => {
    expect(latestMonthRange([{ date: '' }, {}], 'date')).toBeNull();
  });
});

describe('fillRows with fillMonthOf (展厅客流量统计表 holds one month)', () => {
  const def = formDefinition('F02')!;
  it('keeps only the latest month’s day rows, in order', () => {
    const data = { traffic: [trafficRow(day(2026, 8, 31), 1), trafficRow(day(2026, 10, 1), 2), trafficRow(day(2026, 9, 30), 3), trafficRow(day(2026, 10, 31), 4)] };
    const rows = fillRows(def, data)!;
    expect(rows.map((r) => [r.date, r.v1])).toEqual([
      [day(2026, 10, 1), 2],
      [day(2026, 10, 31), 4],
    ]);
  });

  it('leaves a form without fillMonthOf unrestricted', () => {
    const reg = formDefinition('F01')!;
    expect(reg.fillMonthOf).toBeUndefined();
    const rows = fillRows(reg, { register: [{ date: day(2026, 8, 1), name: 'A' }, { date: day(2026, 10, 1), name: 'B' }] as never })!;
    expect(rows.map((r) => r.name)).toEqual(['A', 'B']);
  });
});
