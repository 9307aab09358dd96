/**
 * Full-width to half-width folding for the sales parsers: receptionists type on Chinese IMEs, so digits, letters,
 * colons and spaces often arrive full-width ('１４：２０', 'Ｈ级'). Kept local to the sales parsers: they need the
 * folded text to match patterns, not a cleaned value to write back.
 */

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms and trims.
 * @example toHalfWidth(' １４：２０ ') // '14:20'
 */
export function toHalfWidth(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      needs = true;
      break;
    }
  }
  if (!needs) return text.trim();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out.trim();
}

/** Stringifies a raw cell for text matching: '' for null/undefined, numbers as written, folded and trimmed. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return toHalfWidth(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return toHalfWidth(String(value));
}

/** Placeholders dealers type for "nothing here" (DOMAIN.md: blank, —, -, /, 无, 不详). */
const MISSING = new Set(['', '-', '—', '–', '/', '\\', '无', '不详', '空', 'N/A', 'n/a', 'NA', '#N/A', '--', '——']);

/** True when the cell holds nothing or a "missing" placeholder. @example isMissingText(' 无 ') // true */
export function isMissingText(text: string): boolean {
  return MISSING.has(text);
}
