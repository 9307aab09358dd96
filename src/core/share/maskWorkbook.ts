/**
 * The share-safe workbook (DOMAIN.md, Sharing): which cells of a whole workbook must change so that no name, phone,
 * VIN, plate, address or ID number of a customer is left readable, in any sheet (hidden and very hidden included)
 * and in ChurnDesk's state sheet. Pure: takes every sheet's grid, returns the cell edits. Both adapters apply the
 * same edits to a copy (src/xlsx/shareWorkbook.ts for files; the add-in writes the copy with the same code).
 *
 * Two passes, both linear in cells:
 *  1. Personal columns, found by their header (`personalColumns`), are masked cell by cell with their kind's rule,
 *     and every value they hold is remembered (names of two characters or more, phones, VINs, plates).
 *  2. Every other text cell is scrubbed: phone numbers, VINs, ID numbers and plates found by pattern, and any
 *     remembered value found as a substring (a name typed into a note, a VIN in the state's JSON) are masked.
 * Aggregates (counts, rates, regions, models) are untouched, so summaries read the same.
 */
import type { Grid } from '../plan/types';
import { maskName, maskPhone } from './mask';

/** What a personal column holds; decides its masking rule. */
export type ShareKind = 'name' | 'phone' | 'vin' | 'plate' | 'address' | 'idNumber';

/** One cell to change in the copy (0-based row and column). */
export interface MaskEdit {
  row: number;
  col: number;
  value: string;
}

export interface SheetMask {
  sheet: string;
  edits: MaskEdit[];
  /** Personal columns found by header: column index → kind, with the header row they were found on. */
  columns: { headerRow: number; col: number; kind: ShareKind }[];
}

export interface WorkbookMask {
  sheets: SheetMask[];
  maskedCells: number;
}

export interface MaskOptions {
  /** Extra header words a dealer considers personal (e.g. 微信号, 邮箱), masked like an address. */
  extraPersonalHeaders?: readonly string[];
}

// Headers: staff and product columns first (never personal), then each kind. Order matters: 车主电话 is a phone.
const NOT_PERSONAL = /顾问|专员|接待人|回访人|招揽人|跟进人|经办|制表|审核|车型|品牌|经销商|服务站|门店|原因|结果|去向|状态|次数|日期|时间|级别|类别|advisor|consultant|caller|model|brand|dealer|reason|result|status|date|count/i;
const HEADER_RULES: readonly { kind: ShareKind; pattern: RegExp }[] = [
  { kind: 'phone', pattern: /电话|手机|联系方式|联系号码|phone|mobile|tel\b|cell/i },
  { kind: 'vin', pattern: /vin|车架|车辆识别|底盘号/i },
  { kind: 'plate', pattern: /车牌|牌照|plate/i },
  { kind: 'idNumber', pattern: /身份证|证件号|id\s*(no|number|card)/i },
  { kind: 'address', pattern: /地址|住址|住所|address/i },
  { kind: 'name', pattern: /姓名|车主|客户名|联系人|^客户$|^用户$|name|owner/i },
];

/**
 * The personal kind of a header, or null.
 * @example shareKindOfHeader('车主电话') // 'phone'
 * @example shareKindOfHeader('服务顾问') // null
 */
export function shareKindOfHeader(header: unknown, extra: readonly string[] = []): ShareKind | null {
  if (typeof header !== 'string') return null;
  const h = header.trim();
  if (!h) return null;
  if (extra.some((w) => w && h.includes(w))) return 'address';
  // A staff or attribute column that merely mentions a person (车主姓名 is personal; 回访人电话 is staff).
  const staff = /顾问|专员|接待人|回访人|招揽人|跟进人|advisor|consultant|caller/i.test(h);
  if (staff) return null;
  for (const rule of HEADER_RULES) {
    if (rule.pattern.test(h)) {
      // 联系电话 is personal; 车型/原因/日期… columns are not, even when they mention 车主 ("车主原因").
      if (rule.kind !== 'phone' && rule.kind !== 'vin' && rule.kind !== 'plate' && rule.kind !== 'idNumber' && NOT_PERSONAL.test(h)) return null;
      return rule.kind;
    }
  }
  return null;
}

