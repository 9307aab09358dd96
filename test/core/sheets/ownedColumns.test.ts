import { findOwnedStart } from '../../../src/core/sheets/ownedColumns';

const OWNED = ['未回厂月数', '流失状态', '车龄(年)', '最近回访结果', '流失原因', '流失去向', '建议动作'];

describe('findOwnedStart', () => {
  it.each<[string, string[], number | null]>([
    ['trailing run of ChurnDesk headers', ['车架号', '购车日期', '未回厂月数', '流失状态', '建议动作'], 2],
    ['trailing run followed by blank headers', ['车架号', '未回厂月数', '流失状态', '建议动作', '', ''], 1],
    ['a run that also swallows a matching user header just before it', ['车架号', '流失原因', '未回厂月数', '流失状态', '建议动作'], 1],
    ['ChurnDesk-like headers in the middle are input', ['回访日期', '流失原因', '流失去向', '回访人'], null],
    ['a trailing run of two is too short to be sure', ['回访日期', '回访人', '流失原因', '流失去向'], null],
    ['no ChurnDesk headers', ['车架号', '购车日期'], null],
    ['empty header row', [], null],
  ])('%s', (_n, headers, start) => {
    expect(findOwnedStart(headers, 0, OWNED)).toBe(start);
  });

  it('a short known list needs only its own length', () => {
    expect(findOwnedStart(['车架号', '意向级别(标准)', '跟踪状态'], 0, ['意向级别(标准)', '跟踪状态'])).toBe(1);
  });

  it('prefers the recorded position when the header row still shows it', () => {
    const headers = ['车架号', '未回厂月数', '流失状态', '用户自己的列'];
    expect(findOwnedStart(headers, 3, OWNED, { headerRow: 3, startColumn: 1, headers: ['未回厂月数', '流失状态'] })).toBe(1);
    expect(findOwnedStart(headers, 2, OWNED, { headerRow: 3, startColumn: 1, headers: ['未回厂月数', '流失状态'] })).toBeNull();
  });

  it('finds the recorded run wherever the user moved it: columns inserted before it, a column of theirs after it, the header row moved', () => {
    const recorded = { headerRow: 0, startColumn: 2, headers: ['未回厂月数', '流失状态', '建议动作'] };
    expect(findOwnedStart(['序号', '车架号', '车型', '未回厂月数', '流失状态', '建议动作', '回访备注'], 0, OWNED, recorded)).toBe(3);
    expect(findOwnedStart(['车架号', '未回厂月数', '流失状态', '建议动作', '回访备注'], 2, OWNED, recorded)).toBe(1);
    // A partial run with a user's column after it is not the marker: nothing is taken for the product's.
    expect(findOwnedStart(['车架号', '未回厂月数', '流失状态', '回访备注'], 0, OWNED, recorded)).toBeNull();
  });
});
