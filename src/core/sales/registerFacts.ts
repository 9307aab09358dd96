/**
 * Reads the showroom register (展厅来电/店登记表) column-wise into typed arrays: one entry per data row, no object
 * per row, so a million rows stay a few megabytes. Every later table (traffic, funnel, forms) is computed from here.
 */
import type { MappedSheet } from '../sheets/types';
import { readDate } from '../values/readDate';
import { readPhone } from '../values/readPhone';
import { readText } from '../values/readText';
import { readArrivalTime } from './arrivalTime';
import { cellText } from './cellText';
import { contactFromReadMarks, readContactType, readMark } from './contactType';
import { INFO_SOURCES, readInfoSource } from './infoSource';
import { readIntentLevel } from './intentLevel';
import { IssueCollector, SALES_ISSUE } from './issueCollector';
import { memoByText } from './memo';
import { mentionsOrder, mentionsQuote, mentionsTestDrive } from './receptionOutcome';
import { slotOf } from './slot';

/** Contact codes in RegisterFacts.contact. */
export const CONTACT_UNKNOWN = 0;
export const CONTACT_CALL = 1;
export const CONTACT_VISIT = 2;

/** Bits of RegisterFacts.flags. */
export const FLAG_LEAD = 1;
export const FLAG_TEST_DRIVE = 2;
export const FLAG_QUOTE = 4;
export const FLAG_ORDER = 8;

export interface RegisterFacts {
  sheet: string;
  /** Number of data rows read. */
  count: number;
  /** 0-based sheet row of each entry. */
  rows: Int32Array;
  /** Date serial of the row, NaN when unknown. */
  date: Float64Array;
  /** Two-hour slot 0..5, -1 when the arrival time is unknown. */
  slot: Int8Array;
  /** CONTACT_* code. */
  contact: Uint8Array;
  /** FLAG_* bits. */
  flags: Uint8Array;
  /** Index into consultants ('' for blank is index 0). */
  consultant: Int32Array;
  consultants: string[];
  /** Index into INFO_SOURCES, -1 when blank. */
  source: Int8Array;
  /** Rows whose blank date was taken from the row above (merged date cells read blank below their first row). */
  datesCarried: number;
  /** true when the sheet has no call/visit column at all: every row is then counted as a visit. */
  contactAssumed: boolean;
}

/** A mark cell typed as a short negation: '未报', '没试', '没有', '不需要', '无'. */
const NEGATED_MARK = /^(未|没有?|不|无|否|暂未|暂无)\S{0,4}$/;

/**
 * A phone cell saying the visitor left no number ('未留', '不愿留', '拒绝留电话', '没有'): not a lead, and not an
 * unreadable value either. Only digit-free text with a negation qualifies.
 * @example declinedPhone('不愿留') // true
 */
export function declinedPhone(text: string): boolean {
  return text.length <= 12 && !/\d/.test(text) && /(未|不|没|拒|无)/.test(text);
}

/**
 * Reads every data row of a mapped register.
 * @example const facts = readRegister(detected.register, issues); facts.count // data rows
 */
