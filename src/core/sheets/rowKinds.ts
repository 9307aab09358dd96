/** Row classification below the header: blank rows, totals rows and repeated header rows are not data. */
import { isBlank } from '../values/isBlank';
import { headerKey } from './normaliseHeader';

/** How many leading cells are looked at for a totals label. */
const TOTALS_LABEL_CELLS = 3;
const TOTALS_WORDS = /合计|总计|小计|汇总/;
const TOTALS_ENGLISH = /^(?:total|subtotal|grandtotal|sum)/;

/** True when every cell before `end` is blank (placeholders such as — count as blank). */
export function isBlankRow(row: readonly unknown[] | undefined, end: number): boolean {
  if (!row) return true;
  const n = Math.min(row.length, end);
  for (let c = 0; c < n; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * True when one of the first cells is a totals label: 合计, 总计, 小计, 汇总, 合 计, Total, Grand total.
 * @example isTotalsRow(['合计', '', 1200], 10) // true
 */
export function isTotalsRow(row: readonly unknown[], end: number): boolean {
  const n = Math.min(row.length, end, TOTALS_LABEL_CELLS);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > 20) continue;
    const key = headerKey(v);
    if (key.length <= 10 && (TOTALS_WORDS.test(key) || TOTALS_ENGLISH.test(key))) return true;
  }
  return false;
}

/**
 * True when the row repeats the header in the mapped columns (exports paged with the header on every page).
 * At least half of the mapped columns (and at least two, when two or more are mapped) must repeat.
 */
export function isRepeatedHeader(row: readonly unknown[], headers: readonly string[], mappedColumns: readonly number[]): boolean {
  if (mappedColumns.length === 0) return false;
  let same = 0;
  for (const c of mappedColumns) {
    const v = row[c];
    if (typeof v === 'string' && headers[c] !== '' && v.trim() === headers[c]) same++;
  }
  return same >= Math.max(Math.min(2, mappedColumns.length), Math.ceil(mappedColumns.length / 2));
}
