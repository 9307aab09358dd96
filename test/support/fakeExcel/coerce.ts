/**
 * How Excel treats a value written through `Range.values`: as if the user had typed it.
 * - a string starting with '=' becomes a formula (and '+'/'-' followed by non-numbers too);
 * - a string that looks like a number, a percentage, a date or TRUE/FALSE becomes that value
 *   ('00123' -> 123, '2023/5/6' -> a date serial, '1/2' -> 2 January);
 * - a leading apostrophe forces text and is not part of the value;
 * - none of this happens when the cell's number format is text ('@').
 * The fake calculates nothing: a formula cell's value is '' (tests read `formulas`).
 */

export interface Coerced {
  value: string | number | boolean;
  formula?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/;

function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
}

/** Parses a typed string as Excel would in a General cell; returns null when it stays text. */
export function typedValue(s: string): number | boolean | null {
  const t = s.trim();
  if (t === '') return null;
  if (NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return dateSerial(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return dateSerial(new Date().getUTCFullYear(), +m[1], +m[2]);
  return null;
}

/** The cell content after writing `v` through Range.values into a cell with number format `format`. */
export function coerceWrite(v: unknown, format: string | undefined): Coerced {
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = v === null || v === undefined ? '' : String(v);
  if (format === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  if (s.length > 1 && (s.startsWith('+') || s.startsWith('-'))) {
    const n = typedValue(s);
    if (typeof n === 'number') return { value: n };
    return { value: '', formula: '=' + s };
  }
  const typed = typedValue(s);
  return { value: typed === null ? s : typed };
}
