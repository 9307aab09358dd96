/**
 * Issue 14.1 / 14.3 through the PRODUCTION bundle on ../shared/office-emu: the edits of test/support/editScenarios.ts
 * (columns inserted, deleted, moved, rows inserted and deleted, the data sorted, a column hidden, a summary sheet or a
 * product table renamed, combinations), each applied with exceljs to an analysed workbook whose 招揽名单 holds callers'
 * notes, then 刷新分析 from the ribbon. Every edit:
 *  - the refresh completes and is clean (no refusal, no Office.js misuse, nothing unmodelled);
 *  - the workbook equals what `churn-desk analyze` writes for the same edited file, cell by cell;
 *  - every user cell of the edited workbook is unchanged, at its address;
 *  - the callers' notes are on the same vehicles (by VIN);
 *  - a product table the user renamed keeps the user's name (every table of the edited file is there, by name);
 *  - a second 刷新分析 changes nothing.
 * The analysed workbook is the CLI's (ribbon.test.ts shows it equals the add-in's cell by cell): run-addin.js writes
 * its result with tables as plain ranges and without hidden columns, so only a real analysed file carries the
 * tables and the column state a user edits in Excel. (The emulator's loader does not read hidden columns either:
 * the hidden-column case checks the refresh, not the hiding.)
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { EMU_DIR, asRangeValuesShowIt, churnDesk, compareCells, mergesOf, pivotAreas, problems, productionBundle, readCells, requireEnvironment, runRibbon, scratch, tablesOf, todayIso, type DumpedSheet } from './driver';
import { analyzed, sample } from './fixtures';
import { EDITS, changedUserCells, editContext, sheetRenames, tablesOfWorkbook, userCells, type EditContext } from '../support/editScenarios';
import { workbookGrids } from '../support/workbookGrids';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { STATE_SHEET_NAME, type CellValue } from '../../src/core/plan/types';
import { CALLER_COLUMNS, callerNotesByVin } from '../support/callerNotes';

const LIST = '招揽名单';
const CALLER = CALLER_COLUMNS;
const asOf = todayIso();
let dist: string;
let dir: string;
/** The analysed workbook with callers' notes typed into 招揽名单, and those notes by VIN. */
let base: string;
let typed: Map<string, CellValue[]>;
let ctx: EditContext;

async function ribbon(input: string, name: string): Promise<{ out: string; sheets: DumpedSheet[] }> {
  const out = path.join(dir, `${name}.xlsx`);
  const dump = path.join(dir, `${name}.dump.json`);
  const r = await runRibbon(dist, await asRangeValuesShowIt(input), out, { dumpJson: dump });
  expect(problems(r.stats)).toEqual([]);
  expect(r.stats.completed).toMatchObject({ completed: true });
  // The dialog the command opened: a result, never a refusal or an error.
  const url = new URL((r.stats.dialogs ?? [])[0]?.url ?? 'about:blank');
  const view = JSON.parse(url.searchParams.get('r') ?? '{}') as { intent?: string; message?: string; warnings?: string[] };
  expect({ intent: view.intent, message: view.message }).toEqual({ intent: expect.stringMatching(/^(success|warning)$/), message: expect.any(String) });
  expect(JSON.stringify(view)).not.toContain('拒绝覆盖');
  const sheets = (JSON.parse(fs.readFileSync(dump, 'utf8')) as { meta: { sheets: DumpedSheet[] } }).meta.sheets;
  return { out, sheets };
}


/** Types two callers' notes into 招揽名单 (as in Excel); returns them by VIN as the product reads them back. */
function typeNotes(wb: ExcelJS.Workbook): Map<string, CellValue[]> {
  const ws = wb.getWorksheet(LIST)!;
  const col = new Map<string, number>();
  let header = 0;
  for (let r = 1; r <= 30 && !header; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') col.set(cell.value, c);
    });
    if (col.has('招揽结果') && col.has('车架号')) header = r;
    else col.clear();
  }
  expect(header).toBeGreaterThan(0);
  const out = new Map<string, CellValue[]>();
  const entries: [number, CellValue[]][] = [
    [header + 1, ['小周', '', '成功', '', '周六上午来']],
    [header + 3, ['', '', '无人接听', '', '下午再打']],
  ];
  for (const [r, values] of entries) {
    values.forEach((v, i) => {
      if (v !== '') ws.getCell(r, col.get(CALLER[i])!).value = v as ExcelJS.CellValue;
    });
    const caller = ws.getCell(r, col.get('招揽专员')!).value as CellValue;
    out.set(String(ws.getCell(r, col.get('车架号')!).value), [caller ?? '', '', values[2], '', values[4]]);
  }
  return out;
}

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-edits-');
  dist = await productionBundle();
  const input = await sample(dir, 120);
  const first = await analyzed(input, asOf);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first.file);
  typed = typeNotes(wb);
  base = path.join(dir, 'base.xlsx');
  await wb.xlsx.writeFile(base);
  const { state, workbook } = await readWorkbook(base);
  ctx = editContext(state!, workbook);
}, 20 * 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * run-addin.js loads a file's tables only when exceljs gives the table model a `ref` (`if (m && m.ref)`), which only a
 * table made with addTable has: a table read from a file has `tableRef`. So the emulator opens a file without its
 * tables, and an edit of a product table (renamed) cannot reach the add-in there; the CLI, reading the same file,
 * sees it. Those edits wait for the emulator to load tables (checked on its source, so they run once it does).
 */
