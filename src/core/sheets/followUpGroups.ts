/**
 * Wide prospect cards: one row per prospect with numbered follow-up columns — 第1次跟进日期, 第1次跟进结果,
 * 跟进1日期, 1次跟踪时间, 第一次回访日期, 跟进日期1, Follow-up 1 date — grouped by their number.
 */
import { readConcepts } from './concepts';
import { headerKey } from './normaliseHeader';
import type { FollowUpGroup } from './types';

type GroupField = keyof FollowUpGroup['columns'];

const NUMERAL = '[0-9一二三四五六七八九十两]+';
/**
 * A group is named by its numbering, whatever its form and wherever it stands: a count marker (第1次, 第一轮, 2回,
 * 3遍), a Chinese ordinal word (首次, 初次, 再次, 二次), an English ordinal (1st, first, second), or a bare arabic
 * number before, inside or after the words (跟进1日期, 跟进日期1, Follow-up 1 Date). The words left once the
 * numbering is taken out say which part of the group the column is (concepts.ts): a count marker needs nothing
 * more (第1次日期), every other form needs a follow-up word (跟进, 回访, contact …) so that 电话2 or 地址1 is no group.
 */
const COUNTED = new RegExp(`第?(${NUMERAL})(?:次|轮|回|遍)`);
/**
 * A numeral fused with the verb itself (三访, 4访: the n-th visit or call of the follow-up), or the
 * English abbreviation FU with its number (FU1, FU 2): the numbering and the follow-up word in one, like a count
 * marker.
 */
const FUSED_VERB = new RegExp(`第?(${NUMERAL})访`);
const ABBREVIATED = /(?:^|[^a-z])fu(\d+)/;
const ORDINAL_WORD: readonly [RegExp, number][] = [
  [/首次|首轮|初次|头次|首访/, 1],
  [/再次/, 2],
  [/first/, 1], [/second/, 2], [/third/, 3], [/fourth/, 4], [/fifth/, 5], [/sixth/, 6],
];
const ENGLISH_ORDINAL = /(\d+)(?:st|nd|rd|th)/;
const BARE_NUMBER = /(\d+)/g;

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

/**
 * Which group field the words name, by their concepts. The next date is checked first (下次跟进日期 holds 日期
 * too); a bare follow-up word (跟进, 回访) or nothing at all is the group's date.
 */
function groupField(rest: string): GroupField | null {
  const c = readConcepts(rest);
  const t = c.tags;
  if (t.has('NEXT') || t.has('PLAN')) return 'nextDate';
  if (t.has('LEVEL')) return 'level';
  if (t.has('METHOD') || t.has('SOURCE')) return 'followMethod';
  if (t.has('DATE') || t.has('TIME')) return 'followDate';
  if (t.has('RESULT') || t.has('FEEDBACK') || t.has('PROCESS') || t.has('REMARK')) return 'followResult';
  if (rest === '' || (c.coverage >= 0.99 && [...t].every((x) => x === 'CALL'))) return 'followDate';
  return null;
}

/** The numbering of a header: its number, the words around it, and whether a count marker said it. */
interface Numbering { n: number; rest: string; counted: boolean; word: boolean }

function numberingOf(key: string): Numbering | null {
  let m = COUNTED.exec(key) ?? FUSED_VERB.exec(key);
  if (m) return { n: parseNumeral(m[1]), rest: key.slice(0, m.index) + key.slice(m.index + m[0].length), counted: true, word: false };
  m = ABBREVIATED.exec(key);
  if (m) {
    const at = m.index + m[0].length - m[1].length - 2;
    return { n: Number(m[1]), rest: key.slice(0, at) + key.slice(m.index + m[0].length), counted: true, word: false };
  }
  for (const [re, n] of ORDINAL_WORD) {
    m = re.exec(key);
    if (m) return { n, rest: key.slice(0, m.index) + key.slice(m.index + m[0].length), counted: false, word: true };
  }
  m = ENGLISH_ORDINAL.exec(key);
  if (m) return { n: Number(m[1]), rest: key.slice(0, m.index) + key.slice(m.index + m[0].length), counted: false, word: false };
  const numbers = [...key.matchAll(BARE_NUMBER)];
  // One number only: 2024年1月跟进 or a phone are no group numbers.
  if (numbers.length !== 1) return null;
  const x = numbers[0];
  return { n: Number(x[1]), rest: key.slice(0, x.index) + key.slice(x.index! + x[0].length), counted: false, word: false };
}

