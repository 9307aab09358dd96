/**
 * Summaries 2 (地区分析, 车型分析, 车龄分析): vehicles per status for each group, the group's churn rate, and for
 * vehicle age the cumulative share of lost customers. Region also gets a PivotTable over the classified sheet.
 */
import type { CellValue, PivotSpec, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { isLost } from '../analyseVehicles';
import { AGE_BUCKETS, DUPLICATE_MARK, LOST_STATUSES, STATUSES } from '../labels';
import { highestRate, leader } from '../../plan/conclusionRules';
import { classifiedOf, countByGroup, lostOf, pct, rate, type ClassifiedSource, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

/** Column of 流失率 in the status tables: group, five statuses, total, lost, rate. */
const CHURN_RATE_COL = 1 + STATUSES.length + 2;

interface GroupRow {
  group: string;
  counts: number[];
}

/**
 * A PivotTable of 流失状态 by one column of the classified customer sheet. It counts rows, so the rows marked 重复
 * are excluded: then it counts each vehicle once and its grand total equals the table's. None when the column is
 * not mapped.
 */
function statusPivot(src: ClassifiedSource, id: string, rowHeader: string): Omit<PivotSpec, 'row' | 'col'>[] {
  if (!rowHeader || rowHeader === src.statusHeader) return [];
  return [
    {
      name: `CD_pivot_${id}`,
      source: { sheet: src.sheet, headerRow: src.headerRow, firstCol: 0, lastCol: src.lastCol, lastRow: src.lastRow },
      rows: [rowHeader],
      columns: [src.statusHeader],
      values: [{ header: src.statusHeader, fn: 'count' }],
      exclude: { header: src.duplicateHeader, values: [DUPLICATE_MARK] },
      order: { [src.statusHeader]: STATUSES, ...(rowHeader === src.ageBucketHeader ? { [rowHeader]: AGE_BUCKETS } : {}) },
    },
  ];
}

function statusColumns(ctx: SummaryContext, groupHeader: string): TableColumn[] {
  const { t } = ctx;
  return [
    { header: groupHeader, kind: 'text' },
    ...STATUSES.map((s): TableColumn => ({ header: s, kind: 'integer', total: { fn: 'sum' } })),
    { header: t('aftersales.h.total'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.lost'), kind: 'integer', total: { fn: 'sum' } },
    { header: t('aftersales.h.churnRate'), kind: 'percent' },
  ];
}

function statusRow(r: GroupRow): CellValue[] {
  const total = r.counts.reduce((x, y) => x + y, 0);
  return [r.group, ...r.counts, total, lostOf(r.counts), rate(lostOf(r.counts), classifiedOf(r.counts))];
}

/** Groups sorted by lost customers, then by size, then by name (stable, readable). */
function sortedGroups(groups: Map<string, number[]>): GroupRow[] {
  const rows = [...groups.entries()].map(([group, counts]) => ({ group, counts }));
  const total = (c: number[]) => c.reduce((x, y) => x + y, 0);
  rows.sort((a, b) => lostOf(b.counts) - lostOf(a.counts) || total(b.counts) - total(a.counts) || compareText(a.group, b.group));
  return rows;
}

/**
 * The conclusion names the group with the highest churn RATE among groups of at least
 * settings.conclusions.minGroupSize classified vehicles (issue 12.6), and the group with the most lost customers
 * when that is another one. The blank group is never named. With no group large enough, it says so.
 */
function groupConclusion(ctx: SummaryContext, rows: GroupRow[], dimensionKey: string): string[] {
  const { t } = ctx;
  const blank = t('aftersales.blank');
  const totalLost = rows.reduce((n, r) => n + lostOf(r.counts), 0);
  if (rows.length === 0 || totalLost === 0) return [t('aftersales.c.groupNone')];
  const dimension = t(dimensionKey);
  const min = ctx.settings.conclusions.minGroupSize;
  const most = rows.find((r) => r.group !== blank && lostOf(r.counts) > 0);
  const mostLine = (key: string) => (most ? [t(key, { dimension, group: most.group, n: lostOf(most.counts), share: pct(lostOf(most.counts) / totalLost) })] : []);
  const top = highestRate(rows.map((r) => ({ group: r.group, lost: lostOf(r.counts), size: classifiedOf(r.counts) })), min, [blank]);
  // One statement per line, so a line never runs off the printed page.
  if (!top) return [t('aftersales.c.groupSmall', { dimension, min }), ...mostLine('aftersales.c.groupMostLost')];
  const line = t('aftersales.c.group', { dimension, group: top.group, rate: pct(top.rate), n: top.lost, size: top.size, min });
  return most && most.group !== top.group ? [line, ...mostLine('aftersales.c.groupMostLostOther')] : [line];
}

/** 地区分析 or 车型分析. */
export function groupSheet(ctx: SummaryContext, dimension: 'region' | 'model'): SheetSpec {
  const { t, a } = ctx;
  const blank = t('aftersales.blank');
  const values = dimension === 'region' ? a.vehicles.region : a.vehicles.model;
  const groupOf = values.map((g) => g || blank);
  const rows = sortedGroups(countByGroup(groupOf, a.status));
  const header = t(`aftersales.h.${dimension}`);
  const src = ctx.source;
  const pivots = src ? statusPivot(src, dimension, dimension === 'region' ? src.regionHeader : src.modelHeader) : [];
  return buildSummarySheet({
    key: `summary.${dimension}`,
    name: t(`aftersales.sheet.${dimension}`),
    title: t(`aftersales.title.${dimension}`),
    subtitle: ctx.subtitle,
    conclusion: groupConclusion(ctx, rows, `aftersales.dimension.${dimension}`),
    tables: [
      {
        id: dimension,
        caption: t('aftersales.cap.byGroup'),
        columns: statusColumns(ctx, header),
        rows: rows.map(statusRow),
        totalsRow: true,
        conditionalFormats: rows.length ? [{ type: 'dataBar', col: CHURN_RATE_COL, firstRow: 0, lastRow: rows.length - 1 }] : undefined,
        charts:
          dimension === 'region'
            ? [{ type: 'columnStacked', title: t('aftersales.chart.region'), category: header, series: [...LOST_STATUSES], widthCols: 8, heightRows: 15 }]
            : undefined,
      },
    ],
    pivots,
    // No 'PivotTable in Excel, a table in the file' note: each adapter labels its own pivot or cross-tab.
    notes: [t('aftersales.note.lostDefinition')],
    orientation: 'landscape',
  });
}

/** Share of lost customers whose car is younger than `years` (the seed's "购车4年以内的流失客户占58.7%"). */
export function lostShareYoungerThan(ctx: SummaryContext, years: number): number {
  let lost = 0;
  let young = 0;
  for (let v = 0; v < ctx.a.vehicles.count; v++) {
    if (!isLost(ctx.a.status[v])) continue;
    lost++;
    if (ctx.a.ageYears[v] < years) young++;
  }
  return lost ? young / lost : NaN;
}

/**
 * The seed's line ("购车4年以内的流失客户占58.7%,招揽相对容易,应重点招揽") only when those young cars are at least
 * half of the lost customers; otherwise it names the age band with the most lost customers (a tie said as a tie).
 */
function ageConclusion(ctx: SummaryContext, share: number, years: number, lostByBand: (readonly [string, number])[], totalLost: number): string {
  const { t } = ctx;
  if (!Number.isFinite(share) || totalLost === 0) return t('aftersales.c.groupNone');
  if (share >= 0.5) return t('aftersales.c.age', { years, share: pct(share) });
  const top = leader(lostByBand, [t('aftersales.blank')]);
  if (top.kind === 'none') return t('aftersales.c.ageFew', { years, share: pct(share), band: '—', n: 0, bandShare: '—' });
  const band = top.kind === 'one' ? top.key : top.keys.join('、');
  return t(top.kind === 'one' ? 'aftersales.c.ageFew' : 'aftersales.c.ageFewTie', { years, share: pct(share), band, n: top.n, bandShare: pct(top.n / totalLost) });
}

/** 车龄分析: buckets in age order (unknown age last), with the cumulative share of lost customers. */
export function ageSheet(ctx: SummaryContext): SheetSpec {
  const { t, a } = ctx;
  const blank = t('aftersales.blank');
  const groups = countByGroup(a.ageBucket.map((b) => b || blank), a.status);
  const order = [...AGE_BUCKETS, blank].filter((b) => groups.has(b));
  const totalLost = order.reduce((n, b) => n + lostOf(groups.get(b) ?? []), 0);
  let cumulative = 0;
  const rows = order.map((b) => {
    const counts = groups.get(b) ?? [];
    cumulative += lostOf(counts);
    return [...statusRow({ group: b, counts }), rate(cumulative, totalLost)];
  });
  const years = ctx.settings.priority.easyWinBackMaxAgeYears;
  const share = lostShareYoungerThan(ctx, years);
  const agePivots = ctx.source ? statusPivot(ctx.source, 'age', ctx.source.ageBucketHeader) : [];
  return buildSummarySheet({
    key: 'summary.age',
    name: t('aftersales.sheet.age'),
    title: t('aftersales.title.age'),
    subtitle: ctx.subtitle,
    conclusion: ageConclusion(ctx, share, years, order.map((b) => [b, lostOf(groups.get(b) ?? [])] as const), totalLost),
    tables: [
      {
        id: 'age',
        caption: t('aftersales.cap.byGroup'),
        columns: [...statusColumns(ctx, t('aftersales.h.ageBucket')), { header: t('aftersales.h.cumLostShare'), kind: 'percent' }],
        rows,
        conditionalFormats: rows.length ? [{ type: 'dataBar', col: CHURN_RATE_COL, firstRow: 0, lastRow: rows.length - 1 }] : undefined,
        // Lost customers per band (columns) and their cumulative share (a rate: a line on the secondary axis).
        charts: [{
          type: 'columnClustered', title: t('aftersales.chart.ageCumulative'), category: t('aftersales.h.ageBucket'),
          series: [t('aftersales.h.lost')], secondary: [t('aftersales.h.cumLostShare')], widthCols: 8, heightRows: 15,
        }],
      },
    ],
    pivots: agePivots,
    notes: [t('aftersales.note.lostDefinition')],
    orientation: 'landscape',
  });
}
