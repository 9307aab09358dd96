/**
 * A call log whose calls mostly match no vehicle is a misread, not a fact about the dealer: the key that links a
 * call to a vehicle (VIN, plate or phone) was written in a form nobody reads alike on both sheets, or mapped to the
 * wrong column. Reporting every such vehicle as 未回访 would be a confident figure built on it, so the analysis stops
 * and names the key columns of both sheets (issue 10: never silent).
 */
import type { MappedSheet } from '../sheets/types';
import { columnLabel } from '../sheets/needsMappingText';
import { AnalysisInputError } from './errors';

/** A log this short says too little about its key (a handful of calls about sold cars is normal). */
export const MIN_CALLS_TO_JUDGE = 10;

const KEY_FIELDS = ['vin', 'plate', 'phone'] as const;

/** The key columns of a sheet as the user sees them: “Vehicle VIN”(B)=vin、… ('—' when it has none). */
export function keyColumnsText(m: MappedSheet): string {
  const parts: string[] = [];
  for (const f of KEY_FIELDS) {
    const c = m.columns[f];
    if (c !== undefined) parts.push(`${columnLabel(m.headers[c] ?? '', c)}=${f}`);
  }
  return parts.length ? parts.join('、') : '—';
}

/**
 * Throws when at least MIN_CALLS_TO_JUDGE calls were read and fewer than `minShare` (settings.minMatchedCallShare,
 * 0.5 by default; 0 never throws) of them matched a vehicle.
 * @throws AnalysisInputError('aftersales.error.callsUnmatched') naming both sheets' key columns.
 * @example assertCallsMatch(customers, calls, 50, 50, 0.5) // throws: no call matched
 */
export function assertCallsMatch(customers: MappedSheet, calls: MappedSheet, callRows: number, unmatched: number, minShare: number): void {
  if (minShare <= 0 || callRows < MIN_CALLS_TO_JUDGE || callRows - unmatched >= minShare * callRows) return;
  throw new AnalysisInputError('aftersales.error.callsUnmatched', {
    calls: calls.sheet.name,
    customers: customers.sheet.name,
    unmatched,
    total: callRows,
    callKeys: keyColumnsText(calls),
    customerKeys: keyColumnsText(customers),
    share: `${Math.round(minShare * 100)}%`,
  });
}
