/**
 * Per-prospect results: level, due date, status, defeat reason class and where a lost prospect went, computed once
 * per prospect (typed arrays) and shared by the appended columns, the summaries and the forms.
 */
import type { DefeatReasonCategory, IntentLevel, Settings } from '../settings/settings';
import { readCompetitor } from './competitor';
import { defeatReasonClassifier } from './defeatReason';
import { followUpState } from './followUpDue';
import { FOLLOW_STATUS } from './labels';
import { LEVEL_CODES, type ProspectFacts } from './prospectFacts';

/** Status codes in ProspectOutcome.status. STATUS_NONE: a live prospect with no date to count from (无跟踪日期). */
export const STATUS_NONE = 0;
export const STATUS_ON_TIME = 1;
export const STATUS_OVERDUE = 2;
export const STATUS_CLOSED = 3;
export const STATUS_LABELS = [FOLLOW_STATUS.noDate, FOLLOW_STATUS.onTime, FOLLOW_STATUS.overdue, FOLLOW_STATUS.closed] as const;

export interface ProspectOutcome {
  /** Level letter per prospect: the latest recorded, N when never rated. */
  level: IntentLevel[];
  /** Due date serial, NaN when none. */
  due: Float64Array;
  status: Uint8Array;
  /** Days overdue, 0 when not overdue. */
  overdueDays: Int32Array;
  /** F prospects only; '' otherwise. */
  reasonClass: (DefeatReasonCategory | '')[];
  /** F prospects only: brand or dealer bought instead; '' otherwise. */
  lostTo: string[];
  counts: { overdue: number; onTime: number; closed: number; lost: number; ordered: number };
}

/**
 * @example const outcome = prospectOutcome(facts, asOfSerial, settings); outcome.status[0] // STATUS_OVERDUE
 */
export function prospectOutcome(facts: ProspectFacts, asOf: number, settings: Pick<Settings, 'sales' | 'extraDefeatKeywords'>): ProspectOutcome {
  const n = facts.count;
  const classify = defeatReasonClassifier(settings);
  const out: ProspectOutcome = {
    level: new Array<IntentLevel>(n),
    due: new Float64Array(n).fill(NaN),
    status: new Uint8Array(n),
    overdueDays: new Int32Array(n),
    reasonClass: new Array<DefeatReasonCategory | ''>(n).fill(''),
    lostTo: new Array<string>(n).fill(''),
    counts: { overdue: 0, onTime: 0, closed: 0, lost: 0, ordered: 0 },
  };
  for (let p = 0; p < n; p++) {
    const level: IntentLevel = facts.level[p] >= 0 ? LEVEL_CODES[facts.level[p]] : 'N';
    out.level[p] = level;
    const state = followUpState(level, facts.latestDate[p], facts.recordedNext[p], facts.created[p], asOf, settings.sales);
    if (state.due !== null) out.due[p] = state.due;
    if (state.status === FOLLOW_STATUS.overdue) {
      out.status[p] = STATUS_OVERDUE;
      out.overdueDays[p] = state.overdueDays ?? 0;
      out.counts.overdue++;
    } else if (state.status === FOLLOW_STATUS.onTime) {
      out.status[p] = STATUS_ON_TIME;
      out.counts.onTime++;
    } else if (state.status === FOLLOW_STATUS.closed) {
      out.status[p] = STATUS_CLOSED;
      out.counts.closed++;
    }
    if (level === 'O') out.counts.ordered++;
    if (level === 'F') {
      out.counts.lost++;
      out.reasonClass[p] = facts.reasonText[p] ? classify(facts.reasonText[p]) : '';
      out.lostTo[p] = readCompetitor(facts.boughtInstead[p], facts.reasonText[p]);
    }
  }
  return out;
}
