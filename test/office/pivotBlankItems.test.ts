/**
 * Native PivotTables hide the (空白) item of blank source cells (issue 12.1: "They never show a row or column that is
 * all zero"). After the pivots are created, each row and column field whose source column holds a blank cell has its
 * items loaded (RowColumnPivotHierarchy.fields → PivotField.items → PivotItem.name, ExcelApi 1.8) and the one item
 * that is no text of the column is set PivotItem.visible = false (ExcelApi 1.8; excel-web-16.00.debug.js defines the
 * setter as `_invokeSetProperty(this, "Visible", …)`). A failure of that step leaves the pivots and is one note.
 * In the in-memory Excel with the real core.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { pivotItemName } from '../support/fakeExcel/model';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { customerGrid } from './support';

const SHEET = '保有客户';
const PLACE = 7; // 所在地

/** 30 customers, every fifth without a 所在地. */
function grid(): unknown[][] {
  return customerGrid(30).map((r, i) => (i >= 3 && i % 5 === 0 ? r.map((v, c) => (c === PLACE ? '' : v)) : [...r]));
}

async function refreshed(excelApi: string, failOnSync?: (syncs: number) => number | null) {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: grid() }, { excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  if (failOnSync) wb.failOnSync = failOnSync(0);
  const summary = await actions.analyse();
  const pivots = wb.sheetNames().flatMap((n) => wb.data.sheetByName(n)!.pivots);
  return { wb, summary, pivots };
}

describe.each(['1.12', '1.8'])('ExcelApi %s', (api) => {
  it('the pivot over 所在地 hides its blank item, and only that item; pivots over columns without blanks hide nothing', async () => {
    const { pivots, summary } = await refreshed(api);
    const byPlace = pivots.filter((p) => p.rows.includes('所在地') || p.columns.includes('所在地'));
    expect(byPlace.length).toBeGreaterThanOrEqual(1);
    for (const p of byPlace) expect(p.hiddenItems?.['所在地']).toEqual([pivotItemName('')]);
    for (const p of pivots) {
      for (const [field, hidden] of Object.entries(p.hiddenItems ?? {})) {
        expect([field, hidden]).toEqual(['所在地', [pivotItemName('')]]);
      }
    }
    expect((summary.report.warningMessages ?? []).map((m) => m.key)).not.toContain('office.note.pivotBlankFailed');
  });
});

test('without blank source cells no item is hidden', async () => {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(30) }, { excelApi: '1.12' });
  await createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' }).analyse();
  const pivots = wb.sheetNames().flatMap((n) => wb.data.sheetByName(n)!.pivots);
  expect(pivots.length).toBeGreaterThanOrEqual(1);
  for (const p of pivots) expect(p.hiddenItems?.['所在地'] ?? []).toEqual([]);
});

test('a failure of the hiding step (its load or its set): the pivots stay, their blank item shown, and one note says so', async () => {
  const clean = await refreshed('1.12');
  const total = clean.wb.stats.syncs;
  // Each of the last syncs of a clean refresh failed in turn: the hiding step's two are among them.
  let noted = 0;
  for (let k = total; k > total - 8; k--) {
    const run = await refreshed('1.12', () => k).catch(() => null);
    // A failure of a required sync (or of Excel.run's own last one) is the all-or-nothing test's business.
    if (!run) continue;
    const { pivots, summary } = run;
    if (!(summary.report.warningMessages ?? []).some((m) => m.key === 'office.note.pivotBlankFailed')) continue;
    noted++;
    expect(pivots.length).toBe(clean.pivots.length);
    for (const p of pivots) expect(p.hiddenItems ?? {}).toEqual({});
  }
  expect(noted).toBe(2);
});
