/**
 * The columns appended to the prospect card (DOMAIN.md): 意向级别, 跟踪次数, 最近跟踪日期, 下次跟踪日期, 跟踪状态,
 * 逾期天数, 战败原因, 战败原因类别, 流失去向. On a one-row-per-follow-up card every row of a prospect carries the
 * prospect's values; rows between data rows (blank, totals) get blanks.
 */
import type { AppendedColumn, CellValue, ColumnWrite, WorkbookState } from '../plan/types';
import { DEFEAT_REASONS } from '../settings/settings';
import type { MappedSheet } from '../sheets/types';
import { distinctHeaders, placeColumns } from '../sheets/placeColumns';
import { FOLLOW_STATUS } from './labels';
import type { ProspectFacts } from './prospectFacts';
import { STATUS_LABELS, STATUS_OVERDUE, type ProspectOutcome } from './prospectOutcome';
import { INTENT_LEVELS } from './intentLevel';

/** Stable keys of the appended columns, in order. */
export const PROSPECT_COLUMN_KEYS = [
  'level', 'followUps', 'latestDate', 'nextDate', 'status', 'overdueDays', 'defeatReason', 'defeatClass', 'lostTo',
] as const;

/**
 * Builds the ColumnWrite for the prospect card.
 * @param header i18n lookup of a header key ('sales.col.level' → '意向级别'; 'core.col.standard' with { header })
 * @example prospectColumnWrite(mapped, facts, outcome, state, (k) => t('zh-CN', k)).columns[0].header // '意向级别'
 */
export function prospectColumnWrite(
  mapped: MappedSheet,
  facts: ProspectFacts,
  outcome: ProspectOutcome,
  state: WorkbookState,
  header: (key: string, params?: Record<string, string | number>) => string,
): ColumnWrite | null {
  const rows = mapped.dataRows;
  if (rows.length === 0) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const size = last - first + 1;
  const columns: CellValue[][] = PROSPECT_COLUMN_KEYS.map(() => new Array<CellValue>(size).fill(''));
  const [level, followUps, latest, next, status, overdue, reason, reasonClass, lostTo] = columns;
  for (let i = 0; i < rows.length; i++) {
    const at = rows[i] - first;
    const p = facts.prospectOfRow[i];
    const l = outcome.level[p];
    level[at] = l;
    followUps[at] = facts.followUps[p];
    if (!Number.isNaN(facts.latestDate[p])) latest[at] = facts.latestDate[p];
    if (!Number.isNaN(outcome.due[p])) next[at] = outcome.due[p];
    status[at] = STATUS_LABELS[outcome.status[p]];
    if (outcome.status[p] === STATUS_OVERDUE) overdue[at] = outcome.overdueDays[p];
    if (l === 'F') {
      reason[at] = facts.reasonText[p];
      reasonClass[at] = outcome.reasonClass[p];
      lostTo[at] = outcome.lostTo[p];
    }
  }
  const kinds: Record<(typeof PROSPECT_COLUMN_KEYS)[number], AppendedColumn['kind']> = {
    level: 'text', followUps: 'integer', latestDate: 'date', nextDate: 'date', status: 'text', overdueDays: 'integer',
    defeatReason: 'text', defeatClass: 'text', lostTo: 'text',
  };
  // A header the card already has (its own 意向级别, 战败原因) is not repeated: ours reads 意向级别(标准).
  const owned = state.ownedColumns[mapped.sheet.name];
  const distinct = distinctHeaders(mapped, PROSPECT_COLUMN_KEYS.map((key) => header(`sales.col.${key}`)), (h, n) => header(n > 1 ? 'core.col.standardN' : 'core.col.standard', { header: h, n }), owned);
  const appended: AppendedColumn[] = PROSPECT_COLUMN_KEYS.map((key, i) => ({
    key: `sales.${key}`,
    header: distinct[i],
    kind: kinds[key],
    values: columns[i],
    ...(key === 'level' ? { validation: { type: 'list' as const, values: [...INTENT_LEVELS], strict: false } } : {}),
    ...(key === 'defeatClass' ? { validation: { type: 'list' as const, values: [...DEFEAT_REASONS], strict: false } } : {}),
  }));
  const headers = appended.map((c) => c.header);
  const { startColumn, replaces } = placeColumns(mapped, headers, owned);
  const statusCol = PROSPECT_COLUMN_KEYS.indexOf('status');
  return {
    sheet: mapped.sheet.name,
    headerRow: mapped.headerRow,
    startColumn,
    firstDataRow: first,
    lastDataRow: last,
    replaces,
    columns: appended,
    conditionalFormats: [
      { type: 'textEquals', col: statusCol, firstRow: first, lastRow: last, text: FOLLOW_STATUS.overdue, fill: 'red' },
      { type: 'textEquals', col: statusCol, firstRow: first, lastRow: last, text: FOLLOW_STATUS.closed, fill: 'grey' },
    ],
  };
}
