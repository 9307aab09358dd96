/**
 * Summary 6, 每月流失客户招揽信息汇总及分析表: per month and caller, from every call row (matched or not: it
 * measures the callers' work). Reached = the call's result reads 成功; invited = 是否邀约成功 reads yes;
 * came back = a readable 回站日期. Rates: reach = reached / calls, invitation = invited / reached,
 * return = came back / invited (blank when the denominator is 0).
 */
import type { CellValue, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { monthKey } from '../../values/dates';
import { ContactResultClassifier } from '../contactResult';
import { isRecordedCall } from '../recordedCall';
import { monthLabel } from '../../plan/conclusionRules';
import { pct, rate, type SummaryContext } from './context';

export type Counts = [calls: number, reached: number, invited: number, back: number];

function add(map: Map<string, Counts>, key: string, reached: boolean, invited: boolean, back: boolean): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = [0, 0, 0, 0]));
  count(c, reached, invited, back);
}

function count(c: Counts, reached: boolean, invited: boolean, back: boolean): void {
  c[0]++;
  if (reached) c[1]++;
  if (invited) c[2]++;
  if (back) c[3]++;
}

function measures(c: Counts): CellValue[] {
  return [c[0], c[1], rate(c[1], c[0]), c[2], rate(c[2], c[1]), c[3], rate(c[3], c[2])];
}

/** Counts per month+caller and per month; the month is 'YYYY-MM' or the no-date label, the caller or the blank label. */
export interface MonthlyCounts {
  /** key month + SEP + caller → counts */
  byMonthCaller: Map<string, Counts>;
  byMonth: Map<string, Counts>;
  total: Counts;
}

export const MONTH_CALLER_SEP = '\u0001';

/** One pass over the call log. */
export function monthlyCounts(ctx: SummaryContext): MonthlyCounts {
  const { t } = ctx;
  const calls = ctx.a.calls;
  const byMonthCaller = new Map<string, Counts>();
  const byMonth = new Map<string, Counts>();
  const total: Counts = [0, 0, 0, 0];
  const firstSeen: [string, Counts][] = [];
  if (calls) {
    const contact = new ContactResultClassifier(ctx.settings.localRegions);
    const noDate = t('aftersales.noDate');
    const blank = t('aftersales.blank');
    // The month text per distinct call date, and the counts per month then caller: no key text built per call.
    // byMonthCaller gets its entries in the order their first call comes, as if keyed by the joined text.
    const monthOfDate = new Map<number, string>();
    const callersOfMonth = new Map<string, Map<string, Counts>>();
    for (let i = 0; i < calls.rows.length; i++) {
      // A prefilled row with nothing recorded is a call still to be made, not a call.
      if (!isRecordedCall(calls, i)) continue;
      const date = calls.callDate[i];
      let month: string;
      if (Number.isNaN(date)) month = noDate;
      else {
        const known = monthOfDate.get(date);
        if (known === undefined) monthOfDate.set(date, (month = monthKey(date)));
        else month = known;
      }
      const reached = contact.classify(calls.result[i], calls.reason[i]) === '成功';
      const invited = calls.invited[i] === 1;
      const back = !Number.isNaN(calls.returnDate[i]);
      let callers = callersOfMonth.get(month);
      if (!callers) callersOfMonth.set(month, (callers = new Map()));
      const caller = calls.caller[i] || blank;
      let c = callers.get(caller);
      if (!c) {
        callers.set(caller, (c = [0, 0, 0, 0]));
        firstSeen.push([month + MONTH_CALLER_SEP + caller, c]);
      }
      count(c, reached, invited, back);
      add(byMonth, month, reached, invited, back);
      total[0]++;
      if (reached) total[1]++;
      if (invited) total[2]++;
      if (back) total[3]++;
    }
  }
  for (const [key, c] of firstSeen) byMonthCaller.set(key, c);
  return { byMonthCaller, byMonth, total };
}

export function monthlySheet(ctx: SummaryContext, counts: MonthlyCounts = monthlyCounts(ctx)): SheetSpec {
  const { t } = ctx;
  const { byMonthCaller, byMonth, total } = counts;
  const SEP = MONTH_CALLER_SEP;
  const measureColumns: TableColumn[] = [
    { header: t('aftersales.h.calls'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.reached'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.reachRate'), kind: 'percent' },
    { header: t('aftersales.h.invited'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.inviteRate'), kind: 'percent' },
    { header: t('aftersales.h.cameBack'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.returnRate'), kind: 'percent' },
  ];
  const keys = [...byMonthCaller.keys()].sort();
  // The analysis date's month, unless it is complete, is labelled partial: 2026-12(截至12月2日).
  const label = (m: string) => monthLabel(m, ctx.asOf, (p) => t('core.month.partial', p));
  const monthRows = [...byMonth.keys()].sort().map((m) => [label(m), ...measures(byMonth.get(m) as Counts)]);
  const conclusion = total[0]
    ? t('aftersales.c.monthly', { calls: total[0], reach: pct(total[1] / total[0]), invite: total[1] ? pct(total[2] / total[1]) : '—', back: total[2] ? pct(total[3] / total[2]) : '—' })
    : t('aftersales.c.monthlyNone');
  return buildSummarySheet({
    key: 'summary.monthly',
    name: t('aftersales.sheet.monthly'),
    title: t('aftersales.title.monthly'),
    subtitle: ctx.subtitle,
    conclusion,
    tables: [
      {
        id: 'caller',
        caption: t('aftersales.cap.monthlyCaller'),
        columns: [{ header: t('aftersales.h.month'), kind: 'text' }, { header: t('aftersales.h.caller'), kind: 'text' }, ...measureColumns],
        rows: keys.map((k) => {
          const [month, caller] = k.split(SEP);
          return [label(month), caller, ...measures(byMonthCaller.get(k) as Counts)];
        }),
        totalsRow: keys.length > 0,
      },
      {
        id: 'month',
        caption: t('aftersales.cap.monthly'),
        columns: [{ header: t('aftersales.h.month'), kind: 'text' }, ...measureColumns],
        rows: monthRows,
        charts: monthRows.length
          ? [{
              // The three rates only (one percent axis); the counts (hundreds) would flatten them onto zero.
              type: 'line', title: t('aftersales.chart.monthlyRates'), category: t('aftersales.h.month'),
              series: [t('aftersales.h.reachRate'), t('aftersales.h.inviteRate'), t('aftersales.h.returnRate')], widthCols: 8, heightRows: 15,
            }]
          : undefined,
      },
    ],
    notes: [t('aftersales.note.monthly')],
    orientation: 'landscape',
  });
}
