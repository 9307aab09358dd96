/**
 * Puts the charts into the package exceljs wrote (exceljs cannot write charts): for each sheet with charts, a
 * drawing part and its relationships, one chart part per chart, the sheet's `<drawing r:id>` and its
 * relationship, and the content types. Works on the zip's entries (readZipEntries), so both file engines use it:
 * the in-memory engine through `writeRenderedWorkbook` (src/xlsx/writePackage.ts), the stream engine on its skeleton.
 */
import { addContentTypes, addRelationship, insertTopLevel, nextIndex, relsPathOf, sheetPaths, withRelationshipNamespace, partText, setPartText, type PackageEntries } from '../packageParts';
import { chartPartXml, drawingPartXml } from './chartXml';
import type { FileChart } from './fileCharts';

/** The charts of one sheet, by the sheet's final name. */
export interface SheetCharts {
  sheet: string;
  charts: FileChart[];
}

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Worksheet children that come after `<drawing>` (CT_Worksheet's sequence): the drawing goes before the first. */
export const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * Adds the chart parts of `sheets` to the package `entries` (mutated). A sheet the package lacks, or one that
 * already has a drawing (exceljs images), is left as it is. Returns how many charts were added.
 */
export function addChartParts(entries: PackageEntries, sheets: SheetCharts[]): number {
  const paths = sheetPaths(entries);
  let added = 0;
  const overrides: { part: string; type: string }[] = [];
  let drawingN = nextIndex(entries, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartN = nextIndex(entries, /^xl\/charts\/chart(\d+)\.xml$/);
  for (const { sheet, charts } of sheets) {
    const part = paths.get(sheet);
    const xml = part ? partText(entries, part) : undefined;
    if (!part || xml === undefined || !charts.length || /<drawing[\s/>]/.test(xml)) continue;
    const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
    const relIds = charts.map((chart) => {
      const chartPath = `xl/charts/chart${chartN++}.xml`;
      setPartText(entries, chartPath, chartPartXml(chart));
      overrides.push({ part: chartPath, type: CT_CHART });
      return addRelationship(entries, relsPathOf(drawingPath), REL_CHART, `../charts/${chartPath.slice('xl/charts/'.length)}`);
    });
    setPartText(entries, drawingPath, drawingPartXml(charts, relIds));
    overrides.push({ part: drawingPath, type: CT_DRAWING });
    const sheetRel = addRelationship(entries, relsPathOf(part), REL_DRAWING, `../drawings/drawing${drawingN}.xml`);
    setPartText(entries, part, insertTopLevel(withRelationshipNamespace(xml), `<drawing r:id="${sheetRel}"/>`, AFTER_DRAWING));
    drawingN++;
    added += charts.length;
  }
  addContentTypes(entries, overrides);
  return added;
}
