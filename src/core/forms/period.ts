/**
 * The period a filled form covers: 'all' (every dated and undated row of the data, the default) or one month
 * 'YYYY-MM' (only the rows dated in that month). The CLI's `--period` and the pane's period choice both end here.
 */
import { formatIso, monthKey, serialToYmd, ymdToSerial } from '../values/dates';

/** 'all' or a month as 'YYYY-MM' (validated by parseFormPeriod). */
export type FormPeriod = 'all' | `${number}-${number}`;

export const ALL_PERIOD: FormPeriod = 'all';

/**
 * Reads a period as typed (CLI option, pane field); null when it is neither 'all' nor a real month 'YYYY-MM'.
 * Surrounding spaces are ignored; 'ALL' is accepted.
 * @example parseFormPeriod('2026-10') // '2026-10'
 * @example parseFormPeriod('2026-13') // null
 */
export function parseFormPeriod(text: string): FormPeriod | null {
  const s = text.trim();
  if (s.toLowerCase() === 'all') return 'all';
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  return m && Number(m[1]) >= 1900 ? (s as FormPeriod) : null;
}

/**
 * The serial range [from, to) of a month period; null for 'all'.
 * @example periodRange('2026-10') // { from: 46296, to: 46327 } (2026-10-01 up to, not including, 2026-11-01)
 */
export function periodRange(period: FormPeriod): { from: number; to: number } | null {
  if (period === 'all') return null;
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return { from: ymdToSerial({ y, m, d: 1 }), to: ymdToSerial(m === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: m + 1, d: 1 }) };
}

/**
 * Whether a row dated `date` (a serial, or anything else when undated) belongs to the period: every row under
 * 'all'; under a month only the rows dated in it (an undated row cannot be placed in a month, so it is left out).
 * A month value 'YYYY-MM' (monthly statistics) belongs to that month.
 * @example inPeriod('', 'all') // true
 * @example inPeriod('', { from: 46296, to: 46327 }) // false
 */
export function inPeriod(date: unknown, range: { from: number; to: number } | null): boolean {
  if (!range) return true;
  const span = dateSpan(date);
  return span !== null && span[0] >= range.from && span[0] < range.to;
}

/**
 * The days a dataset row's date covers, as serials [first, last]: a serial covers its own day; a month 'YYYY-MM'
 * (a monthly statistics row) covers the whole month. Null when the value is no date (an undated row).
 * @example dateSpan('2026-10') // [46296, 46326]
 */
export function dateSpan(v: unknown): [number, number] | null {
  if (typeof v === 'number') return Number.isFinite(v) ? [v, v] : null;
  if (typeof v !== 'string') return null;
  const month = parseFormPeriod(v);
  if (!month || month === 'all') return null;
  const r = periodRange(month)!;
  return [r.from, r.to - 1];
}

/**
 * What the form's 期间/月份 header says: the month ('2026年10月') for a month period, the first and last date of
 * the rows ('2026-08-01 至 2026-10-31') under 'all'; null under 'all' when no row has a date (the caller keeps
 * its default).
 * @example periodLabel('all', 46235, 46326) // '2026-08-01 至 2026-10-31'
 */
export function periodLabel(period: FormPeriod, first: number, last: number): string | null {
  if (period !== 'all') return `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`;
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null;
  return `${formatIso(serialToYmd(first))} 至 ${formatIso(serialToYmd(last))}`;
}

/**
 * Caps a dataset built for the forms so that any period the user may pick later still gets its first `max` rows:
 * a row is kept while it is among the first `max` rows overall OR among the first `max` rows of its month.
 * So memory stays bounded (at most max × (months + 1) rows) on a million-row register, and `counts` holds how many
 * rows each period really had, for the form's note (仅显示前 N 行,共 M 行).
 * @example const cap = new PeriodCap(2000); cap.take(46296) // true; cap.counts // { all: 1, '2026-10': 1 }
 */
export class PeriodCap {
  readonly counts: Record<string, number> = { all: 0 };
  // Month of the last date seen, cached: register rows come sorted by date, so most rows skip the month lookup.
  private lastDay = NaN;
  private lastMonth = '';

  constructor(private readonly max: number) {}

  /** Counts a row dated `date` (NaN or '' when undated) and says whether to keep it. */
  take(date: number | ''): boolean {
    const overall = this.counts.all++;
    if (typeof date !== 'number' || !Number.isFinite(date)) return overall < this.max;
    const day = Math.floor(date);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastMonth = monthKey(day);
    }
    const inMonth = this.counts[this.lastMonth] ?? 0;
    this.counts[this.lastMonth] = inMonth + 1;
    return overall < this.max || inMonth < this.max;
  }
}
