/**
 * Writes a ColumnWrite (classification columns beside a dealer's data) in row blocks: the text format '@' on text
 * columns BEFORE their values, values in one 2-D write per block, number formats by whole column range. When the data is
 * an Excel table whose header row is the write's header row and whose right edge touches the new columns, the
 * columns are added as table columns so filters and the table's style cover them.
 * Before the first write, the target area's number formats are loaded in an earlier sync (`queueSnapshot`) so a
 * failure, even half-way through a batch, can put the dealer's sheet back exactly as it was (`rollbackColumnWrite`).
 */
import type { ColumnWrite, Grid, WorkbookState } from '../core/plan/types';
import { a1 } from '../core/plan/names';
import type { Capabilities } from './capabilities';
import { DEFAULT_CHUNK_POLICY, writeChunkRows, type ChunkPolicy } from './chunks';
import { ChurnDeskError } from './errors';
import { APPENDED_HEADER, applyStyle, numberFormatOf, setUniformFormat, widthToPoints } from './formats';
import { queueConditionalFormat, queueValidation } from './buildSheet';
import { blockAddress } from './readSheets';
import type { Syncer } from './syncer';

type Owned = WorkbookState['ownedColumns'][string] | undefined;

/** A user table as found before writing: its sheet and extent. */
export interface TableExtent {
  name: string;
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** What must be put back if the action fails: the area and its previous number formats. */
export interface ColumnUndo {
  sheet: string;
  firstRow: number;
  rows: number;
  firstCol: number;
  cols: number;
  /** Number formats of the area's first two rows (header, first data row) per column; the rest repeat row 2. */
  formats: string[][] | null;
}

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/**
 * The area a write touches (new columns plus the columns ChurnDesk owned before), header row to last row.
 * @throws ChurnDeskError('overwriteRefused') naming the first dealer cell it would cover (nothing is written).
 */
export function checkColumnWrite(write: ColumnWrite, grid: Grid, owned: Owned): ColumnUndo {
  const firstCol = Math.min(write.startColumn, owned?.startColumn ?? Infinity);
  const lastCol = Math.max(write.startColumn + write.columns.length - 1, owned ? owned.startColumn + owned.headers.length - 1 : -1);
  const firstRow = Math.min(write.headerRow, owned?.headerRow ?? Infinity);
  const lastRow = Math.max(write.lastDataRow, write.headerRow, grid.length - 1);
  const ownedCol = (c: number) => !!owned && c >= owned.startColumn && c < owned.startColumn + owned.headers.length;
  for (let r = write.headerRow; r <= Math.min(lastRow, grid.length - 1); r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = write.startColumn; c < write.startColumn + write.columns.length; c++) {
      if (ownedCol(c) && r >= (owned?.headerRow ?? 0)) continue;
      if (!isBlank(row[c])) throw new ChurnDeskError('overwriteRefused', 'office.error.overwriteRefused', { sheet: write.sheet, cell: a1(r, c) });
    }
  }
  return { sheet: write.sheet, firstRow, rows: lastRow - firstRow + 1, firstCol, cols: lastCol - firstCol + 1, formats: null };
}

/**
 * Writes one ColumnWrite's values and number formats (what `rollbackColumnWrite` can put back). Syncs once per row
 * block. Styles, widths and the clearing of old rules go into the swap's sync (`queueColumnFinish`); validations
 * and conditional formats are optional steps after it.
 */
export async function writeColumns(
  syncer: Syncer,
  write: ColumnWrite,
  undo: ColumnUndo,
  owned: Owned,
  table: TableExtent | undefined,
  policy: ChunkPolicy = DEFAULT_CHUNK_POLICY,
  /** Called after each sync with the rows of values it wrote (the header row counts 1), for the pane's progress. */
  onRowsWritten?: (rows: number) => void,
): Promise<void> {
  const context = syncer.context;
  const ws = context.workbook.worksheets.getItem(write.sheet);
  const n = write.columns.length;
  const rows = Math.max(0, write.lastDataRow - write.firstDataRow + 1);
  syncer.begin();
  if (owned) {
    const clearRows = Math.max(1, undo.firstRow + undo.rows - owned.headerRow);
    ws.getRange(blockAddress(owned.headerRow, clearRows, owned.startColumn, owned.headers.length)).clear('Contents');
  }
  if (table) {
    const tableEnd = table.columnIndex + table.columnCount;
    const t = context.workbook.tables.getItem(table.name);
    write.columns.forEach((c, i) => {
      if (write.startColumn + i >= tableEnd) t.columns.add(undefined, undefined, c.header);
    });
  }
  const header = ws.getRange(blockAddress(write.headerRow, 1, write.startColumn, n));
  header.numberFormat = [write.columns.map(() => '@')];
  header.values = [write.columns.map((c) => c.header)];

  const values = write.columns.map((c) => c.values);
  const size = writeChunkRows(values, rows, policy);
  const formats = write.columns.map((c) => numberFormatOf(c));
  let first = true;
  for (let s = 0; s < rows; s += size) {
    const m = Math.min(size, rows - s);
    if (!first) syncer.begin();
    // Number formats by whole column block, before the values: '@' keeps '=…', '+86…', '00123' as text.
    write.columns.forEach((_c, j) => {
      setUniformFormat(ws.getRange(blockAddress(write.firstDataRow + s, m, write.startColumn + j, 1)), formats[j]);
    });
    const block: unknown[][] = new Array(m);
    for (let i = 0; i < m; i++) {
      const row: unknown[] = new Array(n);
      for (let j = 0; j < n; j++) row[j] = values[j][s + i] ?? '';
      block[i] = row;
    }
    ws.getRange(blockAddress(write.firstDataRow + s, m, write.startColumn, n)).values = block;
    await syncer.sync(true);
    onRowsWritten?.(m + (first ? 1 : 0));
    first = false;
  }
  if (first) {
    await syncer.sync();
    onRowsWritten?.(1);
  }
}

