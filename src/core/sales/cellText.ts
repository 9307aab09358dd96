/**
 * Cell → text for the sales parsers' pattern matching, built on the input layer's readers: full-width folded
 * ('１４：２０' → '14:20'), trimmed, '' for blank and for the missing-value placeholders (—, 无, 不详 …).
 */
import { isBlank } from '../values/isBlank';
import { toHalfWidth } from '../values/halfWidth';

/**
 * Stringifies a raw cell for text matching: '' for blank or a placeholder, numbers as written, folded and trimmed.
 * @example cellText(' １４：２０ ') // '14:20'
 * @example cellText('不详') // ''
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = typeof value === 'string' ? value : String(value);
  return isBlank(s) ? '' : toHalfWidth(s).trim();
}

/** True when cellText gave nothing to read. @example isMissingText('') // true */
export function isMissingText(text: string): boolean {
  return text === '';
}
