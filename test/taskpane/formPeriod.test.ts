/** formPeriod.ts: the forms gallery's period choice → the period generateForms receives, or the field's message. */
import { periodChoice } from '../../src/taskpane/formPeriod';
import { t } from '../../src/i18n';

describe('periodChoice', () => {
  it.each([
    ['all', '', { ok: true, period: 'all' }],
    ['all', 'garbage', { ok: true, period: 'all' }],
    ['month', '2026-10', { ok: true, period: '2026-10' }],
    ['month', ' 2026-01 ', { ok: true, period: '2026-01' }],
    ['month', '', { ok: false }],
    ['month', '  ', { ok: false }],
    ['month', '2026-13', { ok: false, error: { key: 'forms.period.badMonth', params: { value: '2026-13' } } }],
    ['month', '2026/10', { ok: false, error: { key: 'forms.period.badMonth', params: { value: '2026/10' } } }],
    ['month', 'all', { ok: false, error: { key: 'forms.period.badMonth', params: { value: 'all' } } }],
  ] as const)('%s + %j → %j', (mode, text, expected) => {
    expect(periodChoice(mode, text)).toEqual(expected);
  });

  it('has the month message in both languages, naming the value', () => {
    const c = periodChoice('month', '10月');
    if (c.ok || !c.error) throw new Error('expected an error');
    expect(t('zh-CN', c.error.key, c.error.params)).toBe('“10月”不是有效月份,请按 YYYY-MM 填写,如 2026-10');
    expect(t('en-US', c.error.key, c.error.params)).toBe('"10月" is not a month: use YYYY-MM, e.g. 2026-10');
  });
});
