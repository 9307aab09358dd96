/**
 * Renders the pane into a DOM element. Shared by the real entry (index.tsx, over Office.js actions) and the
 * browser test harness (test/ui/harness/, over the in-memory Excel), so both run exactly the same UI.
 *
 * @example mountPane(document.getElementById('root')!, actions, { displayLanguage: 'zh-CN', search: '?view=forms' })
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ChurnDeskActions } from '../office/actions';
import { localeFromDisplayLanguage } from '../i18n';
import { App } from './App';
import { viewFromQuery } from './views';

export interface MountOptions {
  /** Office.context.displayLanguage ('zh-CN', 'en-US', …). */
  displayLanguage?: string;
  /** location.search, for the ribbon's ?view=home|forms|settings. */
  search?: string;
}

export function mountPane(container: HTMLElement, actions: ChurnDeskActions, options: MountOptions = {}): Root {
  const locale = localeFromDisplayLanguage(options.displayLanguage);
  document.documentElement.lang = locale;
  const root = createRoot(container);
  root.render(
    <React.StrictMode>
      <App actions={actions} locale={locale} initialView={viewFromQuery(options.search ?? '')} />
    </React.StrictMode>,
  );
  return root;
}
