/**
 * packageProblem: a sound package passes (so the CLI copies its bytes by splice); a damaged one is named (so the
 * CLI takes the exceljs path instead of copying the damage). Each damage is one edit of the same sound workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { packageProblem } from '../../src/xlsx/packageCheck';
import { fileEngineFor } from '../../src/xlsx/fileEngine';
import { readZipEntries } from '../../src/xlsx/zip';
import { packageZip } from '../../src/xlsx/gridWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-package-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let sound: string;
let entries: Map<string, Buffer>;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.addRow(['车牌', '姓名', '购车日期']);
  for (let i = 0; i < 50; i++) ws.addRow([`京A${10000 + i}`, `客户${i % 7}`, 45000 + i]);
  sound = path.join(dir, 'sound.xlsx');
  await wb.xlsx.writeFile(sound);
  entries = readZipEntries(fs.readFileSync(sound)) as Map<string, Buffer>;
});

/** The sound workbook with part `part` edited by `edit` (or left out when `edit` gives null). */
function damaged(name: string, part: string, edit: (xml: string) => string | null): string {
  const out = new Map(entries);
  const xml = edit(entries.get(part)!.toString('utf8'));
  if (xml === null) out.delete(part);
  else out.set(part, Buffer.from(xml, 'utf8'));
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, packageZip(out));
  return file;
}

test('a sound workbook has no problem and takes the splice path', async () => {
  expect(await packageProblem(sound)).toBeNull();
  expect(await fileEngineFor(sound, {})).toBe('stream');
});

test.each([
  ['cell reference overwritten', 'xl/worksheets/sheet1.xml', (x: string) => x.replace('r="B2"', 'r="B2x"'), /cell B2x in row 2/],
  ['rows out of order', 'xl/worksheets/sheet1.xml', (x: string) => x.replace('<row r="3"', '<row r="1"'), /row 1 after row 2/],
  ['a tag broken', 'xl/worksheets/sheet1.xml', (x: string) => x.replace('</sheetData>', '</sheetDatx>'), /closes/],
  ['an unknown child of the worksheet', 'xl/worksheets/sheet1.xml', (x: string) => x.replace('<sheetFormatPr', '<s_eetFormatPr').replace(/(<s_eetFormatPr[^>]*?)\/>/, '$1/>'), /s_eetFormatPr/],
  ['a DTD in the shared strings', 'xl/sharedStrings.xml', (x: string) => x.replace(/<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]>'), /DOCTYPE/],
  ['a shared-string index past the table', 'xl/worksheets/sheet1.xml', (x: string) => x.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2'), /string 99999/],
  ['a character XML forbids', 'xl/sharedStrings.xml', (x: string) => x.replace('客户', '\uFFFF'), /forbidden character/],
  ['no stylesheet', 'xl/styles.xml', () => null, /styles\.xml: missing/],
  ['a sheet without a name', 'xl/workbook.xml', (x: string) => x.replace('name="保有客户"', 'name=""'), /sheet name/],
])('%s: named, and the exceljs path taken', async (name, part, edit, why) => {
  const file = damaged(name.replace(/\W+/g, '-'), part, edit);
  expect(await packageProblem(file)).toMatch(why);
  expect(await fileEngineFor(file, {})).toBe('memory');
});
