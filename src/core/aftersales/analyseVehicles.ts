/**
 * The after-sales kernel: from typed tables to one classification per vehicle (struct of arrays). Trusts its
 * input (records.ts validated it); the facade (src/core/analyse.ts) turns the result into columns and sheets.
 */
import type { ReasonCategory, Settings } from '../settings/settings';
import type { Ymd } from '../values/dates';
import { classifyInto, localityOf, type VehicleClassification } from './classify';
import { ContactResultClassifier } from './contactResult';
import { classifyDestination } from './destination';
import type { ContactResult, Destination, LocalityLabel, Priority, ReasonClass, Status, WarrantyLabel } from './labels';
import { matchAll, type CallMatch, type Vehicles } from './matchVehicles';
import { decideRule, priorityOf, PRIORITY_RULES, type PriorityInput } from './priority';
import { ReasonClassifier, reasonClass } from './reasons';
import type { CallTable, CustomerTable } from './tables';

export interface VehicleAnalysis {
  vehicles: Vehicles;
  calls: CallTable | null;
  callMatch: CallMatch | null;
  monthsSinceVisit: Float64Array;
  status: Status[];
  ageYears: Float64Array;
  ageBucket: string[];
  warranty: WarrantyLabel[];
  locality: LocalityLabel[];
  lastResult: ContactResult[];
  /** The reason text as written ('' when none). */
  reasonText: string[];
  reasonCategory: (ReasonCategory | '')[];
  reasonClass: (ReasonClass | '')[];
  /** '' for 活跃 vehicles (nowhere to have gone). */
  destination: (Destination | '')[];
  priority: Priority[];
  /** i18n keys and params of 建议动作 and its one-line reason. */
  action: string[];
  why: string[];
  /** Index in PRIORITY_RULES of the rule that gave action and why (its keys are action[v] and why[v]). */
  rule: Uint8Array;
  /** Internal share of recorded reasons among lost vehicles, NaN when none recorded. */
  internalShare: number;
  internalDominant: boolean;
}

/** A vehicle is "lost" for the churn rate and the reason/failure summaries when 流失 or 彻底流失. */
export function isLost(s: Status): boolean {
  return s === '流失' || s === '彻底流失';
}

/**
 * Classifies every vehicle of the customer table, using the call log when there is one.
 * @example analyseVehicles(customers, calls, { y: 2026, m: 10, d: 31 }, settings).status[0] // '流失'
 */
export function analyseVehicles(customers: CustomerTable, calls: CallTable | null, asOf: Ymd, settings: Settings): VehicleAnalysis {
  const { vehicles, callMatch } = matchAll(customers, calls);
  const n = vehicles.count;
  const contact = new ContactResultClassifier(settings.localRegions);
  const reasons = new ReasonClassifier(settings.extraReasonKeywords, settings.localRegions);

  const monthsSinceVisit = new Float64Array(n);
  const ageYears = new Float64Array(n);
  const status: Status[] = new Array(n);
  const ageBucket: string[] = new Array(n);
  const warranty: WarrantyLabel[] = new Array(n);
  const locality: LocalityLabel[] = new Array(n);
  const lastResult: ContactResult[] = new Array(n);
  const reasonText: string[] = new Array(n);
  const reasonCategory: (ReasonCategory | '')[] = new Array(n);
  const reasonClassOf: (ReasonClass | '')[] = new Array(n);
  const destination: (Destination | '')[] = new Array(n);
  let lostWithReason = 0;
  let lostInternal = 0;

  // One object reused for every vehicle (no allocation per vehicle in the kernel's loops).
  const c: VehicleClassification = { monthsSinceVisit: NaN, status: '数据异常', ageYears: NaN, ageBucket: '', warranty: '未知' };
  // Locality per distinct region text (a base has a few hundred regions at most).
  const localityOfRegion = new Map<string, LocalityLabel>();
  for (let v = 0; v < n; v++) {
    classifyInto(vehicles.purchase[v], vehicles.lastVisit[v], vehicles.mileage[v], asOf, settings, c);
    monthsSinceVisit[v] = c.monthsSinceVisit;
    status[v] = c.status;
    ageYears[v] = c.ageYears;
    ageBucket[v] = c.ageBucket;
    warranty[v] = c.warranty;
    const region = vehicles.region[v];
    let place = localityOfRegion.get(region);
    if (place === undefined) {
      place = localityOf(region, settings.localRegions);
      if (localityOfRegion.size < 100000) localityOfRegion.set(region, place);
    }
    locality[v] = place;

    const latest = callMatch ? callMatch.latestCall[v] : -1;
    const withReason = callMatch ? callMatch.latestReasonCall[v] : -1;
    const withDest = callMatch ? callMatch.latestDestinationCall[v] : -1;
    lastResult[v] = latest < 0 || !calls ? '未回访' : contact.classify(calls.result[latest], calls.reason[latest]);
    const text = withReason < 0 || !calls ? '' : calls.reason[withReason].trim();
    reasonText[v] = text;
    const category = text ? reasons.classify(text) : '';
    reasonCategory[v] = category;
    reasonClassOf[v] = category ? reasonClass(category) : '';
    if (c.status === '活跃') destination[v] = '';
    else destination[v] = calls ? classifyDestination(withDest < 0 ? '' : calls.destination[withDest], text) : '未知';
    if (isLost(c.status) && category) {
      lostWithReason++;
      if (reasonClassOf[v] === '内因') lostInternal++;
    }
  }

  const internalShare = lostWithReason ? lostInternal / lostWithReason : NaN;
  const internalDominant = lostWithReason > 0 && internalShare >= settings.priority.internalReasonShareToFixFirst;
  const priority: Priority[] = new Array(n);
  const action: string[] = new Array(n);
  const why: string[] = new Array(n);
  const rule = new Uint8Array(n);
  const p: PriorityInput = { status: '数据异常', ageYears: NaN, lastResult: '未回访', reasonCategory: '', reasonIsInternal: false, locality: '未知', monthsSinceVisit: NaN };
  const ctx = { internalDominant };
  for (let v = 0; v < n; v++) {
    p.status = status[v];
    p.ageYears = ageYears[v];
    p.lastResult = lastResult[v];
    p.reasonCategory = reasonCategory[v];
    p.reasonIsInternal = reasonClassOf[v] === '内因';
    p.locality = locality[v];
    p.monthsSinceVisit = monthsSinceVisit[v];
    const r = decideRule(p, settings, ctx);
    const decided = PRIORITY_RULES[r];
    rule[v] = r;
    priority[v] = priorityOf(decided, p, settings);
    action[v] = decided.action;
    why[v] = decided.reason;
  }

  return {
    vehicles, calls, callMatch, monthsSinceVisit, status, ageYears, ageBucket, warranty, locality, lastResult, reasonText,
    reasonCategory, reasonClass: reasonClassOf, destination, priority, action, why, rule, internalShare, internalDominant,
  };
}

