/**
 * The state sheet is a claim checked against the workbook, never a licence (issue 11.3, a tampered state). A sheet
 * recorded with a title is the product's only while its A1 shows that title; a sheet recorded without one (an old
 * or hand-edited state) that holds the dealer's data is named in the refusal, instead of "no customer sheet".
 * In the in-memory Excel with the real core; the emulator runs the corpus case ('state claims the customer sheet').
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME, type WorkbookState } from '../../src/core/plan/types';
import { claimedSheetNames } from '../../src/core/state/ownership';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { t } from '../../src/i18n';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { customerGrid } from './support';

const SHEET = '保有客户';

function withState(state: Partial<WorkbookState>): FakeWorkbook {
  const json = JSON.stringify({ version: 1, settings: {}, mappings: {}, ownedSheets: {}, ownedColumns: {}, ...state });
  return FakeWorkbook.fromGrids({ [SHEET]: customerGrid(30), [STATE_SHEET_NAME]: [['ChurnDesk state v1'], [json]] as never });
}

async function refresh(wb: FakeWorkbook) {
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  return actions.analyse().catch((e: unknown) => e as { messageKey?: string; key?: string; params?: Record<string, string | number> });
}

test('claimedSheetNames: a titled claim holds while A1 shows the title; an untitled one is kept and listed', () => {
  const state = { version: 1, settings: {}, mappings: {}, ownedColumns: {}, ownedSheets: { 'summary.overview': SHEET, 'summary.region': '地区分析', 'list.winback': '招揽名单' }, ownedSheetTitles: { 'summary.overview': '售后流失总览', 'summary.region': '分地区流失分析' } } as WorkbookState;
  const a1 = new Map<string, unknown>([[SHEET, '客户姓名'], ['地区分析', '分地区流失分析'], ['招揽名单', '流失客户招揽名单']]);
  expect(claimedSheetNames(state, a1)).toEqual({ names: ['地区分析', '招揽名单'], untitledClaims: [{ key: 'list.winback', sheet: '招揽名单' }] });
  // A recorded sheet that was not read is kept (the refresh reads only the sheets it needs).
  expect(claimedSheetNames(state, new Map()).names).toEqual([SHEET, '地区分析', '招揽名单']);
});

test.each([
  ['a summary key', { overview: SHEET, 'list.winback': '回访记录' }],
  ['the win-back list key', { 'list.winback': SHEET }],
])('an untitled claim on the customer sheet (%s): the refusal names the sheet and the state sheet; nothing changes', async (_label, ownedSheets) => {
  const wb = withState({ ownedSheets });
  const before = { names: wb.sheetNames(), customers: wb.grid(SHEET), state: wb.grid(STATE_SHEET_NAME) };
  const e = (await refresh(wb)) as { messageKey?: string; key?: string; params?: Record<string, string | number> };
  const key = e.messageKey ?? e.key ?? '';
  expect(key).toBe('input.error.stateClaimsDataSheet');
  const message = t('zh-CN', key, e.params);
  expect(message).toContain(`“${SHEET}”`);
  expect(message).toContain(STATE_SHEET_NAME);
  expect(message).not.toContain(t('zh-CN', 'aftersales.error.nothingFound'));
  expect(t('en-US', key, e.params)).toContain(`"${SHEET}"`);
  expect({ names: wb.sheetNames(), customers: wb.grid(SHEET), state: wb.grid(STATE_SHEET_NAME) }).toEqual(before);
});

test('a titled claim whose A1 is not the title: the sheet is the user’s, read and left as it was; the new state does not claim it', async () => {
  const wb = withState({ ownedSheets: { 'summary.overview': SHEET }, ownedSheetTitles: { 'summary.overview': '保有客户流失概览' } });
  const input = wb.grid(SHEET);
  const result = await refresh(wb);
  expect(result).not.toHaveProperty('messageKey');
  // Every cell of the customer sheet is still there (the product's columns go to the right of the data).
  const after = wb.grid(SHEET);
  input.forEach((row, r) => row.forEach((v, c) => expect([r, c, after[r][c]]).toEqual([r, c, v])));
  expect(after[2].length).toBeGreaterThan(input[2].length);
  const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
  expect(state.ownedSheets['summary.overview']).not.toBe(SHEET);
  expect(wb.sheetNames()).toContain(state.ownedSheets['summary.overview']);
  expect(Object.values(state.ownedSheets)).not.toContain(SHEET);
});
