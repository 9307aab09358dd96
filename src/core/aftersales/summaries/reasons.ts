/** Summary 4, 流失原因: lost customers with a recorded reason, per category and internal vs external. */
import type { SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { EXTERNAL_REASONS, INTERNAL_REASONS } from '../../settings/settings';
import { isLost } from '../analyseVehicles';
import { REASON_CLASSES } from '../labels';
import { reasonClass } from '../reasons';
import { leader, mostlyUnknown } from '../../plan/conclusionRules';
import { pct, rate, type SummaryContext } from './context';

const ORDER = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他'] as const;

export interface ReasonFigures {
  /** Lost vehicles (流失 + 彻底流失), with or without a reason. */
  lost: number;
  withReason: number;
  byCategory: Map<string, number>;
  byClass: Map<string, number>;
}

/** Counts lost vehicles (流失 + 彻底流失) with a recorded reason, per category and class. */
export function reasonFigures(ctx: SummaryContext): ReasonFigures {
  const { a } = ctx;
  const byCategory = new Map<string, number>();
  const byClass = new Map<string, number>();
  let withReason = 0;
  let lost = 0;
  for (let v = 0; v < a.vehicles.count; v++) {
    if (!isLost(a.status[v])) continue;
    lost++;
    const cat = a.reasonCategory[v];
    if (!cat) continue;
    withReason++;
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + 1);
    const cls = a.reasonClass[v] || '其他';
    byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
  }
  return { lost, withReason, byCategory, byClass };
}

export function reasonsSheet(ctx: SummaryContext): SheetSpec {
  const { t } = ctx;
  const f = reasonFigures(ctx);
  // The top reason only when it leads alone (issue 12.6): a tie is said as a tie; and when most lost customers
  // have no recorded reason, the conclusion says so.
  const top = leader(ORDER.map((c) => [c, f.byCategory.get(c) ?? 0] as const));
  let conclusion = t('aftersales.c.reasonsNone');
  if (f.withReason && top.kind !== 'none') {
    conclusion = t('aftersales.c.reasons', {
      n: f.withReason, internal: pct((f.byClass.get('内因') ?? 0) / f.withReason), external: pct((f.byClass.get('外因') ?? 0) / f.withReason),
      top: top.kind === 'one' ? t('aftersales.c.reasonsTop', { name: top.key, share: pct(top.n / f.withReason) }) : t('aftersales.c.reasonsTie', { list: top.keys.join('、'), share: pct(top.n / f.withReason) }),
    });
    if (mostlyUnknown(f.lost - f.withReason, f.lost, ctx.settings.conclusions.mostlyUnknownShare)) {
      conclusion += t('aftersales.c.comma') + t('aftersales.c.reasonMostlyUnknown', { share: pct((f.lost - f.withReason) / f.lost) });
    }
  }
  return buildSummarySheet({
    key: 'summary.reasons',
    name: t('aftersales.sheet.reasons'),
    title: t('aftersales.title.reasons'),
    subtitle: ctx.subtitle,
    conclusion,
    tables: [
      {
        id: 'category',
        caption: t('aftersales.cap.reasons'),
        columns: [
          { header: t('aftersales.h.reasonCategory'), kind: 'text' },
          { header: t('aftersales.h.reasonClass'), kind: 'text' },
          { header: t('aftersales.h.lost'), kind: 'integer', total: { fn: 'sum' } },
          { header: t('aftersales.h.share'), kind: 'percent' },
        ],
        rows: ORDER.map((c) => [c, reasonClass(c), f.byCategory.get(c) ?? 0, rate(f.byCategory.get(c) ?? 0, f.withReason)]),
        totalsRow: true,
        charts: [{ type: 'barClustered', title: t('aftersales.chart.reasons'), category: t('aftersales.h.reasonCategory'), series: [t('aftersales.h.lost')], widthCols: 8, heightRows: 15 }],
      },
      {
        id: 'class',
        caption: t('aftersales.cap.reasonClass'),
        columns: [
          { header: t('aftersales.h.reasonClass'), kind: 'text' },
          { header: t('aftersales.h.lost'), kind: 'integer', total: { fn: 'sum' } },
          { header: t('aftersales.h.share'), kind: 'percent' },
        ],
        rows: REASON_CLASSES.map((c) => [c, f.byClass.get(c) ?? 0, rate(f.byClass.get(c) ?? 0, f.withReason)]),
        totalsRow: true,
      },
    ],
    notes: [t('aftersales.note.lostDefinition')],
  });
}
