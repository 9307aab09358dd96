/**
 * What counts as "no value" in a dealer sheet. Besides empty cells, DMS exports and hand-kept sheets write
 * placeholders for missing data (—, -, /, 无, 不详, N/A, #N/A, null). Every reader treats these as blank (null),
 * never as an unreadable value.
 */
import { toHalfWidth } from './halfWidth';

/** Placeholder texts that mean "missing", compared after half-width conversion, trimming and lower-casing. */
const BLANK_FORMS = new Set<string>([
  '', '-', '--', '---', '—', '——', '–', '––', '/', '//', '\\', '无', '暂无', '不详', '空', 'n/a', 'na', '#n/a', 'null', 'none', 'nil',
]);

/**
 * True for a blank cell or a placeholder meaning "missing". Numbers and booleans are never blank.
 *
 * @example isBlank('') // true
 * @example isBlank(' 不详 ') // true
 * @example isBlank(0) // false
 */
export function isBlank(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Fast exit for the common case: no placeholder starts with a digit or a letter other than n (N/A, null, none).
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 78) || (c >= 97 && c <= 122 && c !== 110)) return false;
  // Nor does one start with an ideograph other than 无 暂 不 空 (names, models, regions, reasons).
  if (c >= 0x4e00 && c <= 0x9fff && c !== 0x65e0 && c !== 0x6682 && c !== 0x4e0d && c !== 0x7a7a) return false;
  // Cheap exits first: long texts are never placeholders.
  if (v.length > 8) return v.trim() === '';
  const known = blankOfShortText.get(v);
  if (known !== undefined) return known;
  const blank = BLANK_FORMS.has(toHalfWidth(v).trim().toLowerCase());
  if (blankOfShortText.size < BLANK_MEMO_SIZE) blankOfShortText.set(v, blank);
  return blank;
}

/** Distinct short texts whose answer blankOfShortText remembers, at most; later ones are worked out each time. */
const BLANK_MEMO_SIZE = 4096;
/**
 * The answer for the short texts that reach the half-width / trim / lower-case step: call results and reasons
 * starting with 无, 不, 暂 (无人接听, 不在服务区, 暂不需要) repeat on row after row of a call log, and every row pass (row
 * kinds, readers) asks again. A pure function of its key. The keys are at most 8 characters: V8 copies a text that
 * short when it is cut from a longer one, so the memo never keeps a large string alive.
 */
const blankOfShortText = new Map<string, boolean>();

/** True when the cell holds nothing at all ('' / null / undefined / only whitespace): placeholders count as content. */
export function isEmptyCell(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  return typeof v === 'string' && v.trim() === '';
}
