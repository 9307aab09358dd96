/** Reads a whole number (visit counts, quantities). */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';

const INTEGER_TEXT = /^([+-]?\d+)(?:\.0+)?(?:次|个|台|辆|人|批)?$/;

/**
 * Reads an integer: a whole number, or text such as `12`, `1,200`, `3次`. Returns `null` for blank,
 * `undefined` for fractions and anything else.
 *
 * @example readInteger('3次') // 3
 * @example readInteger(2.5) // undefined
 */
export function readInteger(v: unknown): number | null | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v !== 'string') return v === null || v === undefined ? null : undefined;
  if (isBlank(v)) return null;
  const m = INTEGER_TEXT.exec(toHalfWidth(v).replace(/[\s,]/g, ''));
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}
