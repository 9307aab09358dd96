/**
 * The names a workbook holds, read two ways: from the loaded exceljs workbook (the in-memory engine) and from the
 * package parts alone (the streaming engine, readZipFileEntries + packageNames). Both give every table with its
 * sheet, header row and top-left cell, and the workbook's defined names, so both engines follow a renamed table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isNamePart, packageNames, topLeftOf, workbookNames } from '../../src/xlsx/workbookNames';
import { readZipFileEntries } from '../../src/xlsx/zip';
import { streamReadWorkbook } from '../../src/xlsx/streamReadWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-names-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('topLeftOf', () => {
  expect(topLeftOf('B3:D9')).toEqual({ row: 2, col: 1 });
  expect(topLeftOf('$AA$10')).toEqual({ row: 9, col: 26 });
  expect(topLeftOf('nonsense!')).toBeUndefined();
});

test('the package parts give the same tables and names as the loaded workbook', async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('流失概览');
  a.addTable({ name: '我的表', ref: 'A6', headerRow: true, columns: [{ name: '流失状态' }, { name: '车辆数' }], rows: [['活跃', 3]] });
  a.addTable({ name: 'CD_b', ref: 'D2', headerRow: true, columns: [{ name: 'x & y' }, { name: '<z>' }], rows: [[1, 2]] });
  const b = wb.addWorksheet("it's mine");
  b.addTable({ name: 'Other', ref: 'C10', headerRow: true, columns: [{ name: '地区' }], rows: [['江汉区']] });
  wb.definedNames.add("'it''s mine'!$A$1", 'MyCell');
  const file = path.join(dir, 'names.xlsx');
  await wb.xlsx.writeFile(file);

  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.readFile(file);
  const fromWorkbook = workbookNames(loaded);
  const fromParts = packageNames(readZipFileEntries(file, isNamePart));
  expect(fromParts).toEqual(fromWorkbook);
  expect(fromParts).toEqual([
    { name: '我的表', sheet: '流失概览', columns: ['流失状态', '车辆数'], row: 5, col: 0 },
    { name: 'CD_b', sheet: '流失概览', columns: ['x & y', '<z>'], row: 1, col: 3 },
    { name: 'Other', sheet: "it's mine", columns: ['地区'], row: 9, col: 2 },
    { name: 'MyCell', sheet: null },
  ]);
  expect((await streamReadWorkbook(file)).names).toEqual(fromParts);
  // Only the parts asked for are read.
  expect([...readZipFileEntries(file, isNamePart).keys()].every(isNamePart)).toBe(true);
});
