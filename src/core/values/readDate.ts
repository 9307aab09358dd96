/**
 * Reads a date cell into an Excel serial day number (integer). Dates arrive as serial numbers (Range.values),
 * JS Date objects (exceljs), or text in the forms Chinese DMS exports and hand-kept sheets use.
 */
import { isLeapYear } from './dates';
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';
import { readDigitByDigit, readSmallNumber } from './chineseNumerals';

/** Serial of 1900-01-01 and of 2100-12-31: the plausible range for a dealer's dates. */
export const MIN_DATE_SERIAL = 1;
export const MAX_DATE_SERIAL = 73415;
/** Serial 25569 = 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * Time after a date: ` 14:30`, `T14:30:05`, ` 2:30:00 PM`, ` 14:30:05.123`, optional `Z` or a UTC offset (`+08:00`,
 * `-0500`): the date is the one written, the local day where it was recorded.
 */
const TIME_SUFFIX = /^(?:\s+|T)\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|\s*[+-]\d{2}:?\d{2})?\s*$/;

/**
 * Reads a date. Returns the serial (whole days, time dropped), `null` for a blank, `undefined` when the value
 * cannot be read as a real date between 1900 and 2100 (the caller reports a CellIssue).
 *
 * Accepted: serial numbers (time fraction dropped), yyyymmdd numbers, Date objects (read in UTC, as exceljs
 * creates them), and text `2023/5/6`, `2023-05-06`, `2023年5月6日`, `2023.05.06`, `20230506`, each optionally
 * followed by a time (`2023-05-06 14:30`), in full-width or half-width characters, and dates in Chinese numerals
 * (`二〇二三年五月六日`).
 *
 * @example readDate('2023年5月6日') // 45052
 * @example readDate(45052.6) // 45052
 * @example readDate('2023-02-29') // undefined (not a real day)
 * @example readDate('—') // null
 */
export function readDate(v: unknown): number | null | undefined {
  if (typeof v === 'number') return readSerialNumber(v);
  if (typeof v === 'string') return readDateText(v);
  if (v instanceof Date) {
    if (!Number.isFinite(v.getTime())) return undefined;
    // Through the calendar date, so Excel's phantom 1900-02-29 is honoured as everywhere else.
    return fromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (v === null || v === undefined) return null;
  return undefined;
}

function inRange(serial: number): number | undefined {
  return serial >= MIN_DATE_SERIAL && serial <= MAX_DATE_SERIAL ? serial : undefined;
}

function readSerialNumber(v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  // A date typed as a plain number 20230506 (yyyymmdd) is far beyond any serial: read it as a calendar date.
  if (v >= 19000101 && v <= 21001231 && Number.isInteger(v)) {
    return fromYmd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
  }
  // A DMS time stamp stored as a number (20230506143000, 202305061430): read as its digits.
  if (Number.isInteger(v) && ((v >= 190001010000 && v <= 210012312359) || (v >= 19000101000000 && v <= 21001231235959))) {
    return readDateDigits(String(v));
  }
  return inRange(Math.floor(v));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil): plain integer arithmetic, no Date
 * object, because this runs once per date cell.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The serial of a calendar date between 1900 and 2100, or undefined when the date does not exist. */
function fromYmd(y: number, m: number, d: number): number | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const dim = m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > dim) return undefined;
  const serial = daysFromCivil(y, m, d) + UNIX_EPOCH_SERIAL;
  return serial <= 60 ? serial - 1 : serial; // Excel's phantom 1900-02-29 (see dates.ts)
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Separators between year, month and day. 年/月 pair up with 月/日; the others are interchangeable. */
function isSeparator(ch: string): boolean {
  return ch === '-' || ch === '/' || ch === '.' || ch === '年' || ch === '月' || ch === '_' || ch === '\\';
}

/**
 * A weekday after a date (`2024-03-05 周二`, `2024/3/5 星期二`, `2024年3月5日(周二)`, `2024-03-05 Tue`): exports
 * that print the day of the week add it; it says nothing the date does not.
 */
export const WEEKDAY_SUFFIX = /\s*[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?\s*$|\s*[(（]?\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*[)）]?\s*$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** English month names: `Mar 5, 2024`, `March 5 2024`, `05-Mar-2024`, `5 Mar 2024` (Oracle and English exports). */
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})[-\s/]([a-z]{3,9})\.?[-\s/,]+(\d{4})$/i;

function monthOf(name: string): number {
  const k = name.slice(0, 3).toLowerCase();
  const i = MONTHS.indexOf(k);
  // The full name must be that month's (March, not Marxyz); three letters alone are the abbreviation.
  if (i < 0) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i];
  const n = name.toLowerCase();
  return n.length === 3 || full.startsWith(n) || (n.length === 4 && n === 'sept') ? i + 1 : 0;
}

