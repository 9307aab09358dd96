/**
 * The unmatched-calls refusal carries the fields concerned in the structured form of the other needs-mapping
 * refusals (sheet, kind, fields, candidate columns): the call log's key columns and the base's, so a host can open
 * 列映射 on them; the CLI lists them with their candidate columns.
 */
import { analyseWorkbook, AnalysisInputError } from '../../../src/core/analyse';
import type { SheetInput } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { needsMappingText } from '../../../src/core/sheets/needsMappingText';
import { AS_OF, customers } from './fixtures/smallWorkbook';

function unmatchedLog(total: number): SheetInput {
  const rows: unknown[][] = [['回访日期', '联系电话', '回访结果', '备用号码']];
  for (let i = 0; i < total; i++) rows.push([`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, `1390000${String(1000 + i)}`, '接通', '']);
  return { name: '回访记录', grid: rows };
}

function refusal(calls: SheetInput): AnalysisInputError {
  try {
    analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState() });
  } catch (e) {
    if (e instanceof AnalysisInputError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the unmatched-calls refusal names its fields as needsMapping', () => {
  it('the call log\'s key column first, then the base\'s key columns, each a candidate with its header', () => {
    const e = refusal(unmatchedLog(12));
    expect(e.key).toBe('aftersales.error.callsUnmatched');
    const [calls, base] = e.needsMapping ?? [];
    expect(calls).toMatchObject({ sheet: '回访记录', kind: 'calls', field: 'phone', fields: ['vin', 'plate', 'phone'], reason: 'lowConfidence' });
    expect(calls.candidates[0]).toMatchObject({ column: 1, header: '联系电话' });
    expect(base).toMatchObject({ sheet: customers.name, kind: 'customers', fields: ['vin', 'plate', 'phone'], reason: 'lowConfidence' });
    expect(base.candidates.map((c) => c.header)).toEqual(expect.arrayContaining(['联系电话', '车架号']));
  });
  it('said in words like any other needs-mapping entry', () => {
    const [calls] = refusal(unmatchedLog(12)).needsMapping ?? [];
    expect(needsMappingText(calls, 'zh-CN').candidates).toContain('“联系电话”(B)');
    expect(needsMappingText(calls, 'en-US').candidates).toContain('(B)');
  });
});
