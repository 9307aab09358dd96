/**
 * The share-safe copy (DOMAIN.md, Sharing) is a separate workbook, never sheets inside this one (the originals
 * would travel with them). Every sheet is read, hidden and very hidden ones and ChurnDesk's state sheet included,
 * with a number format per column; the worker masks them with the core's maskWorkbook and writes the file with
 * src/xlsx/gridWorkbook (the same masking the CLI's `churn-desk share` applies); `Excel.createWorkbook(base64)`
 * (ExcelApi 1.8) opens it as a new, unsaved workbook for the user to save and send. This workbook is only read.
 */
import { deflateStoredZip, fromBase64 } from '../xlsx/deflateZip';
import { toBase64 } from '../xlsx/storedZip';
import { DATE1904_OFFSET, isDateFormat, probeDateSystem, shiftColumns } from './dateSystem';
import type { Grid } from '../core/plan/types';
import type { ShareSafeResult } from './actions';
import type { Capabilities } from './capabilities';
import { DEFAULT_CHUNK_POLICY, type ChunkPolicy } from './chunks';
import { ChurnDeskError } from './errors';
import { joinBlock, listSheets, queueBlockRead, readGrids, type SheetExtent } from './readSheets';
import type { Syncer } from './syncer';
import { TEMP_PREFIX } from './tempNames';

/** One sheet as the worker needs it to write the copy. */
export interface ShareSheet {
  name: string;
  grid: Grid;
  visibility: SheetExtent['visibility'];
  columnFormats: string[];
}

export interface ShareRequest {
  sheets: ShareSheet[];
  /** Extra header words the dealer considers personal (settings). */
  extraPersonalHeaders: string[];
}

export interface ShareResponse {
  base64: string;
  maskedCells: number;
  bytes: number;
  /** The summary sheets' charts and PivotTables written into the copy (src/xlsx/shareParts.ts). */
  charts: number;
  pivots: number;
  /** Charts left out because their table no longer shows what the last refresh wrote. */
  staleCharts: number;
}

export interface ShareSafeOptions {
  caps: Capabilities;
  /** Masks and writes the file (the worker). */
  build: (request: ShareRequest) => Promise<ShareResponse>;
  /** Opens the file as a new workbook (Excel.createWorkbook). */
  open: (base64: string) => Promise<void>;
  extraPersonalHeaders?: string[];
  policy?: ChunkPolicy;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Rows sampled per sheet for its column formats (one sync for every sheet). */
const FORMAT_SAMPLE_ROWS = 50;
/** Cells sampled per sheet at most: a sheet used to XFD samples fewer rows, so the one sync stays far under 5 MB. */
const FORMAT_SAMPLE_CELLS = 50_000;

/** Rows of a sheet sampled for its formats (at least one). */
const sampleRows = (e: SheetExtent) => Math.max(1, Math.min(FORMAT_SAMPLE_ROWS, e.rows, Math.floor(FORMAT_SAMPLE_CELLS / Math.max(1, e.cols))));

/** The most common format of each column among the sampled numeric cells ('General' when none). */
function columnFormats(values: Grid, formats: readonly (readonly unknown[])[], cols: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < cols; c++) {
    const counts = new Map<string, number>();
    for (let r = 0; r < values.length; r++) {
      const f = formats[r]?.[c];
      if (typeof values[r]?.[c] !== 'number' || typeof f !== 'string' || f === 'General') continue;
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    let best = 'General';
    let n = 0;
    for (const [f, k] of counts) if (k > n) [best, n] = [f, k];
    out.push(best);
  }
  return out;
}

/**
 * Builds and opens the share-safe workbook. Syncs: 2 (list) + 1 (formats) + one per row block.
 * @throws ChurnDeskError('shareNeedsNewerExcel') below ExcelApi 1.8, before anything is read.
 */
export async function shareSafeWorkbook(syncer: Syncer, options: ShareSafeOptions): Promise<ShareSafeResult> {
  if (!options.caps.createWorkbook) throw new ChurnDeskError('apiNotSupported', 'office.error.shareNeedsNewerExcel', {});
  const context = syncer.context;
  const extents = (await listSheets(context)).filter((e) => !e.name.startsWith(TEMP_PREFIX));
  // The date-system probe rides on the formats' sync: the copy is a 1900-system file (src/office/dateSystem.ts).
  const probe = probeDateSystem(context);
  const sampled = extents.map((e) => (e.rows === 0 || e.cols === 0 ? null : queueBlockRead(context, e.name, 0, sampleRows(e), e.cols, 'values,numberFormat')));
  await syncer.sync();
  const offset = probe() === '1904' ? DATE1904_OFFSET : 0;
  options.onProgress?.(0.05);
  const grids = await readGrids(context, extents, {
    policy: options.policy ?? DEFAULT_CHUNK_POLICY,
    signal: options.signal,
    onProgress: (p) => options.onProgress?.(0.05 + 0.75 * (p.rowsTotal ? p.rowsRead / p.rowsTotal : 1)),
  });
  const sheets: ShareSheet[] = extents.map((e, i) => {
    const formats = sampled[i] ? columnFormats(joinBlock(sampled[i]!, e.name), joinBlock(sampled[i]!, e.name, 'numberFormat'), e.cols) : [];
    // A 1904 workbook's dates, moved into the copy's 1900 system so each still shows its day.
    const dateCols = offset ? formats.map((f, c) => (isDateFormat(f) ? c : -1)).filter((c) => c >= 0) : [];
    return { name: e.name, grid: shiftColumns(grids[i].grid, dateCols, offset), visibility: e.visibility, columnFormats: formats };
  });
  const built = await options.build({ sheets, extraPersonalHeaders: options.extraPersonalHeaders ?? [] });
  options.onProgress?.(0.9);
  // Built stored in the worker; deflated here by the platform (several times smaller), unchanged where it cannot be.
  const file = await deflateStoredZip(fromBase64(built.base64));
  await options.open(toBase64(file));
  options.onProgress?.(1);
  return { sheets: sheets.length, maskedCells: built.maskedCells, bytes: built.bytes, charts: built.charts, pivots: built.pivots, staleCharts: built.staleCharts };
}
