/**
 * The pane's locale, shared through React context so every component translates with the same catalogue.
 *
 * @example
 *   const t = useT();
 *   t('ui.home.refresh') // '刷新分析' in zh-CN
 */
import * as React from 'react';
import { translator, type Locale } from '../i18n';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

interface LocaleValue {
  locale: Locale;
  t: Translate;
}

const LocaleContext = React.createContext<LocaleValue>({ locale: 'zh-CN', t: translator('zh-CN') });

export function LocaleProvider(props: { locale: Locale; children: React.ReactNode }): React.ReactElement {
  const value = React.useMemo(() => ({ locale: props.locale, t: translator(props.locale) }), [props.locale]);
  return <LocaleContext.Provider value={value}>{props.children}</LocaleContext.Provider>;
}

/** The translator of the pane's locale. */
export function useT(): Translate {
  return React.useContext(LocaleContext).t;
}

export function useLocale(): Locale {
  return React.useContext(LocaleContext).locale;
}

/**
 * Translates a key that may come from another part (a progress step, an error key) and falls back to
 * `fallbackKey` when the catalogue does not know it, so a raw key never reaches the user.
 */
export function translateOr(t: Translate, key: string | undefined, fallbackKey: string, params?: Record<string, string | number>): string {
  if (key) {
    const text = t(key, params);
    if (text !== key) return text;
  }
  return t(fallbackKey, params);
}
