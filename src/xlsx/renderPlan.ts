/**
 * Applies a WorkbookPlan to an exceljs Workbook loaded from the user's file, so every source sheet stays as it was:
 *  1. ColumnWrites: headers and values to the right of the source data. Every target cell is checked first;
 *     a non-empty cell that is not in a column ChurnDesk wrote before (previous state's ownedColumns) stops the
 *     whole render before anything is written.
 *  2. SheetSpecs: each sheet is created, or replaces the sheet ChurnDesk created before under the same key; a name
 *     taken by a user's sheet gets a suffix. Tables become real Excel tables. PivotTables get their cells here and
 *     are returned (`pivots`), as the charts are (`charts`), for src/xlsx/writePackage.ts to add their parts after
 *     exceljs writes the zip (exceljs can write neither).
 *  3. The new WorkbookState goes into the very hidden state sheet.
 * Refreshing a rendered file gives the same sheets and columns: owned sheets are removed and re-added in plan
 * order, owned columns cleared and rewritten, and their old validations / conditional formats dropped.
 *
 * Source data inside an Excel table: the appended columns are plain cells beside the table; the table's range is
 * not widened (exceljs rewrites loaded tables unreliably, so ChurnDesk leaves the user's table untouched).
 *
 * Customer strings are written as exceljs string values, which exceljs always stores as text (never as a formula),
 * and text columns also carry the '@' format so Excel keeps them text when a user edits them.
 */
import ExcelJS from 'exceljs';
import type {
  CellSpec, ColumnWrite, ConditionalFormat, CellValidation, ListValidation, PrintSetup, SheetSpec, TableSpec, WorkbookPlan, WorkbookState,
  CellValue, PivotSpec,
} from '../core/plan/types';
import { DATE_VALIDATION_RANGE, STATE_SHEET_NAME } from '../core/plan/types';
import { a1, columnLetter, sheetLinkFormula, uniqueSheetName } from '../core/plan/names';
import { stateToGrid } from '../core/state/stateSheet';
import { followRenamedSheets, ownedArea, sheetNameFor, sheetTitle, stillOwned } from '../core/state/ownership';
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';
import { APPENDED_HEADER_STYLE, CELL_STYLES, CF_FILLS, numberFormatOf } from './styles';
import { toCellValue } from './cellValue';
import { MissingSheetError, OverwriteRefusedError } from './errors';
import { crossTab } from './crossTab';
import { FILTER_ROWS, filePivotOf, type FilePivot } from './pivots/filePivot';
import { pivotLabels } from './pivots/pivotLabels';
import { worksheetToGrid } from './readWorkbook';
import { fileChartsOf } from './charts/fileCharts';
import type { SheetCharts } from './charts/injectCharts';
import { assignTableNames } from '../core/plan/tableNames';
import { workbookNames } from './workbookNames';

export interface RenderOptions {
  /** The state stored in the workbook before this run: says which columns and sheets ChurnDesk owns. */
  previousState?: WorkbookState | null;
  locale?: Locale;
  /**
   * 'skip' renders a ColumnWrite's headers, widths, validations and conditional formats but no value cells, and
   * neither checks nor clears the sheet's cells: the streaming pipeline (streamWriteWorkbook) checks the grids
   * with checkColumnWriteOnGrid and writes the values itself. Default 'write'.
   */
  columnCells?: 'write' | 'skip';
  /** The grid of a sheet as the pivots' cross-tabs should see it; default: read from the workbook. */
  sourceGrid?: (sheet: string) => CellValue[][] | undefined;
}

export interface RenderResult {
  /** Names of the sheets created, in plan order. */
  sheetsWritten: string[];
  /** The state written into the state sheet. */
  state: WorkbookState;
  /**
   * The planned charts, by final sheet name, for `writeWorkbookWithCharts` / `addChartParts` (src/xlsx/charts/) to
   * add to the written package: exceljs cannot write charts, so a plain `xlsx.writeFile` leaves them out.
   */
  charts?: SheetCharts[];
  /** The PivotTables, for `addPivotParts` (src/xlsx/pivots/): their cells are written, their parts are not yet. */
  pivots?: FilePivot[];
}

