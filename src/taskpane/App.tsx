/**
 * The task pane: one FluentProvider, a tab list of the five views, and an aria-live announcer.
 * Every Excel operation goes through `actions`; nothing here calls Excel.run.
 * Only the home view is in the pane's first bundle; the others are loaded on their first visit (lazyViews.tsx).
 */
import * as React from 'react';
import {
  AriaLiveAnnouncer,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { ChurnDeskActions } from '../office/actions';
import type { Locale } from '../i18n';
import { LocaleProvider, useT } from './i18nContext';
import { VIEWS, type ViewId } from './views';
import { HomeView } from './views/HomeView';
import { lazyView, preloadView } from './lazyViews';
import { ResultRegion } from './components/ResultRegion';
import { describeError } from './describeError';
import type { FormCatalogueEntry } from './formCatalogue';
import type { MappingRequest } from './mappingRequest';

export interface AppProps {
  actions: ChurnDeskActions;
  locale: Locale;
  initialView?: ViewId;
  /** The form pack's list; omitted: src/core/forms/catalogue.ts, loaded with the forms view. */
  forms?: readonly FormCatalogueEntry[];
}

/** Shows a view that failed to load (its chunk could not be fetched) in place of the view; the next visit tries again. */
class ViewBoundary extends React.Component<{ children: React.ReactNode; render: (error: unknown) => React.ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('view failed to load') };
  }
  override render(): React.ReactNode {
    return this.state.error ? this.props.render(this.state.error) : this.props.children;
  }
}

/** A tab's view: home at once, the others from their chunk (with a spinner while it loads). */
function View(props: {
  view: ViewId;
  actions: ChurnDeskActions;
  forms?: readonly FormCatalogueEntry[];
  request?: MappingRequest;
  onOpenMapping: (request?: MappingRequest) => void;
}): React.ReactElement {
  const t = useT();
  if (props.view === 'home') return <HomeView actions={props.actions} onOpenMapping={props.onOpenMapping} />;
  const Lazy = lazyView(props.view);
  return (
    <ViewBoundary render={(e) => <ResultRegion outcome={{ intent: 'error', title: t('ui.error.unknown'), message: describeError(e, t) }} />}>
      <React.Suspense fallback={<Spinner size="tiny" label={t('ui.common.loading')} data-testid="view-loading" />}>
        <Lazy actions={props.actions} forms={props.forms} request={props.view === 'mapping' ? props.request : undefined} />
      </React.Suspense>
    </ViewBoundary>
  );
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    flexWrap: 'wrap',
  },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

function Shell(props: Omit<AppProps, 'locale'>): React.ReactElement {
  const t = useT();
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(props.initialView ?? 'home');
  // The refusal that opened 列映射 (a refresh stopped on a column); a tab the user picks opens it plain.
  const [request, setRequest] = React.useState<MappingRequest | undefined>(undefined);
  const openMapping = React.useCallback((r?: MappingRequest) => {
    setRequest(r);
    setView('mapping');
  }, []);
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={view}
        onTabSelect={(_e, data) => {
          setRequest(undefined);
          setView(data.value as ViewId);
        }}
        aria-label={t('ui.nav.label')}
      >
        {VIEWS.map((v) => (
          <Tab key={v} value={v} data-testid={`tab-${v}`} onMouseEnter={() => preloadView(v)} onFocus={() => preloadView(v)}>
            {t(`ui.nav.${v}`)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.main} aria-label={t(`ui.nav.${view}`)}>
        <View key={view} view={view} actions={props.actions} forms={props.forms} request={request} onOpenMapping={openMapping} />
      </main>
    </div>
  );
}

export function App(props: AppProps): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} lang={props.locale}>
      <AriaLiveAnnouncer>
        <LocaleProvider locale={props.locale}>
          <Shell actions={props.actions} initialView={props.initialView} forms={props.forms} />
        </LocaleProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
