/**
 * The full refresh (createOfficeActions().analyse) on a sample-like workbook in the in-memory Excel: the columns
 * and summaries written are the core plan's, cell by cell; without ExcelApi 1.8 the pivots become cross-tabs.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { analyseWorkbook } from '../../src/core/analyse';
import { STATE_SHEET_NAME, type WorkbookPlan } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';

const AS_OF = '2026-10-31';

function sampleWorkbook(vehicles = 300, excelApi?: string): { wb: FakeWorkbook; grids: Record<string, unknown[][]> } {
  const sample = generateSample({ vehicles, seed: 11, asOf: 46326 });
  const grids: Record<string, unknown[][]> = {};
  for (const s of sample.sheets) grids[s.name] = s.grid;
  return { wb: FakeWorkbook.fromGrids(grids, { excelApi }), grids };
}

function actionsFor(wb: FakeWorkbook) {
  return createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
}

function expectedPlan(grids: Record<string, unknown[][]>): WorkbookPlan {
  return analyseWorkbook(Object.entries(grids).map(([name, grid]) => ({ name, grid })), { asOf: { y: 2026, m: 10, d: 31 } });
}

describe('refresh in the in-memory Excel', () => {
  it('writes the core plan: every classification column and every summary table cell', async () => {
    const { wb, grids } = sampleWorkbook(200);
    const summary = await actionsFor(wb).analyse();
    const plan = expectedPlan(grids);
    expect(plan.columnWrites.length).toBeGreaterThan(0);
    let compared = 0;
    for (const w of plan.columnWrites) {
      const sheet = wb.data.sheetByName(w.sheet)!;
      w.columns.forEach((c, j) => {
        expect(sheet.value(w.headerRow, w.startColumn + j)).toBe(c.header);
        c.values.forEach((v, i) => {
          expect(sheet.value(w.firstDataRow + i, w.startColumn + j)).toEqual(v);
          expect(sheet.formula(w.firstDataRow + i, w.startColumn + j)).toBeUndefined();
          compared++;
        });
      });
    }
    expect(summary.sheetsWritten).toEqual(plan.sheets.map((s) => s.name));
    const dump = wb.dump();
    for (const spec of plan.sheets) {
      const sheet = wb.data.sheetByName(spec.name)!;
      expect(sheet.visibility).toBe('Visible');
      for (const table of spec.tables) {
        table.columns.forEach((c, j) => expect(sheet.value(table.row, table.col + j)).toBe(c.header));
        table.rows.forEach((r, i) =>
          table.columns.forEach((c, j) => {
            if (c.rowFormula) expect(sheet.formula(table.row + 1 + i, table.col + j)).toBe('=' + c.rowFormula.replace(/\{r\}/g, String(table.row + 2 + i)));
            else {
              expect(sheet.value(table.row + 1 + i, table.col + j)).toEqual(r[j] ?? '');
              compared++;
            }
          }),
        );
      }
      const dumped = dump.sheets.find((s) => s.name === spec.name)!;
      expect(dumped.tables.map((t) => t.name)).toEqual(spec.tables.map((t) => t.name));
    }
    expect(compared).toBeGreaterThan(1000);
    const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
    expect(wb.data.sheetByName(STATE_SHEET_NAME)!.visibility).toBe('VeryHidden');
    expect(state.ownedSheets).toEqual(Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])));
    expect(summary.report.figures).toEqual(plan.report.figures);
    expect(wb.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(wb.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(wb.sheetNames().filter((n) => n.startsWith('~'))).toEqual([]);
  });

  it('writes native PivotTables with ExcelApi 1.8 and cross-tab tables without it', async () => {
    const modern = sampleWorkbook(120);
    await actionsFor(modern.wb).analyse();
    const plan = expectedPlan(modern.grids);
    const pivotSpecs = plan.sheets.flatMap((s) => (s.pivots ?? []).map((p) => ({ sheet: s.name, p })));
    expect(pivotSpecs.length).toBeGreaterThan(0);
    const pivots = modern.wb.dump().sheets.flatMap((s) => s.pivots);
    expect(pivots.map((p) => p.name)).toEqual(pivotSpecs.map((x) => x.p.name));
    expect(pivots[0].rows).toEqual(pivotSpecs[0].p.rows);

    const old = sampleWorkbook(120, '1.7');
    const summary = await actionsFor(old.wb).analyse();
    expect(old.wb.dump().sheets.flatMap((s) => s.pivots)).toEqual([]);
    for (const { sheet, p } of pivotSpecs) {
      const s = old.wb.data.sheetByName(sheet)!;
      expect(s.value(p.row, p.col)).toBe('交叉汇总(此版本 Excel 不支持数据透视表)');
      expect(s.value(p.row + 1, p.col)).toBe(p.rows[0]);
    }
    expect(summary.report.warnings.join()).toContain('数据透视表');
    // No validations or page layout on 1.7 either, and nothing failed.
    expect(old.wb.dump().sheets.flatMap((s) => s.validations)).toEqual([]);
  });
});
