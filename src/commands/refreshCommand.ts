/**
 * What the ribbon's 刷新分析 button does, apart from Office's glue (commands.ts): run the whole analysis without the
 * pane, turn the result or the error into a localised result view (title, figures, the warnings that matter, how to
 * open the pane), hand it to `notify`, and ALWAYS complete the event, even when notifying fails (Office keeps the
 * button busy until `event.completed()`).
 *
 * Every text of the view comes from the catalogue (src/i18n); an error without a catalogue key is shown as
 * 'office.error.unexpected', never by its own (JavaScript) message.
 */
import type { ChurnDeskActions, RunSummary } from '../office/actions';
import type { Field, NeedsMapping } from '../core/sheets/types';
import { t, type Locale } from '../i18n';
import { needsMappingText } from '../core/sheets/needsMappingText';
import { ColumnRefusalError, NeedsMappingError } from '../office/errors';

export interface CommandEvent {
  completed(): void;
}

/** What result.html shows (passed to it as JSON in the query, rendered as text only). */
export interface ResultView {
  lang: Locale;
  intent: 'success' | 'warning' | 'error';
  /** The dialog's heading. */
  title: string;
  /** One line: the outcome ('刷新完成:…') or why it failed. */
  message: string;
  /** Key figures (empty on failure). */
  figures: { key: 'vehicles' | 'churnRate' | 'sheets'; label: string; value: string }[];
  /** The warnings that matter, most important first (a missing key column above all). */
  warnings: string[];
  /** The first warning is a missing key column (shown in red). */
  keyWarning: boolean;
  /** The button that opens the pane, when the host can (SharedRuntime 1.1, Office.addin.showAsTaskpane). */
  openPane: string | null;
  /** Otherwise: how to open it from the ribbon. */
  hint: string | null;
  close: string;
  appTitle: string;
}

/** At most this many warnings are listed; the rest are counted. */
export const MAX_WARNINGS = 4;

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** The message for a finished refresh. @example resultMessage('en-US', { vehicles: 12, churnRate: 0.25 }, 3) */
export function resultMessage(locale: Locale, figures: Record<string, number>, sheets: number): string {
  if (typeof figures.vehicles === 'number' && typeof figures.churnRate === 'number') {
    return t(locale, 'office.command.done', { vehicles: figures.vehicles, churnRate: percent(figures.churnRate), sheets });
  }
  return t(locale, 'office.command.doneNoRate', { sheets });
}

/** The catalogue text for a message key, or undefined when the catalogue has no such key. */
function keyed(locale: Locale, key: unknown, params?: Record<string, string | number>): string | undefined {
  if (typeof key !== 'string') return undefined;
  const text = t(locale, key, params);
  return text !== key ? text : undefined;
}

/**
 * Why a refresh failed, from the catalogue only: the error's own key (`messageKey` / `key`), a settings validation
 * error field by field, else 'office.error.unexpected'. Never the error's own message or stack.
 */
export function errorReason(locale: Locale, error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { messageKey?: unknown; key?: unknown; params?: unknown; errors?: unknown };
  const params = typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, string | number>) : undefined;
  const stepless = { step: '', ...(params ?? {}) };
  for (const k of [e.messageKey, e.key]) {
    const text = keyed(locale, k, stepless);
    if (text) return text;
  }
  if (Array.isArray(e.errors)) {
    const parts = (e.errors as { field?: unknown; message?: unknown; params?: unknown }[])
      .map((x) => {
        const message = keyed(locale, x.message, typeof x.params === 'object' && x.params !== null ? (x.params as Record<string, string | number>) : undefined);
        if (!message) return undefined;
        const field = typeof x.field === 'string' ? (keyed(locale, `ui.settings.${x.field}`) ?? x.field) : '';
        return t(locale, 'office.command.settingsInvalid', { field, message });
      })
      .filter((x): x is string => !!x);
    if (parts.length) return parts.join(' ');
  }
  return t(locale, 'office.error.unexpected', { step: '' });
}

/** The one-line message for a failed refresh. */
export function errorMessage(locale: Locale, error: unknown): string {
  return t(locale, 'office.command.failed', { message: errorReason(locale, error) });
}

const fieldLabel = (locale: Locale, f: Field): string => t(locale, `ui.field.${f}`);

