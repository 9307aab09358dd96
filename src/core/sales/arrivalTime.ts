/**
 * Arrival time of a showroom register row, in minutes since midnight. Receptionists write it in many ways
 * (DOMAIN.md, Showroom register measures): '9:30', '09:30-10:15' (the arrival is the first time), '9点半',
 * '14点20', '下午3点', Excel time fractions (0.395833…) or full date-times (a serial with a fraction, or
 * '2026-10-01 14:20').
 */
import { cellText, isMissingText } from './cellText';
import { readSmallNumber } from '../values/chineseNumerals';

/** Result convention of the sales parsers: a value, `null` when the cell is blank, `undefined` when unreadable. */
export type Parsed<T> = T | null | undefined;

const MINUTES_PER_DAY = 1440;

/** Period words before or after the time: afternoon/evening shift a 12-hour clock by 12. */
const PM_WORDS = /^(下午|晚上|傍晚|晚间|夜里|夜间|晚)/;
const AM_WORDS = /^(上午|早上|早晨|清晨|凌晨|早|午前)/;
const NOON_WORDS = /^(中午|正午)/;

/** A leading date ('2026-10-01 ', '2026/10/1 ', '2026年10月1日 ') is dropped: only the time matters here. */
const LEADING_DATE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(T|\s)?\s*/;

/** A leading month and day without the year ('10月1日 9:30'). */
const LEADING_MONTH_DAY = /^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?\s*/;

/** Words around the time that say what it is ('约10点', '到店9:30', '9:30进店'): dropped before reading. */
const LEADING_WORDS = /^(约|大约|大概|到店|进店|来店|来电|到达|到)\s*/;
const TRAILING_WORDS = /\s*(到店|进店|来店|来电|离店|到达|到|进)$/;

/** Everything after the first time of a range such as '09:30-10:15', '9点~10点', '9:30至10:00'. */
const RANGE_SEPARATOR = /\s*(-|—|–|~|～|至|到)\s*/;

/**
 * Reads one clock time (without date or range) into minutes; undefined when it is not a time.
 * Accepts 'h:mm', 'h:mm:ss', 'h.mm', 'h点', 'h点半', 'h点mm(分)', 'h时mm分', 'h"h"mm' (9h30, the French and
 * export clock), Chinese numeral hours, am/pm words.
 */
function readClock(text: string): number | undefined {
  let s = text.replace(/\s+/g, '');
  let shift: 'am' | 'pm' | 'noon' | null = null;
  let m: RegExpExecArray | null;
  if ((m = PM_WORDS.exec(s))) {
    shift = 'pm';
    s = s.slice(m[0].length);
  } else if ((m = NOON_WORDS.exec(s))) {
    shift = 'noon';
    s = s.slice(m[0].length);
  } else if ((m = AM_WORDS.exec(s))) {
    shift = 'am';
    s = s.slice(m[0].length);
  }
  const prefix = /^(am|pm|a\.m\.|p\.m\.)/i.exec(s);
  if (prefix) {
    shift = prefix[1].toLowerCase().startsWith('p') ? 'pm' : 'am';
    s = s.slice(prefix[0].length);
  }
  const suffix = /(am|pm|a\.m\.|p\.m\.)$/i.exec(s);
  if (suffix) {
    shift = suffix[1].toLowerCase().startsWith('p') ? 'pm' : 'am';
    s = s.slice(0, s.length - suffix[0].length);
  }
  // '10点多' / '10点多钟' is ten-something: the hour is what decides the slot.
  s = s.replace(/(左右|许|前后|钟)$/, '').replace(/(点|时)多$/, '$1');

  let hour = NaN;
  let minute = 0;
  if ((m = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/.exec(s))) {
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else if ((m = /^([01]\d|2[0-4])([0-5]\d)$/.exec(s))) {
    // '0930', '1420': a clock typed without its colon.
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else if ((m = /^([\d零〇一二两三四五六七八九十]{1,3})[点时:hH](半|一刻|三刻|整|([\d零〇一二两三四五六七八九十]{1,3})分?)?$/.exec(s))) {
    hour = readSmallNumber(m[1]);
    if (m[2] === '半') minute = 30;
    else if (m[2] === '一刻') minute = 15;
    else if (m[2] === '三刻') minute = 45;
    else if (m[3] !== undefined) minute = readSmallNumber(m[3]);
  } else if (shift !== null && (m = /^(\d{1,2})$/.exec(s))) {
    // '3pm', '下午3' — a bare number is a time only with a period word.
    hour = Number(m[1]);
  } else {
    return undefined;
  }
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute < 0 || minute > 59 || hour < 0 || hour > 24) return undefined;
  if (shift === 'pm' && hour < 12) hour += 12;
  else if (shift === 'noon' && hour < 11) hour += 12; // 中午1点 is 13:00; 中午12点 stays 12:00
  else if (shift === 'am' && hour === 12) hour = 0;
  if (hour === 24) {
    if (minute !== 0) return undefined;
    hour = 0;
  }
  return hour * 60 + minute;
}

/**
 * Arrival time in minutes since midnight (0..1439).
 * @returns minutes; `null` when the cell is blank (or a missing-value placeholder); `undefined` when unreadable.
 * @example readArrivalTime('09:30-10:15') // 570
 * @example readArrivalTime('下午3点半') // 930
 * @example readArrivalTime(0.5) // 720
 * @example readArrivalTime('2026-10-01 14:20') // 860
 */
export function readArrivalTime(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const fraction = value - Math.floor(value);
    // A whole serial is a date without a time: nothing to read as an arrival time.
    if (value >= 1 && fraction === 0) return undefined;
    return Math.round(fraction * MINUTES_PER_DAY) % MINUTES_PER_DAY;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.getUTCHours() * 60 + value.getUTCMinutes();
  }
  const text = cellText(value);
  if (isMissingText(text)) return null;
  // Leading words go before the range split: '到店9:30' must not split at its '到'.
  const withoutDate = text.replace(LEADING_DATE, '').replace(LEADING_MONTH_DAY, '').replace(LEADING_WORDS, '');
  const first = withoutDate.split(RANGE_SEPARATOR)[0];
  return readClock(first.replace(TRAILING_WORDS, ''));
}