type OwnedColumns = WorkbookState['ownedColumns'][string];

const TABLE_HEADER_FONT: Partial<ExcelJS.Font> = { name: 'Microsoft YaHei', bold: true, size: 10 };

/** The exceljs value of a plan value: '' becomes an empty cell; strings stay strings (never formulas). */
function excelValue(v: CellValue): ExcelJS.CellValue {
  return v === '' ? null : v;
}

function ownsColumn(owned: OwnedColumns | undefined, col: number, row: number): boolean {
  return !!owned && row >= owned.headerRow && col >= owned.startColumn && col < owned.startColumn + owned.headers.length;
}

function isEmptyCell(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge || toCellValue(cell.value) === '';
}

/** Throws OverwriteRefusedError at the first user cell a write would cover. Linear in the cells written. */
function checkColumnWrite(ws: ExcelJS.Worksheet, write: ColumnWrite, owned: OwnedColumns | undefined): void {
  const lastCol = write.startColumn + write.columns.length - 1;
  const lastRow = Math.max(write.lastDataRow, write.headerRow);
  for (let r = write.headerRow; r <= lastRow; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    for (let c = write.startColumn; c <= lastCol; c++) {
      if (ownsColumn(owned, c, r)) continue;
      const cell = row.findCell(c + 1);
      if (cell && !isEmptyCell(cell)) throw new OverwriteRefusedError(ws.name, a1(r, c), String(toCellValue(cell.value)));
    }
  }
}

/** The inline list formula of a validation ('"a,b,c"'); Excel caps it at 255 characters. */
function listFormula(v: ListValidation): string | null {
  const f = `"${v.values.map((x) => x.replace(/"/g, '""').replace(/,/g, ',')).join(',')}"`;
  return f.length <= 257 ? f : null;
}

/** exceljs has `worksheet.dataValidations` at run time but its typings miss it. */
interface DataValidationsHolder {
  dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void; model: Record<string, unknown> };
}

function addValidation(ws: ExcelJS.Worksheet, ref: string, v: CellValidation): void {
  if (v.type === 'date') {
    (ws as unknown as DataValidationsHolder).dataValidations.add(ref, {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [DATE_VALIDATION_RANGE.fromSerial, DATE_VALIDATION_RANGE.toSerial],
      showErrorMessage: true,
      errorStyle: v.strict ? 'stop' : 'warning',
    });
    return;
  }
  const formula = listFormula(v);
  if (!formula) return;
  (ws as unknown as DataValidationsHolder).dataValidations.add(ref, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: v.strict ? 'stop' : 'warning',
  });
}

/** Drops validations and conditional formats that lie inside columns [first, last] from `fromRow` down. */
function dropFormatsInColumns(ws: ExcelJS.Worksheet, first: number, last: number): void {
  const inside = (ref: string) => {
    for (const part of ref.split(/\s+/)) {
      const m = /^\$?([A-Z]+)\$?\d+(?::\$?([A-Z]+)\$?\d+)?$/.exec(part);
      if (!m) return false;
      const c1 = lettersToIndex(m[1]);
      const c2 = m[2] ? lettersToIndex(m[2]) : c1;
      if (c1 < first || c2 > last) return false;
    }
    return true;
  };
  const model = (ws as unknown as DataValidationsHolder).dataValidations.model;
  for (const key of Object.keys(model)) if (inside(key)) delete model[key];
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  if (Array.isArray(cfs)) {
    for (let i = cfs.length - 1; i >= 0; i--) if (inside(cfs[i].ref)) cfs.splice(i, 1);
  }
}

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function addConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormat, colOffset: number): void {
  const col = columnLetter(cf.col + colOffset);
  const ref = `${col}${cf.firstRow + 1}:${col}${cf.lastRow + 1}`;
  if (cf.lastRow < cf.firstRow) return;
  if (cf.type === 'textEquals') {
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'cellIs', operator: 'equal', priority: 1, formulae: [`"${cf.text.replace(/"/g, '""')}"`], style: CF_FILLS[cf.fill] }],
    });
  } else if (cf.type === 'greaterThan') {
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: [cf.value], style: CF_FILLS[cf.fill] }],
    });
  } else {
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF5B9BD5' } } as ExcelJS.ConditionalFormattingRule],
    });
  }
}

