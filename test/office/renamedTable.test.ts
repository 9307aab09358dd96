/**
 * Issue 14.1 on the Office side: a product table the user renamed in Excel (Table Design > Table Name) keeps the
 * user's name on every refresh. readExistingNames reads each table's first row, and the core follows the table on
 * the sheet it replaces by its header row; the plan's name does not come back beside it, and every table name stays
 * unique across the workbook.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';

test('in Excel: a renamed product table keeps the user\'s name, refresh after refresh, the other tables theirs', async () => {
  const sample = generateSample({ vehicles: 80, seed: 11, asOf: 46326 });
  const grids: Record<string, unknown[][]> = {};
  for (const s of sample.sheets) grids[s.name] = s.grid;
  const wb = FakeWorkbook.fromGrids(grids);
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  await actions.analyse();
  const tables = () => wb.dump().sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name, address: t.address, headers: t.headers })));
  const first = tables();
  const target = first.find((t) => t.name.startsWith('CD_summary_'))!;
  expect(target).toBeDefined();
  wb.data.tables.find((t) => t.name === target.name)!.name = '我的状态表';

  for (let run = 0; run < 2; run++) {
    await actions.analyse();
    const now = tables();
    expect(now).toEqual(first.map((t) => (t.name === target.name ? { ...t, name: '我的状态表' } : t)));
    expect(new Set(now.map((t) => t.name.toLowerCase())).size).toBe(now.length);
  }
});
