/**
 * Reads the workbook's sheets as grids (rows of `Range.values`, anchored at A1) in row blocks:
 * 1. `listSheets`: names, visibility and the used extent of every sheet (2 syncs, whatever the workbook size);
 * 2. `readHeads`: the first HEADER_SCAN_ROWS (200) rows of each sheet, so the core can tell which sheets it needs and
 *    finds a header standing low (1 sync; bounded in cells: a wide sheet gets fewer rows, never fewer than 30);
 * 3. `readGrids`: full reads of the needed sheets only, in blocks sized by `readChunkRows` (≤ 4 MB estimated,
 *    ≤ 2,000,000 cells), several small blocks packed into one sync, one sync per block at most. On a payload-limit
 *    error (or a read Excel answered with null, as it does past 5,000,000 cells) the block is retried with half
 *    the rows.
 * Only `values` are loaded. A sheet wider than COLUMN_SLICE columns is read in column slices (a range from A to XFD
 * is unbounded to Excel and comes back without values); a read still without values stops with a message naming
 * the sheet.
 */
import type { Grid, SheetInput } from '../core/plan/types';
import { columnLetter } from '../core/plan/names';
import { HEADER_SCAN_ROWS } from '../core/sheets/findHeaderRow';
import { DEFAULT_CHUNK_POLICY, readChunkRows, type ChunkPolicy } from './chunks';
import { ChurnDeskError, isPayloadLimitError, throwIfAborted } from './errors';

export interface SheetExtent {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Rows and columns from A1 to the used range's last cell (0 × 0 when the sheet is empty). */
  rows: number;
  cols: number;
}

/** A1 address of rows [r0, r0+n) × columns [0, cols). */
export function blockAddress(r0: number, n: number, c0: number, cols: number): string {
  return `${columnLetter(c0)}${r0 + 1}:${columnLetter(c0 + cols - 1)}${r0 + n}`;
}

/**
 * Columns per range read. A range from column A to XFD is a range of entire rows, which Excel treats as unbounded:
 * "the response will contain null values for cell-level properties such as values" (docs, *Read or write to an
 * unbounded range*; the emulator does the same). A sheet used that far is read in slices of at most this many
 * columns, so every range is bounded, and the rows put together again.
 */
export const COLUMN_SLICE = 4096;

/** The column slices [c0, c0 + width) a read of `cols` columns is made of (one when it fits). */
export function columnSlices(cols: number): { c0: number; width: number }[] {
  const out: { c0: number; width: number }[] = [];
  for (let c0 = 0; c0 < cols; c0 += COLUMN_SLICE) out.push({ c0, width: Math.min(COLUMN_SLICE, cols - c0) });
  return out;
}

/** Queues the reads of rows [r0, r0+n) × columns [0, cols) of `sheet`, one range per column slice. */
export function queueBlockRead(context: Excel.RequestContext, sheet: string, r0: number, n: number, cols: number, properties = 'values'): Excel.Range[] {
  const ws = context.workbook.worksheets.getItem(sheet);
  return columnSlices(cols).map(({ c0, width }) => {
    const r = ws.getRange(blockAddress(r0, n, c0, width));
    r.load(properties);
    return r;
  });
}

/** Whether every slice of a block came back with its property (Excel answers null for an unbounded or too large read). */
export function blockLoaded(slices: readonly Excel.Range[], property: 'values' | 'numberFormat' = 'values'): boolean {
  return slices.every((r) => Array.isArray(r[property]));
}

/**
 * The rows of a block put together from its column slices (`property` of each, after the sync). A sliced row's
 * trailing blanks are left off (rows may be ragged), so a sheet used to XFD by one stray cell is not held as
 * 16,384 cells per row.
 * @throws ChurnDeskError('valuesMissing') naming the sheet when a slice has no values after the sync.
 */
export function joinBlock(slices: readonly Excel.Range[], sheet: string, property: 'values' | 'numberFormat' = 'values'): unknown[][] {
  if (!blockLoaded(slices, property)) throw new ChurnDeskError('valuesMissing', 'office.error.valuesMissing', { sheet });
  const parts = slices.map((r) => r[property] as unknown[][]);
  if (parts.length === 1) return parts[0];
  return parts[0].map((_, i) => {
    const row: unknown[] = [];
    for (const p of parts) for (const v of p[i] ?? []) row.push(v);
    let end = row.length;
    while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
    row.length = end;
    return row;
  });
}

/** Every sheet with its used extent (values only), in tab order. Two syncs. */
export async function listSheets(context: Excel.RequestContext): Promise<SheetExtent[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  const used = sheets.items.map((s) => {
    const r = s.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return r;
  });
  await context.sync();
  return sheets.items.map((s, i) => {
    const r = used[i];
    const empty = r.isNullObject;
    return {
      name: s.name,
      visibility: s.visibility as SheetExtent['visibility'],
      rows: empty ? 0 : r.rowIndex + r.rowCount,
      cols: empty ? 0 : r.columnIndex + r.columnCount,
    };
  });
}

/** Head rows read at least per sheet (what detection read before the header search went to 200 rows). */
export const MIN_HEAD_ROWS = 30;
/** Cells of all heads together, at most (one sync, well under the 5 MB request limit) — unless MIN_HEAD_ROWS needs more. */
export const MAX_HEAD_CELLS = 400_000;

