/**
 * What a column's cells hold, from a bounded sample (at most SAMPLE_ROWS data rows spread through the sheet):
 * the share of readable dates, times, 17-character VINs, plates, phone numbers, mileages, small counts, call
 * results, 来电/来店 words, intent levels, yes/no marks and free text. The readers are the product's own
 * (src/core/values, the after-sales call-result dictionary, the sales readers), so a column is judged by the
 * same rules that will read it.
 *
 * Cheap by construction: SAMPLE_ROWS rows × the sheet's columns, each cell read once per value type.
 */
import type { Grid } from '../plan/types';
import { ContactResultClassifier } from '../aftersales/contactResult';
import { readArrivalTime } from '../sales/arrivalTime';
import { readContactType } from '../sales/contactType';
import { readIntentLevel } from '../sales/intentLevel';
import { isBlank } from '../values/isBlank';
import { normalisePlate } from '../values/normalisePlate';
import { normaliseVin } from '../values/normaliseVin';
import { readDate, WEEKDAY_SUFFIX } from '../values/readDate';
import { readMileage } from '../values/readMileage';
import { readPhone } from '../values/readPhone';
import { readYesNo } from '../values/readYesNo';
import { isBlankRow, isTotalsRow } from './rowKinds';

/** Rows sampled per sheet. */
export const SAMPLE_ROWS = 200;
/** Columns profiled per sheet (wider sheets: the first ones). */
const MAX_COLUMNS = 200;

/** The value types a field can expect (see FIELD_VALUE_TYPE in evidence.ts). */
export type ValueType =
  | 'date' | 'time' | 'vin' | 'plate' | 'phone' | 'mileage' | 'count' | 'result' | 'contactType' | 'level' | 'yesNo'
  | 'code' | 'mark' | 'text' | 'any';

/** One column's profile. Shares are of the non-blank sampled cells. */
export interface ColumnProfile {
  column: number;
  /** Sampled rows (data rows looked at) and non-blank cells among them. */
  sampled: number;
  nonBlank: number;
  /** Share per value type, 0..1. */
  share: Record<Exclude<ValueType, 'any'>, number>;
  /** Date serials of the sampled rows (NaN where not a date), aligned with ColumnProfiles.rows. */
  dates: Float64Array;
  /** 1 where the sampled row's cell is not blank, aligned with ColumnProfiles.rows. */
  filled: Uint8Array;
  /** The sampled cells as compact text ('' when blank; spaces and dashes removed), for comparing rows. */
  keys: string[];
  /** 1 where the sampled row's cell is a code (1003, YX20261001), aligned with ColumnProfiles.rows. */
  codes: Uint8Array;
  /** Non-blank sampled cells that are codes mixing letters and digits (YX20261001), not only digits. */
  alphaCodes: number;
  /** How many different intent levels (H, A, B, C, N, O, F) the cells read as. */
  levelKinds: number;
}

export interface ColumnProfiles {
  /** The sampled grid rows (0-based), ascending. */
  rows: number[];
  columns: ColumnProfile[];
}

/** Dates dealers hold: 1990-01-01 .. 2100-12-31 as serials (a bare number outside is no date). */
const MIN_PLAUSIBLE_SERIAL = 32874;
const MAX_PLAUSIBLE_SERIAL = 73415;
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;
/** 京A12345, 粤B·D12345 (new energy: 6 after the letter), 沪A1234学/挂/警. */
const PLATE_PATTERN = /^[\u4e00-\u9fff][A-Z][A-Z0-9]{4,6}[\u4e00-\u9fff]?$/;
const SHORT_TEXT = 8;
/** The highest odometer reading the profile takes for one (km); readMileage's own limit is for typos. */
const ODOMETER_MAX_KM = 500_000;
/** An identifier: digits with an optional letter prefix or suffix (1003, YX20261001, P-000123), no spaces. */
const CODE_PATTERN = /^[A-Za-z]{0,6}[-_]?\d{3,14}[A-Za-z]{0,3}$/;

const results = new ContactResultClassifier();

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** The rows to sample: every data-looking row below the header when few, else SAMPLE_ROWS spread evenly. */
export function sampleRows(grid: Grid, firstRow: number, end: number, limit = SAMPLE_ROWS): number[] {
  const out: number[] = [];
  const span = grid.length - firstRow;
  if (span <= 0) return out;
  const step = Math.max(1, Math.ceil(span / limit));
  for (let r = firstRow; r < grid.length && out.length < limit; r += step) {
    const row = grid[r];
    if (isBlankRow(row, end) || isTotalsRow(row, end)) continue;
    out.push(r);
  }
  return out;
}

function dateOf(v: unknown): number {
  if (typeof v === 'number') {
    const whole = Math.floor(v);
    return whole >= MIN_PLAUSIBLE_SERIAL && whole <= MAX_PLAUSIBLE_SERIAL ? whole : NaN;
  }
  if (typeof v === 'string' && !/[\u4e00-\u9fff]/.test(v.replace(WEEKDAY_SUFFIX, '').replace(/[年月日号]/g, '')) && v.trim().length <= 25) {
    const d = readDate(v);
    return typeof d === 'number' ? Math.floor(d) : NaN;
  }
  if (v instanceof Date) {
    const d = readDate(v);
    return typeof d === 'number' ? Math.floor(d) : NaN;
  }
  return NaN;
}

/**
 * Profiles the columns of a sheet below its header row.
 * @example profileColumns(grid, 1, 5).columns[2].share.date // 1 for a column of dates
 */
