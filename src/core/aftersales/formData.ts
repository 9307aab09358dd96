/**
 * The after-sales datasets of the form pack (src/core/forms/fillData.ts): lost vehicles by warranty × region ×
 * reason × destination (流失客户分析报表), failed follow-ups (跟踪失败分析表), monthly win-back per caller
 * (流失客户招揽信息汇总及分析表) and one row per matched call (流失客户招揽跟进记录表).
 */
import type {
  FailedFollowUpFillRow, FormFillData, LostVehicleFillRow, WinBackCallFillRow, WinBackMonthlyFillRow,
} from '../forms/fillData';
import { isLost, ActionTexts } from './analyseVehicles';
import { ContactResultClassifier } from './contactResult';
import { isRecordedCall } from './recordedCall';
import { FAILED_RESULTS } from './labels';
import type { FailedFigures } from './summaries/failed';
import { MONTH_CALLER_SEP, type MonthlyCounts } from './summaries/monthly';
import type { SummaryContext } from './summaries/context';

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

  const previous = ctx.previousFailed;
  const failedFollowUps = FAILED_RESULTS.map((category): FailedFollowUpFillRow => {
    const count = failed.byCategory[category];
    const p = previous?.[category];
    return typeof p === 'number' ? { category, count, previous: p } : { category, count };
  });

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
  return { lostVehicles: [...lostGroups.values()], failedFollowUps, winBackMonthly, winBackCalls };
}
