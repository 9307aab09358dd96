/**
 * Builds one planned sheet (SheetSpec) on a new worksheet under a temporary name: the REQUIRED content only —
 * cells, tables (rows written in blocks, then `tables.add` over the written range, as the performance guidance
 * advises), widths, freeze panes, the cross-tab fallback of PivotTables and print setup.
 * What a host may not support is deferred to after the swap (applyPlan's optional steps), each queued by its own
 * function here and able only to add to a finished sheet: data validations (`queueSheetValidations`), conditional
 * formats (`queueSheetConditionalFormats`), charts (`queueCharts`), native PivotTables (`queuePivot`) and their
 * filters (`applyPivotFilters`).
 */
import type { CellSpec, ChartSpec, ConditionalFormat, Grid, CellValidation, PivotSpec, PrintSetup, SheetSpec, TableSpec, CellValue } from '../core/plan/types';
import { DATE_VALIDATION_RANGE } from '../core/plan/types';
import { resolveChart } from '../core/plan/charts';
import { a1, columnLetter, sheetLinkFormula } from '../core/plan/names';
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';
import { crossTab } from '../xlsx/crossTab';
import type { Capabilities } from './capabilities';
import { DEFAULT_CHUNK_POLICY, writeChunkRows, type ChunkPolicy } from './chunks';
import { APPENDED_HEADER, CF_FILLS, OFFICE_STYLES, applyStyle, numberFormatOf, setUniformFormat, widthToPoints } from './formats';
import { blockAddress } from './readSheets';
import type { Syncer } from './syncer';

export interface BuildContext {
  syncer: Syncer;
  caps: Capabilities;
  locale: Locale;
  policy?: ChunkPolicy;
  /** The classified source grid of a sheet (input grid with the planned columns), for the cross-tab fallback. */
  sourceGrid: (sheet: string) => Grid | undefined;
  /** A fresh temporary table name (table names are unique across the workbook, and the old sheets still exist). */
  tempTableName: () => string;
  /** The final name of the sheet of a key (a `sheetLink` cell's target), or undefined when there is none. */
  linkTarget?: (key: string) => string | undefined;
  /**
   * Called after each sync with the rows of values it wrote (a table block: its rows; the header: 1; a positioned
   * cell: 1), so that the pane's progress follows the rows written, not the count of sheets.
   */
  onRowsWritten?: (rows: number) => void;
}

/** Rows of values queued since the last sync: reported to BuildContext.onRowsWritten once a sync has taken them. */
class RowsQueued {
  private pending = 0;
  constructor(private readonly report?: (rows: number) => void) {}
  add(rows: number): void {
    this.pending += rows;
  }
  synced(): void {
    if (this.pending) this.report?.(this.pending);
    this.pending = 0;
  }
}

/** The rows of values buildSheet writes for `spec` (what BuildContext.onRowsWritten adds up to). */
export function rowsToWrite(spec: SheetSpec): number {
  return spec.cells.length + spec.tables.reduce((n, t) => n + 1 + Math.max(1, t.rows.length), 0);
}

export interface BuiltSheet {
  tempName: string;
  /** The spec it was built from (the optional steps read their parts from it). */
  spec: SheetSpec;
  /** Data rows written per table (by the plan's table name), for validations and chart sources. */
  tableRows: Record<string, number>;
  /** Temporary table name -> final name. */
  tables: { temp: string; final: string }[];
  /** Native PivotTables to add once the sheet has its final name. */
  pivots: PivotSpec[];
  notes: string[];
}

const CHART_TYPES: Record<string, 'Pie' | 'ColumnClustered' | 'ColumnStacked' | 'BarClustered' | 'Line'> = {
  pie: 'Pie',
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  barClustered: 'BarClustered',
  line: 'Line',
};

/**
 * Queues a validation over an A1 range: a drop-down list (inline list; Excel caps it at 255 characters) or a date
 * between DATE_VALIDATION_RANGE's bounds.
 */
