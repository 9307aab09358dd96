/**
 * Masking of personal data for the share-safe copy (DOMAIN.md, Sharing): phones keep their first 3 and last 4
 * digits (138****5678), names keep their first character (王**). Pure functions over cell values; which columns
 * are personal is decided from their headers (`personalColumns`).
 */
import type { CellValue } from '../plan/types';

/**
 * @example maskPhone('13812345678') // '138****5678'
 * @example maskPhone('+86 138-1234-5678') // '138****5678'
 * @example maskPhone('0571-8888123') // '057****8123'
 */
export function maskPhone(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return '';
  let digits = String(typeof value === 'number' ? Math.round(value) : value).replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.length === 0) return '*'.repeat(Math.min(String(value).length, 8));
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/**
 * @example maskName('王小明') // '王**'
 * @example maskName('李') // '*'
 * @example maskName('Zhang Wei') // 'Z********'
 */
export function maskName(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return '';
  const chars = [...String(value).trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export type PersonalKind = 'phone' | 'name';

const PHONE_HEADER = /电话|手机|联系方式|phone|mobile|tel/i;
const NAME_HEADER = /姓名|车主|客户名|联系人|^客户$|name/i;
const NOT_PERSONAL = /顾问|专员|接待人|回访人|招揽人|销售顾问|车型|品牌|经销商|advisor|consultant|caller|model|dealer|sheet/i;

/**
 * Which columns of a header row hold personal data. Staff names (顾问, 接待人…) and product names are not masked.
 * @example personalColumns(['客户姓名', '联系电话', '服务顾问']) // Map { 0 => 'name', 1 => 'phone' }
 */
export function personalColumns(headers: readonly unknown[]): Map<number, PersonalKind> {
  const out = new Map<number, PersonalKind>();
  headers.forEach((h, c) => {
    if (typeof h !== 'string' || !h.trim() || NOT_PERSONAL.test(h)) return;
    if (PHONE_HEADER.test(h)) out.set(c, 'phone');
    else if (NAME_HEADER.test(h)) out.set(c, 'name');
  });
  return out;
}

/** The header row of a sheet: the first of its first 30 rows with a personal column; -1 when none. */
export function findPersonalHeaderRow(grid: readonly (readonly unknown[])[]): number {
  const limit = Math.min(grid.length, 30);
  for (let r = 0; r < limit; r++) if (personalColumns(grid[r] ?? []).size > 0) return r;
  return -1;
}

/**
 * The masked values of one column below the header row (rows headerRow+1 … end), linear in rows.
 * @example maskColumn([['电话'], ['13812345678']], 0, 0, 'phone') // ['138****5678']
 */
export function maskColumn(grid: readonly (readonly unknown[])[], headerRow: number, col: number, kind: PersonalKind): CellValue[] {
  const out: CellValue[] = new Array(Math.max(0, grid.length - headerRow - 1));
  const f = kind === 'phone' ? maskPhone : maskName;
  for (let r = headerRow + 1; r < grid.length; r++) out[r - headerRow - 1] = f(grid[r]?.[col]);
  return out;
}
