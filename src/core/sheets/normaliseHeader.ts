/**
 * Header texts are compared after normalisation, so `当前里程(km)`, `行驶里程（公里）`, `联系电话*` and
 * `Ｐｕｒｃｈａｓｅ Date` match the synonyms `当前里程`, `行驶里程`, `联系电话`, `purchase date`; traditional characters
 * are folded to simplified (`聯繫電話` → `联系电话`, traditionalHeaders.ts).
 */
import { toHalfWidth } from '../values/halfWidth';
import { foldTraditionalHeader } from './traditionalHeaders';

/** Bracketed parts: units and hints such as (km), （公里）, 【必填】, [元], <yyyy-mm-dd>. */
const BRACKETED = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>|〔[^〕]*〕|《[^》]*》/g;
/** Everything but letters and digits (spaces, *, :, -, /, punctuation). */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * The full key of a header: half-width, simplified, lower-case, only letters and digits (bracket contents kept).
 * @example headerKey('来电(店)') // '来电店'
 */
export function headerKey(h: unknown): string {
  if (typeof h !== 'string') return typeof h === 'number' ? String(h) : '';
  return foldTraditionalHeader(toHalfWidth(h)).toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * The base key of a header: like headerKey but with bracketed parts (units, hints) removed first.
 * @example headerBaseKey('当前里程(km)') // '当前里程'
 * @example headerBaseKey('联系电话*') // '联系电话'
 */
export function headerBaseKey(h: unknown): string {
  if (typeof h !== 'string') return typeof h === 'number' ? String(h) : '';
  const base = foldTraditionalHeader(toHalfWidth(h)).toLowerCase().replace(BRACKETED, '').replace(NOT_LETTER_OR_DIGIT, '');
  // A header that is only a bracket ('(km)') keeps its content rather than vanishing.
  return base === '' ? headerKey(h) : base;
}
