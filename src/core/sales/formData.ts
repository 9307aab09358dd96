/**
 * The sales datasets handed to the form pack (FormFillData): the register rows, the traffic per day, the lost
 * prospects and the prospects' follow-ups, so 展厅来电/店登记表, 展厅客流量统计表, 意向客户流失分析表 and 意向客户跟踪卡
 * are generated filled. Which period a form shows is chosen when the forms are built (FormPeriod: all, or a month),
 * so the datasets keep every period's first MAX_FORM_ROWS rows (PeriodCap) and report how many rows each period
 * had through the optional `counts` argument (FormFillData.rowCounts), for the sheet's 仅显示前 N 行 note.
 */
import {
  MAX_FORM_CARDS, MAX_FORM_ROWS, type ConsultantMonthFillRow, type LostProspectFillRow, type OrderFillRow, type ProspectCardFillRow,
  type ProspectFollowUpFillRow, type RegisterFillRow, type SalesKpiFillRow, type TestDriveFillRow, type TrafficFillRow,
} from '../forms/fillData';
import { PeriodCap } from '../forms/period';
import type { SalesSettings } from '../settings/settings';
import type { MappedSheet } from '../sheets/types';
import { monthKey, serialToYmd } from '../values/dates';
import { readDate } from '../values/readDate';
import { readText } from '../values/readText';
import { INFO_SOURCES } from './infoSource';
import { LEVEL_CODES, type ProspectFacts } from './prospectFacts';
import type { ProspectOutcome } from './prospectOutcome';
import { CONTACT_CALL, CONTACT_VISIT, FLAG_LEAD, FLAG_ORDER, FLAG_TEST_DRIVE, type RegisterFacts } from './registerFacts';
import { readIntentLevel } from './intentLevel';
import { SLOT_COUNT } from './slot';
import type { Traffic } from './traffic';
import { compareText } from '../plan/textOrder';

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
 * The follow-ups of the open prospects (not O or F, and on a row that belongs to a prospect), in sheet order, from
 * either card shape (numbered follow-up groups, or one follow-up per row); a follow-up with no date, method or
 * result is no follow-up. Dates are serials or NaN; the level is the cell as typed.
 */
function* openFollowUps(mapped: MappedSheet, facts: ProspectFacts, outcome: ProspectOutcome): Generator<{ p: number; date: number; method: string; result: string; levelCell: unknown; next: number }> {
  const c = mapped.columns;
  const grid = mapped.sheet.grid;
  const dateOrNaN = (v: unknown) => {
    const d = readDate(v);
    return typeof d === 'number' ? d : NaN;
  };
  const groups = mapped.followUpGroups.length > 0
    ? mapped.followUpGroups.map((g) => g.columns)
    : [{ followDate: c.followDate, followMethod: c.followMethod, followResult: c.followResult, level: c.level, nextDate: c.nextDate }];
  for (let i = 0; i < mapped.dataRows.length; i++) {
    const p = facts.prospectOfRow[i];
    if (p < 0 || outcome.level[p] === 'O' || outcome.level[p] === 'F') continue;
    const row = grid[mapped.dataRows[i]] ?? [];
    const cell = (col: number | undefined) => (col === undefined ? '' : row[col]);
    for (const g of groups) {
      const date = dateOrNaN(cell(g.followDate));
      const method = readText(cell(g.followMethod)) ?? '';
      const result = readText(cell(g.followResult)) ?? '';
      if (Number.isNaN(date) && !method && !result) continue;
      yield { p, date, method, result, levelCell: cell(g.level ?? c.level), next: dateOrNaN(cell(g.nextDate)) };
    }
  }
}

/**
 * The follow-ups of the open prospects, one row each, numbered per prospect in date order (both card shapes):
 * every period's first MAX_FORM_ROWS follow-ups (by follow-up date); `counts` receives the follow-ups per period.
 */
