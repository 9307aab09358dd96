/**
 * Errors the in-memory Excel throws, shaped like Office.js's OfficeExtension.Error: a `code` string
 * (e.g. 'ItemNotFound', 'RequestPayloadSizeLimitExceeded') and a message.
 */
export class FakeOfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

/** Thrown by a scalar property read before `load()` + `sync()`, like Office.js does. */
export function notLoaded(what: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${what} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`,
  );
}
