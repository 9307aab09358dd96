/**
 * The after-sales half of the sample: the customer base (保有客户) and the win-back call log (回访记录), linked by
 * VIN / plate / phone, with the churn distribution of the seeds (about a third of the base lost) and every kind of
 * mess DOMAIN.md describes.
 */
import type { CellValue } from '../../core/plan/types';
import { serialToYmd } from '../../core/values/dates';
import type { Rng } from './prng';
import { messyBlank, messyDate, messyMileage, messyPhone, mobile } from './messyValues';
import type { SampleSheet } from './types';
import {
  ADVISORS, CALLERS, CALL_HEADERS, CALL_RESULTS, CALL_RESULT_WEIGHTS, CHURN_REASONS, CHURN_REASON_WEIGHTS, CUSTOMER_HEADERS,
  DESTINATIONS, GIVEN, LOCAL_REGIONS, MODELS, OTHER_REGIONS, PLATE_PREFIX, SURNAMES,
} from './vocabulary';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Status band of a vehicle in the sample's truth. */
export const BAND = { active: 0, atRisk: 1, lost: 2, gone: 3, dataProblem: 4 } as const;

/** What the call log needs to know about each vehicle: parallel arrays, so a million vehicles stay compact. */
export interface VehicleKeys {
  vin: string[];
  plate: string[];
  phone: string[];
  name: string[];
  bands: Uint8Array;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

function vin(rng: Rng, i: number): string {
  let s = 'LVVDB';
  for (let k = 0; k < 5; k++) s += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
  // the last 7 characters are a serial, so every VIN is unique
  return s + String(i).padStart(7, '0');
}

function plate(rng: Rng, i: number): string {
  // 5 characters after the prefix; the index in base 34 keeps plates unique up to 34^4 per prefix letter
  let n = i;
  let tail = '';
  for (let k = 0; k < 4; k++) {
    tail = PLATE_CHARS[n % 34] + tail;
    n = Math.floor(n / 34);
  }
  return rng.pick(PLATE_PREFIX) + PLATE_CHARS[rng.int(0, 23)] + tail;
}

function pickHeader(rng: Rng, field: string, table: Record<string, readonly string[]>): string {
  return rng.pick(table[field]);
}

/** Title row + blank row + header: what most DMS exports look like. */
function titleRows(title: string, width: number): { rows: CellValue[][]; merges: SampleSheet['merges'] } {
  const blank = new Array<CellValue>(width).fill('');
  const titleRow = [...blank];
  titleRow[0] = title;
  return { rows: [titleRow, [...blank]], merges: [{ row: 0, col: 0, lastRow: 0, lastCol: width - 1 }] };
}

/**
 * Builds the customer base sheet and returns the vehicles' keys for the call log.
 * @example buildCustomerSheet(createRng(1), { vehicles: 10, asOf: 46326, dealerName: 'X店', sheetName: '保有客户' })
 */
export function buildCustomerSheet(
  rng: Rng,
  opts: { vehicles: number; asOf: number; dealerName: string; sheetName: string },
): { sheet: SampleSheet; keys: VehicleKeys; duplicates: number } {
  const withGender = rng.chance(0.5);
  const withAddress = rng.chance(0.4);
  const fields = ['seq', 'name', ...(withGender ? ['gender'] : []), 'phone', 'plate', 'vin', 'model', 'purchaseDate', 'lastVisitDate', 'visitCount', 'mileage', 'region', 'advisor', ...(withAddress ? ['address'] : [])];
  const col = (f: string) => fields.indexOf(f);
  const header = fields.map((f) => (f === 'seq' ? '序号' : pickHeader(rng, f, CUSTOMER_HEADERS)));
  const { y, m } = serialToYmd(opts.asOf);
  const top = titleRows(`${opts.dealerName}保有客户明细表(截至${y}年${m}月)`, fields.length);
  const rows: CellValue[][] = [...top.rows, header];
  const headerRow = rows.length - 1;

  const n = opts.vehicles;
  const keys: VehicleKeys = { vin: new Array(n), plate: new Array(n), phone: new Array(n), name: new Array(n), bands: new Uint8Array(n) };
  const pendingDuplicates = new Map<number, CellValue[]>();
  let duplicates = 0;
  let seq = 1;
  let visitTotal = 0;
  const A = opts.asOf;

  for (let i = 0; i < n; i++) {
    const band: number = rng.weighted([[BAND.active, 50], [BAND.atRisk, 14], [BAND.lost, 20], [BAND.gone, 15.5], [BAND.dataProblem, 0.5]] as const);
    const months =
      band === BAND.active ? rng.int(0, 5) : band === BAND.atRisk ? rng.int(6, 11) : band === BAND.lost ? rng.int(12, 23) : rng.int(24, 60);
    const neverReturned = band !== BAND.active && rng.chance(0.1);
    // Mid-month offsets keep the whole-month count in its band whatever the day of month.
    const refSerial = A - Math.round(months * 30.44) - rng.int(0, 12);
    const lastVisit = neverReturned ? null : refSerial;
    const purchase = neverReturned ? refSerial : refSerial - rng.int(30, 365 * 6);
    const ageYears = Math.max(0, (A - purchase) / 365);
    const km = Math.round(ageYears * rng.int(6000, 22000) + rng.int(100, 3000));
    const visits = neverReturned ? 0 : Math.max(1, Math.round(ageYears * 2 * rng.next()));
    visitTotal += visits;
    const phone = mobile(rng);
    const name = personName(rng);
    const v = vin(rng, i);
    const p = plate(rng, i);
    const local = rng.chance(0.85);

    const row = new Array<CellValue>(fields.length).fill('');
    row[col('seq')] = seq++;
    row[col('name')] = rng.chance(0.01) ? messyBlank(rng) : name;
    if (withGender) row[col('gender')] = rng.chance(0.6) ? '男' : '女';
    row[col('phone')] = rng.chance(0.015) ? messyBlank(rng) : messyPhone(rng, phone);
    row[col('plate')] = rng.chance(0.02) ? messyBlank(rng) : p;
    row[col('vin')] = rng.chance(0.01) ? messyBlank(rng) : v;
    row[col('model')] = rng.pick(MODELS);
    row[col('purchaseDate')] = messyDate(rng, purchase);
    row[col('lastVisitDate')] = lastVisit === null ? messyBlank(rng) : messyDate(rng, lastVisit);
    row[col('visitCount')] = visits;
    row[col('mileage')] = rng.chance(0.03) ? messyBlank(rng) : messyMileage(rng, km);
    row[col('region')] = local ? rng.pick(LOCAL_REGIONS) : rng.pick(OTHER_REGIONS);
    row[col('advisor')] = rng.pick(ADVISORS);
    if (withAddress) row[col('address')] = `${row[col('region')]}${rng.pick(['解放大道', '中山路', '建设大道', '光谷大道', '汉阳大道'])}${rng.int(1, 999)}号`;
    if (band === BAND.dataProblem) {
      // An unreadable purchase date and no visit, or a visit dated after the export: both are 数据异常.
      if (rng.chance(0.5)) {
        row[col('purchaseDate')] = rng.pick(['2023/13/45', '去年', '20231345', '不详']);
        row[col('lastVisitDate')] = '';
      } else {
        row[col('lastVisitDate')] = A + rng.int(20, 200);
      }
    }
    keys.vin[i] = v;
    keys.plate[i] = p;
    keys.phone[i] = phone;
    keys.name[i] = name;
    keys.bands[i] = band;

    const pending = pendingDuplicates.get(i);
    if (pending) {
      pending[col('seq')] = seq++;
      rows.push(pending);
      pendingDuplicates.delete(i);
    }
    rows.push(row);
    if (rng.chance(0.03) && i + 1 < n) {
      // The same vehicle listed again a little further down: an older visit, lower mileage.
      const dup = [...row];
      if (lastVisit !== null) dup[col('lastVisitDate')] = messyDate(rng, lastVisit - rng.int(60, 400));
      dup[col('mileage')] = Math.max(0, km - rng.int(1000, 8000));
      if (rng.chance(0.2)) dup[col('vin')] = '';
      pendingDuplicates.set(Math.min(n - 1, i + rng.int(1, 40)), dup);
      duplicates++;
    }
    if (rng.chance(0.0015)) rows.push(new Array<CellValue>(fields.length).fill(''));
  }
  for (const dup of pendingDuplicates.values()) rows.push(dup);
  const total = new Array<CellValue>(fields.length).fill('');
  total[0] = '合计';
  total[col('visitCount')] = visitTotal;
  rows.push(total);

  const widths = fields.map((f) => (f === 'vin' ? 20 : f === 'address' ? 28 : f.endsWith('Date') ? 12 : f === 'seq' ? 6 : 11));
  return {
    sheet: { name: opts.sheetName, grid: rows, headerRow, dateColumns: [col('purchaseDate'), col('lastVisitDate')], timeColumns: [], merges: top.merges, widths },
    keys,
    duplicates,
  };
}

/**
 * Builds the call log: lost and at-risk vehicles are called one to four times in the last five months,
 * a few active ones get a courtesy call. Rows are sorted by call date, as a log is.
 */
export function buildCallSheet(rng: Rng, keys: VehicleKeys, opts: { asOf: number; dealerName: string; sheetName: string }): SampleSheet {
  const fields = ['callDate', 'vin', 'plate', 'name', 'phone', 'result', 'reason', 'destination', 'invited', 'appointmentDate', 'returnDate', 'caller'];
  const col = (f: string) => fields.indexOf(f);
  const header = fields.map((f) => rng.pick(CALL_HEADERS[f]));
  const withTitle = rng.chance(0.5);
  const top = withTitle ? titleRows(`${opts.dealerName}流失客户回访记录`, fields.length) : { rows: [], merges: [] };
  const A = opts.asOf;
  const calls: { date: number; row: CellValue[] }[] = [];
  const n = keys.vin.length;
  for (let i = 0; i < n; i++) {
    const band = keys.bands[i];
    const called = band === BAND.active ? rng.chance(0.08) : band === BAND.dataProblem ? rng.chance(0.3) : rng.chance(0.75);
    if (!called) continue;
    const count = band === BAND.active ? 1 : rng.int(1, 4);
    const dates: number[] = [];
    for (let k = 0; k < count; k++) dates.push(A - rng.int(0, 150));
    dates.sort((a, b) => a - b);
    const byVin = rng.chance(0.8);
    for (const date of dates) {
      const category = rng.weighted(CALL_RESULT_WEIGHTS);
      const row = new Array<CellValue>(fields.length).fill('');
      row[col('callDate')] = messyDate(rng, date, 0.8);
      row[col('vin')] = byVin ? keys.vin[i] : '';
      row[col('plate')] = byVin && rng.chance(0.5) ? '' : keys.plate[i];
      row[col('name')] = keys.name[i];
      row[col('phone')] = messyPhone(rng, keys.phone[i]);
      row[col('result')] = rng.pick(CALL_RESULTS[category]);
      row[col('caller')] = rng.pick(CALLERS);
      if (category === '成功') {
        if (band !== BAND.active && rng.chance(0.85)) {
          const reason = rng.weighted(CHURN_REASON_WEIGHTS);
          row[col('reason')] = rng.pick(CHURN_REASONS[reason]);
          if (rng.chance(0.6)) row[col('destination')] = rng.pick(DESTINATIONS);
        }
        const invited = rng.chance(0.35);
        row[col('invited')] = invited ? rng.pick(['是', '是', '√', '邀约成功']) : rng.pick(['否', '否', '']);
        if (invited) {
          const appointment = date + rng.int(2, 14);
          row[col('appointmentDate')] = messyDate(rng, appointment, 0.8);
          if (rng.chance(0.45) && appointment + 2 <= A) row[col('returnDate')] = messyDate(rng, appointment + rng.int(0, 2), 0.8);
        }
      }
      calls.push({ date, row });
    }
  }
  calls.sort((a, b) => a.date - b.date);
  const rows: CellValue[][] = [...top.rows, header];
  const headerRow = rows.length - 1;
  for (const c of calls) rows.push(c.row);
  return {
    name: opts.sheetName,
    grid: rows,
    headerRow,
    dateColumns: [col('callDate'), col('appointmentDate'), col('returnDate')],
    timeColumns: [],
    merges: top.merges,
    widths: fields.map((f) => (f === 'vin' ? 20 : f === 'reason' ? 18 : f === 'result' ? 14 : 11)),
  };
}
