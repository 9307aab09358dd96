/**
 * The forms gallery's period choice (全部数据 / 指定月份 + a YYYY-MM field) as the period generateForms receives,
 * or the message to show under the month field. Pure, so the pane's rule is tested without rendering.
 */
import { parseFormPeriod, type FormPeriod } from '../core/forms/period';

export type PeriodMode = 'all' | 'month';

/** A period to pass on, or the i18n key and params of why the month cannot be used (nothing typed yet: no key). */
export type PeriodChoice = { ok: true; period: FormPeriod } | { ok: false; error?: { key: string; params: Record<string, string> } };

/**
 * @example periodChoice('all', '') // { ok: true, period: 'all' }
 * @example periodChoice('month', '2026-10') // { ok: true, period: '2026-10' }
 * @example periodChoice('month', '2026-13') // { ok: false, error: { key: 'forms.period.badMonth', params: { value: '2026-13' } } }
 */
export function periodChoice(mode: PeriodMode, monthText: string): PeriodChoice {
  if (mode === 'all') return { ok: true, period: 'all' };
  if (monthText.trim() === '') return { ok: false };
  const period = parseFormPeriod(monthText);
  // 'all' typed into the month field is not a month.
  if (!period || period === 'all') return { ok: false, error: { key: 'forms.period.badMonth', params: { value: monthText.trim() } } };
  return { ok: true, period };
}
