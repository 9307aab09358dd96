/**
 * Where ChurnDesk's appended columns go on a source sheet. The rule that matters: never overwrite a cell the
 * user typed. ChurnDesk reuses its own columns from a previous run when they are still where it left them;
 * otherwise it writes right of every non-empty cell of the sheet, in any row.
 */
import type { Grid } from '../plan/types';
import type { MappedSheet } from './types';
import { AnalysisInputError } from '../aftersales/errors';
import { columnLetter } from '../plan/names';
import { headerKey } from './normaliseHeader';

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
 * 2. Otherwise where the previous run's columns are now (previousColumns: found by their headers, after the user
 *    inserted, deleted or moved columns or rows, or with the state lost), under the same condition.
 * 3. Otherwise the first column right of every non-empty cell of the sheet.
 *
 * @example placeAppendedColumns(mapped, ['未回厂月数', '流失状态']) // e.g. 9 for a sheet whose data ends in column I
 */
export function placeAppendedColumns(mapped: MappedSheet, headers: readonly string[], owned?: OwnedColumns): number {
  return placeColumns(mapped, headers, owned).startColumn;
}

/**
 * Where the appended columns go, and which columns of the sheet as read are the previous run's (ColumnWrite.replaces:
 * the adapters may clear and overwrite those, and only those, besides empty cells). The previous columns are found
 * by what they are (the recorded run of headers, wherever it is now: see findOwnedStart), not where they were written.
 * @example placeColumns(mapped, headers, state.ownedColumns['保有客户']) // { startColumn: 10, replaces: { headerRow: 0, startColumn: 10, headers: [...] } }
 */
export function placeColumns(mapped: MappedSheet, headers: readonly string[], owned?: OwnedColumns): { startColumn: number; replaces: OwnedColumns | null } {
  const replaces = previousColumns(mapped, owned);
  const startColumn = checkedStart(mapped, headers, findStart(mapped, headers, owned, replaces));
  return { startColumn, replaces };
}

/**
 * The previous run's columns on the sheet as read: from mapped.ownedStart, the recorded headers when the row shows
 * them all there, else every header up to the last one (the trailing run findOwnedStart found). null: none found.
 */
export function previousColumns(mapped: MappedSheet, owned?: OwnedColumns): OwnedColumns | null {
  const start = mapped.ownedStart;
  if (start === null) return null;
  if (owned && headerRowShows(mapped.sheet.grid, mapped.headerRow, start, owned.headers)) {
    return { headerRow: mapped.headerRow, startColumn: start, headers: owned.headers.map((h) => h.trim()) };
  }
  const row = mapped.sheet.grid[mapped.headerRow] ?? [];
  let last = row.length - 1;
  while (last >= start && !hasContent(row[last])) last--;
  if (last < start) return null;
  const headers: string[] = [];
  for (let c = start; c <= last; c++) headers.push(typeof row[c] === 'string' ? String(row[c]).trim() : String(row[c] ?? ''));
  return { headerRow: mapped.headerRow, startColumn: start, headers };
}

/**
 * The product's headers made distinct from the dealer's own (issue 12.5): a header the sheet already has (compared
 * by headerKey: half-width, case and punctuation ignored) outside the product's previous columns gets the
 * `standard` form ('意向级别' → '意向级别(标准)'), numbered when that too is taken ('意向级别(标准2)'). The
 * product's previous columns (found by their recorded headers) never count as taken, so a refresh writes the same
 * headers again: same input, same workbook. A pivot, cross-tab or summary naming the product's column then finds it,
 * never the dealer's raw column of the same name.
 * @param standard (header, n) → the distinct form; n is 1 for the first
 * @example distinctHeaders(cardWith意向级别, ['意向级别', '跟踪次数'], (h, n) => `${h}(标准${n > 1 ? n : ''})`) // ['意向级别(标准)', '跟踪次数']
 */
export function distinctHeaders(
  mapped: MappedSheet,
  headers: readonly string[],
  standard: (header: string, n: number) => string,
  owned?: OwnedColumns,
): string[] {
  const previous = previousColumns(mapped, owned);
  const from = previous ? previous.startColumn : -1;
  const to = previous ? previous.startColumn + previous.headers.length : -1;
  const taken = new Set<string>();
  const row = mapped.sheet.grid[mapped.headerRow] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (c >= from && c < to) continue;
    const k = headerKey(row[c]);
    if (k) taken.add(k);
  }
  const out: string[] = [];
  for (const h of headers) {
    let name = h;
    for (let n = 1; taken.has(headerKey(name)); n++) name = standard(h, n);
    taken.add(headerKey(name));
    out.push(name);
  }
  return out;
}

function checkedStart(mapped: MappedSheet, headers: readonly string[], start: number): number {
  // A sheet used out to column XFD leaves no room: say so instead of writing past Excel's last column.
  if (start + headers.length > EXCEL_COLUMNS) {
    throw new AnalysisInputError('core.error.noRoomForColumns', { sheet: mapped.sheet.name, needed: headers.length, free: Math.max(0, EXCEL_COLUMNS - start), column: columnLetter(Math.min(start, EXCEL_COLUMNS) - 1) });
  }
  return start;
}

/** Excel's columns: A … XFD. */
const EXCEL_COLUMNS = 16384;

function findStart(mapped: MappedSheet, headers: readonly string[], owned: OwnedColumns | undefined, previous: OwnedColumns | null): number {
  const grid = mapped.sheet.grid;
  if (owned && owned.headerRow === mapped.headerRow && headerRowShows(grid, owned.headerRow, owned.startColumn, owned.headers)) {
    const ownedEnd = owned.startColumn + owned.headers.length;
    if (!anyContent(grid, ownedEnd, owned.startColumn + headers.length)) return owned.startColumn;
  }
  // The previous run's columns wherever they are now: rewritten in place when the columns a longer list needs
  // beyond them are empty in every row (a user's column right of ours is never covered).
  if (previous && !anyContent(grid, previous.startColumn + previous.headers.length, previous.startColumn + headers.length)) return previous.startColumn;
  return firstFreeColumn(grid);
}
