/**
 * Summary 3, 保期内外分析: lost customers in and out of warranty, where they went, and (the seed's report
 * 保期内流失其他服务站明细及原因) the in-warranty lost customers by region and reason.
 */
import type { CellValue, SheetSpec, TableColumn } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { EXTERNAL_REASONS, INTERNAL_REASONS } from '../../settings/settings';
import { isLost } from '../analyseVehicles';
import { DESTINATIONS, WARRANTY_LABELS } from '../labels';
import { leader, mostlyUnknown } from '../../plan/conclusionRules';
import { pct, rate, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

const REASON_ORDER: readonly string[] = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他'];

/**
 * The destination and reason parts of the conclusion, over every lost customer (issue 12.6): the main one only
 * when it leads alone (a tie is said as a tie), its share of the known ones, and a warning when more than
 * settings.conclusions.mostlyUnknownShare of them is 未知 / not recorded.
 */
export function leaderText(
  ctx: SummaryContext,
  kind: 'dest' | 'reason',
  counts: Map<string, number>,
  unknownKey: string,
  total: number,
): string {
  const { t } = ctx;
  const top = leader(counts, [unknownKey]);
  const known = top.kind === 'none' ? 0 : top.known;
  const parts: string[] = [];
  if (top.kind === 'none') parts.push(t(`aftersales.c.${kind}None`));
  else if (top.kind === 'one') parts.push(t(`aftersales.c.${kind}Top`, { name: top.key, n: top.n, share: pct(top.n / known) }));
  else parts.push(t(`aftersales.c.${kind}Tie`, { list: top.keys.join('、'), n: top.n }));
  if (top.kind !== 'none' && mostlyUnknown(total - known, total, ctx.settings.conclusions.mostlyUnknownShare)) {
    parts.push(t(`aftersales.c.${kind}MostlyUnknown`, { share: pct((total - known) / total) }));
  }
  return parts.join(t('aftersales.c.comma'));
}

export function warrantySheet(ctx: SummaryContext): SheetSpec {
  const { t, a } = ctx;
  const blank = t('aftersales.blank');
  const lostBy = new Map<string, number>();
  const destBy = new Map<string, Map<string, number>>(WARRANTY_LABELS.map((w) => [w, new Map<string, number>()]));
  const allDest = new Map<string, number>();
  const allReasons = new Map<string, number>();
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
    allDest.set(a.destination[v] || '未知', (allDest.get(a.destination[v] || '未知') ?? 0) + 1);
    allReasons.set(cat || '', (allReasons.get(cat || '') ?? 0) + 1);
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
  const dest = leaderText(ctx, 'dest', allDest, '未知', totalLost);
  const reason = leaderText(ctx, 'reason', allReasons, '', totalLost);
  const count = (header: string): TableColumn => ({ header, kind: 'integer', total: { fn: 'sum' } });

  return buildSummarySheet({
    key: 'summary.warranty',
    name: t('aftersales.sheet.warranty'),
    title: t('aftersales.title.warranty'),
    subtitle: ctx.subtitle,
    // Counts and destinations on one line, reasons on the next: neither runs off the printed page.
    conclusion: totalLost ? [t('aftersales.c.warranty', { out, in: inn, dest }), reason] : t('aftersales.c.groupNone'),
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

