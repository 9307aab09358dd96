/**
 * Which fields each sheet kind needs before it can be analysed. Each rule is "any one of these fields":
 *
 * - customers: a key (vin OR plate OR phone) AND a reference date (lastVisitDate OR purchaseDate);
 * - calls: callDate AND a key (vin OR plate OR phone) AND result;
 * - register: date AND a call/visit column (contactType OR callMark OR visitMark);
 * - prospects: an identity (prospectId OR phone OR name) AND followDate — a wide card's numbered
 *   follow-up groups (第1次跟进日期 …) satisfy followDate.
 */
import type { Field, FollowUpGroup, SheetKind } from './types';

export const REQUIRED: { [K in SheetKind]: readonly (readonly Field[])[] } = {
  customers: [['vin', 'plate', 'phone'], ['lastVisitDate', 'purchaseDate']],
  calls: [['callDate'], ['vin', 'plate', 'phone'], ['result']],
  register: [['date'], ['contactType', 'callMark', 'visitMark']],
  prospects: [['prospectId', 'phone', 'name'], ['followDate']],
};

/**
 * The unmet rules of a kind, each as its alternatives (the user maps any one of them).
 * @example missingRequirements('customers', { vin: 0 }, []) // [['lastVisitDate', 'purchaseDate']]
 */
export function missingRequirements(
  kind: SheetKind,
  columns: Partial<Record<Field, number>>,
  followUpGroups: readonly FollowUpGroup[] = [],
): Field[][] {
  const missing: Field[][] = [];
  for (const rule of REQUIRED[kind]) {
    const met = rule.some((f) => columns[f] !== undefined || (f === 'followDate' && followUpGroups.length > 0));
    if (!met) missing.push([...rule]);
  }
  return missing;
}

/**
 * The flat list MappedSheet.missingRequired holds: every field of every unmet rule (for a rule with alternatives,
 * mapping any one of them is enough).
 */
export function missingRequiredFields(
  kind: SheetKind,
  columns: Partial<Record<Field, number>>,
  followUpGroups: readonly FollowUpGroup[] = [],
): Field[] {
  return missingRequirements(kind, columns, followUpGroups).flat();
}
