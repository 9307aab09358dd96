/**
 * The layout generator of the generalisation harness (NOT the product's sample generator): writes workbooks as
 * SheetInput[] in many DMS and dealer-form styles, and keeps the ground truth (which sheet is which kind, which
 * column is which field).
 */
import type { SheetInput } from '../../src/core/plan/types';
import type { SheetKind } from '../../src/core/sheets/types';
import { decorate, EXTRA_COLUMNS, GRAMMAR, groupHeader, groupLabel, TICK_GROUP, type GroupPart, type Split } from './grammar';
import { EXTRA_COLUMNS_V2, GRAMMAR_V2, GROUP_SUB_V2, groupHeaderV2, groupLabelV2, NOTE_ROW_V2, SUBTOTAL_COLUMNS_V2, SUPER_BANDS_V2, TICK_GROUP_V2, titleBlockV2 } from './grammarV2';
import { EXTRA_COLUMNS_V3, GRAMMAR_V3, GROUP_SUB_V3, groupHeaderV3, groupLabelV3, MID_TOTAL_V3, NAMES_V3, NOTES_GROUP_V3, PAGE_LINES_V3, TICK_GROUP_V3, titleBlockV3 } from './grammarV3';
import { EXTRA_COLUMNS_V4, GRAMMAR_V4, GROUP_SUB_V4, groupHeaderV4, groupLabelV4, NAMES_V4, NOTE_LINES_V4, SAME_SHEET_CALLS_V4, TICK_GROUP_V4, titleBlockV4 } from './grammarV4';
import { EXTRA_COLUMNS_V5, FOOTER_LINES_V5, PEOPLE_COUNT_V5, GRAMMAR_V5, GROUP_SUB_V5, groupHeaderV5, groupLabelV5, NAMES_V5, PAGE_LINES_V5, RESULT_CODES_V5, RESULT_LEGEND_V5, TICK_GROUP_V5, titleBlockV5, UNIT_ROW_V5, YEAR_SPLIT_NAMES_V5 } from './grammarV5';
import { Rng } from './rng';
import * as V from './values';
import * as V2 from './valuesV2';
import * as V3 from './valuesV3';
import * as V4 from './valuesV4';
import * as V5 from './valuesV5';

export type Cell = string | number;

/** A measured key field of a sheet. 'callVisit' = contactType, or callMark + visitMark on a ticked register. */
export type KeyField = string;

export interface TruthSheet {
  name: string;
  /** null: a sheet that is no input (notes, a summary, an empty sheet). */
  kind: SheetKind | null;
  shape: string;
  /** field -> 0-based column, for every generated field column. */
  columns: Record<string, number>;
  /** field -> header text written (for failure listings). */
  headers: Record<string, string>;
  /** Key fields measured on this sheet. */
  keyFields: KeyField[];
  /** Wide prospect cards: the followDate column of each numbered group. */
  groupDates?: number[];
  /** Prospect cards: the field that identifies the prospect (prospectId, else phone). */
  prospectKey?: 'prospectId' | 'phone';
  headerRows: number;
  /** 0-based row of the first data row (below the header rows). */
  firstDataRow: number;
}

export interface GeneratedWorkbook {
  seed: number;
  split: Split;
  sheets: SheetInput[];
  truth: TruthSheet[];
}

export interface Col {
  field: string | null;
  header: string;
  /** Group label (two-row headers); null: stands alone (merged vertically). */
  group: string | null;
  value: (row: number) => Cell;
}

const ANALYSIS = { y: 2026, m: 10, d: 31 };
const p2 = (n: number): string => String(n).padStart(2, '0');
const isEnglish = (s: string): boolean => /^[A-Za-z]/.test(s);

class SheetBuilder {
  private readonly used = new Set<string>();
  constructor(private readonly r: Rng, private readonly style: SplitStyle, private readonly kind: SheetKind, private readonly english: boolean) {}

  /** A header for a field of this kind, from the pool the split's descriptor chooses (key fields: its own wordings). */
  header(field: string, key: boolean): string {
    return this.pickFrom(this.style.headerPool(this.r, this.kind, field, key));
  }

  pickFrom(pool: readonly string[]): string {
    const en = pool.filter(isEnglish);
    const zh = pool.filter((s) => !isEnglish(s));
    let prefer = this.english ? (en.length ? en : zh) : zh.length && !this.r.chance(0.05) ? zh : pool;
    const fresh = prefer.filter((h) => !this.used.has(h));
    if (fresh.length) prefer = fresh;
    const h = this.r.pick(prefer);
    this.used.add(h);
    return decorate(h, () => this.r.next());
  }

  extra(): string | null {
    const pool = this.style.extraColumns(this.kind);
    const fresh = pool.filter((h) => !this.used.has(h));
    if (!fresh.length) return null;
    const h = this.r.pick(fresh);
    this.used.add(h);
    return h;
  }
}

function missingOr(r: Rng, v: () => Cell, pMissing = 0.04, missing: readonly string[] = V.MISSING): Cell {
  return r.chance(pMissing) ? r.pick(missing) : v();
}

/**
 * How a split writes values. The seen and held-out splits use values.ts exactly as before (same styles, same calls
 * to the Rng); v2 adds the styles of valuesV2.ts after them (a style number past the old range selects a new style).
 */
export interface Fmt {
  /** The plate style of a sheet (v1: -1 without drawing; v2 and v3 draw one). */
  plateStyle(r: Rng): number;
  dateStyles: number;
  date(r: Rng, x: V.Ymd, style: number): Cell;
  phoneStyles: number;
  phone(r: Rng, style: number): Cell;
  mileageStyles: number;
  mileage(r: Rng, style: number): Cell;
  timeStyles: number;
  time(r: Rng, style: number): Cell;
  missing: readonly string[];
  /** Plate as written by a sheet whose plate style is `style` (v2 only; -1: as stored). */
  plate(plate: string, style: number): string;
  /** v5 only: a purchase level as the split writes it (absent: a pick of values.ts's LEVELS, as before). */
  level?(r: Rng): Cell;
}

const FMT_V1: Fmt = {
  plateStyle: () => -1,
  dateStyles: 7, date: V.dateCell,
  phoneStyles: 5, phone: V.phoneCell,
  mileageStyles: 5, mileage: V.mileageCell,
  timeStyles: 5, time: V.timeCell,
  missing: V.MISSING,
  plate: (p) => p,
};

const FMT_V2: Fmt = {
  plateStyle: (r) => r.int(-3, 3),
  dateStyles: 7 + V2.DATE_STYLES_V2,
  date: (r, x, st) => (st < 7 ? V.dateCell(r, x, st) : V2.dateCellV2(r, x, st - 7)),
  phoneStyles: 5 + V2.PHONE_STYLES_V2,
  phone: (r, st) => (st < 5 ? V.phoneCell(r, st) : V2.phoneCellV2(r, st - 5)),
  mileageStyles: 5 + V2.MILEAGE_STYLES_V2,
  mileage: (r, st) => (st < 5 ? V.mileageCell(r, st) : V2.mileageCellV2(r, st - 5)),
  timeStyles: 5 + V2.TIME_STYLES_V2,
  time: (r, st) => (st < 5 ? V.timeCell(r, st) : V2.timeCellV2(r, st - 5).cell),
  missing: [...V.MISSING, ...V2.MISSING_V2.filter((m) => m !== '')],
  plate: (p, st) => (st < 0 ? p : V2.plateCellV2(p, st)),
};

/** v3: the v1 styles plus the v3 ones (valuesV3.ts); a style number past the old range selects a v3 style. */
const FMT_V3: Fmt = {
  plateStyle: (r) => r.int(-2, 2),
  dateStyles: 7 + V3.DATE_STYLES_V3,
  date: (r, x, st) => (st < 7 ? V.dateCell(r, x, st) : V3.dateCellV3(r, x, st - 7)),
  phoneStyles: 5 + V3.PHONE_STYLES_V3,
  phone: (r, st) => (st < 5 ? V.phoneCell(r, st) : V3.phoneCellV3(r, st - 5)),
  mileageStyles: 5 + V3.MILEAGE_STYLES_V3,
  mileage: (r, st) => (st < 5 ? V.mileageCell(r, st) : V3.mileageCellV3(r, st - 5)),
  timeStyles: 5 + V3.TIME_STYLES_V3,
  time: (r, st) => (st < 5 ? V.timeCell(r, st) : V3.timeCellV3(r, st - 5).cell),
  missing: [...V.MISSING, ...V3.MISSING_V3],
  plate: (p, st) => (st < 0 ? p : V3.plateCellV3(p, st)),
};

/** v4: the v1 styles plus the v4 ones (valuesV4.ts); a style number past the old range selects a v4 style. */
const FMT_V4: Fmt = {
  plateStyle: (r) => r.int(-2, 2),
  dateStyles: 7 + V4.DATE_STYLES_V4,
  date: (r, x, st) => (st < 7 ? V.dateCell(r, x, st) : V4.dateCellV4(r, x, st - 7)),
  phoneStyles: 5 + V4.PHONE_STYLES_V4,
  phone: (r, st) => (st < 5 ? V.phoneCell(r, st) : V4.phoneCellV4(r, st - 5)),
  mileageStyles: 5 + V4.MILEAGE_STYLES_V4,
  mileage: (r, st) => (st < 5 ? V.mileageCell(r, st) : V4.mileageCellV4(r, st - 5)),
  timeStyles: 5 + V4.TIME_STYLES_V4,
  time: (r, st) => (st < 5 ? V.timeCell(r, st) : V4.timeCellV4(r, st - 5).cell),
  missing: [...V.MISSING, ...V4.MISSING_V4],
  plate: (p, st) => (st < 0 ? p : V4.plateCellV4(p, st)),
};

