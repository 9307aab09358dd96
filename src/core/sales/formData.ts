/**
 * The sales datasets handed to the form pack (FormFillData): the register rows, the traffic per day, the lost
 * prospects and the prospects' follow-ups, so 展厅来电/店登记表, 展厅客流量统计表, 意向客户流失分析表 and 意向客户跟踪卡
 * are generated filled. A printed form holds one period, so the register and follow-ups are limited to the latest
 * month and to MAX_FORM_ROWS rows (the summaries count everything).
 */
import type { LostProspectFillRow, ProspectFollowUpFillRow, RegisterFillRow, TrafficFillRow } from '../forms/fillData';
import type { SalesSettings } from '../settings/settings';
import type { MappedSheet } from '../sheets/types';
import { monthKey, serialToYmd, ymdToSerial } from '../values/dates';
import { readDate } from '../values/readDate';
import { readText } from '../values/readText';
import { INFO_SOURCES } from './infoSource';
import { LEVEL_CODES, type ProspectFacts } from './prospectFacts';
import type { ProspectOutcome } from './prospectOutcome';
import { CONTACT_CALL, CONTACT_VISIT, type RegisterFacts } from './registerFacts';
import { SLOT_COUNT } from './slot';
import type { Traffic } from './traffic';

export const MAX_FORM_ROWS = 2000;

function timeText(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
    const minutes = Math.round((v - Math.floor(v)) * 1440) % 1440;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return readText(v) ?? '';
}

/** Register rows of the latest month present (or the last rows when undated), as the register form shows them. */
export function registerFillRows(mapped: MappedSheet, facts: RegisterFacts): RegisterFillRow[] {
  let latest = -Infinity;
  for (let i = 0; i < facts.count; i++) if (facts.date[i] > latest) latest = facts.date[i];
  // The latest month as a serial range, so the row loop compares numbers instead of building month keys.
  let from = -Infinity;
  let to = Infinity;
  if (Number.isFinite(latest)) {
    const { y, m } = serialToYmd(latest);
    from = ymdToSerial({ y, m, d: 1 });
    to = ymdToSerial(m === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: m + 1, d: 1 });
  }
  const c = mapped.columns;
  const out: RegisterFillRow[] = [];
  for (let i = 0; i < facts.count && out.length < MAX_FORM_ROWS; i++) {
    const date = facts.date[i];
    if (Number.isFinite(latest) && !(date >= from && date < to)) continue;
    const row = mapped.sheet.grid[facts.rows[i]] ?? [];
    const text = (col: number | undefined) => (col === undefined ? '' : readText(row[col]) ?? '');
    out.push({
      date: Number.isNaN(date) ? '' : date,
      timeInOut: c.time === undefined ? '' : timeText(row[c.time]),
      contactType: facts.contact[i] === CONTACT_CALL ? '来电' : facts.contact[i] === CONTACT_VISIT ? '来店' : '',
      name: text(c.name),
      gender: text(c.gender),
      phone: text(c.phone),
      address: text(c.address),
      intendedModel: text(c.intendedModel),
      source: facts.source[i] >= 0 ? INFO_SOURCES[facts.source[i]] : text(c.source),
      process: text(c.process),
      level: text(c.level),
      closure: text(c.closure),
      consultant: facts.consultants[facts.consultant[i]],
      remarks: text(c.remarks),
    });
  }
  return out;
}

/** One traffic row per date. */
export function trafficFillRows(traffic: Traffic, sales: Pick<SalesSettings, 'monthlyTotalSales'>): TrafficFillRow[] {
  return traffic.days.map((day) => {
    const entered = sales.monthlyTotalSales[monthKey(day.date)];
    return {
      date: day.date,
      visitsBySlot: day.slots.slice(0, SLOT_COUNT).map((s) => s.visits),
      callsBySlot: day.slots.slice(0, SLOT_COUNT).map((s) => s.calls),
      leads: day.total.leads,
      orders: day.total.orders,
      showroomSales: day.total.orders,
      monthlySales: typeof entered === 'number' ? entered : '',
    };
  });
}

