/**
 * 招揽优先级 and 建议动作: the win-back rule, written as a table of rules tried in order (first match wins).
 * Each rule gives a priority ('—' = do not call), the action and a one-line reason (i18n keys, params filled from
 * the vehicle). Configurable through settings.priority (easy-win-back age, skip out-of-town, fix-first share).
 *
 * Reasoning (DOMAIN.md, from the seeds): data problems and dead numbers are fixed in the record, not called;
 * sold or scrapped cars are updated; active customers need nothing; out-of-town records are cleaned; customers who
 * refused calls get an SMS; 准流失 is cheaper to keep than 流失; cars within N years of purchase (4) are the easiest
 * to win back; where internal reasons dominate, the dealer fixes the cause before calling.
 */
import type { ReasonCategory, Settings } from '../settings/settings';
import type { ContactResult, LocalityLabel, Priority, Status } from './labels';

export interface PriorityInput {
  status: Status;
  /** NaN when unknown. */
  ageYears: number;
  lastResult: ContactResult;
  /** '' when no reason recorded. */
  reasonCategory: ReasonCategory | '';
  reasonIsInternal: boolean;
  locality: LocalityLabel;
  monthsSinceVisit: number;
}

/** Facts about the whole base that some rules need. */
export interface PriorityContext {
  /** Internal reasons are at least settings.priority.internalReasonShareToFixFirst of the recorded reasons. */
  internalDominant: boolean;
}

export interface PriorityDecision {
  priority: Priority;
  /** i18n key of 建议动作. */
  action: string;
  /** i18n key of the one-line reason. */
  reason: string;
  params: Record<string, string | number>;
}

interface PriorityRule {
  id: string;
  when: (v: PriorityInput, s: Settings, ctx: PriorityContext) => boolean;
  /** A fixed priority, or 'tier' for the status/age tier below. */
  priority: Priority | 'tier';
  action: string;
  reason: string;
}

const DEAD_NUMBER = new Set<ContactResult>(['空号', '停机', '号码有误']);
const young = (v: PriorityInput, s: Settings) => Number.isFinite(v.ageYears) && v.ageYears < s.priority.easyWinBackMaxAgeYears;

/** The rule table. Order matters: the first rule whose `when` holds decides. */
export const PRIORITY_RULES: readonly PriorityRule[] = [
  // No usable date: nobody knows whether the customer is lost; fix the record first.
  { id: 'dataProblem', when: (v) => v.status === '数据异常', priority: '—', action: 'aftersales.action.fixData', reason: 'aftersales.why.dataProblem' },
  // Came in recently: nothing to do.
  { id: 'active', when: (v) => v.status === '活跃', priority: '—', action: 'aftersales.action.none', reason: 'aftersales.why.active' },
  // 空号 / 停机 / 号码有误: calling again is wasted; the service advisor updates the number.
  { id: 'deadNumber', when: (v) => DEAD_NUMBER.has(v.lastResult), priority: '—', action: 'aftersales.action.updateContact', reason: 'aftersales.why.deadNumber' },
  // Car sold or scrapped: the record is updated (new owner, or closed), not called.
  { id: 'carGone', when: (v) => v.reasonCategory === '车辆转卖' || v.reasonCategory === '车辆报废', priority: '—', action: 'aftersales.action.updateRecord', reason: 'aftersales.why.carGone' },
  // Out of town: the seeds clean these records periodically instead of calling (settings.priority.skipOutOfTown).
  { id: 'outOfTown', when: (v, s) => s.priority.skipOutOfTown && v.locality === '外地', priority: '—', action: 'aftersales.action.cleanOutOfTown', reason: 'aftersales.why.outOfTown' },
  // Refused the call: an SMS with the service reminder and an appointment offer instead of another call.
  { id: 'refused', when: (v) => v.lastResult === '拒接' || v.lastResult === '呼转', priority: 'tier', action: 'aftersales.action.sms', reason: 'aftersales.why.refused' },
  // Internal reasons dominate and this customer left for one: fix the cause, then call.
  { id: 'fixFirst', when: (v, _s, ctx) => ctx.internalDominant && v.reasonIsInternal, priority: 'tier', action: 'aftersales.action.fixFirstThenCall', reason: 'aftersales.why.fixFirst' },
  // 准流失 within the easy age: cheapest to keep, call first.
  { id: 'atRiskYoung', when: (v, s) => v.status === '准流失' && young(v, s), priority: 'A 高', action: 'aftersales.action.call', reason: 'aftersales.why.atRiskYoung' },
  // 流失 within the easy age: still easy to win back.
  { id: 'lostYoung', when: (v, s) => v.status === '流失' && young(v, s), priority: 'B 中', action: 'aftersales.action.call', reason: 'aftersales.why.lostYoung' },
  // 准流失 but an older car: worth a call, after the young ones.
  { id: 'atRiskOld', when: (v) => v.status === '准流失', priority: 'B 中', action: 'aftersales.action.call', reason: 'aftersales.why.atRiskOld' },
  // Older lost cars and 彻底流失: lowest, called when time allows.
  { id: 'lostOld', when: () => true, priority: 'C 低', action: 'aftersales.action.call', reason: 'aftersales.why.lostOld' },
];

/** The status/age tier used by rules whose priority is 'tier' (same as the call rules would give). */
function tier(v: PriorityInput, s: Settings): Priority {
  if (v.status === '准流失') return young(v, s) ? 'A 高' : 'B 中';
  if (v.status === '流失' && young(v, s)) return 'B 中';
  return 'C 低';
}

/**
 * Decides priority and action for one vehicle.
 * @example decidePriority({ status: '准流失', ageYears: 2, lastResult: '未回访', reasonCategory: '', reasonIsInternal: false, locality: '本地', monthsSinceVisit: 8 }, settings, { internalDominant: false }).priority // 'A 高'
 */
export function decidePriority(v: PriorityInput, s: Settings, ctx: PriorityContext): PriorityDecision {
  for (const rule of PRIORITY_RULES) {
    if (!rule.when(v, s, ctx)) continue;
    return {
      priority: priorityOf(rule, v, s),
      action: rule.action,
      reason: rule.reason,
      params: {
        months: Number.isFinite(v.monthsSinceVisit) ? v.monthsSinceVisit : '',
        years: Number.isFinite(v.ageYears) ? v.ageYears : '',
        maxYears: s.priority.easyWinBackMaxAgeYears,
        result: v.lastResult,
        category: v.reasonCategory,
        status: v.status,
      },
    };
  }
  // Unreachable: the last rule always holds.
  throw new Error('no priority rule matched');
}

/**
 * Index in PRIORITY_RULES of the rule deciding `v` (decidePriority without building the decision: the kernel
 * calls it once per vehicle and reads the rule's action and reason keys).
 * @example PRIORITY_RULES[decideRule(v, settings, ctx)].action
 */
export function decideRule(v: PriorityInput, s: Settings, ctx: PriorityContext): number {
  for (let i = 0; i < PRIORITY_RULES.length; i++) if (PRIORITY_RULES[i].when(v, s, ctx)) return i;
  // Unreachable: the last rule always holds.
  throw new Error('no priority rule matched');
}

/** The priority a rule gives `v` (its own, or the status/age tier). */
export function priorityOf(rule: Pick<PriorityRule, 'priority'>, v: PriorityInput, s: Settings): Priority {
  return rule.priority === 'tier' ? tier(v, s) : rule.priority;
}
