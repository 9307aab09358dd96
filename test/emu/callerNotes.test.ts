/**
 * Issue 12.3 / 14.1 through the PRODUCTION bundle on ../shared/office-emu: 刷新分析 from the ribbon, callers type
 * into 招揽名单 (exceljs, as in Excel) and sort it, 刷新分析 again: the notes are on the same vehicles (by VIN), and a
 * third refresh leaves the list as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { problems, productionBundle, requireEnvironment, runRibbon, scratch } from './driver';
import { sample } from './fixtures';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import type { CellValue } from '../../src/core/plan/types';
import { CALLER_COLUMNS, callerNotesByVin } from '../support/callerNotes';

const LIST = '招揽名单';
const CALLER = CALLER_COLUMNS;
let dist: string;
let dir: string;

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-notes-');
  dist = await productionBundle();
}, 15 * 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function ribbon(input: string, name: string): Promise<string> {
  const out = path.join(dir, `${name}.xlsx`);
  const r = await runRibbon(dist, input, out);
  expect(problems(r.stats)).toEqual([]);
  expect(r.stats.completed).toMatchObject({ completed: true });
  return out;
}

async function listGrid(file: string): Promise<CellValue[][]> {
  const { sheets } = await readWorkbook(file);
  return sheets.find((s) => s.name === LIST)!.grid as CellValue[][];
}


test('the add-in keeps what callers typed into 招揽名单 on the same vehicles, after a sort, and refreshes again the same', async () => {
  const input = await sample(dir, 300);
  const first = await ribbon(input, 'first');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first);
  const ws = wb.getWorksheet(LIST)!;
  let header = 0;
  const col = new Map<string, number>();
  for (let r = 1; r <= 30 && !header; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') col.set(cell.value, c);
    });
    if (col.has('招揽结果') && col.has('车架号')) header = r;
    else col.clear();
  }
  expect(header).toBeGreaterThan(0);
  let last = header;
  while (ws.getCell(last + 1, col.get('客户姓名')!).value || ws.getCell(last + 1, col.get('车架号')!).value) last++;
  const typed = new Map<string, CellValue[]>();
  const entries: [number, CellValue[]][] = [
    [header + 1, ['小周', new Date(Date.UTC(2026, 10, 2)) as unknown as CellValue, '成功', '', '周六上午来']],
    [header + 5, ['', '', '无人接听', '', '=1+1 下午再打']],
  ];
  for (const [r, values] of entries) {
    values.forEach((v, i) => {
      if (v !== '') ws.getCell(r, col.get(CALLER[i])!).value = v as ExcelJS.CellValue;
    });
    const vin = String(ws.getCell(r, col.get('车架号')!).value);
    const caller = ws.getCell(r, col.get('招揽专员')!).value as CellValue;
    typed.set(vin, [caller ?? '', values[1] === '' ? '' : 46328, values[2], values[3], values[4]]);
  }
  const width = Math.max(...col.values());
  const rows: CellValue[][] = [];
  for (let r = header + 1; r <= last; r++) rows.push(Array.from({ length: width }, (_, c) => ws.getCell(r, c + 1).value as CellValue));
  const vinIndex = col.get('车架号')! - 1;
  rows.sort((a, b) => String(b[vinIndex]).localeCompare(String(a[vinIndex])));
  rows.forEach((row, i) => row.forEach((v, c) => (ws.getCell(header + 1 + i, c + 1).value = (v ?? null) as ExcelJS.CellValue)));
  const edited = path.join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);

  const second = await ribbon(edited, 'second');
  const after = callerNotesByVin(await listGrid(second));
  for (const [vin, values] of typed) expect([vin, after.get(vin)]).toEqual([vin, values]);

  const third = await ribbon(second, 'third');
  expect(await listGrid(third)).toEqual(await listGrid(second));
}, 20 * 60_000);
