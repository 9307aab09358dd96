/**
 * PLACEHOLDER owned by the sales-side work (issue 6): replaced by the real sales analysis.
 * Signature is the contract analyseWorkbook() calls.
 */
import type { ColumnWrite, RunReport, SheetSpec, WorkbookState } from '../plan/types';
import type { DetectedSheets } from '../sheets/types';
import type { Settings } from '../settings/settings';
import type { Ymd } from '../values/dates';

export interface PartResult {
  columnWrites: ColumnWrite[];
  sheets: SheetSpec[];
  report: Pick<RunReport, 'figures' | 'issues' | 'warnings'> & Partial<Pick<RunReport, 'statusCounts'>>;
  /** Extra data other parts may use (e.g. forms filled from the analysis), keyed by name. */
  data: Record<string, unknown>;
}

export function analyseSales(
  _detected: DetectedSheets,
  _settings: Settings,
  _asOf: Ymd,
  _state: WorkbookState,
): PartResult | null {
  return null;
}