const HEAD_ROWS = 200;
/** Words a name column may hold that are not anyone's name (total rows, placeholders): never scrubbed elsewhere. */
const NOT_A_VALUE = /^(合计|总计|小计|共计|未知|其他|其它|无|暂无|不详|客户|先生|女士|本人|家人|公司|单位)$/;
const VIN = /[A-HJ-NPR-Z0-9]{17}/gi;
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
/** Mainland mobiles with optional +86 and separators: 138 1234 5678, 138-1234-5678, +8613812345678. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
/** Landlines: 0571-88881234, (027)8765 4321. */
const LANDLINE = /(?<!\d)\(?0\d{2,3}\)?[\s-]?\d{7,8}(?!\d)/g;
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领';
const PLATE = new RegExp(`[${PROVINCES}][A-Z][·\\s-]?[A-Z0-9]{5,6}`, 'gi');

/**
 * VINs keep their last 6 characters (the serial, which the dealer's staff use to find a car): ***********123456.
 * @example maskVin('LVVDBG0R290000123') // '***********000123'
 */
export function maskVin(value: string): string {
  const v = value.trim();
  if (v.length <= 6) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 6) + v.slice(-6);
}

/**
 * Plates keep the province and the last two characters: 鄂A12345 → 鄂*****45 (the city letter would narrow it).
 * @example maskPlate('鄂A12345') // '鄂****45'
 */
export function maskPlate(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 3) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 3) + chars.slice(-2).join('');
}

/**
 * ID numbers keep the first 3 and last 2 (the birth date and region code are personal): 110***************34.
 * @example maskIdNumber('110101199001011234') // '110*************34'
 */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 5) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 5) + v.slice(-2);
}

/**
 * Addresses keep their first 3 characters (the city or district): 武汉市******.
 * @example maskAddress('武汉市汉阳区钟家村1号') // '武汉市********'
 */
export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 3) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 3);
}

function maskByKind(kind: ShareKind, value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(Math.round(value)) : String(value);
  switch (kind) {
    case 'name':
      return String(maskName(s));
    case 'phone':
      return String(maskPhone(s));
    case 'vin':
      return maskVin(s);
    case 'plate':
      return maskPlate(s);
    case 'idNumber':
      return maskIdNumber(s);
    case 'address':
      return maskAddress(s);
  }
}

/**
 * Values remembered from personal columns, found again inside free text: a sliding window per distinct length,
 * so a cell costs O(its length × the number of distinct lengths), whatever the number of customers.
 */
export class KnownValues {
  private readonly masked = new Map<string, string>();
  private lengths: number[] = [];

  add(text: string, masked: string): void {
    if (this.masked.has(text)) return;
    this.masked.set(text, masked);
    if (!this.lengths.includes(text.length)) this.lengths = [...this.lengths, text.length].sort((a, b) => b - a);
  }

  get size(): number {
    return this.masked.size;
  }

  /** Replaces every remembered value in `text`, longest first at each position. */
  replaceIn(text: string): string {
    if (this.masked.size === 0) return text;
    const whole = this.masked.get(text);
    if (whole !== undefined) return whole;
    let out = '';
    let i = 0;
    let changed = false;
    while (i < text.length) {
      let hit: string | undefined;
      let len = 0;
      for (const L of this.lengths) {
        if (i + L > text.length) continue;
        hit = this.masked.get(text.slice(i, i + L));
        if (hit !== undefined) {
          len = L;
          break;
        }
      }
      if (hit !== undefined) {
        out += hit;
        i += len;
        changed = true;
      } else {
        out += text[i];
        i++;
      }
    }
    return changed ? out : text;
  }
}

/**
 * Masks every personal pattern and every remembered value inside a free text.
 * @example scrubText('客户138 1234 5678说车在外地', new KnownValues()) // '客户138****5678说车在外地'
 */
