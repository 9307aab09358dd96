/**
 * Reads a large .xlsx file row by row with exceljs's streaming WorkbookReader straight into the grids the core
 * takes (the same values readWorkbook gives: '' for blank, dates as serial numbers, formulas as cached results),
 * keeping besides each grid only what the streaming writer needs to write the sheet back faithfully enough:
 * each cell's number format (so dates stay dates), the formulas of formula cells and the sheet's visibility. No exceljs cell object outlives its row, so memory stays near the size of the grids.
 *
 * Not kept (the in-memory path keeps them, see fileEngine.ts): fonts, fills, borders, merges, column widths
 * (exceljs 4.4's streaming reader drops <cols>: it calls Column.fromModel with the wrong arguments), the user's
 * own validations, conditional formats and tables on source sheets.
 */
import { StringDecoder } from 'string_decoder';
import ExcelJS from 'exceljs';
import type { CellValue, Grid, WorkbookState } from '../core/plan/types';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { assertStateSheetIsOurs, stateFromGrid } from '../core/state/stateSheet';
import { toCellValue } from './cellValue';
import { checkInGrid, NotAWorkbookError } from './errors';
import { identifyFile } from './identifyFile';
import { padRows } from './readWorkbook';
import type { ExistingName } from '../core/plan/tableNames';
import { isNamePart, packageNames } from './workbookNames';
import { readZipFileEntries } from './zip';

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

interface SheetModel {
  name: string;
  state?: string;
}

/** What the streaming readers expose at run time beyond their typings. */
interface RowLike {
  number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: ExcelJS.Cell, col: number) => void): void;
}
interface WorksheetReaderLike extends AsyncIterable<RowLike> {
  name: string;
}

/**
 * Text with OOXML's _xHHHH_ escapes decoded (how Excel and streamWriteWorkbook store control characters and CR;
 * exceljs hands them over undecoded). Other values pass through.
 * @example decodeEscapes('a_x000D_b') // 'a\rb'
 */
export function decodeEscapes(v: CellValue): CellValue {
  if (typeof v !== 'string' || v.indexOf('_x') < 0) return v;
  return v.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function readSheet(ws: WorksheetReaderLike): Promise<Omit<StreamedSheet, 'visibility'>> {
  const grid: CellValue[][] = [];
  const formats: CellFormats = { names: ['General'], rows: [] };
  const formatIndex = new Map<string, number>([['General', 0]]);
  const formulas = new Map<number, string>();
  let width = 0;
  for await (const row of ws) {
    const r = row.number - 1;
    const out: CellValue[] = [];
    let rowFormats: number[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      checkInGrid(ws.name, row.number, colNumber);
      const c = colNumber - 1;
      const raw = cell.value;
      const v = decodeEscapes(toCellValue(raw));
      if (raw !== null && typeof raw === 'object' && 'formula' in raw && typeof raw.formula === 'string' && raw.formula !== '') {
        formulas.set(cellKey(r, c), raw.formula);
      }
      if (v === '') return;
      while (out.length < c) out.push('');
      out[c] = v;
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') {
        let k = formatIndex.get(fmt);
        if (k === undefined) formatIndex.set(fmt, (k = formats.names.push(fmt) - 1));
        (rowFormats ??= [])[c] = k;
      }
    });
    if (out.length === 0) continue;
    while (grid.length < r) grid.push([]);
    grid[r] = out;
    if (rowFormats) {
      const packed = new Uint16Array(out.length);
      for (let c = 0; c < rowFormats.length && c < out.length; c++) packed[c] = rowFormats[c] ?? 0;
      formats.rows[r] = packed;
    }
    if (out.length > width) width = out.length;
  }
  padRows(grid, width);
  return { name: ws.name, grid, formats, formulas };
}

/** A byte stream as text, decoded across chunk boundaries. */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The private parse steps of exceljs's WorkbookReader that utf8Safe wraps. */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): AsyncGenerator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

/**
 * Why: exceljs 4.4's streaming reader decodes every zip chunk to text on its own (parse-sax's bufferToString),
 * so a Chinese character split across two chunks becomes two U+FFFD ('咸宁市' read as '��宁市'). The reader's
 * worksheet and shared-strings steps are given already decoded text instead (test/xlsx/streamReadWorkbook.test.ts
 * fails if this stops working).
 */
function utf8Safe(reader: unknown): void {
  const internals = reader as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
    throw new Error('exceljs WorkbookReader changed: _parseWorksheet/_parseSharedStrings missing');
  }
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, utf8Chunks(iterator), sheetNo);
  };
  internals._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
}

/**
 * Streams `file` into grids, one sheet at a time.
 * @throws NotAWorkbookError when the file is missing or not an .xlsx workbook.
 * @example const { sheets, state } = await streamReadWorkbook('dealer-group.xlsx');
 */
export async function streamReadWorkbook(file: string): Promise<StreamReadResult> {
  const { kind } = identifyFile(file);
  if (kind !== 'xlsx') throw new NotAWorkbookError(file, kind);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  utf8Safe(reader);
  const read: Omit<StreamedSheet, 'visibility'>[] = [];
  try {
    for await (const ws of reader as unknown as AsyncIterable<WorksheetReaderLike>) read.push(await readSheet(ws));
  } catch (e) {
    throw new NotAWorkbookError(file, 'damaged', e instanceof Error ? e.message : String(e));
  }
  const models = ((reader as unknown as { model?: { sheets?: SheetModel[] } }).model?.sheets ?? []) as SheetModel[];
  if (models.length === 0 && read.length === 0) throw new NotAWorkbookError(file, 'damaged', 'no worksheets');
  const order = new Map(models.map((m, i) => [m.name, i]));
  const visibility = new Map(models.map((m) => [m.name, m.state]));
  read.sort((a, b) => (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));

  let state: WorkbookState | null = null;
  const sheets: StreamedSheet[] = [];
  for (const s of read) {
    if (s.name === STATE_SHEET_NAME) {
      assertStateSheetIsOurs(s.grid as Grid, s.name);
      state = stateFromGrid(s.grid as Grid);
      continue;
    }
    const v = visibility.get(s.name);
    sheets.push({ ...s, visibility: v === 'hidden' || v === 'veryHidden' ? v : 'visible' });
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
