/** Totals lines without a label are no records (issue 10 part 4). */
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { isUnlabeledTotalsRow } from '../../../src/core/sheets/unlabeledTotals';

describe('totals lines without a label', () => {
  test('numbers only under count-like columns, no key: not a record', () => {
    expect(isUnlabeledTotalsRow(['', '', 1234, 5678000], { vin: 0, lastVisitDate: 1, visitCount: 2, mileage: 3 }, 4)).toBe(true);
    expect(isUnlabeledTotalsRow(['LSVAB1234567890AB', '', 3, 12000], { vin: 0, lastVisitDate: 1, visitCount: 2, mileage: 3 }, 4)).toBe(false);
    expect(isUnlabeledTotalsRow(['', '', '备注', 12000], { vin: 0, lastVisitDate: 1, visitCount: 2, mileage: 3 }, 4)).toBe(false);
  });
  test('a base without 序号 does not count its totals line as a vehicle', () => {
    const grid: unknown[][] = [['车架号', '车牌号', '最近进站日期', '购车日期', '进站次数', '行驶里程']];
    for (let i = 0; i < 6; i++) grid.push([`LSVAB12345678900${i}`, `京A1234${i}`, '2026-05-01', '2022-03-01', 2 + i, 10000 * (i + 1)]);
    grid.push(['', '', '', '', 27, 210000]);
    const m = mapSheet({ name: 'Sheet1', grid }, 'customers');
    expect(m.dataRows).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.totalsRows).toEqual([7]);
  });
});
