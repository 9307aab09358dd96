/**
 * Issue 14.3: a workbook's life after the first refresh. A sample is analysed, edited with exceljs the way a user
 * edits it in Excel (columns and rows inserted, deleted, sorted, a column hidden, a column of notes typed right of
 * ours, a summary sheet renamed), then refreshed by the command line with each file engine. Every case asserts:
 *  - the refresh succeeds (never 拒绝覆盖 because the product's own columns moved);
 *  - every user cell is unchanged (same address, same value);
 *  - the product's columns are there once each, in place, with the right status for every vehicle;
 *  - a second refresh changes nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyseWithEngine, runCli, CLASSIFICATION_HEADERS } from '../e2e/runCli';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { workbookGrids } from '../support/workbookGrids';
import type { CellValue } from '../../src/core/plan/types';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-edits-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample's customer sheet and its VIN header (the sample picks both from a vocabulary). */
let CUSTOMERS = '';
let VIN = '';
let MAPPED: Record<string, string> = {};
/** The first summary sheet the product wrote, and the first run's grids. */
let SUMMARY = '';
let FIRST: Grids = new Map();
const PRODUCT = new Set(CLASSIFICATION_HEADERS);
const AS_OF = '2026-10-31';

type Grids = Map<string, CellValue[][]>;

const analyse = (input: string, out: string, engine: 'memory' | 'stream') => analyseWithEngine(input, out, engine, AS_OF);

const grids: (file: string) => Promise<Grids> = workbookGrids;

function headerRowOf(grid: CellValue[][]): number {
  const r = grid.findIndex((row) => row.includes(VIN));
  if (r < 0) throw new Error('no header row');
  return r;
}

/** The product's columns on the customer sheet: header -> column index (every header once). */
function productColumns(grid: CellValue[][]): Map<string, number> {
  const h = headerRowOf(grid);
  const out = new Map<string, number>();
  grid[h].forEach((v, c) => {
    if (typeof v === 'string' && PRODUCT.has(v)) {
      if (out.has(v)) throw new Error(`${v} twice`);
      out.set(v, c);
    }
  });
  return out;
}

/** Status per VIN (the first row of a VIN), from the product's columns. */
function statusByVin(grid: CellValue[][]): Map<string, CellValue> {
  const h = headerRowOf(grid);
  const vinCol = grid[h].indexOf(VIN);
  const status = productColumns(grid).get('流失状态')!;
  const out = new Map<string, CellValue>();
  for (let r = h + 1; r < grid.length; r++) {
    const vin = grid[r]?.[vinCol];
    if (typeof vin === 'string' && vin && !out.has(vin)) out.set(vin, grid[r][status] ?? '');
  }
  return out;
}

/**
 * Every user cell of the edited workbook, by sheet and address: all cells of the sheets the product did not create,
 * except, on the customer sheet, the product's columns.
 */
function userCells(edited: Grids, productSheets: Set<string>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const [name, grid] of edited) {
    if (productSheets.has(name)) continue;
    const owned = name === CUSTOMERS ? new Set(productColumns(grid).values()) : new Set<number>();
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && !owned.has(c)) out.set(`${name}!${r},${c}`, v);
      }),
    );
  }
  return out;
}

function cellAt(g: Grids, key: string): CellValue {
  const [name, rc] = key.split('!');
  const [r, c] = rc.split(',').map(Number);
  return g.get(name)?.[r]?.[c] ?? '';
}

interface Edit {
  name: string;
  apply: (wb: ExcelJS.Workbook) => void;
  /** VINs whose status may change (rows the edit added); others keep the first run's status. */
  added?: string[];
  /** More to check on the refreshed workbook's grids. */
  check?: (after: Grids) => void;
}

function customers(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  return wb.getWorksheet(CUSTOMERS)!;
}

function headerExcelRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 200); r++) {
    const row = ws.getRow(r);
    let found = false;
    row.eachCell((cell) => (found ||= cell.value === VIN));
    if (found) return r;
  }
  throw new Error('no header');
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(headerExcelRow(ws));
  let col = -1;
  row.eachCell((cell, c) => {
    if (cell.value === header) col = c;
  });
  if (col < 0) throw new Error(`no ${header}`);
  return col;
}

const EDITS: Edit[] = [
  {
    name: 'a column inserted among the user\'s columns',
    apply: (wb) => {
      const ws = customers(wb);
      const h = headerExcelRow(ws);
      ws.spliceColumns(3, 0, []);
      ws.getCell(h, 3).value = '我的备注';
      ws.getCell(h + 1, 3).value = '周二再打';
    },
  },
  {
    name: 'a user column deleted',
    apply: (wb) => {
      const ws = customers(wb);
      // The first column the mapping does not use (the analysis reads the same fields after it).
      const used = new Set([...Object.values(MAPPED), ...PRODUCT]);
      const row = ws.getRow(headerExcelRow(ws));
      let col = -1;
      row.eachCell((cell, c) => {
        if (col < 0 && typeof cell.value === 'string' && !used.has(cell.value)) col = c;
      });
      expect(col).toBeGreaterThan(0);
      ws.spliceColumns(col, 1);
    },
  },
  {
    name: 'rows inserted above the header',
    apply: (wb) => {
      const ws = customers(wb);
      ws.spliceRows(1, 0, ['本表由售后部维护'], []);
    },
  },
  {
    name: 'a column of notes typed right of the product\'s columns',
    apply: (wb) => {
      const ws = customers(wb);
      const h = headerExcelRow(ws);
      const last = columnOf(ws, '重复记录');
      ws.getCell(h, last + 1).value = '回访备注';
      ws.getCell(h + 2, last + 1).value = '客户说下月来';
    },
  },
  {
    name: 'a column inserted left of the data and a notes column right of ours',
    apply: (wb) => {
      const ws = customers(wb);
      ws.spliceColumns(1, 0, []);
      const h = headerExcelRow(ws);
      ws.getCell(h, 1).value = '序号';
      const last = columnOf(ws, '重复记录');
      ws.getCell(h, last + 1).value = '回访备注';
      ws.getCell(h + 1, last + 1).value = '已约';
    },
  },
  {
    name: 'the data sorted by VIN, descending (the product\'s columns sorted with it)',
    apply: (wb) => {
      const ws = customers(wb);
      const h = headerExcelRow(ws);
      const vin = columnOf(ws, VIN);
      const width = ws.columnCount;
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const vals: ExcelJS.CellValue[] = [];
        for (let c = 1; c <= width; c++) vals.push(row.getCell(c).value);
        if (vals.some((v) => v !== null && v !== '')) rows.push(vals);
      }
      rows.sort((a, b) => String(b[vin - 1] ?? '').localeCompare(String(a[vin - 1] ?? '')));
      rows.forEach((vals, i) => vals.forEach((v, c) => (ws.getRow(h + 1 + i).getCell(c + 1).value = v)));
    },
  },
  {
    name: 'a data row inserted in the middle',
    added: ['LSVNEW00000000001'],
    apply: (wb) => {
      const ws = customers(wb);
      const h = headerExcelRow(ws);
      ws.spliceRows(h + 3, 0, []);
      const copyFrom = ws.getRow(h + 1);
      const vin = columnOf(ws, VIN);
      const last = columnOf(ws, '流失状态');
      copyFrom.eachCell((cell, c) => {
        if (c < last - 1) ws.getCell(h + 3, c).value = cell.value;
      });
      ws.getCell(h + 3, vin).value = 'LSVNEW00000000001';
    },
  },
  {
    name: 'one of the product\'s columns hidden',
    apply: (wb) => {
      const ws = customers(wb);
      ws.getColumn(columnOf(ws, '车龄段')).hidden = true;
    },
  },
  {
    name: 'a summary sheet renamed',
    apply: (wb) => {
      const ws = wb.getWorksheet(SUMMARY)!;
      ws.name = '我的总览';
    },
    // Updated in place under the user's name: not kept stale beside a new copy under the old name.
    check: (after) => {
      expect(after.has('我的总览')).toBe(true);
      expect(after.has(SUMMARY)).toBe(false);
      expect(after.get('我的总览')).toEqual(FIRST.get(SUMMARY));
    },
  },
];

