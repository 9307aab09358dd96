/**
 * The browser test harness page: an in-memory Excel holding the sample dealer workbook, the `Office` and
 * `Excel` globals installed over it, and the real task pane mounted on top. The test reads the workbook
 * back through `window.__churnDesk`.
 *
 * URL: ?lang=zh-CN|en-US (Office.context.displayLanguage) &view=home|forms|settings (as the ribbon opens it).
 */
import { FakeWorkbook } from '../../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../../src/core/plan/types';
import { emptyState, stateToGrid } from '../../../src/core/state/stateSheet';
import { mountPane } from '../../../src/taskpane/mountPane';
import { buildSampleWorkbook, SAMPLE_SETTINGS } from './sampleWorkbook';
import { createHarnessActions } from './harnessActions';

declare global {
  interface Window {
    __churnDesk?: { workbook: FakeWorkbook; ready: boolean };
  }
}

const params = new URLSearchParams(location.search);
const sample = buildSampleWorkbook();
const workbook = FakeWorkbook.fromGrids({
  ...sample.grids,
  [STATE_SHEET_NAME]: stateToGrid({ ...emptyState(), settings: SAMPLE_SETTINGS }),
});
const stateSheet = workbook.data.sheetByName(STATE_SHEET_NAME);
if (stateSheet) stateSheet.visibility = 'VeryHidden';
workbook.installGlobals(window as unknown as Record<string, unknown>, params.get('lang') ?? 'zh-CN');
window.__churnDesk = { workbook, ready: false };

void Office.onReady().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('harness page has no #root');
  mountPane(root, createHarnessActions(workbook), { displayLanguage: Office.context.displayLanguage, search: location.search });
  if (window.__churnDesk) window.__churnDesk.ready = true;
});
