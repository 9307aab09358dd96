/**
 * Issue 12.3 / 14.1, file side: callers type their notes into 招揽名单 with exceljs (as in Excel), sort the list,
 * and the command line refreshes the workbook with each file engine. The notes must still be on the same
 * vehicles (by VIN) after a sort and a filter, typed text stays text, and a second refresh writes the same workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyseWithEngine, runCli } from '../e2e/runCli';
import { workbookGrids } from '../support/workbookGrids';
import type { CellValue } from '../../src/core/plan/types';
import { ymdToSerial } from '../../src/core/values/dates';
import { callerNotesByVin } from '../support/callerNotes';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-notes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2026-10-31';
const LIST = '招揽名单';

const analyse = (input: string, out: string, engine: 'memory' | 'stream') => analyseWithEngine(input, out, engine, AS_OF);

const grids = workbookGrids;

/** The list's header row (1-based) and column (1-based) per header. */
function layout(ws: ExcelJS.Worksheet): { header: number; col: Map<string, number>; last: number } {
  for (let r = 1; r <= 30; r++) {
    const col = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') col.set(cell.value, c);
    });
    if (col.has('招揽结果') && col.has('车架号')) {
      let last = r;
      while (ws.getCell(last + 1, col.get('车架号')!).value || ws.getCell(last + 1, col.get('客户姓名')!).value) last++;
      return { header: r, col, last };
    }
  }
  throw new Error('no list header');
}


const serial = (y: number, m: number, d: number) => ymdToSerial({ y, m, d });

describe.each(['memory', 'stream'] as const)('callers\' notes in 招揽名单 across refreshes (%s engine)', (engine) => {
  const typed = new Map<string, CellValue[]>();
  let refreshed = '';

  beforeAll(async () => {
    const sample = path.join(dir, `sample-${engine}.xlsx`);
    expect((await runCli(['sample', '--out', sample, '--vehicles', '60', '--seed', '7', '--as-of', AS_OF])).code).toBe(0);
    const analysed = path.join(dir, `analysed-${engine}.xlsx`);
    expect((await analyse(sample, analysed, engine)).code).toBe(0);

    // The callers type into three rows, then sort the list by VIN, descending (whole rows move).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(analysed);
    const ws = wb.getWorksheet(LIST)!;
    const { header, col, last } = layout(ws);
    expect(last - header).toBeGreaterThan(10);
    const vinOf = (r: number) => String(ws.getCell(r, col.get('车架号')!).value);
    const entries: [number, CellValue[]][] = [
      [header + 1, ['小周', serial(2026, 11, 2), '成功', serial(2026, 11, 8), '周六上午来,要求做保养套餐']],
      [header + 3, ['', serial(2026, 11, 3), '无人接听', '', '=1+1 下午再打']],
      [header + 6, ['小吴', '', '', '', '+86 换号了']],
    ];
    const names = ['招揽专员', '招揽日期', '招揽结果', '预约日期', '备注'];
    for (const [r, values] of entries) {
      values.forEach((v, i) => {
        if (v === '') return;
        const cell = ws.getCell(r, col.get(names[i])!);
        // A date is typed as a date (exceljs stores a Date as its serial).
        cell.value = typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86400000) : v;
      });
      const before = ws.getCell(r, col.get('招揽专员')!).value;
      typed.set(vinOf(r), values.map((v, i) => (i === 0 && v === '' ? (before ?? '') : v)) as CellValue[]);
    }
    const width = Math.max(...col.values());
    const rows: CellValue[][] = [];
    for (let r = header + 1; r <= last; r++) rows.push(Array.from({ length: width }, (_, c) => ws.getCell(r, c + 1).value as CellValue));
    const vinIndex = col.get('车架号')! - 1;
    rows.sort((a, b) => String(b[vinIndex]).localeCompare(String(a[vinIndex])));
    rows.forEach((row, i) => row.forEach((v, c) => (ws.getCell(header + 1 + i, c + 1).value = v ?? null)));
    // …and filters it to one caller: the other rows are hidden (a filter hides rows; their cells stay).
    const firstCaller = ws.getCell(header + 1, col.get('招揽专员')!).value;
    for (let r = header + 1; r <= last; r++) if (ws.getCell(r, col.get('招揽专员')!).value !== firstCaller) ws.getRow(r).hidden = true;
    const edited = path.join(dir, `edited-${engine}.xlsx`);
    await wb.xlsx.writeFile(edited);

    refreshed = path.join(dir, `refreshed-${engine}.xlsx`);
    const r = await analyse(edited, refreshed, engine);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('keeps every note on the same vehicle, dates as dates, typed text as text', async () => {
    const after = callerNotesByVin((await grids(refreshed)).get(LIST)!);
    expect(typed.size).toBe(3);
    for (const [vin, values] of typed) expect([vin, after.get(vin)]).toEqual([vin, values]);
    // The text stays a value, never a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(refreshed);
    const ws = wb.getWorksheet(LIST)!;
    const { col } = layout(ws);
    let found = 0;
    ws.eachRow((row) => {
      const v = row.getCell(col.get('备注')!).value;
      if (typeof v === 'string' && v.startsWith('=1+1')) found++;
      expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    });
    expect(found).toBe(1);
  });

  it('gives the same workbook on a second refresh', async () => {
    const again = path.join(dir, `again-${engine}.xlsx`);
    expect((await analyse(refreshed, again, engine)).code).toBe(0);
    const a = await grids(refreshed);
    const b = await grids(again);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, grid] of a) expect([name, b.get(name)]).toEqual([name, grid]);
  });
});
