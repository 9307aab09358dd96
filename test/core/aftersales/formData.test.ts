import { analyseAfterSales } from '../../../src/core/aftersales/analyseAfterSales';
import { FORM_DATA_KEY, type FormFillData } from '../../../src/core/forms/fillData';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { emptyState } from '../../../src/core/state/stateSheet';
import { ymdToSerial } from '../../../src/core/values/dates';
import { AS_OF, calls, customers } from './fixtures/smallWorkbook';

describe('after-sales data for the form pack', () => {
  const part = analyseAfterSales(detectSheets([customers, calls]), DEFAULT_SETTINGS, AS_OF, emptyState());
  const data = part.data[FORM_DATA_KEY] as FormFillData;

  it('aggregates lost vehicles by warranty, region, reason and destination', () => {
    const rows = (data.lostVehicles ?? []).map((r) => [r.warranty, r.region, r.reasonCategory, r.destination, r.count]).sort();
    expect(rows).toEqual([
      ['保期内', '西安', '距离', '未知', 1],
      ['保期外', '新疆', '(未填)', '未知', 1],
      ['保期外', '西安', '车辆转卖', '未知', 1],
    ]);
  });

  it('lists every failure category with its count, per month of the call log, with the month before', () => {
    const months = [...new Set((data.failedFollowUps ?? []).map((r) => r.month))];
    expect(months).toEqual(['2026-09', '2026-10']);
    for (const m of months) expect(data.failedFollowUps!.filter((r) => r.month === m)).toHaveLength(11);
    const empty = data.failedFollowUps!.filter((r) => r.category === '空号');
    expect(empty.reduce((n, r) => n + r.count, 0)).toBe(1);
    // October carries September's count as 上月; September has no month before it in the log.
    expect(empty.find((r) => r.month === '2026-10')!.previous).toBe(empty.find((r) => r.month === '2026-09')!.count);
    expect(empty.find((r) => r.month === '2026-09')!.previous).toBeUndefined();
  });

  it('gives the monthly figures per caller', () => {
    expect(data.winBackMonthly?.[0]).toEqual({ month: '2026-09', caller: '小刘', calls: 3, reached: 1, invited: 1, returned: 0 });
    expect(data.winBackMonthly?.length).toBe(4);
  });

  it('lists matched calls of vehicles that are not active, with the next step on the latest call', () => {
    const rows = data.winBackCalls ?? [];
    // 8 calls: 1 unmatched; the rest belong to 王五 (准流失), 赵六, 周八 (彻底流失) and 郑十 (流失).
    expect(rows.length).toBe(7);
    const zhou = rows.filter((r) => r.name === '周八');
    expect(zhou.map((r) => [r.date, r.result, r.content])).toEqual([
      [ymdToSerial({ y: 2026, m: 9, d: 15 }), '成功', '车已卖给朋友'],
      [ymdToSerial({ y: 2026, m: 10, d: 15 }), '拒接', ''],
    ]);
    expect(zhou.map((r) => r.nextStep)).toEqual(['', '更新客户档案(车已转卖/报废)']);
  });
});
