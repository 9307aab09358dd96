/**
 * Groups a prospect card's follow-ups by prospect and derives each prospect's figures (DOMAIN.md, Sales side:
 * prospects). Both card shapes feed the same accumulator as "follow-up events":
 * - one row per follow-up (rows in any order): each row is one event;
 * - one row per prospect with numbered follow-up groups (第1次跟进日期, 第1次跟进结果, …): each filled group is one
 *   event, and the row's own columns (意向级别, 下次跟踪日期, 战败原因 …) are one more event dated at the row's latest
 *   follow-up, taken last so they win a tie (they are the card's current state).
 * Prospects are keyed by ID, else phone, else name (a Map: linear), so both shapes give the same prospects.
 */
import type { IntentLevel, Settings } from '../settings/settings';
import type { MappedSheet } from '../sheets/types';
import { readDate } from '../values/readDate';
import { readPhone } from '../values/readPhone';
import { readText } from '../values/readText';
import { readIntentLevel } from './intentLevel';
import { IssueCollector, SALES_ISSUE } from './issueCollector';
import { memoByText } from './memo';

/** Level codes stored in Int8Arrays: index into LEVEL_CODES, -1 for none. */
export const LEVEL_CODES: readonly IntentLevel[] = ['H', 'A', 'B', 'C', 'N', 'O', 'F'];
const LEVEL_INDEX = new Map<IntentLevel, number>(LEVEL_CODES.map((l, i) => [l, i]));
const O = 5;
const F = 6;

export interface ProspectFacts {
  sheet: string;
  /** Number of prospects. */
  count: number;
  /** Prospect index of each data row (parallel to MappedSheet.dataRows). */
  prospectOfRow: Int32Array;
  id: string[];
  name: string[];
  phone: string[];
  consultant: string[];
  source: string[];
  model: string[];
  /** Follow-ups recorded. */
  followUps: Int32Array;
  /** Latest follow-up date serial, NaN when none. */
  latestDate: Float64Array;
  /** Level index at the latest follow-up (LEVEL_CODES), -1 when none recorded. */
  level: Int8Array;
  /** The latest level before the prospect became O or F (for lost prospects), -1 when none. */
  levelBefore: Int8Array;
  /** Next follow-up date recorded with the latest follow-up, NaN when none. */
  recordedNext: Float64Array;
  /** Created date (建档日期), NaN when none: the base of the due date of a prospect never followed up. */
  created: Float64Array;
  /** Defeat-reason text (latest recorded; else the latest follow-up result of an F prospect), '' when none. */
  reasonText: string[];
  /** Recorded "bought instead" (latest), '' when none. */
  boughtInstead: string[];
  /** Latest follow-up result text. */
  latestResult: string[];
}

interface Event {
  p: number;
  /** 0..3: the order of events on the same day (see eventKey). */
  rank: number;
  date: number; // serial, or -1 when the event has no date
  counts: boolean;
  level: number; // level index or -1
  next: number; // serial or NaN
  reason: string;
  result: string;
  bought: string;
  consultant: string;
}

/**
 * Orders events: by date, then within a day by rank. On a one-row-per-follow-up card rows come in any order, so two
 * follow-ups on one day are told apart by what they hold: a closing level (O/F) comes last, and a row recording the
 * next date or a defeat reason ends that day's contact. Dates are whole serials, so date × 4 + rank keeps the order.
 */
function eventKey(e: Event): number {
  return e.date * 4 + e.rank;
}

/** Rank of a follow-up row within its day: closing level +2, recorded next date or defeat reason +1. */
function rankOf(level: number, next: number, reason: string): number {
  return (level === O || level === F ? 2 : 0) + (!Number.isNaN(next) || reason !== '' ? 1 : 0);
}

/**
 * Reads a mapped prospect card into per-prospect facts.
 * @example const facts = readProspects(detected.prospects, issues); facts.count // prospects
 */
