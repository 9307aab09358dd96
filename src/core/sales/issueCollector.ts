/**
 * Collects CellIssues for unreadable cells, keeping at most a fixed number per sheet and field so a sheet with a
 * million bad cells does not produce a million objects; the total is still counted and reported.
 */
import type { CellIssue } from '../plan/types';
import { cellIssue } from '../sheets/cellIssue';

/** Issues kept per sheet and field; the rest are counted only. */
export const MAX_ISSUES_PER_FIELD = 1000;

export class IssueCollector {
  readonly issues: CellIssue[] = [];
  /** Every unreadable cell, kept or not. */
  total = 0;
  private readonly perField = new Map<string, number>();

  /**
   * Records an unreadable cell.
   * @example issues.add('登记表', 5, 1, 'time', '25点', 'sales.issue.time')
   */
  add(sheet: string, row: number, col: number, field: string, value: unknown, reasonKey: string): void {
    this.total++;
    const key = `${sheet}\u0000${field}`;
    const n = this.perField.get(key) ?? 0;
    if (n >= MAX_ISSUES_PER_FIELD) return;
    this.perField.set(key, n + 1);
    this.issues.push(cellIssue(sheet, row, col, field, value, reasonKey));
  }
}

/** i18n keys of the reasons the sales analysis reports. */
export const SALES_ISSUE = {
  date: 'input.issue.unreadableDate',
  phone: 'input.issue.unreadablePhone',
  time: 'sales.issue.unreadableTime',
  contactType: 'sales.issue.unreadableContactType',
  mark: 'sales.issue.unreadableMark',
  level: 'sales.issue.unreadableLevel',
} as const;
