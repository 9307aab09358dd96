/**
 * The grid → .xlsx writer the add-in uses for the share-safe copy: exceljs and LibreOffice read back the same
 * values, sheet names, visibility and number formats; text that looks like a formula stays text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { gridWorkbook } from '../../src/xlsx/gridWorkbook';
import { crc32, toBase64 } from '../../src/xlsx/storedZip';
import { shareSafeFromGrids } from '../../src/xlsx/shareGridWorkbook';
import { maskWorkbook } from '../../src/core/share/maskWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-grid-'));

test('crc32 gives the standard check value and base64 matches Node', () => {
  const bytes = new TextEncoder().encode('保有客户 ChurnDesk');
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
});

const sheets = [
  { name: '保有客户', grid: [['车主', '购车日期', '里程', '备注'], ['王**', 45052, 12000.5, '=HYPERLINK("x")'], ['李*', 45100, 0, ' 前后空格 ']], columnFormats: [undefined, 'yyyy-mm-dd', '#,##0', '@'] },
  { name: '隐藏表', grid: [['a', true], ['#N/A', 3]], visibility: 'Hidden' as const },
  { name: 'ChurnDesk_State', grid: [['{"v":1}']], visibility: 'VeryHidden' as const },
];

test('exceljs reads back values, names, visibility and formats', async () => {
  const file = path.join(dir, 'grid.xlsx');
  fs.writeFileSync(file, gridWorkbook(sheets));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['保有客户', 'visible'], ['隐藏表', 'hidden'], ['ChurnDesk_State', 'veryHidden']]);
  const ws = wb.getWorksheet('保有客户')!;
  expect(ws.getCell('A2').value).toBe('王**');
  expect((ws.getCell('B2').value as Date).toISOString()).toBe('2023-05-06T00:00:00.000Z');
  expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
  expect(ws.getCell('C2').value).toBe(12000.5);
  expect(ws.getCell('D2').value).toBe('=HYPERLINK("x")');
  expect(ws.getCell('D3').value).toBe(' 前后空格 ');
  expect(wb.getWorksheet('隐藏表')!.getCell('B1').value).toBe(true);
});

test('LibreOffice opens it and reads the same cells', () => {
  const file = path.join(dir, 'lo.xlsx');
  fs.writeFileSync(file, gridWorkbook([sheets[0]]));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
  const csv = fs.readFileSync(path.join(dir, 'lo.csv'), 'utf8').trim().split('\n');
  // Text cells are quoted, numbers are not: the formula-looking text is still text, the date a date.
  expect(csv[0]).toBe('"车主","购车日期","里程","备注"');
  expect(csv[1]).toBe('"王**",2023-05-06,"12,001","=HYPERLINK(""x"")"');
  expect(csv[2]).toBe('"李*",2023-06-23,0," 前后空格 "');
}, 180_000);

test('the share-safe file from grids masks exactly the cells the core masks', async () => {
  const input = [
    { name: 'Sheet1', grid: [['车主', '手机', '车架号'], ['王小明', 13812345678, 'LVVDBG0R290000123']] },
    { name: 'Sheet2', grid: [['备注'], ['王小明来过']], visibility: 'Hidden' as const },
  ];
  const result = shareSafeFromGrids(input);
  expect(result.maskedCells).toBe(maskWorkbook(input).maskedCells);
  const file = path.join(dir, 'safe.xlsx');
  fs.writeFileSync(file, result.file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet('Sheet1')!.getRow(2).values).toEqual([undefined, '王**', '138****5678', '***********000123']);
  expect(wb.getWorksheet('Sheet2')!.getCell('A2').value).toBe('王**来过');
  expect(Buffer.from(result.file).toString('utf8')).not.toMatch(/王小明|13812345678|LVVDBG0R290000123/);
});
