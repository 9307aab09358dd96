/**
 * 意向客户流失分析 (key 'sales.lost'): lost (F) prospects by reason class (with a bar chart), by brand bought instead,
 * by level before the loss, by consultant and by month.
 */
import { leader, monthLabel, mostlyUnknown } from '../../plan/conclusionRules';
import type { CellValue, SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { DEFEAT_REASONS } from '../../settings/settings';
import { monthKey, serialToYmd } from '../../values/dates';
import { UNKNOWN_LABEL } from '../labels';
import { LEVEL_CODES, type ProspectFacts } from '../prospectFacts';
import type { ProspectOutcome } from '../prospectOutcome';
import { intCol, pctCol, shareValue, textCol, percentText, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

export const LOST_KEY = 'sales.lost';

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Rows [label, count, share] sorted by count (desc), the unknown group last. */
function countRows(map: Map<string, number>, total: number, order?: readonly string[]): CellValue[][] {
  const entries = [...map.entries()];
  if (order) {
    const rank = new Map(order.map((k, i) => [k, i]));
    entries.sort((a, b) => (rank.get(a[0]) ?? order.length) - (rank.get(b[0]) ?? order.length));
  } else {
    entries.sort((a, b) => Number(a[0] === UNKNOWN_LABEL) - Number(b[0] === UNKNOWN_LABEL) || b[1] - a[1] || compareText(a[0], b[0]));
  }
  return entries.map(([k, n]) => [k, n, shareValue(n, total)]);
}

/** @example lostSheet(facts, outcome, ctx).tables.map((t) => t.name) // ['CD_sales_lost_class', …] */
export function lostSheet(facts: ProspectFacts, outcome: ProspectOutcome, ctx: SummaryContext): SheetSpec {
  const { t } = ctx;
  const byClass = new Map<string, number>(DEFEAT_REASONS.map((c) => [c, 0]));
  const byBrand = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const byMonth = new Map<string, number>();
  const prospectsByConsultant = new Map<string, number>();
  const lostByConsultant = new Map<string, number>();
  let lost = 0;
  for (let p = 0; p < facts.count; p++) {
    const consultant = facts.consultant[p] || UNKNOWN_LABEL;
    bump(prospectsByConsultant, consultant);
    if (outcome.level[p] !== 'F') continue;
    lost++;
    bump(lostByConsultant, consultant);
    bump(byClass, outcome.reasonClass[p] || UNKNOWN_LABEL);
    bump(byBrand, outcome.lostTo[p] || UNKNOWN_LABEL);
    bump(byLevel, facts.levelBefore[p] >= 0 ? LEVEL_CODES[facts.levelBefore[p]] : UNKNOWN_LABEL);
    bump(byMonth, Number.isNaN(facts.latestDate[p]) ? UNKNOWN_LABEL : monthKey(facts.latestDate[p]));
  }
  const h = (k: string) => t(`sales.h.${k}`);
  const classRows = countRows(byClass, lost, [...DEFEAT_REASONS, UNKNOWN_LABEL]);
  const brandRows = countRows(byBrand, lost);
  const levelRows = countRows(byLevel, lost, [...LEVEL_CODES, UNKNOWN_LABEL]);
  const monthRows = [...byMonth.entries()]
    .sort((a, b) => (a[0] === UNKNOWN_LABEL ? 1 : b[0] === UNKNOWN_LABEL ? -1 : compareText(a[0], b[0])))
    .map(([m, n]): CellValue[] => [m === UNKNOWN_LABEL ? m : monthLabel(m, serialToYmd(ctx.asOf), (p) => t('core.month.partial', p)), n, shareValue(n, lost)]);
  const consultantRows = [...prospectsByConsultant.entries()]
    .map(([c, n]): CellValue[] => [c, n, lostByConsultant.get(c) ?? 0, shareValue(lostByConsultant.get(c) ?? 0, n)])
    .sort((a, b) => (b[2] as number) - (a[2] as number) || compareText(String(a[0]), String(b[0])));

  let conclusion = t('sales.conclusion.lostNone');
  if (lost > 0) {
    // The main reason class only when it leads alone, never the blank one; a tie lists the tied classes.
    const topClass = leader(classRows.map((r) => [String(r[0]), r[1] as number] as const), [UNKNOWN_LABEL]);
    // A brand is named only when it leads alone (issue 12.6): a tie is said as a tie.
    const brand = leader(brandRows.map((r) => [String(r[0]), r[1] as number] as const), [UNKNOWN_LABEL]);
    const params = {
      lost,
      share: percentText(lost / facts.count),
      reason: topClass.kind === 'one' ? topClass.key : topClass.kind === 'tie' ? topClass.keys.join('、') : UNKNOWN_LABEL,
      reasonShare: percentText(topClass.kind === 'none' ? null : topClass.n / lost),
      brand: brand.kind === 'one' ? brand.key : brand.kind === 'tie' ? brand.keys.join('、') : '',
      n: brand.kind === 'none' ? 0 : brand.n,
    };
    conclusion = t(brand.kind === 'one' ? 'sales.conclusion.lost' : brand.kind === 'tie' ? 'sales.conclusion.lostBrandTie' : 'sales.conclusion.lostNoBrand', params);
    const unknownBrand = lost - (brand.kind === 'none' ? 0 : brand.known);
    if (brand.kind !== 'none' && mostlyUnknown(unknownBrand, lost, ctx.mostlyUnknownShare ?? 0.5)) {
      conclusion += t('sales.conclusion.lostBrandMostlyUnknown', { share: percentText(unknownBrand / lost) });
    }
  }

  const countColumns = (first: string) => [textCol(first), intCol(h('lostCount'), true), pctCol(h('share'))];
  return buildSummarySheet({
    key: LOST_KEY,
    name: t('sales.sheet.lost'),
    title: t('sales.title.lost'),
    subtitle: ctx.subtitle,
    conclusion,
    tables: [
      {
        id: 'class',
        caption: t('sales.caption.byClass'),
        columns: countColumns(h('defeatClass')),
        rows: classRows,
        totalsRow: true,
        charts: [{ type: 'barClustered', title: t('sales.chart.byClass'), category: h('defeatClass'), series: [h('lostCount')], widthCols: 8, heightRows: 14 }],
      },
      { id: 'brand', caption: t('sales.caption.byBrand'), columns: countColumns(h('lostTo')), rows: brandRows, totalsRow: true },
      { id: 'level', caption: t('sales.caption.byLevel'), columns: countColumns(h('levelBefore')), rows: levelRows, totalsRow: true },
      {
        id: 'consultant',
        caption: t('sales.caption.lostByConsultant'),
        columns: [textCol(h('consultant')), intCol(h('prospect'), true), intCol(h('lostCount'), true), pctCol(h('share'))],
        rows: consultantRows,
        totalsRow: true,
      },
      { id: 'month', caption: t('sales.caption.byMonth'), columns: countColumns(h('month')), rows: monthRows, totalsRow: true },
    ],
  });
}
