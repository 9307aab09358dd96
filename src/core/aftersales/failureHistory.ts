/**
 * Failed follow-ups per category, remembered per analysis month in the workbook state, so that summary 5 compares
 * this month with the previous calendar month (the seed: 号码有误 48 this month against 41 in November) and a second
 * refresh in the same month gives the same workbook instead of comparing the month with itself.
 */
import type { WorkbookState } from '../plan/types';
import type { Ymd } from '../values/dates';

/** Months of history kept in the state. */
const MONTHS_KEPT = 24;

function key(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** 'YYYY-MM' of the analysis date. */
export function analysisMonth(asOf: Ymd): string {
  return key(asOf.y, asOf.m);
}

/** The counts stored for the calendar month before the analysis date's month, or null. */
export function previousMonthFailures(state: WorkbookState, asOf: Ymd): Record<string, number> | null {
  const prev = asOf.m === 1 ? key(asOf.y - 1, 12) : key(asOf.y, asOf.m - 1);
  return state.lastRun?.failedByMonth?.[prev] ?? null;
}

/**
 * The key figures by month with this month's set (replacing an earlier run of the same month), oldest months dropped.
 * @example withMonthFigures({ '2026-09': { churnRate: 0.3 } }, { y: 2026, m: 10, d: 31 }, { churnRate: 0.28 })
 * // { '2026-09': { churnRate: 0.3 }, '2026-10': { churnRate: 0.28 } }
 */
export function withMonthFigures(
  history: Record<string, Record<string, number>> | undefined,
  asOf: Ymd,
  figures: Record<string, number>,
): Record<string, Record<string, number>> {
  return withMonthFailures(history, asOf, figures);
}

/** The history with this month's counts set (replacing an earlier run of the same month), oldest months dropped. */
export function withMonthFailures(
  history: Record<string, Record<string, number>> | undefined,
  asOf: Ymd,
  counts: Record<string, number> | undefined,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = { ...(history ?? {}) };
  if (counts) out[analysisMonth(asOf)] = counts;
  const months = Object.keys(out).sort();
  for (const m of months.slice(0, Math.max(0, months.length - MONTHS_KEPT))) delete out[m];
  return out;
}