export function scrubText(text: string, known: KnownValues): string {
  let out = known.replaceIn(text);
  if (/\d{7}/.test(out.replace(/[\s-]/g, ''))) {
    out = out.replace(ID_NUMBER, (m) => maskIdNumber(m));
    out = out.replace(MOBILE, (m) => String(maskPhone(m)));
    out = out.replace(LANDLINE, (m) => String(maskPhone(m)));
  }
  if (out.length >= 17) out = out.replace(VIN, (m) => (/\d/.test(m) && /[A-Z]/i.test(m) ? maskVin(m) : m));
  out = out.replace(PLATE, (m) => maskPlate(m));
  return out;
}

/** Header rows of a sheet: every row in the first HEAD_ROWS with at least one personal header. */
function personalHeaders(grid: Grid, extra: readonly string[]): { headerRow: number; col: number; kind: ShareKind }[] {
  const out: { headerRow: number; col: number; kind: ShareKind }[] = [];
  const taken = new Set<number>();
  const limit = Math.min(grid.length, HEAD_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    const found: { col: number; kind: ShareKind }[] = [];
    for (let c = 0; c < row.length; c++) {
      const kind = shareKindOfHeader(row[c], extra);
      if (kind) found.push({ col: c, kind });
    }
    // A header row names at least one personal column among other text headers; a title line never has 2+ kinds.
    const textCells = row.filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (found.length === 0 || textCells < 2) continue;
    for (const f of found) {
      if (taken.has(f.col)) continue;
      taken.add(f.col);
      out.push({ headerRow: r, ...f });
    }
  }
  return out;
}

/**
 * The edits that make every sheet share-safe.
 * @example maskWorkbook([{ name: 'S', grid: [['车主', '电话'], ['王小明', 13812345678]] }]).maskedCells // 2
 */
export function maskWorkbook(sheets: readonly { name: string; grid: Grid }[], options: MaskOptions = {}): WorkbookMask {
  const extra = options.extraPersonalHeaders ?? [];
  const columnsBySheet = sheets.map((s) => personalHeaders(s.grid, extra));
  // Pass 1: remember every personal value (names of 2+ characters; other kinds of 5+ characters).
  const known = new KnownValues();
  sheets.forEach((s, i) => {
    for (const col of columnsBySheet[i]) {
      for (let r = col.headerRow + 1; r < s.grid.length; r++) {
        const v = s.grid[r]?.[col.col];
        if (typeof v !== 'string' && typeof v !== 'number') continue;
        const text = String(v).trim();
        const min = col.kind === 'name' ? 2 : 5;
        if ([...text].length >= min && !text.includes('*') && !NOT_A_VALUE.test(text)) known.add(text, maskByKind(col.kind, text));
      }
    }
  });
  // Pass 2: mask personal columns by rule and scrub every other text cell.
  let maskedCells = 0;
  const out: SheetMask[] = sheets.map((s, i) => {
    const edits: MaskEdit[] = [];
    const kindAt = new Map<number, { headerRow: number; kind: ShareKind }>();
    for (const c of columnsBySheet[i]) kindAt.set(c.col, c);
    for (let r = 0; r < s.grid.length; r++) {
      const row = s.grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === '' || v === null || v === undefined || typeof v === 'boolean') continue;
        const personal = kindAt.get(c);
        let next: string | null = null;
        if (personal && r > personal.headerRow) {
          next = maskByKind(personal.kind, v);
        } else if (typeof v === 'string') {
          const scrubbed = scrubText(v, known);
          if (scrubbed !== v) next = scrubbed;
        } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1e10 && v < 2e10) {
          // An 11-digit number outside a phone column is a phone typed as a number.
          next = String(maskPhone(v));
        }
        if (next !== null && next !== v) {
          edits.push({ row: r, col: c, value: next });
          maskedCells++;
        }
      }
    }
    return { sheet: s.name, edits, columns: columnsBySheet[i] };
  });
  return { sheets: out, maskedCells };
}
