/**
 * All user-facing text, one catalogue per locale (src/i18n/zh-CN/, src/i18n/en-US/), split by area so that
 * each part of the product owns its file. zh-CN is the default; a key missing in en-US falls back to zh-CN.
 *
 * @example t('en-US', 'cli.report.vehicles', { n: 12 }) // 'Vehicles: 12'
 */
import type { Locale } from '../core/settings/settings';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

export type { Locale };
export type Catalogue = Record<string, string>;

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Looks up a message and fills `{name}` placeholders. Unknown keys return the key itself, so a gap is visible. */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const text = CATALOGUES[locale]?.[key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one locale. */
export function translator(locale: Locale): (key: string, params?: Record<string, string | number>) => string {
  return (key, params) => t(locale, key, params);
}

/** Picks the UI locale from Office's display language ('zh-CN', 'zh-TW', 'en-US', …); Chinese first. */
export function localeFromDisplayLanguage(displayLanguage: string | undefined): Locale {
  if (!displayLanguage) return 'zh-CN';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : displayLanguage.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Every key of both catalogues (for the test that en-US covers zh-CN). */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(CATALOGUES[locale]);
}
