import { decidePriority, PRIORITY_RULES, type PriorityInput } from '../../../src/core/aftersales/priority';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../src/core/settings/settings';

const base: PriorityInput = {
  status: '流失', ageYears: 2, lastResult: '未回访', reasonCategory: '', reasonIsInternal: false, locality: '本地', monthsSinceVisit: 14,
};

describe('decidePriority rule table', () => {
  it.each([
    // [case, overrides, priority, action key suffix]
    ['data problem', { status: '数据异常' }, '—', 'fixData'],
    ['active', { status: '活跃', monthsSinceVisit: 2 }, '—', 'none'],
    ['空号', { lastResult: '空号' }, '—', 'updateContact'],
    ['停机', { lastResult: '停机' }, '—', 'updateContact'],
    ['号码有误', { lastResult: '号码有误' }, '—', 'updateContact'],
    ['car sold', { reasonCategory: '车辆转卖', lastResult: '成功' }, '—', 'updateRecord'],
    ['car scrapped', { reasonCategory: '车辆报废' }, '—', 'updateRecord'],
    ['out of town', { locality: '外地' }, '—', 'cleanOutOfTown'],
    ['refused, young 流失', { lastResult: '拒接' }, 'B 中', 'sms'],
    ['refused, young 准流失', { lastResult: '拒接', status: '准流失' }, 'A 高', 'sms'],
    ['call forwarded', { lastResult: '呼转', status: '彻底流失' }, 'C 低', 'sms'],
    ['准流失 young', { status: '准流失', monthsSinceVisit: 8 }, 'A 高', 'call'],
    ['流失 young', {}, 'B 中', 'call'],
    ['准流失 old', { status: '准流失', ageYears: 6 }, 'B 中', 'call'],
    ['流失 old', { ageYears: 4 }, 'C 低', 'call'],
    ['流失 unknown age', { ageYears: NaN }, 'C 低', 'call'],
    ['彻底流失 young', { status: '彻底流失', ageYears: 1 }, 'C 低', 'call'],
    ['blank region is not cleaned', { locality: '未知' }, 'B 中', 'call'],
  ] as [string, Partial<PriorityInput>, string, string][])('%s', (_name, over, priority, action) => {
    const d = decidePriority({ ...base, ...over }, DEFAULT_SETTINGS, { internalDominant: false });
    expect(d.priority).toBe(priority);
    expect(d.action).toBe(`aftersales.action.${action}`);
  });

  it('says to fix the internal cause first when internal reasons dominate', () => {
    const v = { ...base, reasonCategory: '价格' as const, reasonIsInternal: true, lastResult: '成功' as const };
    expect(decidePriority(v, DEFAULT_SETTINGS, { internalDominant: true }).action).toBe('aftersales.action.fixFirstThenCall');
    expect(decidePriority(v, DEFAULT_SETTINGS, { internalDominant: false }).action).toBe('aftersales.action.call');
  });

  it('follows settings.priority', () => {
    const s = resolveSettings({ priority: { easyWinBackMaxAgeYears: 2, skipOutOfTown: false } });
    expect(decidePriority({ ...base, ageYears: 2 }, s, { internalDominant: false }).priority).toBe('C 低');
    expect(decidePriority({ ...base, locality: '外地' }, s, { internalDominant: false }).action).toBe('aftersales.action.call');
  });

  it('ends with a rule that always holds', () => {
    expect(PRIORITY_RULES[PRIORITY_RULES.length - 1].when(base, DEFAULT_SETTINGS, { internalDominant: false })).toBe(true);
  });
});