/** The group number and field a header names, or null. @example parseGroupHeader('第2次跟进结果') // { n: 2, field: 'followResult' } */
export function parseGroupHeader(header: unknown): { n: number; field: GroupField; word?: boolean } | null {
  const key = headerKey(header);
  if (key === '') return null;
  const num = numberingOf(key);
  if (!num || !Number.isInteger(num.n) || num.n < 1 || num.n > 99) return null;
  // Without a count marker the words must say it is a follow-up: 联系电话2 is no group, nor is 地址1.
  if (!num.counted && !readConcepts(num.rest).tags.has('CALL')) return null;
  const field = groupField(num.rest);
  if (!field) return null;
  return num.word ? { n: num.n, field, word: true } : { n: num.n, field };
}

/** The group a sub-header under a group label names: the sub-header's own words first, else the label's. */
function parseUnderLabel(label: string, sub: string): { n: number; field: GroupField; word?: boolean } | null {
  const top = parseGroupHeader(label);
  if (!top) return null;
  const key = headerKey(sub);
  const own = key === '' ? null : groupField(key);
  if (own) return { ...top, field: own };
  return parseGroupHeader(label + sub);
}

/**
 * Finds the numbered follow-up groups of a header row, in number order. A group counts only when it has a
 * date or a result column (a lone 第1次级别 is not a follow-up).
 *
 * @example findFollowUpGroups(['姓名', '第1次跟进日期', '第1次跟进结果', '第2次跟进日期'])
 * // [{ n: 1, columns: { followDate: 1, followResult: 2 } }, { n: 2, columns: { followDate: 3 } }]
 */
export function findFollowUpGroups(headerRow: readonly unknown[], endColumn = headerRow.length): FollowUpGroup[] {
  const end = Math.min(endColumn, headerRow.length);
  const parsed: ({ n: number; field: GroupField; word?: boolean } | null)[] = [];
  for (let c = 0; c < end; c++) parsed.push(parseGroupHeader(headerRow[c]));
  return groupsOf(parsed);
}

/**
 * Groups from parsed columns, in number order. A lone group named by a word (首次跟进日期 alone is the card's
 * creation, not a series) is none: words count when a second group follows.
 */
function groupsOf(parsed: readonly ({ n: number; field: GroupField; word?: boolean } | null)[]): FollowUpGroup[] {
  const byNumber = new Map<number, FollowUpGroup>();
  const numbers = new Set<number>();
  for (const p of parsed) if (p) numbers.add(p.n);
  for (let c = 0; c < parsed.length; c++) {
    const parsedC = parsed[c];
    if (!parsedC || (parsedC.word && numbers.size < 2)) continue;
    let g = byNumber.get(parsedC.n);
    if (!g) {
      g = { n: parsedC.n, columns: {} };
      byNumber.set(parsedC.n, g);
    }
    if (g.columns[parsedC.field] === undefined) g.columns[parsedC.field] = c;
  }
  return [...byNumber.values()]
    .filter((g) => g.columns.followDate !== undefined || g.columns.followResult !== undefined)
    .sort((a, b) => a.n - b.n);
}

/**
 * Groups of a header whose columns sit under group labels (per column: the label above it, '' where none; a
 * two- or three-row header, twoRowHeader.ts): each sub-header names its part, its label the group. Null when no
 * column under a group label has a sub-header.
 */
export function findLabelledFollowUpGroups(labels: readonly string[], subRow: readonly unknown[], endColumn = labels.length): FollowUpGroup[] | null {
  const end = Math.min(endColumn, labels.length);
  const parsed: ({ n: number; field: GroupField; word?: boolean } | null)[] = [];
  let anySub = false;
  for (let c = 0; c < end; c++) {
    const sub = subRow[c];
    const label = labels[c];
    if (!label || typeof sub !== 'string' || sub.trim() === '') {
      parsed.push(null);
      continue;
    }
    anySub = true;
    parsed.push(parseUnderLabel(label, sub.trim()));
  }
  return anySub ? groupsOf(parsed) : null;
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
  const labels: string[] = new Array(end).fill('');
  let label = '';
  for (let c = 0; c < end; c++) {
    const top = labelRow[c];
    if (typeof top === 'string' && top.trim() !== '') label = parseGroupHeader(top) ? top.trim() : '';
    labels[c] = label;
  }
  const twoRow = findLabelledFollowUpGroups(labels, subRow, end);
  if (!twoRow) return null;
  return coveredColumns(twoRow) > coveredColumns(findFollowUpGroups(labelRow, endColumn)) ? twoRow : null;
}