export function followUpFillRows(mapped: MappedSheet, facts: ProspectFacts, outcome: ProspectOutcome, counts?: Record<string, number>): ProspectFollowUpFillRow[] {
  const cap = new PeriodCap(MAX_FORM_ROWS);
  const items: { p: number; date: number; method: string; result: string; level: string; next: number; order: number }[] = [];
  for (const f of openFollowUps(mapped, facts, outcome)) {
    if (!cap.take(f.date)) continue;
    items.push({ p: f.p, date: f.date, method: f.method, result: f.result, level: readText(f.levelCell) ?? '', next: f.next, order: items.length });
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

/** A level cell as the card shows it: the normalised letter, or the text as typed when it reads as no level. */
function levelLetter(v: unknown): string {
  const l = readIntentLevel(v);
  return typeof l === 'string' ? l : readText(v) ?? '';
}

/**
 * One card per open prospect (意向客户跟踪卡), in sheet order: its fields, its follow-ups in date order (levels
 * normalised), 建卡日期 from the card's created date (else its first follow-up), dated by its latest activity.
 * Every period's first MAX_FORM_CARDS cards; `counts` receives the cards per period.
 */
export function prospectCardRows(mapped: MappedSheet, facts: ProspectFacts, outcome: ProspectOutcome, due: Float64Array, counts?: Record<string, number>): ProspectCardFillRow[] {
  const followUps: ProspectCardFillRow['followUps'][] = Array.from({ length: facts.count }, () => []);
  for (const f of openFollowUps(mapped, facts, outcome)) {
    followUps[f.p].push({ n: 0, date: Number.isNaN(f.date) ? '' : f.date, method: f.method, result: f.result, level: levelLetter(f.levelCell), nextDate: Number.isNaN(f.next) ? '' : f.next });
  }
  const cap = new PeriodCap(MAX_FORM_CARDS);
  const out: ProspectCardFillRow[] = [];
  for (let p = 0; p < facts.count; p++) {
    if (outcome.level[p] === 'O' || outcome.level[p] === 'F') continue;
    const list = followUps[p];
    list.sort((x, y) => (x.date === '' ? Infinity : x.date) - (y.date === '' ? Infinity : y.date));
    list.forEach((f, i) => (f.n = i + 1));
    const firstDated = list.find((f) => f.date !== '')?.date ?? '';
    const created = Number.isNaN(facts.created[p]) ? firstDated : facts.created[p];
    const latest = Number.isNaN(facts.latestDate[p]) ? created : facts.latestDate[p];
    if (!cap.take(latest)) continue;
    out.push({
      prospectId: facts.id[p], name: facts.name[p], phone: facts.phone[p], model: facts.model[p], source: facts.source[p],
      consultant: facts.consultant[p], created, date: latest, level: outcome.level[p],
      nextDate: Number.isNaN(due[p]) ? '' : due[p], followUps: list,
    });
  }
  if (counts) Object.assign(counts, cap.counts);
  return out;
}

/** The model a register row names, without the purchase time in brackets: '瑞虎8(一个月内)' → '瑞虎8'. */
function modelOf(text: string): string {
  return text.replace(/[((][^))]*[))]?/g, '').trim();
}

