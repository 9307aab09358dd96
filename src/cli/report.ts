/**
 * The short text report `churn-desk analyze` prints: figures, status counts, churn rate, unreadable cells
 * (first 20 with their locations, then a count), which parts ran on which sheets, warnings, sheets written.
 */
import type { RunReport } from '../core/plan/types';
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';

const MAX_ISSUES = 20;

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * Formats the report as lines of text.
 * @example formatReport(report, 'zh-CN', { asOf: '2026-10-31', sheetsWritten: ['流失概览'] }).join('\n')
 */
export function formatReport(report: RunReport, locale: Locale, extra: { asOf: string; sheetsWritten: string[] }): string[] {
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const lines: string[] = [tr('cli.report.title'), tr('cli.report.asOf', { date: extra.asOf })];
  for (const part of report.parts) {
    lines.push(
      tr('cli.report.part', {
        part: tr(`cli.report.part.${part.part}`),
        status: part.ran ? tr('cli.report.part.ran') : tr('cli.report.part.skipped', { reason: part.reason ? tr(part.reason) : '-' }),
        sheets: part.sheets.length ? part.sheets.join(', ') : '-',
      }),
    );
  }
  for (const [key, value] of Object.entries(report.figures)) {
    if (key === 'churnRate') continue;
    const labelKey = `cli.figure.${key}`;
    const label = tr(labelKey);
    const shown = /rate|share/i.test(key) && value <= 1 ? percent(value) : Number.isInteger(value) ? String(value) : value.toFixed(2);
    lines.push(tr('cli.report.figure', { label: label === labelKey ? key : label, value: shown }));
  }
  const statuses = Object.entries(report.statusCounts);
  if (statuses.length) {
    const total = statuses.reduce((n, [, c]) => n + c, 0);
    lines.push(tr('cli.report.statusHeader'));
    for (const [status, count] of statuses) lines.push(tr('cli.report.status', { status, count, share: total ? percent(count / total) : '-' }));
  }
  if (typeof report.figures.churnRate === 'number') lines.push(tr('cli.report.churnRate', { rate: percent(report.figures.churnRate) }));
  if (report.issues.length) {
    lines.push(tr('cli.report.issuesHeader', { n: report.issues.length }));
    for (const issue of report.issues.slice(0, MAX_ISSUES)) {
      lines.push(tr('cli.report.issue', { sheet: issue.sheet, address: issue.address, field: issue.field, value: issue.value, reason: tr(issue.reason) }));
    }
    if (report.issues.length > MAX_ISSUES) lines.push(tr('cli.report.issuesMore', { n: report.issues.length - MAX_ISSUES }));
  }
  if (report.warnings.length) {
    lines.push(tr('cli.report.warningsHeader'));
    for (const w of report.warnings) lines.push(`  ${w}`);
  }
  if (extra.sheetsWritten.length) lines.push(tr('cli.report.sheetsWritten', { sheets: extra.sheetsWritten.join(', ') }));
  return lines;
}