export function queueValidation(range: Excel.Range, v: CellValidation): boolean {
  if (v.type === 'date') {
    range.dataValidation.rule = { date: { formula1: DATE_VALIDATION_RANGE.from, formula2: DATE_VALIDATION_RANGE.to, operator: 'Between' } };
    range.dataValidation.errorAlert = { showAlert: true, style: v.strict ? 'Stop' : 'Warning', title: '', message: '' };
    return true;
  }
  const source = v.values.map((x) => x.replace(/,/g, ',')).join(',');
  if (source.length > 255) return false;
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = { showAlert: true, style: v.strict ? 'Stop' : 'Warning', title: '', message: '' };
  return true;
}

/** Queues a conditional format; `colOffset` shifts relative columns (appended columns). */
export function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat, colOffset: number): void {
  if (cf.lastRow < cf.firstRow) return;
  const col = columnLetter(cf.col + colOffset);
  const range = ws.getRange(`${col}${cf.firstRow + 1}:${col}${cf.lastRow + 1}`);
  if (cf.type === 'textEquals') {
    const f = range.conditionalFormats.add('ContainsText');
    f.textComparison.rule = { operator: 'Contains', text: cf.text };
    f.textComparison.format.fill.color = CF_FILLS[cf.fill];
  } else if (cf.type === 'greaterThan') {
    const f = range.conditionalFormats.add('CellValue');
    f.cellValue.rule = { formula1: String(cf.value), operator: 'GreaterThan' };
    f.cellValue.format.fill.color = CF_FILLS[cf.fill];
  } else {
    range.conditionalFormats.add('DataBar');
  }
}

/** Positioned cells queued per sync (well under 5 MB of request at ~3 KB per styled cell). */
export const CELLS_PER_SYNC = 500;

function writeCell(ws: Excel.Worksheet, cell: CellSpec, linkTarget?: (key: string) => string | undefined): void {
  const across = cell.mergeAcross ?? 0;
  const down = cell.mergeDown ?? 0;
  const target = ws.getRange(a1(cell.row, cell.col));
  const sheet = cell.sheetLink !== undefined ? linkTarget?.(cell.sheetLink) : undefined;
  if (sheet !== undefined) {
    target.numberFormat = [['General']];
    target.formulas = [['=' + sheetLinkFormula(sheet)]];
  } else if (cell.formula !== undefined) {
    if (cell.numberFormat) target.numberFormat = [[cell.numberFormat]];
    target.formulas = [['=' + cell.formula]];
  } else if (cell.value !== undefined) {
    // A data value is never a formula: strings get the text format before the value is written.
    target.numberFormat = [[typeof cell.value === 'string' ? '@' : (cell.numberFormat ?? 'General')]];
    target.values = [[cell.value]];
  }
  const area = across > 0 || down > 0 ? ws.getRange(`${a1(cell.row, cell.col)}:${a1(cell.row + down, cell.col + across)}`) : target;
  if (across > 0 || down > 0) area.merge(false);
  if (cell.style) applyStyle(area, OFFICE_STYLES[cell.style]);
  if (sheet !== undefined) {
    target.format.font.color = '#0563C1';
    target.format.font.underline = 'Single';
  }
  if (cell.wrap) area.format.wrapText = true;
  if (cell.align) area.format.horizontalAlignment = cell.align === 'left' ? 'Left' : cell.align === 'center' ? 'Center' : 'Right';
}

/** Column-major values of a table's data rows ('' where a row is short). */
function tableColumns(table: TableSpec, rows: CellValue[][]): CellValue[][] {
  return table.columns.map((_c, i) => rows.map((r) => r[i] ?? ''));
}

/**
 * Writes a table's header and rows in blocks (one sync per block except the last, which joins the sheet's sync),
 * then queues `tables.add`, totals, validations. Returns the temporary table name.
 */
