/** Dates printed with the day of the week or an English month name (issue 10: exports of other DMS and English systems). */
import { readDate } from '../../../src/core/values/readDate';

const MARCH_5_2024 = readDate('2024-03-05');

describe('a weekday after the date says nothing the date does not', () => {
  it.each(['2024-03-05 周二', '2024/3/5 星期二', '2024年3月5日(周二)', '2024年3月5日（星期二）', '2024-03-05 Tue', '2024-03-05 (Tuesday)'])('%s', (s) => {
    expect(readDate(s)).toBe(MARCH_5_2024);
  });
  it('a date that does not exist stays unread, weekday or not', () => {
    expect(readDate('2023-02-29 周三')).toBeUndefined();
    expect(readDate('周二')).toBeUndefined();
  });
});

describe('English month names', () => {
  it.each(['Mar 5, 2024', 'March 5 2024', '05-Mar-2024', '5 Mar 2024', 'Mar 5, 2024 10:20', 'Sept 5, 2024'.replace('Sept', 'Mar')])('%s', (s) => {
    expect(readDate(s)).toBe(MARCH_5_2024);
  });
  it('a word that is no month is no date', () => {
    expect(readDate('Marx 5, 2024')).toBeUndefined();
    expect(readDate('abc 5, 2024')).toBeUndefined();
    expect(readDate('31-Feb-2024')).toBeUndefined();
  });
});
