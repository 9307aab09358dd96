/**
 * Errors the in-memory Excel throws, shaped like the shipped office.js's `OfficeExtension.Error`
 * (`_Internal.RuntimeError`, node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js line 13315-13350):
 * `name` 'RichApi.Error', a `code` string, the plain resource-string `message` (no code prefix), `debugInfo`
 * `{ code, message, errorLocation? }`, `httpStatusCode`, `traceMessages`, `innerError`; `toString()` gives
 * `code: message` (line 13351-13353).
 */

/**
 * Messages, copied from where Excel's client or Excel itself says them:
 * - PropertyNotLoaded, RunMustReturnPromise: office.js `ResourceStrings` values, excel-web-16.00.debug.js line 18182-18183;
 * - InvalidObjectPath: office.js `CoreUtility.s_resourceStringValues`, line 13934;
 * - Request/ResponsePayloadSizeLimitExceeded: `Strings.OfficeOM.L_Request…/L_ResponsePayloadSizeLimitExceededMessage`,
 *   node_modules/@microsoft/office-js/dist/en-us/office_strings.debug.js line 170 and 173 (mapped in excel-web line 1949-1950);
 * - ItemNotFound: the error table of the docs page "Error handling with the application-specific JavaScript APIs";
 * - InvalidArgumentShape: Excel's answer to a wrong-shape `Range.values`, as logged in OfficeDev/office-js issue #1025
 *   (`errorLocation: "Range.values"`).
 */
export const MESSAGES = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  InvalidObjectPath:
    'The object path \'{0}\' isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ItemNotFound: "The requested resource doesn't exist.",
  /** Docs error table ("Error handling with the application-specific JavaScript APIs"). */
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  /** Docs error table; raised past the 5,000,000-cell read limit ("Resource limits and performance optimization"). */
  RangeExceedsLimit:
    'The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  InvalidArgumentShape: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
} as const;

function format(template: string, arg: string): string {
  return template.replace('{0}', arg);
}

/**
 * httpStatusCode as office.js sets it: its fallback mapping (line 13330-13341), PropertyNotLoaded and InvalidObjectPath
 * (400, line 18294 and 15114-15116), the payload limits (400, line 13477-13484); anything else 500 (line 13342-13344).
 */
const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  PropertyNotLoaded: 400,
  // Utility.throwError, line 18257-18263.
  RunMustReturnPromise: 400,
  ValueNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 400,
  ResponsePayloadSizeLimitExceeded: 400,
};

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class FakeOfficeError extends Error {
  readonly debugInfo: FakeDebugInfo;
  readonly httpStatusCode: number;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  constructor(
    public readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
  }
  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/**
 * Thrown by a scalar property read before `load()` + `sync()`, like office.js's
 * `Utility.createPropertyNotLoadedException` (line 18291-18297): errorLocation `Entity.property`.
 */
export function notLoaded(entity: string, prop: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', format(MESSAGES.PropertyNotLoaded, prop), `${entity}.${prop}`);
}

/** A proxy used after its run's automatic clean-up (office.js `CommonUtility.validateObjectPath`, line 15111-15124). */
export function invalidObjectPath(path: string): FakeOfficeError {
  return new FakeOfficeError('InvalidObjectPath', format(MESSAGES.InvalidObjectPath, path), path);
}

/** `getItem` of something that does not exist, raised by Excel when the proxy is instantiated at sync. */
export function itemNotFound(errorLocation: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', MESSAGES.ItemNotFound, errorLocation);
}
