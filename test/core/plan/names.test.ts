import { a1, columnLetter, sanitizeSheetName, tableName, uniqueSheetName } from '../../../src/core/plan/names';

describe('Excel naming rules', () => {
  it('sanitises forbidden characters and length', () => {
    expect(sanitizeSheetName('展厅来电/店登记表')).toBe('展厅来电-店登记表');
    expect(sanitizeSheetName('a:b?c*d[e]f\\g')).toBe('a-b-c-d-e-f-g');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName("''")).toBe('Sheet');
  });

  it('adds a suffix when the name is taken, case-insensitively, within 31 characters', () => {
    expect(uniqueSheetName('流失概览', ['Sheet1'])).toBe('流失概览');
    expect(uniqueSheetName('流失概览', ['流失概览'])).toBe('流失概览 (2)');
    expect(uniqueSheetName('Summary', ['summary', 'Summary (2)'])).toBe('Summary (3)');
    const long = 'y'.repeat(31);
    const u = uniqueSheetName(long, [long]);
    expect(u).toHaveLength(31);
    expect(u.endsWith(' (2)')).toBe(true);
  });

  it('makes table names legal', () => {
    expect(tableName('summary.overview', 'status')).toBe('CD_summary_overview_status');
    expect(tableName('form.展厅')).toMatch(/^CD_form_/);
  });

  it('converts indexes to A1', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
  });
});