/** Params of the action / reason messages of vehicle v (built on demand: no object kept per vehicle). */
export function actionParams(a: VehicleAnalysis, v: number, settings: Settings): Record<string, string | number> {
  return {
    months: Number.isFinite(a.monthsSinceVisit[v]) ? a.monthsSinceVisit[v] : '',
    years: Number.isFinite(a.ageYears[v]) ? a.ageYears[v] : '',
    maxYears: settings.priority.easyWinBackMaxAgeYears,
    result: a.lastResult[v],
    category: a.reasonCategory[v],
    status: a.status[v],
  };
}

/** A month or year count that fits the numeric cache key (4096 stands for "unknown"). */
function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 4096;
}

/** The texts of one combination: [action, why] and 'action:why' (the 建议动作 cell). */
interface ActionEntry {
  pair: [string, string];
  joined: string;
}

/**
 * The 建议动作 text and its one-line reason for vehicle v, translated. Distinct combinations are few (a handful of
 * rules × months × years), so texts are cached by their inputs instead of formatting a message per row. The cache
 * key is a number built from the rule, the small label sets and the month and year counts (no string per row);
 * a combination outside those ranges falls back to a text key.
 */
export class ActionTexts {
  /** By the labels' key, then by the months' and years' key (see entry). */
  private readonly cache = new Map<number, Map<number, ActionEntry>>();
  private readonly textCache = new Map<string, ActionEntry>();
  private readonly ids = new Map<string, number>();
  constructor(
    private readonly a: VehicleAnalysis,
    private readonly settings: Settings,
    private readonly t: (key: string, params?: Record<string, string | number>) => string,
  ) {}

  /** @example texts.of(0) // ['电话招揽', '准流失(8个月未回厂),车龄3年,最易挽回'] */
  of(v: number): [action: string, why: string] {
    return this.entry(v).pair;
  }

  /** The 建议动作 cell of vehicle v: 'action:why'. */
  joined(v: number): string {
    return this.entry(v).joined;
  }

  private id(label: string): number {
    let i = this.ids.get(label);
    if (i === undefined) this.ids.set(label, (i = this.ids.size));
    return i;
  }

  private entry(v: number): ActionEntry {
    const a = this.a;
    const months = a.monthsSinceVisit[v];
    const years = a.ageYears[v];
    const m = Number.isNaN(months) ? 4096 : months;
    const y = Number.isNaN(years) ? 4096 : years;
    const result = this.id(a.lastResult[v]);
    const category = this.id(a.reasonCategory[v]);
    const status = this.id(a.status[v]);
    if (isCount(m) && isCount(y) && result < 64 && category < 64 && status < 64) {
      // Two small integers (below 2^26 and 4097² ≈ 2^24), so both lookups hash a small integer: one key of
      // 256 × 64³ × 4097² would be a heap number, allocated and hashed as a double on every row.
      const labels = ((a.rule[v] * 64 + result) * 64 + category) * 64 + status;
      let byCounts = this.cache.get(labels);
      if (byCounts === undefined) this.cache.set(labels, (byCounts = new Map()));
      const counts = m * 4097 + y;
      let hit = byCounts.get(counts);
      if (hit === undefined) byCounts.set(counts, (hit = this.build(v)));
      return hit;
    }
    const key = `${a.action[v]}|${a.why[v]}|${months}|${years}|${a.lastResult[v]}|${a.reasonCategory[v]}|${a.status[v]}`;
    let hit = this.textCache.get(key);
    if (hit === undefined) this.textCache.set(key, (hit = this.build(v)));
    return hit;
  }

  private build(v: number): ActionEntry {
    const a = this.a;
    const p = actionParams(a, v, this.settings);
    const pair: [string, string] = [this.t(a.action[v], p), this.t(a.why[v], p)];
    return { pair, joined: `${pair[0]}:${pair[1]}` };
  }
}
