/**
 * Wide prospect cards: one row per prospect with numbered follow-up columns — 第1次跟进日期, 第1次跟进结果,
 * 跟进1日期, 1次跟踪时间, 第一次回访日期, 跟进日期1, Follow-up 1 date — grouped by their number.
 */
import { headerKey } from './normaliseHeader';
import type { FollowUpGroup } from './types';

type GroupField = keyof FollowUpGroup['columns'];

const NUMERAL = '[0-9一二三四五六七八九十两]+';
/** 第1次跟进日期 / 1次跟踪时间 / 第一次回访日期 / 第1次日期 */
const NTH_TIME = new RegExp(`^第?(${NUMERAL})次(?:跟进|跟踪|回访|联系|沟通)?(.*)$`);
/** 跟进1日期 / 跟踪2结果 / 回访3 */
const VERB_N = new RegExp(`^(?:跟进|跟踪|回访|联系)(${NUMERAL})(.*)$`);
/** 跟进日期1 / 跟踪结果2 (a trailing arabic number) */
const TRAILING_N = /^((?:跟进|跟踪|回访|联系).*?)(\d+)$/;
/** followup1date / follow up 2 result (normalised: spaces and dashes removed) */
const ENGLISH = /^(?:followup|follow)(\d+)(.*)$/;

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Arabic or Chinese numeral to a number (1–99), NaN when not one.
 * @example parseNumeral('十二') // 12
 */
export function parseNumeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && DIGIT[s] ? DIGIT[s] : NaN;
  const tens = ten === 0 ? 1 : DIGIT[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : DIGIT[rest];
  return tens && ones !== undefined && s.slice(0, ten).length <= 1 && rest.length <= 1 ? tens * 10 + ones : NaN;
}

/** Which group field the rest of a numbered header names. Next date is checked first: 下次跟进日期 holds 日期 too. */
function groupField(rest: string): GroupField | null {
  if (/下次|下一次|预约|计划|next/.test(rest)) return 'nextDate';
  if (/级别|等级|level|grade/.test(rest)) return 'level';
  if (/方式|渠道|method|way/.test(rest)) return 'followMethod';
  if (/结果|内容|情况|记录|描述|反馈|result|note|content/.test(rest)) return 'followResult';
  if (/日期|时间|date|time/.test(rest) || rest === '') return 'followDate';
  return null;
}

/** The group number and field a header names, or null. @example parseGroupHeader('第2次跟进结果') // { n: 2, field: 'followResult' } */
export function parseGroupHeader(header: unknown): { n: number; field: GroupField } | null {
  const key = headerKey(header);
  if (key === '') return null;
  let n = NaN;
  let rest = '';
  let m = NTH_TIME.exec(key);
  if (m) {
    n = parseNumeral(m[1]);
    rest = m[2];
  } else if ((m = VERB_N.exec(key))) {
    n = parseNumeral(m[1]);
    rest = m[2];
  } else if ((m = TRAILING_N.exec(key))) {
    n = Number(m[2]);
    rest = m[1].replace(/^(?:跟进|跟踪|回访|联系)/, '');
    if (rest === '') return null; // '跟进1' style is VERB_N; a bare trailing number without a field is not a group
  } else if ((m = ENGLISH.exec(key))) {
    n = Number(m[1]);
    rest = m[2];
  } else {
    return null;
  }
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  const field = groupField(rest);
  return field ? { n, field } : null;
}

/**
 * Finds the numbered follow-up groups of a header row, in number order. A group counts only when it has a
 * date or a result column (a lone 第1次级别 is not a follow-up).
 *
 * @example findFollowUpGroups(['姓名', '第1次跟进日期', '第1次跟进结果', '第2次跟进日期'])
 * // [{ n: 1, columns: { followDate: 1, followResult: 2 } }, { n: 2, columns: { followDate: 3 } }]
 */
export function findFollowUpGroups(headerRow: readonly unknown[], endColumn = headerRow.length): FollowUpGroup[] {
  const byNumber = new Map<number, FollowUpGroup>();
  const end = Math.min(endColumn, headerRow.length);
  for (let c = 0; c < end; c++) {
    const parsed = parseGroupHeader(headerRow[c]);
    if (!parsed) continue;
    let g = byNumber.get(parsed.n);
    if (!g) {
      g = { n: parsed.n, columns: {} };
      byNumber.set(parsed.n, g);
    }
    if (g.columns[parsed.field] === undefined) g.columns[parsed.field] = c;
  }
  return [...byNumber.values()]
    .filter((g) => g.columns.followDate !== undefined || g.columns.followResult !== undefined)
    .sort((a, b) => a.n - b.n);
}

/** Number of columns a list of groups covers. */
function coveredColumns(groups: readonly FollowUpGroup[]): number {
  let n = 0;
  for (const g of groups) n += Object.keys(g.columns).length;
  return n;
}

/**
 * Two-row headers of wide cards: a merged label row (第1次跟进 over three columns; Range.values gives the text
 * in the first column only) above a sub-header row (日期 | 方式 | 结果). Each sub-header is read together with
 * the label it sits under. Returns the groups when this reading covers more columns than the label row alone,
 * else null (then the sheet has single-row headers).
 *
 * @example findTwoRowFollowUpGroups(['姓名', '第1次跟进', '', ''], ['', '日期', '方式', '结果'])
 * // [{ n: 1, columns: { followDate: 1, followMethod: 2, followResult: 3 } }]
 */
export function findTwoRowFollowUpGroups(
  labelRow: readonly unknown[],
  subRow: readonly unknown[] | undefined,
  endColumn = labelRow.length,
): FollowUpGroup[] | null {
  if (!subRow) return null;
  const end = Math.min(endColumn, Math.max(labelRow.length, subRow.length));
  const combined: string[] = new Array(end).fill('');
  let label: string | null = null;
  let anySub = false;
  for (let c = 0; c < end; c++) {
    const top = labelRow[c];
    if (typeof top === 'string' && top.trim() !== '') label = parseGroupHeader(top) ? top.trim() : null;
    const sub = subRow[c];
    if (label && typeof sub === 'string' && sub.trim() !== '') {
      combined[c] = label + sub.trim();
      anySub = true;
    }
  }
  if (!anySub) return null;
  const twoRow = findFollowUpGroups(combined);
  return coveredColumns(twoRow) > coveredColumns(findFollowUpGroups(labelRow, endColumn)) ? twoRow : null;
}