export function profileColumns(grid: Grid, headerRow: number, width: number, rows?: number[]): ColumnProfiles {
  const end = Math.min(width, MAX_COLUMNS);
  const sample = rows ?? sampleRows(grid, headerRow + 1, end);
  const columns: ColumnProfile[] = [];
  for (let c = 0; c < end; c++) {
    const count = { date: 0, time: 0, vin: 0, plate: 0, phone: 0, mileage: 0, count: 0, result: 0, contactType: 0, level: 0, yesNo: 0, code: 0, mark: 0, text: 0 };
    const dates = new Float64Array(sample.length).fill(NaN);
    const filled = new Uint8Array(sample.length);
    const codes = new Uint8Array(sample.length);
    const keys: string[] = new Array(sample.length).fill('');
    let nonBlank = 0;
    let alphaCodes = 0;
    const levels = new Set<string>();
    for (let i = 0; i < sample.length; i++) {
      const v = grid[sample[i]]?.[c];
      if (v === '' || v === null || v === undefined || (typeof v === 'string' && isBlank(v))) continue;
      nonBlank++;
      filled[i] = 1;
      const k = typeof v === 'number' ? String(v) : String(v).replace(/[\s-]/g, '');
      keys[i] = k;
      const d = dateOf(v);
      if (!Number.isNaN(d)) {
        count.date++;
        dates[i] = d;
      }
      if (typeof v === 'number') {
        if (v > 0 && v < 1) count.time++;
        else if (v >= 1 && v - Math.floor(v) > 0 && !Number.isNaN(d)) count.time++;
        if (Number.isInteger(v) && v >= 0 && v <= 500) count.count++;
        const m = readMileage(v);
        // An odometer reading is a whole number of km up to a few hundred thousand: 35,000-73,000 km are also date
        // serials, and a reading still (the header says which the column is; a date's fraction is no reading).
        if (typeof m === 'number' && (Number.isNaN(d) || (Number.isInteger(v) && v <= ODOMETER_MAX_KM))) count.mileage++;
      }
      const s = text(v);
      const p = readPhone(v);
      const isPhone = typeof p === 'string' && p.replace(/\D/g, '').length >= 7;
      if (isPhone) count.phone++;
      if (!isPhone && (typeof v === 'number' ? Number.isInteger(v) && v >= 100 && Number.isNaN(d) : CODE_PATTERN.test(k) && Number.isNaN(d))) {
        count.code++;
        codes[i] = 1;
        if (/[A-Za-z]/.test(k)) alphaCodes++;
      }
      if (s === '') {
        if (typeof v === 'number' && readYesNo(v) !== undefined) {
          count.yesNo++;
          count.mark++;
        }
        continue;
      }
      // A tick: a yes/no word or any one- or two-character symbol (■, ●, ☑ as well as √ and ✓).
      if ((readYesNo(s) !== undefined && readYesNo(s) !== null) || (s.length <= 2 && !/[\p{L}\p{N}]/u.test(s))) count.mark++;
      const vin = normaliseVin(s);
      if (vin && VIN_PATTERN.test(vin) && /\d/.test(vin) && /[A-Z]/.test(vin)) count.vin++;
      const plate = normalisePlate(s);
      if (plate && PLATE_PATTERN.test(plate)) count.plate++;
      if (Number.isNaN(d) && typeof readMileage(s) === 'number' && /\d/.test(s) && !/[:：]/.test(s)) count.mileage++;
      if (/^\d+$/.test(s) && Number(s) <= 500) count.count++;
      if (/[\u4e00-\u9fffa-zA-Z]/.test(s) && Number.isNaN(d) && typeof p !== 'string') count.text++;
      if (Number.isNaN(d) && /\d/.test(s) && typeof readArrivalTime(s) === 'number' && s.length <= 20) count.time++;
      else if (!Number.isNaN(d) && /\d[:：]\d/.test(s)) count.time++;
      if (s.length <= SHORT_TEXT) {
        if (readContactType(s)) count.contactType++;
        const level = readIntentLevel(s);
        if (level) {
          count.level++;
          levels.add(level);
        }
        if (readYesNo(s) !== undefined && readYesNo(s) !== null) count.yesNo++;
      }
      if (s.length <= 40 && Number.isNaN(d) && /[\u4e00-\u9fffa-zA-Z]/.test(s) && results.classify(s, '') !== '其他') count.result++;
    }
    const share = {} as ColumnProfile['share'];
    for (const [k, n] of Object.entries(count) as [keyof typeof count, number][]) share[k] = nonBlank ? n / nonBlank : 0;
    columns.push({ column: c, sampled: sample.length, nonBlank, share, dates, filled, codes, keys, alphaCodes, levelKinds: levels.size });
  }
  return { rows: sample, columns };
}

/**
 * Share of the rows holding both dates where column `later` is on or after column `earlier` (NaN when fewer than
 * 3 such rows), and the share strictly after.
 */
export function dateOrder(p: ColumnProfiles, later: number, earlier: number): { onOrAfter: number; after: number; pairs: number } {
  const a = p.columns[later]?.dates;
  const b = p.columns[earlier]?.dates;
  if (!a || !b) return { onOrAfter: NaN, after: NaN, pairs: 0 };
  let pairs = 0;
  let ok = 0;
  let strictly = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    pairs++;
    if (a[i] >= b[i]) ok++;
    if (a[i] > b[i]) strictly++;
  }
  return pairs < 3 ? { onOrAfter: NaN, after: NaN, pairs } : { onOrAfter: ok / pairs, after: strictly / pairs, pairs };
}
