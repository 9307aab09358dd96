import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { isNoteRow } from '../../../src/core/sheets/noteRows';

describe('note lines between records are no records (judged by the dependency columns they leave blank)', () => {
  it('a mostly empty text row with every dependency column blank is a note; a record is not', () => {
    expect(isNoteRow(['—— 以下为周末值班登记 ——', '', '', '', '', '', '', ''], [1, 2, 3], 8)).toBe(true);
    expect(isNoteRow(['J1001', '2026-10-03', '9:30', '来店', '王先生', '', '', ''], [1, 2, 3], 8)).toBe(false);
    // A dependency column filled (a date alone under a note) keeps the row: it says something the analysis uses.
    expect(isNoteRow(['补录', '2026-10-03', '', '', '', '', '', ''], [1, 2, 3], 8)).toBe(false);
    // Numbers only are no note (a stray count is the totals rules' business).
    expect(isNoteRow(['', '', '', '', 12, '', '', ''], [1, 2, 3], 8)).toBe(false);
    // A row with many cells filled is a record with its dependencies missing: reported, never dropped.
    expect(isNoteRow(['王先生', '', '', '', '轩逸', '路过', 'A', '马超'], [1, 2, 3], 8)).toBe(false);
    expect(isNoteRow(['注:以下为外地'], [], 8)).toBe(false);
  });

  it('a register leaves the note line out of its data rows, in any wording', () => {
    const grid = [
      ['序号', '日期', '到店时间', '来电/来店', '客户姓名', '联系电话', '意向车型', '销售顾问'],
      [1, '2026-10-06', '9:30', '来店', '王先生', '13800000001', '轩逸', '马超'],
      ['*** 以下为假日值班登记 ***', '', '', '', '', '', '', ''],
      [2, '2026-10-07', '10:30', '来电', '李女士', '13800000002', '天籁', '马超'],
    ];
    const m = mapSheet({ name: '登记', grid }, 'register');
    expect(m.dataRows).toEqual([1, 3]);
    expect(m.totalsRows).toEqual([2]);
  });
});