export function readRegister(mapped: MappedSheet, issues: IssueCollector): RegisterFacts {
  const grid = mapped.sheet.grid;
  const sheet = mapped.sheet.name;
  const c = mapped.columns;
  const n = mapped.dataRows.length;
  const facts: RegisterFacts = {
    sheet,
    count: n,
    rows: Int32Array.from(mapped.dataRows),
    date: new Float64Array(n).fill(NaN),
    slot: new Int8Array(n).fill(-1),
    contact: new Uint8Array(n),
    flags: new Uint8Array(n),
    consultant: new Int32Array(n),
    consultants: [''],
    source: new Int8Array(n).fill(-1),
    datesCarried: 0,
    contactAssumed: c.contactType === undefined && c.callMark === undefined && c.visitMark === undefined,
  };
  const consultantIndex = new Map<string, number>([['', 0]]);
  const rawConsultantIndex = new Map<string, number>();
  const sourceIndex = new Map<string, number>(INFO_SOURCES.map((s, i) => [s, i]));

  const readDateCell = memoByText(readDate);
  const readTime = memoByText(readArrivalTime);
  const readContact = memoByText(readContactType);
  const readLevel = memoByText(readIntentLevel);
  const readSource = memoByText(readInfoSource);
  const readMarkCell = memoByText(readMark);
  const orderText = memoByText((v) => mentionsOrder(cellText(v)));
  const processFlags = memoByText((v) => {
    const text = cellText(v);
    return (mentionsTestDrive(text) ? FLAG_TEST_DRIVE : 0) | (mentionsQuote(text) ? FLAG_QUOTE : 0);
  });

  let previousDate = NaN;
  for (let i = 0; i < n; i++) {
    const r = facts.rows[i];
    const row = grid[r] ?? [];

    // Date: the date column, else the date part of a date-time arrival, else the row above (merged cells).
    let date = NaN;
    if (c.date !== undefined) {
      const v = row[c.date];
      const d = readDateCell(v);
      if (typeof d === 'number') date = d;
      else if (d === undefined) issues.add(sheet, r, c.date, 'date', v, SALES_ISSUE.date);
      else {
        const timeValue = c.time !== undefined ? row[c.time] : undefined;
        if (typeof timeValue === 'number' && timeValue >= 1) date = Math.floor(timeValue);
        else if (!Number.isNaN(previousDate)) {
          date = previousDate;
          facts.datesCarried++;
        }
      }
    } else if (c.time !== undefined) {
      const v = row[c.time];
      if (typeof v === 'number' && v >= 1) date = Math.floor(v);
      else if (typeof v === 'string' && /^\s*\d{4}/.test(v)) {
        const d = readDate(v.trim().split(/\s+/)[0]);
        if (typeof d === 'number') date = d;
      }
    }
    facts.date[i] = date;
    if (!Number.isNaN(date)) previousDate = date;

    if (c.time !== undefined) {
      const v = row[c.time];
      const minutes = readTime(v);
      if (typeof minutes === 'number') facts.slot[i] = slotOf(minutes);
      else if (minutes === undefined) issues.add(sheet, r, c.time, 'time', v, SALES_ISSUE.time);
    } else if (c.date !== undefined) {
      // No time column: a date-time in the date column ('2026-10-01 14:20', 46296.6) still gives the slot.
      const minutes = readTime(row[c.date]);
      if (typeof minutes === 'number') facts.slot[i] = slotOf(minutes);
    }

    let contact: 'call' | 'visit' | null | undefined = null;
    if (c.contactType !== undefined) {
      const v = row[c.contactType];
      contact = readContact(v);
      if (contact === undefined) issues.add(sheet, r, c.contactType, 'contactType', v, SALES_ISSUE.contactType);
    }
    if (contact == null && (c.callMark !== undefined || c.visitMark !== undefined)) {
      const callValue = c.callMark !== undefined ? row[c.callMark] : '';
      const visitValue = c.visitMark !== undefined ? row[c.visitMark] : '';
      const visitRead = readMarkCell(visitValue);
      const fromMarks = contactFromReadMarks(readMarkCell(callValue), visitRead);
      if (fromMarks === undefined) {
        // Report the mark that cannot be read, or the 来电 mark when both are ticked.
        const visitBad = c.visitMark !== undefined && visitRead === undefined;
        const col = (visitBad ? c.visitMark : c.callMark ?? c.visitMark) as number;
        issues.add(sheet, r, col, 'contactType', row[col], SALES_ISSUE.contactType);
      } else contact = fromMarks;
    }
    facts.contact[i] = contact === 'call' ? CONTACT_CALL : contact === 'visit' || facts.contactAssumed ? CONTACT_VISIT : CONTACT_UNKNOWN;

    let flags = 0;
    if (c.phone !== undefined) {
      const v = row[c.phone];
      const phone = typeof v === 'string' && declinedPhone(v) ? null : readPhone(v);
      if (typeof phone === 'string') flags |= FLAG_LEAD;
      else if (phone === undefined) issues.add(sheet, r, c.phone, 'phone', v, SALES_ISSUE.phone);
    }
    if (c.process !== undefined) flags |= processFlags(row[c.process]);
    flags |= markFlag(row, r, c.testDrive, FLAG_TEST_DRIVE);
    flags |= markFlag(row, r, c.quote, FLAG_QUOTE);
    flags |= markFlag(row, r, c.order, FLAG_ORDER);
    if (c.closure !== undefined && orderText(row[c.closure])) flags |= FLAG_ORDER;
    if (c.level !== undefined) {
      const v = row[c.level];
      const level = readLevel(v);
      if (level === 'O') flags |= FLAG_ORDER;
      else if (level === undefined) issues.add(sheet, r, c.level, 'level', v, SALES_ISSUE.level);
    }
    facts.flags[i] = flags;

    if (c.consultant !== undefined) {
      // Looked up by the raw cell first: names repeat, so readText runs once per distinct spelling.
      const raw = row[c.consultant];
      let index = typeof raw === 'string' ? rawConsultantIndex.get(raw) : undefined;
      if (index === undefined) {
        const name = readText(raw) ?? '';
        index = consultantIndex.get(name);
        if (index === undefined) {
          index = facts.consultants.length;
          facts.consultants.push(name);
          consultantIndex.set(name, index);
        }
        if (typeof raw === 'string' && rawConsultantIndex.size < 20000) rawConsultantIndex.set(raw, index);
      }
      facts.consultant[i] = index;
    }
    if (c.source !== undefined) {
      const cls = readSource(row[c.source]);
      facts.source[i] = cls === '' ? -1 : sourceIndex.get(cls) ?? -1;
    }
  }
  return facts;

  /** A mark column (试驾 / 报价 / 订单): the flag when ticked; an unreadable mark is reported. */
  function markFlag(row: readonly unknown[], r: number, col: number | undefined, flag: number): number {
    if (col === undefined) return 0;
    const v = row[col];
    const mark = readMarkCell(v);
    if (mark === undefined) {
      // A mark column often holds a word instead of a tick ('已试驾', '已报价 12.8万'): read it as text.
      const text = cellText(v);
      if (flag === FLAG_TEST_DRIVE && mentionsTestDrive(text)) return flag;
      if (flag === FLAG_QUOTE && mentionsQuote(text)) return flag;
      if (flag === FLAG_ORDER && mentionsOrder(text)) return flag;
      // A short negated word ('未报', '没试', '不需要') says "no" as clearly as an empty box.
      if (NEGATED_MARK.test(text)) return 0;
      issues.add(sheet, r, col, 'mark', v, SALES_ISSUE.mark);
      return 0;
    }
    return mark ? flag : 0;
  }
}
