/** What every after-sales summary needs, and the small helpers they share. */
import type { Grid } from '../../plan/types';
import type { Settings } from '../../settings/settings';
import type { Ymd } from '../../values/dates';
import type { VehicleAnalysis } from '../analyseVehicles';
import { STATUSES, type Status } from '../labels';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Where the classified customer sheet lies, for PivotTables over it. */
export interface ClassifiedSource {
  sheet: string;
  headerRow: number;
  lastCol: number;
  lastRow: number;
  /** Header text of the source's region column ('' when not mapped) and of the appended 流失状态 column. */
  regionHeader: string;
  /** Header text of the source's model column ('' when not mapped). */
  modelHeader: string;
  statusHeader: string;
  ageBucketHeader: string;
  /** Header text of the appended 重复记录 column, whose 重复 rows the pivots leave out. */
  duplicateHeader: string;
}

export interface SummaryContext {
  a: VehicleAnalysis;
  settings: Settings;
  asOf: Ymd;
  t: Translate;
  /** The dealer / date line under each title. */
  subtitle: string;
  source: ClassifiedSource | null;
  /** Failure counts of the previous run (state.lastRun.failedByCategory), if any. */
  previousFailed: Record<string, number> | null;
  /** Failure counts by analysis month recorded by earlier runs (state.lastRun.failedByMonth); this run's month is replaced. */
  failedHistory?: Record<string, Record<string, number>> | null;
  /** Grid row of each customer table row (for the 源表行号 of the win-back list); null when unknown. */
  rowsOfSheet: readonly number[] | null;
  /** The previous 招揽名单 as the adapter read it (the callers' notes come back from it); null on a first run. */
  previousWinBack?: Grid | null;
}

/** 0.3125 → '31.3%' (conclusions quote rates the way the seeds do). */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}

/** a / b, or '' when b is 0 (a rate cell left blank rather than a division error). */
export function rate(a: number, b: number): number | '' {
  return b > 0 ? a / b : '';
}

export const STATUS_INDEX: Record<Status, number> = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

/**
 * Counts vehicles per group and status in one pass: group -> counts in STATUSES order.
 * @example countByGroup(['西安', '咸阳', '西安'], ['流失', '活跃', '流失']).get('西安') // [0, 0, 2, 0, 0]
 */
export function countByGroup(groupOf: readonly string[], status: readonly Status[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let v = 0; v < groupOf.length; v++) {
    let counts = out.get(groupOf[v]);
    if (!counts) out.set(groupOf[v], (counts = new Array<number>(STATUSES.length).fill(0)));
    counts[STATUS_INDEX[status[v]]]++;
  }
  return out;
}

/** Lost (流失 + 彻底流失) of a STATUSES-ordered count row. */
export function lostOf(counts: readonly number[]): number {
  return counts[STATUS_INDEX['流失']] + counts[STATUS_INDEX['彻底流失']];
}

/** Classified (all but 数据异常) of a STATUSES-ordered count row. */
export function classifiedOf(counts: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) if (STATUSES[i] !== '数据异常') n += counts[i];
  return n;
}
