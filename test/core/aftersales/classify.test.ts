import { ageBucket, classifyVehicle, localityOf, statusForMonths } from '../../../src/core/aftersales/classify';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../src/core/settings/settings';
import { ymdToSerial, type Ymd } from '../../../src/core/values/dates';

const s = DEFAULT_SETTINGS;
const d = (y: number, m: number, day: number) => ymdToSerial({ y, m, d: day });
const asOf: Ymd = { y: 2026, m: 10, d: 31 };

describe('status by months without a visit (boundaries 5/6, 11/12, 23/24)', () => {
  it.each([
    [0, '活跃'], [5, '活跃'], [6, '准流失'], [11, '准流失'], [12, '流失'], [23, '流失'], [24, '彻底流失'], [120, '彻底流失'],
    [-1, '数据异常'], [NaN, '数据异常'],
  ])('%d months → %s', (months, status) => {
    expect(statusForMonths(months, s.thresholds)).toBe(status);
  });

  it('follows the settings thresholds', () => {
    const t = resolveSettings({ thresholds: { atRiskMonths: 3, lostMonths: 9, goneMonths: 18 } }).thresholds;
    expect([2, 3, 8, 9, 17, 18].map((m) => statusForMonths(m, t))).toEqual(['活跃', '准流失', '准流失', '流失', '流失', '彻底流失']);
  });
});

describe('classifyVehicle', () => {
  it.each([
    // [last visit, as of, months, status]
    [d(2026, 5, 1), { y: 2026, m: 10, d: 31 }, 5, '活跃'],
    [d(2026, 4, 30), { y: 2026, m: 10, d: 30 }, 6, '准流失'],
    [d(2026, 4, 30), { y: 2026, m: 10, d: 29 }, 5, '活跃'],
    [d(2025, 11, 1), { y: 2026, m: 10, d: 31 }, 11, '准流失'],
    [d(2025, 10, 31), { y: 2026, m: 10, d: 31 }, 12, '流失'],
    [d(2024, 11, 1), { y: 2026, m: 10, d: 31 }, 23, '流失'],
    [d(2024, 10, 31), { y: 2026, m: 10, d: 31 }, 24, '彻底流失'],
    // Month ends: 01-31 → 02-28 is not yet a whole month.
    [d(2026, 1, 31), { y: 2026, m: 2, d: 28 }, 0, '活跃'],
    [d(2025, 8, 31), { y: 2026, m: 2, d: 28 }, 5, '活跃'],
    [d(2025, 8, 28), { y: 2026, m: 2, d: 28 }, 6, '准流失'],
  ] as const)('visit %d as of %j → %d months, %s', (visit, on, months, status) => {
    const c = classifyVehicle({ purchase: d(2020, 1, 1), lastVisit: visit, mileage: NaN }, on, s);
    expect(c.monthsSinceVisit).toBe(months);
    expect(c.status).toBe(status);
  });

  it('falls back to the purchase date when the vehicle never came back', () => {
    const c = classifyVehicle({ purchase: d(2025, 10, 31), lastVisit: NaN, mileage: NaN }, asOf, s);
    expect(c.monthsSinceVisit).toBe(12);
    expect(c.status).toBe('流失');
  });

  it('gives 数据异常 without any date, or with a reference after the analysis date', () => {
    expect(classifyVehicle({ purchase: NaN, lastVisit: NaN, mileage: NaN }, asOf, s).status).toBe('数据异常');
    const future = classifyVehicle({ purchase: d(2020, 1, 1), lastVisit: d(2026, 11, 1), mileage: NaN }, asOf, s);
    expect(future.status).toBe('数据异常');
    expect(future.monthsSinceVisit).toBeNaN();
  });

  it('handles a 29 February purchase (age turns on 28 Feb only when it is a whole month later)', () => {
    const p = d(2024, 2, 29);
    expect(classifyVehicle({ purchase: p, lastVisit: NaN, mileage: NaN }, { y: 2025, m: 2, d: 28 }, s).ageYears).toBe(0);
    expect(classifyVehicle({ purchase: p, lastVisit: NaN, mileage: NaN }, { y: 2025, m: 3, d: 1 }, s).ageYears).toBe(1);
    expect(classifyVehicle({ purchase: p, lastVisit: NaN, mileage: NaN }, { y: 2027, m: 2, d: 28 }, s).warranty).toBe('保期内');
    expect(classifyVehicle({ purchase: p, lastVisit: NaN, mileage: NaN }, { y: 2027, m: 3, d: 1 }, s).warranty).toBe('保期外');
    expect(classifyVehicle({ purchase: p, lastVisit: NaN, mileage: NaN }, { y: 2027, m: 2, d: 28 }, s).monthsSinceVisit).toBe(35);
  });

  it.each([
    // [purchase, mileage, warranty] as of 2026-10-31
    [d(2023, 11, 1), NaN, '保期内'], // 35 months, mileage unknown: ignored
    [d(2023, 10, 31), NaN, '保期外'], // 36 months
    [d(2025, 1, 1), 99999, '保期内'],
    [d(2025, 1, 1), 100000, '保期外'],
    [d(2023, 11, 1), 100000, '保期外'],
    [NaN, 5000, '未知'],
  ] as const)('purchase %d, %d km → %s', (purchase, mileage, warranty) => {
    expect(classifyVehicle({ purchase, lastVisit: d(2026, 10, 1), mileage }, asOf, s).warranty).toBe(warranty);
  });

  it('uses the settings warranty terms (5 years / 120,000 km)', () => {
    const ext = resolveSettings({ warranty: { months: 60, km: 120000 } });
    expect(classifyVehicle({ purchase: d(2022, 1, 1), lastVisit: NaN, mileage: 110000 }, asOf, ext).warranty).toBe('保期内');
  });

  it.each([
    [d(2026, 1, 1), 0, '0-1年'], [d(2025, 10, 31), 1, '1-2年'], [d(2024, 11, 1), 1, '1-2年'], [d(2023, 10, 31), 3, '3-4年'],
    [d(2021, 11, 1), 4, '4-5年'], [d(2021, 10, 31), 5, '5年以上'], [d(2010, 1, 1), 16, '5年以上'],
  ])('purchase %d → %d years, %s', (purchase, years, bucket) => {
    const c = classifyVehicle({ purchase, lastVisit: NaN, mileage: NaN }, asOf, s);
    expect(c.ageYears).toBe(years);
    expect(c.ageBucket).toBe(bucket);
  });

  it('leaves age blank without a purchase date', () => {
    expect(ageBucket(NaN)).toBe('');
    expect(classifyVehicle({ purchase: NaN, lastVisit: d(2026, 1, 1), mileage: NaN }, asOf, s).ageBucket).toBe('');
  });
});

describe('localityOf', () => {
  it.each([
    ['西安市雁塔区', ['西安'], '本地'],
    ['咸阳', ['西安', '咸阳'], '本地'],
    ['新疆', ['西安'], '外地'],
    ['', ['西安'], '未知'],
    ['新疆', [], '本地'],
  ] as const)('%s with %j → %s', (region, list, label) => {
    expect(localityOf(region, list)).toBe(label);
  });
});
