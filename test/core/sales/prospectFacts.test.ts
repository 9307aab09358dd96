import { readProspects } from '../../../src/core/sales/prospectFacts';
import { prospectOutcome, STATUS_LABELS } from '../../../src/core/sales/prospectOutcome';
import { followUpState } from '../../../src/core/sales/followUpDue';
import { IssueCollector } from '../../../src/core/sales/issueCollector';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { day } from './fixtures';

const HEADER = ['客户编号', '客户姓名', '联系电话', '跟进日期', '跟进方式', '跟进结果', '意向级别', '下次跟进日期', '战败原因', '销售顾问', '建档日期'];

function analyse(rows: unknown[][], asOf = day(10, 31)) {
  const mapped = mapSheet({ name: '卡', grid: [HEADER, ...rows] }, 'prospects');
  const issues = new IssueCollector();
  const facts = readProspects(mapped, issues);
  return { facts, outcome: prospectOutcome(facts, asOf, DEFAULT_SETTINGS), issues };
}

describe('readProspects', () => {
  it('on a one-row-per-follow-up card, a same-day closing row is the latest whatever the row order', () => {
    const { facts, outcome } = analyse([
      ['P1', '甲', '13900000001', day(10, 20), '到店', '交定金', '已订车', '', '', '张三', ''],
      ['P1', '甲', '13900000001', day(10, 20), '电话', '约到店', 'H', '', '', '张三', ''],
      ['P1', '甲', '13900000001', day(10, 10), '电话', '', 'A', '', '', '李四', ''],
    ]);
    expect(facts.count).toBe(1);
    expect(outcome.level[0]).toBe('O');
    expect(facts.followUps[0]).toBe(3);
    expect(facts.consultant[0]).toBe('张三');
    expect(facts.levelBefore[0]).toBe(0); // H
  });

  it("on a wide card the latest follow-up's level wins over the card's own level column (DOMAIN: level at the latest follow-up)", () => {
    const WIDE = ['客户编号', '客户姓名', '联系电话', '意向级别', '第1次跟进日期', '第1次跟进结果', '第1次跟进级别', '第2次跟进日期', '第2次跟进结果', '第2次跟进级别'];
    const mapped = mapSheet({ name: '卡', grid: [WIDE,
      ['P1', '甲', '', 'B', day(10, 10), '再看看', 'C', day(10, 20), '约周末到店', 'H'],
      // The latest follow-up recorded no level: the card's own column is its current level.
      ['P2', '乙', '', 'A', day(10, 10), '再看看', 'B', day(10, 20), '电话未接', ''],
      // A closing level on the card (战败, 已订车) is what happened last, whatever the follow-ups said before.
      ['P3', '丙', '', '战败', day(10, 10), '有意向', 'H', day(10, 20), '买了别家', 'H'],
      ['P4', '丁', '', '', day(10, 10), '有意向', 'C', day(10, 20), '交定金', '已订车'],
    ] }, 'prospects');
    expect(mapped.followUpGroups.map((g) => g.columns.level)).toEqual([6, 9]);
    const outcome = prospectOutcome(readProspects(mapped, new IssueCollector()), day(10, 31), DEFAULT_SETTINGS);
    expect(outcome.level).toEqual(['H', 'A', 'F', 'O']);
  });

  it('reads a recorded defeat reason without a level as lost, and a missing level as N', () => {
    const { facts, outcome } = analyse([
      ['P1', '甲', '', day(10, 20), '电话', '不买了', '', '', '预算不足', '张三', ''],
      ['P2', '乙', '', day(10, 29), '电话', '再看看', '', '', '', '张三', ''],
    ]);
    expect(outcome.level).toEqual(['F', 'N']);
    expect(outcome.reasonClass[0]).toBe('贷款/资金');
    expect(outcome.due[1]).toBe(day(10, 30)); // N: rated within a day
    expect(facts.reasonText[0]).toBe('预算不足');
  });

  it('counts from the created date when a prospect was never followed up', () => {
    const { facts, outcome } = analyse([['P1', '甲', '', '', '', '', 'B', '', '', '张三', day(10, 20)]]);
    expect(facts.followUps[0]).toBe(0);
    expect(outcome.due[0]).toBe(day(10, 27));
    expect(outcome.overdueDays[0]).toBe(4);
  });

  it('says 无跟踪日期 for a live prospect with no follow-up date and no created date (not a blank 跟踪状态)', () => {
    const { outcome } = analyse([
      ['P1', '甲', '', '', '电话', '有意向', 'B', '', '', '张三', ''],
      ['P2', '乙', '', '', '', '', '战败', '', '价格', '张三', ''],
    ]);
    expect(outcome.level).toEqual(['B', 'F']);
    expect(Number.isNaN(outcome.due[0])).toBe(true);
    expect(STATUS_LABELS[outcome.status[0]]).toBe('无跟踪日期');
    expect(STATUS_LABELS[outcome.status[1]]).toBe('已结案');
    expect(followUpState('A', NaN, NaN, NaN, day(10, 31), DEFAULT_SETTINGS.sales)).toEqual({ due: null, status: '无跟踪日期', overdueDays: null });
  });

  it('reports unreadable dates and levels with their cells', () => {
    const { issues } = analyse([['P1', '甲', '', '2026-13-40', '电话', '', '随便', '', '', '张三', '']]);
    expect(issues.issues.map((i) => `${i.field}@${i.address}`)).toEqual(['followDate@D2', 'level@G2']);
  });
});

describe('followUpState at the boundary', () => {
  const sales = DEFAULT_SETTINGS.sales;
  const cases: [string, number, number, number, string, number | null][] = [
    // level, latest, recorded next, as of, status, overdue days
    ['B', day(10, 24), NaN, day(10, 31), '按时', null], // due today
    ['B', day(10, 23), NaN, day(10, 31), '逾期', 1], // due yesterday
    ['H', day(10, 30), NaN, day(10, 31), '按时', null],
    ['H', day(10, 29), NaN, day(10, 31), '逾期', 1],
    ['A', day(10, 20), day(11, 5), day(10, 31), '按时', null], // a recorded next date wins over the interval
    ['C', day(10, 1), NaN, day(10, 31), '逾期', 15],
    ['N', day(10, 31), NaN, day(10, 31), '按时', null],
    ['O', day(9, 1), NaN, day(10, 31), '已结案', null],
    ['F', day(9, 1), NaN, day(10, 31), '已结案', null],
  ];
  it.each(cases)('%s latest %p next %p as of %p → %s %p', (level, latest, next, asOf, status, days) => {
    const s = followUpState(level as 'H', latest, next, NaN, asOf, sales);
    expect(s.status).toBe(status);
    expect(s.overdueDays).toBe(days);
  });
  it('uses the configured interval', () => {
    const s = followUpState('B', day(10, 20), NaN, NaN, day(10, 31), { levelIntervalDays: { ...sales.levelIntervalDays, B: 14 } });
    expect(s).toEqual({ due: day(11, 3), status: '按时', overdueDays: null });
  });
});
