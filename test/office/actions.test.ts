/**
 * Settings and mappings round-trip through the very hidden state sheet (any add-in ID reads them), the share-safe
 * copy masks names and phones without touching the originals, previews and forms go through the same actions.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateFromGrid } from '../../src/core/state/stateSheet';
import { SettingsValidationError } from '../../src/core/settings/settings';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { customerGrid, planFor, stubRunner } from './support';

const SHEET = '保有客户';

function setup(excelApi?: string) {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(30) }, { excelApi });
  const actions = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, 30)) });
  return { wb, actions };
}

describe('settings in the workbook', () => {
  it('round-trips through the very hidden state sheet and is read by another add-in instance', async () => {
    const { wb, actions } = setup();
    expect((await actions.loadSettings()).thresholds).toEqual({ atRiskMonths: 6, lostMonths: 12, goneMonths: 24 });
    const saved = await actions.saveSettings({ dealerName: '江城奇瑞4S店', thresholds: { atRiskMonths: 3 }, localRegions: ['武汉'] });
    expect(saved.thresholds).toEqual({ atRiskMonths: 3, lostMonths: 12, goneMonths: 24 });
    expect(wb.data.sheetByName(STATE_SHEET_NAME)!.visibility).toBe('VeryHidden');
    // An emailed copy opened by a different add-in ID: a new actions object over the same workbook.
    const other = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, 30)) });
    const loaded = await other.loadSettings();
    expect(loaded.dealerName).toBe('江城奇瑞4S店');
    expect(loaded.localRegions).toEqual(['武汉']);
    await other.saveMapping(SHEET, { phone: '联系电话', name: '客户姓名' });
    const state = stateFromGrid(wb.grid(STATE_SHEET_NAME))!;
    expect(state.mappings[SHEET]).toEqual({ phone: '联系电话', name: '客户姓名' });
    expect(state.settings).toMatchObject({ dealerName: '江城奇瑞4S店' });
    // A refresh keeps the settings and the mapping.
    await actions.analyse();
    expect(stateFromGrid(wb.grid(STATE_SHEET_NAME))!.settings).toMatchObject({ dealerName: '江城奇瑞4S店' });
    expect(wb.sheetNames().filter((n) => n === STATE_SHEET_NAME)).toHaveLength(1);
  });

  it('rejects invalid settings naming the field and writes nothing', async () => {
    const { wb, actions } = setup();
    const error = await actions.saveSettings({ targetChurnRate: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as SettingsValidationError).errors).toEqual([{ field: 'targetChurnRate', message: 'settings.error.notRate' }]);
    expect(wb.sheetNames()).toEqual([SHEET]);
  });
});

describe('share-safe copy', () => {
  it.each([['1.12'], ['1.8']])('masks names and phones in copies, originals untouched (ExcelApi %s)', async (api) => {
    const { wb, actions } = setup(api);
    await actions.analyse();
    const originalList = wb.grid('招揽名单');
    const originalSource = wb.grid(SHEET);
    const result = await actions.shareSafeCopy();
    expect(result.sheets).toEqual([`${SHEET}(脱敏)`, '招揽名单(脱敏)']);
    const masked = wb.data.sheetByName(`${SHEET}(脱敏)`)!;
    expect(masked.value(3, 0)).toBe('客**'); // '客户0'
    expect(masked.value(3, 1)).toBe('138****0000');
    expect(masked.value(4, 1)).toBe('138****0001');
    expect(masked.value(3, 8)).toBe('张三'); // the service advisor is staff, not customer data
    expect(masked.value(3, 13)).toBe(originalSource[3][13]);
    expect(wb.data.sheetByName('招揽名单(脱敏)')!.value(3, 1)).toBe('138****0000');
    expect(result.maskedCells).toBe(4 * 30);
    expect(wb.grid(SHEET)).toEqual(originalSource);
    expect(wb.grid('招揽名单')).toEqual(originalList);
    // Summaries (aggregates only) are not copied.
    expect(wb.sheetNames().filter((n) => n.startsWith('流失概览'))).toEqual(['流失概览']);
  });
});

describe('preview', () => {
  it('returns the header row and the first rows below it', async () => {
    const { actions } = setup();
    const preview = await actions.previewSheet(SHEET, 2);
    expect(preview.headers.slice(0, 3)).toEqual(['客户姓名', '联系电话', '车架号']);
    expect(preview.rows.map((r) => r[0])).toEqual(['客户0', '客户1']);
    await expect(actions.previewSheet('没有这个表', 2)).rejects.toMatchObject({ code: 'sheetMissing' });
  });
});
