/**
 * Calls written beside the vehicles of the customer base (a call date and call results in columns the base has no
 * use for) with no call log of their own: reading the base alone would report each vehicle as 未回访 with
 * confident figures, so the analysis refuses, naming the call columns and the customer columns (never silent).
 */
import { analyseWorkbook, AnalysisInputError } from '../../../src/core/analyse';
import { callsInCustomerSheet } from '../../../src/core/sheets/customersInCallSheet';
import { detectSheets } from '../../../src/core/sheets/detectSheets';

// Mostly the base's columns (so the sheet is read as the base), the call's two at the right.
const HEADER = ['车架号', '车牌号', '客户姓名', '联系电话', '车型', '购车日期', '最后进站日期', '行驶里程', '进站次数', '回访时间', '回访结果'];
const RESULTS = ['接通', '无人接听', '关机', '空号', '拒接', '成功'];
function sheet(withCalls: boolean) {
  const rows: unknown[][] = [withCalls ? HEADER : HEADER.slice(0, 9)];
  for (let i = 0; i < 12; i++) {
    const row: unknown[] = [`LSVAB2BR0DN${100000 + i}`, `陕A${10000 + i}`, `张${i}`, `1380000${String(1000 + i)}`, '朗逸', '2022-03-01', '2026-08-01', 30000 + i * 1000, 3 + i];
    if (withCalls) row.push(`2026-10-${String(i + 1).padStart(2, '0')}`, RESULTS[i % RESULTS.length]);
    rows.push(row);
  }
  return { name: '保有客户', grid: rows };
}

describe('calls in the customer base sheet', () => {
  it('are found, with the columns of each kind', () => {
    const found = callsInCustomerSheet(detectSheets([sheet(true)]));
    expect(found?.sheet).toBe('保有客户');
    expect(found?.callColumns).toContain('“回访结果”(K)=result');
    expect(found?.customerColumns).toContain('“车架号”(A)=vin');
  });
  it('refuse the analysis with their own message', () => {
    let err: unknown;
    try {
      analyseWorkbook([sheet(true)], { asOf: { y: 2026, m: 10, d: 31 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnalysisInputError);
    expect((err as AnalysisInputError).key).toBe('input.error.callsInCustomerSheet');
  });
  it('a base without call columns, or with a call log of its own, is read as before', () => {
    expect(callsInCustomerSheet(detectSheets([sheet(false)]))).toBeNull();
    const log = { name: '回访记录', grid: [['回访日期', '车架号', '回访结果'], ...Array.from({ length: 12 }, (_, i) => ['2026-10-05', `LSVAB2BR0DN${100000 + i}`, '接通'])] };
    expect(callsInCustomerSheet(detectSheets([sheet(true), log]))).toBeNull();
  });
});
