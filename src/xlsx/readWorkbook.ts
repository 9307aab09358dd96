/**
 * Reads an .xlsx file into the grids the core takes, exactly as Office's `Range.values` gives them:
 * anchored at A1, '' for blank, dates as 1900-system serial numbers, formulas as their cached results,
 * the non-top-left cells of a merged area as ''. The ChurnDesk state sheet is read separately.
 *
 * The whole workbook is loaded (not streamed) because the CLI renders the plan into the same workbook
 * object, keeping every source sheet as the user made it.
 */
import ExcelJS from 'exceljs';
import type { Grid, SheetInput, WorkbookState, CellValue } from '../core/plan/types';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { assertStateSheetIsOurs, stateFromGrid } from '../core/state/stateSheet';
import { toCellValue } from './cellValue';
import { checkInGrid, NotAWorkbookError } from './errors';
import { identifyFile } from './identifyFile';
import { applyExceljsPatches } from './exceljsPatches';
import { workbookNames } from './workbookNames';
import type { ExistingName } from '../core/plan/tableNames';

applyExceljsPatches();

export interface ReadResult {
  workbook: ExcelJS.Workbook;
  /** Every worksheet except the state sheet, in workbook order. */
  sheets: SheetInput[];
  /** The stored WorkbookState, or null when the workbook has none (or it is damaged). */
  state: WorkbookState | null;
  /** The workbook's table and defined names (the plan's table names avoid them). */
  names: ExistingName[];
}

/**
 * Loads an .xlsx file.
 * @throws NotAWorkbookError when the file is missing or is not an .xlsx workbook.
 * @example const wb = await loadWorkbook('in.xlsx');
 */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const { kind } = identifyFile(file);
  if (kind !== 'xlsx') throw new NotAWorkbookError(file, kind);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new NotAWorkbookError(file, 'damaged', e instanceof Error ? e.message : String(e));
  }
  return workbook;
}

/**
 * Pads the rows to one width, as Range.values would give them, unless that would take more than 5,000,000 cells
 * (Excel's own read limit): a lone cell at XFD1048576 must not turn into 17 billion blanks. The grid then stays
 * ragged, which the core accepts (a missing cell reads as blank).
 */
export function padRows(rows: unknown[][], width: number): void {
  if (rows.length * width > 5_000_000) return;
  for (const r of rows) while (r.length < width) r.push('');
}

/**
 * One worksheet as a rectangular grid anchored at A1 (rows up to the last non-empty row).
 * @example worksheetToGrid(ws) // [['客户姓名', '购车日期'], ['王五', 45052]]
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      checkInGrid(ws.name, rowNumber, colNumber);
      // Office returns '' for every cell of a merged area but its top-left one; exceljs repeats the master's value.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v === '') return;
      while (out.length < colNumber - 1) out.push('');
      out[colNumber - 1] = v;
    });
    if (out.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = out;
    if (out.length > width) width = out.length;
  });
  padRows(rows, width);
  return rows;
}

/**
 * Every sheet of a loaded workbook as SheetInput, plus the stored state.
 * @example const { sheets, state } = workbookToSheets(wb);
 */
export function workbookToSheets(workbook: ExcelJS.Workbook): { sheets: SheetInput[]; state: WorkbookState | null } {
  const sheets: SheetInput[] = [];
  let state: WorkbookState | null = null;
  workbook.eachSheet((ws) => {
    if (ws.name === STATE_SHEET_NAME) {
      const grid = worksheetToGrid(ws) as Grid;
      assertStateSheetIsOurs(grid, ws.name);
      state = stateFromGrid(grid);
      return;
    }
    sheets.push({ name: ws.name, grid: worksheetToGrid(ws) });
  });
  return { sheets, state };
}

/**
 * Reads a file: the loaded workbook (to render into), its sheets as grids and its state.
 * @throws NotAWorkbookError
 * @example const { sheets, state } = await readWorkbook('dealer.xlsx');
 */
export async function readWorkbook(file: string): Promise<ReadResult> {
  const workbook = await loadWorkbook(file);
  return { workbook, ...workbookToSheets(workbook), names: workbookNames(workbook) };
}
