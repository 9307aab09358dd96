/**
 * The task pane: one FluentProvider, a tab list of the five views, and an aria-live announcer.
 * Every Excel operation goes through `actions`; nothing here calls Excel.run.
 */
import * as React from 'react';
import {
  AriaLiveAnnouncer,
  FluentProvider,
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
import { MappingView } from './views/MappingView';
import { SettingsView } from './views/SettingsView';
import { FormsView } from './views/FormsView';
import { ShareView } from './views/ShareView';
import type { FormCatalogueEntry } from './formCatalogue';

export interface AppProps {
  actions: ChurnDeskActions;
  locale: Locale;
  initialView?: ViewId;
  /** The form pack's list (src/core/forms/catalogue.ts). */
  forms: readonly FormCatalogueEntry[];
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
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={view}
        onTabSelect={(_e, data) => setView(data.value as ViewId)}
        aria-label={t('ui.nav.label')}
      >
        {VIEWS.map((v) => (
          <Tab key={v} value={v} data-testid={`tab-${v}`}>
            {t(`ui.nav.${v}`)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.main} aria-label={t(`ui.nav.${view}`)}>
        {view === 'home' && <HomeView actions={props.actions} onOpenMapping={() => setView('mapping')} />}
        {view === 'mapping' && <MappingView actions={props.actions} />}
        {view === 'settings' && <SettingsView actions={props.actions} />}
        {view === 'forms' && <FormsView actions={props.actions} forms={props.forms} />}
        {view === 'share' && <ShareView actions={props.actions} />}
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
