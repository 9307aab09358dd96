/**
 * Row classification below the header: blank rows, rows that are not records (titles, dealer lines, totals,
 * subtotals, record counts, footers and signature lines, page numbers) and repeated header rows are not data.
 *
 * A label cell is recognised by its own text, wherever it stands in the row, in three strengths:
 * - a pure label (合计, 总计:, 小计 1,200, 共 1,983 条, 记录数:1983, 第1页 共3页, Total: 12) makes the row a non-record
 *   anywhere: such a cell says nothing else;
 * - a labelled line (合计金额:12000, 制表人:张三, 打印日期:2026-11-01, 负责人签字:) makes the row a non-record in the
 *   first three cells, when the row carries two such labels, or when the row is mostly empty;
 * - a weak label (审核 李四, 制表 王五, a title ending in 明细表, a dealer line 经销商:XX店, a line starting 截至 …)
 *   counts only in a mostly empty row.
 * A record's free text that merely mentions a word (累计3次未接通, 客户说总计花费太高, 审核通过) is none of these.
 */
import { isBlank } from '../values/isBlank';
import { toHalfWidth } from '../values/halfWidth';
import { foldTraditionalHeader, traditionalHeaderPairs } from './traditionalHeaders';

/** How many leading cells are looked at for a labelled line (a totals label with text after it). */
const TOTALS_LABEL_CELLS = 3;
/** Labels longer than this are text that merely mentions a total, not a totals label (first-cells rule). */
const MAX_LABEL_CHARS = 12;
/** Cells longer than this are never label cells (a title may be longer: it is only looked for in sparse rows). */
const MAX_LABEL_CELL_CHARS = 60;
/**
 * Tested on the raw cell (no normalisation, no allocation: this runs on every row). Spaces inside the word
 * (合 计) and full-width spaces are allowed; English labels must start the cell.
 */
const TOTALS_LABEL = /合[\s\u3000]*计|总[\s\u3000]*计|小[\s\u3000]*计|汇[\s\u3000]*总|共[\s\u3000]*计|^[\s\u3000]*(?:sub[\s-]*)?(?:grand[\s-]*)?(?:total|sum)\b/i;

/** Spaces (also inside words: 合 计), as a regex fragment. */
const S = '[\\s\\u3000]*';
const spaced = (words: readonly string[]): string => words.map((w) => [...w].join(S)).join('|');

const TOTAL_WORDS = ['总合计', '合计', '总计', '小计', '共计', '汇总', '累计', '总数', '总量', '总条数', '总台数', '总台次', '记录数', '条数', '总记录数', '记录总数'];
const TOTAL_PREFIX = '(?:本页|本月|本周|本日|本年|本期|当月|当日|当页|全部|全店|全年|各项|月度|年度)?';
/** A count or an amount after a totals word: 1,983 / 1983条 / 12.5万 / (辆) 35 / 1983 条记录. */
const AMOUNT = `(?:${S}[(（][^)）]{0,8}[)）])?(?:${S}[-+]?[\\d][\\d,.\\s]*(?:万|千)?${S}(?:条|行|辆|台|人|户|个|笔|次|位|名|项|家|单|元|km|公里)?${S}(?:记录|数据|客户|车辆)?)?`;
/** Pure labels: the cell holds a totals word, optionally a colon and a count; or a count line; or a page number. */
const PURE_LABEL = new RegExp(
  [
    `^${TOTAL_PREFIX}(?:${spaced(TOTAL_WORDS)})${S}[:：]?${AMOUNT}${S}[)）]?$`,
    // 共 1,983 条, 共计:1983条记录, 总共 12 辆, 一共12人
    `^(?:共|共计|总共|一共|合计)${S}[:：]?${S}[\\d][\\d,.\\s]*${S}(?:条|行|辆|台|人|户|个|笔|次|位|名|项|家|单)${S}(?:记录|数据|客户|车辆)?${S}$`,
    // 第 1 页 共 3 页, 共 3 页, 第1/3页
    `^(?:第${S}\\d+${S}(?:[/／]${S}\\d+${S})?页)?${S}(?:[,，]${S})?(?:共${S}\\d+${S}页)?$`,
    // Total, Grand total: 12, Subtotal 1,200, Total records: 1983, Count: 12
    `^(?:grand\\s*)?(?:sub[\\s-]*)?(?:total|sum|count|records?)(?:\\s*(?:records|rows|items|vehicles|calls|visits|count))?\\s*:?\\s*(?:[\\d][\\d,.\\s]*)?(?:\\s*(?:records|rows|items|vehicles|calls|visits))?$`,
    `^page\\s*\\d+(?:\\s*(?:of|/)\\s*\\d+)?$`,
  ].join('|'),
  'i',
);

