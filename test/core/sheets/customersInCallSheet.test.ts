/**
 * Customers and their calls in one sheet (issue 10 part 3): no figures, and a refusal that names the sheet, the
 * call columns and the customer columns it found, never "no customer sheet" alone.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { AnalysisInputError } from '../../../src/core/aftersales/errors';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { customersInCallSheet } from '../../../src/core/sheets/customersInCallSheet';
import { t } from '../../../src/i18n';

function combined(): unknown[][] {
  const grid: unknown[][] = [['序号', '车架编号', '机动车号牌', '所有人姓名', '购车日期', '最后进站日期', '去电日期', '去电结果', '未回厂理由']];
  const results = ['已接通', '无人接听', '空号', '客户挂断', '关机', '已接通'];
  for (let i = 0; i < 20; i++) {
    grid.push([i + 1, `LSVAB12345678${1000 + i}`, `浙A${10000 + i}`, `客户${i}`, 43000 + i * 30, 45000 + i * 10, 46200 + i, results[i % results.length], i % 2 ? '嫌贵' : '']);
  }
  return grid;
}

describe('customers and calls in one sheet', () => {
  it('names the sheet, its call columns and its customer columns', () => {
    const d = detectSheets([{ name: '流失客户回访', grid: combined() }]);
    const c = customersInCallSheet(d);
    // Vehicles and call results: read as a call log, and no customer base.
    expect(d.calls?.sheet.name).toBe('流失客户回访');
    expect(d.customers).toBeUndefined();
    expect(c?.sheet).toBe('流失客户回访');
    expect(c?.callColumns).toContain('=callDate');
    expect(c?.callColumns).toContain('“去电结果”(H)=result');
    expect(c?.customerColumns).toContain('“车架编号”(B)=vin');
  });
  it('the analysis refuses with that message instead of "no customer sheet"', () => {
    const sheets = [{ name: '流失客户回访', grid: combined() }];
    let err: unknown;
    try {
      analyseWorkbook(sheets, { asOf: { y: 2026, m: 10, d: 31 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnalysisInputError);
    const e = err as AnalysisInputError;
    expect(e.key).toBe('input.error.customersInCallSheet');
    const text = t('zh-CN', e.key, e.params);
    expect(text).toContain('流失客户回访');
    expect(text).toContain('候选');
    expect(t('en-US', e.key, e.params)).toContain('candidate columns');
  });
  it('nothing to say when the workbook has a customer base', () => {
    expect(customersInCallSheet({ ignored: [], customers: {} as never, calls: {} as never })).toBeNull();
  });
});
