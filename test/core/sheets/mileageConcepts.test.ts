/**
 * Mileage headers read as concepts (the odometer by its instrument, its reading or the distance driven, a km unit),
 * with the value profile (odometer readings: whole numbers up to a few hundred thousand, also when they fall in the
 * range of date serials), and the report naming an absent mileage column with what it changes (issue 10, item 3).
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { conceptScore } from '../../../src/core/sheets/concepts';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { matchScore } from '../../../src/core/sheets/matchColumns';
import { profileColumns } from '../../../src/core/sheets/profile';
import { t } from '../../../src/i18n';

describe('mileage as concepts', () => {
  test.each(['Odo Reading (km)', 'odo reading', 'Odometer Reading', '表显读数', '仪表里程', '行驶公里', '行驶千米数', '公里数(km)'])('%s is the mileage', (h) => {
    expect(matchScore('customers', 'mileage', h)).toBeGreaterThan(0);
    expect(matchScore('customers', 'visitCount', h)).toBe(0);
  });
  test('a warranty mileage or a first-service mileage is not the odometer', () => {
    expect(conceptScore('customers', 'mileage', '保修里程')).toBe(0);
    expect(conceptScore('customers', 'mileage', '首保里程')).toBe(0);
  });
  test('a vehicle licence date stays a purchase date (行驶证 is the registration, not the distance)', () => {
    expect(conceptScore('customers', 'purchaseDate', '行驶证注册日期')).toBeGreaterThan(0);
    expect(conceptScore('customers', 'mileage', '行驶证注册日期')).toBe(0);
  });
});

const HEADER = ['车架号', '购车日期', '最后进站日期', 'Odo Reading (km)'];
const vin = (i: number) => `LSVAB2BR0DN${String(100000 + i)}`;
const rows = (mileage: (i: number) => unknown) => Array.from({ length: 12 }, (_, i) => [vin(i), '2022-03-01', '2026-08-01', mileage(i)]);

describe('mileage by its values', () => {
  test('readings in the range of date serials (35,000-70,000 km) are readings, not dates', () => {
    const grid = [HEADER, ...rows((i) => 35000 + i * 3000)];
    expect(profileColumns(grid, 0, 4).columns[3].share.mileage).toBe(1);
    const m = mapSheet({ name: '保有客户', grid }, 'customers');
    expect(m.columns.mileage).toBe(3);
    expect(m.evidence?.find((e) => e.field === 'mileage')?.confidence).toBe('high');
  });
  test('written as 35,000.00 text', () => {
    const m = mapSheet({ name: '保有客户', grid: [HEADER, ...rows((i) => `${(35000 + i * 1000).toLocaleString('en-US')}.00`)] }, 'customers');
    expect(m.columns.mileage).toBe(3);
  });
  test('a column of words under a mileage header is contradicted', () => {
    const m = mapSheet({ name: '保有客户', grid: [HEADER, ...rows(() => '张三')] }, 'customers');
    expect(m.evidence?.find((e) => e.field === 'mileage')?.flags).toContain('contentContradicts');
  });
});

describe('no mileage column: the report says what it changes', () => {
  test('listed once as absent, with its effect on the warranty status', () => {
    const grid = [['车架号', '购车日期', '最后进站日期'], ...rows(() => null).map((r) => r.slice(0, 3))];
    const m = mapSheet({ name: '保有客户', grid }, 'customers');
    expect(m.absent).toContain('mileage');
    const plan = analyseWorkbook([{ name: '保有客户', grid }], { asOf: { y: 2026, m: 10, d: 31 } });
    const detection = (plan as { report: { detection?: { sheets: { absent: string[] }[] } } }).report.detection;
    expect(detection?.sheets[0].absent).toEqual(expect.arrayContaining(['mileage']));
    expect(t('zh-CN', 'input.absent.mileage')).toContain('保修状态');
    expect(t('en-US', 'input.absent.mileage')).toMatch(/warranty/i);
  });
});