/** Lost prospects, latest first. */
export function lostProspectFillRows(facts: ProspectFacts, outcome: ProspectOutcome): LostProspectFillRow[] {
  const lost: number[] = [];
  for (let p = 0; p < facts.count; p++) if (outcome.level[p] === 'F') lost.push(p);
  const dateOf = (p: number) => (Number.isNaN(facts.latestDate[p]) ? -Infinity : facts.latestDate[p]);
  lost.sort((a, b) => dateOf(b) - dateOf(a) || a - b);
  return lost.slice(0, MAX_FORM_ROWS).map((p) => ({
    date: Number.isNaN(facts.latestDate[p]) ? '' : facts.latestDate[p],
    name: facts.name[p],
    phone: facts.phone[p],
    model: facts.model[p],
    source: facts.source[p],
    level: facts.levelBefore[p] >= 0 ? LEVEL_CODES[facts.levelBefore[p]] : '',
    consultant: facts.consultant[p],
    followUps: facts.followUps[p],
    reason: facts.reasonText[p],
    reasonCategory: outcome.reasonClass[p],
    boughtInstead: outcome.lostTo[p],
  }));
}

/**
 * The follow-ups of the prospects, one row each, numbered per prospect in date order (both card shapes), for the
 * first MAX_FORM_ROWS follow-ups of open prospects.
 */
export function followUpFillRows(mapped: MappedSheet, facts: ProspectFacts, outcome: ProspectOutcome): ProspectFollowUpFillRow[] {
  const c = mapped.columns;
  const grid = mapped.sheet.grid;
  const items: { p: number; date: number; method: string; result: string; level: string; next: number; order: number }[] = [];
  const levelText = (v: unknown) => readText(v) ?? '';
  const dateOrNaN = (v: unknown) => {
    const d = readDate(v);
    return typeof d === 'number' ? d : NaN;
  };
  for (let i = 0; i < mapped.dataRows.length && items.length < MAX_FORM_ROWS; i++) {
    const p = facts.prospectOfRow[i];
    if (outcome.level[p] === 'O' || outcome.level[p] === 'F') continue;
    const row = grid[mapped.dataRows[i]] ?? [];
    const cell = (col: number | undefined) => (col === undefined ? '' : row[col]);
    const groups = mapped.followUpGroups.length > 0
      ? mapped.followUpGroups.map((g) => g.columns)
      : [{ followDate: c.followDate, followMethod: c.followMethod, followResult: c.followResult, level: c.level, nextDate: c.nextDate }];
    for (const g of groups) {
      const date = dateOrNaN(cell(g.followDate));
      const method = readText(cell(g.followMethod)) ?? '';
      const result = readText(cell(g.followResult)) ?? '';
      if (Number.isNaN(date) && !method && !result) continue;
      items.push({ p, date, method, result, level: levelText(cell(g.level ?? c.level)), next: dateOrNaN(cell(g.nextDate)), order: items.length });
    }
  }
  items.sort((a, b) => a.p - b.p || (Number.isNaN(a.date) ? Infinity : a.date) - (Number.isNaN(b.date) ? Infinity : b.date) || a.order - b.order);
  const out: ProspectFollowUpFillRow[] = [];
  let n = 0;
  let previous = -1;
  for (const it of items) {
    n = it.p === previous ? n + 1 : 1;
    previous = it.p;
    out.push({
      prospectId: facts.id[it.p],
      name: facts.name[it.p],
      phone: facts.phone[it.p],
      model: facts.model[it.p],
      source: facts.source[it.p],
      consultant: facts.consultant[it.p],
      n,
      date: Number.isNaN(it.date) ? '' : it.date,
      method: it.method,
      result: it.result,
      level: it.level,
      nextDate: Number.isNaN(it.next) ? '' : it.next,
    });
  }
  return out;
}
