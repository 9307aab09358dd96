/**
 * The same sample workbook analysed two ways must give the same values: `churn-desk analyze` (exceljs file adapter)
 * and the add-in's refresh (Office adapter, in the in-memory Excel, loaded with the grids the file holds). Compared
 * cell by cell: every source sheet with its appended classification columns, and every summary table (formula
 * columns excepted: the file holds them uncomputed; LibreOffice computes them in libreoffice.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWorkbook } from '../../src/core/analyse';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { FakeWorkbook } from '../support/fakeExcel';
import { runCli } from './runCli';

const AS_OF = '2026-10-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-parity-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');

/** Values as both adapters hand them back: blanks are '', numbers compared to 9 decimals. */
const norm = (v: unknown): unknown => (v === null || v === undefined ? '' : typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);

let excel: FakeWorkbook;
let file: Map<string, unknown[][]>;
let inputGrids: Record<string, unknown[][]>;

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '300', '--seed', '21', '--as-of', AS_OF])).code).toBe(0);
  expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', AS_OF, '--quiet'])).code).toBe(0);
  const input = await readWorkbook(IN);
  inputGrids = Object.fromEntries(input.sheets.map((s) => [s.name, s.grid as unknown[][]]));
  // ExcelApi 1.7: no native PivotTables, so both sides write the same cross-tab tables.
  excel = FakeWorkbook.fromGrids(inputGrids, { excelApi: '1.7' });
  await createOfficeActions({ host: excel.host(), runner: createInlineRunner(), asOf: AS_OF }).analyse();
  file = new Map((await readWorkbook(OUT)).sheets.map((s) => [s.name, s.grid as unknown[][]]));
}, 120000);

test('both write the same sheets, in the same order', () => {
  expect(excel.sheetNames().filter((n) => !n.startsWith('ChurnDesk'))).toEqual([...file.keys()]);
});

test('every source sheet, with its classification columns, is the same cell by cell', () => {
  let compared = 0;
  for (const name of Object.keys(inputGrids)) {
    const a = excel.grid(name);
    const b = file.get(name)!;
    const rows = Math.max(a.length, b.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const [x, y] = [norm(a[r]?.[c]), norm(b[r]?.[c])];
        if (x !== y) throw new Error(`${name}!R${r + 1}C${c + 1}: Excel ${JSON.stringify(x)} vs file ${JSON.stringify(y)}`);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(10000);
});

test('every summary table is the same cell by cell', () => {
  const plan = analyseWorkbook(Object.entries(inputGrids).map(([name, grid]) => ({ name, grid })), { asOf: { y: 2026, m: 10, d: 31 } });
  let compared = 0;
  for (const spec of plan.sheets) {
    const a = excel.grid(spec.name);
    const b = file.get(spec.name)!;
    expect(b).toBeDefined();
    for (const table of spec.tables) {
      for (let r = table.row; r <= table.row + table.rows.length; r++) {
        table.columns.forEach((col, j) => {
          if (col.rowFormula && r > table.row) return;
          const c = table.col + j;
          const [x, y] = [norm(a[r]?.[c]), norm(b[r]?.[c])];
          if (x !== y) throw new Error(`${spec.name}!R${r + 1}C${c + 1} (${col.header}): Excel ${JSON.stringify(x)} vs file ${JSON.stringify(y)}`);
          compared++;
        });
      }
    }
  }
  expect(compared).toBeGreaterThan(2000);
});