/** v5: the v1 styles plus the v5 ones (valuesV5.ts); levels as heat words or stars half of the time. */
const FMT_V5: Fmt = {
  plateStyle: (r) => r.int(-1, 3),
  dateStyles: 7 + V5.DATE_STYLES_V5,
  date: (r, x, st) => (st < 7 ? V.dateCell(r, x, st) : V5.dateCellV5(r, x, st - 7)),
  phoneStyles: 5 + V5.PHONE_STYLES_V5,
  phone: (r, st) => (st < 5 ? V.phoneCell(r, st) : V5.phoneCellV5(r, st - 5)),
  mileageStyles: 5 + V5.MILEAGE_STYLES_V5,
  mileage: (r, st) => (st < 5 ? V.mileageCell(r, st) : V5.mileageCellV5(r, st - 5)),
  timeStyles: 5 + V5.TIME_STYLES_V5,
  time: (r, st) => (st < 5 ? V.timeCell(r, st) : V5.timeCellV5(r, st - 5).cell),
  missing: [...V.MISSING, ...V5.MISSING_V5],
  plate: (p, st) => (st < 0 ? p : V5.plateCellV5(p, st)),
  level: (r) => (r.chance(0.5) ? r.pick(V5.LEVELS_V5) : r.pick(V.LEVELS)),
};

export interface Layout {
  titleRows: string[];
  blankAfterTitle: boolean;
  twoRow: boolean;
  footer: string[][];
  /** v2 only (absent on the earlier splits, which then render exactly as before): */
  v2?: {
    /** A band row above the two-row header (three header rows). */
    band: string[] | null;
    /** A row of notes under the header (必填, 格式:年-月-日 …). */
    noteRow: boolean;
    /** A 序号 column first. */
    seqCol: string | null;
    /** 0-based data indexes after which a 小计 row is written. */
    midTotals: number[];
    midTotalLabel: string;
  };
  /** v3 only: */
  v3?: {
    /** Fully blank columns first (a frozen, empty left margin). */
    leadingBlank: number;
    /** The header rows written again every n data rows (a header repeated on each printed page); 0: never. */
    repeatEvery: number;
    /** A line such as 第2页 / 续表 above each repeated header; null: none. */
    pageLine: string | null;
    /** Headers with a line break inside ('最后\n出厂日期'), for about half of the columns. */
    lineBreaks: boolean;
  };
  /** v4 only: lines written between records, before the data rows of these 0-based indexes. */
  v4?: { notesAt: number[]; noteLines: string[] };
  /** v5 only: a row of units / formats under the header (UNIT_ROW_V5 by field, other columns blank). */
  v5?: { unitRow: boolean };
}

/** The v5 layout: the report engine's title lines, the header repeated per page, a unit row under the header. */
function layoutForV5(r: Rng, kind: SheetKind, dealer: string): Layout {
  const block = titleBlockV5(kind, dealer);
  const x = r.next();
  const titleRows = x < 0.5 ? [block[0], ...r.sample(block.slice(1), r.int(1, 4))] : x < 0.75 ? [block[0]] : [];
  const footer: string[][] = r.sample(FOOTER_LINES_V5, r.int(0, 3)).map((f) => [f]);
  const repeat = r.chance(0.35);
  return {
    titleRows,
    blankAfterTitle: titleRows.length > 0 && r.chance(0.4),
    twoRow: r.chance(0.35),
    footer,
    v2: { band: null, noteRow: false, seqCol: r.chance(0.35) ? r.pick(['項次', 'Item', '序']) : null, midTotals: [], midTotalLabel: '' },
    v3: { leadingBlank: 0, repeatEvery: repeat ? r.int(5, 9) : 0, pageLine: repeat && r.chance(0.6) ? r.pick(PAGE_LINES_V5) : null, lineBreaks: false },
    v5: { unitRow: r.chance(0.3) },
  };
}

/** The v4 layout: a title over several lines in one cell, the header in row 4–6, notes between records. */
function layoutForV4(r: Rng, kind: SheetKind, dealer: string): Layout {
  const block = titleBlockV4(kind, dealer);
  const x = r.next();
  const titleRows = x < 0.6 ? [block.multiLine, ...r.sample(block.lines, r.int(1, 3))] : x < 0.8 ? [block.multiLine] : [];
  const footer: string[][] = [];
  if (r.chance(0.5)) footer.push([r.pick(['合计台数:N', '以上共N条', '本表共N行', 'Grand Total N'])]);
  if (r.chance(0.4)) footer.push([r.pick(['填表人:刘洋  核对人:', '核对人:      日期:', '部门负责人(签字):'])]);
  if (r.chance(0.3)) footer.push([r.pick(['打印于2026-11-01 09:00', '本表由CRM自动生成,请勿手工修改合计行'])]);
  const notes = r.chance(0.35);
  return {
    titleRows,
    blankAfterTitle: titleRows.length > 0 && titleRows.length < 4 && r.chance(0.5),
    twoRow: r.chance(0.4),
    footer,
    v2: { band: null, noteRow: false, seqCol: r.chance(0.3) ? r.pick(['顺序号', 'Row', 'NO.']) : null, midTotals: [], midTotalLabel: '' },
    v4: { notesAt: notes ? r.sample([2, 3, 4, 5, 6, 7, 8, 9], r.int(1, 2)) : [], noteLines: r.sample(NOTE_LINES_V4, 2) },
  };
}

/** The v3 layout: OEM / dealer-group title lines, headers repeated per page, blank columns first, line breaks. */
function layoutForV3(r: Rng, kind: SheetKind, dealer: string): Layout {
  const block = titleBlockV3(kind, dealer);
  const x = r.next();
  const nTitle = x < 0.4 ? r.int(3, 7) : x < 0.7 ? r.int(1, 2) : 0;
  const titleRows = nTitle > 0 ? [block[0], ...r.sample(block.slice(1), nTitle - 1)] : [];
  const footer: string[][] = [];
  if (r.chance(0.5)) footer.push([r.pick(['合计:N台', '记录总数:N', '总计(N条)', 'Total: N'])]);
  if (r.chance(0.4)) footer.push([r.pick(['制表:张敏  复核:李娜', '服务经理签字:', '经销商盖章:', 'Prepared by: admin'])]);
  if (r.chance(0.3)) footer.push([r.pick(['打印人:admin  打印时间:2026-11-03 08:02', 'Page 1 of 1', '数据来源:DMS导出,仅供内部使用'])]);
  const repeat = r.chance(0.3);
  return {
    titleRows,
    blankAfterTitle: nTitle > 0 && r.chance(0.5),
    twoRow: r.chance(0.35),
    footer,
    v2: {
      band: null,
      noteRow: false,
      seqCol: r.chance(0.4) ? r.pick(['行号', 'No', '序', 'Seq']) : null,
      midTotals: r.chance(0.2) ? [r.int(4, 7), r.int(9, 13)] : [],
      midTotalLabel: r.pick(MID_TOTAL_V3),
    },
    v3: {
      leadingBlank: r.chance(0.3) ? r.int(1, 2) : 0,
      repeatEvery: repeat ? r.int(6, 12) : 0,
      pageLine: repeat && r.chance(0.5) ? r.pick(PAGE_LINES_V3) : null,
      lineBreaks: r.chance(0.35),
    },
  };
}

/** A header with a line break inside, as a DMS writes a long header in a narrow column. */
function withLineBreak(r: Rng, h: string): string {
  const t = h.trim();
  if (/^[A-Za-z]/.test(t)) {
    const i = t.lastIndexOf(' ');
    return i > 0 ? `${t.slice(0, i)}\n${t.slice(i + 1)}` : h;
  }
  if (t.length < 4 || /^[A-Z]+$/.test(t)) return h;
  const i = r.int(2, t.length - 2);
  return `${t.slice(0, i)}\n${t.slice(i)}`;
}

/** The v2 layout: long title blocks (header at row 5–12), three-row headers, a notes row, 序号, mid-sheet 小计. */
function layoutForV2(r: Rng, kind: SheetKind, dealer: string): Layout {
  const block = titleBlockV2(kind, dealer);
  const x = r.next();
  const nTitle = x < 0.45 ? r.int(4, 11) : x < 0.75 ? r.int(0, 3) : 0;
  const titleRows = nTitle > 0 ? [block[0], ...r.sample(block.slice(1), nTitle - 1)] : [];
  const hr = r.pick([1, 1, 2, 3, 3]);
  const footer: string[][] = [];
  if (r.chance(0.5)) footer.push([r.pick(['共计', '总计', '合计:', '共 N 条记录', '记录数:N'])]);
  if (r.chance(0.4)) footer.push([r.pick(['制表人:周岚  审核人:钱工', '主管签字:', '审核人:', '经办人:赵晓'])]);
  if (r.chance(0.3)) footer.push([r.pick(['打印时间:2026/11/02 09:15', '第 1 页 / 共 1 页', '导出日期:2026年11月2日'])]);
  return {
    titleRows,
    blankAfterTitle: nTitle > 0 && r.chance(0.6),
    twoRow: hr >= 2,
    footer,
    v2: {
      band: hr === 3 ? r.sample(SUPER_BANDS_V2[kind], 2) : null,
      noteRow: r.chance(0.25),
      seqCol: r.chance(0.5) ? r.pick(['序号', 'No.', '行号', '#']) : null,
      midTotals: r.chance(0.3) ? [r.int(3, 6), r.int(8, 12)] : [],
      midTotalLabel: r.pick(['小计', '本页小计', '小计:', '月小计']),
    },
  };
}


