/**
 * Conclusions chosen by rule, not by the first row (issue 12.6): the highest churn RATE among groups of at least
 * settings.conclusions.minGroupSize vehicles; no "main" destination or reason on a tie; a warning when most are
 * 未知; vehicles counted in 台; one date label; the analysis date's month marked partial when it is not complete.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { highestRate, leader, monthLabel, mostlyUnknown } from '../../../src/core/plan/conclusionRules';
import type { SheetInput, SheetSpec, TableSpec, WorkbookPlan } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { PROSPECTS_WIDE, REGISTER } from '../sales/fixtures';

const HEAD = ['客户姓名', '联系电话', '车牌号', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程(km)', '地区'];
const CALL_HEAD = ['回访日期', '车架号', '回访结果', '流失原因', '流失去向', '回访人'];
const AS_OF = { y: 2026, m: 10, d: 31 };

interface Car { region: string; lost: boolean; reason?: string; dest?: string; callDate?: string }

/** A customer sheet (and a call log when a car has a call): lost cars last came 21 months ago, active ones last month. */
function workbook(cars: Car[]): SheetInput[] {
  const customers: SheetInput = {
    name: '保有客户',
    grid: [HEAD, ...cars.map((c, i) => {
      const n = String(i + 1).padStart(4, '0');
      return [`客户${n}`, `1380000${n}`, `陕A${n}`, `VIN${n}`, '瑞虎8', '2022-01-01', c.lost ? '2025-01-15' : '2026-09-15', 20000, c.region];
    })],
  };
  const calls = cars.flatMap((c, i) => (c.reason !== undefined || c.dest !== undefined || c.callDate
    ? [[c.callDate ?? '2026-10-10', `VIN${String(i + 1).padStart(4, '0')}`, '已接通', c.reason ?? '', c.dest ?? '', '小刘']]
    : []));
  return calls.length ? [customers, { name: '回访记录', grid: [CALL_HEAD, ...calls] }] : [customers];
}

const repeat = (n: number, car: Car): Car[] => Array.from({ length: n }, () => ({ ...car }));

function sheet(plan: WorkbookPlan, key: string): SheetSpec {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}
const conclusion = (s: SheetSpec) => s.cells.filter((c) => c.style === 'conclusion').map((c) => String(c.value)).join('\n');
const table = (s: SheetSpec, suffix: string): TableSpec => s.tables.find((x) => x.name.endsWith(suffix)) as TableSpec;

describe('the group named by a summary', () => {
  // 西安 has the most lost customers (40 of 100); 渭南 the highest rate among large groups (27 of 47 = 57.4%);
  // 铜川 the highest rate of all (5 of 6) but is below the 30-vehicle minimum.
  const cars = [
    ...repeat(40, { region: '西安', lost: true }), ...repeat(60, { region: '西安', lost: false }),
    ...repeat(27, { region: '渭南', lost: true }), ...repeat(20, { region: '渭南', lost: false }),
    ...repeat(5, { region: '铜川', lost: true }), ...repeat(1, { region: '铜川', lost: false }),
  ];

  it('is the highest churn rate among groups of at least minGroupSize (30), and the biggest loser is named beside it', () => {
    const plan = analyseWorkbook(workbook(cars), { asOf: AS_OF, state: emptyState() });
    expect(conclusion(sheet(plan, 'summary.region'))).toBe(
      '流失率最高的地区是渭南(57.4%,47台中流失27台;只比较车辆不少于30台的地区)\n流失客户最多的是西安(40台,占流失客户的55.6%)',
    );
  });

  it('follows the setting: with minGroupSize 5 the small 铜川 is named', () => {
    const plan = analyseWorkbook(workbook(cars), { asOf: AS_OF, state: emptyState(), settings: { conclusions: { minGroupSize: 5 } } });
    expect(conclusion(sheet(plan, 'summary.region'))).toMatch(/^流失率最高的地区是铜川\(83\.3%,6台中流失5台;只比较车辆不少于5台的地区\)/);
  });

  it('names one group only when the highest rate is also the most lost customers', () => {
    const plan = analyseWorkbook(workbook(cars.filter((c) => c.region !== '西安')), { asOf: AS_OF, state: emptyState() });
    expect(conclusion(sheet(plan, 'summary.region'))).toBe('流失率最高的地区是渭南(57.4%,47台中流失27台;只比较车辆不少于30台的地区)');
  });

  it('never picks the blank group', () => {
    expect(highestRate([{ group: '(未填)', lost: 50, size: 60 }, { group: '西安', lost: 10, size: 40 }], 30, ['(未填)'])?.group).toBe('西安');
    expect(highestRate([{ group: '西安', lost: 10, size: 20 }], 30)).toBeNull();
  });
});