/**
 * The grid twin of checkColumnWrite: throws OverwriteRefusedError at the first non-empty grid cell a write would
 * cover outside the columns ChurnDesk owned before. Linear in the cells written.
 * @example checkColumnWriteOnGrid('保有客户', grid, write, previous?.ownedColumns['保有客户'])
 */
export function checkColumnWriteOnGrid(sheet: string, grid: CellValue[][], write: ColumnWrite, owned: OwnedColumns | undefined): void {
  const lastCol = write.startColumn + write.columns.length - 1;
  const lastRow = Math.min(Math.max(write.lastDataRow, write.headerRow), grid.length - 1);
  for (let r = write.headerRow; r <= lastRow; r++) {
    const row = grid[r];
    for (let c = write.startColumn; c <= lastCol && c < row.length; c++) {
      if (ownsColumn(owned, c, r)) continue;
      const v = row[c];
      if (v !== '' && v !== undefined) throw new OverwriteRefusedError(sheet, a1(r, c), String(v));
    }
  }
}

function renderColumnWrite(ws: ExcelJS.Worksheet, write: ColumnWrite, owned: OwnedColumns | undefined, cells: 'write' | 'skip' = 'write'): void {
  const lastCol = write.startColumn + write.columns.length - 1;
  // Clear what ChurnDesk wrote last time, so a column dropped from the plan does not linger.
  if (owned && cells === 'write') {
    const ownedLast = owned.startColumn + owned.headers.length - 1;
    for (let r = owned.headerRow; r <= ws.rowCount - 1; r++) {
      const row = ws.findRow(r + 1);
      if (!row) continue;
      for (let c = owned.startColumn; c <= ownedLast; c++) {
        const cell = row.findCell(c + 1);
        if (cell) cell.value = null;
      }
    }
    dropFormatsInColumns(ws, owned.startColumn, ownedLast);
  }
  dropFormatsInColumns(ws, write.startColumn, lastCol);

  write.columns.forEach((column, i) => {
    const c = write.startColumn + i + 1;
    const fmt = numberFormatOf(column);
    const header = ws.getCell(write.headerRow + 1, c);
    header.value = column.header;
    header.style = APPENDED_HEADER_STYLE;
    const excelColumn = ws.getColumn(c);
    excelColumn.width = column.width ?? Math.max(10, Math.min(40, column.header.length * 2 + 4));
    const style: Partial<ExcelJS.Style> = { numFmt: fmt };
    for (let k = 0; cells === 'write' && k < column.values.length; k++) {
      const v = column.values[k];
      // A blank value creates no cell: the column was cleared above and checked free of the user's cells, and a
      // sheet with 200,000 blank rows between its records would otherwise get 2.6 million styled empty cells.
      if (v === '') continue;
      const cell = ws.getCell(write.firstDataRow + k + 1, c);
      cell.value = excelValue(v);
      cell.style = style;
    }
    if (column.validation && write.lastDataRow >= write.firstDataRow) {
      const L = columnLetter(c - 1);
      addValidation(ws, `${L}${write.firstDataRow + 1}:${L}${write.lastDataRow + 1}`, column.validation);
    }
  });
  for (const cf of write.conditionalFormats ?? []) addConditionalFormat(ws, cf, write.startColumn);
}

function styleOf(spec: CellSpec): Partial<ExcelJS.Style> | null {
  if (!spec.style && !spec.numberFormat && !spec.wrap && !spec.align) return null;
  const base = spec.style ? CELL_STYLES[spec.style] : {};
  const style: Partial<ExcelJS.Style> = { ...base };
  if (spec.numberFormat) style.numFmt = spec.numberFormat;
  if (spec.wrap || spec.align) {
    style.alignment = { ...(base.alignment ?? {}), ...(spec.wrap ? { wrapText: true } : {}), ...(spec.align ? { horizontal: spec.align } : {}) };
  }
  return style;
}

