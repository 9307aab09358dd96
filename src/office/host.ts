/**
 * The one seam between the adapter and Office.js: `run` (Excel.run) and `isSetSupported`. Production passes
 * `officeHost()`; tests pass the in-memory Excel's host (test/support/fakeExcel).
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
}

/** The real host: Excel.run and Office.context.requirements. Call after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
