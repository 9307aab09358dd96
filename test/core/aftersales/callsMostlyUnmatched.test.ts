import { analyseWorkbook, AnalysisInputError } from '../../../src/core/analyse';
import type { SheetInput } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { MIN_CALLS_TO_JUDGE } from '../../../src/core/aftersales/callsMatched';
import { AS_OF, customers } from './fixtures/smallWorkbook';
import { resolveSettings, type Settings } from '../../../src/core/settings/settings';

/** A call log keyed by the phone only: `matching` calls to phones of the base, the rest to phones nobody has. */
function phoneLog(total: number, matching: number): SheetInput {
  const rows: unknown[][] = [['回访日期', '联系电话', '回访结果', '流失原因', '回访人']];
  for (let i = 0; i < total; i++) {
    const phone = i < matching ? `1380000000${(i % 3) + 1}` : `1390000${String(1000 + i)}`;
    rows.push([`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, phone, '接通', '保养太贵了', '小刘']);
  }
  return { name: '回访记录', grid: rows };
}

function refusal(calls: SheetInput, settings: Partial<Settings> = {}): AnalysisInputError | null {
  try {
    analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState(), settings });
    return null;
  } catch (e) {
    if (e instanceof AnalysisInputError) return e;
    throw e;
  }
}

describe('a call log whose calls mostly match no vehicle is refused, naming the key columns (never 未回访 silently)', () => {
  it('refuses when fewer than half of the calls match, naming both sheets and their key columns', () => {
    const e = refusal(phoneLog(12, 5));
    expect(e?.key).toBe('aftersales.error.callsUnmatched');
    expect(e?.params).toMatchObject({ calls: '回访记录', customers: customers.name, unmatched: 7, total: 12 });
    expect(String(e?.params.callKeys)).toBe('“联系电话”(B)=phone');
    expect(String(e?.params.customerKeys)).toContain('“联系电话”(B)=phone');
    expect(String(e?.params.customerKeys)).toContain('“车架号”(D)=vin');
  });

  it('goes on when half or more of the calls match (calls about vehicles no longer in the base are normal)', () => {
    expect(refusal(phoneLog(12, 6))).toBeNull();
  });

  it('does not judge a log shorter than the minimum', () => {
    expect(refusal(phoneLog(MIN_CALLS_TO_JUDGE - 1, 0))).toBeNull();
    expect(refusal(phoneLog(MIN_CALLS_TO_JUDGE, 0))?.key).toBe('aftersales.error.callsUnmatched');
  });

  it('follows the dealer setting minMatchedCallShare: 0 never stops, a higher share stops sooner', () => {
    expect(refusal(phoneLog(12, 0), { minMatchedCallShare: 0 })).toBeNull();
    expect(refusal(phoneLog(12, 8), { minMatchedCallShare: 0.8 })?.params).toMatchObject({ unmatched: 4, share: '80%' });
    expect(refusal(phoneLog(12, 10), { minMatchedCallShare: 0.8 })).toBeNull();
  });

  it('refuses a share outside 0..1, naming the setting', () => {
    expect(() => resolveSettings({ minMatchedCallShare: 1.5 })).toThrow(/minMatchedCallShare/);
  });
});
