/** Refreshing a sample-like workbook again in the in-memory Excel gives the same workbook (no duplicates). */
import { FakeWorkbook, type SheetDump } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
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

/** The dump, with the state sheet parsed (its JSON is compared as data). */
function stableDump(wb: FakeWorkbook): { sheets: SheetDump[]; state: unknown } {
  const d = wb.dump();
  const stateSheet = d.sheets.find((s) => s.name === STATE_SHEET_NAME);
  const state = stateSheet ? stateFromGrid(stateSheet.values) : null;
  return { sheets: d.sheets.filter((s) => s.name !== STATE_SHEET_NAME), state };
}

describe('refresh twice', () => {
  it('refreshing again gives the identical workbook', async () => {
    // 跟踪失败 compares with the previous calendar month, so a second refresh in the same month changes nothing.
    const { wb } = sampleWorkbook(120);
    const actions = actionsFor(wb);
    await actions.analyse();
    const first = stableDump(wb);
    await actions.analyse();
    expect(stableDump(wb)).toEqual(first);
    await actions.analyse();
    expect(stableDump(wb)).toEqual(first);
    expect(wb.sheetNames().filter((n) => / \(\d\)$/.test(n))).toEqual([]);
  });

});
