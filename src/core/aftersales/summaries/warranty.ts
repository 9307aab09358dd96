/**
 * Summary 3, 保期内外分析: lost customers in and out of warranty, where they went, and (the seed's report
 * 保期内流失其他服务站明细及原因) the in-warranty lost customers by region and reason.
 */
import type { CellValue, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { EXTERNAL_REASONS, INTERNAL_REASONS } from '../../settings/settings';
import { isLost } from '../analyseVehicles';
import { DESTINATIONS, WARRANTY_LABELS } from '../labels';
import { rate, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

const REASON_ORDER: readonly string[] = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他'];

/** The most frequent key of a count map other than `except`, or null. */
function topKey(counts: Map<string, number>, except: string): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const [k, n] of counts) if (k !== except && n > bestN) [best, bestN] = [k, n];
  return best;
}

export function warrantySheet(ctx: SummaryContext): SheetSpec {
  const { t, a } = ctx;
  const blank = t('aftersales.blank');
  const lostBy = new Map<string, number>();
  const destBy = new Map<string, Map<string, number>>(WARRANTY_LABELS.map((w) => [w, new Map<string, number>()]));
  const outReasons = new Map<string, number>();
  const inWarranty = new Map<string, Map<string, number>>();
  const categoriesSeen = new Set<string>();
  let totalLost = 0;
  for (let v = 0; v < a.vehicles.count; v++) {
    if (!isLost(a.status[v])) continue;
    totalLost++;
    const w = a.warranty[v];
    lostBy.set(w, (lostBy.get(w) ?? 0) + 1);
    const dest = destBy.get(w) as Map<string, number>;
    dest.set(a.destination[v] || '未知', (dest.get(a.destination[v] || '未知') ?? 0) + 1);
    const cat = a.reasonCategory[v];
    if (w === '保期外' && cat) outReasons.set(cat, (outReasons.get(cat) ?? 0) + 1);
    if (w === '保期内') {
      const region = a.vehicles.region[v] || blank;
      let m = inWarranty.get(region);
      if (!m) inWarranty.set(region, (m = new Map()));
      const key = cat || blank;
      m.set(key, (m.get(key) ?? 0) + 1);
      categoriesSeen.add(key);
    }
  }
  const reasonCols = [...REASON_ORDER, blank].filter((c) => categoriesSeen.has(c));
  const regionRows: CellValue[][] = [...inWarranty.entries()]
    .map(([region, m]) => {
      const counts = reasonCols.map((c) => m.get(c) ?? 0);
      return [region, ...counts, counts.reduce((x, y) => x + y, 0)] as CellValue[];
    })
    .sort((x, y) => (y[y.length - 1] as number) - (x[x.length - 1] as number) || compareText(String(x[0]), String(y[0])));

  const out = lostBy.get('保期外') ?? 0;
  const inn = lostBy.get('保期内') ?? 0;
  const outDest = destBy.get('保期外') as Map<string, number>;
  const topDest = topKey(outDest, '未知') ?? t('aftersales.c.notRecorded');
  const topReason = topKey(outReasons, '') ?? t('aftersales.c.notRecorded');
  const count = (header: string): TableColumn => ({ header, kind: 'integer', total: { fn: 'sum' } });

  return buildSummarySheet({
    key: 'summary.warranty',
    name: t('aftersales.sheet.warranty'),
    title: t('aftersales.title.warranty'),
    subtitle: ctx.subtitle,
    conclusion: t('aftersales.c.warranty', { out, in: inn, dest: topDest, reason: topReason }),
    tables: [
      {
        id: 'lost',
        caption: t('aftersales.cap.warranty'),
        columns: [{ header: t('aftersales.h.warranty'), kind: 'text' }, count(t('aftersales.h.lost')), { header: t('aftersales.h.share'), kind: 'percent' }],
        rows: WARRANTY_LABELS.map((w) => [w, lostBy.get(w) ?? 0, rate(lostBy.get(w) ?? 0, totalLost)]),
        totalsRow: true,
      },
      {
        id: 'dest',
        caption: t('aftersales.cap.warrantyDest'),
        columns: [{ header: t('aftersales.h.warranty'), kind: 'text' }, ...DESTINATIONS.map(count), count(t('aftersales.h.total'))],
        rows: WARRANTY_LABELS.map((w) => {
          const m = destBy.get(w) as Map<string, number>;
          const counts = DESTINATIONS.map((d) => m.get(d) ?? 0);
          return [w, ...counts, counts.reduce((x, y) => x + y, 0)];
        }),
        totalsRow: true,
      },
      {
        id: 'inregion',
        caption: t('aftersales.cap.inWarrantyRegion'),
        columns: [{ header: t('aftersales.h.region'), kind: 'text' }, ...reasonCols.map(count), count(t('aftersales.h.total'))],
        rows: regionRows,
        totalsRow: regionRows.length > 0,
      },
    ],
    notes: [t('aftersales.note.lostDefinition')],
    orientation: 'landscape',
  });
}

