/**
 * All user-facing text, one catalogue per locale (src/i18n/zh-CN/, src/i18n/en-US/), split by area so that
 * each part of the product owns its file. zh-CN is the default; a key missing in en-US falls back to zh-CN.
 *
 * The task pane's bundle leaves en-US out of its first load (webpack.config.js replaces `./en-US` here with a module
 * exporting nothing): the pane fetches it as a chunk for en-US users only and hands it over with `addCatalogue`
 * before it renders (src/taskpane/loadCatalogue.ts). Every other host (CLI, ribbon, worker) has both from the start.
 *
 * @example t('en-US', 'cli.report.vehicles', { n: 12 }) // 'Vehicles: 12'
 */
import type { Locale } from '../core/settings/settings';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

export type { Locale };
export type Catalogue = Record<string, string>;

// enUS is undefined in the pane's first load (see above) until addCatalogue('en-US', …).
const CATALOGUES: Partial<Record<Locale, Catalogue>> = { 'zh-CN': zhCN, 'en-US': enUS as Catalogue | undefined };

/** True when the locale's texts are at hand (always, except en-US in the pane before its chunk arrived). */
export function hasCatalogue(locale: Locale): boolean {
  return CATALOGUES[locale] !== undefined;
}

/** Installs a catalogue loaded later (the pane's en-US chunk). */
export function addCatalogue(locale: Locale, catalogue: Catalogue): void {
  CATALOGUES[locale] = catalogue;
}

let loader: ((locale: Locale) => Promise<void>) | undefined;

/** How a missing catalogue is fetched (the pane registers its chunk loader; nothing else needs one). */
export function setCatalogueLoader(load: (locale: Locale) => Promise<void>): void {
  loader = load;
}

/**
 * Resolves once `locale`'s texts are at hand: at once where both catalogues are bundled; in the pane, after the
 * chunk arrives. Called before text in a locale other than the pane's is written (the workbook's report language
 * is a setting of its own). A failed fetch resolves too: the texts fall back to zh-CN rather than stop a refresh.
 */
export async function ensureCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale) || !loader) return;
  await loader(locale).catch(() => undefined);
}

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
  return Object.keys(CATALOGUES[locale] ?? {});
}
