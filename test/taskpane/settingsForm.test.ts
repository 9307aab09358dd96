import fc from 'fast-check';
import { DEFAULT_SETTINGS, checkSettings, resolveSettings } from '../../src/core/settings/settings';
import {
  SETTING_SECTIONS,
  errorsByInput,
  formToSettings,
  inputForError,
  readList,
  readMonthMap,
  settingsToForm,
} from '../../src/taskpane/settingsForm';

const defaultsForm = () => settingsToForm(DEFAULT_SETTINGS);

describe('settingsForm', () => {
  test('defaults round-trip through the boxes unchanged', () => {
    expect(resolveSettings(formToSettings(defaultsForm()))).toEqual(DEFAULT_SETTINGS);
  });

  test('the win-back scripts: a typed script is kept, a blank one leaves the default, a long one is refused on its box', () => {
    const form = { ...defaultsForm(), 'winBack.scripts.价格': '本月工时费八折', 'winBack.serviceIntervalMonths': '12' };
    expect(resolveSettings(formToSettings(form)).winBack).toEqual({ scripts: { 价格: '本月工时费八折' }, serviceIntervalMonths: 12, warrantyCheckMonths: 3 });
    expect(settingsToForm(resolveSettings(formToSettings(form)))['winBack.scripts.价格']).toBe('本月工时费八折');
    const errors = checkSettings(formToSettings({ ...form, 'winBack.scripts.距离': 'x'.repeat(501) }));
    expect(Object.keys(errorsByInput(errors))).toEqual(['winBack.scripts.距离']);
  });

  test('every setting of Settings has a box (each leaf path is covered)', () => {
    const paths = SETTING_SECTIONS.flatMap((s) => s.inputs.map((i) => i.path));
    for (const p of ['analysisDate', 'thresholds.atRiskMonths', 'thresholds.lostMonths', 'thresholds.goneMonths', 'warranty.months', 'warranty.km',
      'localRegions', 'targetChurnRate', 'dealerName', 'language', 'priority.easyWinBackMaxAgeYears', 'priority.skipOutOfTown',
      'priority.internalReasonShareToFixFirst', 'sales.levelIntervalDays.H', 'sales.levelIntervalDays.N', 'sales.dueSoonDays', 'sales.monthlyTotalSales',
      'extraReasonKeywords.价格', 'extraReasonKeywords.其他', 'extraDefeatKeywords.竞品',
      'winBack.serviceIntervalMonths', 'winBack.warrantyCheckMonths', 'winBack.scripts.价格', 'winBack.scripts.未知']) {
      expect(paths).toContain(p);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });

  test.each([
    // [box, typed text, settings path, value read]
    ['targetChurnRate', '30', 'targetChurnRate', 0.3],
    ['targetChurnRate', '25%', 'targetChurnRate', 0.25],
    ['targetChurnRate', '12.5', 'targetChurnRate', 0.125],
    ['warranty.km', '120,000', 'warranty.km', 120000],
    ['thresholds.atRiskMonths', ' 3 ', 'thresholds.atRiskMonths', 3],
    ['analysisDate', '', 'analysisDate', null],
    ['analysisDate', '2026-10-31', 'analysisDate', '2026-10-31'],
  ])('box %s typed %j reads as %s = %j', (box, text, path, value) => {
    const out = formToSettings({ ...defaultsForm(), [box]: text });
    const got = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], out);
    expect(got).toEqual(value);
  });

  test.each([
    ['thresholds.atRiskMonths', 'abc', 'settings.error.notPositiveInteger'],
    ['thresholds.atRiskMonths', '', 'settings.error.notPositiveInteger'],
    ['thresholds.atRiskMonths', '2.5', 'settings.error.notPositiveInteger'],
    ['thresholds.atRiskMonths', '30', 'settings.error.thresholdOrder'],
    ['targetChurnRate', '150', 'settings.error.notRate'],
    ['warranty.km', '-1', 'settings.error.notPositiveNumber'],
    ['analysisDate', '2026-02-30', 'settings.error.notDate'],
    ['sales.monthlyTotalSales', '26-10: 5', 'settings.error.notMonth'],
    ['sales.monthlyTotalSales', '2026-10: lots', 'settings.error.notNonNegative'],
  ])('box %s: typing %j shows %s on that box', (box, text, message) => {
    const errors = errorsByInput(checkSettings(formToSettings({ ...defaultsForm(), [box]: text })));
    expect(errors[box]?.map((e) => e.message)).toEqual([message]);
    expect(Object.keys(errors)).toEqual([box]);
  });

  test('inputForError maps nested and group errors to a box', () => {
    expect(inputForError('sales.monthlyTotalSales.26-10')).toBe('sales.monthlyTotalSales');
    expect(inputForError('thresholds')).toBe('thresholds.atRiskMonths');
    expect(inputForError('extraReasonKeywords.价格')).toBe('extraReasonKeywords.价格');
    expect(inputForError('(root)')).toBeNull();
  });

  test.each([
    ['朝阳区、海淀区', ['朝阳区', '海淀区']],
    ['朝阳区, 海淀区,,', ['朝阳区', '海淀区']],
    ['朝阳区;海淀区\n通州区', ['朝阳区', '海淀区', '通州区']],
    ['', []],
  ])('readList(%j)', (text, list) => expect(readList(text)).toEqual(list));

  test('readMonthMap reads "month: n" lines and keeps bad lines for validation', () => {
    expect(readMonthMap('2026-09: 120\n2026-10 = 98\n\n2026-11:1,200')).toEqual({ '2026-09': 120, '2026-10': 98, '2026-11': 1200 });
    expect(readMonthMap('nonsense')).toEqual({ nonsense: NaN });
  });

  test('property: any valid settings survive settings → boxes → settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
        fc.array(fc.string({ minLength: 1 }).filter((s) => !/[,,、;;\n]/.test(s) && s.trim() === s), { maxLength: 4 }),
        (a, b, c, rate, regions) => {
          const s = resolveSettings({ thresholds: { atRiskMonths: a, lostMonths: a + b, goneMonths: a + b + c }, targetChurnRate: rate, localRegions: regions });
          expect(resolveSettings(formToSettings(settingsToForm(s)))).toEqual(s);
        },
      ),
    );
  });
});
