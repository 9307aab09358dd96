/**
 * The add-in's output never carries the file version's note (issue 12.1): under a real PivotTable there is no
 * "在 Excel 中此处为数据透视表;文件版本写为普通表格" nor "此文件中以交叉表呈现"; only an Excel without PivotTables
 * (ExcelApi < 1.8) gets a cross-tab, labelled as the add-in's fallback, in natural order without all-zero columns.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { analyseWorkbook } from '../../src/core/analyse';
import type { PivotSpec, SheetSpec } from '../../src/core/plan/types';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { STATUSES } from '../../src/core/aftersales/labels';
import { t } from '../../src/i18n';
import { AS_OF, calls, customers } from '../core/aftersales/fixtures/smallWorkbook';
import { PROSPECTS_WIDE } from '../core/sales/fixtures';

const SOURCES = [customers, calls, PROSPECTS_WIDE];
const plan = analyseWorkbook(SOURCES, { asOf: AS_OF });
const withPivots = plan.sheets.filter((s): s is SheetSpec & { pivots: PivotSpec[] } => (s.pivots?.length ?? 0) > 0);
/** Texts that belong to the file version only (the catalogue no longer has a summary note saying so). */
const FILE_NOTES = [t('zh-CN', 'cli.pivotNote'), '在 Excel 中此处为数据透视表', '文件版本', '此文件中'];

async function refresh(excelApi: string) {
  const wb = FakeWorkbook.fromGrids(Object.fromEntries(SOURCES.map((s) => [s.name, s.grid as unknown[][]])), { excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  await actions.analyse();
  return wb;
}

const texts = (wb: FakeWorkbook, sheet: string) => wb.grid(sheet).flat().filter((v): v is string => typeof v === 'string');

describe('pivot notes in the add-in', () => {
  it('the plan has the after-sales pivots and the 意向级别 pivot', () => {
    expect(withPivots.map((s) => s.key).sort()).toEqual(['sales.levels', 'summary.age', 'summary.model', 'summary.region']);
  });

  it('ExcelApi 1.12: real PivotTables, and no file-version note anywhere on their sheets', async () => {
    const wb = await refresh('1.12');
    expect(wb.dump().sheets.flatMap((s) => s.pivots).map((p) => p.name).sort()).toEqual(withPivots.map((s) => s.pivots[0].name).sort());
    for (const s of withPivots) {
      for (const text of texts(wb, s.name)) for (const note of FILE_NOTES) expect(text).not.toContain(note);
    }
  });

  it('ExcelApi 1.7: the cross-tab instead, labelled as the add-in fallback (not the file note), statuses in order', async () => {
    const wb = await refresh('1.7');
    expect(wb.dump().sheets.flatMap((s) => s.pivots)).toEqual([]);
    const region = withPivots.find((s) => s.key === 'summary.region')!;
    const spec = region.pivots[0];
    const grid = wb.grid(region.name);
    expect(grid[spec.row][spec.col]).toBe(t('zh-CN', 'office.pivotFallbackNote'));
    for (const text of texts(wb, region.name)) for (const note of FILE_NOTES) expect(text).not.toContain(note);
    const header = grid[spec.row + 1].slice(spec.col).filter((v) => v !== '');
    const statuses = header.slice(1, -1) as string[];
    expect(statuses).toEqual(STATUSES.filter((s) => statuses.includes(s)));
    expect(header[header.length - 1]).toBe('总计');
  });
});