/** A link looks like one: blue and underlined (a new object per linked cell; the shared styles are never mutated). */
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

function renderCell(ws: ExcelJS.Worksheet, spec: CellSpec, linkTarget: (key: string) => string | undefined): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  const target = spec.sheetLink !== undefined ? linkTarget(spec.sheetLink) : undefined;
  // The cached result is the name shown, for viewers that do not recalculate on open.
  if (target !== undefined) cell.value = { formula: sheetLinkFormula(target), result: target } as ExcelJS.CellFormulaValue;
  else if (spec.formula !== undefined) cell.value = { formula: spec.formula } as ExcelJS.CellFormulaValue;
  else if (spec.value !== undefined) cell.value = excelValue(spec.value);
  const style = styleOf(spec);
  if (style) cell.style = target !== undefined ? { ...style, font: { ...style.font, ...LINK_FONT } } : style;
  const across = spec.mergeAcross ?? 0;
  const down = spec.mergeDown ?? 0;
  if (across > 0 || down > 0) {
    ws.mergeCells(spec.row + 1, spec.col + 1, spec.row + 1 + down, spec.col + 1 + across);
    if (style) ws.getCell(spec.row + 1, spec.col + 1).style = style;
  }
}

/** The cached result of a totals function, so viewers that do not recalculate still show the figure. */
function totalResult(fn: 'sum' | 'count' | 'average', rows: CellValue[][], i: number): number {
  let sum = 0;
  let count = 0;
  let nonBlank = 0;
  for (const r of rows) {
    const v = r[i];
    if (v !== '' && v !== undefined) nonBlank++;
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  if (fn === 'sum') return sum;
  if (fn === 'count') return nonBlank;
  return count ? sum / count : 0;
}

function renderTable(ws: ExcelJS.Worksheet, table: TableSpec, locale: Locale): void {
  // An Excel table needs at least one data row; an empty summary gets one blank row.
  const rows = table.rows.length ? table.rows : [table.columns.map(() => '' as CellValue)];
  const firstDataExcelRow = table.row + 2;
  const columns: ExcelJS.TableColumnProperties[] = table.columns.map((c, i) => {
    const col: ExcelJS.TableColumnProperties & { style?: Partial<ExcelJS.Style>; totalsRowResult?: number } = {
      name: c.header,
      filterButton: true,
    };
    (col as { style?: Partial<ExcelJS.Style> }).style = c.wrap
      ? { numFmt: numberFormatOf(c), alignment: { wrapText: true } }
      : { numFmt: numberFormatOf(c) };
    const total = c.total;
    if (total && 'fn' in total) {
      col.totalsRowFunction = total.fn;
      col.totalsRowResult = totalResult(total.fn, rows, i);
    } else if (total && 'formula' in total) {
      col.totalsRowFunction = 'custom';
      col.totalsRowFormula = total.formula;
    } else if (total && 'label' in total) {
      col.totalsRowLabel = total.label;
    } else if (i === 0) {
      // exceljs would write the English 'Total' here.
      col.totalsRowLabel = t(locale, 'cli.totalLabel');
    }
    return col;
  });
  const data = rows.map((r, k) =>
    table.columns.map((c, i) =>
      c.rowFormula ? { formula: c.rowFormula.replace(/\{r\}/g, String(firstDataExcelRow + k)) } : excelValue(r[i] ?? ''),
    ),
  );
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: a1(table.row, table.col),
    headerRow: true,
    totalsRow: !!table.totalsRow,
    style: { theme: (table.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns,
    rows: data,
  });
  // exceljs gives every cell a style object of its own, and its writer serialises each one to find the style id
  // (a third of the time writing a 100,000-row list); one shared object per column is looked up once. Nothing
  // below mutates a data cell's style in place (the totals row gets new objects).
  const shared = columns.map((c) => (c as { style?: Partial<ExcelJS.Style> }).style ?? {});
  for (let k = 0; k < rows.length; k++) {
    const row = ws.getRow(firstDataExcelRow + k);
    for (let i = 0; i < shared.length; i++) row.getCell(table.col + i + 1).style = shared[i];
  }
  // Each cell's style is set (above and below). A column style left on the table would be written by exceljs as
  // <tableColumn dxfId=…>, an attribute the OOXML schema (CT_TableColumn: dataDxfId) does not have: xmllint rejects
  // it against sml.xsd and Excel repairs such tables (exceljs issue #1630). So the table keeps no column style.
  for (const col of (ws.getTable(table.name) as unknown as { table: { columns: { style?: unknown }[] } }).table.columns) delete col.style;
  // Bold headers also for viewers that ignore Excel table styles (LibreOffice, previews); no fill, so the
  // table style still colours the header in Excel.
  table.columns.forEach((_, i) => {
    ws.getCell(table.row + 1, table.col + i + 1).font = TABLE_HEADER_FONT;
  });
  if (table.totalsRow) {
    // exceljs forces a label into the first column of the totals row; honour a label / formula elsewhere too.
    const totalRow = table.row + 1 + rows.length + 1;
    table.columns.forEach((c, i) => {
      const cell = ws.getCell(totalRow, table.col + i + 1);
      if (c.total && 'label' in c.total) cell.value = c.total.label;
      else if (i === 0 && !c.total) cell.value = t(locale, 'cli.totalLabel');
      else if (i === 0 && c.total && 'formula' in c.total) cell.value = { formula: c.total.formula } as ExcelJS.CellFormulaValue;
      cell.style = { ...CELL_STYLES.total, numFmt: numberFormatOf(c) };
    });
  }
  for (const [i, c] of table.columns.entries()) {
    if (!c.validation || !table.rows.length) continue;
    const L = columnLetter(table.col + i);
    addValidation(ws, `${L}${firstDataExcelRow}:${L}${firstDataExcelRow + rows.length - 1}`, c.validation);
  }
}

function renderPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4
    orientation: print.orientation,
  };
  if (print.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (print.margins) setup.margins = { ...print.margins, header: 0.3, footer: 0.3 };
  if (print.repeatRows) setup.printTitlesRow = `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}`;
  // exceljs writes '$' + each end ('$A1:$R156', which LibreOffice ignores): the row's '$' is given here ('A$1').
  if (print.area) {
    const end = (r: number, c: number) => a1(r, c).replace(/(\d+)$/, '$$$1');
    setup.printArea = `${end(print.area.firstRow, print.area.firstCol)}:${end(print.area.lastRow, print.area.lastCol)}`;
  }
  // exceljs writes useFirstPageNumber="1" with it: Excel and LibreOffice restart the page numbers on this sheet.
  if (print.firstPageNumber !== undefined) setup.firstPageNumber = print.firstPageNumber;
  ws.pageSetup = { ...ws.pageSetup, ...setup };
  const footer = [
    print.footerLeft ? `&L${print.footerLeft}` : '',
    print.footer ? `&C${print.footer}` : '',
    print.footerRight ? `&R${print.footerRight}` : '',
  ].join('');
  if (footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: footer };
}

