/**
 * Issue 14.3: the edits a user makes to an analysed workbook between refreshes, as exceljs applies them the way Excel
 * would (columns and rows inserted, deleted, moved, sorted, a column hidden, a column of notes typed right of ours, a
 * summary sheet or a product table renamed). One list, run by the file engines (test/xlsx/editScenarios.test.ts) and
 * by the production add-in on ../shared/office-emu (test/emu/editScenarios.test.ts), with the helpers both use to
 * find the product's columns and the user's cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/plan/types';
import { CLASSIFICATION_HEADERS } from '../e2e/runCli';

export type Grids = Map<string, CellValue[][]>;

/** What the edits need to know about the analysed workbook (read from its state). */
export interface EditContext {
  /** The customer sheet (the one the classification columns are written beside). */
  customers: string;
  /** The header of its VIN column (the sample picks it from a vocabulary). */
  vin: string;
  /** The recorded mapping of the customer sheet: field -> header. */
  mapped: Record<string, string>;
  /** The first summary sheet the product wrote. */
  summary: string;
}

export interface Edit {
  name: string;
  apply: (wb: ExcelJS.Workbook, ctx: EditContext) => void;
  /** VINs whose status may change (rows the edit added); others keep the first run's status. */
  added?: string[];
  /** The summary sheet renamed by the user, to this name: it must be updated in place under it. */
  renamesSummaryTo?: string;
}

export const PRODUCT_HEADERS = new Set(CLASSIFICATION_HEADERS);

/** The 0-based row of a grid holding the VIN header. */
export function headerRowOf(grid: CellValue[][], vin: string): number {
  const r = grid.findIndex((row) => row?.includes(vin));
  if (r < 0) throw new Error('no header row');
  return r;
}

/** The product's columns on the customer sheet: header -> column index (every header once). */
export function productColumns(grid: CellValue[][], vin: string): Map<string, number> {
  const h = headerRowOf(grid, vin);
  const out = new Map<string, number>();
  grid[h].forEach((v, c) => {
    if (typeof v === 'string' && PRODUCT_HEADERS.has(v)) {
      if (out.has(v)) throw new Error(`${v} twice`);
      out.set(v, c);
    }
  });
  return out;
}

/** Status per VIN (the first row of a VIN), from the product's columns. */
export function statusByVin(grid: CellValue[][], vin: string): Map<string, CellValue> {
  const h = headerRowOf(grid, vin);
  const vinCol = grid[h].indexOf(vin);
  const status = productColumns(grid, vin).get('流失状态')!;
  const out = new Map<string, CellValue>();
  for (let r = h + 1; r < grid.length; r++) {
    const v = grid[r]?.[vinCol];
    if (typeof v === 'string' && v && !out.has(v)) out.set(v, grid[r][status] ?? '');
  }
  return out;
}

/**
 * Every user cell of a workbook, by sheet and address: all cells of the sheets the product did not create, except,
 * on the customer sheet, the product's columns.
 */
export function userCells(grids: Grids, productSheets: Set<string>, ctx: Pick<EditContext, 'customers' | 'vin'>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const [name, grid] of grids) {
    if (productSheets.has(name)) continue;
    const owned = name === ctx.customers ? new Set(productColumns(grid, ctx.vin).values()) : new Set<number>();
    grid.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined && !owned.has(c)) out.set(`${name}!${r},${c}`, v);
      }),
    );
  }
  return out;
}

/** The value at a userCells key ('sheet!r,c') in another workbook's grids. */
export function cellAt(g: Grids, key: string): CellValue {
  const bang = key.lastIndexOf('!');
  const [r, c] = key.slice(bang + 1).split(',').map(Number);
  return g.get(key.slice(0, bang))?.[r]?.[c] ?? '';
}

/** The user cells of `before` that `after` does not hold at the same address with the same value ('' = none). */
export function changedUserCells(before: Map<string, CellValue>, after: Grids): string[] {
  return [...before].filter(([key, v]) => cellAt(after, key) !== v).map(([key, v]) => `${key}: ${String(v)} -> ${String(cellAt(after, key))}`);
}

function customers(wb: ExcelJS.Workbook, ctx: EditContext): ExcelJS.Worksheet {
  return wb.getWorksheet(ctx.customers)!;
}

/** The 1-based Excel row of the customer sheet's header. */
export function headerExcelRow(ws: ExcelJS.Worksheet, vin: string): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 200); r++) {
    let found = false;
    ws.getRow(r).eachCell((cell) => (found ||= cell.value === vin));
    if (found) return r;
  }
  throw new Error('no header');
}

/** The 1-based column headed `header` on the customer sheet. */
export function columnOf(ws: ExcelJS.Worksheet, vin: string, header: string): number {
  let col = -1;
  ws.getRow(headerExcelRow(ws, vin)).eachCell((cell, c) => {
    if (cell.value === header) col = c;
  });
  if (col < 0) throw new Error(`no ${header}`);
  return col;
}

/** The first user column the analysis does not read (deleting or moving it changes no result). */
function unusedUserColumn(ws: ExcelJS.Worksheet, ctx: EditContext): number {
  const used = new Set([...Object.values(ctx.mapped), ...PRODUCT_HEADERS]);
  let col = -1;
  ws.getRow(headerExcelRow(ws, ctx.vin)).eachCell((cell, c) => {
    if (col < 0 && typeof cell.value === 'string' && !used.has(cell.value)) col = c;
  });
  if (col < 0) throw new Error('no unused user column');
  return col;
}