describe('the age conclusion', () => {
  /** Cars bought `years` ago (mid-year), lost or not. */
  function aged(spec: [years: number, lost: number][]): SheetInput[] {
    const grid: unknown[][] = [HEAD];
    let i = 0;
    for (const [years, lost] of spec) {
      for (let k = 0; k < lost; k++, i++) {
        const n = String(i + 1).padStart(4, '0');
        grid.push([`客户${n}`, `1380000${n}`, `陕A${n}`, `VIN${n}`, '瑞虎8', `${2026 - years}-04-15`, '2024-06-15', 20000, '西安']);
      }
    }
    return [{ name: '保有客户', grid }];
  }

  it("gives the seed's advice when young cars are at least half of the lost customers", () => {
    const plan = analyseWorkbook(aged([[3, 6], [6, 4]]), { asOf: AS_OF, state: emptyState() });
    expect(conclusion(sheet(plan, 'summary.age'))).toBe('购车4年以内的流失客户占60.0%,招揽相对容易,应重点招揽');
  });

  it('names the band with the most lost customers otherwise', () => {
    const plan = analyseWorkbook(aged([[3, 3], [6, 7]]), { asOf: AS_OF, state: emptyState() });
    expect(conclusion(sheet(plan, 'summary.age'))).toBe('购车4年以内的流失客户只占30.0%;流失客户最多的车龄段是5年以上(7台,占流失客户的70.0%)');
  });
});

describe('destinations and reasons', () => {
  // 10 lost cars: 2 went to a garage, 2 to another dealer (a tie), 6 unknown (60%); reasons: 2 价格, 1 距离, 7 none (70%).
  const cars: Car[] = [
    { region: '西安', lost: true, dest: '路边店', reason: '保养太贵' },
    { region: '西安', lost: true, dest: '路边店', reason: '太贵了' },
    { region: '西安', lost: true, dest: '其他4S店', reason: '离家远' },
    { region: '西安', lost: true, dest: '其他4S店' },
    ...repeat(6, { region: '西安', lost: true, callDate: '2026-10-10' }),
    ...repeat(30, { region: '西安', lost: false }),
  ];
  const plan = analyseWorkbook(workbook(cars), { asOf: AS_OF, state: emptyState() });

  it('a tie names no 主要去向, and mostly-unknown destinations and reasons are said, in 台', () => {
    const text = conclusion(sheet(plan, 'summary.warranty'));
    expect(text).toBe(
      '保期外流失客户10台,保期内0台;去向最多的是修理厂、其他4S店/服务站,各2台并列,没有单一的主要去向,但60.0%的流失客户去向未知,去向结论仅供参考\n' +
        '流失客户的主要原因是价格(2台,占有原因记录的66.7%),但70.0%的流失客户没有记录原因,原因结论仅供参考',
    );
    expect(text).not.toContain('主要去向是');
    expect(text).not.toContain('台次');
  });

  it('the reasons sheet says when most lost customers have no recorded reason', () => {
    expect(conclusion(sheet(plan, 'summary.reasons'))).toBe(
      '有原因记录的流失客户3台,内因占66.7%,外因占33.3%;最多的原因是价格(66.7%),但70.0%的流失客户没有记录原因,原因结论仅供参考',
    );
  });

  it('a single leader is named with its share of the known destinations; the threshold is a setting', () => {
    const one = analyseWorkbook(workbook([...cars, { region: '西安', lost: true, dest: '路边店' }]), { asOf: AS_OF, state: emptyState(), settings: { conclusions: { mostlyUnknownShare: 0.9 } } });
    expect(conclusion(sheet(one, 'summary.warranty'))).toMatch(/^保期外流失客户11台,保期内0台;主要去向是修理厂\(3台,占已知去向的60\.0%\)\n流失客户的主要原因是价格/);
  });

  it('leader(): a tie, one, none', () => {
    expect(leader(new Map([['修理厂', 87], ['其他4S店/服务站', 87], ['未知', 300]]), ['未知'])).toEqual({ kind: 'tie', keys: ['修理厂', '其他4S店/服务站'], n: 87, known: 174 });
    expect(leader([['修理厂', 88], ['其他4S店/服务站', 87]])).toEqual({ kind: 'one', key: '修理厂', n: 88, known: 175 });
    expect(leader([['未知', 5]], ['未知'])).toEqual({ kind: 'none' });
    expect(mostlyUnknown(65, 100, 0.5)).toBe(true);
    expect(mostlyUnknown(50, 100, 0.5)).toBe(false);
  });
});

