/** Row classification below the header: blank rows, totals rows and repeated header rows are not data. */
import { isBlank } from '../values/isBlank';

/** How many leading cells are looked at for a totals label. */
const TOTALS_LABEL_CELLS = 3;
/** Labels longer than this are text that merely mentions a total, not a totals label. */
const MAX_LABEL_CHARS = 12;
/**
 * Tested on the raw cell (no normalisation, no allocation: this runs on every row). Spaces inside the word
 * (合 计) and full-width spaces are allowed; English labels must start the cell.
 */
const TOTALS_LABEL = /合[\s\u3000]*计|总[\s\u3000]*计|小[\s\u3000]*计|汇[\s\u3000]*总|^[\s\u3000]*(?:sub[\s-]*)?(?:grand[\s-]*)?(?:total|sum)\b/i;

/** True when every cell before `end` is blank (placeholders such as — count as blank). */
export function isBlankRow(row: readonly unknown[] | undefined, end: number): boolean {
  if (!row) return true;
  const n = Math.min(row.length, end);
  for (let c = 0; c < n; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** Cheap pre-check before the regex (this runs on every row): the label holds 计 or 总, or starts like an English one. */
function mayBeTotalsLabel(v: string): boolean {
  if (v.indexOf('计') >= 0 || v.indexOf('总') >= 0) return true;
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 32 || v.charCodeAt(i) === 0x3000)) i++;
  const c = v.charCodeAt(i) | 0x20; // lower-case ASCII letters
  return c === 0x74 /* t */ || c === 0x73 /* s */ || c === 0x67 /* g */;
}

/**
 * True when one of the first cells is a totals label: 合计, 总计, 小计, 汇总, 合 计, Total, Grand total.
 * @example isTotalsRow(['合计', '', 1200], 10) // true
 */
export function isTotalsRow(row: readonly unknown[], end: number): boolean {
  const n = Math.min(row.length, end, TOTALS_LABEL_CELLS);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > MAX_LABEL_CHARS || v === '') continue;
    if (mayBeTotalsLabel(v) && TOTALS_LABEL.test(v)) return true;
  }
  return false;
}

/**
 * True when the row repeats the header in the mapped columns (exports paged with the header on every page).
 * At least half of the mapped columns (and at least two, when two or more are mapped) must repeat.
 */
export function isRepeatedHeader(row: readonly unknown[], headers: readonly string[], mappedColumns: readonly number[]): boolean {
  const n = mappedColumns.length;
  if (n === 0) return false;
  const needed = Math.max(Math.min(2, n), Math.ceil(n / 2));
  let same = 0;
  for (let i = 0; i < n; i++) {
    const c = mappedColumns[i];
    const v = row[c];
    const h = headers[c];
    // Exact comparison first: trim() only when lengths differ (it allocates, and this runs on every row).
    if (typeof v === 'string' && h !== '' && (v === h || (v.length > h.length && v.trim() === h))) same++;
    if (same >= needed) return true;
    if (same + (n - 1 - i) < needed) return false; // cannot reach the threshold any more
  }
  return false;
}
