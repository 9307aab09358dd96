/**
 * Finds the header row of a dealer sheet. Dealer sheets often start with a merged title row
 * (`XX店保有客户明细表(截至2026年10月)`), a period line and blank rows, so the header is not always row 1.
 */
import { findFollowUpGroups } from './followUpGroups';
import { matchColumns } from './matchColumns';
import { headerBaseKey } from './normaliseHeader';
import type { Grid } from '../plan/types';
import { isBlank } from '../values/isBlank';
import { toHalfWidth } from '../values/halfWidth';
import type { SheetKind } from './types';

/**
 * How many rows from the top are searched for the header (and read by the Office adapter before detection): a
 * sheet may carry a long block of notes, filters or a summary above its table.
 */
export const HEADER_SCAN_ROWS = 200;
/** Header rows wider than this are only matched on their first columns (keeps detection cheap). */
const MAX_HEADER_COLUMNS = 500;
/** Rows below a candidate header looked at to judge it by content. */
const CONTENT_ROWS = 5;

export interface HeaderRowOptions {
  /** Header texts the user mapped (field -> header): a row holding them is preferred. */
  userMapping?: Partial<Record<string, string>>;
  /** Columns from this index on are ignored (ChurnDesk's own columns). */
  endColumn?: number;
}

export interface HeaderRowResult {
  row: number;
  /**
   * Fields recognised in that row (plus one per numbered follow-up field group, for wide prospect cards); 0 when the
   * row was found by content alone (text cells over columns of dates, numbers, phones, VINs).
   */
  score: number;
}

/** Number of non-empty text cells of a row, up to `end`. */
function textCells(row: readonly unknown[], end: number): number {
  let n = 0;
  for (let c = 0; c < end; c++) {
    const v = row[c];
    if (typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined && v !== '') n++;
  }
  return n;
}

/** Text made only of digits and date/number punctuation (2026-10-03, 13800000001, 35,000, 2026年10月3日 14:20). */
const NUMBER_LIKE = /^[\d\s,.:+\-/年月日号时分秒]+$/;
/** A VIN (17 letters and digits without I, O, Q) or a Chinese plate (陕A·12345, 京AD12345). */
const VIN_LIKE = /^[A-HJ-NPR-Z0-9]{17}$/i;
const PLATE_LIKE = /^[\u4e00-\u9fa5][A-Z][·.\s-]?[A-Z0-9]{4,6}[\u4e00-\u9fa5]?$/i;

/**
 * True for a cell holding a value a header never holds: a number, a date, a boolean, or text that is a number, a
 * date, a phone, a VIN or a plate.
 */
export function isValueCell(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return true;
  if (typeof v !== 'string') return false;
  const s = toHalfWidth(v).trim();
  if (s === '' || isBlank(s)) return false;
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return NUMBER_LIKE.test(s) || VIN_LIKE.test(s);
  if (c === 0x2b /* + */) return NUMBER_LIKE.test(s);
  return s.length === 17 ? VIN_LIKE.test(s) : s.length >= 6 && s.length <= 10 && PLATE_LIKE.test(s);
}

/** Number of value cells (isValueCell) of a row, up to `end`; stops counting at `stop`. */
function valueCells(row: readonly unknown[], end: number, stop: number): number {
  let n = 0;
  for (let c = 0; c < end && n < stop; c++) if (isValueCell(row[c])) n++;
  return n;
}

/**
 * How much a row looks like a header by content: its text cells stand over columns whose next rows hold values
 * (dates, numbers, phones, VINs: two points each) or other text (one point each, only with at least one value
 * column). 0 when the row itself holds values or nothing lies below it.
 */
export function headerContentScore(grid: Grid, r: number, end: number): number {
  const row = grid[r] ?? [];
  const below: (readonly unknown[])[] = [];
  for (let q = r + 1; q < grid.length && below.length < CONTENT_ROWS; q++) {
    const next = grid[q];
    if (next && textCells(next, Math.min(next.length, end)) > 0) below.push(next);
  }
  if (below.length === 0) return 0;
  const needed = Math.max(1, Math.ceil(below.length * 0.6));
  let valueColumns = 0;
  let textColumns = 0;
  for (let c = 0; c < end; c++) {
    const h = row[c];
    if (typeof h !== 'string' || h.trim() === '' || isValueCell(h)) continue;
    let values = 0;
    let filled = 0;
    for (const b of below) {
      const v = b[c];
      if (v === '' || v === null || v === undefined || (typeof v === 'string' && isBlank(v))) continue;
      filled++;
      if (isValueCell(v)) values++;
      else if (v === h) filled--; // a repeated header is no data
    }
    if (values >= needed) valueColumns++;
    else if (filled >= needed) textColumns++;
  }
  return valueColumns === 0 ? 0 : valueColumns * 2 + textColumns;
}

/**
 * The best header row in the first HEADER_SCAN_ROWS rows and its score, or null when no row looks like one.
 * Blank rows, title rows (a single non-empty cell) and rows holding two or more values (dates, numbers, phones:
 * data, not a header) are skipped. The row recognising the most fields wins; on a tie the one that looks more like a
 * header by content (headerContentScore), then the earliest. When no row recognises any field, the row that looks
 * most like a header by content (at least two value columns under it) is returned with score 0, so the columns can
 * still be placed by content.
 */
export function findHeaderRowScored(grid: Grid, kind: SheetKind, options: HeaderRowOptions = {}): HeaderRowResult | null {
  const mappedKeys = new Set<string>();
  for (const h of Object.values(options.userMapping ?? {})) if (h) mappedKeys.add(headerBaseKey(h));
  let best: HeaderRowResult | null = null;
  let bestContent = -1;
  let byContent: { row: number; content: number } | null = null;
  const rows = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    const end = Math.min(row.length, options.endColumn ?? row.length, MAX_HEADER_COLUMNS);
    if (textCells(row, end) < 2) continue;
    if (valueCells(row, end, 2) >= 2) continue;
    let score = matchColumns(row.slice(0, end), kind).count;
    if (kind === 'prospects') score += findFollowUpGroups(row, end).length > 0 ? 1 : 0;
    if (mappedKeys.size > 0) {
      for (let c = 0; c < end; c++) if (typeof row[c] === 'string' && mappedKeys.has(headerBaseKey(row[c]))) score += 2;
    }
    if (score > 0) {
      if (!best || score > best.score) {
        best = { row: r, score };
        bestContent = -1;
      } else if (score === best.score) {
        // A tie: the row that stands over data wins (a summary block above the table repeats some header words).
        if (bestContent < 0) bestContent = headerContentScore(grid, best.row, MAX_HEADER_COLUMNS);
        const content = headerContentScore(grid, r, MAX_HEADER_COLUMNS);
        if (content > bestContent) {
          best = { row: r, score };
          bestContent = content;
        }
      }
    } else if (!best) {
      const content = headerContentScore(grid, r, end);
      if (content >= 4 && (!byContent || content > byContent.content)) byContent = { row: r, content };
    }
  }
  return best ?? (byContent ? { row: byContent.row, score: 0 } : null);
}

/**
 * The 0-based index of the header row for a kind, or -1 when none of the first HEADER_SCAN_ROWS rows looks like one.
 *
 * @example findHeaderRow([['XX店保有客户明细表'], [], ['车主', '车牌号', '购车日期']], 'customers') // 2
 */
export function findHeaderRow(grid: Grid, kind: SheetKind, options: HeaderRowOptions = {}): number {
  return findHeaderRowScored(grid, kind, options)?.row ?? -1;
}
