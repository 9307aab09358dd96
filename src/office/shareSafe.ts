/**
 * The share-safe copy (DOMAIN.md, Sharing): every visible sheet whose header row names customers or phones gets a
 * copy next to it with those columns masked (138****5678, 王**); the originals are not changed. ChurnDesk's summary
 * sheets (aggregates only) are skipped; its call lists are copied. With ExcelApi 1.9 the copy is Excel's own
 * (formats, widths, tables kept); otherwise the values are copied with each column's number format.
 */
import type { Grid, WorkbookState } from '../core/plan/types';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { uniqueSheetName } from '../core/plan/names';
import { findPersonalHeaderRow, maskColumn, personalColumns } from '../core/share/mask';
import type { ShareSafeResult } from './actions';
import type { Capabilities } from './capabilities';
import { DEFAULT_CHUNK_POLICY, writeChunkRows, type ChunkPolicy } from './chunks';
import { setUniformFormat } from './formats';
import { blockAddress, listSheets, readGrids, readHeads, type SheetExtent } from './readSheets';
import type { Syncer } from './syncer';
import { TEMP_PREFIX } from './applyPlan';

export interface ShareSafeOptions {
  state: WorkbookState;
  caps: Capabilities;
  /** Suffix of the copies' names, localised (e.g. '(脱敏)'). */
  suffix: string;
  policy?: ChunkPolicy;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Sheets to copy: visible, not ChurnDesk's aggregates, not an earlier masked copy, with a personal header. */
function candidates(extents: SheetExtent[], heads: { name: string; grid: Grid }[], state: WorkbookState, suffix: string): { extent: SheetExtent; headerRow: number }[] {
  const ownedNonList = new Set(Object.entries(state.ownedSheets).filter(([k]) => !k.startsWith('list.')).map(([, n]) => n));
  const out: { extent: SheetExtent; headerRow: number }[] = [];
  extents.forEach((e, i) => {
    if (e.visibility !== 'Visible' || e.name === STATE_SHEET_NAME || e.name.startsWith(TEMP_PREFIX) || e.name.includes(suffix) || ownedNonList.has(e.name)) return;
    const headerRow = findPersonalHeaderRow(heads[i].grid);
    if (headerRow >= 0) out.push({ extent: e, headerRow });
  });
  return out;
}

/** Writes one column's masked values below the header, text format first, in row blocks. */
async function writeMasked(syncer: Syncer, ws: Excel.Worksheet, firstRow: number, col: number, values: unknown[], policy: ChunkPolicy): Promise<void> {
  const size = writeChunkRows([values], values.length, policy);
  for (let s = 0; s < values.length; s += size) {
    const m = Math.min(size, values.length - s);
    const range = ws.getRange(blockAddress(firstRow + s, m, col, 1));
    setUniformFormat(range, '@');
    const block: unknown[][] = new Array(m);
    for (let i = 0; i < m; i++) block[i] = [values[s + i]];
    range.values = block;
    await syncer.sync(true);
  }
}

/** Copies a sheet without Worksheet.copy: column formats from the first data row, then the values in blocks. */
async function copyByValues(syncer: Syncer, name: string, grid: Grid, cols: number, formats: string[], policy: ChunkPolicy): Promise<Excel.Worksheet> {
  const ws = syncer.context.workbook.worksheets.add(name);
  const rows = grid.length;
  if (rows === 0 || cols === 0) return ws;
  const columns: unknown[][] = [];
  for (let c = 0; c < cols; c++) columns.push(grid.map((r) => r[c] ?? ''));
  const size = writeChunkRows(columns, rows, policy);
  for (let s = 0; s < rows; s += size) {
    const m = Math.min(size, rows - s);
    for (let c = 0; c < cols; c++) {
      // A column holding text gets '@' (dealer text must not turn into formulas); others keep their format.
      const hasText = columns[c].some((v, i) => i >= s && i < s + m && typeof v === 'string' && v !== '');
      setUniformFormat(ws.getRange(blockAddress(s, m, c, 1)), hasText && formats[c] === 'General' ? '@' : formats[c] ?? 'General');
    }
    const block: unknown[][] = new Array(m);
    for (let i = 0; i < m; i++) {
      const src = grid[s + i] ?? [];
      const row: unknown[] = new Array(cols);
      for (let c = 0; c < cols; c++) row[c] = src[c] ?? '';
      block[i] = row;
    }
    ws.getRange(blockAddress(s, m, 0, cols)).values = block;
    await syncer.sync(true);
  }
  return ws;
}

/** Makes the masked copies. Syncs: a constant plus one per row block. */
export async function shareSafeCopy(syncer: Syncer, options: ShareSafeOptions): Promise<ShareSafeResult> {
  const context = syncer.context;
  const policy = options.policy ?? DEFAULT_CHUNK_POLICY;
  const extents = await listSheets(context);
  const heads = await readHeads(context, extents);
  const chosen = candidates(extents, heads, options.state, options.suffix);
  if (!chosen.length) return { sheets: [], maskedCells: 0 };
  const grids = await readGrids(context, chosen.map((c) => c.extent), { policy, signal: options.signal });
  // First data row's number formats, for the copy without Worksheet.copy.
  const formatRanges = options.caps.worksheetCopy
    ? []
    : chosen.map((c) => {
        const r = context.workbook.worksheets.getItem(c.extent.name).getRange(blockAddress(Math.min(c.headerRow + 1, c.extent.rows - 1), 1, 0, c.extent.cols));
        r.load('numberFormat');
        return r;
      });
  if (formatRanges.length) await syncer.sync();

  const taken = extents.map((e) => e.name);
  const sheets: string[] = [];
  let maskedCells = 0;
  for (const [i, c] of chosen.entries()) {
    const name = uniqueSheetName(`${c.extent.name}${options.suffix}`, taken);
    taken.push(name);
    const grid = grids[i].grid;
    let ws: Excel.Worksheet;
    if (options.caps.worksheetCopy) {
      ws = context.workbook.worksheets.getItem(c.extent.name).copy('End');
      ws.name = name;
      await syncer.sync();
    } else {
      ws = await copyByValues(syncer, name, grid, c.extent.cols, (formatRanges[i].numberFormat[0] ?? []).map(String), policy);
    }
    for (const [col, kind] of personalColumns(grid[c.headerRow] ?? [])) {
      const masked = maskColumn(grid, c.headerRow, col, kind);
      for (const v of masked) if (v !== '') maskedCells++;
      await writeMasked(syncer, ws, c.headerRow + 1, col, masked, policy);
    }
    sheets.push(name);
    options.onProgress?.((i + 1) / chosen.length);
  }
  return { sheets, maskedCells };
}