async function writeTable(ws: Excel.Worksheet, table: TableSpec, b: BuildContext, queued: RowsQueued): Promise<{ temp: string; range: string; dataRows: number }> {
  const rows = table.rows.length ? table.rows : [table.columns.map(() => '' as CellValue)];
  const n = rows.length;
  const cols = table.columns.length;
  const header = ws.getRange(blockAddress(table.row, 1, table.col, cols));
  header.numberFormat = [table.columns.map(() => '@')];
  header.values = [table.columns.map((c) => c.header)];
  queued.add(1);
  const byColumn = tableColumns(table, rows);
  const size = writeChunkRows(byColumn, n, b.policy ?? DEFAULT_CHUNK_POLICY);
  const firstData = table.row + 1;
  for (let s = 0; s < n; s += size) {
    const m = Math.min(size, n - s);
    const block = ws.getRange(blockAddress(firstData + s, m, table.col, cols));
    // Formula columns keep a number format (a formula in a text cell would stay text); others get their kind's.
    table.columns.forEach((c, j) => {
      const f = c.rowFormula && c.kind === 'text' ? 'General' : numberFormatOf(c);
      setUniformFormat(ws.getRange(blockAddress(firstData + s, m, table.col + j, 1)), f);
    });
    const values: CellValue[][] = new Array(m);
    for (let i = 0; i < m; i++) {
      const src = rows[s + i];
      const out: CellValue[] = new Array(cols);
      for (let j = 0; j < cols; j++) out[j] = table.columns[j].rowFormula ? '' : (src[j] ?? '');
      values[i] = out;
    }
    block.values = values;
    queued.add(m);
    table.columns.forEach((c, j) => {
      if (!c.rowFormula) return;
      const f: string[][] = new Array(m);
      for (let i = 0; i < m; i++) f[i] = ['=' + c.rowFormula.replace(/\{r\}/g, String(firstData + s + i + 1))];
      ws.getRange(blockAddress(firstData + s, m, table.col + j, 1)).formulas = f;
    });
    if (s + m < n) {
      await b.syncer.sync(true);
      queued.synced();
      b.syncer.begin();
    }
  }
  // Long text columns (call scripts) wrap: one request per such column, no extra sync.
  table.columns.forEach((c, j) => {
    if (c.wrap) ws.getRange(blockAddress(firstData, n, table.col + j, 1)).format.wrapText = true;
  });
  const range = blockAddress(table.row, n + 1, table.col, cols);
  const temp = b.tempTableName();
  const added = ws.tables.add(ws.getRange(range), true);
  added.name = temp;
  added.style = table.style ?? 'TableStyleMedium2';
  if (table.totalsRow) {
    added.showTotals = true;
    const totalRow = firstData + n;
    const cells = table.columns.map((c, j) => {
      const L = columnLetter(table.col + j);
      const span = `${L}${firstData + 1}:${L}${firstData + n}`;
      // As the file adapter: a first column without a total of its own is labelled 合计 (Excel would put its own word).
      if (!c.total) return j === 0 ? t(b.locale, 'office.totalLabel') : '';
      if ('fn' in c.total) return `=SUBTOTAL(${c.total.fn === 'sum' ? 109 : c.total.fn === 'count' ? 103 : 101},${span})`;
      if ('formula' in c.total) return '=' + c.total.formula;
      return c.total.label;
    });
    const totals = ws.getRange(blockAddress(totalRow, 1, table.col, cols));
    totals.numberFormat = [table.columns.map((c, j) => (cells[j].startsWith('=') ? numberFormatOf(c) === '@' ? 'General' : numberFormatOf(c) : '@'))];
    totals.formulas = [cells];
    applyStyle(totals, OFFICE_STYLES.total);
  }
  return { temp, range, dataRows: n };
}

function queuePrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const p = ws.pageLayout;
  p.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  p.paperSize = 'A4';
  if (print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) p.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  if (print.area) p.setPrintArea(`${a1(print.area.firstRow, print.area.firstCol)}:${a1(print.area.lastRow, print.area.lastCol)}`);
  if (print.margins) {
    // The plan gives margins in inches (as exceljs); Office.js wants points.
    p.leftMargin = print.margins.left * 72;
    p.rightMargin = print.margins.right * 72;
    p.topMargin = print.margins.top * 72;
    p.bottomMargin = print.margins.bottom * 72;
  }
  if (print.firstPageNumber !== undefined) p.firstPageNumber = print.firstPageNumber;
  const footers = p.headersFooters.defaultForAllPages;
  if (print.footerLeft) footers.leftFooter = print.footerLeft;
  if (print.footer) footers.centerFooter = print.footer;
  if (print.footerRight) footers.rightFooter = print.footerRight;
}

