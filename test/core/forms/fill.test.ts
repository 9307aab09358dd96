/** fill.ts: generic filling, and the period of dated forms (fillDateOf): all rows by default, or one month. */
import { fillForm, fillRows, formDefinition, MAX_FORM_ROWS, type FormFillData } from '../../../src/core/forms';
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
const registerRow = (date: number | '', name: string) => ({ date, name }) as never;

describe('fillRows by period (展厅客流量统计表)', () => {
  const def = formDefinition('F02')!;
  const data = { traffic: [trafficRow(day(2026, 8, 31), 1), trafficRow(day(2026, 10, 1), 2), trafficRow(day(2026, 9, 30), 3), trafficRow(day(2026, 10, 31), 4)] };

  it('holds every day under the default period (all), in order', () => {
    expect(fillRows(def, data)!.map((r) => r.v1)).toEqual([1, 2, 3, 4]);
    expect(fillRows(def, data, 'all')!.map((r) => r.v1)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    { period: '2026-10' as const, visits: [2, 4] },
    { period: '2026-09' as const, visits: [3] },
    { period: '2026-08' as const, visits: [1] },
  ])('holds only $period’s days under --period $period', ({ period, visits }) => {
    expect(fillRows(def, data, period)!.map((r) => r.v1)).toEqual(visits);
  });

  it('is blank (undefined) when the month holds no row', () => {
    expect(fillRows(def, data, '2026-07')).toBeUndefined();
  });
});

describe('fillForm on the register (展厅来电/店登记表): boundaries and undated rows', () => {
  const def = formDefinition('F01')!;
  const data: FormFillData = {
    register: [
      registerRow(day(2026, 9, 30), 'last of Sep'),
      registerRow(day(2026, 9, 30) + 0.99, 'late on Sep 30'),
      registerRow(day(2026, 10, 1), 'first of Oct'),
      registerRow('', 'undated'),
      registerRow(day(2026, 10, 31), 'last of Oct'),
      registerRow(day(2026, 11, 1), 'first of Nov'),
    ],
  };

  it('keeps every row, the undated one included, under all; first and last date span the data', () => {
    const f = fillForm(def, data, 'all')!;
    expect(f.rows.map((r) => r.name)).toEqual(['last of Sep', 'late on Sep 30', 'first of Oct', 'undated', 'last of Oct', 'first of Nov']);
    expect([f.total, f.shown, f.first, f.last]).toEqual([6, 6, day(2026, 9, 30), day(2026, 11, 1)]);
  });

  it.each([
    { period: '2026-09' as const, names: ['last of Sep', 'late on Sep 30'] },
    { period: '2026-10' as const, names: ['first of Oct', 'last of Oct'] },
    { period: '2026-11' as const, names: ['first of Nov'] },
  ])('under $period keeps the month’s rows, last day included, next month’s first day and the undated row dropped', ({ period, names }) => {
    const f = fillForm(def, data, period)!;
    expect(f.rows.map((r) => r.name)).toEqual(names);
    expect(f.total).toBe(names.length);
  });
});

describe('the row cap (MAX_FORM_ROWS)', () => {
  const def = formDefinition('F01')!;
  const many = (n: number, date: number) => Array.from({ length: n }, (_, i) => registerRow(date, `r${i}`));

  it('shows the first MAX_FORM_ROWS rows and counts them all', () => {
    const f = fillForm(def, { register: many(MAX_FORM_ROWS + 5, day(2026, 10, 2)) }, 'all')!;
    expect([f.shown, f.total, f.rows.length]).toEqual([MAX_FORM_ROWS, MAX_FORM_ROWS + 5, MAX_FORM_ROWS]);
    expect(f.rows[MAX_FORM_ROWS - 1].name).toBe(`r${MAX_FORM_ROWS - 1}`);
  });

  it('takes the total from rowCounts when the analysis capped the dataset already', () => {
    const data: FormFillData = { register: many(10, day(2026, 10, 2)), rowCounts: { register: { all: 9000, '2026-10': 10 } } };
    expect(fillForm(def, data, 'all')!.total).toBe(9000);
    expect(fillForm(def, data, '2026-10')!.total).toBe(10);
  });
});

describe('forms without a date', () => {
  it('hold their whole dataset whatever the period (客户档案登记表)', () => {
    const def = formDefinition('F36')!;
    expect(def.fillDateOf).toBeUndefined();
    const customer = { name: '王先生', gender: '', phone: '13800000000', address: '', model: '瑞虎8', vin: 'V1', plate: '鄂A1', purchaseDate: day(2024, 5, 1), status: '流失', customerClass: '流失客户', basis: '', policy: '', advisor: '' };
    const all = fillRows(def, { customers: [customer] }, 'all');
    const oct = fillRows(def, { customers: [customer] }, '2026-10');
    expect(oct).toEqual(all);
    expect(all?.[0].name).toBe('王先生');
  });
});

describe('a monthly report (跟踪失败分析表)', () => {
  it('shows only the asked month’s counts, with the month before as 上月台次', () => {
    const def = formDefinition('AS2')!;
    expect(def.monthly).toBe(true);
    const data: FormFillData = {
      failedFollowUps: [
        { month: '2026-09', category: '号码有误', count: 41 },
        { month: '2026-10', category: '号码有误', count: 48, previous: 41 },
      ],
    };
    const oct = fillRows(def, data, '2026-10')!;
    expect(oct.find((r) => r.category === '号码有误')).toMatchObject({ count: 48, previous: 41 });
    const sep = fillRows(def, data, '2026-09')!;
    expect(sep.find((r) => r.category === '号码有误')).toMatchObject({ count: 41 });
    expect(sep.find((r) => r.category === '号码有误')!.previous).toBeUndefined();
  });
});

describe('after-sales win-back forms by period', () => {
  const monthly = (month: string, calls: number) => ({ month, caller: '小李', calls, reached: 0, invited: 0, returned: 0 });
  const data: FormFillData = { winBackMonthly: [monthly('2026-08', 5), monthly('2026-09', 7), monthly('2026-10', 9)] };

  it('招揽信息汇总 (AS3) holds every month under all, its 统计期间 spanning whole months', () => {
    const f = fillForm(formDefinition('AS3')!, data, 'all')!;
    expect(f.rows.map((r) => r.calls)).toEqual([5, 7, 9]);
    expect([f.first, f.last]).toEqual([day(2026, 8, 1), day(2026, 10, 31)]);
  });

  it('holds only the chosen month’s row under a month', () => {
    expect(fillRows(formDefinition('AS3')!, data, '2026-09')!.map((r) => r.calls)).toEqual([7]);
  });

  it('招揽跟进记录 (AS4) holds the month’s calls only', () => {
    const calls = [day(2026, 9, 30), day(2026, 10, 1), ''].map((date, i) => ({ date, name: `c${i}` })) as never;
    expect(fillRows(formDefinition('AS4')!, { winBackCalls: calls }, '2026-10')!.map((r) => r.name)).toEqual(['c1']);
    expect(fillRows(formDefinition('AS4')!, { winBackCalls: calls }, 'all')!.map((r) => r.name)).toEqual(['c0', 'c1', 'c2']);
  });
});
