import { DEFAULT_SETTINGS, checkSettings, isValidIsoDate, resolveSettings, SettingsValidationError } from '../../../src/core/settings/settings';

describe('resolveSettings', () => {
  it('gives the DOMAIN.md defaults', () => {
    const s = resolveSettings(undefined);
    expect(s.thresholds).toEqual({ atRiskMonths: 6, lostMonths: 12, goneMonths: 24 });
    expect(s.warranty).toEqual({ months: 36, km: 100000 });
    expect(s.targetChurnRate).toBe(0.25);
    expect(s.language).toBe('zh-CN');
    expect(s.sales.levelIntervalDays).toEqual({ H: 1, A: 3, B: 7, C: 15, N: 1 });
  });

  it('merges a partial deeply and leaves the defaults object untouched', () => {
    const s = resolveSettings({ thresholds: { atRiskMonths: 3 }, warranty: { km: 120000 }, localRegions: ['西安'] });
    expect(s.thresholds).toEqual({ atRiskMonths: 3, lostMonths: 12, goneMonths: 24 });
    expect(s.warranty).toEqual({ months: 36, km: 120000 });
    expect(s.localRegions).toEqual(['西安']);
    expect(DEFAULT_SETTINGS.thresholds.atRiskMonths).toBe(6);
  });

  it.each([
    [{ analysisDate: '2023-02-29' }, 'analysisDate'],
    [{ analysisDate: '2023/05/06' }, 'analysisDate'],
    [{ thresholds: { atRiskMonths: 0 } }, 'thresholds.atRiskMonths'],
    [{ thresholds: { lostMonths: 6.5 } }, 'thresholds.lostMonths'],
    [{ thresholds: { atRiskMonths: 12, lostMonths: 6 } }, 'thresholds'],
    [{ warranty: { km: -1 } }, 'warranty.km'],
    [{ targetChurnRate: 25 }, 'targetChurnRate'],
    [{ localRegions: '西安' }, 'localRegions'],
    [{ language: 'fr-FR' }, 'language'],
    [{ extraReasonKeywords: { 价格: '贵' } }, 'extraReasonKeywords.价格'],
    [{ sales: { levelIntervalDays: { H: 0 } } }, 'sales.levelIntervalDays.H'],
    [{ sales: { monthlyTotalSales: { '2026-1': 10 } } }, 'sales.monthlyTotalSales.2026-1'],
    [{ sales: { monthlyTotalSales: { '2026-13': 10 } } }, 'sales.monthlyTotalSales.2026-13'],
    [{ sales: { monthlyTotalSales: { '2026-10': -1 } } }, 'sales.monthlyTotalSales.2026-10'],
    [{ priority: { skipOutOfTown: 'yes' } }, 'priority.skipOutOfTown'],
  ])('names the bad field for %j', (partial, field) => {
    expect(checkSettings(partial).map((e) => e.field)).toContain(field);
    expect(() => resolveSettings(partial)).toThrow(SettingsValidationError);
  });

  it('rejects a non-object', () => {
    expect(checkSettings([1, 2])[0].field).toBe('(root)');
  });

  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-13-01')).toBe(false);
    expect(isValidIsoDate('2023-04-31')).toBe(false);
  });
});
