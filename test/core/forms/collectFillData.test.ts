import { analyseForForms, fillDataFromParts } from '../../../src/core/forms/collectFillData';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';

const reg = (name: string) => ({ name });

describe('fillDataFromParts', () => {
  it('concatenates each dataset across parts and ignores parts without forms data', () => {
    const data = fillDataFromParts([
      { data: { forms: { register: [reg('甲'), reg('乙')], traffic: 'not an array' } } },
      null,
      { data: {} },
      { data: { forms: { register: [reg('丙')], winBackCalls: [] } } },
    ]);
    expect((data.register as unknown as { name: string }[]).map((r) => r.name)).toEqual(['甲', '乙', '丙']);
    expect(data.traffic).toBeUndefined();
    expect(data.winBackCalls).toEqual([]);
  });

  it("falls back to the after-sales part's failedByCategory, with last month's counts as 上月台次", () => {
    const data = fillDataFromParts([{ data: { failedByCategory: { 空号: 3, 号码有误: 48, bad: 'x' } } }], { 号码有误: 41 }, '2026-10');
    expect(data.failedFollowUps).toEqual([
      { month: '2026-10', category: '空号', count: 3 },
      { month: '2026-10', category: '号码有误', count: 48, previous: 41 },
    ]);
  });

  it('prefers a part’s own failedFollowUps dataset over the fallback', () => {
    const own = [{ category: '关机', count: 2 }];
    expect(fillDataFromParts([{ data: { forms: { failedFollowUps: own }, failedByCategory: { 空号: 9 } } }]).failedFollowUps).toEqual(own);
  });
});

describe('analyseForForms', () => {
  it('returns no data (blank forms) for a workbook without dealer sheets, without throwing', () => {
    const res = analyseForForms([{ name: 'Sheet1', grid: [['hello']] }], DEFAULT_SETTINGS, emptyState(), { y: 2026, m: 10, d: 31 });
    expect(res.data.register).toBeUndefined();
    expect(res.data.lostVehicles).toBeUndefined();
  });
});