function previousMonthKey(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** What the register gives the forms beyond its own rows: test drives, orders, consultants' months, monthly figures. */
export interface RegisterFormSets {
  testDrives: TestDriveFillRow[];
  orders: OrderFillRow[];
  consultantMonths: ConsultantMonthFillRow[];
  salesKpis: SalesKpiFillRow[];
  /** model.1 … model.4: the four models with the most orders. */
  labels: Record<string, string>;
  counts: { testDrives: Record<string, number>; orders: Record<string, number> };
}

/**
 * Test drives (试乘试驾管理表), orders (交车预约登记表), per consultant and month (月销售计划分配表, 绩效周进度管控表)
 * and the register's monthly figures by the forms' item names (来店批数, 来电批数, 新增意向客户, 试乘试驾, 订单数), each
 * with the calendar month before. One pass over the register.
 */
export function registerFormSets(mapped: MappedSheet, facts: RegisterFacts): RegisterFormSets {
  const c = mapped.columns;
  const driveCap = new PeriodCap(MAX_FORM_ROWS);
  const orderCap = new PeriodCap(MAX_FORM_ROWS);
  const testDrives: TestDriveFillRow[] = [];
  const orders: OrderFillRow[] = [];
  type Month = { visits: number; calls: number; leads: number; drives: number; orders: number };
  const months = new Map<string, Month>();
  const byConsultant = new Map<string, ConsultantMonthFillRow>();
  const modelOrders = new Map<string, number>();
  for (let i = 0; i < facts.count; i++) {
    const flags = facts.flags[i];
    const date = facts.date[i];
    const row = mapped.sheet.grid[facts.rows[i]] ?? [];
    const text = (col: number | undefined) => (col === undefined ? '' : readText(row[col]) ?? '');
    const consultant = facts.consultants[facts.consultant[i]];
    const isDrive = (flags & FLAG_TEST_DRIVE) !== 0;
    const isOrder = (flags & FLAG_ORDER) !== 0;
    const dated: number | '' = Number.isNaN(date) ? '' : date;
    if (isDrive && driveCap.take(dated)) {
      testDrives.push({
        date: dated, time: c.time === undefined ? '' : timeText(row[c.time]).split(/[-–~至]/)[0].trim(), name: text(c.name), phone: text(c.phone),
        model: modelOf(text(c.intendedModel)), consultant, order: isOrder ? '是' : '否',
      });
    }
    if (isOrder) {
      const model = modelOf(text(c.intendedModel));
      if (model) modelOrders.set(model, (modelOrders.get(model) ?? 0) + 1);
      if (orderCap.take(dated)) orders.push({ date: dated, name: text(c.name), phone: text(c.phone), model, consultant });
    }
    if (dated === '') continue;
    const month = monthKey(dated);
    let m = months.get(month);
    if (!m) months.set(month, (m = { visits: 0, calls: 0, leads: 0, drives: 0, orders: 0 }));
    if (facts.contact[i] === CONTACT_VISIT) m.visits++;
    else if (facts.contact[i] === CONTACT_CALL) m.calls++;
    if (flags & FLAG_LEAD) m.leads++;
    if (isDrive) m.drives++;
    if (isOrder) m.orders++;
    if (!consultant) continue;
    const key = `${month}|${consultant}`;
    let cm = byConsultant.get(key);
    if (!cm) byConsultant.set(key, (cm = { month, consultant, orders: 0, lastMonth: 0, weeks: [0, 0, 0, 0, 0], leads: 0, testDrives: 0 }));
    if (isOrder) {
      cm.orders++;
      cm.weeks[Math.min(4, Math.floor((serialToYmd(dated).d - 1) / 7))]++;
    }
    if (flags & FLAG_LEAD) cm.leads++;
    if (isDrive) cm.testDrives++;
  }
  // Every consultant of a month, and those of the month before with no row this month (their plan is made too).
  const consultantMonths: ConsultantMonthFillRow[] = [];
  const sortedMonths = [...months.keys()].sort();
  const consultantsOf = new Map<string, string[]>();
  for (const cm of byConsultant.values()) (consultantsOf.get(cm.month) ?? consultantsOf.set(cm.month, []).get(cm.month)!).push(cm.consultant);
  for (const month of sortedMonths) {
    const names = new Set(consultantsOf.get(month) ?? []);
    for (const n of consultantsOf.get(previousMonthKey(month)) ?? []) names.add(n);
    for (const name of [...names].sort((a, b) => compareText(a, b))) {
      const cm = byConsultant.get(`${month}|${name}`) ?? { month, consultant: name, orders: 0, lastMonth: 0, weeks: [0, 0, 0, 0, 0], leads: 0, testDrives: 0 };
      cm.lastMonth = byConsultant.get(`${previousMonthKey(month)}|${name}`)?.orders ?? 0;
      consultantMonths.push(cm);
    }
  }
  const salesKpis: SalesKpiFillRow[] = [];
  const share = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);
  const rates: [string, (m: Month) => number | null][] = [
    ['留资率', (m) => share(m.leads, m.visits + m.calls)],
    ['试乘试驾率', (m) => share(m.drives, m.visits)],
    ['展厅成交率', (m) => share(m.orders, m.visits)],
  ];
  const items: [string, keyof Month][] = [['来店批数', 'visits'], ['来电批数', 'calls'], ['新增意向客户', 'leads'], ['试乘试驾', 'drives'], ['订单数', 'orders']];
  for (const month of sortedMonths) {
    const m = months.get(month)!;
    const before = months.get(previousMonthKey(month));
    for (const [item, k] of items) {
      salesKpis.push(before ? { month, item, value: m[k], last: before[k] } : { month, item, value: m[k] });
    }
    // The rates of 运营管理综合指标分析, as the forms define them (coreProcess.ts: 留资率 = 留有客户资料数 ÷ 来访批数;
    // 试乘试驾率 and 展厅成交率 over the showroom visits), in percent to one decimal as the form's 单位 % column reads
    // (the form's 0.0 format would show 0.46 as 0.5); none where the month has no denominator.
    for (const [item, rate] of rates) {
      const value = rate(m);
      if (value === null) continue;
      const last = before ? rate(before) : null;
      salesKpis.push(last === null ? { month, item, value } : { month, item, value, last });
    }
  }
  const labels: Record<string, string> = {};
  [...modelOrders.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 4).forEach(([model], i) => (labels[`model.${i + 1}`] = model));
  return { testDrives, orders, consultantMonths, salesKpis, labels, counts: { testDrives: driveCap.counts, orders: orderCap.counts } };
}

/** Lost prospects per month (战败客户数 of 三表一卡延伸分析), by their latest follow-up, with the month before. */
export function lostProspectKpis(facts: ProspectFacts, outcome: ProspectOutcome): SalesKpiFillRow[] {
  const byMonth = new Map<string, number>();
  for (let p = 0; p < facts.count; p++) {
    const d = facts.latestDate[p];
    if (Number.isNaN(d)) continue;
    const month = monthKey(d);
    byMonth.set(month, (byMonth.get(month) ?? 0) + (outcome.level[p] === 'F' ? 1 : 0));
  }
  return [...byMonth.keys()].sort().map((month) => {
    const before = byMonth.get(previousMonthKey(month));
    const value = byMonth.get(month)!;
    return before === undefined ? { month, item: '战败客户数', value } : { month, item: '战败客户数', value, last: before };
  });
}