describe.each(['memory', 'stream'] as const)('edits between refreshes (%s engine)', (engine) => {
  let analysed: string;
  let firstStatus: Map<string, CellValue>;

  beforeAll(async () => {
    const sample = path.join(dir, `sample-${engine}.xlsx`);
    expect((await runCli(['sample', '--out', sample, '--vehicles', '60', '--seed', '5', '--as-of', AS_OF])).code).toBe(0);
    analysed = path.join(dir, `analysed-${engine}.xlsx`);
    const r = await analyse(sample, analysed, engine);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { state } = await readWorkbook(analysed);
    CUSTOMERS = Object.entries(state!.ownedColumns).find(([, o]) => o.headers.includes('流失状态'))![0];
    MAPPED = state!.mappings[CUSTOMERS];
    VIN = MAPPED.vin;
    SUMMARY = Object.values(state!.ownedSheets)[0];
    FIRST = await grids(analysed);
    firstStatus = statusByVin(FIRST.get(CUSTOMERS)!);
    expect(firstStatus.size).toBeGreaterThan(40);
  });

  it.each(EDITS.map((e) => [e.name, e] as const))('%s', async (_name, edit) => {
    const slug = EDITS.indexOf(edit);
    const editedFile = path.join(dir, `edited-${engine}-${slug}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(analysed);
    edit.apply(wb);
    await wb.xlsx.writeFile(editedFile);
    const edited = await grids(editedFile);
    const before = await readWorkbook(editedFile);
    const productSheets = new Set(Object.values(before.state?.ownedSheets ?? {}));
    productSheets.add('我的总览');

    const refreshed = path.join(dir, `refreshed-${engine}-${slug}.xlsx`);
    const r = await analyse(editedFile, refreshed, engine);
    expect(r.err).not.toContain('拒绝覆盖');
    expect(r.code).toBe(0);
    const after = await grids(refreshed);

    // Every user cell kept, at its address.
    const cells = userCells(edited, productSheets);
    expect(cells.size).toBeGreaterThan(300);
    const changed = [...cells].filter(([key, v]) => cellAt(after, key) !== v).map(([key, v]) => `${key}: ${String(v)} -> ${String(cellAt(after, key))}`);
    expect(changed).toEqual([]);

    // The product's columns once each, where they were (in place), with the right status per vehicle.
    const sheetAfter = after.get(CUSTOMERS)!;
    const colsBefore = productColumns(edited.get(CUSTOMERS)!);
    const colsAfter = productColumns(sheetAfter);
    expect([...colsAfter.keys()].sort()).toEqual([...PRODUCT].sort());
    expect(colsAfter).toEqual(colsBefore);
    const status = statusByVin(sheetAfter);
    for (const [vin, s] of firstStatus) if (status.has(vin)) expect([vin, status.get(vin)]).toEqual([vin, s]);
    for (const vin of edit.added ?? []) expect(status.get(vin)).not.toBe('');

    // No sheet twice (a renamed summary is replaced in place or kept, never duplicated under a suffix).
    expect([...after.keys()].filter((n) => / \(\d+\)$/.test(n))).toEqual([]);

    edit.check?.(after);

    // A second refresh changes nothing.
    const again = path.join(dir, `again-${engine}-${slug}.xlsx`);
    expect((await analyse(refreshed, again, engine)).code).toBe(0);
    const twice = await grids(again);
    expect([...twice.keys()]).toEqual([...after.keys()]);
    for (const [name, grid] of after) expect([name, twice.get(name)]).toEqual([name, grid]);
  });
});
