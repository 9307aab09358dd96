/**
 * The short text report `churn-desk analyze` prints: figures, status counts, churn rate, unreadable cells
 * (first 20 with their locations, then a count), which parts ran on which sheets, warnings, sheets written.
 */
import type { RunReport } from '../core/plan/types';
import type { DetectionReport, FieldEvidence } from '../core/sheets/types';
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';
import { columnLabel, needsMappingText } from '../core/sheets/needsMappingText';
import { analysisDateLines } from './settingsSources';

const MAX_ISSUES = 20;

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** 0 -> 'A', 27 -> 'AB'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function flagText(flag: string, tr: (key: string, params?: Record<string, string | number>) => string): string {
  const [name, field] = flag.split(':');
  return field ? tr(`input.flag.${name}`, { field: tr(`input.field.${field}`) }) : tr(`input.flag.${name}`);
}

function fieldLine(e: FieldEvidence, tr: (key: string, params?: Record<string, string | number>) => string): string {
  const flags = e.flags.map((f) => `,${flagText(f, tr)}`).join('');
  return tr('cli.report.mappingField', {
    field: tr(`input.field.${e.field}`),
    column: columnLabel(e.header, e.column),
    score: e.score,
    confidence: tr(`input.confidence.${e.confidence}`),
    how: tr(`input.headerMatch.${e.headerMatch}`),
    flags,
    runnerUp: e.runnerUp ? tr('cli.report.mappingRunnerUp', { column: columnLabel(e.runnerUp.header, e.runnerUp.column) }) : '',
  });
}

/**
 * The column mapping used for every sheet: kind and why, each mapped field with its column, score, confidence and
 * runner-up; then the optional columns not found and what that changes.
 * @example formatMapping(plan.report.detection, 'zh-CN')[0] // '列映射:'
 */
export function formatMapping(detection: DetectionReport | undefined, locale: Locale, accepted: ReadonlySet<string> = new Set()): string[] {
  if (!detection || detection.sheets.length === 0) return [];
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const lines: string[] = [tr('cli.report.mappingHeader')];
  const absent: string[] = [];
  for (const s of detection.sheets) {
    const why = s.why.map((w) => tr(w.key, w.params)).join(';');
    lines.push(tr('cli.report.mappingSheet', { sheet: s.sheet, kind: tr(`input.kind.${s.kind}`), why }));
    for (const e of s.fields) if (e.column >= 0) lines.push(fieldLine(e, tr));
    for (const f of s.absent) absent.push(`  ${s.sheet}:${tr(`input.absent.${f}`)}`);
  }
  if (absent.length) lines.push(tr('cli.report.absentHeader'), ...absent);
  if (accepted.size) lines.push(tr('cli.report.accepted', { fields: [...accepted].map((f) => tr(`input.field.${f}`)).join('、') }));
  return lines;
}

/**
 * What needs the user before any figure is given: one line per field the analysis depends on that is missing or
 * unsure, with the candidate columns, then how to fix it.
 */
export function formatNeedsMapping(needs: DetectionReport['needsMapping'], locale: Locale): string[] {
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const lines: string[] = [tr('cli.error.needsMapping')];
  for (const n of needs) {
    const { problem, candidates } = needsMappingText(n, locale);
    lines.push(problem, `  ${candidates}`);
  }
  const first = needs[0];
  if (first) {
    const c = first.candidates[0];
    lines.push(tr('cli.error.needsMappingFix', { sheet: first.sheet, header: c ? c.header || columnLetter(c.column) : 'A', field: first.field }));
  }
  return lines;
}

/**
 * Formats the report as lines of text.
 * @example formatReport(report, 'zh-CN', { asOf: '2026-10-31', sheetsWritten: ['流失概览'] }).join('\n')
 */
export function formatReport(report: RunReport, locale: Locale, extra: { asOf: string; sheetsWritten: string[]; accepted?: ReadonlySet<string> }): string[] {
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  // The analysis date used and why (--as-of, the settings, the workbook's title, today), and a date the workbook names.
  const lines: string[] = [tr('cli.report.title'), ...analysisDateLines(report, extra.asOf, tr)];
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
  lines.push(...formatMapping(report.detection, locale, extra.accepted));
  if (extra.sheetsWritten.length) lines.push(tr('cli.report.sheetsWritten', { sheets: extra.sheetsWritten.join(', ') }));
  return lines;
}
