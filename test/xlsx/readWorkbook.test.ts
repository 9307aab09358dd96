import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook, worksheetToGrid } from '../../src/xlsx/readWorkbook';
import { NotAWorkbookError } from '../../src/xlsx/errors';
import { dateToSerial, serialToDate } from '../../src/xlsx/serial';
import { toCellValue } from '../../src/xlsx/cellValue';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { stateToGrid, emptyState } from '../../src/core/state/stateSheet';
import { ymdToSerial } from '../../src/core/values/dates';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeAndRead(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return readWorkbook(file);
}

describe('readWorkbook', () => {
  test('every cell type reads as Range.values would give it', async () => {
    const { sheets, state } = await writeAndRead((wb) => {
      const ws = wb.addWorksheet('保有客户');
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:D1');
      // row 2 blank
      ws.getCell('A3').value = 'text';
      ws.getCell('B3').value = 42.5;
      ws.getCell('C3').value = true;
      ws.getCell('D3').value = new Date(Date.UTC(2023, 4, 6));
      ws.getCell('D3').numFmt = 'yyyy-mm-dd';
      ws.getCell('E3').value = new Date(Date.UTC(2023, 4, 6, 9, 30));
      ws.getCell('A4').value = { formula: 'B3*2', result: 85 } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { richText: [{ text: '王' }, { font: { bold: true }, text: '先生' }] };
      ws.getCell('C4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('D4').value = { text: '链接', hyperlink: 'https://example.com' };
      ws.getCell('E4').value = { formula: 'D3+1', result: new Date(Date.UTC(2023, 4, 7)) } as ExcelJS.CellFormulaValue;
      ws.getCell('F5').value = '=HYPERLINK("x")';
      ws.getCell('A6').value = 0.395833333333333;
      ws.getCell('A6').numFmt = 'hh:mm';
      const hidden = wb.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
      stateToGrid({ ...emptyState(), ownedSheets: { 'summary.overview': '流失概览' } }).forEach((r, i) => (hidden.getCell(i + 1, 1).value = r[0]));
    });
    expect(sheets.map((s) => s.name)).toEqual(['保有客户']);
    expect(state?.ownedSheets).toEqual({ 'summary.overview': '流失概览' });
    const g = sheets[0].grid;
    expect(g.length).toBe(6);
    expect(g.every((r) => r.length === 6)).toBe(true);
    expect(g[0]).toEqual(['标题', '', '', '', '', '']); // merged slaves are ''
    expect(g[1]).toEqual(['', '', '', '', '', '']);
    expect(g[2].slice(0, 4)).toEqual(['text', 42.5, true, 45052]);
    expect(g[2][4]).toBeCloseTo(45052 + 9.5 / 24, 10);
    expect(g[3].slice(0, 5)).toEqual([85, '王先生', '#N/A', '链接', 45053]);
    expect(g[4][5]).toBe('=HYPERLINK("x")');
    expect(g[5][0]).toBeCloseTo(0.395833333333333, 9);
  });

  test('dates read back as the serial stored in the file, exactly, for whole days', () => {
    const cases: [number, number, number, number][] = [
      [1900, 3, 1, 61],
      [1970, 1, 1, 25569],
      [2023, 5, 6, 45052],
      [2026, 10, 31, 46326],
      [9999, 12, 31, 2958465],
    ];
    for (const [y, m, d, serial] of cases) {
      expect(ymdToSerial({ y, m, d })).toBe(serial);
      expect(dateToSerial(new Date(Date.UTC(y, m - 1, d)))).toBe(serial);
      expect(dateToSerial(serialToDate(serial))).toBe(serial);
    }
    // Serials before the phantom 1900-02-29: exceljs's Date is a day early, the stored serial still comes back.
    expect(dateToSerial(serialToDate(1))).toBe(1);
    expect(dateToSerial(serialToDate(60))).toBe(60);
  });

  test('property: any serial with a time fraction survives the exceljs round trip to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), fc.integer({ min: 0, max: 86399999 }), (day, ms) => {
        const serial = day + ms / 86400000;
        expect(Math.abs(dateToSerial(serialToDate(serial)) - serial)).toBeLessThan(1 / 86400000);
      }),
    );
  });

  test('a text file is a NotAWorkbookError; a missing file too', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a zip');
    await expect(readWorkbook(bad)).rejects.toBeInstanceOf(NotAWorkbookError);
    await expect(readWorkbook(path.join(dir, 'missing.xlsx'))).rejects.toBeInstanceOf(NotAWorkbookError);
  });

  test('toCellValue table', () => {
    const cases: [unknown, unknown][] = [
      [null, ''],
      [undefined, ''],
      ['', ''],
      ['+8613800000000', '+8613800000000'],
      [{ formula: 'A1', result: 'x' }, 'x'],
      [{ formula: 'A1' }, ''],
      [{ sharedFormula: 'A1', result: 3 }, 3],
      [{ formula: 'NA()', result: { error: '#N/A' } }, '#N/A'],
      [{ error: '#DIV/0!' }, '#DIV/0!'],
      [{ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'mailto:x' }, 'ab'],
    ];
    for (const [input, expected] of cases) expect(toCellValue(input)).toEqual(expected);
  });

  test('an empty sheet is an empty grid', async () => {
    const wb = new ExcelJS.Workbook();
    expect(worksheetToGrid(wb.addWorksheet('空'))).toEqual([]);
  });
});
