/**
 * Excel's naming rules, in one place: sheet names (≤ 31 chars, none of / \ ? * : [ ], unique case-insensitively)
 * and table names (letters, digits, underscore; unique across the workbook).
 */

const FORBIDDEN = /[/\\?*:[\]]/g;

/** Makes a legal sheet name from any text. @example sanitizeSheetName('展厅来电/店登记表') // '展厅来电-店登记表' */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim();
  if (!s) s = 'Sheet';
  return s.slice(0, 31);
}

/**
 * A sheet name not in `taken` (compared case-insensitively): the name itself, or with a suffix ' (2)', ' (3)' …,
 * cut so the whole stays ≤ 31 characters.
 */
export function uniqueSheetName(desired: string, taken: Iterable<string>): string {
  const base = sanitizeSheetName(desired);
  const lower = new Set<string>();
  for (const t of taken) lower.add(t.toLowerCase());
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A legal table name from a key. @example tableName('summary.overview', 'status') // 'CD_summary_overview_status' */
export function tableName(...parts: string[]): string {
  return ('CD_' + parts.join('_')).replace(/[^A-Za-z0-9_]/g, '_').slice(0, 250);
}

/** 0-based column index to letters. @example columnLetter(27) // 'AB' */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/col to an A1 address. @example a1(0, 0) // 'A1' */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
