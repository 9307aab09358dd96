/** 生成表格 through the Office actions with the real forms core: sheets appear, a second run replaces them. */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { FORM_CATALOGUE } from '../../src/core/forms/catalogue';
import { buildSampleWorkbook } from '../ui/harness/sampleWorkbook';

describe('generateForms', () => {
  it('writes blank forms as sheets, records them, and replaces them on the next run', async () => {
    const wb = FakeWorkbook.fromGrids({ 备忘: [['下周一开会']] });
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
    const ids = FORM_CATALOGUE.slice(0, 3).map((f) => f.id);
    const first = await actions.generateForms(ids, false);
    expect(first.sheets).toHaveLength(3);
    for (const name of first.sheets) expect(wb.data.sheetByName(name)!.visibility).toBe('Visible');
    const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
    expect(Object.values(state.ownedSheets).sort()).toEqual([...first.sheets].sort());
    const second = await actions.generateForms(ids, false);
    expect(second.sheets).toEqual(first.sheets);
    expect(wb.sheetNames()).toEqual(['备忘', ...first.sheets, STATE_SHEET_NAME]);
    expect(wb.grid('备忘')).toEqual([['下周一开会']]);
  });

  it.each([
    { period: undefined, label: '2026-10-01 至 2026-10-16', rows: 16 },
    { period: 'all' as const, label: '2026-10-01 至 2026-10-16', rows: 16 },
    { period: '2026-10' as const, label: '2026年10月', rows: 16 },
    { period: '2026-09' as const, label: '2026年9月', rows: 0 },
  ])('passes the period $period through to the filled 展厅来电/店登记表', async ({ period, label, rows }) => {
    const wb = FakeWorkbook.fromGrids(buildSampleWorkbook(20).grids);
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
    const { sheets } = await actions.generateForms(['F01'], true, period ? { period } : {});
    const grid = wb.grid(sheets[0]);
    expect(grid.flat()).toContain(label);
    // Customer names of the sample register end in 先生.
    expect(grid.flat().filter((v) => typeof v === 'string' && v.endsWith('先生'))).toHaveLength(rows);
  });
});
