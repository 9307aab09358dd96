/**
 * The after-sales datasets of the form pack (src/core/forms/fillData.ts): lost vehicles by warranty × region ×
 * reason × destination (流失客户分析报表), failed follow-ups (跟踪失败分析表), monthly win-back per caller
 * (流失客户招揽信息汇总及分析表) and one row per matched call (流失客户招揽跟进记录表).
 */
import {
  MAX_FORM_ROWS, type CustomerFillRow, type FailedFollowUpFillRow, type FormFillData, type LostVehicleFillRow, type WinBackCallFillRow,
  type WinBackMonthlyFillRow,
} from '../forms/fillData';
import { PeriodCap } from '../forms/period';
import { monthKey } from '../values/dates';
import type { VehicleAnalysis } from './analyseVehicles';
import { isLost, ActionTexts } from './analyseVehicles';
import { ContactResultClassifier } from './contactResult';
import { isRecordedCall } from './recordedCall';
import { FAILED_RESULTS } from './labels';
import type { FailedFigures } from './summaries/failed';
import { MONTH_CALLER_SEP, type MonthlyCounts } from './summaries/monthly';
import type { SummaryContext } from './summaries/context';
import { compareText } from '../plan/textOrder';

/**
 * Builds the datasets. Calls to vehicles that are still 活跃 are left out of the follow-up record (not win-back).
 * @example afterSalesFormData(ctx, failed, monthly).lostVehicles?.[0] // { warranty: '保期外', region: '西安', … count: 3 }
 */
export function afterSalesFormData(ctx: SummaryContext, failed: FailedFigures, monthly: MonthlyCounts): FormFillData {
  const { a, t } = ctx;
  const blank = t('aftersales.blank');

  const lostGroups = new Map<string, LostVehicleFillRow>();
  for (let v = 0; v < a.vehicles.count; v++) {
    if (!isLost(a.status[v])) continue;
    const row: LostVehicleFillRow = {
      warranty: a.warranty[v], region: a.vehicles.region[v] || blank, reasonCategory: a.reasonCategory[v] || blank,
      destination: a.destination[v] || '未知', count: 0,
    };
    const key = `${row.warranty}|${row.region}|${row.reasonCategory}|${row.destination}`;
    const hit = lostGroups.get(key) ?? row;
    hit.count++;
    lostGroups.set(key, hit);
  }

  const failedFollowUps = failedByMonthRows(ctx, failed);

  const winBackMonthly: WinBackMonthlyFillRow[] = [...monthly.byMonthCaller.keys()].sort().map((key) => {
    const [month, caller] = key.split(MONTH_CALLER_SEP);
    const c = monthly.byMonthCaller.get(key) as [number, number, number, number];
    return { month, caller, calls: c[0], reached: c[1], invited: c[2], returned: c[3] };
  });

  const winBackCalls: WinBackCallFillRow[] = [];
  const calls = a.calls;
  const match = a.callMatch;
  if (calls && match) {
    const contact = new ContactResultClassifier(ctx.settings.localRegions);
    const texts = new ActionTexts(a, ctx.settings, t);
    for (let i = 0; i < calls.rows.length; i++) {
      const v = match.vehicleOfCall[i];
      // Prefilled rows with nothing recorded are calls still to be made, not calls (recordedCall.ts).
      if (v < 0 || a.status[v] === '活跃' || !isRecordedCall(calls, i)) continue;
      winBackCalls.push({
        date: Number.isNaN(calls.callDate[i]) ? '' : calls.callDate[i],
        name: a.vehicles.name[v], phone: a.vehicles.phone[v], plate: a.vehicles.plate[v], model: a.vehicles.model[v],
        status: a.status[v],
        content: calls.reason[i],
        result: contact.classify(calls.result[i], calls.reason[i]),
        // The next step is the vehicle's suggested action, written on its latest call only.
        nextStep: match.latestCall[v] === i ? texts.of(v)[0] : '',
        caller: calls.caller[i],
      });
    }
  }
  // 流失客户分析报表 reads like the seed's report: 保期内 first, then by region, the largest groups first.
  const warrantyOrder = (w: string) => (w === '保期内' ? 0 : w === '保期外' ? 1 : 2);
  const lostVehicles = [...lostGroups.values()].sort(
    (x, y) => warrantyOrder(x.warranty) - warrantyOrder(y.warranty) || compareText(x.region, y.region) || y.count - x.count
      || compareText(x.reasonCategory, y.reasonCategory) || compareText(x.destination, y.destination),
  );
  const counts: Record<string, number> = {};
  const customers = customerFillRows(ctx, counts);
  return { lostVehicles, failedFollowUps, winBackMonthly, winBackCalls, customers, rowCounts: { customers: counts } };
}

