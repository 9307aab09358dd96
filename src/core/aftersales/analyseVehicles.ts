/**
 * The after-sales kernel: from typed tables to one classification per vehicle (struct of arrays). Trusts its
 * input (records.ts validated it); the facade (src/core/analyse.ts) turns the result into columns and sheets.
 */
import type { ReasonCategory, Settings } from '../settings/settings';
import type { Ymd } from '../values/dates';
import { classifyVehicle, localityOf } from './classify';
import { ContactResultClassifier } from './contactResult';
import { classifyDestination } from './destination';
import type { ContactResult, Destination, LocalityLabel, Priority, ReasonClass, Status, WarrantyLabel } from './labels';
import { matchCalls, matchVehicles, type CallMatch, type Vehicles } from './matchVehicles';
import { decidePriority } from './priority';
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
  const vehicles = matchVehicles(customers);
  const callMatch = calls ? matchCalls(calls, vehicles) : null;
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

  for (let v = 0; v < n; v++) {
    const c = classifyVehicle({ purchase: vehicles.purchase[v], lastVisit: vehicles.lastVisit[v], mileage: vehicles.mileage[v] }, asOf, settings);
    monthsSinceVisit[v] = c.monthsSinceVisit;
    status[v] = c.status;
    ageYears[v] = c.ageYears;
    ageBucket[v] = c.ageBucket;
    warranty[v] = c.warranty;
    locality[v] = localityOf(vehicles.region[v], settings.localRegions);

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
  for (let v = 0; v < n; v++) {
    const d = decidePriority(
      {
        status: status[v], ageYears: ageYears[v], lastResult: lastResult[v], reasonCategory: reasonCategory[v],
        reasonIsInternal: reasonClassOf[v] === '内因', locality: locality[v], monthsSinceVisit: monthsSinceVisit[v],
      },
      settings,
      { internalDominant },
    );
    priority[v] = d.priority;
    action[v] = d.action;
    why[v] = d.reason;
  }

  return {
    vehicles, calls, callMatch, monthsSinceVisit, status, ageYears, ageBucket, warranty, locality, lastResult, reasonText,
    reasonCategory, reasonClass: reasonClassOf, destination, priority, action, why, internalShare, internalDominant,
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

/**
 * The 建议动作 text and its one-line reason for vehicle v, translated. Distinct combinations are few (a handful of
 * rules × months × years), so texts are cached by their inputs instead of formatting a message per row.
 */
export class ActionTexts {
  private readonly cache = new Map<string, [string, string]>();
  constructor(
    private readonly a: VehicleAnalysis,
    private readonly settings: Settings,
    private readonly t: (key: string, params?: Record<string, string | number>) => string,
  ) {}

  /** @example texts.of(0) // ['电话招揽', '准流失(8个月未回厂),车龄3年,最易挽回'] */
  of(v: number): [action: string, why: string] {
    const a = this.a;
    const key = `${a.action[v]}|${a.why[v]}|${a.monthsSinceVisit[v]}|${a.ageYears[v]}|${a.lastResult[v]}|${a.reasonCategory[v]}|${a.status[v]}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const p = actionParams(a, v, this.settings);
      hit = [this.t(a.action[v], p), this.t(a.why[v], p)];
      this.cache.set(key, hit);
    }
    return hit;
  }
}