/** A date with an English month name, time after it allowed; undefined when it is none. */
function readMonthNameDate(s: string): number | undefined {
  const t = s.replace(/(?:\s+|T)\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?\s*$/, '').trim();
  const a = MONTH_FIRST.exec(t);
  if (a) {
    const m = monthOf(a[1]);
    return m ? fromYmd(+a[3], m, +a[2]) : undefined;
  }
  const b = DAY_FIRST.exec(t);
  if (b) {
    const m = monthOf(b[2]);
    return m ? fromYmd(+b[3], m, +b[1]) : undefined;
  }
  return undefined;
}

function readDateText(raw: string): number | null | undefined {
  if (isBlank(raw)) return null;
  const plain = readDateDigits(raw);
  if (plain !== undefined) return plain;
  const s = toHalfWidth(raw).trim();
  const noWeekday = s.replace(WEEKDAY_SUFFIX, '');
  if (noWeekday !== s && noWeekday !== '') {
    const d = readDateDigits(noWeekday);
    if (d !== undefined) return d;
  }
  if (/[a-z]/i.test(noWeekday)) return readMonthNameDate(noWeekday);
  return CHINESE_NUMERAL.test(noWeekday) ? readChineseNumeralDate(noWeekday) : undefined;
}

/** A Chinese numeral anywhere in the text: only then is the numeral-date reading tried (never on the happy path). */
const CHINESE_NUMERAL = /[〇零一二三四五六七八九十]/;
/** `二〇二六年十月五日`, `二零二六年十二月三十一号`: the year digit by digit, month and day with 十 for tens. */
const NUMERAL_DATE = /^([〇零一二三四五六七八九\d]{4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月\s*([一二三四五六七八九十\d]{1,3})\s*[日号]$/;

/** A date written in Chinese numerals (a hand-kept register, a printed letter); undefined when it is none. */
function readChineseNumeralDate(s: string): number | undefined {
  const m = NUMERAL_DATE.exec(s);
  if (!m) return undefined;
  const y = readDigitByDigit(m[1]);
  const mo = readSmallNumber(m[2]);
  const d = readSmallNumber(m[3]);
  return Number.isNaN(y) || Number.isNaN(mo) || Number.isNaN(d) ? undefined : fromYmd(y, mo, d);
}

function readDateDigits(raw: string): number | undefined {
  const s = toHalfWidth(raw).trim();
  const n = s.length;
  // Hand-written scanner (no regex match arrays on the happy path): year digits, separator, month, separator, day.
  let i = 0;
  let y = 0;
  while (i < n && isDigit(s.charCodeAt(i))) y = y * 10 + (s.charCodeAt(i++) - 48);
  const yearDigits = i;
  let m: number;
  let d: number;
  if (yearDigits === 8) {
    // 20230506
    d = y % 100;
    m = Math.floor(y / 100) % 100;
    y = Math.floor(y / 10000);
  } else if ((yearDigits === 12 || yearDigits === 14) && i === n) {
    // A DMS time stamp, 202305061430 or 20230506143000: the date, once the time part is a real time of day.
    const hh = Number(s.slice(8, 10));
    const mm = Number(s.slice(10, 12));
    const ss = yearDigits === 14 ? Number(s.slice(12, 14)) : 0;
    if (hh > 23 || mm > 59 || ss > 59) return undefined;
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
    d = Number(s.slice(6, 8));
  } else if (yearDigits === 4) {
    i = skipSpaces(s, i);
    if (i >= n || !isSeparator(s[i])) return undefined;
    i = skipSpaces(s, i + 1);
    const mStart = i;
    m = 0;
    while (i < n && isDigit(s.charCodeAt(i))) m = m * 10 + (s.charCodeAt(i++) - 48);
    if (i - mStart < 1 || i - mStart > 2) return undefined;
    i = skipSpaces(s, i);
    if (i >= n || !isSeparator(s[i])) return undefined;
    i = skipSpaces(s, i + 1);
    const dStart = i;
    d = 0;
    while (i < n && isDigit(s.charCodeAt(i))) d = d * 10 + (s.charCodeAt(i++) - 48);
    if (i - dStart < 1 || i - dStart > 2) return undefined;
    const afterDay = skipSpaces(s, i);
    if (afterDay < n && (s[afterDay] === '日' || s[afterDay] === '号')) i = afterDay + 1;
  } else {
    return undefined;
  }
  if (i < n && !TIME_SUFFIX.test(s.slice(i))) return undefined;
  return fromYmd(y, m, d);
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i;
}
