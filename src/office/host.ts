/**
 * The one seam between the adapter and Office.js: `run` (Excel.run) and `isSetSupported`. Production passes
 * `officeHost()`; tests pass the in-memory Excel's host (test/support/fakeExcel).
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  /** Opens a new workbook from an .xlsx file's base64 (Excel.createWorkbook, ExcelApi 1.8). */
  createWorkbook(base64: string): Promise<void>;
}

/** The real host: Excel.run and Office.context.requirements. Call after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    // Excel.createWorkbook resolves once the new workbook has opened (docs: "Excel.createWorkbook(base64File)").
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

/**
 * Waits for Office to load the add-in, then gives the user's display language ('zh-CN', 'en-US', …), so that the
 * pane's entry needs no Office.js of its own.
 * @example const { displayLanguage } = await officeReady();
 */
export async function officeReady(): Promise<{ displayLanguage: string }> {
  await Office.onReady();
  return { displayLanguage: Office.context.displayLanguage };
}
