import { isBlankRow, isRepeatedHeader, isTotalsRow } from '../../../src/core/sheets/rowKinds';
import { cellIssue, ISSUE_REASON } from '../../../src/core/sheets/cellIssue';

describe('isTotalsRow', () => {
  it.each<[unknown[], boolean]>([
    [['合计', '', 5], true],
    [['总计'], true],
    [['小计:'], true],
    [['合 计'], true],
    [['', '合计'], true],
    [[1, '', '本页合计'], true],
    [['Total', 3], true],
    [['Grand Total'], true],
    [['王合计师傅的车辆维修记录很长很长'], false],
    [['', '', '', '合计'], true], // a pure label counts wherever it stands (issue 10.4)
    [['', '', '', '合计金额较高的客户', 'x', 'y', 'z', 'w'], false], // text after the word: only a label in the first cells
    [['王先生', '13812345678'], false],
    [[], false],
  ])('%j → %p', (row, yes) => expect(isTotalsRow(row, 10)).toBe(yes));
});

describe('isBlankRow', () => {
  it.each<[unknown[] | undefined, boolean]>([
    [undefined, true], [[], true], [['', ' ', '—', '无'], true], [['', 0], false], [['', 'x'], false],
  ])('%j → %p', (row, yes) => expect(isBlankRow(row, 10)).toBe(yes));
  it('ignores cells from end on', () => expect(isBlankRow(['', '', 'x'], 2)).toBe(true));
});

describe('isRepeatedHeader', () => {
  const headers = ['车主', '车牌号', '购车日期'];
  it.each<[unknown[], number[], boolean]>([
    [['车主', '车牌号', '购车日期'], [0, 1, 2], true],
    [['车主', '陕A1', '购车日期'], [0, 1, 2], true],
    [['王', '陕A1', '购车日期'], [0, 1, 2], false],
    [['车主'], [0], true],
    [['车主', 'x'], [], false],
  ])('%j → %p', (row, cols, yes) => expect(isRepeatedHeader(row, headers, cols)).toBe(yes));
});

describe('cellIssue', () => {
  it('gives the A1 address and the value as text', () => {
    expect(cellIssue('Sheet1', 4, 2, 'purchaseDate', '2023-02-29', ISSUE_REASON.date)).toEqual({
      sheet: 'Sheet1', row: 4, col: 2, address: 'C5', field: 'purchaseDate', value: '2023-02-29', reason: 'input.issue.unreadableDate',
    });
    expect(cellIssue('S', 0, 27, 'mileage', -5, ISSUE_REASON.mileage).address).toBe('AB1');
    expect(cellIssue('S', 0, 0, 'x', 'x'.repeat(500), 'r').value.length).toBe(100);
    expect(cellIssue('S', 0, 0, 'x', new Date(Date.UTC(2023, 4, 6)), 'r').value).toBe('2023-05-06T00:00:00.000Z');
  });
});
