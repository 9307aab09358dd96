/**
 * Reads a phone number into its digits, so the same customer matches across sheets however it was typed.
 */
import { isBlank } from './isBlank';
import { toHalfWidth } from './halfWidth';

/** Characters people type inside a phone number besides digits. */
const PHONE_TEXT = /^\+?[\d\s\-().]+$/;
/** Several numbers in one cell: '13812345678/13912345678', '138…，139…'. */
const LIST_SEPARATOR = /[/,;、，；|]/;

/**
 * Reads a phone number. Returns the digits, `null` for blank, `undefined` when it has letters or fewer than
 * 7 / more than 12 digits. A bracketed note without digits (`13812345678(微信同号)`) is ignored. The country code (+86, 0086, 86-) is stripped from 11-digit mobiles; landlines keep
 * their area code. When a cell lists several numbers, the first readable one is taken (the others are usually
 * older numbers of the same customer).
 *
 * @example readPhone('+86 138-1234-5678') // '13812345678'
 * @example readPhone('029-88886666') // '02988886666'
 * @example readPhone(13812345678) // '13812345678'
 */
export function readPhone(v: unknown): string | null | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > 999999999999999) return undefined;
    return digitsToPhone(integerText(v));
  }
  if (typeof v !== 'string') return v === null || v === undefined ? null : undefined;
  // The common cases: the digits alone (7 to 12 of them), which every step below would return unchanged, or
  // digits with spaces and dashes, optionally after a +, which the steps below reduce to their digits.
  if (v.length >= 7 && v.length <= 12 && allDigits(v)) return v;
  const plain = plainDigits(v);
  if (plain !== null) return digitsToPhone(plain);
  if (isBlank(v)) return null;
  const s = toHalfWidth(v).trim();
  if (LIST_SEPARATOR.test(s)) {
    for (const part of s.split(LIST_SEPARATOR)) {
      const p = readOne(part.trim());
      if (p !== undefined) return p;
    }
    return undefined;
  }
  return readOne(s);
}

/** A bracketed note without digits after or before a number: 13812345678(微信同号), (本人)13812345678. */
const NOTE = /\([^()\d]*\)/g;

/**
 * Wrapping that exports and receptionists add around a number: a text-marker apostrophe ('13812345678), a label
 * with a colon, any one word of Chinese or Latin letters (手机:13812345678, 联系方式：…, TEL:…, Mobile: …), a
 * bracketed country code ((+86)138…), a short name after it (138-1234-5678 王).
 */
const LEADING_APOSTROPHE = /^'/;
const LABEL = /^(?:[\u4e00-\u9fff]{1,6}|[A-Za-z]{1,12})\.?\s*[:：]\s*(?=[+(\d])/;
/**
 * A number that went through a float on its way out of the DMS ('13812345678.0', '13812345678.00'): the decimals
 * are zeros the export added, not digits of the number.
 */
const FLOAT_ZEROS = /^(\d{7,15})\.0+$/;
const BRACKETED_COUNTRY = /^\(\s*\+?(00)?86\s*\)\s*/;
const TRAILING_NAME = /(?<=\d)\s+[\u4e00-\u9fff]{1,4}$/;

function readOne(raw: string): string | undefined {
  const unwrapped = raw.replace(LEADING_APOSTROPHE, '').replace(LABEL, '').replace(BRACKETED_COUNTRY, '').replace(TRAILING_NAME, '');
  const s = (unwrapped.includes('(') ? unwrapped.replace(NOTE, '').trim() : unwrapped).replace(FLOAT_ZEROS, '$1');
  if (!PHONE_TEXT.test(s)) return undefined;
  return digitsToPhone(s.replace(/\D/g, ''));
}

/**
 * String(v) for an integer 0 <= v < 10^15, from two small integers: a mobile number (1.3e10) is a double, which
 * String() converts by the general double-to-text path, several times slower than two small integers' texts.
 * @example integerText(13812345678) // '13812345678'
 */
export function integerText(v: number): string {
  if (v < 1073741824) return String(v);
  const high = Math.floor(v / 1e6); // < 10^9: a small integer
  const low = v - high * 1e6;
  return String(high) + String(low + 1e6).slice(1); // low with its leading zeros, 6 digits
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The digits of a text made of a digit or + first, then only digits, spaces and dashes ('138 1234 5678',
 * '+86-138…'); null for any other text. Such a text is never blank, has no list separator, label, note or name,
 * and passes PHONE_TEXT, so readOne would return digitsToPhone of the same digits.
 */
function plainDigits(s: string): string | null {
  const first = s.charCodeAt(0);
  if (!(first === 43 || (first >= 48 && first <= 57))) return null;
  let digits = '';
  let from = first === 43 ? 1 : 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 32 && c !== 45) return null;
    digits += s.slice(from, i);
    from = i + 1;
  }
  return digits + s.slice(from);
}

function digitsToPhone(d: string): string | undefined {
  // Country code before a mobile: 86 13812345678 / 0086 13812345678.
  if (d.length === 13 && d.startsWith('861')) d = d.slice(2);
  else if (d.length === 15 && d.startsWith('00861')) d = d.slice(4);
  return d.length >= 7 && d.length <= 12 ? d : undefined;
}
