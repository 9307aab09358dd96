/**
 * The share-safe workbook (DOMAIN.md, Sharing): which cells of a whole workbook must change so that no name, phone,
 * VIN, plate, address or ID number of a customer is left readable, in any sheet (hidden and very hidden included)
 * and in ChurnDesk's state sheet. Pure: takes every sheet's grid, returns the cell edits. Both adapters apply the
 * same edits to a copy (src/xlsx/shareWorkbook.ts for files; the add-in writes the copy with the same code).
 *
 * Two passes, both linear in cells:
 *  1. Personal columns are found by their header (`shareKindOfHeader`) and, whatever their header or without a
 *     header row, by what their cells hold (`kindByContent`: names, phones, VINs, ID numbers, addresses). They are
 *     masked cell by cell with their kind's rule, and every value they hold is remembered (names of two characters
 *     or more, phones, VINs, plates), as are the names written beside a phone in one cell ("张伟 138 1234 5678").
 *  2. Every other text cell is scrubbed: phone numbers, VINs, ID numbers, plates and house addresses found by
 *     pattern, names beside a phone, and any remembered value found as a substring (a name typed into a note, a VIN
 *     in the state's JSON) are masked.
 * Aggregates (counts, rates, regions, models) are untouched, so summaries read the same.
 */
import { STATE_SHEET_NAME, type Grid } from '../plan/types';
import { stateFromGrid } from '../state/stateSheet';
import { maskName, maskPhone } from './mask';
import { ADDRESS_SPAN, kindByContent, namesBesidePhones, SHAPES } from './personalShapes';

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
  /**
   * Personal columns: column index → kind, with the header row they were found on (-1: found by their cells, with
   * no header the rules know; then only the cells with the kind's shape are masked by its rule).
   */
  columns: { headerRow: number; col: number; kind: ShareKind }[];
}

