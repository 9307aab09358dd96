/** The matching key of a vehicle identification number (车架号). */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';
import { isPlainKey } from './plainKey';

/**
 * Normalises a VIN for matching: half-width, upper-case, spaces removed. A VIN has 17 characters, but
 * dealers often keep only the last 6–8; shorter values are kept as they are (matching stays exact).
 * Returns `null` for blank.
 *
 * @example normaliseVin(' lsvａｂ123 4567890 12 ') // 'LSVAB123456789012'
 */
export function normaliseVin(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== 'string') return null;
  if (isPlainKey(v, false)) return v;
  if (isBlank(v)) return null;
  const s = toHalfWidth(v).replace(/\s+/g, '').toUpperCase();
  return s === '' ? null : s;
}