/** Footer words: who made, checked, approved or printed the table, and when. */
const FOOTER_WORDS = [
  '制表人', '制表', '制单人', '制单', '填表人', '填表', '填报人', '填报', '审核人', '审核', '复核人', '复核', '审批人', '审批', '批准人',
  '批准', '核准', '经办人', '打印人', '打印日期', '打印时间', '制表日期', '制表时间', '填表日期', '填报日期', '报表日期', '导出日期',
  '导出时间', '导出人', '统计人', '统计日期', '统计时间', '统计员',
];
/** Roles that sign a sheet: a label only with 签字/签名/签章 or a colon (a caller column may hold 店长). */
const SIGNER_WORDS = ['负责人', '经理', '主管', '店长', '站长', '总经理', '服务经理', '客服经理', '客服主管', '部门经理', '销售经理', '财务'];
const SIGN = '(?:签字|签名|签章|签认|确认|盖章|意见)';
/** A labelled line: a totals word with a word or text after it, or a footer/signer label with a colon. */
const LABELLED_LINE = new RegExp(
  [
    `^${TOTAL_PREFIX}(?:${spaced(TOTAL_WORDS)})${S}(?:[\\u4e00-\\u9fa5]{1,4}${S})?(?:[(（][^)）]{0,8}[)）]${S})?[:：]`,
    `^(?:${spaced(FOOTER_WORDS)})${S}${SIGN}?${S}[:：]`,
    `^(?:${spaced(FOOTER_WORDS)})${S}${SIGN}?${S}$`,
    `^(?:${spaced(SIGNER_WORDS)})${S}(?:${SIGN}${S}[:：]?|[:：])`,
    `^(?:签字|签名|签章|盖章|签字确认|签名确认)${S}(?:[:：]|[)）]?$)`,
    `^(?:prepared|printed|checked|reviewed|approved|audited|compiled|exported|verified|made|signed)(?:\\s+(?:by|on|at|date))?\\s*:`,
    `^(?:signature|sign|print date|printed|date printed)\\s*:`,
  ].join('|'),
  'i',
);
/** Weak labels: a footer word followed by a name (审核 李四), a dealer line, a date-range line. */
const WEAK_LABEL = new RegExp(
  [
    `^(?:${spaced(FOOTER_WORDS)})${S}${SIGN}?\\s+\\S`,
    `^(?:经销商|经销商名称|经销商代码|单位|单位名称|填报单位|制表单位|公司|公司名称|店名|门店|服务站|网点|dealer|company)${S}[:：]`,
    `^(?:截至|截止|统计日期|统计期间|统计时间|统计范围|报表日期|报表期间|日期范围|查询日期|查询条件|导出条件|数据期间|as of|period)`,
  ].join('|'),
  'i',
);
/** Anywhere in a cell of a mostly empty row: a footer label after other text (XX有限公司 制表人:王五). */
const CONTAINED_LABEL = new RegExp(`(?:${spaced(FOOTER_WORDS)}|${spaced(SIGNER_WORDS)}|签字|签名|盖章)${S}${SIGN}?${S}[:：]|(?:${spaced(['合计', '总计', '小计', '共计'])})${S}[:：]`);
/** A title line: ends in 明细表, 统计表, 报表, 清单 … (optionally followed by a bracketed period). */
const TITLE_LINE = /(?:明细表|明细|统计表|报表|登记表|记录表|汇总表|一览表|台账|清单|名单|列表)[\s\u3000]*(?:[(（][^)）]*[)）])?[\s\u3000]*$/;

