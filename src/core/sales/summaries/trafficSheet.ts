/**
 * 展厅客流量统计 (key 'sales.traffic'): the monthly table with the seed form's three rates as live formulas
 * (typing 当月销售总量 fills 展厅销售率), traffic per two-hour slot with a column chart, and the daily × slot table.
 */
import { leader, monthLabel } from '../../plan/conclusionRules';
import { serialToYmd } from '../../values/dates';
import type { SheetSpec, CellValue } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { SLOT_COUNT, SLOT_LABELS } from '../slot';
import { UNKNOWN_SLOT_LABEL } from '../labels';
import { leadRate, type Traffic } from '../traffic';
import { intCol, pctCol, dateCol, textCol, percentText, type SummaryContext } from './context';

export const TRAFFIC_KEY = 'sales.traffic';

/**
 * @example trafficSheet(computeTraffic(facts, settings.sales), ctx).name // '展厅客流量统计'
 */
export function trafficSheet(traffic: Traffic, ctx: SummaryContext): SheetSpec {
  const { t } = ctx;
  const h = (k: string) => t(`sales.h.${k}`);

  // Monthly: columns A..K; the rates reference the counts of the same row.
  const monthlyColumns = [
    textCol(h('month')),
    intCol(h('visits')),
    intCol(h('calls')),
    intCol(h('batches')),
    intCol(h('leads')),
    intCol(h('orders')),
    intCol(h('showroomSales')),
    { header: h('monthlyTotal'), kind: 'integer' as const },
    { ...pctCol(h('leadRate')), rowFormula: 'IFERROR(E{r}/D{r},"")' },
    { ...pctCol(h('closeRate')), rowFormula: 'IFERROR(F{r}/B{r},"")' },
    { ...pctCol(h('salesRate')), rowFormula: 'IFERROR(G{r}/H{r},"")' },
  ];
  // The analysis date's month, unless it is complete, is labelled partial: 2026-12(截至12月2日).
  const asOf = serialToYmd(ctx.asOf);
  const monthlyRows: CellValue[][] = traffic.months.map((m) => [
    monthLabel(m.month, asOf, (p) => t('core.month.partial', p)), m.visits, m.calls, m.visits + m.calls, m.leads, m.orders, m.showroomSales, m.monthlyTotalSales, '', '', '',
  ]);

  const slotLabels = [...SLOT_LABELS, UNKNOWN_SLOT_LABEL];
  const slotRows: CellValue[][] = [];
  traffic.bySlot.forEach((c, s) => {
    if (s < SLOT_COUNT || c.visits + c.calls + c.leads + c.orders > 0) slotRows.push([slotLabels[s], c.visits, c.calls, c.leads, c.orders]);
  });

  const dailyRows: CellValue[][] = [];
  for (const day of traffic.days) {
    day.slots.forEach((c, s) => {
      if (s < SLOT_COUNT || c.visits + c.calls + c.leads + c.orders > 0) {
        dailyRows.push([day.date, day.weekday, slotLabels[s], c.visits, c.calls, c.leads, c.orders]);
      }
    });
  }

  const total = traffic.total;
  let conclusion = t('sales.conclusion.trafficEmpty');
  if (total.visits + total.calls > 0) {
    // The busiest slot; slots tied for it are all named.
    const busiest = leader(Array.from({ length: SLOT_COUNT }, (_, s) => [SLOT_LABELS[s], traffic.bySlot[s].visits + traffic.bySlot[s].calls] as const));
    conclusion = t(busiest.kind === 'tie' ? 'sales.conclusion.trafficTie' : 'sales.conclusion.traffic', {
      batches: total.visits + total.calls,
      visits: total.visits,
      calls: total.calls,
      leadRate: percentText(leadRate(total)),
      closeRate: percentText(total.visits > 0 ? total.orders / total.visits : null),
      slot: busiest.kind === 'one' ? busiest.key : busiest.kind === 'tie' ? busiest.keys.join('、') : UNKNOWN_SLOT_LABEL,
      slotBatches: busiest.kind === 'none' ? 0 : busiest.n,
    });
  }

  return buildSummarySheet({
    key: TRAFFIC_KEY,
    name: t('sales.sheet.traffic'),
    title: t('sales.title.traffic'),
    subtitle: ctx.subtitle,
    conclusion,
    orientation: 'landscape',
    tables: [
      { id: 'monthly', caption: t('sales.caption.monthly'), columns: monthlyColumns, rows: monthlyRows },
      {
        id: 'slots',
        caption: t('sales.caption.bySlot'),
        columns: [textCol(h('slot')), intCol(h('visits'), true), intCol(h('calls'), true), intCol(h('leads'), true), intCol(h('orders'), true)],
        rows: slotRows,
        totalsRow: true,
        charts: [{ type: 'columnClustered', title: t('sales.chart.bySlot'), category: h('slot'), series: [h('visits'), h('calls')], widthCols: 8, heightRows: 15 }],
      },
      {
        id: 'daily',
        caption: t('sales.caption.daily'),
        columns: [dateCol(h('date')), textCol(h('weekday')), textCol(h('slot')), intCol(h('visits'), true), intCol(h('calls'), true), intCol(h('leads'), true), intCol(h('orders'), true)],
        rows: dailyRows,
        totalsRow: true,
      },
    ],
    notes: [t('sales.note.rates'), t('sales.note.showroomSales')],
  });
}
