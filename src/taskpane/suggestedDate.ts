/**
 * Issue 10.5 in the pane: the analysis date the workbook's title rows name (截至2026年10月31日, 2026年10月), offered in
 * words after a run that used another date (today's, or the settings'). The CLI report says the same
 * (src/cli/settingsSources.ts, analysisDateLines).
 */
import type { RunReport } from '../core/plan/types';

/** The offer, or '' when the workbook names no date or the run used it. */
export function suggestedDateText(report: Pick<RunReport, 'analysisDate' | 'suggestedAnalysisDate'>, t: (key: string, params?: Record<string, string | number>) => string): string {
  const s = report.suggestedAnalysisDate;
  const used = report.analysisDate?.date;
  if (!s || !used || s.date === used) return '';
  return t('ui.home.suggestedDate', { date: s.date, sheet: s.sheet, address: s.address, text: s.text, used });
}
