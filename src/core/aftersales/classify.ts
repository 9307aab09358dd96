/**
 * The per-vehicle classification of DOMAIN.md: months without a visit, status, vehicle age and bucket, warranty
 * and locality. Pure functions of a vehicle's merged dates, mileage, region and the settings; no text parsing here.
 * Dates are Excel serials with NaN for "no usable date".
 */
import type { Settings } from '../settings/settings';
import { monthsBetween, serialToYmd, type Ymd } from '../values/dates';
import { AGE_BUCKETS, type LocalityLabel, type Status, type WarrantyLabel } from './labels';

export interface VehicleDates {
  /** Purchase date serial, NaN when unknown. */
  purchase: number;
  /** Latest service visit serial, NaN when unknown or never came back. */
  lastVisit: number;
  /** Mileage in km, NaN when unknown. */
  mileage: number;
}

export interface VehicleClassification {
  /** 未回厂月数; NaN under 数据异常. */
  monthsSinceVisit: number;
  status: Status;
  /** 车龄(年); NaN without a usable purchase date. */
  ageYears: number;
  /** 车龄段; '' without a usable purchase date. */
  ageBucket: string;
  warranty: WarrantyLabel;
}

/**
 * serialToYmd through a small memo: a base of a million rows holds only a few thousand distinct days, and building
 * a Date per call was the slowest step of the classification.
 */
const ymdMemo = new Map<number, Ymd>();
function ymdOf(serial: number): Ymd {
  const key = Math.floor(serial);
  let ymd = ymdMemo.get(key);
  if (ymd === undefined) {
    if (ymdMemo.size > 50000) ymdMemo.clear();
    ymd = serialToYmd(key);
    ymdMemo.set(key, ymd);
  }
  return ymd;
}

function isUsable(serial: number): boolean {
  return Number.isFinite(serial) && serial > 0;
}

/**
 * Status from whole months without a visit, with the settings' thresholds (6 / 12 / 24 by default).
 * @example statusForMonths(11, DEFAULT_SETTINGS.thresholds) // '准流失'
 */
export function statusForMonths(months: number, t: Settings['thresholds']): Status {
  if (!Number.isFinite(months) || months < 0) return '数据异常';
  if (months >= t.goneMonths) return '彻底流失';
  if (months >= t.lostMonths) return '流失';
  if (months >= t.atRiskMonths) return '准流失';
  return '活跃';
}

/** @example ageBucket(3) // '3-4年'; ageBucket(7) // '5年以上' */
export function ageBucket(years: number): string {
  if (!Number.isFinite(years) || years < 0) return '';
  return AGE_BUCKETS[Math.min(Math.floor(years), AGE_BUCKETS.length - 1)];
}

/**
 * Classifies one vehicle as of `asOf`.
 * Reference date = latest visit, else purchase date; none, or after the analysis date → 数据异常.
 * Warranty: 保期内 when months since purchase < warranty.months and (mileage unknown or < warranty.km).
 * @example classifyVehicle({ purchase: 45000, lastVisit: NaN, mileage: NaN }, { y: 2026, m: 1, d: 1 }, settings).status
 */
export function classifyVehicle(v: VehicleDates, asOf: Ymd, settings: Settings): VehicleClassification {
  const out: VehicleClassification = { monthsSinceVisit: NaN, status: '数据异常', ageYears: NaN, ageBucket: '', warranty: '未知' };
  classifyInto(v.purchase, v.lastVisit, v.mileage, asOf, settings, out);
  return out;
}

/**
 * classifyVehicle writing into `out` (the kernel reuses one object for a million vehicles instead of building two
 * per vehicle).
 */
export function classifyInto(purchase: number, lastVisit: number, mileage: number, asOf: Ymd, settings: Settings, out: VehicleClassification): void {
  const reference = isUsable(lastVisit) ? lastVisit : purchase;
  let monthsSinceVisit = NaN;
  if (isUsable(reference)) {
    const m = monthsBetween(ymdOf(reference), asOf);
    // A reference date after the analysis date is a data problem, not a negative month count.
    if (m >= 0 && !isAfter(ymdOf(reference), asOf)) monthsSinceVisit = m;
  }
  const status = statusForMonths(monthsSinceVisit, settings.thresholds);

  let ageYears = NaN;
  let warranty: WarrantyLabel = '未知';
  if (isUsable(purchase) && !isAfter(ymdOf(purchase), asOf)) {
    const monthsOwned = monthsBetween(ymdOf(purchase), asOf);
    ageYears = Math.floor(monthsOwned / 12);
    const mileageOk = !Number.isFinite(mileage) || mileage < settings.warranty.km;
    warranty = monthsOwned < settings.warranty.months && mileageOk ? '保期内' : '保期外';
  }
  out.monthsSinceVisit = status === '数据异常' ? NaN : monthsSinceVisit;
  out.status = status;
  out.ageYears = ageYears;
  out.ageBucket = ageBucket(ageYears);
  out.warranty = warranty;
}

function isAfter(a: Ymd, b: Ymd): boolean {
  return a.y !== b.y ? a.y > b.y : a.m !== b.m ? a.m > b.m : a.d > b.d;
}

/** A region cell that already says local or out of town (所在地: 本地 / 外地 in many DMS exports). */
const SAYS_LOCAL = /^(本地|本市|市内|市区)/;
const SAYS_OUT_OF_TOWN = /^(外地|外省|外市|省外|市外|异地)/;

/**
 * 本地/外地 from the region text: the words 本地 / 外地 (and the like) as written; else 本地 when it contains any
 * of the local regions; every region is local when the list is empty (the caller warns); 未知 when blank.
 * @example localityOf('西安市雁塔区', ['西安']) // '本地'
 * @example localityOf('外地', []) // '外地'
 */
export function localityOf(region: string, localRegions: readonly string[]): LocalityLabel {
  const r = region.trim();
  // Checked before the list: '本地' contains no place name, and an empty list must not make '外地' local.
  if (SAYS_OUT_OF_TOWN.test(r)) return '外地';
  if (SAYS_LOCAL.test(r)) return '本地';
  if (localRegions.length === 0) return '本地';
  if (!r) return '未知';
  for (const l of localRegions) if (l.trim() && r.includes(l.trim())) return '本地';
  return '外地';
}
