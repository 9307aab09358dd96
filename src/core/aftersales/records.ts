/**
 * Reads the mapped customer and call sheets into typed tables (tables.ts), column by column, with the input
 * layer's readers. A cell that cannot be read becomes a CellIssue (sheet, row, column, A1 address, field, raw
 * value) and is left empty in the table, so the row is still classified with what is readable: an unreadable
 * last-visit date falls back to the purchase date, as a missing one does (classify.ts).
 */
import type { CellIssue } from '../plan/types';
import { cellIssue, ISSUE_REASON } from '../sheets/cellIssue';
import type { Field, MappedSheet } from '../sheets/types';
import { normalisePlate, normaliseVin, readDate, readMileage, readPhone, readText, readYesNo } from '../values';
import { emptyCallTable, emptyCustomerTable, type CallTable, type CustomerTable } from './tables';

/** A reader: value, null for blank, undefined for unreadable. */
type Reader<T> = (v: unknown) => T | null | undefined;

/**
 * Reads one mapped column into `out` for every data row. Unmapped fields leave `out` as it is (empty).
 * Linear in the number of data rows; no object per cell except the issues.
 */
function readColumn<T>(
  sheet: MappedSheet,
  field: Field,
  reader: Reader<T>,
  reasonKey: string,
  store: (i: number, value: T) => void,
  issues: CellIssue[],
): void {
  const col = sheet.columns[field];
  if (col === undefined) return;
  const grid = sheet.sheet.grid;
  const rows = sheet.dataRows;
  for (let i = 0; i < rows.length; i++) {
    const raw = grid[rows[i]]?.[col];
    const v = reader(raw);
    if (v === undefined) issues.push(cellIssue(sheet.sheet.name, rows[i], col, field, raw, reasonKey));
    else if (v !== null) store(i, v);
  }
}

/** VIN and plate never fail: any text is a key (matching stays exact), blank is no key. */
const vinKey: Reader<string> = (v) => normaliseVin(v);
const plateKey: Reader<string> = (v) => normalisePlate(v);

/**
 * The customer base as a typed table, with the issues found.
 * @example readCustomers(mapped).table.purchase[0] // 45052
 */
export function readCustomers(sheet: MappedSheet): { table: CustomerTable; issues: CellIssue[] } {
  const t = emptyCustomerTable(sheet.sheet.name, sheet.dataRows);
  const issues: CellIssue[] = [];
  readColumn(sheet, 'vin', vinKey, ISSUE_REASON.text, (i, v) => (t.vin[i] = v), issues);
  readColumn(sheet, 'plate', plateKey, ISSUE_REASON.text, (i, v) => (t.plate[i] = v), issues);
  readColumn(sheet, 'phone', readPhone, ISSUE_REASON.phone, (i, v) => (t.phone[i] = v), issues);
  readColumn(sheet, 'name', readText, ISSUE_REASON.text, (i, v) => (t.name[i] = v), issues);
  readColumn(sheet, 'model', readText, ISSUE_REASON.text, (i, v) => (t.model[i] = v), issues);
  readColumn(sheet, 'region', readText, ISSUE_REASON.text, (i, v) => (t.region[i] = v), issues);
  // Many DMS exports have no region column, only the customer's address ('江西省南昌市青山湖区…'): the address
  // then stands in for the region, so 本地/外地 still finds the local region names it contains.
  if (sheet.columns.region === undefined) readColumn(sheet, 'address', readText, ISSUE_REASON.text, (i, v) => (t.region[i] = v), issues);
  readColumn(sheet, 'advisor', readText, ISSUE_REASON.text, (i, v) => (t.advisor[i] = v), issues);
  readColumn(sheet, 'purchaseDate', readDate, ISSUE_REASON.date, (i, v) => (t.purchase[i] = v), issues);
  readColumn(sheet, 'lastVisitDate', readDate, ISSUE_REASON.date, (i, v) => (t.lastVisit[i] = v), issues);
  readColumn(sheet, 'mileage', readMileage, ISSUE_REASON.mileage, (i, v) => (t.mileage[i] = v), issues);
  return { table: t, issues };
}

/**
 * The follow-up call log as a typed table, with the issues found.
 * @example readCalls(mapped).table.result[0] // '无人接听'
 */
export function readCalls(sheet: MappedSheet): { table: CallTable; issues: CellIssue[] } {
  const t = emptyCallTable(sheet.sheet.name, sheet.dataRows);
  const issues: CellIssue[] = [];
  readColumn(sheet, 'callDate', readDate, ISSUE_REASON.date, (i, v) => (t.callDate[i] = v), issues);
  readColumn(sheet, 'vin', vinKey, ISSUE_REASON.text, (i, v) => (t.vin[i] = v), issues);
  readColumn(sheet, 'plate', plateKey, ISSUE_REASON.text, (i, v) => (t.plate[i] = v), issues);
  readColumn(sheet, 'phone', readPhone, ISSUE_REASON.phone, (i, v) => (t.phone[i] = v), issues);
  readColumn(sheet, 'result', readText, ISSUE_REASON.text, (i, v) => (t.result[i] = v), issues);
  readColumn(sheet, 'reason', readText, ISSUE_REASON.text, (i, v) => (t.reason[i] = v), issues);
  readColumn(sheet, 'destination', readText, ISSUE_REASON.text, (i, v) => (t.destination[i] = v), issues);
  readColumn(sheet, 'invited', readYesNo, ISSUE_REASON.yesNo, (i, v) => (t.invited[i] = v ? 1 : 0), issues);
  readColumn(sheet, 'returnDate', readDate, ISSUE_REASON.date, (i, v) => (t.returnDate[i] = v), issues);
  readColumn(sheet, 'caller', readText, ISSUE_REASON.text, (i, v) => (t.caller[i] = v), issues);
  return { table: t, issues };
}
