/** Numbered follow-up groups recognised by their numbering structure (issue 10, session 8). */
import { parseGroupHeader, findFollowUpGroups } from '../../../src/core/sheets/followUpGroups';

describe('numbered follow-up groups by their numbering', () => {
  test.each([
    ['跟进日期1', 1, 'followDate'],
    ['第3轮跟进结果', 3, 'followResult'],
    ['二次跟进方式', 2, 'followMethod'],
    ['Follow-up 2 Date', 2, 'followDate'],
    ['2nd contact date', 2, 'followDate'],
    ['第1次日期', 1, 'followDate'],
  ])('%s is group %i, %s', (h, n, field) => {
    expect(parseGroupHeader(h)).toMatchObject({ n, field });
  });
  test('a number without a follow-up word is no group', () => {
    expect(parseGroupHeader('联系电话2')).toBeNull();
    expect(parseGroupHeader('地址1')).toBeNull();
  });
  test('首次 alone is no series; with 二次 it is group 1', () => {
    expect(findFollowUpGroups(['姓名', '首次跟进日期', '电话'])).toEqual([]);
    expect(findFollowUpGroups(['姓名', '首次跟进日期', '二次跟进日期'])).toEqual([
      { n: 1, columns: { followDate: 1 } },
      { n: 2, columns: { followDate: 2 } },
    ]);
  });
});

