/** The matching key of a licence plate (车牌号). */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';
import { isPlainKey } from './plainKey';

/** Spaces, dots (also the middle dot 陕A·12345) and dashes people put inside plates. */
const PLATE_DECORATION = /[\s.·•・\-_—–]/g;
/**
 * A label before the plate (车牌:京A12345, Plate: …) or brackets around it ([京A12345], 【京A12345】): the plate is
 * what stands after the label's colon, inside the brackets.
 */
const PLATE_LABEL = /^[^:：\d]{1,8}[:：]\s*/;
const PLATE_BRACKETS = /^[[【(（<《「]\s*(.+?)\s*[\]】)）>》」]$/;

/**
 * Normalises a plate for matching: half-width, upper-case, spaces, dots and dashes removed. Returns `null` for blank.
 *
 * @example normalisePlate('陕A·12345') // '陕A12345'
 * @example normalisePlate('陕ａ-1234５') // '陕A12345'
 * @example normalisePlate('车牌:陕A12345') // '陕A12345'
 * @example normalisePlate('[陕A12345]') // '陕A12345'
 */
export function normalisePlate(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== 'string') return null;
  if (isPlainKey(v, true)) return v;
  if (isBlank(v)) return null;
  const bare = v.trim().replace(PLATE_LABEL, '').replace(PLATE_BRACKETS, '$1');
  const s = toHalfWidth(bare).replace(PLATE_DECORATION, '').toUpperCase();
  return s === '' ? null : s;
}
