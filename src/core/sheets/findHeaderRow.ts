/**
 * Finds the header row of a dealer sheet. Dealer sheets often start with a merged title row
 * (`XX店保有客户明细表(截至2026年10月)`), a period line and blank rows, so the header is not always row 1.
 */
import { findFollowUpGroups } from './followUpGroups';
import { matchColumns } from './matchColumns';
import { headerBaseKey } from './normaliseHeader';
import type { Grid } from '../plan/types';
import type { SheetKind } from './types';

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;
/** Header rows wider than this are only matched on their first columns (keeps detection cheap). */
const MAX_HEADER_COLUMNS = 500;

export interface HeaderRowOptions {
  /** Header texts the user mapped (field -> header): a row holding them is preferred. */
  userMapping?: Partial<Record<string, string>>;
  /** Columns from this index on are ignored (ChurnDesk's own columns). */
  endColumn?: number;
}

export interface HeaderRowResult {
  row: number;
  /** Fields recognised in that row (plus one per numbered follow-up field group, for wide prospect cards). */
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

/**
 * The best header row in the first 30 rows and its score, or null when no row recognises any field.
 * Blank rows and title rows (a single non-empty cell) are skipped; the row recognising the most fields wins,
 * the earliest on a tie.
 */
export function findHeaderRowScored(grid: Grid, kind: SheetKind, options: HeaderRowOptions = {}): HeaderRowResult | null {
  const mappedKeys = new Set<string>();
  for (const h of Object.values(options.userMapping ?? {})) if (h) mappedKeys.add(headerBaseKey(h));
  let best: HeaderRowResult | null = null;
  const rows = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    const end = Math.min(row.length, options.endColumn ?? row.length, MAX_HEADER_COLUMNS);
    if (textCells(row, end) < 2) continue;
    let score = matchColumns(row.slice(0, end), kind).count;
    if (kind === 'prospects') score += findFollowUpGroups(row, end).length > 0 ? 1 : 0;
    if (mappedKeys.size > 0) {
      for (let c = 0; c < end; c++) if (typeof row[c] === 'string' && mappedKeys.has(headerBaseKey(row[c]))) score += 2;
    }
    if (score > 0 && (!best || score > best.score)) best = { row: r, score };
  }
  return best;
}

/**
 * The 0-based index of the header row for a kind, or -1 when none of the first 30 rows looks like one.
 *
 * @example findHeaderRow([['XX店保有客户明细表'], [], ['车主', '车牌号', '购车日期']], 'customers') // 2
 */
export function findHeaderRow(grid: Grid, kind: SheetKind, options: HeaderRowOptions = {}): number {
  return findHeaderRowScored(grid, kind, options)?.row ?? -1;
}
