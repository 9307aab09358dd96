/**
 * The order of the sheets after a second refresh, when forms were generated in between (the pane's session in
 * test/emu/paneFlow.ts): the add-in (src/office/applyPlan.ts) and renderPlan add the new product sheets at the end,
 * after the dealer's sheets and the forms, and then move 目录 (the plan's firstOfProduct sheet) just before the first
 * other sheet ChurnDesk owns. The splice writer (the CLI's one path, src/xlsx/spliceWorkbook.ts) must give the same
 * order, visibility included: it once kept every source sheet first and appended the new ones, so 目录 came after
 * the forms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { buildFormsPlan } from '../../src/core/forms';
import { resolveSettings } from '../../src/core/settings/settings';
import { parseIso } from '../../src/core/values/dates';
import { emptyState } from '../../src/core/state/stateSheet';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { readZipEntries } from '../../src/xlsx/zip';
import { attrOf, partText } from '../../src/xlsx/packageParts';
import { analyseWithEngine, runCli } from '../e2e/runCli';

jest.setTimeout(300_000);

const AS_OF = '2026-10-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-splice-order-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sheets of `file` in workbook order, each with its visibility ('visible' when the tag says nothing). */
function sheetOrder(file: string): string[] {
  const workbook = partText(readZipEntries(fs.readFileSync(file)), 'xl/workbook.xml') ?? '';
  return (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).map((tag) => `${attrOf(tag, 'name')}:${attrOf(tag, 'state') ?? 'visible'}`);
}

/** The sheet-scoped defined names of `file` ('sheet!name'), sorted: each must follow its sheet to its new index. */
function localNames(file: string): string[] {
  const workbook = partText(readZipEntries(fs.readFileSync(file)), 'xl/workbook.xml') ?? '';
  const names = (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).map((tag) => attrOf(tag, 'name'));
  return (workbook.match(/<definedName\b[^>]*>/g) ?? [])
    .filter((dn) => attrOf(dn, 'localSheetId') !== undefined)
    .map((dn) => `${names[Number(attrOf(dn, 'localSheetId'))]}!${attrOf(dn, 'name')}`)
    .sort();
}

/** `file` with forms `ids` generated into it as the pane's 生成表格 does (the plan's state is the workbook's). */
async function withForms(file: string, out: string, ids: string[]): Promise<void> {
  const { workbook, state: read } = await readWorkbook(file);
  const state = read ?? emptyState();
  const sheets = buildFormsPlan({ ids, filled: false, settings: resolveSettings(state.settings), asOf: parseIso(AS_OF)!, existingSheetNames: workbook.worksheets.map((w) => w.name) });
  const plan: WorkbookPlan = { columnWrites: [], sheets, state: { ...state, ownedSheets: { ...state.ownedSheets } }, report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] } };
  renderPlan(workbook, plan, { previousState: state });
  await workbook.xlsx.writeFile(out);
}

test('a second refresh after 生成表格: the splice writer orders the sheets as renderPlan and the add-in do', async () => {
  const input = path.join(dir, 'in.xlsx');
  expect((await runCli(['sample', '--out', input, '--vehicles', '300', '--seed', '5', '--as-of', AS_OF])).code).toBe(0);
  const first = path.join(dir, 'first.xlsx');
  expect((await analyseWithEngine(input, first, 'stream', AS_OF)).code).toBe(0);
  const formed = path.join(dir, 'formed.xlsx');
  await withForms(first, formed, ['F01', 'F12']);
  const forms = sheetOrder(formed).filter((s) => !sheetOrder(first).includes(s));
  expect(forms).toEqual(['展厅来电-店登记表:visible', '交车预约登记表:visible']);

  const bySplice = path.join(dir, 'second-splice.xlsx');
  const byMemory = path.join(dir, 'second-memory.xlsx');
  expect((await analyseWithEngine(formed, bySplice, 'stream', AS_OF)).code).toBe(0);
  expect((await analyseWithEngine(formed, byMemory, 'memory', AS_OF)).code).toBe(0);

  const order = sheetOrder(bySplice);
  expect(order).toEqual(sheetOrder(byMemory));
  expect(localNames(bySplice)).toEqual(localNames(byMemory));
  expect(localNames(bySplice).length).toBeGreaterThan(0);
  // The dealer's four sheets, then 目录 before the forms, then the other new sheets, the state sheet last.
  const contents = order.findIndex((s) => s.startsWith('目录:'));
  expect(order.slice(0, contents)).toEqual(sheetOrder(input));
  expect(contents).toBe(4);
  expect(order.slice(contents + 1, contents + 3)).toEqual(forms);
  expect(order.length).toBeGreaterThan(contents + 4);
  expect(order[order.length - 1]).toBe(`${STATE_SHEET_NAME}:veryHidden`);
  // Refreshing the refreshed workbook again keeps that order.
  const third = path.join(dir, 'third-splice.xlsx');
  expect((await analyseWithEngine(bySplice, third, 'stream', AS_OF)).code).toBe(0);
  expect(sheetOrder(third)).toEqual(order);
});
