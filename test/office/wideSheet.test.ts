/**
 * A sheet used to column XFD (real-excel check 19): a range from A to XFD is a range of entire rows, which Excel
 * treats as unbounded and answers with `values` null ("the response will contain null values for cell-level
 * properties such as values", docs *Read or write to an unbounded range*; the in-memory Excel does the same). The
 * Office read path reads such a sheet in column slices, so the refresh gets as far as the CLI and gives its reason
 * (no free column right of the data, naming the sheet and XFD) instead of "no customer sheet"; 分享 copies the
 * sheet whole. A read that still comes back without values stops with a message naming the sheet.
 */
import ExcelJS from 'exceljs';
import { FakeWorkbook } from '../support/fakeExcel';
import { t } from '../../src/i18n';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { COLUMN_SLICE, columnSlices, joinBlock } from '../../src/office/readSheets';
import { createInlineRunner } from '../../src/worker/runner';
import { customerGrid } from './support';

const SHEET = '保有客户';

function wideWorkbook(excelApi?: string): FakeWorkbook {
  const grid = customerGrid(30).map((r) => [...r]);
  // A stray note at XFD5: the used range runs to the last column.
  grid[4][16383] = '边上的备注';
  return FakeWorkbook.fromGrids({ [SHEET]: grid }, { excelApi });
}

test('column slices cover 16,384 columns in bounded ranges; narrow sheets are one range', () => {
  expect(columnSlices(20)).toEqual([{ c0: 0, width: 20 }]);
  const slices = columnSlices(16384);
  expect(slices.length).toBe(16384 / COLUMN_SLICE);
  expect(slices.every((s) => s.width <= COLUMN_SLICE && !(s.c0 === 0 && s.width === 16384))).toBe(true);
  expect(slices.reduce((n, s) => n + s.width, 0)).toBe(16384);
});

test('joinBlock puts the slices of a row together, drops a sliced row’s trailing blanks, and names the sheet when values are missing', () => {
  const a = { values: [['a', 'b'], ['c', '']] } as unknown as Excel.Range;
  const b = { values: [['', 'z'], ['', '']] } as unknown as Excel.Range;
  expect(joinBlock([a, b], 'S')).toEqual([['a', 'b', '', 'z'], ['c']]);
  const missing = { values: undefined } as unknown as Excel.Range;
  let error: { code?: string; messageKey?: string; params?: Record<string, string> } = {};
  try {
    joinBlock([a, missing], '保有客户');
  } catch (e) {
    error = e as typeof error;
  }
  expect(error.code).toBe('valuesMissing');
  expect(t('zh-CN', error.messageKey!, error.params)).toContain('“保有客户”');
  expect(t('en-US', error.messageKey!, error.params)).toContain('保有客户');
});

test('刷新分析 on a sheet used to XFD: the CLI’s reason (no free column, XFD), not “no customer sheet”; nothing written', async () => {
  const wb = wideWorkbook();
  const before = wb.grid(SHEET);
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  const e = (await actions.analyse().catch((x: unknown) => x)) as { messageKey?: string; key?: string; params?: Record<string, string | number> };
  const message = t('zh-CN', e.messageKey ?? e.key ?? '', e.params);
  expect(message).toContain(`“${SHEET}”`);
  expect(message).toContain('XFD');
  expect(message).not.toContain(t('zh-CN', 'aftersales.error.nothingFound'));
  expect(wb.sheetNames()).toEqual([SHEET]);
  expect(wb.grid(SHEET)).toEqual(before);
});

test('分享 on a sheet used to XFD: the copy has every cell, the note at XFD5 included', async () => {
  const wb = wideWorkbook('1.12');
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  await actions.shareSafeCopy();
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(Buffer.from(wb.createdWorkbooks[0], 'base64') as never);
  const ws = copy.getWorksheet(SHEET)!;
  expect(ws.getCell(5, 16384).value).toBe('边上的备注');
  expect(ws.getCell(4, 2).value).toBe('138****0000');
  expect(ws.getCell(1, 1).value).toBe(wb.grid(SHEET)[0][0]);
});
