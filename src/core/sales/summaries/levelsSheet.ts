/**
 * 意向级别分布 (key 'sales.levels'): prospects per level × consultant, and the follow-ups due from the analysis date
 * through the settings.sales.dueSoonDays days after it, per date and level (aggregates only: no names).
 */
import type { CellValue, PivotSpec, SheetSpec } from '../../plan/types';
import { buildSummarySheet } from '../../plan/summarySheet';
import { weekday } from '../../values/dates';
import { UNKNOWN_LABEL, WEEKDAYS } from '../labels';
import { LEVEL_CODES, type ProspectFacts } from '../prospectFacts';
import { STATUS_ON_TIME, type ProspectOutcome } from '../prospectOutcome';
import { dateCol, intCol, textCol, type SummaryContext } from './context';
import { compareText } from '../../plan/textOrder';

export const LEVELS_KEY = 'sales.levels';
const OPEN_LEVELS = ['H', 'A', 'B', 'C', 'N'] as const;

/** @example levelsSheet(facts, outcome, 7, ctx).tables.length // 2 */
export function levelsSheet(
  facts: ProspectFacts,
  outcome: ProspectOutcome,
  dueSoonDays: number,
  ctx: SummaryContext,
  pivot?: Omit<PivotSpec, 'row' | 'col'>,
): SheetSpec {
  const { t } = ctx;
  const levelIndex = new Map<string, number>(LEVEL_CODES.map((l, i) => [l, i]));
  const perConsultant = new Map<string, number[]>();
  const due = Array.from({ length: dueSoonDays + 1 }, () => new Array<number>(OPEN_LEVELS.length).fill(0));
  const openIndex = new Map<string, number>(OPEN_LEVELS.map((l, i) => [l, i]));
  for (let p = 0; p < facts.count; p++) {
    const consultant = facts.consultant[p] || UNKNOWN_LABEL;
    let counts = perConsultant.get(consultant);
    if (!counts) {
      counts = new Array<number>(LEVEL_CODES.length).fill(0);
      perConsultant.set(consultant, counts);
    }
    counts[levelIndex.get(outcome.level[p]) as number]++;
    if (outcome.status[p] === STATUS_ON_TIME) {
      const offset = outcome.due[p] - ctx.asOf;
      const li = openIndex.get(outcome.level[p]);
      if (offset >= 0 && offset <= dueSoonDays && li !== undefined) due[offset][li]++;
    }
  }
  const levelRows: CellValue[][] = [...perConsultant.entries()]
    // Consultants by name in code-unit order (compareText): the same in the pane and the CLI.
    .sort((a, b) => Number(a[0] === UNKNOWN_LABEL) - Number(b[0] === UNKNOWN_LABEL) || compareText(a[0], b[0]))
    .map(([c, counts]) => [c, ...counts, counts.reduce((s, n) => s + n, 0)]);
  const dueRows: CellValue[][] = due.map((counts, offset) => {
    const date = ctx.asOf + offset;
    return [date, WEEKDAYS[weekday(date)], counts.reduce((s, n) => s + n, 0), ...counts];
  });

  const totals = new Array<number>(LEVEL_CODES.length).fill(0);
  for (const counts of perConsultant.values()) counts.forEach((n, i) => (totals[i] += n));
  const at = (l: string) => totals[levelIndex.get(l) as number];
  const conclusion = t('sales.conclusion.levels', {
    active: OPEN_LEVELS.reduce((s, l) => s + at(l), 0),
    h: at('H'),
    a: at('A'),
    o: at('O'),
    f: at('F'),
    days: dueSoonDays,
    due: dueRows.reduce((s, r) => s + (r[2] as number), 0),
  });
  const h = (k: string) => t(`sales.h.${k}`);
  return buildSummarySheet({
    key: LEVELS_KEY,
    name: t('sales.sheet.levels'),
    title: t('sales.title.levels'),
    subtitle: ctx.subtitle,
    conclusion,
    // No 'PivotTable in Excel, a table in the file' note: each adapter labels its own pivot or cross-tab.
    ...(pivot ? { pivots: [pivot] } : {}),
    tables: [
      {
        id: 'levels',
        caption: t('sales.caption.levels'),
        columns: [textCol(h('consultant')), ...LEVEL_CODES.map((l) => intCol(l, true)), intCol(h('total'), true)],
        rows: levelRows,
        totalsRow: true,
      },
      {
        id: 'due',
        caption: t('sales.caption.dueSoon', { days: dueSoonDays }),
        columns: [dateCol(h('date')), textCol(h('weekday')), intCol(h('dueCount'), true), ...OPEN_LEVELS.map((l) => intCol(l, true))],
        rows: dueRows,
        totalsRow: true,
      },
    ],
  });
}
