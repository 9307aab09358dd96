/**
 * Settings and mappings round-trip through the very hidden state sheet (any add-in ID reads them), the share-safe
 * workbook is a new workbook with every sheet masked (this one untouched), previews and forms go through the same actions.
 */
import ExcelJS from 'exceljs';
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

describe('share-safe workbook', () => {
  /** The sheets of the .xlsx handed to Excel.createWorkbook, read back with exceljs. */
  async function opened(base64: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    return wb;
  }

  it.each([['1.12'], ['1.8']])('opens a new workbook with every sheet masked; this workbook is unchanged (ExcelApi %s)', async (api) => {
    const { wb, actions } = setup(api);
    await actions.analyse();
    const before = wb.sheetNames().map((n) => [n, wb.data.sheetByName(n)!.visibility, wb.grid(n)]);
    const result = await actions.shareSafeCopy();
    // Nothing was added to, or changed in, the workbook the analyst is in.
    expect(wb.sheetNames().map((n) => [n, wb.data.sheetByName(n)!.visibility, wb.grid(n)])).toEqual(before);
    expect(wb.createdWorkbooks).toHaveLength(1);
    const copy = await opened(wb.createdWorkbooks[0]);
    expect(copy.worksheets.map((w) => w.name)).toEqual(wb.sheetNames());
    expect(copy.getWorksheet(STATE_SHEET_NAME)!.state).toBe('veryHidden');
    const source = copy.getWorksheet(SHEET)!;
    expect(source.getCell(4, 1).value).toBe('客**'); // '客户0'
    expect(source.getCell(4, 2).value).toBe('138****0000');
    expect(source.getCell(5, 2).value).toBe('138****0001');
    expect(source.getCell(4, 9).value).toBe('张三'); // the service advisor is staff, not customer data
    expect(copy.getWorksheet('招揽名单')!.getCell(4, 2).value).toBe('138****0000');
    expect(result.sheets).toBe(wb.sheetNames().length);
    expect(result.maskedCells).toBeGreaterThanOrEqual(4 * 30);
    // Exhaustive: no name or phone of the input anywhere in the file.
    const text = Buffer.from(wb.createdWorkbooks[0], 'base64').toString('utf8');
    for (const row of customerGrid(30).slice(3)) {
      expect(text).not.toContain(String(row[0]));
      expect(text).not.toContain(String(row[1]));
    }
  });

  it('below ExcelApi 1.8 says why it cannot, before reading anything', async () => {
    const { wb, actions } = setup('1.7');
    await expect(actions.shareSafeCopy()).rejects.toMatchObject({ messageKey: 'office.error.shareNeedsNewerExcel' });
    expect(wb.createdWorkbooks).toHaveLength(0);
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
