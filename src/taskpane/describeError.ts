/**
 * Turns whatever an action threw into a message for the user. Errors from src/office/ and src/core/ carry an
 * i18n key (`messageKey` or `key`) and params; anything else shows its own message, never a stack trace.
 *
 * @example describeError({ messageKey: 'office.error.busy' }, t) // the catalogue text of that key
 */
import type { Translate } from './i18nContext';

interface KeyedError {
  messageKey?: unknown;
  key?: unknown;
  params?: unknown;
  message?: unknown;
  name?: unknown;
  errors?: unknown;
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as KeyedError).name === 'AbortError';
}

export function describeError(error: unknown, t: Translate): string {
  if (typeof error !== 'object' || error === null) return typeof error === 'string' && error ? error : t('ui.error.unknown');
  const e = error as KeyedError;
  const params = typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, string | number>) : undefined;
  for (const candidate of [e.messageKey, e.key]) {
    if (typeof candidate === 'string') {
      const text = t(candidate, params);
      if (text !== candidate) return text;
    }
  }
  // A SettingsValidationError: name each field and its problem.
  if (Array.isArray(e.errors)) {
    const parts = (e.errors as { field?: unknown; message?: unknown; params?: Record<string, string | number> }[]).map((x) => `${String(x.field)}: ${t(String(x.message), x.params)}`);
    if (parts.length) return parts.join('; ');
  }
  if (typeof e.message === 'string' && e.message) return e.message;
  return t('ui.error.unknown');
}