/** Decoration before a label: 【合计】, ※ 合计, ——合计——, * 合计 *, ■ 制表人. */
const LEAD_DECORATION = /^[\s\u3000*※★☆■□●○◆◇▲△>→【[(（「『<《—–\-=_#~·.。、,，]+/;
const TRAIL_DECORATION = /[\s\u3000*※★☆】」』>》—–\-=_#~]+$/;

/**
 * First characters a label can start with (after decoration), so most cells are rejected with one lookup.
 * Chinese: the first characters of the word lists above; English: t(otal) s(ub, um, ign) g(rand) c(ount, hecked)
 * r(ecords, eviewed) p(age, repared, rinted) a(pproved, udited) v(erified) m(ade) e(xported) d(ealer, ate) o
 * (not needed) …
 */
const LABEL_FIRST = new Set<number>();
for (const w of [...TOTAL_WORDS, ...FOOTER_WORDS, ...SIGNER_WORDS, '本', '当', '全', '各', '月', '年', '共', '一', '第', '签', '盖', '经', '单', '公', '店', '门', '服', '网', '截', '统', '报', '日', '查', '导', '数', '填', '制']) {
  LABEL_FIRST.add(w.charCodeAt(0));
}
for (const ch of 'tsgcrpavmedTSGCRPAVMED') LABEL_FIRST.add(ch.charCodeAt(0));
// A label in traditional characters (總計, 製表人, 審核) starts with the traditional form of a first character; its
// text is folded to simplified before the label rules (labelText), so one vocabulary serves both scripts.
for (const [t, simplified] of traditionalHeaderPairs()) if (LABEL_FIRST.has(simplified.charCodeAt(0))) LABEL_FIRST.add(t.charCodeAt(0));

/** Label strengths, weakest first. */
const enum Label {
  None = 0,
  /** Counts only in a mostly empty row. */
  Weak = 1,
  /** Counts in the first cells, with a second label, or in a mostly empty row. */
  Line = 2,
  /** The row is no record wherever the cell stands. */
  Pure = 3,
}

/** The cell text with decoration removed, or '' when it cannot be a label (not text, too long, wrong first char). */
function labelText(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_LABEL_CELL_CHARS) return '';
  const c = v.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return ''; // numbers, dates, phones: the common case
  // Cheap path: the first character is already a letter or an ideograph (no decoration).
  if (isLetterOrIdeograph(c)) {
    return LABEL_FIRST.has(c) ? foldTraditionalHeader(toHalfWidth(v)).replace(TRAIL_DECORATION, '') : '';
  }
  const s = foldTraditionalHeader(toHalfWidth(v)).replace(LEAD_DECORATION, '');
  return s !== '' && LABEL_FIRST.has(s.charCodeAt(0)) ? s.replace(TRAIL_DECORATION, '') : '';
}

function isLetterOrIdeograph(c: number): boolean {
  return c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : c >= 0x4e00 && c <= 0x9fff;
}

/** Distinct texts whose label strength each memo below remembers, at most; later ones are worked out each time. */
const LABEL_MEMO_SIZE = 4096;
/**
 * Only texts shorter than this are remembered: V8 copies such a text when it is cut from a longer one, so a memo
 * key never keeps a large string (a sheet's XML) alive after the analysis. Labels that repeat are short.
 */
const LABEL_MEMO_CHARS = 13;
/**
 * Label strengths already worked out: by the cell itself when it starts with a label's first letter or ideograph
 * (an advisor SA-赵杰, a result 客户接听 repeat on row after row, and each would run labelText's replace and up to
 * three large regexes every time), and by the text labelText left for a decorated cell (√, 【合计】). Both are pure
 * functions of their key, so remembering them changes nothing.
 */
const labelOfCell = new Map<string, Label>();
const labelOfText = new Map<string, Label>();

/** How strongly one cell says "this row is no record". */
function labelOf(v: unknown): Label {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_LABEL_CELL_CHARS) return Label.None;
  const c = v.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return Label.None; // as labelText
  if (isLetterOrIdeograph(c)) {
    if (!LABEL_FIRST.has(c)) return Label.None; // as labelText
    if (v.length >= LABEL_MEMO_CHARS) return labelStrength(labelText(v));
    const known = labelOfCell.get(v);
    if (known !== undefined) return known;
    const label = labelStrength(labelText(v));
    if (labelOfCell.size < LABEL_MEMO_SIZE) labelOfCell.set(v, label);
    return label;
  }
  const s = labelText(v);
  if (s === '') return Label.None;
  if (s.length >= LABEL_MEMO_CHARS) return labelStrength(s);
  const known = labelOfText.get(s);
  if (known !== undefined) return known;
  const label = labelStrength(s);
  if (labelOfText.size < LABEL_MEMO_SIZE) labelOfText.set(s, label);
  return label;
}

/** The strength of a label text (labelText's result; '' is none). */
function labelStrength(s: string): Label {
  if (s === '') return Label.None;
  if (PURE_LABEL.test(s)) return s.trim() === '' ? Label.None : Label.Pure;
  if (LABELLED_LINE.test(s)) return Label.Line;
  if (WEAK_LABEL.test(s)) return Label.Weak;
  return Label.None;
}

/** True when every cell before `end` is blank (placeholders such as — count as blank). */
export function isBlankRow(row: readonly unknown[] | undefined, end: number): boolean {
  if (!row) return true;
  const n = Math.min(row.length, end);
  for (let c = 0; c < n; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** Cheap pre-check before the regex (this runs on every row): the label holds 计 or 总 (計, 總), or starts like an English one. */
function mayBeTotalsLabel(v: string): boolean {
  if (v.indexOf('计') >= 0 || v.indexOf('总') >= 0 || v.indexOf('計') >= 0 || v.indexOf('總') >= 0) return true;
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 32 || v.charCodeAt(i) === 0x3000)) i++;
  const c = v.charCodeAt(i) | 0x20; // lower-case ASCII letters
  return c === 0x74 /* t */ || c === 0x73 /* s */ || c === 0x67 /* g */;
}

/** A row holding at most this many non-blank cells (or a quarter of its width) is "mostly empty". */
function isSparse(nonBlank: number, width: number): boolean {
  return nonBlank <= Math.max(2, Math.floor(width / 4));
}

/**
 * True when the row is not a record: a totals or subtotal row, a record count, a footer or signature line, a
 * title or dealer line, a page number (see the file comment for the rules).
 * @example isNonRecordRow(['合计', '', 1200], 10) // true
 * @example isNonRecordRow(['', '', '', '', '共 1,983 条'], 10) // true
 * @example isNonRecordRow(['制表人:张三', '', '审核:李四', '', '打印日期:2026-11-01'], 10) // true
 * @example isNonRecordRow(['王先生', '13812345678', '累计3次未接通'], 10) // false
 */
export function isNonRecordRow(row: readonly unknown[], end: number): boolean {
  const n = Math.min(row.length, end);
  let labels = 0;
  let weak = 0;
  let nonBlank = 0;
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (v === '' || v === null || v === undefined) continue;
    if (typeof v !== 'string') {
      nonBlank++;
      continue;
    }
    if (isBlank(v)) continue;
    nonBlank++;
    // The first cells: any short text holding a totals word (合计, 本页小计, 张三 小计, Total …).
    if (c < TOTALS_LABEL_CELLS && v.length <= MAX_LABEL_CHARS && mayBeTotalsLabel(v) && TOTALS_LABEL.test(foldTraditionalHeader(v))) return true;
    const label = labelOf(v);
    if (label === Label.Pure) return true;
    if (label === Label.Line) {
      if (c < TOTALS_LABEL_CELLS || ++labels >= 2) return true;
    } else if (label === Label.Weak) weak++;
  }
  if (labels + weak === 0 && nonBlank > 3) return false;
  if (!isSparse(nonBlank, n)) return labels + weak >= 2 && labels >= 1;
  if (labels + weak > 0) return true;
  // A mostly empty row: a footer label after other text, or a title line.
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length < 2) continue;
    const s = foldTraditionalHeader(toHalfWidth(v));
    if (CONTAINED_LABEL.test(s)) return true;
    if (nonBlank <= 2 && s.length >= 4 && TITLE_LINE.test(s.trim())) return true;
  }
  return false;
}

/**
 * True when the row is not a record (kept under its first name: totals rows were the first such rows handled).
 * @example isTotalsRow(['合计', '', 1200], 10) // true
 */
export function isTotalsRow(row: readonly unknown[], end: number): boolean {
  return isNonRecordRow(row, end);
}

/**
 * True when the row repeats the header in the mapped columns (exports paged with the header on every page).
 * At least half of the mapped columns (and at least two, when two or more are mapped) must repeat.
 */
export function isRepeatedHeader(row: readonly unknown[], headers: readonly string[], mappedColumns: readonly number[]): boolean {
  const n = mappedColumns.length;
  if (n === 0) return false;
  const needed = Math.max(Math.min(2, n), Math.ceil(n / 2));
  let same = 0;
  for (let i = 0; i < n; i++) {
    const c = mappedColumns[i];
    const v = row[c];
    const h = headers[c];
    // Exact comparison first: trim() only when lengths differ (it allocates, and this runs on every row).
    if (typeof v === 'string' && h !== '' && (v === h || (v.length > h.length && v.trim() === h))) same++;
    if (same >= needed) return true;
    if (same + (n - 1 - i) < needed) return false; // cannot reach the threshold any more
  }
  return false;
}
