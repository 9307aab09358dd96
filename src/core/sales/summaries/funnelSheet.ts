/**
 * 意向客户漏斗 (key 'sales.funnel'): the overall nested funnel (阶段, 数量, 转化率 ≤ 100%) with each stage's
 * independent count beside it as a share of 来电/来店 (never called a conversion), and a bar chart; then the same
 * nested funnel per receptionist and per information source, one row per group. A note states that the stages nest.
 */
import type { CellValue, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { FUNNEL_STAGES } from '../labels';
import { conversions, overallConversion, type Funnel, type FunnelGroup } from '../funnel';
import { intCol, pctCol, textCol, percentText, shareValue, type SummaryContext } from './context';

export const FUNNEL_KEY = 'sales.funnel';

function groupColumns(first: string, t: SummaryContext['t']): TableColumn[] {
  return [
    textCol(first),
    ...FUNNEL_STAGES.map((s) => intCol(s, true)),
    pctCol(t('sales.h.conv.lead')),
    pctCol(t('sales.h.conv.testDrive')),
    pctCol(t('sales.h.conv.quote')),
    pctCol(t('sales.h.conv.order')),
    pctCol(t('sales.h.overall')),
  ];
}

function groupRow(g: FunnelGroup): CellValue[] {
  const conv = conversions(g.counts);
  const overall = overallConversion(g.counts);
  return [g.label, ...g.counts, ...conv.slice(1).map((c) => c ?? ''), overall ?? ''];
}

/** @example funnelSheet(computeFunnel(facts), ctx).tables.length // 3 */
export function funnelSheet(funnel: Funnel, ctx: SummaryContext): SheetSpec {
  const { t } = ctx;
  const counts = funnel.overall.counts;
  const conv = conversions(counts);
  let conclusion = t('sales.conclusion.funnelEmpty');
  if (counts[0] > 0) {
    let weakest = -1;
    for (let s = 1; s < counts.length; s++) {
      const c = conv[s];
      if (c !== null && (weakest < 0 || c < (conv[weakest] as number))) weakest = s;
    }
    conclusion = t('sales.conclusion.funnel', {
      total: counts[0],
      orders: counts[counts.length - 1],
      overall: percentText(overallConversion(counts)),
      stage: weakest > 0 ? FUNNEL_STAGES[weakest] : FUNNEL_STAGES[1],
      rate: percentText(weakest > 0 ? conv[weakest] : null),
    });
    const allOrders = funnel.overall.independent[counts.length - 1];
    if (allOrders !== counts[counts.length - 1]) {
      conclusion += t('sales.conclusion.funnelAllOrders', { orders: allOrders, share: percentText(allOrders / counts[0]) });
    }
  }
  const independent = funnel.overall.independent;
  const h = (k: string) => t(`sales.h.${k}`);
  return buildSummarySheet({
    key: FUNNEL_KEY,
    name: t('sales.sheet.funnel'),
    title: t('sales.title.funnel'),
    subtitle: ctx.subtitle,
    conclusion,
    orientation: 'landscape',
    tables: [
      {
        id: 'overall',
        caption: t('sales.caption.funnel'),
        columns: [textCol(h('stage')), intCol(h('count')), pctCol(h('conversion')), intCol(h('independent')), pctCol(h('shareOfRows'))],
        rows: FUNNEL_STAGES.map((stage, i) => [stage, counts[i], conv[i] ?? '', independent[i], shareValue(independent[i], counts[0])]),
        charts: [{ type: 'barClustered', title: t('sales.chart.funnel'), category: h('stage'), series: [h('count')], widthCols: 8, heightRows: 12 }],
      },
      { id: 'consultant', caption: t('sales.caption.byConsultant'), columns: groupColumns(h('receptionist'), t), rows: funnel.byConsultant.map(groupRow), totalsRow: funnel.byConsultant.length > 1 },
      { id: 'source', caption: t('sales.caption.bySource'), columns: groupColumns(h('source'), t), rows: funnel.bySource.map(groupRow), totalsRow: funnel.bySource.length > 1 },
    ],
    notes: [t('sales.note.funnel'), t('sales.note.funnelAlone')],
  });
}