/**
 * How many head rows to read of each sheet: `rows` (HEADER_SCAN_ROWS by default), fewer when the heads together
 * would exceed MAX_HEAD_CELLS (scaled down evenly, never under MIN_HEAD_ROWS), never more than the sheet has.
 * @example headRowCounts([{ name: 'A', visibility: 'Visible', rows: 5000, cols: 20 }]) // [200]
 */
export function headRowCounts(extents: readonly SheetExtent[], rows = HEADER_SCAN_ROWS): number[] {
  const wanted = extents.map((e) => (e.cols === 0 ? 0 : Math.min(rows, e.rows)));
  const cells = wanted.reduce((n, r, i) => n + r * extents[i].cols, 0);
  if (cells <= MAX_HEAD_CELLS) return wanted;
  const factor = MAX_HEAD_CELLS / cells;
  return wanted.map((r) => Math.min(r, Math.max(MIN_HEAD_ROWS, Math.floor(r * factor))));
}

/** The first rows of each sheet (headRowCounts; one sync for all). Empty sheets give an empty grid. */
export async function readHeads(context: Excel.RequestContext, extents: readonly SheetExtent[], rows = HEADER_SCAN_ROWS): Promise<SheetInput[]> {
  const counts = headRowCounts(extents, rows);
  const ranges = extents.map((e, i) => (e.rows === 0 || e.cols === 0 || counts[i] === 0 ? null : queueBlockRead(context, e.name, 0, counts[i], e.cols)));
  if (ranges.some((r) => r)) await context.sync();
  // A read with no values after the sync stops here, naming the sheet: read as an empty sheet, it would be "not found".
  return extents.map((e, i) => ({ name: e.name, grid: (ranges[i] ? joinBlock(ranges[i]!, e.name) : []) as Grid }));
}

export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number;
}

export interface ReadStats {
  syncs: number;
  blocks: number;
  retries: number;
}

interface Block {
  sheet: number;
  r0: number;
  n: number;
}

/**
 * Full grids of the given sheets, read in row blocks. `stats` counts syncs and blocks (for the sync-count test).
 * @throws ChurnDeskError('payloadTooLarge') when even a one-row block is over the limit.
 */
export async function readGrids(
  context: Excel.RequestContext,
  extents: readonly SheetExtent[],
  options: { policy?: ChunkPolicy; signal?: AbortSignal; onProgress?: (p: ReadProgress) => void; stats?: ReadStats } = {},
): Promise<SheetInput[]> {
  const policy = options.policy ?? DEFAULT_CHUNK_POLICY;
  const stats = options.stats ?? { syncs: 0, blocks: 0, retries: 0 };
  const grids: unknown[][][] = extents.map(() => []);
  const rowsTotal = extents.reduce((n, e) => n + e.rows, 0);
  let rowsRead = 0;
  // Cells per sync; halved after a payload-limit error so the split blocks do not land in one sync again.
  let budget = policy.maxBytes / policy.readBytesPerCell;
  const sizes = extents.map((e) => readChunkRows(e.cols, policy));
  // Blocks in order; each sheet's blocks are contiguous and in row order, so rows can simply be appended.
  const pending: Block[] = [];
  extents.forEach((e, sheet) => {
    if (e.cols === 0) return;
    for (let r0 = 0; r0 < e.rows; r0 += sizes[sheet]) pending.push({ sheet, r0, n: Math.min(sizes[sheet], e.rows - r0) });
  });

  while (pending.length) {
    throwIfAborted(options.signal);
    // Pack blocks into one sync while the estimate stays within one block's budget.
    const batch: Block[] = [];
    let cells = 0;
    while (pending.length) {
      const b = pending[0];
      const c = b.n * extents[b.sheet].cols;
      if (batch.length && cells + c > budget) break;
      batch.push(pending.shift()!);
      cells += c;
    }
    const ranges = batch.map((b) => queueBlockRead(context, extents[b.sheet].name, b.r0, b.n, extents[b.sheet].cols));
    let nullRead = false;
    try {
      stats.syncs++;
      await context.sync();
      // Excel has been seen to answer null instead of throwing past 5,000,000 cells (office-js#6781).
      nullRead = ranges.some((r) => !blockLoaded(r));
      if (nullRead) throw Object.assign(new Error('null read'), { code: 'ResponsePayloadSizeLimitExceeded' });
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      stats.retries++;
      budget = Math.max(1, Math.floor(cells / 2));
      // Split every block of the failed sync in two and try again (a lone one-row block cannot be split).
      const split: Block[] = [];
      for (const b of batch) {
        if (b.n === 1 && batch.length === 1) {
          const sheet = extents[b.sheet].name;
          // A one-row read that Excel answered without values: say so, naming the sheet (not a size problem).
          if (nullRead) throw new ChurnDeskError('valuesMissing', 'office.error.valuesMissing', { sheet }, e);
          throw new ChurnDeskError('payloadTooLarge', 'office.error.payloadTooLarge', { sheet }, e);
        }
        const half = Math.max(1, Math.floor(b.n / 2));
        split.push({ ...b, n: half });
        if (b.n - half > 0) split.push({ sheet: b.sheet, r0: b.r0 + half, n: b.n - half });
      }
      pending.unshift(...split);
      continue;
    }
    batch.forEach((b, i) => {
      const target = grids[b.sheet];
      for (const row of joinBlock(ranges[i], extents[b.sheet].name)) target.push(row);
      stats.blocks++;
      rowsRead += b.n;
    });
    options.onProgress?.({ rowsRead, rowsTotal });
  }
  return extents.map((e, i) => ({ name: e.name, grid: grids[i] as Grid }));
}
