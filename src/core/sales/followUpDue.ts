/**
 * The follow-up rules of a prospect (DOMAIN.md): the next follow-up is due on the date recorded with the latest
 * follow-up, else the latest follow-up plus the level's interval (H 1, A 3, B 7, C 15, N 1 day, settings);
 * O and F are closed. Overdue when the analysis date is after the due date.
 */
import type { IntentLevel, SalesSettings } from '../settings/settings';
import { FOLLOW_STATUS } from './labels';

export interface FollowUpState {
  /** Due date serial, null when none (closed, or nothing to count from). */
  due: number | null;
  /** '逾期' | '按时' | '已结案' | '无跟踪日期' (a live prospect with nothing to count from). */
  status: string;
  /** Days from the due date to the analysis date when overdue, else null. */
  overdueDays: number | null;
}

/**
 * @param level the prospect's level (N when never rated)
 * @param latest the latest follow-up's date serial, or NaN (then `created` is the base)
 * @param recordedNext the next date recorded with the latest follow-up, or NaN
 * @param asOf the analysis date serial
 * @example followUpState('A', 46290, NaN, NaN, 46294, settings.sales) // { due: 46293, status: '逾期', overdueDays: 1 }
 * @example followUpState('B', 46290, NaN, NaN, 46297, settings.sales) // { due: 46297, status: '按时', overdueDays: null }
 */
export function followUpState(
  level: IntentLevel,
  latest: number,
  recordedNext: number,
  created: number,
  asOf: number,
  sales: Pick<SalesSettings, 'levelIntervalDays'>,
): FollowUpState {
  if (level === 'O' || level === 'F') return { due: null, status: FOLLOW_STATUS.closed, overdueDays: null };
  let due: number;
  if (!Number.isNaN(recordedNext)) due = recordedNext;
  else {
    const base = !Number.isNaN(latest) ? latest : created;
    if (Number.isNaN(base)) return { due: null, status: FOLLOW_STATUS.noDate, overdueDays: null };
    due = base + sales.levelIntervalDays[level];
  }
  return asOf > due
    ? { due, status: FOLLOW_STATUS.overdue, overdueDays: asOf - due }
    : { due, status: FOLLOW_STATUS.onTime, overdueDays: null };
}
