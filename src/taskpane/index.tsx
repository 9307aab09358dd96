/**
 * The task pane's entry: waits for Office, builds the actions over Office.js (the core runs in a Web Worker,
 * dist/worker.js, so a million rows never freeze Excel; only the detection of the sheets' heads runs here, see
 * src/worker/paneRunner.ts), and mounts the pane in the user's display language on the view the ribbon asked for
 * (?view=home|forms|settings). An en-US pane first fetches its catalogue's chunk (loadCatalogue.ts), so it never
 * paints in the wrong language; a zh-CN pane has its texts in the entry and renders at once.
 */
import { createOfficeActions } from '../office/createOfficeActions';
import { officeHost, officeReady } from '../office/host';
import { createPaneRunner, loadDetect } from '../worker/paneRunner';
import { mountPane } from './mountPane';
import { loadCatalogue } from './loadCatalogue';
import { localeFromDisplayLanguage } from '../i18n';

/** The worker bundle sits beside taskpane.html (webpack entry 'worker'). */
const WORKER_URL = 'worker.js';

void officeReady().then(async ({ displayLanguage }) => {
  // A chunk that cannot be fetched still lets the pane render (in zh-CN, the fallback of every key).
  await loadCatalogue(localeFromDisplayLanguage(displayLanguage)).catch(() => undefined);
  const root = document.getElementById('root');
  if (!root) return;
  const actions = createOfficeActions({ host: officeHost(), runner: createPaneRunner(() => new Worker(WORKER_URL)) });
  mountPane(root, actions, { displayLanguage, search: window.location.search });
  // The home view's first call is the detection: fetch its chunk while the first Excel round trips are under way,
  // but only once the first frame is painted (a chunk that arrives earlier would be evaluated before the render).
  requestAnimationFrame(() => setTimeout(() => void loadDetect().catch(() => undefined), 0));
});
