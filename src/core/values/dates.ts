/**
 * Calendar arithmetic on Excel serial day numbers (1900 date system, as `Range.values` returns dates).
 * Serial 1 = 1900-01-01; Excel's phantom 1900-02-29 (serial 60) is honoured, so serial 61 = 1900-03-01.
 * All work is done in UTC on whole days, so no time zone can shift a date.
 */

/** A calendar date. */
export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const MS_PER_DAY = 86400000;
/** Serial 25569 = 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** @example ymdToSerial({ y: 2023, m: 5, d: 6 }) // 45052 */
export function ymdToSerial(date: Ymd): number {
  const ms = Date.UTC(date.y, date.m - 1, date.d);
  let serial = Math.round(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
  if (serial <= 60) serial -= 1; // before Excel's phantom 1900-02-29
  return serial;
}

/** The date part of a serial (time fraction dropped). @example serialToYmd(45052) // { y: 2023, m: 5, d: 6 } */
export function serialToYmd(serial: number): Ymd {
  let s = Math.floor(serial);
  if (s < 61) s += 1; // undo the phantom leap day for early serials
  const dt = new Date((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/**
 * Whole calendar months from a to b (DOMAIN.md): (Y2−Y1)×12 + (M2−M1) − (1 if D2 < D1 else 0).
 * @example monthsBetween({y:2023,m:1,d:31},{y:2023,m:2,d:28}) // 0
 */
export function monthsBetween(a: Ymd, b: Ymd): number {
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

/** Whole years from a to b: whole months / 12, rounded down. */
export function yearsBetween(a: Ymd, b: Ymd): number {
  return Math.floor(monthsBetween(a, b) / 12);
}

/** 'YYYY-MM-DD'. */
export function formatIso(date: Ymd): string {
  return `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** Parses 'YYYY-MM-DD' (settings and --as-of); null when not a real date. */
export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}

/** Today's date in the local time zone of the machine running the code. */
export function todayYmd(now: Date = new Date()): Ymd {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

/** 'YYYY-MM' of a serial. */
export function monthKey(serial: number): string {
  const { y, m } = serialToYmd(serial);
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Day of week of a serial, 0 = Sunday … 6 = Saturday. */
export function weekday(serial: number): number {
  const s = Math.floor(serial);
  // Excel's WEEKDAY(1) is a Sunday (its calendar counts the phantom 1900-02-29); exact for serials ≥ 61.
  return (((s - 1) % 7) + 7) % 7;
}
