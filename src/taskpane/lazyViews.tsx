/**
 * The views behind the tabs, loaded when first needed (webpack chunks view-mapping, view-settings, view-forms,
 * view-share): the home view is the only one the pane paints on opening, so the Fluent inputs, accordions and
 * checkboxes, the settings schema and the form catalogue are fetched on the first visit of their tab — or a
 * moment earlier, when the pointer or the keyboard focus reaches the tab (`preloadView`).
 */
import * as React from 'react';
import type { ChurnDeskActions } from '../office/actions';
import type { FormCatalogueEntry } from './formCatalogue';
import type { ViewId } from './views';
import type { MappingRequest } from './mappingRequest';

export interface LazyViewProps {
  actions: ChurnDeskActions;
  /** The forms view's catalogue; omitted: the pack's own list (src/core/forms/catalogue.ts), loaded with the view. */
  forms?: readonly FormCatalogueEntry[];
  /** The mapping view only: the refusal that opened it (the sheet and field to show, and the message). */
  request?: MappingRequest;
}

export type LazyViewId = Exclude<ViewId, 'home'>;

type ViewModule = { default: React.ComponentType<LazyViewProps> };

const LOADERS: Record<LazyViewId, () => Promise<ViewModule>> = {
  mapping: () => import(/* webpackChunkName: "view-mapping" */ './views/MappingView').then((m) => ({ default: m.MappingView })),
  settings: () => import(/* webpackChunkName: "view-settings" */ './views/SettingsView').then((m) => ({ default: m.SettingsView })),
  forms: () =>
    Promise.all([
      import(/* webpackChunkName: "view-forms" */ './views/FormsView'),
      import(/* webpackChunkName: "view-forms" */ '../core/forms/catalogue'),
    ]).then(([view, catalogue]) => ({
      default: function Forms(props: LazyViewProps) {
        return <view.FormsView actions={props.actions} forms={props.forms ?? catalogue.FORM_CATALOGUE} />;
      },
    })),
  share: () => import(/* webpackChunkName: "view-share" */ './views/ShareView').then((m) => ({ default: m.ShareView })),
};

const loading = new Map<LazyViewId, Promise<ViewModule>>();
const components = new Map<LazyViewId, React.LazyExoticComponent<React.ComponentType<LazyViewProps>>>();

function load(view: LazyViewId): Promise<ViewModule> {
  let p = loading.get(view);
  if (!p) {
    p = LOADERS[view]().catch((e: unknown) => {
      // A failed fetch (network) is tried again on the next visit: forget the promise and the lazy component.
      loading.delete(view);
      components.delete(view);
      throw e;
    });
    loading.set(view, p);
  }
  return p;
}

/** Starts fetching a view's chunk (tab hover / focus); harmless when it is loaded already. */
export function preloadView(view: ViewId): void {
  if (view !== 'home') void load(view).catch(() => undefined);
}

/** The view's component, to render inside <Suspense>. */
export function lazyView(view: LazyViewId): React.LazyExoticComponent<React.ComponentType<LazyViewProps>> {
  let c = components.get(view);
  if (!c) {
    c = React.lazy(() => load(view));
    components.set(view, c);
  }
  return c;
}