/** The cross-tab stand-in for a PivotTable when ExcelApi 1.8 is missing: a caption, then the grid as cells. */
function queueCrossTab(ws: Excel.Worksheet, pivot: PivotSpec, b: BuildContext): boolean {
  const note = ws.getRange(a1(pivot.row, pivot.col));
  note.numberFormat = [['@']];
  note.values = [[t(b.locale, 'office.pivotFallbackNote')]];
  applyStyle(note, OFFICE_STYLES.note);
  const grid = b.sourceGrid(pivot.source.sheet);
  const tab = grid ? crossTab(grid, pivot, { total: t(b.locale, 'office.pivotTotal'), blank: t(b.locale, 'office.pivotBlank') }) : null;
  if (!tab || !tab.length) return false;
  const width = Math.max(...tab.slice(0, 1).map((r) => r.length));
  const body = tab.map((r) => {
    const out = r.slice(0, width);
    while (out.length < width) out.push('');
    return out;
  });
  const range = ws.getRange(blockAddress(pivot.row + 1, body.length, pivot.col, width));
  range.numberFormat = body.map((r) => r.map((v) => (typeof v === 'string' ? '@' : 'General')));
  range.values = body;
  applyStyle(ws.getRange(blockAddress(pivot.row + 1, 1, pivot.col, width)), OFFICE_STYLES.header);
  applyStyle(ws.getRange(blockAddress(pivot.row + 2, body.length - 1, pivot.col, width)), OFFICE_STYLES.cell);
  return true;
}

/**
 * Builds `spec` on a new hidden worksheet `tempName`. Ends with one sync (plus one per extra row block of a large table).
 */
export async function buildSheet(spec: SheetSpec, tempName: string, b: BuildContext): Promise<BuiltSheet> {
  const context = b.syncer.context;
  const notes: string[] = [];
  b.syncer.begin();
  const ws = context.workbook.worksheets.add(tempName);
  ws.visibility = 'Hidden';
  // Positioned cells cost ~3 KB of request each (range, number format, value, font, fill, four borders, alignment):
  // a filled form of a few thousand cells in one sync exceeded Excel on the web's 5 MB request limit (25.7 MB for
  // 展厅来电-店登记表 of 1,000 vehicles in office-emu). One block sync per CELLS_PER_SYNC cells, as writeTable does.
  const rows = new RowsQueued(b.onRowsWritten);
  let queued = 0;
  for (const cell of spec.cells) {
    writeCell(ws, cell, b.linkTarget);
    rows.add(1);
    if (++queued % CELLS_PER_SYNC === 0) {
      await b.syncer.sync(true);
      rows.synced();
      b.syncer.begin();
    }
  }
  const tables: BuiltSheet['tables'] = [];
  const tableRows: Record<string, number> = {};
  for (const table of spec.tables) {
    const w = await writeTable(ws, table, b, rows);
    tables.push({ temp: w.temp, final: table.name });
    tableRows[table.name] = w.dataRows;
    applyStyle(ws.getRange(blockAddress(table.row, 1, table.col, table.columns.length)), { font: { name: 'Microsoft YaHei' } });
  }
  for (const w of spec.columnWidths ?? []) ws.getRange(`${columnLetter(w.col)}:${columnLetter(w.col)}`).format.columnWidth = widthToPoints(w.width);
  for (const h of spec.rowHeights ?? []) ws.getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = h.height;
  if (spec.freeze && b.caps.freezePanes && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    if (spec.freeze.rows > 0 && spec.freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRange(blockAddress(0, spec.freeze.rows, 0, spec.freeze.columns)));
    else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
    else ws.freezePanes.freezeColumns(spec.freeze.columns);
  }
  if (!b.caps.conditionalFormats && spec.conditionalFormats?.length) notes.push('office.note.noConditionalFormats');
  if (!b.caps.dataValidation && ((spec.validations?.length ?? 0) > 0 || spec.tables.some((tb) => tb.columns.some((c) => c.validation)))) {
    notes.push('office.note.noValidation');
  }
  const pivots: PivotSpec[] = [];
  for (const pivot of spec.pivots ?? []) {
    if (b.caps.pivotTables) {
      pivots.push(pivot);
      if (pivot.exclude && !b.caps.pivotFilters) queueUntickNote(ws, pivot, b.locale);
    } else {
      queueCrossTab(ws, pivot, b);
      notes.push('office.note.noPivot');
    }
  }
  if (b.caps.pageLayout) queuePrint(ws, spec.print);
  else notes.push('office.note.noPageLayout');
  if (spec.tabColor && b.caps.tabColor) ws.tabColor = spec.tabColor.startsWith('#') ? spec.tabColor : '#' + spec.tabColor;
  await b.syncer.sync();
  rows.synced();
  return { tempName, spec, tableRows, tables, pivots, notes };
}