/** The warnings of a finished run, most important first: missing key columns, unsure ones, unreadable cells, the rest. */
export function importantWarnings(locale: Locale, summary: RunSummary): string[] {
  const report = summary.report;
  const needs: NeedsMapping[] = report.detection?.needsMapping ?? [];
  const out: string[] = [];
  for (const n of needs.filter((x) => x.reason === 'missing')) {
    out.push(t(locale, 'office.command.missingColumn', { sheet: n.sheet, fields: n.fields.map((f) => fieldLabel(locale, f)).join(t(locale, 'office.command.fieldOr')) }));
  }
  for (const n of needs.filter((x) => x.reason === 'lowConfidence')) {
    out.push(t(locale, 'office.command.unsureColumn', { sheet: n.sheet, field: fieldLabel(locale, n.field), header: n.candidates[0]?.header ?? '' }));
  }
  if (report.issues.length > 0) out.push(t(locale, 'ui.home.issues', { n: report.issues.length }));
  // Keyed warnings in the user's language; plain ones (older plans) as the core wrote them, from its catalogue too.
  const rest = report.warningMessages ? report.warningMessages.map((m) => t(locale, m.key, m.params)) : report.warnings;
  for (const w of rest) if (!out.includes(w)) out.push(w);
  if (out.length <= MAX_WARNINGS) return out;
  return [...out.slice(0, MAX_WARNINGS - 1), t(locale, 'office.command.moreWarnings', { n: out.length - (MAX_WARNINGS - 1) })];
}

function chrome(locale: Locale, canOpenPane: boolean): Pick<ResultView, 'openPane' | 'hint' | 'close' | 'appTitle' | 'lang'> {
  return {
    lang: locale,
    openPane: canOpenPane ? t(locale, 'office.command.openPane') : null,
    hint: canOpenPane ? null : t(locale, 'office.command.openPaneHint'),
    close: t(locale, 'office.command.close'),
    appTitle: t(locale, 'office.command.title'),
  };
}

/** The view of a finished refresh. */
export function successView(locale: Locale, summary: RunSummary, canOpenPane: boolean): ResultView {
  const f = summary.report.figures;
  const figures: ResultView['figures'] = [];
  if (typeof f.vehicles === 'number') figures.push({ key: 'vehicles', label: t(locale, 'office.command.fig.vehicles'), value: f.vehicles.toLocaleString('en-US') });
  if (typeof f.churnRate === 'number') figures.push({ key: 'churnRate', label: t(locale, 'office.command.fig.churnRate'), value: percent(f.churnRate) });
  figures.push({ key: 'sheets', label: t(locale, 'office.command.fig.sheets'), value: String(summary.sheetsWritten.length) });
  const warnings = importantWarnings(locale, summary);
  const keyWarning = (summary.report.detection?.needsMapping ?? []).some((n) => n.reason === 'missing');
  return {
    ...chrome(locale, canOpenPane),
    intent: warnings.length ? 'warning' : 'success',
    title: t(locale, warnings.length ? 'office.command.doneWarnings.title' : 'office.command.done.title'),
    message: resultMessage(locale, f, summary.sheetsWritten.length),
    figures,
    warnings,
    keyWarning,
  };
}

/** The view of a failed refresh. */
export function failureView(locale: Locale, error: unknown, canOpenPane: boolean): ResultView {
  if (error instanceof NeedsMappingError) {
    // The problem instead of a result: each field to map, with its candidate columns, first.
    const warnings = error.needs.map((n) => {
      const { problem, candidates } = needsMappingText(n, locale);
      return `${problem} ${candidates}`;
    });
    return {
      ...chrome(locale, canOpenPane),
      intent: 'error',
      title: t(locale, 'office.command.needsMapping.title'),
      message: t(locale, 'office.command.needsMapping.message'),
      figures: [],
      warnings: warnings.length <= MAX_WARNINGS ? warnings : [...warnings.slice(0, MAX_WARNINGS - 1), t(locale, 'office.command.moreWarnings', { n: warnings.length - (MAX_WARNINGS - 1) })],
      keyWarning: true,
    };
  }
  if (error instanceof ColumnRefusalError) {
    // A column read wrong (calls that match no vehicle by the key mapped): the problem, not a result, as above.
    return {
      ...chrome(locale, canOpenPane),
      intent: 'error',
      title: t(locale, 'office.command.needsMapping.title'),
      message: t(locale, 'office.command.columnRefused.message'),
      figures: [],
      warnings: [errorReason(locale, error)],
      keyWarning: true,
    };
  }
  return { ...chrome(locale, canOpenPane), intent: 'error', title: t(locale, 'office.command.failed.title'), message: errorReason(locale, error), figures: [], warnings: [], keyWarning: false };
}

/**
 * Runs 刷新分析.
 * @example await runRefreshCommand(actions, 'zh-CN', event, async (view) => showDialog(view));
 */
export async function runRefreshCommand(
  actions: Pick<ChurnDeskActions, 'analyse'>,
  locale: Locale,
  event: CommandEvent,
  notify: (view: ResultView) => Promise<void>,
  canOpenPane = false,
): Promise<void> {
  let view: ResultView;
  try {
    view = successView(locale, await actions.analyse(), canOpenPane);
  } catch (error) {
    view = failureView(locale, error, canOpenPane);
  }
  try {
    await notify(view);
  } catch {
    // Nothing more can be shown from a ribbon command; the button must still be released.
  } finally {
    event.completed();
  }
}
