/** Summary 1, 流失概览: base, count and share per status, churn and retention rate, target and customers to win back. */
import type { SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { STATUSES } from '../labels';
import { classifiedOf, lostOf, STATUS_INDEX, pct, rate, type SummaryContext } from './context';

export interface OverviewFigures {
  base: number;
  classified: number;
  lost: number;
  churnRate: number;
  retentionRate: number;
  targetChurnRate: number;
  needWinBack: number;
  statusCounts: Record<string, number>;
}

/**
 * The overview figures. Churn rate = (流失 + 彻底流失) / classified vehicles (数据异常 excluded);
 * customers to win back = ceil(lost − target × classified), at least 0.
 * @example overviewFigures(ctx).needWinBack // 6 for 31 lost of 100 at a 25% target
 */
export function overviewFigures(ctx: SummaryContext): OverviewFigures {
  const counts = STATUSES.map(() => 0);
  for (const s of ctx.a.status) counts[STATUS_INDEX[s]]++;
  const classified = classifiedOf(counts);
  const lost = lostOf(counts);
  const churnRate = classified > 0 ? lost / classified : 0;
  const target = ctx.settings.targetChurnRate;
  // The 1e-9 keeps a float product such as 0.1 × 30 = 3.0000000000000004 from adding a customer.
  const needWinBack = Math.max(0, Math.ceil(lost - target * classified - 1e-9));
  const statusCounts: Record<string, number> = {};
  STATUSES.forEach((s, i) => (statusCounts[s] = counts[i]));
  return {
    base: ctx.a.vehicles.count, classified, lost, churnRate, retentionRate: classified > 0 ? 1 - churnRate : 0,
    targetChurnRate: target, needWinBack, statusCounts,
  };
}

export function overviewSheet(ctx: SummaryContext, f: OverviewFigures = overviewFigures(ctx)): SheetSpec {
  const { t } = ctx;
  const need = f.needWinBack > 0 ? t('aftersales.c.overviewNeed', { n: f.needWinBack }) : t('aftersales.c.overviewMet');
  return buildSummarySheet({
    key: 'summary.overview',
    name: t('aftersales.sheet.overview'),
    title: t('aftersales.title.overview'),
    subtitle: ctx.subtitle,
    conclusion: t('aftersales.c.overview', { base: f.base, churn: pct(f.churnRate), target: pct(f.targetChurnRate), need }),
    tables: [
      {
        id: 'status',
        caption: t('aftersales.cap.status'),
        columns: [
          { header: t('aftersales.h.status'), kind: 'text' },
          { header: t('aftersales.h.vehicles'), kind: 'integer', total: { fn: 'sum' } },
          { header: t('aftersales.h.share'), kind: 'percent' },
        ],
        rows: STATUSES.map((s) => [s, f.statusCounts[s], rate(f.statusCounts[s], f.base)]),
        totalsRow: true,
        charts: [{ type: 'pie', title: t('aftersales.chart.status'), category: t('aftersales.h.status'), series: [t('aftersales.h.vehicles')], widthCols: 7, heightRows: 14 }],
      },
      {
        id: 'figures',
        caption: t('aftersales.cap.figures'),
        columns: [
          { header: t('aftersales.h.measure'), kind: 'text' },
          { header: t('aftersales.h.value'), kind: 'integer' },
        ],
        rows: [
          [t('aftersales.m.base'), f.base],
          [t('aftersales.m.classified'), f.classified],
          [t('aftersales.m.lost'), f.lost],
          [t('aftersales.m.needWinBack'), f.needWinBack],
        ],
      },
      {
        id: 'rates',
        caption: t('aftersales.cap.rates'),
        columns: [
          { header: t('aftersales.h.measure'), kind: 'text' },
          { header: t('aftersales.h.rate'), kind: 'percent' },
        ],
        rows: [
          [t('aftersales.m.churnRate'), f.churnRate],
          [t('aftersales.m.retention'), f.retentionRate],
          [t('aftersales.m.target'), f.targetChurnRate],
        ],
      },
    ],
    notes: [t('aftersales.note.lostDefinition')],
  });
}