const EMULATOR_DROPS_FILE_TABLES = /if \(m && m\.ref\) sh\.tables\.push/.test(fs.readFileSync(path.join(EMU_DIR, 'run-addin.js'), 'utf8'));
const reachesAddIn = (i: number) => !(EDITS[i].renamesTableTo && EMULATOR_DROPS_FILE_TABLES);
const cases = EDITS.map((e, i) => [e.name, i] as const);

const waiting = cases.filter(([, i]) => !reachesAddIn(i));
if (waiting.length) test.skip.each(waiting)('%s (SKIPPED: the emulator loads no table of a file, run-addin.js `if (m && m.ref)`; the file engines test it)', () => undefined);

test.each(cases.filter(([, i]) => reachesAddIn(i)))('%s: the add-in refreshes as the CLI does and keeps every user cell and note', async (_name, i) => {
  const edit = EDITS[i];
  const editedFile = path.join(dir, `edited-${i}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(base);
  edit.apply(wb, ctx);
  await wb.xlsx.writeFile(editedFile);

  const first = await ribbon(editedFile, `refresh-${i}`);
  // The analysis date is the one the first run stored in the settings (today): the CLI takes it from there too.
  const expectedFile = path.join(dir, `expected-${i}.xlsx`);
  await churnDesk(['analyze', editedFile, '--out', expectedFile, '--quiet']);
  const expected = { cells: await readCells(expectedFile) };

  // The product's results: what the command line writes for the same edited file, cell by cell.
  const actual = await readCells(first.out);
  const { diffs, compared } = compareCells(actual, expected.cells, {
    skipSheets: [STATE_SHEET_NAME],
    pivotAreas: pivotAreas(first.sheets),
    tables: tablesOf(first.sheets),
    inputMerges: mergesOf(await readCells(editedFile)),
  });
  expect(diffs).toEqual([]);
  expect(compared).toBeGreaterThan(3000);

  // Every user cell of the edited workbook, at its address.
  const edited = await workbookGrids(editedFile);
  const { state } = await readWorkbook(editedFile);
  const productSheets = new Set(Object.values(state?.ownedSheets ?? {}));
  const renames = sheetRenames(edit, ctx);
  for (const [, to] of renames) productSheets.add(to);
  const cells = userCells(edited, productSheets, ctx);
  expect(cells.size).toBeGreaterThan(500);
  const after = await workbookGrids(first.out);
  expect(changedUserCells(cells, after)).toEqual([]);
  for (const [from, to] of renames) {
    expect(after.has(to)).toBe(true);
    expect(after.has(from)).toBe(false);
  }

  // A product table the user renamed keeps the user's name, on its sheet (the add-in's tables: the dump), and the
  // plan's name does not come back; every other table of the edited file is there under its name.
  const tables = first.sheets.flatMap((sh) => sh.tables.map((t) => [t.name, sh.name]));
  for (const t of tablesOfWorkbook(wb)) expect(tables).toContainEqual([t.name, t.sheet]);
  if (edit.renamesTableTo) {
    expect(tables.map(([name]) => name)).toContain(edit.renamesTableTo);
    expect(tables.map(([name]) => name)).not.toContain(ctx.table);
  }

  // The callers' notes, on the same vehicles (those whose row the edit did not delete).
  const notes = callerNotesByVin(after.get(LIST)!);
  const vins = new Set(edited.get(ctx.customers)!.flat().filter((v): v is string => typeof v === 'string'));
  for (const [vin, values] of typed) if (vins.has(vin)) expect([vin, notes.get(vin)]).toEqual([vin, values]);

  // A second refresh changes nothing.
  const second = await ribbon(first.out, `again-${i}`);
  const again = compareCells(await readCells(second.out), actual, { skipSheets: [STATE_SHEET_NAME], inputMerges: mergesOf(actual) });
  expect(again.diffs).toEqual([]);
}, 20 * 60_000);
