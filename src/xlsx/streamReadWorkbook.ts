/**
 * Reads a large .xlsx file straight into the grids the core takes (the same values readWorkbook gives: '' for
 * blank, dates as serial numbers, formulas as cached results), keeping besides each grid only what the streaming
 * writer needs to write the sheet back faithfully enough: each cell's number format (so dates stay dates), the
 * formulas of formula cells and the sheet's visibility.
 *
 * The bytes are scanned by src/xlsx/scanWorkbook.ts (zlib + a hand-written scan of the sheet XML and shared
 * strings): exceljs's streaming reader, used before, spent most of a large run in saxes and in its per-cell objects.
 *
 * Not kept (the in-memory path keeps them, see fileEngine.ts): fonts, fills, borders, merges, column widths, the
 * user's own validations, conditional formats and tables on source sheets.
 */
import type { CellValue, Grid, WorkbookState } from '../core/plan/types';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { assertStateSheetIsOurs, stateFromGrid } from '../core/state/stateSheet';
import { NotAWorkbookError } from './errors';
import { identifyFile } from './identifyFile';
import { padRows } from './readWorkbook';
import type { ExistingName } from '../core/plan/tableNames';
import { isNamePart, packageNames } from './workbookNames';
import { readZipFileEntries } from './zip';
import { openWorkbookScan, type WorkbookScan } from './scanWorkbook';

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's table of built-in number formats is only reachable by path */
const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as { getDefaultFmtCode(id: number): string | undefined };
/* eslint-enable @typescript-eslint/no-require-imports */

/** Number formats of a sheet's cells: a small table of format strings, and per row a column -> index array. */
export interface CellFormats {
  /** Index 0 is 'General' (no format written). */
  names: string[];
  /** rows[r]?.[c] is the index into names of cell (r, c); undefined rows / 0 mean General. */
  rows: (Uint16Array | undefined)[];
}

/** One source sheet read by the streaming reader. */
export interface StreamedSheet {
  name: string;
  grid: CellValue[][];
  formats: CellFormats;
  /** Formula text (without '=') of formula cells, by `row * 16384 + col`. */
  formulas: Map<number, string>;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface StreamReadResult {
  /** Every worksheet except the state sheet, in workbook order. */
  sheets: StreamedSheet[];
  state: WorkbookState | null;
  /** The workbook's table and defined names (read from the package parts), as readWorkbook gives them. */
  names: ExistingName[];
}

/** Key of a cell in StreamedSheet.formulas. */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

/**
 * Text with OOXML's _xHHHH_ escapes decoded (how Excel and streamWriteWorkbook store control characters and CR).
 * Other values pass through.
 * @example decodeEscapes('a_x000D_b') // 'a\rb'
 */
export function decodeEscapes(v: CellValue): CellValue {
  if (typeof v !== 'string' || v.indexOf('_x') < 0) return v;
  return v.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Streams `file` into grids, one sheet at a time.
 * @throws NotAWorkbookError when the file is missing or not an .xlsx workbook.
 * @example const { sheets, state } = await streamReadWorkbook('dealer-group.xlsx');
 */
export async function streamReadWorkbook(file: string): Promise<StreamReadResult> {
  const { kind } = identifyFile(file);
  if (kind !== 'xlsx') throw new NotAWorkbookError(file, kind);
  let scan: WorkbookScan | undefined;
  const read: StreamedSheet[] = [];
  let listed = 0;
  try {
    scan = await openWorkbookScan(file, (id) => NumFmtXform.getDefaultFmtCode(id));
    listed = scan.sheets.length;
    for (const entry of scan.sheets) {
      if (!entry.part) continue; // a sheet without its part (or a chart sheet's missing part): nothing to read
      if (!/^xl\/worksheets\//.test(entry.part)) continue; // chart sheets, dialog sheets: no cells
      const s = await scan.readSheet(entry);
      let width = 0;
      for (const row of s.grid) if (row.length > width) width = row.length;
      padRows(s.grid, width);
      read.push({ name: entry.name, grid: s.grid, formats: { names: s.formatNames, rows: s.formatRows }, formulas: s.formulas, visibility: entry.state });
    }
  } catch (e) {
    throw new NotAWorkbookError(file, 'damaged', e instanceof Error ? e.message : String(e));
  } finally {
    scan?.close();
  }
  if (listed === 0 && read.length === 0) throw new NotAWorkbookError(file, 'damaged', 'no worksheets');

  let state: WorkbookState | null = null;
  const sheets: StreamedSheet[] = [];
  for (const s of read) {
    if (s.name === STATE_SHEET_NAME) {
      assertStateSheetIsOurs(s.grid as Grid, s.name);
      state = stateFromGrid(s.grid as Grid);
      continue;
    }
    sheets.push(s);
  }
  // The tables' names and header rows: the core follows a product table the user renamed and avoids every name.
  return { sheets, state, names: namesOf(file) };
}

/** The package's names, or none when its parts cannot be read this way (a Zip64 file: the rows were read anyway). */
function namesOf(file: string): ExistingName[] {
  try {
    return packageNames(readZipFileEntries(file, isNamePart));
  } catch {
    return [];
  }
}