describe('units and the date label', () => {
  const plan = analyseWorkbook([...workbook([{ region: '西安', lost: true, reason: '太贵' }, ...repeat(3, { region: '西安', lost: false })]), REGISTER, PROSPECTS_WIDE], { asOf: AS_OF, state: emptyState() });

  it('counts vehicles in 台 on the failed follow-up sheet', () => {
    expect(table(sheet(plan, 'summary.failed'), '_failed').columns.map((c) => c.header)).toEqual(['失败类别', '台数', '占跟踪流失客户比例', '上月台数', '增减']);
  });

  it('uses one date label (截至) under every summary title, after-sales and sales alike', () => {
    const summaries = plan.sheets.filter((s) => s.key.startsWith('summary.') || s.key.startsWith('sales.'));
    expect(summaries.length).toBeGreaterThan(8);
    for (const s of summaries) {
      const text = s.cells.slice(0, 3).map((c) => String(c.value)).join(' ');
      expect(text).toContain('截至 2026-10-31');
      expect(text).not.toContain('分析日期');
    }
  });
});

describe('sales conclusions on a tie', () => {
  it('逾期跟踪名单 names every consultant tied for the most overdue follow-ups (was: the first by name)', () => {
    const plan = analyseWorkbook([PROSPECTS_WIDE], { asOf: AS_OF, state: emptyState() });
    expect(conclusion(sheet(plan, 'sales.overdue'))).toBe('3个意向客户跟踪逾期,占在跟客户的60.0%,最久逾期4天;逾期最多的是张三、李四、王五,各1个并列。漏跟是意向客户流失的主要原因之一,请尽快跟进。');
  });
});

describe('a partial month', () => {
  const cars: Car[] = [
    { region: '西安', lost: true, callDate: '2026-11-20', reason: '太贵' },
    { region: '西安', lost: true, callDate: '2026-12-01', reason: '太贵' },
  ];

  it('is marked with the analysis date when the month is not complete', () => {
    const plan = analyseWorkbook(workbook(cars), { asOf: { y: 2026, m: 12, d: 2 }, state: emptyState() });
    const monthly = sheet(plan, 'summary.monthly');
    expect(table(monthly, '_month').rows.map((r) => r[0])).toEqual(['2026-11', '2026-12(截至12月2日)']);
    expect(table(monthly, '_caller').rows.map((r) => r[0])).toEqual(['2026-11', '2026-12(截至12月2日)']);
  });

  it('is a plain month on its last day', () => {
    const plan = analyseWorkbook(workbook(cars), { asOf: { y: 2026, m: 12, d: 31 }, state: emptyState() });
    expect(table(sheet(plan, 'summary.monthly'), '_month').rows.map((r) => r[0])).toEqual(['2026-11', '2026-12']);
  });

  it('monthLabel(): only the analysis date month, only before its last day (29 February too)', () => {
    const partial = (p: { month: string; m: number; d: number }) => `${p.month}(截至${p.m}月${p.d}日)`;
    expect(monthLabel('2026-12', { y: 2026, m: 12, d: 2 }, partial)).toBe('2026-12(截至12月2日)');
    expect(monthLabel('2026-11', { y: 2026, m: 12, d: 2 }, partial)).toBe('2026-11');
    expect(monthLabel('2028-02', { y: 2028, m: 2, d: 28 }, partial)).toBe('2028-02(截至2月28日)');
    expect(monthLabel('2028-02', { y: 2028, m: 2, d: 29 }, partial)).toBe('2028-02');
  });
});
