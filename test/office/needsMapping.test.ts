/**
 * Never silent, in Excel too: when a field the figures depend on is missing or unsure, the add-in's refresh stops
 * before writing anything (as `churn-desk analyze` does), naming the field and its candidate columns; the user's
 * mapping, or "this sheet has no such column" saved from 列映射, lets the next refresh go on.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { NeedsMappingError } from '../../src/office/errors';
import { createInlineRunner } from '../../src/worker/runner';
import { t } from '../../src/i18n';

const SHEET = '保有客户';

/** A base whose only visit column has a header nobody could read (栏位X), and no purchase date to order it against. */
function unsureBase(): unknown[][] {
  const rows: unknown[][] = [['车主称呼', '车架号', '号牌', '栏位X', '表显公里', '地区']];
  for (let i = 0; i < 12; i++) rows.push([`客户${i}`, `LSVAB12345678${String(9000 + i)}`, `陕A${10000 + i}`, 45000 + i * 37, 30000 + i * 1000, '西安']);
  return rows;
}

function setup() {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: unsureBase() as never });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  return { wb, actions };
}

test('a last visit that cannot be placed stops the refresh: nothing written, the field and the candidate named', async () => {
  const { wb, actions } = setup();
  const before = wb.grid(SHEET);
  const error = await actions.analyse().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NeedsMappingError);
  const e = error as NeedsMappingError;
  expect(e.code).toBe('needsMapping');
  expect(e.needs.map((n) => [n.sheet, n.field])).toContainEqual([SHEET, 'lastVisitDate']);
  const message = t('zh-CN', e.messageKey, e.params);
  expect(message).toContain('最后进站日期');
  expect(message).toContain('栏位X');
  expect(message).not.toMatch(/[{}]/);
  // Nothing was written: the same single sheet, the same cells, no state.
  expect(wb.sheetNames()).toEqual([SHEET]);
  expect(wb.grid(SHEET)).toEqual(before);
});

test('mapping the column, and accepting the purchase date as missing, lets the next refresh run', async () => {
  const { wb, actions } = setup();
  await actions.saveMapping(SHEET, { lastVisitDate: '栏位X' }, ['purchaseDate']);
  const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
  expect(state.acceptedMissing).toEqual({ [SHEET]: ['purchaseDate'] });
  const result = await actions.analyse();
  expect(result.report.figures.vehicles).toBe(12);
  expect(result.report.detection?.needsMapping ?? []).toEqual([]);
  // The accepted gap is kept by the refresh, and a field mapped later is no longer listed as accepted.
  expect(stateFromGrid(wb.grid(STATE_SHEET_NAME))!.acceptedMissing).toEqual({ [SHEET]: ['purchaseDate'] });
  await actions.saveMapping(SHEET, { lastVisitDate: '栏位X', purchaseDate: '表显公里' }, []);
  expect(stateFromGrid(wb.grid(STATE_SHEET_NAME))!.acceptedMissing).toEqual({});
});
