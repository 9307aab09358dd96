/**
 * How dealers' sheets really write values (DOMAIN.md "Cell values arrive as …"): the sample generator writes
 * each date, mileage, phone and blank in one of the forms a DMS export or a hand-kept sheet uses.
 */
import type { CellValue } from '../../core/plan/types';
import { serialToYmd } from '../../core/values/dates';
import type { Rng } from './prng';

/** The blank spellings of hand-kept sheets. */
export const BLANKS = ['', '', '', '—', '无', '不详', '/', '-'] as const;

/**
 * A date in one of the forms DOMAIN.md lists: mostly a real date (serial number), else text.
 * @example messyDate(rng, 45052) // 45052 | '2023/5/6' | '2023年5月6日' | '2023.05.06' | '20230506' | '2023-05-06'
 */
export function messyDate(rng: Rng, serial: number, realShare = 0.6): CellValue {
  if (rng.next() < realShare) return serial;
  const { y, m, d } = serialToYmd(serial);
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  switch (rng.int(0, 4)) {
    case 0:
      return `${y}/${m}/${d}`;
    case 1:
      return `${y}年${m}月${d}日`;
    case 2:
      return `${y}.${mm}.${dd}`;
    case 3:
      return `${y}${mm}${dd}`;
    default:
      return `${y}-${mm}-${dd}`;
  }
}

/** Mileage as 35000, '35,000', '3.5万', '35000km' or '35000公里'. */
export function messyMileage(rng: Rng, km: number): CellValue {
  const r = rng.next();
  if (r < 0.5) return km;
  if (r < 0.65) return km.toLocaleString('en-US');
  if (r < 0.75) return `${(Math.round(km / 1000) / 10).toString()}万`;
  if (r < 0.9) return `${km}km`;
  return `${km}公里`;
}

/** A mobile number as a number or text with spaces, dashes or +86. */
export function messyPhone(rng: Rng, phone: string): CellValue {
  const r = rng.next();
  if (r < 0.45) return Number(phone);
  if (r < 0.65) return phone;
  if (r < 0.75) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (r < 0.85) return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  if (r < 0.93) return `+86 ${phone}`;
  return `+86${phone}`;
}

/** A random mobile number (11 digits). */
export function mobile(rng: Rng): string {
  const prefix = rng.pick(['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '176', '177', '180', '182', '186', '187', '188', '189', '199']);
  return prefix + String(rng.int(0, 99999999)).padStart(8, '0');
}

/** A blank in one of its spellings. */
export function messyBlank(rng: Rng): CellValue {
  return rng.pick(BLANKS);
}

/** An arrival time as '9:30', '09:30-10:15', '9点半', '14点20', '下午3点' or an Excel time fraction. */
export function messyTime(rng: Rng, minutes: number): CellValue {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const r = rng.next();
  if (r < 0.3) return minutes / 1440;
  if (r < 0.5) return `${h}:${String(m).padStart(2, '0')}`;
  if (r < 0.7) {
    const out = minutes + rng.int(15, 90);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}-${String(Math.floor(out / 60)).padStart(2, '0')}:${String(out % 60).padStart(2, '0')}`;
  }
  if (r < 0.8) return m === 30 ? `${h}点半` : m === 0 ? `${h}点` : `${h}点${m}`;
  if (r < 0.9) return `${h}点${m === 0 ? '' : m}`;
  if (h >= 13) return m === 0 ? `下午${h - 12}点` : m === 30 ? `下午${h - 12}点半` : `下午${h - 12}点${m}`;
  return m === 0 ? `上午${h}点` : `上午${h}点${m}`;
}
