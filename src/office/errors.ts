/**
 * Typed errors of the Office adapter: a stable `code`, an i18n `messageKey` (+ params) the pane and the ribbon
 * command show, and the original error as `cause`. Office's own error codes are mapped here, in one place.
 */

export type ChurnDeskErrorCode =
  | 'cancelled'
  | 'payloadTooLarge'
  | 'busy'
  | 'sheetMissing'
  | 'overwriteRefused'
  | 'apiNotSupported'
  | 'nameTaken'
  | 'accessDenied'
  | 'officeError'
  | 'coreError';

export class ChurnDeskError extends Error {
  constructor(
    readonly code: ChurnDeskErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly cause?: unknown,
  ) {
    super(`${code}: ${messageKey}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    // Cancellation looks like the platform's abort so callers can test `name === 'AbortError'`.
    this.name = code === 'cancelled' ? 'AbortError' : 'ChurnDeskError';
  }
}

/** Office error code -> (our code, message key). */
const OFFICE_CODES: Record<string, [ChurnDeskErrorCode, string]> = {
  RequestPayloadSizeLimitExceeded: ['payloadTooLarge', 'office.error.payloadTooLarge'],
  ResponsePayloadSizeLimitExceeded: ['payloadTooLarge', 'office.error.payloadTooLarge'],
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

/**
 * Wraps anything thrown into a ChurnDeskError (ChurnDeskErrors pass through unchanged).
 * @example toChurnDeskError({ code: 'InvalidOperationInCellEditMode' }).messageKey // 'office.error.busy'
 */
export function toChurnDeskError(e: unknown): ChurnDeskError {
  if (e instanceof ChurnDeskError) return e;
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError') {
    return new ChurnDeskError('cancelled', 'office.error.cancelled', {}, e);
  }
  const code = officeErrorCode(e);
  if (code && OFFICE_CODES[code]) {
    const [ours, key] = OFFICE_CODES[code];
    return new ChurnDeskError(ours, key, { detail: String((e as Error).message ?? code) }, e);
  }
  if (code) return new ChurnDeskError('officeError', 'office.error.office', { code, detail: String((e as Error).message ?? '') }, e);
  const message = e instanceof Error ? e.message : String(e);
  return new ChurnDeskError('coreError', 'office.error.unexpected', { detail: message }, e);
}

/** Throws the cancellation error when the signal is aborted (checked between steps, never mid-sync). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ChurnDeskError('cancelled', 'office.error.cancelled');
}
