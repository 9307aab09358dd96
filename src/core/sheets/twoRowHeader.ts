/**
 * Two-row headers: a group row (客户信息 | 车辆信息 | 来电(店) merged over several columns; Range.values gives the
 * text in the group's first column only) above a sub-header row (姓名 | 电话 || 来电 | 来店). Columns outside a
 * group are merged vertically, so their text sits in the upper row and the lower row is blank under them.
 *
 * The pair is recognised by its shape, not by its words: the lower row holds no values (no dates, numbers,
 * phones, VINs), it has text under at least one blank upper cell (a group's later columns) that a group opened to
 * its left, and the upper row is no title (two texts or more). Each column then reads as its
 * sub-header when it has one, else as the upper text, and remembers the group label it sits under.
 */
import { isValueCell } from './findHeaderRow';

export interface TwoRowHeader {
  /** 0-based rows of the group row and of the sub-header row. */
  upper: number;
  lower: number;
  /** Per column: the sub-header when there is one, else the upper text. */
  cells: string[];
  /** Per column: the group label it sits under ('' when it stands alone). */
  groups: string[];
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * Whether `lowerRow` is the sub-header row of `upperRow`, and the composed header if so.
 * @example composeTwoRowHeader(['姓名', '客户信息', '', '日期'], ['', '电话', '地址', ''], 4)?.cells // ['姓名', '电话', '地址', '日期']
 */
export function composeTwoRowHeader(upperRow: readonly unknown[] | undefined, lowerRow: readonly unknown[] | undefined, end: number): { cells: string[]; groups: string[] } | null {
  if (!upperRow || !lowerRow) return null;
  const width = Math.min(end, Math.max(upperRow.length, lowerRow.length));
  let underBlank = 0;
  let upperTexts = 0;
  let lowerTexts = 0;
  for (let c = 0; c < width; c++) {
    const up = textOf(upperRow[c]);
    const low = lowerRow[c];
    if (up !== '') {
      upperTexts++;
      if (isValueCell(upperRow[c])) return null;
    }
    if (low === '' || low === null || low === undefined) continue;
    if (isValueCell(low)) return null;
    const lt = textOf(low);
    if (lt === '') continue;
    lowerTexts++;
    if (up === '') {
      // Text under a blank upper cell: it belongs to a group only when one opened to its left.
      let g = c - 1;
      while (g >= 0 && textOf(upperRow[g]) === '') g--;
      if (g < 0) return null;
      underBlank++;
    }
    // Under an upper text: the first column of a group (or a group of one column, 客户信息 over 底盘号 alone).
  }
  if (underBlank === 0 || upperTexts < 2 || lowerTexts < 2) return null;
  const cells: string[] = new Array(width).fill('');
  const groups: string[] = new Array(width).fill('');
  let label = '';
  for (let c = 0; c < width; c++) {
    const up = textOf(upperRow[c]);
    const low = textOf(lowerRow[c]);
    if (up !== '') label = low !== '' ? up : '';
    else if (low === '') label = '';
    cells[c] = low !== '' ? low : up;
    groups[c] = low !== '' ? label : '';
  }
  return { cells, groups };
}

/**
 * The two-row header around a found header row: the row and the one below, or the one above and the row.
 * @returns the pair, or null when the header is one row.
 */
export function findTwoRowHeader(grid: readonly (readonly unknown[])[], row: number, end: number): TwoRowHeader | null {
  const below = composeTwoRowHeader(grid[row], grid[row + 1], end);
  if (below) return { upper: row, lower: row + 1, ...below };
  if (row > 0) {
    const above = composeTwoRowHeader(grid[row - 1], grid[row], end);
    if (above) return { upper: row - 1, lower: row, ...above };
  }
  return null;
}
