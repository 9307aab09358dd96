/** Issue 14.4: analysis dates between 1990-01-01 and ten years ahead are accepted, unless a setting says otherwise. */
import { analysisDateBounds, analysisDateProblem, checkSettings, resolveSettings } from '../../../src/core/settings/settings';

const inYears = (n: number) => `${new Date().getUTCFullYear() + n}-01-01`;

describe('analysisDateRange', () => {
  it.each<[string, 'tooEarly' | 'tooLate' | null]>([
    ['0000-01-01', 'tooEarly'],
    ['1989-12-31', 'tooEarly'],
    ['1990-01-01', null],
    ['2026-10-31', null],
    [inYears(9), null],
    [inYears(11), 'tooLate'],
    ['9999-12-31', 'tooLate'],
  ])('%s → %p', (iso, problem) => expect(analysisDateProblem(iso)).toBe(problem));

  it('names analysisDate with the accepted range', () => {
    const errors = checkSettings({ analysisDate: '0000-01-01' });
    expect(errors).toEqual([{ field: 'analysisDate', message: 'settings.error.dateOutOfRange', params: analysisDateBounds() }]);
    expect(analysisDateBounds().earliest).toBe('1990-01-01');
  });

  it('a setting widens or narrows the range', () => {
    expect(checkSettings({ analysisDate: '1985-06-30', analysisDateRange: { earliest: '1980-01-01' } })).toEqual([]);
    expect(resolveSettings({ analysisDateRange: { maxYearsAhead: 0 } }).analysisDateRange).toEqual({ earliest: '1990-01-01', maxYearsAhead: 0 });
    expect(checkSettings({ analysisDate: inYears(2), analysisDateRange: { maxYearsAhead: 1 } }).map((e) => e.field)).toEqual(['analysisDate']);
  });

  it.each<[unknown, string]>([
    [{ analysisDateRange: { earliest: '1990/01/01' } }, 'analysisDateRange.earliest'],
    [{ analysisDateRange: { maxYearsAhead: -1 } }, 'analysisDateRange.maxYearsAhead'],
    [{ analysisDateRange: 5 }, 'analysisDateRange'],
    [{ staleDataDays: 1.5 }, 'staleDataDays'],
    [{ staleDataDays: -1 }, 'staleDataDays'],
  ])('names the bad field for %j', (partial, field) => expect(checkSettings(partial).map((e) => e.field)).toContain(field));

  it('defaults: 14 days before a stale-data warning', () => expect(resolveSettings({}).staleDataDays).toBe(14));
});
