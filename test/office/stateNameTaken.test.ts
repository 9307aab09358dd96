/**
 * A user's sheet that happens to be named ChurnDesk_State is the user's data: no action overwrites it. The refresh
 * and the settings stop, naming it; the sheet is as it was. A damaged state of the product's own (its marker in A1)
 * is still replaced.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { assertStateSheetIsOurs } from '../../src/core/state/stateSheet';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { t } from '../../src/i18n';
import { customerGrid } from './support';

test.each([
  [[['这是用户自己的表']], true],
  [[['ChurnDesk state v1'], ['{not json']], false],
  [[['', ''], ['', '']], false],
  [[], false],
])('assertStateSheetIsOurs(%j) refuses: %s', (grid, refuses) => {
  const call = () => assertStateSheetIsOurs(grid as never, STATE_SHEET_NAME);
  if (refuses) expect(call).toThrow('input.error.stateNameTaken');
  else expect(call).not.toThrow();
});

test('in Excel: the refresh and saving a setting stop, naming the sheet; the user sheet is unchanged', async () => {
  const wb = FakeWorkbook.fromGrids({ 保有客户: customerGrid(30), [STATE_SHEET_NAME]: [['这是用户自己的表', '别删']] as never });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  const before = wb.sheetNames();
  for (const attempt of [() => actions.analyse(), () => actions.saveSettings({ dealerName: 'x' })]) {
    const e = (await attempt().catch((x: unknown) => x)) as { key?: string; messageKey?: string; params?: Record<string, string> };
    const key = e.messageKey ?? e.key ?? '';
    expect(t('zh-CN', key, e.params)).toContain(STATE_SHEET_NAME);
  }
  expect(wb.sheetNames()).toEqual(before);
  expect(wb.grid(STATE_SHEET_NAME)).toEqual([['这是用户自己的表', '别删']]);
});