/** The cells of a file PivotTable, as Excel shows it (filter row, caption rows, items, totals). */
function renderPivotCells(ws: ExcelJS.Worksheet, spec: PivotSpec, pivot: FilePivot): void {
  const bodyTop = pivot.page ? FILTER_ROWS : 0;
  const last = pivot.cells.length - 1;
  pivot.cells.forEach((line, r) =>
    line.forEach((v, c) => {
      const cell = ws.getCell(spec.row + 1 + r, spec.col + 1 + c);
      cell.value = excelValue(v);
      const heading = r < bodyTop || r === bodyTop || (pivot.columnField !== undefined && r === bodyTop + 1);
      cell.style = heading ? CELL_STYLES.header : r === last ? CELL_STYLES.total : CELL_STYLES.cell;
    }),
  );
}

function renderSheet(
  ws: ExcelJS.Worksheet, spec: SheetSpec, workbook: ExcelJS.Workbook, locale: Locale, sourceGrid: RenderOptions['sourceGrid'],
  linkTarget: (key: string) => string | undefined, pivots: FilePivot[],
): void {
  for (const cell of spec.cells) renderCell(ws, cell, linkTarget);
  for (const table of spec.tables) renderTable(ws, table, locale);
  for (const w of spec.columnWidths ?? []) ws.getColumn(w.col + 1).width = w.width;
  for (const h of spec.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
  }
  for (const cf of spec.conditionalFormats ?? []) addConditionalFormat(ws, cf, 0);
  for (const v of spec.validations ?? []) addValidation(ws, `${a1(v.row, v.col)}:${a1(v.lastRow, v.lastCol)}`, v.validation);
  for (const pivot of spec.pivots ?? []) {
    const source = workbook.getWorksheet(pivot.source.sheet);
    const grid = sourceGrid?.(pivot.source.sheet) ?? (source ? worksheetToGrid(source) : undefined);
    const real = grid && source ? filePivotOf(grid, pivot, ws.name, source.name, pivotLabels(locale)) : null;
    if (real) {
      renderPivotCells(ws, pivot, real);
      pivots.push(real);
      continue;
    }
    // A shape or a source Excel would not take as a PivotTable: the same figures as a cross-tab of plain cells.
    const note = ws.getCell(pivot.row + 1, pivot.col + 1);
    note.value = t(locale, 'cli.pivotNote');
    note.style = CELL_STYLES.note;
    const tab = grid ? crossTab(grid, pivot, { total: t(locale, 'cli.pivotTotal'), blank: t(locale, 'pivot.blank') }) : null;
    if (!tab) continue;
    tab.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = ws.getCell(pivot.row + 2 + r, pivot.col + 1 + c);
        cell.value = excelValue(v);
        cell.style = r === 0 ? CELL_STYLES.header : r === tab.length - 1 ? CELL_STYLES.total : CELL_STYLES.cell;
      }),
    );
  }
  renderPrint(ws, spec.print);
  if (spec.tabColor) ws.properties.tabColor = { argb: 'FF' + spec.tabColor.replace(/^#/, '').toUpperCase() };
}

/**
 * Moves sheet `name` just before the first other sheet of `owned` when one comes earlier (a form a previous run
 * wrote); every other sheet keeps its order. exceljs orders sheets by orderNo.
 */
function placeFirstOfProduct(workbook: ExcelJS.Workbook, name: string, owned: Set<string>): void {
  const sheets = workbook.worksheets;
  const me = sheets.find((w) => w.name === name);
  if (!me) return;
  const at = sheets.findIndex((w) => w !== me && owned.has(w.name));
  if (at < 0 || at > sheets.indexOf(me)) return;
  const order = sheets.filter((w) => w !== me);
  order.splice(at, 0, me);
  order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i + 1));
}

