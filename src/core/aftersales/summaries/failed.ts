/**
 * Summary 5, 跟踪失败: failed follow-ups of lost customers per failure category, their share of the followed-up lost
 * customers (lost vehicles with at least one call), and the change against the previous calendar month
 * (state.lastRun.failedByMonth, see failureHistory.ts).
 */
import type { SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { isLost } from '../analyseVehicles';
import { FAILED_RESULTS } from '../labels';
import { pct, rate, type SummaryContext } from './context';

export interface FailedFigures {
  followedLost: number;
  failed: number;
  byCategory: Record<string, number>;
}

export function failedFigures(ctx: SummaryContext): FailedFigures {
  const { a } = ctx;
  const byCategory: Record<string, number> = {};
  for (const c of FAILED_RESULTS) byCategory[c] = 0;
  let followedLost = 0;
  let failed = 0;
  for (let v = 0; v < a.vehicles.count; v++) {
    if (!isLost(a.status[v]) || a.lastResult[v] === '未回访') continue;
    followedLost++;
    if (a.lastResult[v] === '成功') continue;
    failed++;
    byCategory[a.lastResult[v]]++;
  }
  return { followedLost, failed, byCategory };
}

export function failedSheet(ctx: SummaryContext, f: FailedFigures = failedFigures(ctx)): SheetSpec {
  const { t } = ctx;
  const prev = ctx.previousFailed;
  const lines: string[] = [];
  if (f.failed === 0) lines.push(t('aftersales.c.failedNone'));
  else {
    lines.push(t('aftersales.c.failed', { n: f.failed, share: pct(f.failed / f.followedLost) }));
    // The seed's habit: name the category that grew most since last month (号码有误 48 against 41).
    if (prev) {
      let best = '';
      let bestUp = 0;
      for (const c of FAILED_RESULTS) {
        const up = f.byCategory[c] - (prev[c] ?? 0);
        if (typeof prev[c] === 'number' && up > bestUp) [best, bestUp] = [c, up];
      }
      if (best) lines.push(t('aftersales.c.failedChange', { category: best, n: f.byCategory[best], prev: prev[best] }));
    }
  }
  // Month over month: each recorded month's counts (this run's replacing an earlier run of its month), once two are known.
  const month = `${ctx.asOf.y}-${String(ctx.asOf.m).padStart(2, '0')}`;
  const history: Record<string, Record<string, number>> = { ...(ctx.failedHistory ?? {}), [month]: f.byCategory };
  const months = Object.keys(history).filter((m) => m <= month).sort().slice(-12);
  const monthTable = months.length >= 2
    ? [{
        id: 'failedByMonth',
        caption: months.length >= 3 ? t('aftersales.cap.failedTrend', { n: months.length }) : t('aftersales.cap.failedByMonth'),
        columns: [
          { header: t('aftersales.h.month'), kind: 'text' as const },
          { header: t('aftersales.h.failedTotal'), kind: 'integer' as const },
          ...FAILED_RESULTS.map((c) => ({ header: c, kind: 'integer' as const })),
        ],
        rows: months.map((m) => {
          const counts = history[m];
          let total = 0;
          for (const c of FAILED_RESULTS) total += counts[c] ?? 0;
          return [m, total, ...FAILED_RESULTS.map((c) => counts[c] ?? 0)];
        }),
      }]
    : [];
  return buildSummarySheet({
    key: 'summary.failed',
    name: t('aftersales.sheet.failed'),
    title: t('aftersales.title.failed'),
    subtitle: ctx.subtitle,
    conclusion: lines,
    tables: [
      {
        id: 'failed',
        caption: t('aftersales.cap.failed'),
        columns: [
          { header: t('aftersales.h.failure'), kind: 'text' },
          { header: t('aftersales.h.count'), kind: 'integer', total: { fn: 'sum' } },
          { header: t('aftersales.h.shareOfFollowed'), kind: 'percent' },
          { header: t('aftersales.h.previous'), kind: 'integer' },
          { header: t('aftersales.h.change'), kind: 'integer', numberFormat: '+0;-0;0' },
        ],
        rows: FAILED_RESULTS.map((c) => {
          const p = prev && typeof prev[c] === 'number' ? prev[c] : '';
          return [c, f.byCategory[c], rate(f.byCategory[c], f.followedLost), p, p === '' ? '' : f.byCategory[c] - p];
        }),
        totalsRow: true,
        charts: [{ type: 'columnClustered', title: t('aftersales.chart.failed'), category: t('aftersales.h.failure'), series: [t('aftersales.h.count')], widthCols: 8, heightRows: 15 }],
      },
      ...monthTable,
    ],
    notes: [t('aftersales.note.lostDefinition')],
  });
}
