/**
 * Every requirement-set check of the Office adapter, in one place, each with its fallback.
 *
 * ARCHITECTURE NOTES: the manifest asks for ExcelApi 1.4, the lowest set the core features need:
 * - 1.1: read/write values, number formats and formulas; add/delete/rename worksheets; tables; charts;
 *   worksheet visibility (the very hidden state sheet);
 * - 1.4: `getItemOrNullObject` and `getUsedRangeOrNullObject` (reading an empty or missing sheet without an error
 *   that would end the batch). Every range is addressed with `getRange('A1:…')` (1.1), not `getRangeByIndexes` (1.7).
 * Everything above 1.4 is optional and checked at run time here:
 * - 1.6 conditional formats (else: none, a note) and `suspendApiCalculationUntilNextSync` (else: calculation runs);
 * - 1.7 freeze panes and tab colours (else: skipped);
 * - 1.8 PivotTables (else: the cross-tab written as a plain table) and data validation (else: no drop-downs, a note),
 *   and `Excel.createWorkbook` (the share-safe copy is a new workbook; else 分享 says it needs a newer Excel);
 * - 1.9 page layout (else: print setup skipped, a note: Excel's defaults apply) and Worksheet.copy;
 * - 1.12 PivotField.applyFilter: the pivots leave out the 重复 rows themselves (else the filter field is there and a
 *   note on the sheet asks the analyst to untick 重复).
 * Office 2016 MSI (ExcelApi 1.1) is therefore not supported; Office 2019 (1.7) gets everything but PivotTables,
 * drop-downs and print setup.
 */
import type { ExcelHost } from './host';

export const MIN_EXCEL_API = '1.4';

export interface Capabilities {
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  freezePanes: boolean;
  tabColor: boolean;
  pivotTables: boolean;
  dataValidation: boolean;
  pageLayout: boolean;
  /** Worksheet.copy (1.9). */
  worksheetCopy: boolean;
  /** Excel.createWorkbook (1.8): the share-safe copy opens as a new workbook. */
  createWorkbook: boolean;
  /** PivotField.applyFilter (1.12): a pivot's filter field can exclude the 重复 rows; else the analyst unticks them. */
  pivotFilters: boolean;
  /** ChartSeriesCollection.add, ChartSeries.setValues / setXAxisValues / chartType (1.7): charts built series by series; else only a chart whose columns are adjacent. */
  chartSeries?: boolean;
  /** ChartSeries.axisGroup (1.8): rates on a secondary axis; else those series are left out. */
  chartAxisGroup?: boolean;
}

/** Reads the host's capabilities once per action. */
export function detectCapabilities(host: Pick<ExcelHost, 'isSetSupported'>): Capabilities {
  const at = (v: string) => host.isSetSupported('ExcelApi', v);
  return {
    conditionalFormats: at('1.6'),
    suspendCalculation: at('1.6'),
    freezePanes: at('1.7'),
    tabColor: at('1.7'),
    pivotTables: at('1.8'),
    dataValidation: at('1.8'),
    pageLayout: at('1.9'),
    worksheetCopy: at('1.9'),
    createWorkbook: at('1.8'),
    pivotFilters: at('1.12'),
    chartSeries: at('1.7'),
    chartAxisGroup: at('1.8'),
  };
}

/** i18n keys of the notes to show for each missing capability (so the user knows what was skipped). */
export function capabilityNotes(caps: Capabilities): string[] {
  const notes: string[] = [];
  if (!caps.pivotTables) notes.push('office.note.noPivot');
  if (!caps.dataValidation) notes.push('office.note.noValidation');
  if (!caps.conditionalFormats) notes.push('office.note.noConditionalFormats');
  if (!caps.pageLayout) notes.push('office.note.noPageLayout');
  return notes;
}
