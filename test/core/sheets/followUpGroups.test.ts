import { findFollowUpGroups, findTwoRowFollowUpGroups, parseGroupHeader, parseNumeral } from '../../../src/core/sheets/followUpGroups';

describe('parseNumeral', () => {
  it.each<[string, number]>([['1', 1], ['12', 12], ['一', 1], ['两', 2], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23]])('%s → %d', (s, n) =>
    expect(parseNumeral(s)).toBe(n),
  );
  it.each(['', '百', '十十', '一二'])('%s → NaN', (s) => expect(parseNumeral(s)).toBeNaN());
});

describe('parseGroupHeader', () => {
  it.each<[string, number, string]>([
    ['第1次跟进日期', 1, 'followDate'],
    ['第1次跟进结果', 1, 'followResult'],
    ['第1次跟进方式', 1, 'followMethod'],
    ['第2次跟踪时间', 2, 'followDate'],
    ['跟进1日期', 1, 'followDate'],
    ['跟进2结果', 2, 'followResult'],
    ['1次跟踪时间', 1, 'followDate'],
    ['第一次回访日期', 1, 'followDate'],
    ['第十二次跟进内容', 12, 'followResult'],
    ['第3次跟进后级别', 3, 'level'],
    ['第3次预约下次跟进日期', 3, 'nextDate'],
    ['跟进日期3', 3, 'followDate'],
    ['跟踪结果4', 4, 'followResult'],
    ['Follow-up 2 date', 2, 'followDate'],
    ['Follow up 2 result', 2, 'followResult'],
    ['第 1 次 跟进日期', 1, 'followDate'],
    ['第１次跟进日期', 1, 'followDate'],
    // the numeral fused with the verb (二访: the second visit/call), and the English abbreviation FU
    ['二访结果', 2, 'followResult'],
    ['3访日期', 3, 'followDate'],
    ['FU2 Result', 2, 'followResult'],
    ['FU 3 date', 3, 'followDate'],
  ])('%s → group %d %s', (h, n, field) => expect(parseGroupHeader(h)).toEqual({ n, field }));

  it.each(['跟进日期', '下次跟进日期', '联系电话1', '客户姓名', '第0次跟进日期', '', '进站次数', '跟进3', 'Refund1'])('%s is not a group header', (h) => {
    // '跟进3' alone reads as group 3's date (VERB_N with an empty rest), so only check the others are null.
    if (h === '跟进3') expect(parseGroupHeader(h)).toEqual({ n: 3, field: 'followDate' });
    else expect(parseGroupHeader(h)).toBeNull();
  });
});

describe('findFollowUpGroups', () => {
  it('orders groups by number, whatever the column order', () => {
    const groups = findFollowUpGroups(['姓名', '第2次跟进结果', '第1次跟进日期', '第2次跟进日期', '第1次跟进结果', '备注']);
    expect(groups).toEqual([
      { n: 1, columns: { followDate: 2, followResult: 4 } },
      { n: 2, columns: { followDate: 3, followResult: 1 } },
    ]);
  });
  it('drops a group with neither date nor result', () => {
    expect(findFollowUpGroups(['第1次跟进日期', '第2次跟进方式'])).toEqual([{ n: 1, columns: { followDate: 0 } }]);
  });
  it('stops at endColumn', () => {
    expect(findFollowUpGroups(['第1次跟进日期', '第2次跟进日期'], 1)).toEqual([{ n: 1, columns: { followDate: 0 } }]);
  });
});

describe('two-row headers of wide cards', () => {
  it('reads each sub-header under its merged label', () => {
    expect(findTwoRowFollowUpGroups(['姓名', '第1次跟进', '', '', '第2次跟进', '', ''], ['', '日期', '方式', '结果', '日期', '方式', '结果'])).toEqual([
      { n: 1, columns: { followDate: 1, followMethod: 2, followResult: 3 } },
      { n: 2, columns: { followDate: 4, followMethod: 5, followResult: 6 } },
    ]);
  });
  it('is null for single-row headers followed by data', () => {
    expect(findTwoRowFollowUpGroups(['姓名', '第1次跟进日期', '第1次跟进结果'], ['王', '2026-10-01', '有意向'])).toBeNull();
    expect(findTwoRowFollowUpGroups(['姓名', '电话'], ['王', '138'])).toBeNull();
    expect(findTwoRowFollowUpGroups(['姓名'], undefined)).toBeNull();
  });
});