/**
 * Optional step: the drop-down lists of a built sheet (its own and its tables' columns) on its final sheet.
 * Only adds rules to ranges ChurnDesk wrote. Returns how many were queued (no sync).
 */
export function queueSheetValidations(ws: Excel.Worksheet, built: Pick<BuiltSheet, 'spec' | 'tableRows'>): number {
  const spec = built.spec;
  let n = 0;
  for (const v of spec.validations ?? []) if (queueValidation(ws.getRange(`${a1(v.row, v.col)}:${a1(v.lastRow, v.lastCol)}`), v.validation)) n++;
  for (const table of spec.tables) {
    if (!table.rows.length) continue;
    const rows = built.tableRows[table.name] ?? table.rows.length;
    table.columns.forEach((c, j) => {
      if (c.validation && queueValidation(ws.getRange(blockAddress(table.row + 1, rows, table.col + j, 1)), c.validation)) n++;
    });
  }
  return n;
}

/** Optional step: the conditional formats of a built sheet on its final sheet (only adds; no sync). */
export function queueSheetConditionalFormats(ws: Excel.Worksheet, spec: SheetSpec): number {
  let n = 0;
  for (const cf of spec.conditionalFormats ?? []) {
    queueConditionalFormat(ws, cf, 0);
    n++;
  }
  return n;
}

/** The chart members a host has (capabilities.ts): series one by one (1.7), a secondary axis (1.8). */
export type ChartApi = Pick<Capabilities, 'chartSeries' | 'chartAxisGroup'>;

/**
 * Queues one chart with exactly the series its spec names (plan/charts.ts resolves them by header): the first
 * series' column (header + data rows) makes the chart, then its categories are set and every other series is
 * added by name, values and categories (ExcelApi 1.7); rate series of `secondary` become lines on the secondary
 * axis (1.8). Without 1.7 the chart is made from one block only when the category column and the series are
 * adjacent columns in order (then the block is exactly them); otherwise, and for a secondary series without 1.8,
 * it is left out rather than drawn with other columns. Returns whether a chart was queued.
 */
export function queueChart(ws: Excel.Worksheet, chart: ChartSpec, table: TableSpec, dataRows: number, api: ChartApi = {}): boolean {
  if (dataRows < 1) return false;
  const resolved = resolveChart(chart, table);
  if (resolved.category < 0) return false;
  const series = resolved.series.filter((s) => s.axis === 'primary' || api.chartAxisGroup);
  if (!series.length || series[0].axis !== 'primary') return false;
  const column = (col: number, withHeader: boolean) =>
    ws.getRange(blockAddress(table.row + (withHeader ? 0 : 1), dataRows + (withHeader ? 1 : 0), table.col + col, 1));
  const type = CHART_TYPES[chart.type] ?? 'ColumnClustered';
  let c: Excel.Chart;
  if (api.chartSeries) {
    c = ws.charts.add(type, column(series[0].col, true), 'Columns');
    const first = c.series.getItemAt(0);
    first.name = series[0].header;
    first.setXAxisValues(column(resolved.category, false));
    for (const s of series.slice(1)) {
      const added = c.series.add(s.header);
      added.setValues(column(s.col, false));
      added.setXAxisValues(column(resolved.category, false));
      if (s.axis === 'secondary') {
        added.chartType = 'LineMarkers';
        added.axisGroup = 'Secondary';
      }
    }
  } else {
    const primary = series.filter((s) => s.axis === 'primary');
    const adjacent = primary.every((s, i) => s.col === resolved.category + 1 + i);
    if (!adjacent || primary.length !== series.length) return false;
    c = ws.charts.add(type, ws.getRange(blockAddress(table.row, dataRows + 1, table.col + resolved.category, primary.length + 1)), 'Columns');
  }
  c.title.text = chart.title;
  c.setPosition(a1(chart.row, chart.col), a1(chart.row + chart.heightRows - 1, chart.col + chart.widthCols - 1));
  return true;
}