function writeStateSheet(workbook: ExcelJS.Workbook, state: WorkbookState): void {
  const old = workbook.getWorksheet(STATE_SHEET_NAME);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
  stateToGrid(state).forEach((row, r) => {
    const cell = ws.getCell(r + 1, 1);
    cell.value = row[0];
    cell.numFmt = '@';
  });
}

/**
 * Renders `plan` into `workbook` (mutates it) and returns the sheets written and the state stored.
 * @throws OverwriteRefusedError (nothing written) when a column would cover a user's cell.
 * @throws MissingSheetError when a ColumnWrite names a sheet the workbook does not have.
 * @example const { sheetsWritten } = renderPlan(wb, plan, { previousState: state });
 */
export function renderPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan, options: RenderOptions = {}): RenderResult {
  // A summary sheet the user renamed is followed by its title and updated in place, under the user's name.
  const previous = options.previousState
    ? followRenamedSheets(options.previousState, new Map(workbook.worksheets.map((w) => [w.name, toCellValue(w.getCell(1, 1).value)])))
    : null;
  const locale = options.locale ?? 'zh-CN';

  // 1. Check every column write before touching anything.
  for (const write of plan.columnWrites) {
    const ws = workbook.getWorksheet(write.sheet);
    if (!ws) throw new MissingSheetError(write.sheet);
    if (options.columnCells !== 'skip') checkColumnWrite(ws, write, ownedArea(write, previous));
  }
  const ownedColumns: WorkbookState['ownedColumns'] = { ...(previous?.ownedColumns ?? {}), ...plan.state.ownedColumns };
  for (const write of plan.columnWrites) {
    renderColumnWrite(workbook.getWorksheet(write.sheet)!, write, ownedArea(write, previous), options.columnCells);
    ownedColumns[write.sheet] = { headerRow: write.headerRow, startColumn: write.startColumn, headers: write.columns.map((c) => c.header) };
  }

  // 2. Remove the sheets this plan replaces, then add every planned sheet in plan order.
  const previousSheets = previous?.ownedSheets ?? {};
  // A recorded sheet whose title was replaced by the user's is theirs now: it stays, and ours gets a suffix.
  const ownedNow = (key: string, name: string): boolean => {
    const ws = workbook.getWorksheet(name);
    return Boolean(ws) && (!previous || stillOwned(previous, key, toCellValue(ws!.getCell(1, 1).value)));
  };
  for (const spec of plan.sheets) {
    const oldName = previousSheets[spec.key];
    const old = oldName && ownedNow(spec.key, oldName) ? workbook.getWorksheet(oldName) : undefined;
    if (old && old.name !== STATE_SHEET_NAME) workbook.removeWorksheet(old.id);
  }
  const stateSheet = workbook.getWorksheet(STATE_SHEET_NAME);
  if (stateSheet) workbook.removeWorksheet(stateSheet.id);
  const sheetsWritten: string[] = [];
  const charts: SheetCharts[] = [];
  const pivots: FilePivot[] = [];
  const ownedSheets: Record<string, string> = {};
  const ownedSheetTitles: Record<string, string> = {};
  const renamedSheets: Record<string, string> = {};
  for (const [key, name] of Object.entries({ ...previousSheets, ...plan.state.ownedSheets })) {
    if (ownedNow(key, name)) {
      ownedSheets[key] = name;
      const title = previous?.ownedSheetTitles?.[key];
      if (title !== undefined) ownedSheetTitles[key] = title;
    }
  }
  // The core chose table names against the names the workbook held; what remains after the removals above is the
  // final word (a recorded sheet the user made theirs keeps its tables).
  const planSheets = assignTableNames(plan.sheets, workbookNames(workbook).map((n) => n.name));
  // Every sheet's final name first, so a link to a later sheet (the 目录's) names the sheet as it will be.
  const taken = [...workbook.worksheets.map((w) => w.name), STATE_SHEET_NAME];
  const finalNames = planSheets.map((spec) => {
    const desired = sheetNameFor(spec.key, spec.name, previous);
    const name = uniqueSheetName(desired, taken);
    taken.push(name);
    if (desired !== spec.name && name === desired) renamedSheets[spec.key] = name;
    return name;
  });
  const linkTargets = new Map(Object.entries(ownedSheets));
  planSheets.forEach((spec, i) => linkTargets.set(spec.key, finalNames[i]));
  for (const [i, spec] of planSheets.entries()) {
    const name = finalNames[i];
    const ws = workbook.addWorksheet(name);
    renderSheet(ws, spec, workbook, locale, options.sourceGrid, (key) => linkTargets.get(key), pivots);
    const sheetCharts = fileChartsOf(spec, name);
    if (sheetCharts.length) charts.push({ sheet: name, charts: sheetCharts });
    sheetsWritten.push(name);
    ownedSheets[spec.key] = name;
    ownedSheetTitles[spec.key] = sheetTitle(spec);
  }

  const first = planSheets.findIndex((spec) => spec.firstOfProduct);
  if (first >= 0) placeFirstOfProduct(workbook, finalNames[first], new Set(Object.values(ownedSheets)));

  // 3. Store the state.
  const state: WorkbookState = { ...plan.state, ownedSheets, ownedSheetTitles, ownedColumns, ...(Object.keys(renamedSheets).length ? { renamedSheets } : {}) };
  writeStateSheet(workbook, state);
  return { sheetsWritten, state, charts, pivots };
}
