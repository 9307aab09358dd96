/** Reads free or coded text. */
import { isBlank } from './isBlank';

/**
 * Reads text as written: trimmed, with full-width spaces and runs of whitespace (also line breaks) folded into one
 * space. Numbers and booleans are written as text. Blank forms (—, 无, 不详 …) give `null`. Never `undefined`
 * for a cell value: any cell can be read as text.
 *
 * @example readText('  王\u3000先生 ') // '王 先生' (\u3000: the full-width space)
 * @example readText('不详') // null
 */
export function readText(v: unknown): string | null | undefined {
  if (typeof v === 'string') {
    if (isBlank(v)) return null;
    return /[\s\u3000]{2,}|[\t\n\r\u3000]/.test(v) ? v.replace(/[\s\u3000]+/g, ' ').trim() : v.trim();
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return null;
  return undefined;
}
