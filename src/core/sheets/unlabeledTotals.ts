/**
 * A totals line without a label: when a sheet has no 序号 column, an export's count line is often just numbers
 * under the count-like columns (进站次数 1,234 | 里程 5,678,000), with no key, no name, no date and no word.
 * Such a row is no record (it would otherwise become a 数据异常 vehicle, an unmatched call or a visit): it is
 * recognised by what it lacks, given the sheet's mapping.
 */
import { FIELD_VALUE_TYPE } from './evidence';
import type { Field } from './types';

/** Value types that only counts and amounts have: a number under such a column says nothing about a record. */
const COUNT_LIKE = new Set(['count', 'mileage']);

function isNumberCell(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && /^[\s\u3000]*[-+]?\d[\d,.\s]*(?:万|km|公里)?[\s\u3000]*$/i.test(v);
}

const filled = (v: unknown): boolean => v !== '' && v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/**
 * Whether a row is an unlabeled totals line: at least one number, every filled cell a number, and no filled cell
 * under a mapped column that a record would carry (a key, a name, a date, a result, a tick).
 * @example isUnlabeledTotalsRow(['', '', 1234, 5678000], { vin: 0, lastVisitDate: 1, visitCount: 2, mileage: 3 }, 4) // true
 */
export function isUnlabeledTotalsRow(row: readonly unknown[] | undefined, columns: Partial<Record<Field, number>>, end: number): boolean {
  if (!row) return false;
  // One walk over the mapping, no array built: this runs on every row below the header (2M rows at 1,000,000
  // vehicles, where Object.entries per row cost 1-3 s), and most rows leave at their first record column (the key).
  let recordColumns = 0;
  for (const f in columns) {
    if (COUNT_LIKE.has(FIELD_VALUE_TYPE[f as Field])) continue;
    const c = columns[f as Field];
    recordColumns++;
    if (c !== undefined && filled(row[c])) return false;
  }
  if (recordColumns === 0) return false;
  let numbers = 0;
  const n = Math.min(end, row.length);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (!filled(v)) continue;
    if (!isNumberCell(v)) return false;
    numbers++;
  }
  return numbers > 0;
}
