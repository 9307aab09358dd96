/**
 * Mark columns (是否试驾 / 是否报价 / 成交情况) typed as words: a positive word sets the stage, a short negation
 * ('未报', '没试', '没有') is a plain "no" and not an unreadable cell; anything else is reported.
 */
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { readRegister, FLAG_ORDER, FLAG_QUOTE, FLAG_TEST_DRIVE } from '../../../src/core/sales/registerFacts';
import { IssueCollector } from '../../../src/core/sales/issueCollector';
import { day } from './fixtures';

describe('register mark columns typed as words', () => {
  const cases: [string, string, string, number, boolean][] = [
    // 是否试驾, 是否报价, 成交情况, expected flags, an issue reported
    ['是', '报了', '付了订金', FLAG_TEST_DRIVE | FLAG_QUOTE | FLAG_ORDER, false],
    ['已试驾', '已报', '签单', FLAG_TEST_DRIVE | FLAG_QUOTE | FLAG_ORDER, false],
    ['没试', '未报', '未成交', 0, false],
    ['没有', '暂未报价', '没定', 0, false],
    ['否', '', '', 0, false],
    ['??', '', '', 0, true],
  ];
  it.each(cases)('%p / %p / %p → flags %p', (td, quote, order, flags, issue) => {
    const sheet = {
      name: '登记',
      grid: [
        ['登记日期', '到店时间', '接待类型', '是否试驾', '是否报价', '成交情况'],
        [day(10, 1), '9:30', '来店', td, quote, order],
      ],
    };
    const issues = new IssueCollector();
    const facts = readRegister(mapSheet(sheet, 'register'), issues);
    expect(facts.flags[0] & (FLAG_TEST_DRIVE | FLAG_QUOTE | FLAG_ORDER)).toBe(flags);
    expect(issues.total > 0).toBe(issue);
  });
});