/** The data rows' values of the customer sheet (header excluded), one array per row, blank rows left out. */
function dataRows(ws: ExcelJS.Worksheet, h: number): ExcelJS.CellValue[][] {
  const width = ws.columnCount;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vals: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= width; c++) vals.push(row.getCell(c).value);
    if (vals.some((v) => v !== null && v !== '')) rows.push(vals);
  }
  return rows;
}

/** A column inserted as the sheet's third, with a header and one note. */
function insertColumn(wb: ExcelJS.Workbook, ctx: EditContext): void {
  const ws = customers(wb, ctx);
  const h = headerExcelRow(ws, ctx.vin);
  ws.spliceColumns(3, 0, []);
  ws.getCell(h, 3).value = '我的备注';
  ws.getCell(h + 1, 3).value = '周二再打';
}

/** The data rows sorted by VIN, descending, every column with them (as Excel's sort of the whole region). */
function sortByVin(wb: ExcelJS.Workbook, ctx: EditContext): void {
  const ws = customers(wb, ctx);
  const h = headerExcelRow(ws, ctx.vin);
  const vin = columnOf(ws, ctx.vin, ctx.vin);
  const rows = dataRows(ws, h);
  rows.sort((a, b) => String(b[vin - 1] ?? '').localeCompare(String(a[vin - 1] ?? '')));
  rows.forEach((vals, i) => vals.forEach((v, c) => (ws.getRow(h + 1 + i).getCell(c + 1).value = v)));
}

export const EDITS: Edit[] = [
  {
    name: 'a column inserted among the user\'s columns',
    apply: insertColumn,
  },
  {
    name: 'a user column deleted',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      ws.spliceColumns(unusedUserColumn(ws, ctx), 1);
    },
  },
  {
    name: 'a user column moved to the front (cut and inserted)',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      const col = unusedUserColumn(ws, ctx);
      const values: ExcelJS.CellValue[] = [];
      for (let r = 1; r <= ws.rowCount; r++) values.push(ws.getCell(r, col).value);
      ws.spliceColumns(col, 1);
      ws.spliceColumns(1, 0, values);
    },
  },
  {
    name: 'rows inserted above the header',
    apply: (wb, ctx) => {
      customers(wb, ctx).spliceRows(1, 0, ['本表由售后部维护'], []);
    },
  },
  {
    name: 'a column of notes typed right of the product\'s columns',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      const h = headerExcelRow(ws, ctx.vin);
      const last = columnOf(ws, ctx.vin, '重复记录');
      ws.getCell(h, last + 1).value = '回访备注';
      ws.getCell(h + 2, last + 1).value = '客户说下月来';
    },
  },
  {
    name: 'a column inserted left of the data and a notes column right of ours',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      ws.spliceColumns(1, 0, []);
      const h = headerExcelRow(ws, ctx.vin);
      ws.getCell(h, 1).value = '序号';
      const last = columnOf(ws, ctx.vin, '重复记录');
      ws.getCell(h, last + 1).value = '回访备注';
      ws.getCell(h + 1, last + 1).value = '已约';
    },
  },
  {
    name: 'the data sorted by VIN, descending (the product\'s columns sorted with it)',
    apply: sortByVin,
  },
  {
    name: 'a data row inserted in the middle',
    added: ['LSVNEW00000000001'],
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      const h = headerExcelRow(ws, ctx.vin);
      ws.spliceRows(h + 3, 0, []);
      const vin = columnOf(ws, ctx.vin, ctx.vin);
      const last = columnOf(ws, ctx.vin, '流失状态');
      ws.getRow(h + 1).eachCell((cell, c) => {
        if (c < last - 1) ws.getCell(h + 3, c).value = cell.value;
      });
      ws.getCell(h + 3, vin).value = 'LSVNEW00000000001';
    },
  },
  {
    name: 'one of the product\'s columns hidden',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      ws.getColumn(columnOf(ws, ctx.vin, '车龄段')).hidden = true;
    },
  },
  {
    name: 'a summary sheet renamed',
    renamesSummaryTo: '我的总览',
    apply: (wb, ctx) => {
      wb.getWorksheet(ctx.summary)!.name = '我的总览';
    },
  },
  {
    name: 'a product table renamed',
    apply: (wb) => {
      // The first of the product's tables (CD_…), on whichever summary sheet holds it.
      const tables = wb.worksheets.flatMap((ws) => ws.getTables() as unknown as { table: { name: string; displayName?: string } }[]);
      const table = tables.find((t) => t.table.name.startsWith('CD_'));
      if (!table) throw new Error('no product table');
      table.table.name = '我的表';
      table.table.displayName = '我的表';
    },
  },
  {
    name: 'a column inserted, the data sorted and a summary sheet renamed, together',
    renamesSummaryTo: '总览(改)',
    apply: (wb, ctx) => {
      insertColumn(wb, ctx);
      sortByVin(wb, ctx);
      wb.getWorksheet(ctx.summary)!.name = '总览(改)';
    },
  },
];
