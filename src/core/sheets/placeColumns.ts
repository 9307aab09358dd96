/**
 * Where ChurnDesk's appended columns go on a source sheet. The rule that matters: never overwrite a cell the
 * user typed. ChurnDesk reuses its own columns from a previous run when they are still where it left them;
 * otherwise it writes right of every non-empty cell of the sheet, in any row.
 */
import type { Grid } from '../plan/types';
import type { MappedSheet } from './types';
import { AnalysisInputError } from '../aftersales/errors';
import { columnLetter } from '../plan/names';

export interface OwnedColumns {
  headerRow: number;
  startColumn: number;
  headers: string[];
}

function hasContent(v: unknown): boolean {
  // Any content counts, even a lone space or a placeholder: it was typed by someone.
  return v !== '' && v !== null && v !== undefined;
}

/** True when any cell in columns [from, to) of any row holds something. O(rows × (to − from)). */
function anyContent(grid: Grid, from: number, to: number): boolean {
  if (to <= from) return false;
  for (const row of grid) {
    const n = Math.min(row.length, to);
    for (let c = from; c < n; c++) if (hasContent(row[c])) return true;
  }
  return false;
}

/** One past the rightmost non-empty cell of the sheet, in any row. Scans each row from its end: O(cells) at most. */
export function firstFreeColumn(grid: Grid): number {
  let free = 0;
  for (const row of grid) {
    for (let c = row.length - 1; c >= free; c--) {
      if (hasContent(row[c])) {
        free = c + 1;
        break;
      }
    }
  }
  return free;
}

/** True when the header row shows `headers` from `start` on (trimmed text equality). */
function headerRowShows(grid: Grid, headerRow: number, start: number, headers: readonly string[]): boolean {
  const row = grid[headerRow];
  if (!row || headers.length === 0) return false;
  for (let i = 0; i < headers.length; i++) {
    const v = row[start + i];
    if (typeof v !== 'string' || v.trim() !== headers[i].trim()) return false;
  }
  return true;
}

/**
 * The first column for ChurnDesk's appended columns (`headers`, in order).
 *
 * 1. The recorded start (`owned`, from WorkbookState.ownedColumns) when the header row still shows the recorded
 *    headers there, and the extra columns a longer header list needs are empty in every row.
 * 2. Otherwise the start found by exact headers (mapped.ownedStart) under the same conditions (state lost, e.g.
 *    a copy made without it), when the header row there shows a prefix of `headers`.
 * 3. Otherwise the first column right of every non-empty cell of the sheet.
 *
 * @example placeAppendedColumns(mapped, ['未回厂月数', '流失状态']) // e.g. 9 for a sheet whose data ends in column I
 */
export function placeAppendedColumns(mapped: MappedSheet, headers: readonly string[], owned?: OwnedColumns): number {
  const start = findStart(mapped, headers, owned);
  // A sheet used out to column XFD leaves no room: say so instead of writing past Excel's last column.
  if (start + headers.length > EXCEL_COLUMNS) {
    throw new AnalysisInputError('core.error.noRoomForColumns', { sheet: mapped.sheet.name, needed: headers.length, free: Math.max(0, EXCEL_COLUMNS - start), column: columnLetter(Math.min(start, EXCEL_COLUMNS) - 1) });
  }
  return start;
}

/** Excel's columns: A … XFD. */
const EXCEL_COLUMNS = 16384;

function findStart(mapped: MappedSheet, headers: readonly string[], owned?: OwnedColumns): number {
  const grid = mapped.sheet.grid;
  if (owned && owned.headerRow === mapped.headerRow && headerRowShows(grid, owned.headerRow, owned.startColumn, owned.headers)) {
    const ownedEnd = owned.startColumn + owned.headers.length;
    if (!anyContent(grid, ownedEnd, owned.startColumn + headers.length)) return owned.startColumn;
  }
  if (mapped.ownedStart !== null) {
    const start = mapped.ownedStart;
    const row = grid[mapped.headerRow] ?? [];
    // How many of our headers are still shown there, in order.
    let shown = 0;
    while (shown < headers.length && typeof row[start + shown] === 'string' && String(row[start + shown]).trim() === headers[shown]) shown++;
    if (shown > 0 && !anyContent(grid, start + shown, start + headers.length)) return start;
  }
  return firstFreeColumn(grid);
}
