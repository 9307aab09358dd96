/**
 * 逾期跟踪名单 (key 'sales.overdue'): every open prospect whose next follow-up is overdue, most overdue first, with
 * consultant, prospect, phone, level and dates. Holds personal data: the share-safe copy masks it.
 */
import type { CellValue, SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { leader } from '../../plan/conclusionRules';
import { UNKNOWN_LABEL } from '../labels';
import type { ProspectFacts } from '../prospectFacts';
import { STATUS_OVERDUE, type ProspectOutcome } from '../prospectOutcome';
import { dateCol, intCol, textCol, percentText, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

export const OVERDUE_KEY = 'sales.overdue';

/** @example overdueSheet(facts, outcome, ctx).personalData // true */
export function overdueSheet(facts: ProspectFacts, outcome: ProspectOutcome, ctx: SummaryContext): SheetSpec {
  const { t } = ctx;
  const overdue: number[] = [];
  for (let p = 0; p < facts.count; p++) if (outcome.status[p] === STATUS_OVERDUE) overdue.push(p);
  const consultantOf = (p: number) => facts.consultant[p] || UNKNOWN_LABEL;
  overdue.sort((a, b) => outcome.overdueDays[b] - outcome.overdueDays[a] || compareText(consultantOf(a), consultantOf(b)) || a - b);
  const rows: CellValue[][] = overdue.map((p) => [
    consultantOf(p),
    facts.name[p] || facts.id[p],
    facts.phone[p],
    outcome.level[p],
    Number.isNaN(facts.latestDate[p]) ? '' : facts.latestDate[p],
    outcome.due[p],
    outcome.overdueDays[p],
  ]);

  let conclusion = t('sales.conclusion.overdueNone');
  if (overdue.length > 0) {
    const perConsultant = new Map<string, number>();
    for (const p of overdue) perConsultant.set(consultantOf(p), (perConsultant.get(consultantOf(p)) ?? 0) + 1);
    // The consultant with the most overdue follow-ups, never the blank one unless no one else; a tie lists them all.
    const lead = leader(perConsultant, [UNKNOWN_LABEL]);
    const tied = lead.kind === 'tie';
    const top = lead.kind === 'one' ? lead.key : lead.kind === 'tie' ? lead.keys.join('、') : UNKNOWN_LABEL;
    const topCount = lead.kind === 'none' ? (perConsultant.get(UNKNOWN_LABEL) ?? 0) : lead.n;
    const open = outcome.counts.overdue + outcome.counts.onTime;
    conclusion = t(tied ? 'sales.conclusion.overdueTie' : 'sales.conclusion.overdue', {
      overdue: overdue.length,
      share: percentText(open > 0 ? overdue.length / open : null),
      max: outcome.overdueDays[overdue[0]],
      consultant: top,
      count: topCount,
    });
  }
  const h = (k: string) => t(`sales.h.${k}`);
  return buildSummarySheet({
    key: OVERDUE_KEY,
    name: t('sales.sheet.overdue'),
    title: t('sales.title.overdue'),
    subtitle: ctx.subtitle,
    conclusion,
    personalData: true,
    orientation: 'landscape',
    tables: [
      {
        id: 'list',
        caption: t('sales.caption.overdue'),
        columns: [
          textCol(h('consultant')), textCol(h('prospect')), textCol(h('phone')), textCol(h('level')),
          dateCol(h('latestDate')), dateCol(h('dueDate')), intCol(h('overdueDays')),
        ],
        rows,
        conditionalFormats: rows.length > 0 ? [{ type: 'dataBar', col: 6, firstRow: 0, lastRow: rows.length - 1 }] : [],
      },
    ],
  });
}