/**
 * Optional step: the charts of a built sheet, over its tables, on its final sheet (only adds; no sync).
 * `api` says which chart members the host has (default: none above 1.4, the exact-block fallback only).
 * Returns how many were queued.
 */
export function queueCharts(ws: Excel.Worksheet, spec: SheetSpec, tableRows: Record<string, number>, api: ChartApi = {}): number {
  let n = 0;
  for (const chart of spec.charts ?? []) {
    const table = spec.tables.find((tb) => tb.name === chart.table);
    const dataRows = table ? tableRows[table.name] : undefined;
    if (!table || dataRows === undefined) continue;
    if (queueChart(ws, chart, table, dataRows, api)) n++;
  }
  return n;
}

/**
 * Rows between a pivot's planned top-left and its destination when it has a filter field: the first holds the
 * untick note (ExcelApi < 1.12), the next two the filter area Excel puts above the pivot's body.
 */
export const PIVOT_FILTER_ROWS = 3;

/** The note (ExcelApi 1.8 without 1.12) asking the analyst to untick the excluded values in the pivot's filter. */
function queueUntickNote(ws: Excel.Worksheet, pivot: PivotSpec, locale: Locale): void {
  if (!pivot.exclude) return;
  const note = ws.getRange(a1(pivot.row, pivot.col));
  note.numberFormat = [['@']];
  note.values = [[t(locale, 'office.note.pivotUntick', { field: pivot.exclude.header, values: pivot.exclude.values.join('、') })]];
  applyStyle(note, OFFICE_STYLES.warning);
}

/** A pivot's filter field whose items were queued for loading, and the item names to leave out. */
export interface PendingPivotFilter {
  field: Excel.PivotField;
  items: Excel.PivotItemCollection;
  excluded: readonly string[];
}

/**
 * Queues a native PivotTable on its (final) sheet. With `pivot.exclude` the excluded column becomes a filter field
 * (ExcelApi 1.8); with `loadFilterItems` (ExcelApi 1.12) that field's items are queued for loading too and returned,
 * so `applyPivotFilters` can filter every pivot of the refresh after the one sync that creates them.
 * @example const pending = queuePivot(context, '地区分析', spec, caps.pivotFilters); await syncer.sync(); await applyPivotFilters(syncer, [pending]);
 */
export function queuePivot(context: Excel.RequestContext, sheetName: string, pivot: PivotSpec, loadFilterItems = false, axes?: Map<string, Excel.RowColumnPivotHierarchy>): PendingPivotFilter | 'unsupported' | null {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const src = context.workbook.worksheets
    .getItem(pivot.source.sheet)
    .getRange(blockAddress(pivot.source.headerRow, pivot.source.lastRow - pivot.source.headerRow + 1, pivot.source.firstCol, pivot.source.lastCol - pivot.source.firstCol + 1));
  // A filter field needs rows above the pivot's body (and the note, when there is one): start the pivot lower.
  const top = pivot.row + (pivot.exclude ? PIVOT_FILTER_ROWS : 0);
  const p = ws.pivotTables.add(pivot.name, src, ws.getRange(a1(top, pivot.col)));
  // The row and column hierarchies are kept (`axes`) for queueBlankItems.
  for (const r of pivot.rows) {
    const h = p.rowHierarchies.add(p.hierarchies.getItem(r));
    axes?.set(r, h);
  }
  for (const c of pivot.columns) {
    const h = p.columnHierarchies.add(p.hierarchies.getItem(c));
    axes?.set(c, h);
  }
  for (const v of pivot.values) {
    const d = p.dataHierarchies.add(p.hierarchies.getItem(v.header));
    d.summarizeBy = v.fn === 'sum' ? 'Sum' : 'Count';
  }
  if (!pivot.exclude) return null;
  const filter = p.filterHierarchies.add(p.hierarchies.getItem(pivot.exclude.header));
  if (!loadFilterItems) return null;
  // Some hosts lack PivotField.items / PivotItemCollection.load ('c.items.load is not a function'): the pivot is
  // still created, unfiltered, and the caller notes that the analyst should untick the values.
  try {
    const field = filter.fields.getItem(pivot.exclude.header);
    const items = field.items.load('name');
    return { field, items, excluded: pivot.exclude.values };
  } catch {
    return 'unsupported';
  }
}

