/**
 * Reads an odometer reading in kilometres: `35000`, `35,000`, `35000km`, `3.5万`, `3.5万公里`, `35000公里`.
 */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';

/** Above this a reading is a typo (or a VIN/phone in the wrong column), not a mileage. */
export const MAX_MILEAGE_KM = 2_000_000;

const MILEAGE_TEXT = /^(\d+(?:\.\d+)?)(万)?(?:km|公里|千米)?$/;

/**
 * Reads a mileage. Returns km (rounded to 2 decimals), `null` for blank, `undefined` for unreadable, negative
 * or absurd (> 2,000,000 km) values.
 *
 * @example readMileage('3.5万公里') // 35000
 * @example readMileage('35,000 KM') // 35000
 * @example readMileage(-5) // undefined
 */
export function readMileage(v: unknown): number | null | undefined {
  if (typeof v === 'number') return checked(v);
  if (typeof v !== 'string') return v === null || v === undefined ? null : undefined;
  if (isBlank(v)) return null;
  // Drop thousands separators and spaces, lower-case the unit: '35,000 KM' -> '35000km'.
  const s = toHalfWidth(v).replace(/[\s,]/g, '').toLowerCase();
  const m = MILEAGE_TEXT.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return checked(m[2] ? Math.round(n * 10000 * 100) / 100 : n);
}

function checked(n: number): number | undefined {
  return Number.isFinite(n) && n >= 0 && n <= MAX_MILEAGE_KM ? n : undefined;
}
