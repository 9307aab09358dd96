/** Builds the CellIssue a reader's `undefined` turns into. */
import { a1 } from '../plan/names';
import type { CellIssue } from '../plan/types';

/** i18n keys of the reasons the input layer reports (messages in src/i18n/<locale>/input.ts). */
export const ISSUE_REASON = {
  date: 'input.issue.unreadableDate',
  mileage: 'input.issue.unreadableMileage',
  phone: 'input.issue.unreadablePhone',
  integer: 'input.issue.unreadableInteger',
  yesNo: 'input.issue.unreadableYesNo',
  text: 'input.issue.unreadableText',
  dateAfterAsOf: 'input.issue.dateAfterAnalysisDate',
  time: 'input.issue.unreadableTime',
} as const;

/** Longest cell text copied into an issue (a pasted paragraph is cut, with an ellipsis). */
const MAX_VALUE_CHARS = 100;

/**
 * A CellIssue for one unreadable cell, with its A1 address.
 *
 * @example cellIssue('Sheet1', 4, 2, 'purchaseDate', '2023-02-29', ISSUE_REASON.date)
 * // { sheet: 'Sheet1', row: 4, col: 2, address: 'C5', field: 'purchaseDate', value: '2023-02-29', reason: 'input.issue.unreadableDate' }
 */
export function cellIssue(sheet: string, row: number, col: number, field: string, value: unknown, reasonKey: string): CellIssue {
  return { sheet, row, col, address: a1(row, col), field, value: valueText(value), reason: reasonKey };
}

function valueText(value: unknown): string {
  let s: string;
  if (value instanceof Date) s = Number.isFinite(value.getTime()) ? value.toISOString() : 'Invalid Date';
  else if (value === null || value === undefined) s = '';
  else if (typeof value === 'object') {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  } else s = String(value);
  return s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS - 1) + '…' : s;
}
