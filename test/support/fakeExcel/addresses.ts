/** A1 addresses <-> 0-based indexes for the in-memory Excel. */

export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 'B3' -> {r0: 2, c0: 1}; null when not a cell reference. */
function parseCell(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: lettersToCol(m[1]) };
}

/**
 * Parses 'A1', 'A1:C5', 'Sheet1!A1:B2' or "'My sheet'!A1" (the sheet part is returned separately).
 * Whole rows ('1:3') and whole columns ('A:C') are accepted too.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [a, b = a] = ref.split(':');
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  if (colOnly.test(a) && colOnly.test(b)) {
    const c0 = lettersToCol(a.replace('$', ''));
    const c1 = lettersToCol(b.replace('$', ''));
    return { sheet, rect: { r0: 0, c0: Math.min(c0, c1), rows: 1048576, cols: Math.abs(c1 - c0) + 1 } };
  }
  if (rowOnly.test(a) && rowOnly.test(b)) {
    const r0 = Number(a.replace('$', '')) - 1;
    const r1 = Number(b.replace('$', '')) - 1;
    return { sheet, rect: { r0: Math.min(r0, r1), c0: 0, rows: Math.abs(r1 - r0) + 1, cols: 16384 } };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return null;
  return {
    sheet,
    rect: { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), rows: Math.abs(q.r - p.r) + 1, cols: Math.abs(q.c - p.c) + 1 },
  };
}

/**
 * A1 address as Excel writes it: entire columns as 'A:B', entire rows (and the whole sheet) as '2:4' / '1:1048576',
 * like `Range.address` of `getRange('A:B')` ('Sheet1!A:B').
 */
export function rectAddress(rect: Rect): string {
  if (rect.c0 === 0 && rect.cols >= 16384) return `${rect.r0 + 1}:${rect.r0 + rect.rows}`;
  if (rect.r0 === 0 && rect.rows >= 1048576) return `${colLetters(rect.c0)}:${colLetters(rect.c0 + rect.cols - 1)}`;
  const a = `${colLetters(rect.c0)}${rect.r0 + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${colLetters(rect.c0 + rect.cols - 1)}${rect.r0 + rect.rows}`;
}

/** Sheet-qualified address as Office.js returns it: Sheet1!A1:B2, quoted when the name needs it. */
export function qualifiedAddress(sheet: string, rect: Rect): string {
  const needsQuotes = /[^A-Za-z0-9_]/.test(sheet);
  const s = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${s}!${rectAddress(rect)}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}