/** The rows of values writeColumns writes for `write`: the header and the data rows. */
export function columnRowsToWrite(write: ColumnWrite): number {
  return 1 + Math.max(0, write.lastDataRow - write.firstDataRow + 1);
}

/**
 * Queues loading the number formats of the area a write will touch, to be synced BEFORE the write's first batch
 * (a batch that fails half-way applies some of its operations but returns none of its reads). Call
 * `keepSnapshot` after that sync. No sync.
 */
export function queueSnapshot(context: Excel.RequestContext, undo: ColumnUndo): Excel.Range {
  const snap = context.workbook.worksheets.getItem(undo.sheet).getRange(blockAddress(undo.firstRow, Math.min(2, undo.rows), undo.firstCol, undo.cols));
  snap.load('numberFormat');
  return snap;
}

/** Stores the synced snapshot in the undo record. */
export function keepSnapshot(undo: ColumnUndo, snap: Excel.Range): void {
  undo.formats = snap.numberFormat as string[][];
}

/**
 * Queues, into the swap's sync, what a rollback could not put back: the old ChurnDesk rules over the area are
 * cleared (so a refresh never stacks them), the header gets its style and every column its width. No sync.
 */
export function queueColumnFinish(context: Excel.RequestContext, write: ColumnWrite, undo: ColumnUndo, caps: Capabilities): void {
  const ws = context.workbook.worksheets.getItem(write.sheet);
  const n = write.columns.length;
  const lastRow = Math.max(undo.firstRow + undo.rows - 1, write.lastDataRow);
  if (lastRow >= write.firstDataRow) {
    const data = ws.getRange(blockAddress(write.firstDataRow, lastRow - write.firstDataRow + 1, undo.firstCol, undo.cols));
    if (caps.conditionalFormats) data.conditionalFormats.clearAll();
    if (caps.dataValidation) data.dataValidation.clear();
  }
  applyStyle(ws.getRange(blockAddress(write.headerRow, 1, write.startColumn, n)), APPENDED_HEADER);
  write.columns.forEach((c, j) => {
    const col = ws.getRange(blockAddress(write.headerRow, 1, write.startColumn + j, 1));
    col.format.columnWidth = widthToPoints(c.width ?? Math.max(10, Math.min(40, c.header.length * 2 + 4)));
  });
}

/** Optional step (after the swap): the drop-down lists of the appended columns. Only adds. Returns how many. */
export function queueColumnValidations(context: Excel.RequestContext, write: ColumnWrite): number {
  const ws = context.workbook.worksheets.getItem(write.sheet);
  const rows = Math.max(0, write.lastDataRow - write.firstDataRow + 1);
  if (rows === 0) return 0;
  let n = 0;
  write.columns.forEach((c, j) => {
    if (c.validation && queueValidation(ws.getRange(blockAddress(write.firstDataRow, rows, write.startColumn + j, 1)), c.validation)) n++;
  });
  return n;
}

/** Optional step (after the swap): the conditional formats of the appended columns. Only adds. Returns how many. */
export function queueColumnConditionalFormats(context: Excel.RequestContext, write: ColumnWrite): number {
  const ws = context.workbook.worksheets.getItem(write.sheet);
  let n = 0;
  for (const cf of write.conditionalFormats ?? []) {
    queueConditionalFormat(ws, cf, write.startColumn);
    n++;
  }
  return n;
}

/**
 * Puts the touched area back: number formats from the snapshot, then the values as read before the action.
 * Blocks of rows, one sync each. Added table columns are not removed (the dealer's data is unchanged).
 */
export async function rollbackColumnWrite(syncer: Syncer, undo: ColumnUndo, grid: Grid, policy: ChunkPolicy = DEFAULT_CHUNK_POLICY): Promise<void> {
  const ws = syncer.context.workbook.worksheets.getItem(undo.sheet);
  const columns: unknown[][] = [];
  for (let j = 0; j < undo.cols; j++) {
    const col: unknown[] = new Array(undo.rows);
    for (let i = 0; i < undo.rows; i++) {
      const v = grid[undo.firstRow + i]?.[undo.firstCol + j];
      col[i] = v === undefined || v === null ? '' : v;
    }
    columns.push(col);
  }
  const size = writeChunkRows(columns, undo.rows, policy);
  for (let s = 0; s < undo.rows; s += size) {
    const m = Math.min(size, undo.rows - s);
    const range = ws.getRange(blockAddress(undo.firstRow + s, m, undo.firstCol, undo.cols));
    if (undo.formats && s === 0) {
      // Formats were uniform per column: row 1 of the snapshot is the header row's, row 2 every later row's.
      const header = undo.formats[0];
      const body = undo.formats[Math.min(1, undo.formats.length - 1)];
      for (let j = 0; j < undo.cols; j++) {
        setUniformFormat(ws.getRange(blockAddress(undo.firstRow, 1, undo.firstCol + j, 1)), String(header[j]));
        if (undo.rows > 1) setUniformFormat(ws.getRange(blockAddress(undo.firstRow + 1, undo.rows - 1, undo.firstCol + j, 1)), String(body[j]));
      }
    }
    const block: unknown[][] = new Array(m);
    for (let i = 0; i < m; i++) block[i] = columns.map((c) => c[s + i]);
    range.values = block;
    await syncer.sync(true);
  }
}