function layoutFor(r: Rng, kind: SheetKind, dealer: string): Layout {
  const titles: Record<SheetKind, string[]> = {
    customers: [`${dealer}店保有客户明细表`, `${dealer}基盘客户明细(截至2026年10月)`, '保有客户信息表', 'Customer Base Export'],
    calls: [`${dealer}流失客户回访记录`, '招揽记录明细', '客户回访登记表', 'Follow-up Call Log'],
    register: ['展厅来电/店登记表', `${dealer}展厅来电来店登记`, '来店(电)客户登记表'],
    prospects: ['意向客户跟踪卡', `${dealer}意向客户跟进表`, '潜在客户跟踪明细'],
  };
  const titleRows: string[] = [];
  const nTitle = r.pick([0, 0, 1, 1, 2, 3]);
  if (nTitle >= 1) titleRows.push(r.pick(titles[kind]));
  if (nTitle >= 2) titleRows.push(r.pick([`经销商名称:${dealer}汽车销售服务有限公司`, '截至2026年10月31日', '统计期间:2026年10月1日-2026年10月31日']));
  if (nTitle >= 3) titleRows.push(r.pick(['导出时间:2026-11-01 08:30', '单位:台', '数据来源:DMS']));
  const footer: string[][] = [];
  if (r.chance(0.4)) footer.push(['合计']);
  if (r.chance(0.3)) footer.push([r.pick(['制表人:张敏', '制表人:', '审核:', '制表:李娜  审核:王强'])]);
  if (r.chance(0.25)) footer.push([r.pick(['打印日期:2026/11/1', '打印日期:2026年11月1日', '打印时间:2026-11-01'])]);
  return { titleRows, blankAfterTitle: nTitle > 0 && r.chance(0.5), twoRow: r.chance(0.3), footer };
}

