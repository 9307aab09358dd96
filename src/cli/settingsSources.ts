/**
 * Where the CLI's settings come from, and messages that name the right source: the settings the workbook remembers,
 * the --settings file (read as UTF-8, with or without a byte-order mark, as Windows Notepad saves it), and --as-of.
 */
import { checkSettings, resolveSettings, type Locale, type Settings } from '../core/settings/settings';
import type { RunReport } from '../core/plan/types';
import { t } from '../i18n';

/** A UTF-8 byte-order mark read as text (U+FEFF): JSON.parse refuses it. */
const BOM = '\uFEFF';

/** The text without a leading byte-order mark. @example stripBom('\uFEFF{}') // '{}' */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Parses a settings file's text (a BOM is allowed). @throws SyntaxError from JSON.parse. */
export function parseSettingsText(text: string): unknown {
  return JSON.parse(stripBom(text)) as unknown;
}

/**
 * The settings of a run, checked source by source so every message names where the bad value is: a field the
 * --settings file sets is reported with the file, one from the workbook with the workbook (a field --as-of overrides
 * is not reported). Returns the messages (localised), empty when all is well.
 * @example settingsProblems({ thresholds: { lostMonths: 0 } }, {}, 'a.json', false, 'en-US') // ['The settings saved in the workbook have a wrong thresholds.lostMonths: …']
 */
export function settingsProblems(
  stored: Record<string, unknown>,
  fromFile: Record<string, unknown>,
  file: string,
  asOfGiven: boolean,
  locale: Locale,
): string[] {
  const errors = checkSettings({ ...stored, ...fromFile });
  const out: string[] = [];
  for (const e of errors) {
    const top = e.field.split('.')[0];
    if (asOfGiven && top === 'analysisDate') continue;
    const message = t(locale, e.message, e.params);
    out.push(
      top in fromFile
        ? t(locale, 'cli.error.settingsFileField', { file, field: e.field, message })
        : t(locale, 'cli.error.workbookSettingsField', { field: e.field, message }),
    );
  }
  return out;
}

/** The settings without --as-of (for the range --as-of is checked against), once settingsProblems found none. */
export function settingsBeforeAsOf(stored: Record<string, unknown>, fromFile: Record<string, unknown>): Settings {
  const { analysisDate: _ignored, ...rest } = { ...stored, ...fromFile };
  return resolveSettings(rest);
}

/**
 * The report's analysis-date lines: the date used and why (--as-of, the settings, the workbook's title, today),
 * and the date the workbook names when it was not the one used.
 */
export function analysisDateLines(report: RunReport, fallback: string, tr: (key: string, params?: Record<string, string | number>) => string): string[] {
  const used = report.analysisDate;
  const suggested = report.suggestedAnalysisDate;
  if (!used) return [tr('cli.report.asOf', { date: fallback })];
  const lines: string[] = [];
  if (used.source === 'workbook' && suggested) lines.push(tr('cli.report.asOfWorkbook', { date: used.date, sheet: suggested.sheet, address: suggested.address, text: suggested.text }));
  else if (used.source === 'given') lines.push(tr('cli.report.asOfGiven', { date: used.date }));
  else if (used.source === 'settings') lines.push(tr('cli.report.asOfSettings', { date: used.date }));
  else lines.push(tr('cli.report.asOfToday', { date: used.date }));
  if (suggested && suggested.date !== used.date) {
    lines.push(tr('cli.report.suggestedDate', { date: suggested.date, sheet: suggested.sheet, address: suggested.address, text: suggested.text }));
  }
  return lines;
}
