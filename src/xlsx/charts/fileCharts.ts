/**
 * The charts of the file adapter, resolved from the plan exactly as the Office adapter resolves them
 * (core/plan/charts.ts: series by header, rates on the secondary axis, the totals row outside): each chart with
 * its cell references (for Excel and LibreOffice to recompute) and the values they hold now (the chart XML's
 * caches, shown before any recalculation).
 */
import { resolveChart } from '../../core/plan/charts';
import { columnLetter } from '../../core/plan/names';
import type { CellValue, ChartSpec, SheetSpec } from '../../core/plan/types';

export interface FileChartSeries {
  name: string;
  /** Absolute reference of the series' header cell: 'Sheet'!$B$5. */
  nameRef: string;
  /** Absolute reference of its data cells: 'Sheet'!$B$6:$B$9. */
  valuesRef: string;
  /** One number per category; null for a blank cell (a rate whose denominator is 0). */
  values: (number | null)[];
  /** A rate on the secondary axis, drawn as a line with markers. */
  secondary: boolean;
}

export interface FileChart {
  type: ChartSpec['type'];
  title: string;
  categoriesRef: string;
  categories: string[];
  series: FileChartSeries[];
  /** The primary axis holds rates (0–1, shown as percent). */
  primaryPercent: boolean;
  /** Top-left cell (0-based) and size in cells. */
  row: number;
  col: number;
  widthCols: number;
  heightRows: number;
}

/** A sheet name quoted for a formula reference: 'a''b' (always quoted: names here are mostly CJK). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absRange(sheet: string, col: number, firstRow: number, lastRow: number): string {
  const c = columnLetter(col);
  return firstRow === lastRow ? `${quoteSheet(sheet)}!$${c}$${firstRow + 1}` : `${quoteSheet(sheet)}!$${c}$${firstRow + 1}:$${c}$${lastRow + 1}`;
}

function label(v: CellValue | undefined): string {
  return v === undefined || v === null ? '' : String(v);
}

function num(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The charts of `spec` as they go into the file on sheet `sheetName` (its final name). A chart whose table is
 * missing or empty, or whose category column is missing, is left out; so is any series header the table lacks.
 * @example fileChartsOf(spec, '流失概览')[0].series.map((s) => s.name) // ['车辆数']
 */
export function fileChartsOf(spec: SheetSpec, sheetName: string): FileChart[] {
  const out: FileChart[] = [];
  for (const chart of spec.charts ?? []) {
    const table = spec.tables.find((tb) => tb.name === chart.table);
    if (!table || !table.rows.length) continue;
    const r = resolveChart(chart, table);
    if (r.category < 0 || !r.series.length || r.series[0].axis !== 'primary') continue;
    const first = table.row + 1;
    const last = table.row + table.rows.length;
    out.push({
      type: chart.type,
      title: chart.title,
      categoriesRef: absRange(sheetName, table.col + r.category, first, last),
      categories: table.rows.map((row) => label(row[r.category])),
      series: (chart.type === 'pie' ? r.series.slice(0, 1) : r.series).map((s) => ({
        name: s.header,
        nameRef: absRange(sheetName, table.col + s.col, table.row, table.row),
        valuesRef: absRange(sheetName, table.col + s.col, first, last),
        values: table.rows.map((row) => num(row[s.col])),
        secondary: s.axis === 'secondary',
      })),
      primaryPercent: r.series.some((s) => s.axis === 'primary' && s.unit === 'rate'),
      row: chart.row,
      col: chart.col,
      widthCols: chart.widthCols,
      heightRows: chart.heightRows,
    });
  }
  return out;
}
