/**
 * The sales datasets handed to the form pack (FormFillData): the register rows, the traffic per day, the lost
 * prospects and the prospects' follow-ups, so 展厅来电/店登记表, 展厅客流量统计表, 意向客户流失分析表 and 意向客户跟踪卡
 * are generated filled. Which period a form shows is chosen when the forms are built (FormPeriod: all, or a month),
 * so the datasets keep every period's first MAX_FORM_ROWS rows (PeriodCap) and report how many rows each period
 * had through the optional `counts` argument (FormFillData.rowCounts), for the sheet's 仅显示前 N 行 note.
 */
import { MAX_FORM_ROWS, type LostProspectFillRow, type ProspectFollowUpFillRow, type RegisterFillRow, type TrafficFillRow } from '../forms/fillData';
import { PeriodCap } from '../forms/period';
import type { SalesSettings } from '../settings/settings';
import type { MappedSheet } from '../sheets/types';
import { monthKey } from '../values/dates';
import { readDate } from '../values/readDate';
import { readText } from '../values/readText';
import { INFO_SOURCES } from './infoSource';
import { LEVEL_CODES, type ProspectFacts } from './prospectFacts';
import type { ProspectOutcome } from './prospectOutcome';
import { CONTACT_CALL, CONTACT_VISIT, type RegisterFacts } from './registerFacts';
import { SLOT_COUNT } from './slot';
import type { Traffic } from './traffic';

export { MAX_FORM_ROWS };

function timeText(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
    const minutes = Math.round((v - Math.floor(v)) * 1440) % 1440;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return readText(v) ?? '';
}

/**
 * The register rows as the register form shows them, in sheet order: every period's first MAX_FORM_ROWS rows.
 * `counts`, when given, receives the rows per period ({ all: 150, '2026-10': 43 }).
 * @example registerFillRows(mapped, facts, counts).length // 150 on the sample; counts.all === 150
 */
export function registerFillRows(mapped: MappedSheet, facts: RegisterFacts, counts?: Record<string, number>): RegisterFillRow[] {
  const cap = new PeriodCap(MAX_FORM_ROWS);
  const c = mapped.columns;
  const out: RegisterFillRow[] = [];
  for (let i = 0; i < facts.count; i++) {
    const date = facts.date[i];
    if (!cap.take(date)) continue;
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
  if (counts) Object.assign(counts, cap.counts);
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

/** Lost prospects, latest first: every period's first MAX_FORM_ROWS; `counts` receives the lost per period. */
export function lostProspectFillRows(facts: ProspectFacts, outcome: ProspectOutcome, counts?: Record<string, number>): LostProspectFillRow[] {
  const lost: number[] = [];
  for (let p = 0; p < facts.count; p++) if (outcome.level[p] === 'F') lost.push(p);
  const dateOf = (p: number) => (Number.isNaN(facts.latestDate[p]) ? -Infinity : facts.latestDate[p]);
  lost.sort((a, b) => dateOf(b) - dateOf(a) || a - b);
  const cap = new PeriodCap(MAX_FORM_ROWS);
  const kept = lost.filter((p) => cap.take(facts.latestDate[p]));
  if (counts) Object.assign(counts, cap.counts);
  return kept.map((p) => ({
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
 * The follow-ups of the open prospects, one row each, numbered per prospect in date order (both card shapes):
 * every period's first MAX_FORM_ROWS follow-ups (by follow-up date); `counts` receives the follow-ups per period.
 */
export function followUpFillRows(mapped: MappedSheet, facts: ProspectFacts, outcome: ProspectOutcome, counts?: Record<string, number>): ProspectFollowUpFillRow[] {
  const cap = new PeriodCap(MAX_FORM_ROWS);
  const c = mapped.columns;
  const grid = mapped.sheet.grid;
  const items: { p: number; date: number; method: string; result: string; level: string; next: number; order: number }[] = [];
  const levelText = (v: unknown) => readText(v) ?? '';
  const dateOrNaN = (v: unknown) => {
    const d = readDate(v);
    return typeof d === 'number' ? d : NaN;
  };
  for (let i = 0; i < mapped.dataRows.length; i++) {
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
      if (!cap.take(date)) continue;
      items.push({ p, date, method, result, level: levelText(cell(g.level ?? c.level)), next: dateOrNaN(cell(g.nextDate)), order: items.length });
    }
  }
  if (counts) Object.assign(counts, cap.counts);
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
