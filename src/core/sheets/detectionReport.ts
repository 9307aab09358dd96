/** DetectedSheets as the run report's DetectionReport (what was read how, and what needs the user). */
import type { DetectedSheets, DetectionReport } from './types';

const KINDS = ['customers', 'calls', 'register', 'prospects'] as const;

/**
 * @example detectionReport(detectSheets(sheets)).needsMapping // [] when every field the analysis needs is placed
 */
export function detectionReport(d: DetectedSheets): DetectionReport {
  const sheets: DetectionReport['sheets'] = [];
  for (const k of KINDS) {
    const m = d[k];
    if (!m) continue;
    sheets.push({ sheet: m.sheet.name, kind: m.kind, headerRow: m.headerRow, why: m.why ?? [], fields: m.evidence ?? [], absent: m.absent ?? [] });
  }
  return { sheets, needsMapping: d.needsMapping ?? [] };
}