/** Orders the columns: blocks by group (kept contiguous for two-row headers), shuffled. */
function order(r: Rng, cols: Col[], twoRow: boolean): Col[] {
  if (!twoRow) {
    if (r.chance(0.7)) return r.shuffle(cols);
    // the DMS's own order with a few swaps
    const a = cols.slice();
    for (let k = 0; k < 3; k++) {
      const i = r.int(0, a.length - 1);
      const j = r.int(0, a.length - 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  const blocks = new Map<string, Col[]>();
  for (const c of cols) {
    const k = c.group ?? `__${c.header}`;
    if (!blocks.has(k)) blocks.set(k, []);
    blocks.get(k)!.push(c);
  }
  return r.shuffle([...blocks.values()]).flatMap((b) => r.shuffle(b));
}

function render(r: Rng, name: string, kind: SheetKind, cols: Col[], rows: number, layout: Layout, shape: string, keyFields: KeyField[], prospectKey?: 'prospectId' | 'phone', groupFieldCols?: (ordered: Col[]) => number[], keepOrder = false): { sheet: SheetInput; truth: TruthSheet } {
  const ordered0 = keepOrder ? cols : order(r, cols, layout.twoRow);
  const q = layout.v2;
  const q3 = layout.v3;
  const ordered1 = q?.seqCol ? [{ field: null, header: q.seqCol, group: null, value: (i: number): Cell => i + 1 }, ...ordered0] : ordered0;
  const blankCols: Col[] = Array.from({ length: q3?.leadingBlank ?? 0 }, () => ({ field: null, header: '', group: null, value: (): Cell => '' }));
  const ordered = q3 ? [...blankCols, ...ordered1.map((c) => (q3.lineBreaks && c.header && r.chance(0.5) ? { ...c, header: withLineBreak(r, c.header) } : c))] : ordered1;
  const width = ordered.length;
  const grid: Cell[][] = [];
  const blankRow = (): Cell[] => new Array<Cell>(width).fill('');
  for (const t of layout.titleRows) {
    const row = blankRow();
    row[0] = t;
    grid.push(row);
  }
  if (layout.blankAfterTitle) grid.push(blankRow());
  const bands = q?.band;
  if (bands) {
    // three header rows: bands over the groups; columns outside a group merged over all three (text on top)
    const band = blankRow();
    const half = Math.ceil(width / 2);
    const firstLeft = ordered.findIndex((c, j) => c.group !== null && j < half);
    const firstRight = ordered.findIndex((c, j) => c.group !== null && j >= half);
    ordered.forEach((c, i) => {
      if (c.group === null) band[i] = c.header;
      else if (i === firstLeft) band[i] = bands[0];
      else if (i === firstRight) band[i] = bands[1] ?? bands[0];
    });
    grid.push(band);
  }
  if (layout.twoRow) {
    const top = blankRow();
    const sub = blankRow();
    let prevGroup: string | null = null;
    ordered.forEach((c, i) => {
      if (c.group === null) {
        if (!q?.band) top[i] = c.header; // merged vertically: the value sits in the top cell
      } else {
        if (c.group !== prevGroup) top[i] = c.group;
        sub[i] = c.header;
      }
      prevGroup = c.group;
    });
    grid.push(top, sub);
  } else {
    grid.push(ordered.map((c) => c.header));
  }
  if (q?.noteRow) {
    const notes = blankRow();
    ordered.forEach((_, i) => { if (r.chance(0.6)) notes[i] = r.pick(NOTE_ROW_V2); });
    grid.push(notes);
  }
  const headerBlock = grid.slice(grid.length - (layout.twoRow ? 2 : 1), grid.length);
  if (layout.v5?.unitRow) grid.push(ordered.map((c) => (c.field ? UNIT_ROW_V5[c.field] ?? '' : '')));
  const firstDataRow = grid.length;
  let sinceTotal = 0;
  for (let i = 0; i < rows; i++) {
    if (q3 && q3.repeatEvery > 0 && i > 0 && i % q3.repeatEvery === 0) {
      // a new printed page: the header again (a page line above it now and then)
      if (q3.pageLine) { const row = blankRow(); row[0] = q3.pageLine; grid.push(row); }
      for (const h of headerBlock) grid.push(h.slice());
    }
    const q4 = layout.v4;
    if (q4 && i > 0 && q4.notesAt.includes(i)) {
      // a note of the dealer's between two records, in the first column
      const row = blankRow();
      row[0] = q4.noteLines[q4.notesAt.indexOf(i) % q4.noteLines.length];
      grid.push(row);
    }
    if (i > 2 && r.chance(0.03)) grid.push(blankRow());
    grid.push(ordered.map((c) => c.value(i)));
    sinceTotal++;
    if (q && q.midTotals.includes(i) && i < rows - 1) {
      const row = blankRow();
      row[0] = q.midTotalLabel;
      if (width > 2) row[width - 1] = sinceTotal;
      grid.push(row);
      sinceTotal = 0;
    }
  }
  for (const f of layout.footer) {
    const row = blankRow();
    row[0] = f[0].replace(/\bN\b/, String(rows));
    if ((f[0] === '合计' || (q && /^(共计|总计|合计)/.test(f[0]))) && width > 2) row[width - 1] = rows;
    grid.push(row);
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  ordered.forEach((c, i) => {
    if (c.field && !c.field.startsWith('group')) {
      columns[c.field] = i;
      headers[c.field] = c.group && layout.twoRow ? `${c.group}/${c.header}` : c.header;
    }
  });
  const truth: TruthSheet = { name, kind, shape, columns, headers, keyFields, prospectKey, headerRows: q?.band ? 3 : layout.twoRow ? 2 : 1, firstDataRow };
  if (groupFieldCols) {
    truth.groupDates = groupFieldCols(ordered);
    for (const c of ordered) {
      if (c.field && c.field.startsWith('group')) headers[c.field] = c.group && layout.twoRow ? `${c.group}/${c.header}` : c.header;
    }
  }
  return { sheet: { name, grid }, truth };
}

export interface Ctx {
  r: Rng;
  split: Split;
  /** What the split writes differently (its descriptor, SPLIT_STYLES). */
  style: SplitStyle;
  /** How values are written (values.ts, plus valuesV2.ts in the v2 split). */
  fmt: Fmt;
  dealer: string;
  /** Vehicles of the base, shared by the call log. */
  vehicles: { vin: string; plate: string; phone: string; name: string }[];
  /** v5: the purchase dates of this customer sheet (a base split in two sheets by purchase year). */
  purchaseRange?: [V.Ymd, V.Ymd];
  /** v5: a call log of the workbook writes its results as codes (the workbook then carries their legend). */
  resultCodesUsed?: boolean;
}

function customers(ctx: Ctx, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const { r } = ctx;
  const b = new SheetBuilder(r, ctx.style, 'customers', r.chance(0.12));
  const F = ctx.fmt;
  const layout = ctx.style.layout(r, 'customers', ctx.dealer);
  const hasVin0 = r.chance(0.9);
  const hasPlate0 = r.chance(0.85) || !hasVin0;
  const hasPhone0 = r.chance(0.9);
  // v4: a base with no vehicle key column at all (no VIN, no plate): the phone is the only key
  const phoneOnly = ctx.style.phoneOnlyChance > 0 && r.chance(ctx.style.phoneOnlyChance);
  const hasVin = hasVin0 && !phoneOnly;
  const hasPlate = hasPlate0 && !phoneOnly;
  const hasPhone = hasPhone0 || phoneOnly;
  const dateStyle = r.int(0, F.dateStyles - 1);
  const dateStyle2 = r.chance(0.7) ? dateStyle : r.int(0, F.dateStyles - 1);
  const phoneStyle = r.int(0, F.phoneStyles - 1);
  const mileStyle = r.int(0, F.mileageStyles - 1);
  const plateStyle = F.plateStyle(r);
  const n = r.int(10, 30);
  const veh = ctx.vehicles;
  const [from, to] = ctx.purchaseRange ?? [{ y: 2016, m: 1, d: 1 }, { y: 2026, m: 6, d: 30 }];
  const purchase = veh.map(() => V.randomDate(r, from, to));
  const G = layout.twoRow;
  const gC = G && r.chance(0.8) ? r.pick(['客户信息', '客户资料', '车主信息']) : null;
  const gV = G && r.chance(0.8) ? r.pick(['车辆信息', '车辆资料']) : null;
  const gS = G && r.chance(0.8) ? r.pick(['维修信息', '服务信息', '进厂信息']) : null;
  const cols: Col[] = [];
  const key: KeyField[] = ['lastVisitDate', 'purchaseDate'];
  const add = (field: string, group: string | null, value: (i: number) => Cell, isKey = false): void => {
    cols.push({ field, header: b.header(field, isKey), group, value });
  };
  if (hasVin) { add('vin', gV, (i) => veh[i].vin, true); key.push('vin'); }
  if (hasPlate) { add('plate', gV, (i) => missingOr(r, () => F.plate(veh[i].plate, plateStyle), 0.03, F.missing), true); key.push('plate'); }
  if (hasPhone) { add('phone', gC, () => F.phone(r, phoneStyle), true); key.push('phone'); }
  add('purchaseDate', gV, (i) => F.date(r, purchase[i], dateStyle), true);
  add('lastVisitDate', gS, (i) => {
    if (r.chance(0.06)) return r.pick(F.missing);
    const p = purchase[i];
    return F.date(r, V.randomDate(r, p, ANALYSIS), dateStyle2);
  }, true);
  if (r.chance(0.9)) add('name', gC, (i) => veh[i].name);
  if (r.chance(0.85)) add('model', gV, () => V.model(r));
  if (r.chance(0.5)) add('visitCount', gS, () => r.int(0, 25));
  if (r.chance(0.6)) add('mileage', gV, () => missingOr(r, () => F.mileage(r, mileStyle), 0.04, F.missing));
  if (r.chance(0.5)) add('region', gC, () => V.region(r));
  if (r.chance(0.5)) add('advisor', gS, () => V.personName(r));
  if (r.chance(0.3)) add('gender', gC, () => r.pick(['男', '女']));
  if (r.chance(0.3)) add('address', gC, () => V.address(r));
  if (r.chance(0.2)) add('warrantyEndDate', gV, (i) => F.date(r, { ...purchase[i], y: purchase[i].y + 3 }, dateStyle));
  const extras = r.int(0, 4);
  for (let k = 0; k < extras; k++) {
    const h = b.extra();
    if (!h) break;
    const g = r.pick([gC, gV, gS]);
    cols.push({ field: null, header: h, group: g, value: (i) => extraValue(r, h, purchase[i]) });
  }
  addV2Columns(ctx, 'customers', cols, [gC, gV, gS]);
  return render(r, name, 'customers', cols, Math.min(n, veh.length), layout, 'base', key);
}

/** v5: registers written one row per visitor group, with the group's head count. */
function addV5Columns(ctx: Ctx, kind: SheetKind, cols: Col[]): void {
  const { r } = ctx;
  if (kind !== 'register' || !r.chance(0.6)) return;
  cols.push({ field: null, header: r.pick(PEOPLE_COUNT_V5), group: null, value: () => r.pick([1, 1, 2, 2, 3, 4, 5]) });
}

/** The columns a split adds to every sheet after its fields and extras (SplitStyle.addColumns). */
function addV2Columns(ctx: Ctx, kind: SheetKind, cols: Col[], groups: (string | null)[]): void {
  ctx.style.addColumns(ctx, kind, cols, groups);
}

/** v2 only: a column of sub-totals (numbers), and on call logs now and then a separate time-of-day column. */
function addSubtotalColumnsV2(ctx: Ctx, kind: SheetKind, cols: Col[], groups: (string | null)[]): void {
  const { r } = ctx;
  if (r.chance(0.4)) cols.push({ field: null, header: r.pick(SUBTOTAL_COLUMNS_V2[kind]), group: r.pick(groups), value: () => (r.chance(0.2) ? 0 : r.int(1, 5000)) });
  if (kind === 'calls' && r.chance(0.25)) {
    cols.push({ field: null, header: r.pick(['通话时刻', '回访时刻', '拨打时刻', 'Call Clock']), group: r.pick(groups), value: () => `${r.int(8, 19)}:${String(r.int(0, 59)).padStart(2, '0')}` });
  }
}

/** v3 only: a group of notes columns at the end (under a merged 备注信息 in two-row headers). */
function addV3Columns(ctx: Ctx, kind: SheetKind, cols: Col[], _groups: (string | null)[]): void {
  const { r } = ctx;
  if (!r.chance(0.25)) return;
  const n = r.int(1, NOTES_GROUP_V3.columns.length);
  for (const h of NOTES_GROUP_V3.columns.slice(0, n)) {
    cols.push({ field: null, header: h, group: NOTES_GROUP_V3.label, value: () => (r.chance(0.6) ? '' : r.pick(['客户要求短信联系', '已转售后', '重点客户', '勿扰', kind === 'customers' ? '车辆已过户' : '再联系'])) });
  }
}

/** v4: on some customer sheets, this month's call to the right, in the same sheet (no customer field). */
function addV4Columns(ctx: Ctx, kind: SheetKind, cols: Col[]): void {
  const { r } = ctx;
  if (kind !== 'customers' || !r.chance(0.2)) return;
  const g = SAME_SHEET_CALLS_V4.group;
  const called: boolean[] = [];
  cols.push({ field: null, header: r.pick(SAME_SHEET_CALLS_V4.date), group: g, value: (i) => { called[i] = r.chance(0.6); return called[i] ? ctx.fmt.date(r, V.randomDate(r, { y: 2026, m: 10, d: 1 }, ANALYSIS), 0) : ''; } });
  cols.push({ field: null, header: r.pick(SAME_SHEET_CALLS_V4.result), group: g, value: (i) => (called[i] ? r.pick(V.CALL_RESULTS) : '') });
}

function extraValue(r: Rng, h: string, date: V.Ymd): Cell {
  // v5 extras
  if (h === '[F051]保險到期日' || h === '[R111]預約入廠日' || h === '[P311]建檔日' || h === '下次追蹤日') return V5.dateCellV5(r, V.randomDate(r, { y: 2026, m: 11, d: 1 }, { y: 2027, m: 10, d: 31 }), 1);
  if (h === '引擎號碼') return `${r.pick(['1NZ', 'K20', 'G4FG'])}${r.int(100000, 999999)}`;
  if (h === '車色') return r.pick(['珍珠白', '鐵灰', '曜石黑', '寶石藍']);
  if (h === '客戶等級碼') return r.pick(['V1', 'V2', 'V3', 'N']);
  if (h === '建檔年度') return r.int(2015, 2026);
  if (h === '電訪次數') return r.int(1, 4);
  if (h === '通話秒數') return r.int(0, 480);
    if (h === '同行人員') return r.pick(['配偶', '家人', '朋友', '']);
  if (h === '[S211]離店時間') return `${r.int(11, 20)}:${p2(r.int(0, 59))}`;
  if (h === '預算（萬元）') return r.pick(['10～15', '15～20', '20以上']);
  // v4 extras
  if (h === '下次年检日期' || h === '交强险到期' || h === '预约进厂日期' || h === '建卡日期' || h === '下次联系日') return V4.dateCellV4(r, V.randomDate(r, { y: 2026, m: 11, d: 1 }, { y: 2027, m: 10, d: 31 }), 2);
  if (h === '客户来源渠道') return r.pick(['本店销售', '外拓', '转介绍', '保险续保']);
  if (h === '车辆性质') return r.pick(['非营运', '营运', '公务']);
  if (h === '维修类别') return r.pick(['首保', '定保', '一般维修', '事故车']);
  if (h === '所属集团') return r.pick(['华西集团', '远大集团', '']);
  if (h === '累计消费(元)') return (r.int(0, 5000000) / 100).toFixed(2);
  if (h === '回访方式') return r.pick(['电话', '短信', '微信']);
  if (h === '回访次序') return r.pick(['第1次', '第2次', '第3次']);
  if (h === '是否有效回访') return r.pick(['是', '否']);
  if (h === '接待序号') return `J${r.int(1000, 9999)}`;
  if (h === '来店人数(人)') return r.int(1, 5);
  if (h === '是否试驾(Y/N)') return r.pick(['Y', 'N']);
  if (h === '预算(万)') return r.pick(['10-15', '15-20', '20+']);
  // v3 extras (names no earlier split writes)
  if (h === '保养金额(元)' || h === '累计维修金额(元)') return r.chance(0.1) ? '0.00' : (r.int(10000, 900000) / 100).toFixed(2);
  if (h === '客户星级') return r.pick(['一星', '二星', '三星', '四星', '五星']);
  if (h === '车身颜色') return r.pick(V.COLORS);
  if (h === '会员积分') return r.int(0, 20000);
  if (h === '客户标签') return r.pick(['高价值', '流失预警', '新客户', '']);
  if (h === '上次保养项目') return r.pick(['更换机油机滤', '常规保养', '更换刹车片', '四轮定位', '空调清洗']);
  if (h === '下次保养里程(km)') return r.int(5, 18) * 10000;
  if (h === '下次保养日期') return V3.dateCellV3(r, V.randomDate(r, { y: 2026, m: 11, d: 1 }, { y: 2027, m: 10, d: 31 }), 7);
  if (h === '通话时长(秒)') return r.int(0, 600);
  if (h === '回访批次') return `2026${p2(r.int(6, 10))}批`;
  if (h === '任务编号') return `TASK${r.int(100000, 999999)}`;
  if (h === '回访模板') return r.pick(['流失招揽模板', '保养提醒模板']);
  if (h === '录音文件') return r.chance(0.5) ? '' : `rec_${r.int(10000000, 99999999)}.wav`;
  if (h === '天气情况') return r.pick(['晴', '多云', '小雨']);
  if (h === '同行人员') return r.pick(['1人', '2人', '一家三口', '']);
  if (h === '离店时间') return `${r.int(11, 20)}:${p2(r.int(0, 59))}`;
  if (h === '接待时长(min)') return r.int(5, 150);
  if (h === '客户预算(万元)') return r.pick(['10-15', '15-20', '20-30', '']);
  if (h === '置换意向') return r.pick(['有', '无', '']);
  if (h === '竞品关注') return r.pick(V.BRANDS);
  if (h === '会员等级') return r.pick(V.MEMBER);
  if (h === '身份证号') return V.idCard(r);
  if (h === '颜色') return r.pick(V.COLORS);
  if (h.includes('顾问') || h === '制表人') return V.personName(r);
  if (h === '发动机号') return `${r.pick(['EA211', 'CSS', 'L15B', 'M20C'])}${r.int(100000, 999999)}`;
  if (h.endsWith('日') || h.endsWith('日期')) return V.dateCell(r, V.randomDate(r, date, { y: 2027, m: 12, d: 31 }), 1);
  if (h === '客户类型') return r.pick(['个人', '单位', '出租']);
  if (h === '车辆用途') return r.pick(['家用', '营运', '公务']);
  if (h === '积分' || h === '预算' || h.includes('人数') || h.includes('时长')) return r.int(0, 3000);
  if (h === '序号') return r.int(1, 999);
  if (h === '保险公司') return r.pick(['人保', '平安', '太平洋']);
  if (h === '满意度') return r.pick(['满意', '一般', '不满意', '非常满意']);
  if (h === '回访类型') return r.pick(['流失招揽', '保养提醒', '三日回访']);
  if (h === '录音编号') return `R${r.int(10000000, 99999999)}`;
  if (h === '车型') return V.model(r);
  if (h === '星期') return r.pick(['一', '二', '三', '四', '五', '六', '日']);
  if (h === '现有车辆') return r.pick(['无', '大众', '丰田', '']);
  if (h === '客户职业') return r.pick(['教师', '个体', '公务员', '职员']);
  if (h === '付款方式') return r.pick(['全款', '贷款', '分期']);
  if (h === '是否置换') return r.pick(['是', '否']);
  // v2 extras
  if (h === '车辆状态') return r.pick(['正常', '已过户', '报废', '']);
  if (h === '车辆来源') return r.pick(['本店销售', '外店销售', '二手车']);
  if (h === '保险到期') return V.dateCell(r, V.randomDate(r, date, { y: 2027, m: 12, d: 31 }), 3);
  if (h === '会员卡号') return `VIP${r.int(100000, 999999)}`;
  if (h === '开票单位') return `${r.pick(V.DEALERS)}汽车销售服务有限公司`;
  if (h === '燃油类型') return r.pick(['汽油', '纯电', '插混', '柴油']);
  if (h === '推荐人') return r.chance(0.7) ? '' : V.personName(r);
  if (h === '回访类别') return r.pick(['流失招揽', '首保提醒', '定保提醒']);
  if (h === '录音') return r.pick(['有', '无']);
  if (h === '回访渠道') return r.pick(['电话', '短信', '微信']);
  if (h === '客户满意度') return r.pick(['满意', '基本满意', '不满意']);
  if (h === '工单号') return `RO${r.int(20260000, 20269999)}${r.int(10, 99)}`;
  if (h === '天气') return r.pick(['晴', '雨', '阴']);
  if (h === '停留时长') return `${r.int(5, 120)}分钟`;
  if (h === '是否首次') return r.pick(['是', '否']);
  if (h === '客户性质') return r.pick(['个人', '公司']);
  if (h === '意向颜色') return r.pick(V.COLORS);
  if (h === '预算区间') return r.pick(['10-15万', '15-20万', '20万以上']);
  return r.pick(['', '老客户', '已提醒', '无']);
}

function calls(ctx: Ctx, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const { r } = ctx;
  const b = new SheetBuilder(r, ctx.style, 'calls', r.chance(0.12));
  const F = ctx.fmt;
  const layout = ctx.style.layout(r, 'calls', ctx.dealer);
  const keyMode = r.pick(['vin', 'plate', 'phone', 'vin+plate', 'plate+phone', 'all']);
  const dateStyle = r.int(0, F.dateStyles - 1);
  const phoneStyle = r.int(0, F.phoneStyles - 1);
  const n = r.int(8, 25);
  const veh = ctx.vehicles;
  const plateStyle = F.plateStyle(r);
  const pickV = Array.from({ length: n }, () => r.int(0, veh.length - 1));
  const cdate = pickV.map(() => V.randomDate(r, { y: 2026, m: 1, d: 1 }, ANALYSIS));
  const G = layout.twoRow;
  const gK = G && r.chance(0.8) ? r.pick(['客户信息', '车辆信息']) : null;
  const gR = G && r.chance(0.8) ? r.pick(['回访信息', '招揽情况']) : null;
  const gI = G && r.chance(0.8) ? r.pick(['邀约情况', '预约信息']) : null;
  const cols: Col[] = [];
  const key: KeyField[] = ['callDate', 'result'];
  const add = (field: string, group: string | null, value: (i: number) => Cell, isKey = false): void => {
    cols.push({ field, header: b.header(field, isKey), group, value });
  };
  add('callDate', gR, (i) => F.date(r, cdate[i], dateStyle), true);
  const codes = ctx.style.resultCodeChance ? r.chance(ctx.style.resultCodeChance) : false;
  if (codes) ctx.resultCodesUsed = true;
  add('result', gR, () => (codes ? RESULT_CODES_V5[r.pick(V.CALL_RESULTS)] : r.pick(V.CALL_RESULTS)), true);
  if (keyMode === 'vin' || keyMode === 'vin+plate' || keyMode === 'all') { add('vin', gK, (i) => veh[pickV[i]].vin, true); key.push('vin'); }
  if (keyMode.includes('plate') || keyMode === 'all') { add('plate', gK, (i) => F.plate(veh[pickV[i]].plate, plateStyle), true); key.push('plate'); }
  if (keyMode.includes('phone') || keyMode === 'all') { add('phone', gK, () => F.phone(r, phoneStyle), true); key.push('phone'); }
  if (r.chance(0.6)) add('name', gK, (i) => veh[pickV[i]].name);
  if (r.chance(0.75)) add('reason', gR, () => (r.chance(0.3) ? '' : r.pick(V.CHURN_REASONS)));
  if (r.chance(0.4)) add('destination', gR, () => r.pick(V.DESTINATIONS));
  if (r.chance(0.5)) add('invited', gI, () => r.pick(V.YES_NO));
  if (r.chance(0.35)) add('appointmentDate', gI, (i) => (r.chance(0.5) ? '' : F.date(r, V.randomDate(r, cdate[i], { y: 2026, m: 12, d: 31 }), dateStyle)));
  if (r.chance(0.3)) add('returnDate', gI, (i) => (r.chance(0.6) ? '' : F.date(r, V.randomDate(r, cdate[i], { y: 2026, m: 12, d: 31 }), dateStyle)));
  if (r.chance(0.6)) add('caller', gR, () => V.personName(r));
  const extras = r.int(0, 3);
  for (let k = 0; k < extras; k++) {
    const h = b.extra();
    if (!h) break;
    cols.push({ field: null, header: h, group: r.pick([gK, gR]), value: (i) => extraValue(r, h, cdate[i]) });
  }
  addV2Columns(ctx, 'calls', cols, [gK, gR]);
  return render(r, name, 'calls', cols, n, layout, `key:${keyMode}`, key);
}

function register(ctx: Ctx, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const { r } = ctx;
  const b = new SheetBuilder(r, ctx.style, 'register', r.chance(0.08));
  const F = ctx.fmt;
  const layout = ctx.style.layout(r, 'register', ctx.dealer);
  const ticks = r.chance(0.45);
  // The seed's form: 来电(店) merged over 来电 | 来店 — ticked registers are often two-row.
  if (ticks && r.chance(0.5)) layout.twoRow = true;
  const dateStyle = r.int(0, F.dateStyles - 1);
  const timeStyle = r.int(0, F.timeStyles - 1);
  const phoneStyle = r.int(0, F.phoneStyles - 1);
  const n = r.int(8, 25);
  const dates = Array.from({ length: n }, () => V.randomDate(r, { y: 2026, m: 9, d: 1 }, ANALYSIS));
  const isCall = dates.map(() => r.chance(0.4));
  const G = layout.twoRow;
  const gC = G && r.chance(0.6) ? '客户信息' : null;
  const gJ = G && r.chance(0.6) ? r.pick(['接待情况', '跟进情况']) : null;
  const cols: Col[] = [];
  const key: KeyField[] = ['date', 'time', 'callVisit'];
  const add = (field: string, group: string | null, value: (i: number) => Cell, isKey = false): void => {
    cols.push({ field, header: b.header(field, isKey), group, value });
  };
  add('date', null, (i) => F.date(r, dates[i], dateStyle), true);
  add('time', null, () => F.time(r, timeStyle), true);
  const tick = r.pick(['√', '✓', '1', '是', '■']);
  if (ticks) {
    const label = layout.twoRow ? b.pickFrom(ctx.style.tickGroup) : null;
    add('callMark', label, (i) => (isCall[i] ? tick : ''), true);
    add('visitMark', label, (i) => (isCall[i] ? '' : tick), true);
  } else {
    const words = r.pick([['来电', '来店'], ['电话', '到店'], ['来电', '展厅']]);
    add('contactType', null, (i) => (isCall[i] ? words[0] : words[1]), true);
  }
  if (r.chance(0.9)) add('name', gC, () => (r.chance(0.3) ? `${V.personName(r)[0]}${r.pick(['先生', '女士'])}` : V.personName(r)));
  if (r.chance(0.6)) add('gender', gC, () => r.pick(['男', '女']));
  if (r.chance(0.85)) add('phone', gC, () => missingOr(r, () => F.phone(r, phoneStyle), 0.2, F.missing));
  if (r.chance(0.4)) add('address', gC, () => V.address(r));
  if (r.chance(0.8)) add('intendedModel', gJ, () => `${V.model(r)}${r.chance(0.5) ? `(${r.pick(['一周内', '一个月内', '三个月内', '待定'])})` : ''}`);
  if (r.chance(0.7)) add('source', gJ, () => r.pick(V.SOURCES));
  if (r.chance(0.6)) add('process', gJ, () => r.pick(V.PROCESSES));
  if (r.chance(0.6)) add('level', gJ, () => (F.level ? F.level(r) : r.pick(V.LEVELS)));
  if (r.chance(0.5)) add('closure', gJ, () => r.pick(V.CLOSURES));
  if (r.chance(0.7)) add('consultant', gJ, () => V.personName(r));
  if (r.chance(0.5)) add('remarks', null, () => r.pick(['', '', '老客户介绍', '再联系']));
  if (r.chance(0.25)) add('testDrive', gJ, () => r.pick(['是', '否', '√', '']));
  if (r.chance(0.2)) add('quote', gJ, () => r.pick(['是', '否', '√', '']));
  if (r.chance(0.2)) add('order', gJ, () => r.pick(['是', '否', '']));
  const extras = r.int(0, 2);
  for (let k = 0; k < extras; k++) {
    const h = b.extra();
    if (!h) break;
    cols.push({ field: null, header: h, group: null, value: (i) => extraValue(r, h, dates[i]) });
  }
  addV2Columns(ctx, 'register', cols, [gC, gJ]);
  return render(r, name, 'register', cols, n, layout, ticks ? 'ticks' : 'words', key);
}

function prospects(ctx: Ctx, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const { r } = ctx;
  const b = new SheetBuilder(r, ctx.style, 'prospects', r.chance(0.08));
  const F = ctx.fmt;
  const layout = ctx.style.layout(r, 'prospects', ctx.dealer);
  const wide = r.chance(0.45);
  const dateStyle = r.int(0, F.dateStyles - 1);
  const phoneStyle = r.int(0, F.phoneStyles - 1);
  const hasId = r.chance(0.65);
  const np = r.int(4, 12);
  const people = Array.from({ length: np }, (_, k) => ({
    id: r.chance(0.5) ? `YX${2026}${String(1000 + k * 7 + r.int(0, 6))}` : 1000 + k * 3 + r.int(0, 2),
    name: V.personName(r),
    phone: F.phone(r, phoneStyle),
    created: V.randomDate(r, { y: 2026, m: 6, d: 1 }, { y: 2026, m: 9, d: 30 }),
  }));
  const cols: Col[] = [];
  const key: KeyField[] = ['prospectKey', 'followDate', 'level'];
  const prospectKey = hasId ? 'prospectId' : 'phone';
  const G = layout.twoRow;
  const gC = G && r.chance(0.6) ? '客户信息' : null;
  const add = (field: string, group: string | null, value: (i: number) => Cell, isKey = false): void => {
    cols.push({ field, header: b.header(field, isKey), group, value });
  };
  if (!wide) {
    // one row per follow-up, rows in any order
    const rowsOf: { p: number; k: number; date: V.Ymd }[] = [];
    for (let p = 0; p < np; p++) {
      const nf = r.int(1, 4);
      let d = people[p].created;
      for (let k = 0; k < nf; k++) {
        d = V.randomDate(r, d, { y: Math.min(d.y + 1, 2026), m: d.y + 1 > 2026 ? 10 : d.m, d: d.y + 1 > 2026 ? 31 : d.d });
        rowsOf.push({ p, k, date: d });
      }
    }
    const rows = r.chance(0.5) ? r.shuffle(rowsOf) : rowsOf;
    const gF = G && r.chance(0.8) ? r.pick(['跟进记录', '跟踪情况']) : null;
    if (hasId) add('prospectId', gC, (i) => people[rows[i].p].id, true);
    add('phone', gC, (i) => people[rows[i].p].phone, !hasId);
    if (r.chance(0.9)) add('name', gC, (i) => people[rows[i].p].name);
    add('followDate', gF, (i) => F.date(r, rows[i].date, dateStyle), true);
    add('level', gF, () => (F.level ? F.level(r) : r.pick(V.LEVELS)), true);
    if (r.chance(0.7)) add('followMethod', gF, () => r.pick(V.METHODS));
    if (r.chance(0.8)) add('followResult', gF, () => r.pick(V.FOLLOW_RESULTS));
    if (r.chance(0.5)) add('nextDate', gF, (i) => F.date(r, V.randomDate(r, rows[i].date, { y: 2026, m: 12, d: 31 }), dateStyle));
    if (r.chance(0.5)) add('defeatReason', null, () => (r.chance(0.7) ? '' : r.pick(V.DEFEAT)));
    if (r.chance(0.3)) add('boughtInstead', null, () => (r.chance(0.7) ? '' : r.pick(V.BRANDS)));
    if (r.chance(0.6)) add('consultant', gC, () => V.personName(r));
    if (r.chance(0.4)) add('source', gC, () => r.pick(V.SOURCES));
    if (r.chance(0.5)) add('model', gC, () => V.model(r));
    if (r.chance(0.3)) add('createdDate', gC, (i) => F.date(r, people[rows[i].p].created, dateStyle));
    const extras = r.int(0, 2);
    for (let k = 0; k < extras; k++) {
      const h = b.extra();
      if (!h) break;
      cols.push({ field: null, header: h, group: null, value: () => extraValue(r, h, ANALYSIS) });
    }
    addV2Columns(ctx, 'prospects', cols, [gC, gF]);
    return render(r, name, 'prospects', cols, rows.length, layout, 'long', key, prospectKey);
  }
  // one row per prospect, numbered follow-up groups
  const ng = r.int(2, 5);
  const style = r.int(0, 5);
  const wordPick = r.int(0, 1);
  const withMethod = r.chance(0.6);
  // Two-row groups: the same sub-headers under every numbered group.
  const subs = ctx.style.groupSub;
  const subWords: Record<GroupPart, string> = { followDate: r.pick(subs.followDate), followMethod: r.pick(subs.followMethod), followResult: r.pick(subs.followResult) };
  if (hasId) add('prospectId', gC, (i) => people[i].id, true);
  add('phone', gC, (i) => people[i].phone, !hasId);
  if (r.chance(0.9)) add('name', gC, (i) => people[i].name);
  add('level', null, () => (F.level ? F.level(r) : r.pick(V.LEVELS)), true);
  if (r.chance(0.6)) add('consultant', null, () => V.personName(r));
  if (r.chance(0.4)) add('source', null, () => r.pick(V.SOURCES));
  if (r.chance(0.5)) add('model', null, () => V.model(r));
  if (r.chance(0.4)) add('createdDate', null, (i) => F.date(r, people[i].created, dateStyle));
  if (r.chance(0.4)) add('defeatReason', null, () => (r.chance(0.7) ? '' : r.pick(V.DEFEAT)));
  const dates = people.map((p) => {
    const out: (V.Ymd | null)[] = [];
    let d = p.created;
    const filled = r.int(1, ng);
    for (let k = 0; k < ng; k++) {
      if (k >= filled) { out.push(null); continue; }
      d = V.randomDate(r, d, { y: 2026, m: 10, d: 31 });
      out.push(d);
    }
    return out;
  });
  // The numbered groups stay together and in order, after the prospect's own columns.
  addV2Columns(ctx, 'prospects', cols, [gC]);
  const base = order(r, cols, layout.twoRow);
  const groupCols: Col[] = [];
  for (let g = 1; g <= ng; g++) {
    const parts: GroupPart[] = withMethod ? ['followDate', 'followMethod', 'followResult'] : ['followDate', 'followResult'];
    const label = layout.twoRow ? ctx.style.groupLabel(style, g) : null;
    for (const part of parts) {
      const header = layout.twoRow
        ? subWords[part]
        : decorate(ctx.style.groupHeader(style, g, part, wordPick), () => r.next());
      const value = part === 'followDate'
        ? (i: number): Cell => { const d = dates[i][g - 1]; return d ? F.date(r, d, dateStyle) : ''; }
        : part === 'followMethod'
          ? (i: number): Cell => (dates[i][g - 1] ? r.pick(V.METHODS) : '')
          : (i: number): Cell => (dates[i][g - 1] ? r.pick(V.FOLLOW_RESULTS) : '');
      groupCols.push({ field: `group${g}.${part}`, header, group: label, value });
    }
  }
  const all = [...base, ...groupCols];
  const groupDates = (ordered: Col[]): number[] => ordered.map((c, i) => (c.field && c.field.endsWith('.followDate') ? i : -1)).filter((i) => i >= 0);
  return render(r, name, 'prospects', all, np, layout, 'wide', key, prospectKey, groupDates, true);
}

function distractor(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const style = r.int(0, 2);
  let grid: Cell[][];
  if (style === 0) {
    grid = [['填表说明'], ['1. 本表由DMS导出,请勿修改表头'], ['2. 日期格式为 年/月/日'], ['3. 如有疑问请联系客服部'], ['制表人:张敏']];
  } else if (style === 1) {
    grid = [['地区', '台次', '占比'], ...['西安', '咸阳', '宝鸡', '渭南'].map((x) => [x, r.int(5, 90), `${r.int(5, 40)}%`] as Cell[]), ['合计', r.int(100, 300), '100%']];
  } else {
    grid = [];
  }
  return { sheet: { name, grid }, truth: { name, kind: null, shape: ['notes', 'summary', 'empty'][style], columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

/** v2 sheets that are no input: a data dictionary, a monthly pivot-like summary, a query-conditions sheet. */
function distractorV2(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const style = r.int(0, 2);
  let grid: Cell[][];
  if (style === 0) {
    grid = [['字段说明'], ['字段名', '说明'], ['VIN', '17位车辆识别代号'], ['末次工单日期', '最近一次结算的工单日期'], ['联系方式', '客户手机']];
  } else if (style === 1) {
    grid = [['月份', '进站台次', '流失台次', '流失率'], ...[7, 8, 9, 10].map((m) => [`2026年${m}月`, r.int(200, 900), r.int(20, 200), `${r.int(10, 40)}%`] as Cell[]), ['总计', r.int(1000, 3000), r.int(200, 600), '']];
  } else {
    grid = [['查询条件'], ['服务站', '全部'], ['日期从', '2026-01-01'], ['日期到', '2026-10-31'], ['导出人', 'admin']];
  }
  return { sheet: { name, grid }, truth: { name, kind: null, shape: ['dictionary', 'monthly', 'query'][style], columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

/** v3 sheets that are no input: a pivot-like status table per dealer, a dealer list, a cover sheet. */
function distractorV3(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const style = r.int(0, 2);
  let grid: Cell[][];
  if (style === 0) {
    grid = [['经销商', '活跃', '准流失', '流失', '彻底流失', '总计'], ...V.DEALERS.slice(0, 4).map((d) => [d, r.int(100, 900), r.int(50, 300), r.int(50, 300), r.int(20, 200), ''] as Cell[]), ['总计', '', '', '', '', '']];
  } else if (style === 1) {
    grid = [['经销商代码', '经销商名称', '省份', '城市', '开业日期'], ...V.DEALERS.slice(0, 5).map((d, i) => [`SX0${2910 + i}`, `${d}汽车销售服务有限公司`, '陕西', r.pick(['西安', '咸阳', '宝鸡']), V.dateCell(r, V.randomDate(r, { y: 2008, m: 1, d: 1 }, { y: 2020, m: 12, d: 31 }), 3)] as Cell[])];
  } else {
    grid = [['售后客户关系管理报表'], [''], ['编制单位:华西大区客服部'], ['报表期间:2026年10月'], ['本文件含客户个人信息,请勿外传']];
  }
  return { sheet: { name, grid }, truth: { name, kind: null, shape: ['pivot', 'dealer list', 'cover'][style], columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

/** v4 sheets that are no input: a code dictionary, a pivot table left over from an analysis, instructions. */
function distractorV4(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const style = r.int(0, 2);
  let grid: Cell[][];
  if (style === 0) {
    grid = [['代码', '名称', '说明'], ['01', '接通', '客户本人接听'], ['02', '无人接听', '响铃6声以上'], ['03', '空号', ''], ['04', '关机', ''], ['05', '拒接', '客户挂断'], ['99', '其他', '']];
  } else if (style === 1) {
    grid = [['计数项:车架号', '列标签'], ['行标签', '活跃', '流失', '总计'], ...V.MODELS.slice(0, 5).map((m) => { const a = r.int(5, 80); const b = r.int(5, 80); return [m, a, b, a + b] as Cell[]; }), ['(空白)', '', '', ''], ['总计', '', '', '']];
  } else {
    grid = [['使用说明'], ['1. 请勿修改"明细"表的表头和列顺序'], ['2. 最近进站日期为空表示从未回厂'], ['3. 电话请填写11位手机号'], ['4. 有疑问请联系CRM专员 分机8021']];
  }
  return { sheet: { name, grid }, truth: { name, kind: null, shape: ['code dictionary', 'pivot leftover', 'instructions'][style], columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

/** v5 sheets that are no input: the report's parameter sheet, a cover, a monthly count by advisor. */
function distractorV5(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet } {
  const style = r.int(0, 2);
  let grid: Cell[][];
  if (style === 0) {
    grid = [['報表參數'], ['據點', '全部'], ['起始日', '20260101'], ['截止日', '20261031'], ['執行者', 'SYS01']];
  } else if (style === 1) {
    grid = [['【客戶關係管理系統】'], [''], ['報表輸出'], ['機密等級：內部'], ['本報表含個人資料，請妥善保管']];
  } else {
    grid = [['服務專員', '入廠台次', '電訪筆數', '流失筆數'], ...['王小明', '陳美玲', '林志豪'].map((x) => [x, r.int(50, 400), r.int(10, 90), r.int(5, 60)] as Cell[]), ['合　計', '', '', '']];
  }
  return { sheet: { name, grid }, truth: { name, kind: null, shape: ['parameters', 'cover', 'advisor counts'][style], columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

/** The legend sheet of the v5 result codes (a workbook whose call log writes codes carries it). */
function resultLegendV5(name: string): { sheet: SheetInput; truth: TruthSheet } {
  const grid: Cell[][] = [['電訪結果代碼說明'], ['代碼', '說明'], ...RESULT_LEGEND_V5.map(([c, t]) => [c, t] as Cell[])];
  return { sheet: { name, grid }, truth: { name, kind: null, shape: 'code legend', columns: {}, headers: {}, keyFields: [], headerRows: 0, firstDataRow: 0 } };
}

const NAMES_V2: Record<SheetKind | 'other', string[]> = {
  customers: ['车辆档案', '基盘车辆', 'Vehicle List', 'Export', '查询结果'],
  calls: ['客服回访', '回访明细表', 'Contact Log', 'Export', '查询结果'],
  register: ['客流登记', '展厅接待', 'Walk-ins', 'Export', '查询结果'],
  prospects: ['潜客跟进', '线索跟进', 'Leads Log', 'Export', '查询结果'],
  other: ['字段说明', '月度汇总', '查询条件'],
};

const NAMES: Record<SheetKind | 'other', { en: string[]; zh: string[] }> = {
  customers: { en: ['Customers', 'Customer Base', 'Base', 'Vehicles'], zh: ['保有客户', '基盘客户明细', '客户档案', '保有客户明细'] },
  calls: { en: ['Call Log', 'Follow-up', 'Calls', 'Winback'], zh: ['回访记录', '招揽记录', '流失回访', '回访明细'] },
  register: { en: ['Showroom', 'Traffic Log', 'Register'], zh: ['展厅来电登记', '来店登记', '展厅登记表'] },
  prospects: { en: ['Prospects', 'Leads', 'Follow-up Cards'], zh: ['意向客户跟踪卡', '意向客户', '潜客跟进'] },
  other: { en: ['Notes', 'Summary', 'Sheet9'], zh: ['说明', '汇总', '统计'] },
};

/**
 * A split's descriptor: everything its workbooks do differently (wordings, value styles, layouts, extra columns,
 * sheets that are no input, sheet names, its own random stream). The generator's code is shared by every split and
 * reads only this; a new split is a new entry. The seed range and the env flag of a held-out split are in
 * heldOutSplit.ts (HeldOutSplit), which its test hands to the shared checks.
 */
export interface SplitStyle {
  /** Added to the seed's stream, so each split draws its own workbooks. */
  salt: number;
  fmt: Fmt;
  /** The pool a header of this field is drawn from (a split's own list for key fields). */
  headerPool(r: Rng, kind: SheetKind, field: string, key: boolean): readonly string[];
  extraColumns(kind: SheetKind): readonly string[];
  layout(r: Rng, kind: SheetKind, dealer: string): Layout;
  /** The merged label above the two tick columns of a register. */
  tickGroup: readonly string[];
  /** Wide prospect cards: one-row headers, group labels and sub-headers of the numbered groups. */
  groupHeader(style: number, n: number, part: GroupPart, wordPick: number): string;
  groupLabel(style: number, n: number): string;
  groupSub: Record<GroupPart, readonly string[]>;
  /** Columns added to every sheet after its fields and extras. */
  addColumns(ctx: Ctx, kind: SheetKind, cols: Col[], groups: (string | null)[]): void;
  distractorChance: number;
  distractor(r: Rng, name: string): { sheet: SheetInput; truth: TruthSheet };
  /** Naming schemes drawn per workbook (see sheetName). */
  namings: readonly string[];
  /** Share of customer sheets with no vehicle key column (the phone only). */
  phoneOnlyChance: number;
  /** v5: share of call logs writing results as codes (the workbook then gets a legend sheet); absent: never. */
  resultCodeChance?: number;
  /** v5: share of workbooks whose customer base is split in two sheets by purchase year; absent: never. */
  yearSplitChance?: number;
}

const GROUP_SUB_V1: Record<GroupPart, readonly string[]> = {
  followDate: ['日期', '跟进日期', '时间'],
  followMethod: ['方式', '跟进方式'],
  followResult: ['结果', '跟进结果', '情况'],
};

const v1Style = (split: 'seen' | 'heldOut', salt: number): SplitStyle => ({
  salt,
  fmt: FMT_V1,
  headerPool(r, kind, field, key) {
    const g = GRAMMAR[kind][field];
    const useHeld = split === 'heldOut' && (key || r.chance(0.5)) && g.heldOut.length > 0;
    return useHeld ? g.heldOut : g.seen;
  },
  extraColumns: (kind) => EXTRA_COLUMNS[kind],
  layout: layoutFor,
  tickGroup: split === 'heldOut' ? TICK_GROUP.heldOut : TICK_GROUP.seen,
  groupHeader: (style, n, part, w) => groupHeader(split, style, n, part, w),
  groupLabel: (style, n) => groupLabel(split, style, n),
  groupSub: GROUP_SUB_V1,
  addColumns: () => undefined,
  distractorChance: 0.2,
  distractor,
  namings: ['sheetN', 'sheetN', 'en', 'zh', 'zh'],
  phoneOnlyChance: 0,
});

/** The descriptors of every split. */
export const SPLIT_STYLES: Record<Split, SplitStyle> = {
  seen: v1Style('seen', 0),
  heldOut: v1Style('heldOut', 104729),
  v2: {
    salt: 1299709,
    fmt: FMT_V2,
    headerPool(r, kind, field, key) {
      // v2: key fields always a v2 wording; other fields half of the time (when they have one), else either list.
      const g = GRAMMAR[kind][field];
      const v2 = GRAMMAR_V2[kind][field];
      if (v2 && v2.length && (key || r.chance(0.5))) return v2;
      return g.heldOut.length && r.chance(0.5) ? g.heldOut : g.seen;
    },
    extraColumns: (kind) => [...EXTRA_COLUMNS[kind], ...EXTRA_COLUMNS_V2[kind]],
    layout: layoutForV2,
    tickGroup: TICK_GROUP_V2,
    groupHeader: groupHeaderV2,
    groupLabel: groupLabelV2,
    groupSub: GROUP_SUB_V2,
    addColumns: addSubtotalColumnsV2,
    distractorChance: 0.3,
    distractor: distractorV2,
    namings: ['sheetN', 'sheet0', 'v2', 'v2'],
    phoneOnlyChance: 0,
  },
  v3: {
    salt: 15485863,
    fmt: FMT_V3,
    headerPool(r, kind, field, key) {
      // v3: key fields always a v3 wording; other fields half of the time (when they have one), else any earlier list.
      const g = GRAMMAR[kind][field];
      const v3 = GRAMMAR_V3[kind][field];
      if (v3 && v3.length && (key || r.chance(0.5))) return v3;
      const v2 = GRAMMAR_V2[kind][field];
      return r.pick([g.seen, ...(g.heldOut.length ? [g.heldOut] : []), ...(v2 && v2.length ? [v2] : [])]);
    },
    extraColumns: (kind) => [...EXTRA_COLUMNS[kind], ...EXTRA_COLUMNS_V3[kind]],
    layout: layoutForV3,
    tickGroup: TICK_GROUP_V3,
    groupHeader: groupHeaderV3,
    groupLabel: groupLabelV3,
    groupSub: GROUP_SUB_V3,
    addColumns: addV3Columns,
    distractorChance: 0.3,
    distractor: distractorV3,
    namings: ['report', 'v3', 'v3', 'sheetN'],
    phoneOnlyChance: 0,
  },
  v4: {
    salt: 32452843,
    fmt: FMT_V4,
    headerPool(r, kind, field, key) {
      // v4: key fields always a v4 wording; other fields half of the time (when they have one), else any earlier list.
      const g = GRAMMAR[kind][field];
      const v4 = GRAMMAR_V4[kind][field];
      if (v4 && v4.length && (key || r.chance(0.5))) return v4;
      const earlier = [GRAMMAR_V2[kind][field], GRAMMAR_V3[kind][field]].filter((x): x is readonly string[] => !!x && x.length > 0);
      return r.pick([g.seen, ...(g.heldOut.length ? [g.heldOut] : []), ...earlier]);
    },
    extraColumns: (kind) => [...EXTRA_COLUMNS[kind], ...EXTRA_COLUMNS_V4[kind]],
    layout: layoutForV4,
    tickGroup: TICK_GROUP_V4,
    groupHeader: groupHeaderV4,
    groupLabel: groupLabelV4,
    groupSub: GROUP_SUB_V4,
    addColumns: (ctx, kind, cols) => addV4Columns(ctx, kind, cols),
    distractorChance: 0.35,
    distractor: distractorV4,
    namings: ['sheetN', 'sheetN', 'v4', 'v4'],
    phoneOnlyChance: 0.12,
  },
  v5: {
    salt: 49979687,
    fmt: FMT_V5,
    headerPool(r, kind, field, key) {
      // v5: key fields always a v5 wording; other fields half of the time (when they have one), else any earlier list.
      const g = GRAMMAR[kind][field];
      const v5 = GRAMMAR_V5[kind][field];
      if (v5 && v5.length && (key || r.chance(0.5))) return v5;
      const earlier = [GRAMMAR_V2[kind][field], GRAMMAR_V3[kind][field], GRAMMAR_V4[kind][field]].filter((x): x is readonly string[] => !!x && x.length > 0);
      return r.pick([g.seen, ...(g.heldOut.length ? [g.heldOut] : []), ...earlier]);
    },
    extraColumns: (kind) => [...EXTRA_COLUMNS[kind], ...EXTRA_COLUMNS_V5[kind]],
    layout: layoutForV5,
    tickGroup: TICK_GROUP_V5,
    groupHeader: groupHeaderV5,
    groupLabel: groupLabelV5,
    groupSub: GROUP_SUB_V5,
    addColumns: (ctx, kind, cols) => addV5Columns(ctx, kind, cols),
    distractorChance: 0.3,
    distractor: distractorV5,
    namings: ['sheetN', 'v5', 'v5', 'v5'],
    phoneOnlyChance: 0.05,
    resultCodeChance: 0.4,
    yearSplitChance: 0.25,
  },
};

/** One workbook of the given split, reproducible from its seed. */
export function generateWorkbook(seed: number, split: Split): GeneratedWorkbook {
  const style = SPLIT_STYLES[split];
  const r = new Rng(seed * 7919 + style.salt);
  const dealer = r.pick(V.DEALERS);
  const nv = 40;
  const vehicles = Array.from({ length: nv }, () => ({ vin: V.vin(r), plate: V.plate(r), phone: V.phoneDigits(r), name: V.personName(r) }));
  const ctx: Ctx = { r, split, style, fmt: style.fmt, dealer, vehicles };
  const x = r.next();
  let kinds: SheetKind[];
  if (x < 0.35) kinds = ['customers', 'calls'];
  else if (x < 0.5) kinds = ['customers'];
  else if (x < 0.65) kinds = ['register', 'prospects'];
  else if (x < 0.7) kinds = ['register'];
  else if (x < 0.75) kinds = ['prospects'];
  else if (x < 0.9) kinds = ['customers', 'calls', 'register', 'prospects'];
  else kinds = ['customers', 'calls', r.pick(['register', 'prospects'] as SheetKind[])];
  const withDistractor = r.chance(style.distractorChance);
  const all: (SheetKind | null)[] = r.shuffle([...kinds, ...(withDistractor ? [null] : [])]);
  const naming = r.pick(style.namings);
  // v5: the customer base in two sheets, vehicles bought before 2020 and from 2020 on (drawn only by v5)
  const yearSplit = style.yearSplitChance && kinds.includes('customers') && r.chance(style.yearSplitChance) ? r.pick(YEAR_SPLIT_NAMES_V5) : null;
  if (yearSplit) all.splice(all.indexOf('customers') + 1, 0, 'customers');
  let customerPart = 0;
  const used = new Set<string>();
  const out: GeneratedWorkbook = { seed, split, sheets: [], truth: [] };
  all.forEach((k, i) => {
    let name = naming === 'sheetN' ? `Sheet${i + 1}`
      : naming === 'sheet0' ? `Sheet${i}`
        : naming === 'v2' ? r.pick(NAMES_V2[k ?? 'other'])
          : naming === 'v3' ? r.pick(NAMES_V3[k ?? 'other'])
            : naming === 'v4' ? r.pick(NAMES_V4[k ?? 'other'])
            : naming === 'v5' ? r.pick(NAMES_V5[k ?? 'other'])
            : naming === 'report' ? `Report${i + 1}`
          : r.pick(NAMES[k ?? 'other'][naming === 'en' ? 'en' : 'zh']);
    if (yearSplit && k === 'customers') name = yearSplit[customerPart];
    while (used.has(name)) name = `${name}${i + 1}`;
    used.add(name);
    const part = k === 'customers' && yearSplit ? customerPart++ : -1;
    const made = k === null ? style.distractor(r, name)
      : k === 'customers' && part >= 0 ? customers(part === 0
        ? { ...ctx, vehicles: vehicles.slice(0, 20), purchaseRange: [{ y: 2014, m: 1, d: 1 }, { y: 2019, m: 12, d: 31 }] }
        : { ...ctx, vehicles: vehicles.slice(20), purchaseRange: [{ y: 2020, m: 1, d: 1 }, { y: 2026, m: 6, d: 30 }] }, name)
      : k === 'customers' ? customers(ctx, name)
        : k === 'calls' ? calls(ctx, name)
          : k === 'register' ? register(ctx, name)
            : prospects(ctx, name);
    out.sheets.push(made.sheet);
    out.truth.push(made.truth);
  });
  if (ctx.resultCodesUsed) {
    const legend = resultLegendV5(used.has('代碼說明') ? '結果代碼' : '代碼說明');
    out.sheets.push(legend.sheet);
    out.truth.push(legend.truth);
  }
  return out;
}
