/**
 * The browser test harness page: an in-memory Excel holding the sample dealer workbook, the `Office` and
 * `Excel` globals installed over it, and the real task pane entry (src/taskpane/index.tsx) started on top. The test reads the workbook
 * back through `window.__churnDesk`.
 *
 * URL: ?lang=zh-CN|en-US (Office.context.displayLanguage) &view=home|forms|settings (as the ribbon opens it)
 * &vehicles=N (size of the sample's customer base, default 40) &drop=header,… (columns removed from the customers)
 * &empty=1 (a workbook without any usable sheet).
 */
import { FakeWorkbook } from '../../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../../src/core/plan/types';
import { emptyState, stateToGrid } from '../../../src/core/state/stateSheet';
import { buildSampleWorkbook, SAMPLE_SETTINGS } from './sampleWorkbook';

declare global {
  interface Window {
    __churnDesk?: { workbook: FakeWorkbook; ready: boolean };
  }
}

const params = new URLSearchParams(location.search);
// ?vehicles=N makes a bigger workbook (the cancel test needs a run that lasts long enough to be cancelled).
const sample = buildSampleWorkbook(Number(params.get('vehicles') ?? '') || undefined);
// ?drop=header,header removes those columns from the customer sheet (to show missing required fields).
const drop = new Set((params.get('drop') ?? '').split(',').filter(Boolean));
if (drop.size > 0) {
  const customers = sample.grids['保有客户'];
  const header = customers[2];
  const keep = header.map((h, c) => (drop.has(String(h)) ? -1 : c)).filter((c) => c >= 0);
  sample.grids['保有客户'] = customers.map((row) => (row.length ? keep.map((c) => row[c] ?? '') : row));
}
// ?empty=1: a workbook with nothing ChurnDesk can use (to show how an analysis error reads).
const grids: Record<string, unknown[][]> = params.get('empty') ? { Sheet1: [['备忘'], ['下周一开会']] } : sample.grids;
const workbook = FakeWorkbook.fromGrids({
  ...grids,
  [STATE_SHEET_NAME]: stateToGrid({ ...emptyState(), settings: SAMPLE_SETTINGS }),
});
const stateSheet = workbook.data.sheetByName(STATE_SHEET_NAME);
if (stateSheet) stateSheet.visibility = 'VeryHidden';
workbook.installGlobals(window as unknown as Record<string, unknown>, params.get('lang') ?? 'zh-CN');
window.__churnDesk = { workbook, ready: false };

// The real entry (src/taskpane/index.tsx), loaded only now that the fake Office and Excel globals exist: it
// builds createOfficeActions over Excel.run and starts the real worker (worker.js), exactly as in Excel.
void import('../../../src/taskpane/index').then(() => {
  if (window.__churnDesk) window.__churnDesk.ready = true;
});
