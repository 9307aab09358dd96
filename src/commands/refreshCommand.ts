/**
 * What the ribbon's 刷新分析 button does, apart from Office's glue (commands.ts): run the whole analysis without the
 * pane, turn the result or the error into one localised line, hand it to `notify`, and ALWAYS complete the event,
 * even when notifying fails (Office keeps the button busy until `event.completed()`).
 */
import type { ChurnDeskActions } from '../office/actions';
import { t, type Locale } from '../i18n';

export interface CommandEvent {
  completed(): void;
}

/** The message for a finished refresh. @example resultMessage('en-US', { figures: { vehicles: 12, churnRate: 0.25 } }, 3) */
export function resultMessage(locale: Locale, figures: Record<string, number>, sheets: number): string {
  if (typeof figures.vehicles === 'number' && typeof figures.churnRate === 'number') {
    return t(locale, 'office.command.done', { vehicles: figures.vehicles, churnRate: `${(figures.churnRate * 100).toFixed(1)}%`, sheets });
  }
  return t(locale, 'office.command.doneNoRate', { sheets });
}

/** The message for a failed refresh: the error's own i18n key when it has one, else its message. */
export function errorMessage(locale: Locale, error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { messageKey?: unknown; key?: unknown; params?: unknown; message?: unknown; errors?: unknown };
  const params = typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, string | number>) : undefined;
  for (const k of [e.messageKey, e.key]) {
    if (typeof k === 'string') {
      const text = t(locale, k, params);
      if (text !== k) return t(locale, 'office.command.failed', { message: text });
    }
  }
  if (Array.isArray(e.errors)) {
    const parts = (e.errors as { field?: unknown; message?: unknown }[]).map((x) => `${String(x.field)}: ${t(locale, String(x.message))}`);
    return t(locale, 'office.command.failed', { message: parts.join('; ') });
  }
  return t(locale, 'office.command.failed', { message: typeof e.message === 'string' ? e.message : String(error) });
}

/**
 * Runs 刷新分析.
 * @example await runRefreshCommand(actions, 'zh-CN', event, async (msg, ok) => showDialog(msg, ok));
 */
export async function runRefreshCommand(
  actions: Pick<ChurnDeskActions, 'analyse'>,
  locale: Locale,
  event: CommandEvent,
  notify: (message: string, ok: boolean) => Promise<void>,
): Promise<void> {
  let message: string;
  let ok = false;
  try {
    const summary = await actions.analyse();
    message = resultMessage(locale, summary.report.figures, summary.sheetsWritten.length);
    ok = true;
  } catch (error) {
    message = errorMessage(locale, error);
  }
  try {
    await notify(message, ok);
  } catch {
    // Nothing more can be shown from a ribbon command; the button must still be released.
  } finally {
    event.completed();
  }
}