/**
 * After the sync that created the pivots: selects, in each pending filter field, every item Excel lists but the
 * excluded ones (item names come from Excel, so the blank item's localised name is never guessed), in one sync
 * for all pivots. A field without an excluded item (no duplicates) is left unfiltered. Returns the notes to show:
 * when the filter sync fails, the pivots stay and the analyst is asked to untick the values.
 */
export async function applyPivotFilters(syncer: Syncer, pending: readonly (PendingPivotFilter | 'unsupported' | null)[]): Promise<string[]> {
  let queued = 0;
  let failed = pending.includes('unsupported');
  for (const f of pending) {
    if (!f || f === 'unsupported') continue;
    try {
      const excluded = new Set(f.excluded);
      const names = f.items.items.map((i) => i.name);
      const selected = names.filter((n) => !excluded.has(n));
      if (selected.length === names.length || selected.length === 0) continue;
      f.field.applyFilter({ manualFilter: { selectedItems: selected } });
      queued++;
    } catch {
      failed = true;
    }
  }
  if (queued) {
    try {
      await syncer.sync();
    } catch {
      failed = true;
    }
  }
  return failed ? ['office.note.pivotFilterFailed'] : [];
}

/** A row or column field of a pivot whose source column has a blank cell: its items, queued for loading. */
export interface PendingBlankItems {
  items: Excel.PivotItemCollection;
  /** The texts of the column's non-blank source cells: the one item Excel lists beyond them is the blank item. */
  texts: Set<string>;
}

/**
 * Queues, for every row and column field of a native pivot whose source column holds a blank cell, the loading of
 * the field's items (RowColumnPivotHierarchy.fields, PivotField.items, PivotItem.name: ExcelApi 1.8), so
 * hidePivotBlankItems can hide the item Excel shows for the blank cells ((空白) / (blank)). Excel names that item in
 * its own language, so it is found as the one item that is no text of the column, never by its name. `axes` are the
 * hierarchies queuePivot added; `grid` is the classified source sheet.
 * @example const pending = queueBlankItems(axes, spec, grid); await syncer.sync(); await hidePivotBlankItems(syncer, pending);
 */
export function queueBlankItems(axes: ReadonlyMap<string, Excel.RowColumnPivotHierarchy>, pivot: PivotSpec, grid: Grid | undefined): PendingBlankItems[] {
  if (!grid) return [];
  const { headerRow, firstCol, lastCol } = pivot.source;
  const lastRow = Math.min(pivot.source.lastRow, grid.length - 1);
  const header = grid[headerRow] ?? [];
  const out: PendingBlankItems[] = [];
  for (const h of [...pivot.rows, ...pivot.columns]) {
    const hierarchy = axes.get(h);
    let col = -1;
    for (let c = firstCol; c <= lastCol; c++) if (String(header[c] ?? '').trim() === h.trim()) col = c;
    if (!hierarchy || col < 0) continue;
    const texts = new Set<string>();
    let blank = false;
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const v = grid[r]?.[col];
      if (v === '' || v === null || v === undefined) blank = true;
      else texts.add(String(v));
    }
    if (!blank) continue;
    const items = hierarchy.fields.getItem(h).items;
    items.load('items/name');
    out.push({ items, texts });
  }
  return out;
}

/**
 * After the sync that loaded them: hides, in each field, the one item that is no text of its source column (the
 * blank item) by PivotItem.visible = false (ExcelApi 1.8), in one sync for all pivots. A field where that item cannot
 * be told apart (none, or more than one, as when Excel formats numbers or dates differently) is left as it is.
 * Returns how many items were hidden. Throws when the sync fails (the caller notes it; the pivots stay).
 */
export async function hidePivotBlankItems(syncer: Syncer, pending: readonly PendingBlankItems[]): Promise<number> {
  let hidden = 0;
  for (const f of pending) {
    const list = f.items.items;
    const extra = list.filter((i) => !f.texts.has(i.name));
    if (extra.length !== 1 || list.length < 2) continue;
    extra[0].visible = false;
    hidden++;
  }
  if (hidden) await syncer.sync();
  return hidden;
}

export { APPENDED_HEADER };
