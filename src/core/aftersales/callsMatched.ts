/**
 * A call log whose calls mostly match no vehicle is a misread, not a fact about the dealer: the key that links a
 * call to a vehicle (VIN, plate or phone) was written in a form nobody reads alike on both sheets, or mapped to the
 * wrong column. Reporting every such vehicle as 未回访 would be a confident figure built on it, so the analysis stops
 * and names the key columns of both sheets (issue 10: never silent).
 */
import type { MappedSheet, NeedsMapping } from '../sheets/types';
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
 * The key columns of a sheet as a needsMapping entry (reason lowConfidence: they are mapped, but the keys do not link
 * the two sheets): the mapped key columns first, then the sheet's other columns, any of which may be the real key.
 */
export function keyColumnsNeed(m: MappedSheet): NeedsMapping {
  const mapped = KEY_FIELDS.filter((f) => m.columns[f] !== undefined);
  const candidates: NeedsMapping['candidates'] = [];
  for (const f of mapped) {
    const c = m.columns[f]!;
    candidates.push({ column: c, header: m.headers[c] ?? '', score: m.evidence?.find((e) => e.field === f)?.score ?? 0 });
  }
  const used = new Set(Object.values(m.columns) as number[]);
  const end = m.ownedStart ?? m.headers.length;
  for (let c = 0; c < end && candidates.length < MAX_KEY_CANDIDATES; c++) {
    if (!used.has(c) && m.headers[c]) candidates.push({ column: c, header: m.headers[c], score: 0 });
  }
  return { sheet: m.sheet.name, kind: m.kind, field: mapped[0] ?? KEY_FIELDS[0], fields: [...KEY_FIELDS], reason: 'lowConfidence', candidates };
}

const MAX_KEY_CANDIDATES = 5;

/**
 * Throws when at least MIN_CALLS_TO_JUDGE calls were read and fewer than `minShare` (settings.minMatchedCallShare,
 * 0.5 by default; 0 never throws) of them matched a vehicle.
 * @throws AnalysisInputError('aftersales.error.callsUnmatched') naming both sheets' key columns, in words (params)
 * and as needsMapping entries (the call log's, then the base's), so the pane can open 列映射 on them;
 * `column` is the call log's first mapped key field ('vin' when none is mapped), the one the pane focuses.
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
  }, [keyColumnsNeed(calls), keyColumnsNeed(customers)], { sheet: calls.sheet.name, field: KEY_FIELDS.find((f) => calls.columns[f] !== undefined) ?? 'vin' });
}
