/**
 * Writes a rendered exceljs workbook to a file with the parts exceljs cannot write (charts, PivotTables) added to
 * its package; without any, exceljs writes the file itself. The stream engine adds the same parts to its skeleton
 * (addPlannedParts).
 */
import type ExcelJS from 'exceljs';
import { readZipEntries, ZipFileWriter } from './zip';
import { addChartParts, type SheetCharts } from './charts/injectCharts';
import { addPivotParts } from './pivots/injectPivots';
import type { FilePivot } from './pivots/filePivot';

export interface PlannedParts {
  charts?: SheetCharts[];
  pivots?: FilePivot[];
}

/** Adds the planned charts and PivotTables to the package `entries` (mutated). */
export function addPlannedParts(entries: Map<string, Buffer>, parts: PlannedParts): void {
  if (parts.charts?.length) addChartParts(entries, parts.charts);
  if (parts.pivots?.length) addPivotParts(entries, parts.pivots);
}

/** Writes `entries` as a zip file (deflated), in their order; jszip's folder entries are left out. */
export async function writeEntries(entries: Map<string, Buffer>, file: string): Promise<void> {
  const zip = new ZipFileWriter(file);
  try {
    for (const [path, data] of entries) if (!path.endsWith('/')) await zip.addEntry(path, [data]);
    zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  }
}

/**
 * Writes `workbook` to `file`: what `workbook.xlsx.writeFile` writes, plus the charts and PivotTables.
 * @example await writeRenderedWorkbook(wb, renderPlan(wb, plan), 'out.xlsx')
 */
export async function writeRenderedWorkbook(workbook: ExcelJS.Workbook, parts: PlannedParts, file: string): Promise<void> {
  if (!parts.charts?.some((s) => s.charts.length) && !parts.pivots?.length) {
    await workbook.xlsx.writeFile(file);
    return;
  }
  const entries = readZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
  addPlannedParts(entries, parts);
  await writeEntries(entries, file);
}
