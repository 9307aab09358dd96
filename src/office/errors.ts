/**
 * Typed errors of the Office adapter: a stable `code`, an i18n `messageKey` (+ params) the pane and the ribbon
 * command show, the original error as `cause`, and `diagnostic`: the technical detail (Office error code, the raw
 * message, the step) for a collapsible "details" field and support, never for the message itself.
 * Office's own error codes are mapped here, in one place (`normaliseError`); no raw JavaScript or Office message
 * text ever becomes a message param.
 */
import type { Locale } from '../core/settings/settings';
import { needsMappingText } from '../core/sheets/needsMappingText';
import type { Field, NeedsMapping } from '../core/sheets/types';

export type ChurnDeskErrorCode =
  | 'cancelled'
  | 'payloadTooLarge'
  /** Excel answered a read without its values (an unbounded or oversized range): the sheet is named. */
  | 'valuesMissing'
  | 'busy'
  | 'sheetMissing'
  | 'overwriteRefused'
  | 'apiNotSupported'
  | 'nameTaken'
  | 'accessDenied'
  | 'officeError'
  | 'coreError'
  /** A field the figures depend on is missing or unsure: nothing was written; 列映射 should open on it. */
  | 'needsMapping';

export class ChurnDeskError extends Error {
  /** Message params; `step` (what was being done, already localised, or '') is always present. */
  readonly params: Record<string, string | number>;
  /** Technical detail for a diagnostic field: never shown as the message. */
  diagnostic: string;
  constructor(
    readonly code: ChurnDeskErrorCode,
    readonly messageKey: string,
    params: Record<string, string | number> = {},
    readonly cause?: unknown,
    diagnostic?: string,
  ) {
    const shown = Object.entries(params).filter(([k]) => k !== 'step' && k !== 'detail');
    super(`${code}: ${messageKey}${shown.length ? ' ' + JSON.stringify(Object.fromEntries(shown)) : ''}`);
    const { detail, ...rest } = params;
    this.params = { step: '', ...rest };
    this.diagnostic = diagnostic ?? (detail !== undefined ? String(detail) : technicalDetail(cause));
    // Cancellation looks like the platform's abort so callers can test `name === 'AbortError'`.
    this.name = code === 'cancelled' ? 'AbortError' : 'ChurnDeskError';
  }

  /** The same error with the step that failed (`step` localised by the caller) and a diagnostic prefix. */
  during(step: string, stepId: string): ChurnDeskError {
    const e = new ChurnDeskError(this.code, this.messageKey, { ...this.params, step }, this.cause, `[${stepId}] ${this.diagnostic}`.trim());
    return e;
  }
}

/** Office error code -> (our code, message key). */
const OFFICE_CODES: Record<string, [ChurnDeskErrorCode, string]> = {
  RequestPayloadSizeLimitExceeded: ['payloadTooLarge', 'office.error.payloadTooLarge'],
  ResponsePayloadSizeLimitExceeded: ['payloadTooLarge', 'office.error.payloadTooLarge'],
  PayloadTooLarge: ['payloadTooLarge', 'office.error.payloadTooLarge'],
  InvalidOperationInCellEditMode: ['busy', 'office.error.busy'],
  ItemNotFound: ['sheetMissing', 'office.error.itemNotFound'],
  ItemAlreadyExists: ['nameTaken', 'office.error.nameTaken'],
  ApiNotFound: ['apiNotSupported', 'office.error.apiNotSupported'],
  AccessDenied: ['accessDenied', 'office.error.accessDenied'],
};

