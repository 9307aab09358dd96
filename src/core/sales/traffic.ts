/**
 * Showroom traffic (展厅客流量统计表) from the register facts: counts per date × two-hour slot, per month and per
 * slot. One pass over the rows with Map-grouped counters (no per-row objects).
 */
import type { SalesSettings } from '../settings/settings';
import { monthKey, weekday } from '../values/dates';
import { WEEKDAYS } from './labels';
import { CONTACT_CALL, CONTACT_VISIT, FLAG_LEAD, FLAG_ORDER, type RegisterFacts } from './registerFacts';
import { SLOT_COUNT } from './slot';

/** Counter positions inside a slot's block. */
const VISITS = 0;
const CALLS = 1;
const LEADS = 2;
const ORDERS = 3;
const MEASURES = 4;
/** Slots 0..5 plus one for "time unknown". */
const SLOTS_WITH_UNKNOWN = SLOT_COUNT + 1;

export interface TrafficCounts {
  visits: number;
  calls: number;
  leads: number;
  orders: number;
}

export interface DayTraffic {
  date: number;
  /** '星期一' … */
  weekday: string;
  /** Index 0..5 the slots, 6 the rows without a readable time. */
  slots: TrafficCounts[];
  total: TrafficCounts;
}

export interface MonthTraffic extends TrafficCounts {
  /** 'YYYY-MM' */
  month: string;
  /** 展厅销售台数: vehicles sold to showroom customers; the order count until a sales sheet is supported. */
  showroomSales: number;
  /** 当月销售总量 from settings, '' until the user enters it. */
  monthlyTotalSales: number | '';
}

export interface Traffic {
  days: DayTraffic[];
  months: MonthTraffic[];
  /** Totals per slot over all dated and undated rows (index 6: time unknown). */
  bySlot: TrafficCounts[];
  total: TrafficCounts;
  /** Rows without a usable date (counted in totals and per slot, not per day or month). */
  undated: number;
}

function toCounts(block: Int32Array, offset: number): TrafficCounts {
  return { visits: block[offset + VISITS], calls: block[offset + CALLS], leads: block[offset + LEADS], orders: block[offset + ORDERS] };
}

/**
 * Aggregates the register facts.
 * @example computeTraffic(facts, settings.sales).months[0] // { month: '2026-10', visits: 120, calls: 80, … }
 */
export function computeTraffic(facts: RegisterFacts, sales: Pick<SalesSettings, 'monthlyTotalSales'>): Traffic {
  const perDay = new Map<number, Int32Array>();
  const bySlot = new Int32Array(SLOTS_WITH_UNKNOWN * MEASURES);
  let undated = 0;
  for (let i = 0; i < facts.count; i++) {
    const offset = (facts.slot[i] < 0 ? SLOT_COUNT : facts.slot[i]) * MEASURES;
    const date = facts.date[i];
    let block: Int32Array | undefined;
    if (Number.isNaN(date)) undated++;
    else {
      block = perDay.get(date);
      if (!block) {
        block = new Int32Array(SLOTS_WITH_UNKNOWN * MEASURES);
        perDay.set(date, block);
      }
    }
    const contact = facts.contact[i];
    const flags = facts.flags[i];
    const measure = contact === CONTACT_VISIT ? VISITS : contact === CONTACT_CALL ? CALLS : -1;
    if (measure >= 0) {
      bySlot[offset + measure]++;
      if (block) block[offset + measure]++;
    }
    if (flags & FLAG_LEAD) {
      bySlot[offset + LEADS]++;
      if (block) block[offset + LEADS]++;
    }
    if (flags & FLAG_ORDER) {
      bySlot[offset + ORDERS]++;
      if (block) block[offset + ORDERS]++;
    }
  }

  const sum = (block: Int32Array): TrafficCounts => {
    const t = { visits: 0, calls: 0, leads: 0, orders: 0 };
    for (let s = 0; s < SLOTS_WITH_UNKNOWN; s++) {
      t.visits += block[s * MEASURES + VISITS];
      t.calls += block[s * MEASURES + CALLS];
      t.leads += block[s * MEASURES + LEADS];
      t.orders += block[s * MEASURES + ORDERS];
    }
    return t;
  };

  const dates = [...perDay.keys()].sort((a, b) => a - b);
  const days: DayTraffic[] = [];
  const monthMap = new Map<string, MonthTraffic>();
  for (const date of dates) {
    const block = perDay.get(date) as Int32Array;
    const slots: TrafficCounts[] = [];
    for (let s = 0; s < SLOTS_WITH_UNKNOWN; s++) slots.push(toCounts(block, s * MEASURES));
    const total = sum(block);
    days.push({ date, weekday: WEEKDAYS[weekday(date)], slots, total });
    const month = monthKey(date);
    let m = monthMap.get(month);
    if (!m) {
      const entered = sales.monthlyTotalSales[month];
      m = { month, visits: 0, calls: 0, leads: 0, orders: 0, showroomSales: 0, monthlyTotalSales: typeof entered === 'number' ? entered : '' };
      monthMap.set(month, m);
    }
    m.visits += total.visits;
    m.calls += total.calls;
    m.leads += total.leads;
    m.orders += total.orders;
    m.showroomSales = m.orders;
  }
  const slotTotals: TrafficCounts[] = [];
  for (let s = 0; s < SLOTS_WITH_UNKNOWN; s++) slotTotals.push(toCounts(bySlot, s * MEASURES));
  return { days, months: [...monthMap.values()], bySlot: slotTotals, total: sum(bySlot), undated };
}

/** 留资率 = leads / (visits + calls); null when there were no batches. @example leadRate({visits:3,calls:1,leads:2,orders:0}) // 0.5 */
export function leadRate(c: TrafficCounts): number | null {
  const batches = c.visits + c.calls;
  return batches > 0 ? c.leads / batches : null;
}