function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * 跟踪失败分析表 by month: for each month of the call log (and the analysis month), the lost vehicles whose latest
 * recorded call of that month failed, per failure category, with the month before beside it (blank when the log
 * has no call in that month). Without any dated call: the analysis's own counts, as the analysis month's.
 */
export function failedByMonthRows(ctx: SummaryContext, failed: FailedFigures): FailedFollowUpFillRow[] {
  const { a } = ctx;
  const analysisMonth = `${ctx.asOf.y}-${String(ctx.asOf.m).padStart(2, '0')}`;
  const calls = a.calls;
  const match = a.callMatch;
  // vehicle|month -> latest call of that month
  const latest = new Map<string, number>();
  const months = new Set<string>();
  if (calls && match) {
    for (let i = 0; i < calls.rows.length; i++) {
      const v = match.vehicleOfCall[i];
      const d = calls.callDate[i];
      if (v < 0 || Number.isNaN(d) || !isRecordedCall(calls, i)) continue;
      const month = monthKey(d);
      months.add(month);
      if (!isLost(a.status[v])) continue;
      const key = `${v}|${month}`;
      const at = latest.get(key);
      if (at === undefined || calls.callDate[at] < d || (calls.callDate[at] === d && !(calls.callTime[at] > calls.callTime[i]))) latest.set(key, i);
    }
  }
  if (months.size === 0) {
    const previous = ctx.previousFailed;
    return FAILED_RESULTS.map((category): FailedFollowUpFillRow => {
      const count = failed.byCategory[category];
      const p = previous?.[category];
      return typeof p === 'number' ? { month: analysisMonth, category, count, previous: p } : { month: analysisMonth, category, count };
    });
  }
  months.add(analysisMonth);
  const contact = new ContactResultClassifier(ctx.settings.localRegions);
  const byMonth = new Map<string, Record<string, number>>();
  for (const m of months) byMonth.set(m, Object.fromEntries(FAILED_RESULTS.map((c) => [c, 0])));
  for (const [key, i] of latest) {
    const month = key.slice(key.indexOf('|') + 1);
    const result = contact.classify(calls!.result[i], calls!.reason[i]);
    const counts = byMonth.get(month)!;
    if (result in counts) counts[result]++;
  }
  const rows: FailedFollowUpFillRow[] = [];
  for (const month of [...months].sort()) {
    const counts = byMonth.get(month)!;
    const before = byMonth.get(previousMonth(month));
    for (const category of FAILED_RESULTS) {
      rows.push(before ? { month, category, count: counts[category], previous: before[category] } : { month, category, count: counts[category] });
    }
  }
  return rows;
}

/**
 * The customer base, one row per vehicle (duplicates merged), for 客户档案登记表, 客户信息分类表 and
 * 新客户回访登记表 (dated by the purchase date): every period's first MAX_FORM_ROWS.
 */
function customerFillRows(ctx: SummaryContext, counts: Record<string, number>): CustomerFillRow[] {
  const { a, t } = ctx;
  const cap = new PeriodCap(MAX_FORM_ROWS);
  const texts = new ActionTexts(a, ctx.settings, t);
  const out: CustomerFillRow[] = [];
  const vehicles = a.vehicles;
  for (let v = 0; v < vehicles.count; v++) {
    const purchase = vehicles.purchase[v];
    if (!cap.take(Number.isNaN(purchase) ? '' : purchase)) continue;
    out.push({
      name: vehicles.name[v], gender: '', phone: vehicles.phone[v], address: '', model: vehicles.model[v], vin: vehicles.vin[v],
      plate: vehicles.plate[v], purchaseDate: Number.isNaN(purchase) ? '' : purchase, status: a.status[v],
      customerClass: a.status[v] === '准流失' ? '潜在流失客户' : isLost(a.status[v]) ? '流失客户' : '',
      basis: basisOf(a, v), policy: texts.of(v)[0], advisor: vehicles.advisor[v],
    });
  }
  Object.assign(counts, cap.counts);
  return out;
}

/** Why a vehicle is in its class: '未回厂8个月' (or '' when the months are unknown). */
function basisOf(a: VehicleAnalysis, v: number): string {
  const m = a.monthsSinceVisit[v];
  return Number.isFinite(m) ? `未回厂${m}个月` : '';
}