/** The Office error code of an error, or undefined. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') return (e as { code: string }).code;
  return undefined;
}

export function isPayloadLimitError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** One line of technical detail of anything thrown: name, Office code and message (for the diagnostic field). */
export function technicalDetail(e: unknown): string {
  if (e === undefined || e === null) return '';
  if (e instanceof ChurnDeskError) return e.diagnostic || `${e.code}: ${e.messageKey}`;
  if (typeof e === 'object') {
    const o = e as { name?: unknown; code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
    const parts = [o.name, o.code, o.message].filter((x) => typeof x === 'string' && x).map(String);
    const where = o.debugInfo && typeof o.debugInfo.errorLocation === 'string' ? ` @ ${o.debugInfo.errorLocation}` : '';
    if (parts.length) return [...new Set(parts)].join(': ') + where;
  }
  try {
    return String(e);
  } catch {
    return 'unprintable error';
  }
}

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/**
 * Wraps anything thrown into a ChurnDeskError with a catalogue key (ChurnDeskErrors pass through unchanged).
 * Office errors map by their code; an unknown Office code gets the generic Excel message; anything else (a
 * TypeError such as `c.items.load is not a function`) the generic unexpected-error message. The raw text goes
 * only into `diagnostic`.
 * @example toChurnDeskError({ code: 'InvalidOperationInCellEditMode' }).messageKey // 'office.error.busy'
 */
export function toChurnDeskError(e: unknown): ChurnDeskError {
  if (e instanceof ChurnDeskError) return e;
  if (isAbort(e)) return new ChurnDeskError('cancelled', 'office.error.cancelled', {}, e);
  const code = officeErrorCode(e);
  if (code && OFFICE_CODES[code]) {
    const [ours, key] = OFFICE_CODES[code];
    return new ChurnDeskError(ours, key, {}, e);
  }
  if (code && /^[A-Za-z][A-Za-z0-9]*$/.test(code)) return new ChurnDeskError('officeError', 'office.error.office', {}, e);
  return new ChurnDeskError('coreError', 'office.error.unexpected', {}, e);
}

/** Errors the core raises with their own catalogue key or field list (SettingsValidationError, AnalysisInputError). */
function isCatalogueError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || e instanceof ChurnDeskError) return false;
  const o = e as { messageKey?: unknown; key?: unknown; errors?: unknown; code?: unknown };
  if (typeof o.code === 'string') return false;
  if (typeof o.messageKey === 'string' || typeof o.key === 'string') return /^[a-z][\w-]*(\.[\w-]+)+$/.test(String(o.messageKey ?? o.key));
  return Array.isArray(o.errors) && (o.errors as { message?: unknown }[]).every((x) => typeof x?.message === 'string');
}

/**
 * What every action throws: a ChurnDeskError, or a core error that already carries catalogue keys. Never an
 * error whose message the user would have to read raw.
 */
export function normaliseError(e: unknown): ChurnDeskError | Error {
  const column = refusedColumnOf(e);
  if (column) return new ColumnRefusalError(column, (e as { key: string }).key, (e as { params?: Record<string, string | number> }).params ?? {}, e);
  if (isCatalogueError(e)) return e as Error;
  return toChurnDeskError(e);
}

/** Throws the cancellation error when the signal is aborted (checked between steps, never mid-sync). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ChurnDeskError('cancelled', 'office.error.cancelled');
}

/** Where a refusal points the user: the sheet and the field 列映射 opens on. */
export interface MappingFocus {
  sheet: string;
  field: Field;
}

/**
 * The column a core refusal is about (AnalysisInputError.column, else the first of its needsMapping), also after the error
 * crossed the worker boundary as plain data; undefined for any other error.
 */
export function refusedColumnOf(e: unknown): MappingFocus | undefined {
  if (typeof e !== 'object' || e === null || e instanceof ChurnDeskError) return undefined;
  const o = e as { key?: unknown; column?: { sheet?: unknown; field?: unknown } | null; needsMapping?: unknown };
  if (typeof o.key !== 'string') return undefined;
  // A refusal naming several fields (AnalysisInputError.needsMapping, e.g. calls beside the base) focuses the first.
  const first = Array.isArray(o.needsMapping) ? (o.needsMapping[0] as { sheet?: unknown; field?: unknown } | undefined) : undefined;
  const c = typeof o.column === 'object' && o.column !== null ? o.column : first;
  if (!c) return undefined;
  const { sheet, field } = c;
  return typeof sheet === 'string' && typeof field === 'string' ? { sheet, field: field as Field } : undefined;
}

/**
 * A refusal of the core about one column (the calls match no vehicle by the key mapped): nothing was written, and
 * the fix is a mapping, so it is a 'needsMapping' error like NeedsMappingError, with the core's own message and the
 * column to open 列映射 on.
 */
export class ColumnRefusalError extends ChurnDeskError {
  constructor(
    readonly focus: MappingFocus,
    messageKey: string,
    params: Record<string, string | number>,
    cause?: unknown,
  ) {
    super('needsMapping', messageKey, params, cause, `needsMapping ${focus.sheet}:${focus.field}`);
  }
}

/**
 * The refresh stopped before writing: fields the figures depend on are missing or unsure. `needs` goes to the pane
 * (it opens 列映射 on the first) and the message names each field with its candidate columns (the ribbon's dialog).
 */
export class NeedsMappingError extends ChurnDeskError {
  constructor(readonly needs: NeedsMapping[], locale: Locale) {
    const lines = needs.map((n) => {
      const { problem, candidates } = needsMappingText(n, locale);
      return `${problem} ${candidates}`;
    });
    super('needsMapping', 'office.error.needsMapping', { problems: lines.join(';') }, undefined, 'needsMapping');
  }

  /** The first field asked about: 列映射 opens on it. */
  get focus(): MappingFocus | undefined {
    const first = this.needs[0];
    return first ? { sheet: first.sheet, field: first.field } : undefined;
  }
}
