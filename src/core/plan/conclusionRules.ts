/**
 * How a summary's conclusion line chooses what to name (issue 12.6), shared by the after-sales and sales summaries:
 * - the group with the highest churn RATE among groups of at least settings.conclusions.minGroupSize vehicles (not
 *   the group with the most lost customers, which is usually just the biggest);
 * - a "main" destination or reason only when one leads alone: a tie is said as a tie;
 * - when most values are unknown (above settings.conclusions.mostlyUnknownShare) the conclusion says so;
 * - the analysis date's month, when the analysis date is not its last day, is labelled as partial.
 */
import { daysInMonth, type Ymd } from '../values/dates';
import { compareText } from './textOrder';

export type Leader =
  | { kind: 'none' }
  | { kind: 'one'; key: string; n: number; known: number }
  | { kind: 'tie'; keys: string[]; n: number; known: number };

/**
 * The key with the highest count, leaving out `ignore` (未知, blank); a tie when several share the highest count.
 * `known` is the sum over the keys not ignored (the denominator of the leader's share).
 * @example leader(new Map([['修理厂', 87], ['其他4S店/服务站', 87], ['未知', 300]]), ['未知']) // { kind: 'tie', keys: ['修理厂', '其他4S店/服务站'], n: 87, known: 174 }
 */
export function leader(counts: Iterable<readonly [string, number]>, ignore: readonly string[] = []): Leader {
  const skip = new Set(ignore);
  let best = 0;
  let keys: string[] = [];
  let known = 0;
  for (const [k, n] of counts) {
    if (skip.has(k) || n <= 0) continue;
    known += n;
    if (n > best) [best, keys] = [n, [k]];
    else if (n === best) keys.push(k);
  }
  if (keys.length === 0) return { kind: 'none' };
  return keys.length === 1 ? { kind: 'one', key: keys[0], n: best, known } : { kind: 'tie', keys, n: best, known };
}

export interface RateGroup {
  group: string;
  /** The group's lost vehicles (the rate's numerator). */
  lost: number;
  /** The group's classified vehicles (the rate's denominator). */
  size: number;
}

/**
 * The group with the highest lost / size among groups with size ≥ minSize, leaving out `ignore` (the blank group);
 * equal rates go to the larger group, then by name. null when no group is large enough.
 * @example highestRate([{ group: '西安', lost: 120, size: 600 }, { group: '渭南', lost: 27, size: 47 }, { group: '铜川', lost: 5, size: 6 }], 30) // 渭南 (57.4%; 铜川 is too small)
 */
export function highestRate(groups: readonly RateGroup[], minSize: number, ignore: readonly string[] = []): (RateGroup & { rate: number }) | null {
  const skip = new Set(ignore);
  let best: (RateGroup & { rate: number }) | null = null;
  for (const g of groups) {
    if (skip.has(g.group) || g.size < minSize || g.size <= 0) continue;
    const r = g.lost / g.size;
    if (!best || r > best.rate || (r === best.rate && (g.size > best.size || (g.size === best.size && compareText(g.group, best.group) < 0)))) best = { ...g, rate: r };
  }
  return best;
}

/** True when `unknown` out of `total` is above the share the settings call "mostly unknown". */
export function mostlyUnknown(unknown: number, total: number, threshold: number): boolean {
  return total > 0 && unknown / total > threshold;
}

/**
 * A month's label ('YYYY-MM'): the analysis date's month, when the analysis date is before that month's last day,
 * is marked as partial by `partial` (zh-CN '2026-12(截至12月2日)'); every other month as it is.
 * @example monthLabel('2026-12', { y: 2026, m: 12, d: 2 }, (p) => `${p.month}(截至${p.m}月${p.d}日)`) // '2026-12(截至12月2日)'
 */
export function monthLabel(key: string, asOf: Ymd, partial: (p: { month: string; m: number; d: number }) => string): string {
  const current = `${asOf.y}-${String(asOf.m).padStart(2, '0')}`;
  if (key !== current || asOf.d >= daysInMonth(asOf.y, asOf.m)) return key;
  return partial({ month: key, m: asOf.m, d: asOf.d });
}