export function readProspects(mapped: MappedSheet, issues: IssueCollector): ProspectFacts {
  const grid = mapped.sheet.grid;
  const sheet = mapped.sheet.name;
  const c = mapped.columns;
  const rows = mapped.dataRows;
  const n = rows.length;
  const wide = mapped.followUpGroups.length > 0;

  const keyIndex = new Map<string, number>();
  const prospectOfRow = new Int32Array(n);
  // Per-prospect arrays are sized by rows (an upper bound on prospects) and cut at the end.
  const followUps = new Int32Array(n);
  const latestDate = new Float64Array(n).fill(-1);
  const latestKey = new Float64Array(n).fill(-Infinity);
  const latestResultDate = new Float64Array(n).fill(-Infinity);
  const level = new Int8Array(n).fill(-1);
  const levelDate = new Float64Array(n).fill(-Infinity);
  const levelBefore = new Int8Array(n).fill(-1);
  const levelBeforeDate = new Float64Array(n).fill(-Infinity);
  const recordedNext = new Float64Array(n).fill(NaN);
  const created = new Float64Array(n).fill(NaN);
  const reasonDate = new Float64Array(n).fill(-Infinity);
  const boughtDate = new Float64Array(n).fill(-Infinity);
  const consultantDate = new Float64Array(n).fill(-Infinity);
  const id: string[] = [];
  const name: string[] = [];
  const phone: string[] = [];
  const consultant: string[] = [];
  const source: string[] = [];
  const model: string[] = [];
  const reasonText: string[] = [];
  const boughtInstead: string[] = [];
  const latestResult: string[] = [];
  let count = 0;

  const readLevel = memoByText(readIntentLevel);
  const readTextValue = (v: unknown): string => readText(v) ?? '';
  const text = (row: readonly unknown[], col: number | undefined): string => (col === undefined ? '' : readTextValue(row[col]));
  // Coded and repeated columns (consultant, method, result, reason, brand) are read once per distinct text.
  const readRepeated = memoByText(readTextValue);
  const repeated = (row: readonly unknown[], col: number | undefined): string => (col === undefined ? '' : readRepeated(row[col]));
  const readDateCell = memoByText(readDate);
  // A follow-up log repeats each prospect's phone on every row: read each distinct text once.
  const readPhoneCell = memoByText(readPhone, 200000);
  const date = (row: readonly unknown[], r: number, col: number | undefined, field: string): number => {
    if (col === undefined) return NaN;
    const v = row[col];
    const d = readDateCell(v);
    if (d === undefined) issues.add(sheet, r, col, field, v, SALES_ISSUE.date);
    return typeof d === 'number' ? d : NaN;
  };
  const levelOf = (row: readonly unknown[], r: number, col: number | undefined): number => {
    if (col === undefined) return -1;
    const v = row[col];
    const l = readLevel(v);
    if (l === undefined) issues.add(sheet, r, col, 'level', v, SALES_ISSUE.level);
    return l ? (LEVEL_INDEX.get(l) as number) : -1;
  };

  /**
   * Folds one event into its prospect. Events are ordered by date, then by rank within a day (see eventKey); on an
   * equal key the later event (later row, later group, the row's own state) wins.
   */
  const apply = (e: Event) => {
    const p = e.p;
    const key = eventKey(e);
    if (e.counts) followUps[p]++;
    if (e.counts && e.date >= 0 && key >= latestKey[p]) {
      recordedNext[p] = !Number.isNaN(e.next) ? e.next : e.date > latestDate[p] ? NaN : recordedNext[p];
      latestDate[p] = e.date;
      latestKey[p] = key;
    } else if (!e.counts && !Number.isNaN(e.next) && e.date >= latestDate[p]) {
      recordedNext[p] = e.next; // the card's own 下次跟踪日期 belongs to its latest follow-up
    }
    if (e.result && key >= latestResultDate[p]) {
      latestResult[p] = e.result;
      latestResultDate[p] = key;
    }
    if (e.level >= 0 && key >= levelDate[p]) {
      level[p] = e.level;
      levelDate[p] = key;
    }
    if (e.level >= 0 && e.level !== O && e.level !== F && key >= levelBeforeDate[p]) {
      levelBefore[p] = e.level;
      levelBeforeDate[p] = key;
    }
    if (e.reason && key >= reasonDate[p]) {
      reasonText[p] = e.reason;
      reasonDate[p] = key;
    }
    if (e.bought && key >= boughtDate[p]) {
      boughtInstead[p] = e.bought;
      boughtDate[p] = key;
    }
    if (e.consultant && key >= consultantDate[p]) {
      consultant[p] = e.consultant;
      consultantDate[p] = key;
    }
  };

  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const row = grid[r] ?? [];
    const rowId = text(row, c.prospectId);
    let rowPhone = '';
    if (c.phone !== undefined) {
      const v = row[c.phone];
      const ph = readPhoneCell(v);
      if (typeof ph === 'string') rowPhone = ph;
      else if (ph === undefined) issues.add(sheet, r, c.phone, 'phone', v, SALES_ISSUE.phone);
    }
    const rowName = text(row, c.name);
    const key = rowId ? `i:${rowId}` : rowPhone ? `p:${rowPhone}` : rowName ? `n:${rowName}` : `r:${r}`;
    let p = keyIndex.get(key);
    if (p === undefined) {
      p = count++;
      keyIndex.set(key, p);
      id.push(rowId);
      name.push(rowName);
      phone.push(rowPhone);
      consultant.push('');
      source.push('');
      model.push('');
      reasonText.push('');
      boughtInstead.push('');
      latestResult.push('');
    } else {
      if (!id[p] && rowId) id[p] = rowId;
      if (!name[p] && rowName) name[p] = rowName;
      if (!phone[p] && rowPhone) phone[p] = rowPhone;
    }
    prospectOfRow[i] = p;
    if (!source[p]) source[p] = repeated(row, c.source);
    if (!model[p]) model[p] = repeated(row, c.model);
    const createdDate = date(row, r, c.createdDate, 'createdDate');
    if (!Number.isNaN(createdDate) && (Number.isNaN(created[p]) || createdDate < created[p])) created[p] = createdDate;

    const rowConsultant = repeated(row, c.consultant);
    const rowReason = repeated(row, c.defeatReason);
    const rowBought = repeated(row, c.boughtInstead);
    if (!wide) {
      const d = date(row, r, c.followDate, 'followDate');
      const result = repeated(row, c.followResult);
      const method = repeated(row, c.followMethod);
      const rowLevel = levelOf(row, r, c.level);
      const rowNext = date(row, r, c.nextDate, 'nextDate');
      apply({
        p,
        rank: rankOf(rowLevel, rowNext, rowReason),
        date: Number.isNaN(d) ? -1 : d,
        counts: !Number.isNaN(d) || result !== '' || method !== '',
        level: rowLevel,
        next: rowNext,
        reason: rowReason,
        result,
        bought: rowBought,
        consultant: rowConsultant,
      });
      continue;
    }
    let rowLatest = -1;
    // The level recorded with the row's latest follow-up, -1 when that follow-up recorded none.
    let latestGroupLevel = -1;
    for (const g of mapped.followUpGroups) {
      const gc = g.columns;
      const d = date(row, r, gc.followDate, 'followDate');
      const result = repeated(row, gc.followResult);
      const method = repeated(row, gc.followMethod);
      const gLevel = levelOf(row, r, gc.level);
      const gNext = date(row, r, gc.nextDate, 'nextDate');
      const counts = !Number.isNaN(d) || result !== '' || method !== '';
      if (!counts && gLevel < 0 && Number.isNaN(gNext)) continue;
      const eventDate = Number.isNaN(d) ? -1 : d;
      if (counts && eventDate >= rowLatest) {
        if (eventDate > rowLatest || gLevel >= 0) latestGroupLevel = gLevel;
        rowLatest = eventDate;
      }
      // Groups are numbered in time order: the group's place in the row breaks a tie, not its content.
      apply({ p, rank: 0, date: eventDate, counts, level: gLevel, next: gNext, reason: '', result, bought: '', consultant: '' });
    }
    // The row's own state, dated at its latest follow-up so it wins a tie with that group. Its level column is the
    // card's current level only when the latest follow-up recorded none (DOMAIN.md: the level at the latest
    // follow-up) — or when it closes the card (O/F: the order or the loss happened after the follow-ups).
    const ownLevel = levelOf(row, r, c.level);
    const ownLevelCounts = latestGroupLevel < 0 || ownLevel === O || ownLevel === F;
    apply({
      p,
      rank: 3,
      date: rowLatest,
      counts: false,
      level: ownLevelCounts ? ownLevel : -1,
      next: date(row, r, c.nextDate, 'nextDate'),
      reason: rowReason,
      result: '',
      bought: rowBought,
      consultant: rowConsultant,
    });
  }

  // A recorded defeat reason without any level means the prospect was lost.
  for (let p = 0; p < count; p++) {
    if (level[p] < 0 && reasonText[p]) level[p] = F;
    if (level[p] === F && !reasonText[p] && latestResult[p]) reasonText[p] = latestResult[p];
  }

  const latest = latestDate.slice(0, count);
  for (let p = 0; p < count; p++) if (latest[p] < 0) latest[p] = NaN;
  return {
    sheet,
    count,
    prospectOfRow,
    id,
    name,
    phone,
    consultant,
    source,
    model,
    followUps: followUps.slice(0, count),
    latestDate: latest,
    level: level.slice(0, count),
    levelBefore: levelBefore.slice(0, count),
    recordedNext: recordedNext.slice(0, count),
    created: created.slice(0, count),
    reasonText,
    boughtInstead,
    latestResult,
  };
}

/** Settings the prospect rules read. */
export type ProspectSettings = Pick<Settings, 'sales' | 'extraDefeatKeywords'>;
