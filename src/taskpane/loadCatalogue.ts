/**
 * The pane's catalogue of its locale, before it renders. zh-CN (the default) is in the first load; en-US is a chunk of
 * its own (i18n-en-US, ~17 KiB gzipped), fetched only for users whose Office speaks English, so the zh-CN majority
 * does not load it (issue 13: the first load within 200 KiB). Outside the pane's bundle both are present already.
 */
import { addCatalogue, hasCatalogue, setCatalogueLoader, type Locale } from '../i18n';

/**
 * Resolves once `locale`'s texts are installed. A chunk that cannot be fetched rejects: the caller renders anyway,
 * in zh-CN (t falls back to it), rather than not at all.
 * @example await loadCatalogue('en-US'); t('en-US', 'ui.home.refresh') // 'Refresh analysis'
 */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return;
  // The path is not `./en-US` from src/i18n, so the pane build's replacement of the static import leaves it alone.
  const { enUS } = await import(/* webpackChunkName: "i18n-en-US" */ '../i18n/en-US/index');
  addCatalogue('en-US', enUS);
}

// The Office adapter writes sheets in the workbook's report language, which may differ from the pane's: it asks for
// that catalogue through src/i18n (ensureCatalogue) before writing.
setCatalogueLoader(loadCatalogue);