export interface WorkbookMask {
  sheets: SheetMask[];
  maskedCells: number;
  /** Scrubs a free text outside the grids (a cell note, a hyperlink target) with the same patterns and remembered values. */
  scrub: (text: string) => string;
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
  // A header is a short label: a sentence, or a cell holding a number, is data that mentions a word ("地址变更为…").
  if ([...h].length > 16 || /[,。;;!?!?]|\d{5}/.test(h)) return null;
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
/** ID numbers: 18 characters (spaces allowed between region, birth date and sequence), and the old 15 digits. */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{6}\s(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?\d{3}[\dXx](?![\dA-Za-z])|(?<!\d)\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
/** Mainland mobiles with optional +86 / 0086 and separators: 138 1234 5678, 138-1234-5678, 138.1234.5678, +8613812345678. */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[\s.-]?)?1[3-9]\d(?:[\s.-]?\d{4}){2}(?!\d)/g;
/** Landlines: 0571-88881234, (027)8765 4321, +86 27 8765 4321, with an extension (-8008, 转123). */
const LANDLINE = /(?<!\d)(?:(?:\+|00)86[\s-]?\(?[1-9]\d{1,2}\)?|\(?0\d{2,3}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s?(?:-|转|ext\.?|x)\s?\d{1,5})?(?!\d)/gi;
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
  if (/\d{7}/.test(out.replace(/[\s.()-]/g, ''))) {
    const before = out;
    out = out.replace(ID_NUMBER, (m) => maskIdNumber(m));
    out = out.replace(MOBILE, (m) => String(maskPhone(m)));
    out = out.replace(LANDLINE, (m) => String(maskPhone(m)));
    // A name written beside the phone or ID number in the same cell (客户信息: "张伟 138 1234 5678").
    if (out !== before) for (const name of namesBesidePhones(out, isLabel)) out = out.split(name).join(String(maskName(name)));
  }
  if (out.length >= 17) out = out.replace(VIN, (m) => (/\d/.test(m) && /[A-Z]/i.test(m) ? maskVin(m) : m));
  out = out.replace(PLATE, (m) => maskPlate(m));
  if (/\d/.test(out)) out = out.replace(ADDRESS_SPAN, (m) => maskAddress(m));
  return out;
}

/** A header word (姓名, 电话, 地址 …) written as a label inside a cell: never a name. */
const isLabel = (word: string): boolean => shareKindOfHeader(word) !== null;

/** A number that is a mobile: 11 digits from 13-19, or the same with 86 in front. */
function isMobileNumber(v: number): boolean {
  return Number.isInteger(v) && ((v >= 1.3e10 && v < 2e10) || (v >= 8.613e12 && v < 8.62e12));
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
 * Columns whose cells have a personal shape, among those no header claimed: over the rows below the sheet's header
 * row (every row when none was found). The product's own summary sheets are not searched for names: they hold
 * aggregates, and their few customer columns have the product's headers.
 */
function personalByContent(grid: Grid, claimed: readonly { headerRow: number; col: number }[], productSheet: boolean): { headerRow: number; col: number; kind: ShareKind }[] {
  const out: { headerRow: number; col: number; kind: ShareKind }[] = [];
  const taken = new Set(claimed.map((c) => c.col));
  const from = claimed.length ? Math.min(...claimed.map((c) => c.headerRow)) + 1 : 0;
  let width = 0;
  for (const row of grid) if (row && row.length > width) width = row.length;
  for (let c = 0; c < width; c++) {
    if (taken.has(c)) continue;
    const values: unknown[] = [];
    for (let r = from; r < grid.length; r++) values.push(grid[r]?.[c]);
    const kind = kindByContent(values);
    if (kind && !(productSheet && kind === 'name')) out.push({ headerRow: -1, col: c, kind });
  }
  return out;
}

/** The names of the sheets ChurnDesk wrote, from the state sheet among `sheets` (none without one). */
function productSheets(sheets: readonly { name: string; grid: Grid }[]): Set<string> {
  const state = stateFromGrid(sheets.find((s) => s.name === STATE_SHEET_NAME)?.grid);
  const owned = state && typeof state.ownedSheets === 'object' && state.ownedSheets ? Object.values(state.ownedSheets) : [];
  return new Set([STATE_SHEET_NAME, ...owned.filter((n): n is string => typeof n === 'string')]);
}

const shapeOf = new Map(SHAPES.map((s) => [s.kind, s.test]));

/**
 * The edits that make every sheet share-safe.
 * @example maskWorkbook([{ name: 'S', grid: [['车主', '电话'], ['王小明', 13812345678]] }]).maskedCells // 2
 */
export function maskWorkbook(sheets: readonly { name: string; grid: Grid }[], options: MaskOptions = {}): WorkbookMask {
  const extra = options.extraPersonalHeaders ?? [];
  const ours = productSheets(sheets);
  const columnsBySheet = sheets.map((s) => {
    const byHeader = personalHeaders(s.grid, extra);
    return [...byHeader, ...personalByContent(s.grid, byHeader, ours.has(s.name))];
  });
  // Pass 1: remember every personal value (names of 2+ characters; other kinds of 5+ characters).
  const known = new KnownValues();
  sheets.forEach((s, i) => {
    for (const col of columnsBySheet[i]) {
      for (let r = col.headerRow + 1; r < s.grid.length; r++) {
        const v = s.grid[r]?.[col.col];
        if (typeof v !== 'string' && typeof v !== 'number') continue;
        if (col.headerRow < 0 && !shapeOf.get(col.kind)?.(v)) continue;
        const text = typeof v === 'number' ? String(Math.round(v)) : v.trim();
        const min = col.kind === 'name' ? 2 : 5;
        if ([...text].length >= min && !text.includes('*') && !NOT_A_VALUE.test(text)) known.add(text, maskByKind(col.kind, text));
      }
    }
    // Names written beside a phone in one cell, wherever that cell is: found again in notes and other sheets.
    for (const row of s.grid) {
      for (const v of row ?? []) {
        if (typeof v !== 'string' || v.length < 9 || !/\d{7}/.test(v.replace(/[\s.()-]/g, ''))) continue;
        MOBILE.lastIndex = 0;
        LANDLINE.lastIndex = 0;
        ID_NUMBER.lastIndex = 0;
        if (!(MOBILE.test(v) || LANDLINE.test(v) || ID_NUMBER.test(v))) continue;
        for (const name of namesBesidePhones(v, isLabel)) known.add(name, String(maskName(name)));
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
        if (personal && r > personal.headerRow && (personal.headerRow >= 0 || shapeOf.get(personal.kind)?.(v))) {
          next = maskByKind(personal.kind, v);
        } else if (typeof v === 'string') {
          const scrubbed = scrubText(v, known);
          if (scrubbed !== v) next = scrubbed;
        } else if (typeof v === 'number' && isMobileNumber(v)) {
          // A mobile typed as a number outside a phone column (with or without 86 in front).
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
  return { sheets: out, maskedCells, scrub: (text) => scrubText(text, known) };
}
