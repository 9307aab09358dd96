import { foldTraditionalHeader, traditionalHeaderPairs } from '../../../src/core/sheets/traditionalHeaders';
import { headerBaseKey, headerKey } from '../../../src/core/sheets/normaliseHeader';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { isNonRecordRow, isTotalsRow } from '../../../src/core/sheets/rowKinds';

describe('headers in traditional characters are read as their simplified form', () => {
  test.each([
    ['車架號碼', '车架号码'],
    ['聯繫電話', '联系电话'],
    ['購車日期', '购车日期'],
    ['最後進廠時間', '最后进厂时间'],
    ['回訪結果', '回访结果'],
  ])('%s → %s', (trad, simp) => {
    expect(foldTraditionalHeader(trad)).toBe(simp);
    expect(headerKey(trad)).toBe(headerKey(simp));
  });

  test('brackets, English and simplified text are left alone; folding twice changes nothing', () => {
    expect(headerBaseKey('[F012]車架號')).toBe('车架号');
    expect(foldTraditionalHeader('Last Service Date')).toBe('Last Service Date');
    expect(foldTraditionalHeader('车架号')).toBe('车架号');
    for (const [t, s] of traditionalHeaderPairs()) {
      expect(foldTraditionalHeader(s)).toBe(s);
      expect(foldTraditionalHeader(foldTraditionalHeader(t))).toBe(s);
    }
  });

  test('a customer base written in traditional characters maps its key fields and leaves its 總計 row out', () => {
    const rows = [
      ['車架號', '車牌號碼', '聯繫電話', '購車日期', '最後進廠日期'],
      ['LSVAB2BG5NB123456', '京A12345', '13812345678', '2021-05-01', '2026-08-01'],
      ['LSVAB2BG5NB123457', '京A12346', '13812345679', '2020-03-01', '2025-02-11'],
      ['LSVAB2BG5NB123458', '京A12347', '13812345670', '2019-07-15', '2024-11-30'],
      ['總計', 3, null, null, null],
    ];
    const d = detectSheets([{ name: '基本資料', grid: rows }]);
    expect(d.customers?.sheet.name).toBe('基本資料');
    expect(d.customers!.columns).toMatchObject({ vin: 0, plate: 1, phone: 2, purchaseDate: 3, lastVisitDate: 4 });
    expect(isTotalsRow(rows[4], 5)).toBe(true);
    expect(isNonRecordRow(['製表人:王小明', null, null, null, '列印日期:2026/10/31'], 5)).toBe(true);
    expect(isNonRecordRow(rows[1], 5)).toBe(false);
  });
});
