/**
 * The core's sheet detection, on its own: which sheets hold customers, calls, the register and prospects, and how
 * their columns map. It reads only the heads of the sheets (30 rows), so the task pane runs it on its own thread
 * (paneRunner.ts) without starting the worker; analysis and forms stay in the worker (coreFunctions.ts).
 */
import { detectSheets } from '../core/sheets/detectSheets';
import { claimedSheetNames, firstCells } from '../core/state/ownership';
import type { DetectedSheets, Field, MappedSheet } from '../core/sheets/types';
import type { DetectedSheetSummary, DetectionSummary } from '../office/actions';
import type { DetectRequest } from './coreFunctions';

function summaryOf(m: MappedSheet): DetectedSheetSummary {
  const mapping: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(m.columns) as [Field, number | undefined][]) {
    if (col !== undefined && m.headers[col] !== undefined) mapping[field] = m.headers[col];
  }
  return {
    sheet: m.sheet.name,
    kind: m.kind,
    headerRow: m.headerRow,
    headers: m.headers,
    mapping,
    missingRequired: m.missingRequired,
    dataRowCount: m.dataRows.length,
    evidence: m.evidence,
    needsMapping: m.needsMapping,
    why: m.why,
    absent: m.absent,
  };
}

/** DetectedSheets as the pane's DetectionSummary. */
export function detectionSummary(d: DetectedSheets): DetectionSummary {
  const sheets: DetectedSheetSummary[] = [];
  for (const k of ['customers', 'calls', 'register', 'prospects'] as const) {
    const m = d[k];
    if (m) sheets.push(summaryOf(m));
  }
  return { sheets, ignored: d.ignored, needsMapping: d.needsMapping };
}

/** CoreFunctions.detect: the sheets ChurnDesk wrote (per the state, checked against their titles) are left out. */
export function detect({ sheets, state }: DetectRequest): DetectionSummary {
  const ownedHeaders: string[] = [];
  for (const o of Object.values(state.ownedColumns)) ownedHeaders.push(...o.headers);
  // As the analysis: a recorded sheet whose A1 no longer shows its recorded title is the user's (claimedSheetNames).
  const ownedSheetNames = claimedSheetNames(state, firstCells(sheets)).names;
  return detectionSummary(detectSheets(sheets, { mappings: state.mappings, ownedSheetNames, ownedHeaders, ownedColumns: state.ownedColumns, acceptedMissing: state.acceptedMissing }));
}
