/**
 * Date columns told apart by the order of their dates (issue 10 part 1): the purchase is the earliest vehicle
 * event, the last visit the latest past one, a birthday lies decades back; the order is evidence in the one
 * scoring mechanism, with the flag and the runner-up shown.
 */
import { dateRoles } from '../../../src/core/sheets/dateRoles';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { profileColumns } from '../../../src/core/sheets/profile';

const DAY0 = 45000; // 2023-03-15
/** Rows of a customer sheet: VIN, then the date columns given per row i. */
function sheet(headers: string[], dates: ((i: number) => number)[], n = 24): unknown[][] {
  const grid: unknown[][] = [['车架号', ...headers]];
  for (let i = 0; i < n; i++) grid.push([`LSVAB12345678${String(1000 + i)}`, ...dates.map((d) => d(i))]);
  return grid;
}
const purchase = (i: number) => DAY0 - 2000 + i * 37;
const visit = (i: number) => purchase(i) + 200 + ((i * 53) % 900);
const birthday = (i: number) => 33000 + i * 11; // 1990
const firstService = (i: number) => purchase(i) + 90;

describe('dateRoles', () => {
  it('purchase earliest, last visit latest, a first service in between, a birthday decades back', () => {
    const grid = sheet(['A', 'B', 'C', 'D'], [visit, birthday, purchase, firstService]);
    const roles = dateRoles(profileColumns(grid, 0, 5)).roles;
    expect(Object.fromEntries(roles)).toEqual({ 1: 'latest', 2: 'birth', 3: 'earliest', 4: 'middle' });
  });
  it('two columns not in one order in every row have no end of the order', () => {
    const grid = sheet(['A', 'B'], [purchase, (i) => (i % 2 ? purchase(i) - 300 : purchase(i) + 300)]);
    const roles = dateRoles(profileColumns(grid, 0, 3)).roles;
    expect([...roles.values()]).toEqual(['middle', 'middle']);
  });
});

describe('the order as evidence for the customer sheet', () => {
  it('an unknown purchase header beside a named last visit is placed by the order, with the evidence shown', () => {
    const m = mapSheet({ name: 'S', grid: sheet(['最后进站日期', '栏目X'], [visit, purchase]) }, 'customers');
    expect(m.columns.purchaseDate).toBe(2);
    const e = m.evidence!.find((x) => x.field === 'purchaseDate')!;
    expect(e.headerMatch).toBe('none');
    expect(e.flags).toContain('order:earliest');
    expect(e.confidence).toBe('medium');
    expect(m.needsMapping).toEqual([]);
  });
  it('a concept header that says visit but holds the earliest dates is contradicted; the latest column takes the field', () => {
    const m = mapSheet({ name: 'S', grid: sheet(['In-Service Date', '栏目Y'], [purchase, visit]) }, 'customers');
    expect(m.columns.lastVisitDate).toBe(2);
    const e = m.evidence!.find((x) => x.field === 'lastVisitDate')!;
    expect(e.flags).toContain('order:latest');
    expect(e.runnerUp?.header).toBe('In-Service Date');
  });
  it('both headers unknown: the order offers the columns, and both are asked about', () => {
    const m = mapSheet({ name: 'S', grid: sheet(['栏目A', '栏目B'], [purchase, visit]) }, 'customers');
    const asked = (m.needsMapping ?? []).map((n) => n.field).sort();
    expect(asked).toEqual(['lastVisitDate', 'purchaseDate']);
    expect(m.needsMapping!.find((n) => n.field === 'purchaseDate')!.candidates[0].header).toBe('栏目A');
  });
  it('a header naming another date (下次…) is never placed by the order', () => {
    const m = mapSheet({ name: 'S', grid: sheet(['购车日期', '下次保养日期'], [purchase, visit]) }, 'customers');
    expect(m.columns.lastVisitDate).toBeUndefined();
  });
  it('a birthday never takes a vehicle date', () => {
    const m = mapSheet({ name: 'S', grid: sheet(['购车日期', '出生日期', '进站日期X'], [purchase, birthday, visit]) }, 'customers');
    expect(m.columns.purchaseDate).toBe(1);
    expect(m.columns.lastVisitDate).toBe(3);
  });
});
