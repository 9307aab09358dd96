/**
 * A note line between records (—— 以下为周末值班登记 ——, ※ 下列车辆已转店): a mostly empty row that holds
 * nothing in any column the sheet's analysis depends on (DEPENDS: the dates, the vehicle or prospect key, call or
 * visit, the arrival time). Whatever its words, such a row can be no vehicle, call or visit: counting it would add
 * a record with no date and no key (a register row with the date of the row above). Recognised by what the row
 * lacks, not by a word list, so notes in any wording are left out.
 */
import { isBlank } from '../values/isBlank';
import { DEPENDS } from './dependencies';
import type { Field, FollowUpGroup, SheetKind } from './types';

/** The columns mapped to a field some dependency of the kind names (numbered follow-up groups included). */
export function dependencyColumns(kind: SheetKind, columns: Partial<Record<Field, number>>, groups: readonly FollowUpGroup[]): number[] {
  const out = new Set<number>();
  for (const rule of DEPENDS[kind]) for (const f of rule) if (columns[f] !== undefined) out.add(columns[f] as number);
  for (const g of groups) for (const c of Object.values(g.columns)) if (c !== undefined) out.add(c as number);
  return [...out];
}

/**
 * True when the row is a note line: some text, at most max(2, a quarter of the width) cells filled, and every
 * dependency column blank. False when the sheet has no dependency column mapped (nothing to judge by).
 * @example isNoteRow(['—— 周末值班 ——', '', '', ''], [1, 2, 3], 4) // true
 * @example isNoteRow(['J1001', '2026-10-03', '9:30', '来店'], [1, 2, 3], 4) // false
 */
export function isNoteRow(row: readonly unknown[] | undefined, dependency: readonly number[], end: number): boolean {
  if (!row || dependency.length === 0) return false;
  for (const c of dependency) if (c < row.length && !isBlank(row[c])) return false;
  const n = Math.min(row.length, end);
  let filled = 0;
  let text = false;
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string') text = true;
  }
  return text && filled <= Math.max(2, Math.floor(end / 4));
}
