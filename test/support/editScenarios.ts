/**
 * Issue 14.3: the edits a user makes to an analysed workbook between refreshes, as exceljs applies them the way Excel
 * would (columns and rows inserted, deleted, moved, sorted, a column hidden, a column of notes typed right of ours, a
 * summary sheet or a product table renamed). One list, run by the file engines (test/xlsx/editScenarios.test.ts) and
 * by the production add-in on ../shared/office-emu (test/emu/editScenarios.test.ts), with the helpers both use to
 * find the product's columns and the user's cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue, WorkbookState } from '../../src/core/plan/types';
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
  /** The sheet of the first product table (the one the edits rename), and that table's name. */
  tableSheet: string;
  table: string;
}

export interface Edit {
  name: string;
  apply: (wb: ExcelJS.Workbook, ctx: EditContext) => void;
  /** VINs whose status may change (rows the edit added); others keep the first run's status. */
  added?: string[];
  /** The summary sheet renamed by the user, to this name: it must be updated in place under it. */
  renamesSummaryTo?: string;
  /** A product table renamed by the user, to this name: it must keep that name (and the plan's must not come back). */
  renamesTableTo?: string;
  /** The sheet of that table renamed too, to this name. */
  renamesTableSheetTo?: string;
  /** The edit deletes a vehicle's row: the summaries' figures change with it. */
  removesVehicle?: boolean;
}

export const PRODUCT_HEADERS = new Set(CLASSIFICATION_HEADERS);

/** The product's sheets an edit renames: [name before, the user's name]. */
export function sheetRenames(edit: Edit, ctx: EditContext): [string, string][] {
  const out: [string, string][] = [];
  if (edit.renamesSummaryTo) out.push([ctx.summary, edit.renamesSummaryTo]);
  if (edit.renamesTableSheetTo) out.push([ctx.tableSheet, edit.renamesTableSheetTo]);
  return out;
}

/**
 * The context of an analysed workbook (its state read back, and the workbook itself for its tables).
 * @example editContext(state, wb).customers // '保有客户明细'
 */
export function editContext(state: WorkbookState, wb: ExcelJS.Workbook): EditContext {
  const customers = Object.entries(state.ownedColumns).find(([, o]) => o.headers.includes('流失状态'))![0];
  const mapped = state.mappings[customers];
  const table = productTables(wb)[0];
  if (!table) throw new Error('no product table');
  return { customers, vin: mapped.vin, mapped, summary: Object.values(state.ownedSheets)[0], tableSheet: table.sheet, table: table.table.name };
}

/** The tables of an exceljs workbook: name, sheet, header row. */
export function tablesOfWorkbook(wb: ExcelJS.Workbook): { name: string; sheet: string; ref: string; columns: string[] }[] {
  return wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }[]).map((t) => ({
      name: t.table.name,
      sheet: ws.name,
      ref: t.table.tableRef ?? t.table.ref ?? '',
      columns: t.table.columns.map((c) => c.name),
    })),
  );
}

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

/**
 * The first user column the analysis does not read (deleting or moving it changes no result). Not one that holds a
 * total row's label (合计 under 序号): without its label, the total row reads as a record.
 */
function unusedUserColumn(ws: ExcelJS.Worksheet, ctx: EditContext): number {
  const used = new Set([...Object.values(ctx.mapped), ...PRODUCT_HEADERS]);
  const h = headerExcelRow(ws, ctx.vin);
  const holdsTotal = (c: number) => {
    for (let r = h + 1; r <= ws.rowCount; r++) if (/^(合计|总计|小计|共计)$/.test(String(ws.getCell(r, c).value ?? '').trim())) return true;
    return false;
  };
  let col = -1;
  ws.getRow(h).eachCell((cell, c) => {
    if (col < 0 && typeof cell.value === 'string' && !used.has(cell.value) && !holdsTotal(c)) col = c;
  });
  // Every column is read (the sample's): the service advisor's only shows on the win-back list, no figure uses it.
  if (col < 0 && ctx.mapped.advisor) col = columnOf(ws, ctx.vin, ctx.mapped.advisor);
  if (col < 0) throw new Error('no unused user column');
  return col;
}

