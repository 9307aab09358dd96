/**
 * Excel's naming rules, in one place: sheet names (≤ 31 chars, none of / \ ? * : [ ], unique case-insensitively)
 * and table names (see isValidTableName; unique case-insensitively across the workbook's tables and defined names).
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
  return ('CD_' + parts.join('_')).replace(/[^A-Za-z0-9_]/g, '_').slice(0, TABLE_NAME_MAX - 10);
}

/** Excel's longest table (and defined) name. */
export const TABLE_NAME_MAX = 255;

/**
 * True when Excel accepts `name` as a table or defined name: starts with a letter, '_' or '\\'; then letters, digits,
 * '_' and '.'; at most 255 characters; not a cell reference (A1, XFD1048576, R1C1, R2, C3) nor 'R' / 'C' alone.
 * @example isValidTableName('CD_summary_overview_status') // true
 * @example isValidTableName('AB12') // false
 */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > TABLE_NAME_MAX) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[RrCc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

/**
 * A valid table name not in `taken` (compared case-insensitively, as Excel does, across tables and defined names):
 * `desired` made valid, or with '_2', '_3' … appended (cut so the whole stays ≤ 255 characters).
 * @example uniqueTableName('CD_summary_overview_status', ['cd_summary_overview_status']) // 'CD_summary_overview_status_2'
 */
export function uniqueTableName(desired: string, taken: Iterable<string>): string {
  const lower = new Set<string>();
  for (const t of taken) lower.add(t.toLowerCase());
  let base = desired.replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(base)) base = '_' + base;
  base = base.slice(0, TABLE_NAME_MAX);
  if (!isValidTableName(base)) base = ('_' + base).slice(0, TABLE_NAME_MAX);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, TABLE_NAME_MAX - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase()) && isValidTableName(candidate)) return candidate;
  }
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

/**
 * The product-authored formula (no leading '=') of a link to cell A1 of a sheet, showing `text`: the sheet's name is
 * quoted with its quotes doubled (O'Brien → 'O''Brien'), and both strings have their double quotes doubled.
 * @example sheetLinkFormula("O'Brien") // HYPERLINK("#'O''Brien'!A1","O'Brien")
 */
export function sheetLinkFormula(sheet: string, text: string = sheet): string {
  const quote = (s: string) => '"' + s.replace(/"/g, '""') + '"';
  return `HYPERLINK(${quote(`#'${sheet.replace(/'/g, "''")}'!A1`)},${quote(text.slice(0, 255))})`;
}
