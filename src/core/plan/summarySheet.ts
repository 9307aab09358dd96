/**
 * Lays out a summary sheet: title, subtitle (dealer, analysis date), the conclusion line, then tables stacked
 * vertically with a caption above each, charts to the right of the tables. Every summary of the after-sales
 * and sales analyses is built through here, so they all look and print alike.
 */
import type { CellSpec, ChartSpec, ConditionalFormat, PivotSpec, SheetSpec, TableColumn, TableSpec, CellValue } from './types';
import { tableName } from './names';

export interface SummaryTableInput {
  /** Short id, unique within the sheet (becomes part of the table name). */
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: CellValue[][];
  totalsRow?: boolean;
  /** Charts over this table: anchor is placed by the layout. */
  charts?: Omit<ChartSpec, 'table' | 'row' | 'col'>[];
  /** Conditional formats with rows relative to the table's first data row (0) and columns relative to the table. */
  conditionalFormats?: ConditionalFormat[];
}

export interface SummarySheetInput {
  key: string;
  name: string;
  title: string;
  subtitle: string;
  /** One line (or a few) written from the figures. */
  conclusion: string | string[];
  tables: SummaryTableInput[];
  /** Notes printed under the tables (e.g. 'PivotTable in Excel; written as a table here'). */
  notes?: string[];
  pivots?: Omit<PivotSpec, 'row' | 'col'>[];
  personalData?: boolean;
  orientation?: 'portrait' | 'landscape';
}

/** Width in characters of a column: the longest of header and values (CJK counted double), clamped. */
function columnWidth(col: TableColumn, rows: CellValue[][], index: number): number {
  const len = (s: string) => {
    let n = 0;
    for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    return n;
  };
  let w = len(col.header) + 2;
  const sample = rows.length > 200 ? rows.slice(0, 200) : rows;
  for (const r of sample) {
    const v = r[index];
    const s = typeof v === 'number' ? (col.kind === 'date' ? '2026-01-01' : v.toFixed(col.kind === 'percent' ? 3 : 1)) : String(v ?? '');
    w = Math.max(w, len(s) + 2);
  }
  return Math.min(Math.max(w, 8), 60);
}

export function buildSummarySheet(input: SummarySheetInput): SheetSpec {
  const cells: CellSpec[] = [];
  const tables: TableSpec[] = [];
  const charts: ChartSpec[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const widths = new Map<number, number>();
  const maxCols = Math.max(1, ...input.tables.map((t) => t.columns.length));

  cells.push({ row: 0, col: 0, value: input.title, style: 'title', mergeAcross: maxCols - 1 });
  cells.push({ row: 1, col: 0, value: input.subtitle, style: 'subtitle', mergeAcross: maxCols - 1 });
  const conclusions = Array.isArray(input.conclusion) ? input.conclusion : [input.conclusion];
  let row = 2;
  for (const line of conclusions) {
    cells.push({ row, col: 0, value: line, style: 'conclusion', mergeAcross: Math.max(maxCols - 1, 7), wrap: true });
    row++;
  }
  row++;

  const chartCol = maxCols + 1;
  let chartRow = row;
  for (const t of input.tables) {
    cells.push({ row, col: 0, value: t.caption, style: 'label' });
    row++;
    const name = tableName(input.key, t.id);
    tables.push({ name, row, col: 0, columns: t.columns, rows: t.rows, totalsRow: t.totalsRow });
    t.columns.forEach((c, i) => widths.set(i, Math.max(widths.get(i) ?? 0, c.width ?? columnWidth(c, t.rows, i))));
    const firstData = row + 1;
    for (const cf of t.conditionalFormats ?? []) {
      conditionalFormats.push({ ...cf, firstRow: firstData + cf.firstRow, lastRow: firstData + cf.lastRow });
    }
    for (const c of t.charts ?? []) {
      const heightRows = c.heightRows;
      charts.push({ ...c, table: name, row: chartRow, col: chartCol });
      chartRow += heightRows + 1;
    }
    row += 1 + Math.max(t.rows.length, 1) + (t.totalsRow ? 1 : 0) + 1;
  }
  const pivots: PivotSpec[] = [];
  // A pivot (or its cross-tab) has a row per group of its row field, and the sheet's tables list those groups: the
  // space kept below it covers the longest of them plus the filter area, two header rows and the total (a fixed 20
  // rows let the 50,000-vehicle sample's region cross-tab run over the note below it).
  const pivotRows = Math.max(20, ...input.tables.map((t) => t.rows.length + 8));
  for (const p of input.pivots ?? []) {
    pivots.push({ ...p, row, col: 0 });
    row += pivotRows;
  }
  for (const note of input.notes ?? []) {
    cells.push({ row, col: 0, value: note, style: 'note', mergeAcross: Math.max(maxCols - 1, 7) });
    row++;
  }

  return {
    key: input.key,
    name: input.name,
    role: input.key.startsWith('list.') ? 'list' : 'summary',
    cells,
    tables,
    columnWidths: [...widths.entries()].map(([col, width]) => ({ col, width })),
    freeze: undefined,
    conditionalFormats,
    charts,
    pivots,
    personalData: input.personalData,
    print: {
      orientation: input.orientation ?? (maxCols > 8 ? 'landscape' : 'portrait'),
      paper: 'A4',
      fitToWidth: true,
      footer: '&P / &N',
    },
  };
}