/** A column the analysis reads, found by its header wherever it is: the region's (else an unused one). */
function readColumn(ws: ExcelJS.Worksheet, ctx: EditContext): number {
  return ctx.mapped.region ? columnOf(ws, ctx.vin, ctx.mapped.region) : unusedUserColumn(ws, ctx);
}

/** The column `col` cut and inserted as the sheet's first, with every row's value (Excel's Cut, Insert Cut Cells). */
function moveToFront(ws: ExcelJS.Worksheet, col: number): void {
  const values: ExcelJS.CellValue[] = [];
  for (let r = 1; r <= ws.rowCount; r++) values.push(ws.getCell(r, col).value);
  ws.spliceColumns(col, 1);
  ws.spliceColumns(1, 0, values);
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

/** The product's tables of a workbook (CD_…), in sheet order: the first is the one the edits rename. */
function productTables(wb: ExcelJS.Workbook): { sheet: string; table: { name: string; displayName?: string } }[] {
  return wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { table: { name: string; displayName?: string } }[]).filter((t) => t.table.name.startsWith('CD_')).map((t) => ({ sheet: ws.name, table: t.table })),
  );
}

/** The product table ctx.table renamed to `to`, as Excel's Table Design > Table Name does (name and displayName). */
function renameTable(wb: ExcelJS.Workbook, ctx: EditContext, to: string): void {
  const table = productTables(wb).find((t) => t.table.name === ctx.table);
  if (!table) throw new Error(`no table ${ctx.table}`);
  table.table.name = to;
  table.table.displayName = to;
}

/**
 * The row of the `n`-th vehicle listed once (0-based, sheet order) deleted, every column with it, as Excel's Delete
 * Sheet Rows does; returns its VIN. (A vehicle listed twice would change its classification when one row goes.)
 */
function deleteDataRow(wb: ExcelJS.Workbook, ctx: EditContext, n: number): string {
  const ws = customers(wb, ctx);
  const h = headerExcelRow(ws, ctx.vin);
  const vin = columnOf(ws, ctx.vin, ctx.vin);
  const rows = new Map<string, number[]>();
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, vin).value;
    if (typeof v === 'string' && v) rows.set(v, [...(rows.get(v) ?? []), r]);
  }
  const once = [...rows].filter(([, rs]) => rs.length === 1);
  if (n >= once.length) throw new Error('no such data row');
  const [v, [r]] = once[n];
  ws.spliceRows(r, 1);
  return v;
}

/** A user column the analysis does not read, hidden. */
function hideUserColumn(wb: ExcelJS.Workbook, ctx: EditContext): void {
  const ws = customers(wb, ctx);
  ws.getColumn(unusedUserColumn(ws, ctx)).hidden = true;
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
    name: 'a user column the analysis reads (地区) moved to the front (cut and inserted)',
    apply: (wb, ctx) => {
      const ws = customers(wb, ctx);
      moveToFront(ws, readColumn(ws, ctx));
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
    renamesTableTo: '我的表',
    apply: (wb, ctx) => renameTable(wb, ctx, '我的表'),
  },
  {
    name: 'a data row deleted',
    removesVehicle: true,
    apply: (wb, ctx) => {
      deleteDataRow(wb, ctx, 3);
    },
  },
  {
    name: 'a user column hidden',
    apply: hideUserColumn,
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
  {
    name: 'a product table and its sheet renamed, a data row deleted, a user column moved and hidden, together',
    renamesTableTo: 'Mine_2026',
    renamesTableSheetTo: '概览(我的)',
    removesVehicle: true,
    apply: (wb, ctx) => {
      renameTable(wb, ctx, 'Mine_2026');
      wb.getWorksheet(ctx.tableSheet)!.name = '概览(我的)';
      deleteDataRow(wb, ctx, 0);
      const ws = customers(wb, ctx);
      moveToFront(ws, readColumn(ws, ctx));
      ws.getColumn(1).hidden = true;
    },
  },
];
