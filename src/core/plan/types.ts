/**
 * The WorkbookPlan: the one declarative description of everything ChurnDesk writes.
 *
 * The core returns a plan; the Office adapter (src/office/) and the file adapter (src/xlsx/) render it.
 * Nothing here knows about Office.js or exceljs. All row/column indexes are 0-based and absolute:
 * a Grid is always anchored at A1 (row 0, column 0), whatever the sheet's used range is.
 */

/** A cell value exactly as `Range.values` returns it: '' for blank, dates as serial numbers. */
export type CellValue = string | number | boolean;

/** A sheet's contents as read: rows of cell values, anchored at A1. Rows may be ragged. */
export type Grid = readonly (readonly unknown[])[];

/** One sheet handed to the core. */
export interface SheetInput {
  name: string;
  grid: Grid;
}

/** What a column holds; decides number format and how adapters write it (text columns get '@' first). */
export type ColumnKind =
  | 'text' // free or coded text: written with the text format '@' so it is never parsed as a formula/number/date
  | 'integer' // '0'
  | 'number' // '0.0' or the given numberFormat
  | 'percent' // '0.0%'
  | 'date' // serial number, 'yyyy-mm-dd'
  | 'month' // serial number of the month's first day, 'yyyy-mm'
  | 'time'; // day fraction, 'hh:mm'

/** Named cell styles. Adapters map each to fonts/fills/borders once (see src/core/plan/styles.ts). */
export type StyleName =
  | 'title' // sheet title, large bold
  | 'subtitle' // dealer / period line
  | 'conclusion' // the one-line conclusion under a summary
  | 'note' // small grey explanatory text
  | 'label' // bold label of a form field ("经销商:")
  | 'input' // a fill-in cell of a form (bottom border)
  | 'header' // a table header cell outside an Excel table (forms)
  | 'cell' // a bordered grid cell (forms)
  | 'total' // bold total row cell
  | 'warning'; // a highlighted message

export interface NumberFormatted {
  kind: ColumnKind;
  /** Overrides the default number format of the kind. */
  numberFormat?: string;
}

/** A drop-down list: the allowed values. */
export interface ListValidation {
  type: 'list';
  values: readonly string[];
  /** true: a value outside the list is rejected; false: only a warning. */
  strict: boolean;
}

/** A date-only cell (the caller's 招揽日期 / 预约日期): any real date from 1990-01-01 to 2099-12-31. */
export interface DateValidation {
  type: 'date';
  /** true: anything else is rejected; false: only a warning. */
  strict: boolean;
}

/** A validation of a new sheet's table column or cell range. */
export type CellValidation = ListValidation | DateValidation;

/** The accepted range of a DateValidation, as 'YYYY-MM-DD' and as 1900-system serials (both adapters write these). */
export const DATE_VALIDATION_RANGE = { from: '1990-01-01', to: '2099-12-31', fromSerial: 32874, toSerial: 73050 } as const;

// ---------------------------------------------------------------------------------------------
// Columns appended to a source sheet
// ---------------------------------------------------------------------------------------------

export interface AppendedColumn extends NumberFormatted {
  /** Stable key of the column (e.g. 'status'); used to recognise it on the next refresh. */
  key: string;
  /** The header text written in the header row (e.g. '流失状态'). */
  header: string;
  /** One value per data row, for rows firstDataRow..lastDataRow inclusive ('' leaves a blank). */
  values: CellValue[];
  width?: number;
  validation?: ListValidation;
}

/**
 * Columns written to the right of a source sheet's data. The core guarantees that every target cell
 * is empty in the input grid or was written by ChurnDesk before (recorded in WorkbookState.ownedColumns).
 */
export interface ColumnWrite {
  sheet: string;
  /** Row index of the header row. */
  headerRow: number;
  /** Column index of the first appended column. Columns are contiguous. */
  startColumn: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: AppendedColumn[];
  /**
   * The previous run's columns as they are now in the grid the core read (found by their headers, wherever the
   * user's edits moved them), or null when there are none. The adapters clear these and may overwrite them; any
   * other non-empty cell a write would cover is refused. Omitted (plans built by hand): the recorded position in
   * the previous state is used, as before.
   */
  replaces?: { headerRow: number; startColumn: number; headers: string[] } | null;
  /** Conditional formats over the appended columns (column index relative to startColumn). */
  conditionalFormats?: ConditionalFormat[];
}

// ---------------------------------------------------------------------------------------------
// New sheets
// ---------------------------------------------------------------------------------------------

/** A single positioned cell of a new sheet. Exactly one of value / formula. */
export interface CellSpec {
  row: number;
  col: number;
  /** A data value. Never interpreted as a formula, whatever it starts with. */
  value?: CellValue;
  /** A product-authored formula without the leading '=' (e.g. 'SUM(B5:B20)'), English function names, A1 refs. */
  formula?: string;
  style?: StyleName;
  numberFormat?: string;
  /** Merge this cell across n columns (and rows) to the right/down. */
  mergeAcross?: number;
  mergeDown?: number;
  /**
   * A link to another sheet ChurnDesk writes, by its key (SheetSpec.key): the adapters write the product-authored
   * formula HYPERLINK("#'name'!A1","name") with that sheet's final name (sheetLinkFormula, names.ts). `value` is the
   * text written instead when no sheet of that key is there.
   */
  sheetLink?: string;
  /** Wrap text in the cell. */
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface TableColumn extends NumberFormatted {
  header: string;
  width?: number;
  /** Long text (a call script): data cells wrap, so the whole text shows and prints (with the sheet's rowHeights). */
  wrap?: boolean;
  validation?: CellValidation;
  /**
   * A formula computed for every data row, in A1 style relative to the row, with `{r}` standing for
   * the row's 1-based Excel row number (e.g. 'IFERROR(E{r}/D{r},"")'). Row values for this column are ignored.
   */
  rowFormula?: string;
  /** Totals row content: a function over the column, or a fixed label. */
  total?: { fn: 'sum' | 'count' | 'average' } | { label: string } | { formula: string };
}

/** A tidy table written as an Excel table (ListObject) with a header row at (row, col). */
export interface TableSpec {
  /** Unique across the workbook; letters, digits and underscores only, starting with a letter. */
  name: string;
  row: number;
  col: number;
  columns: TableColumn[];
  /** Data rows; each row has one value per column (formula columns may hold ''). */
  rows: CellValue[][];
  /** Adds a totals row below the data. */
  totalsRow?: boolean;
  /** Table style, default 'TableStyleMedium2'. */
  style?: string;
}

export type ConditionalFormat =
  | {
      type: 'textEquals';
      /** Column index (absolute in new sheets; relative to startColumn in ColumnWrite). */
      col: number;
      firstRow: number;
      lastRow: number;
      text: string;
      fill: 'red' | 'orange' | 'yellow' | 'green' | 'grey';
    }
  | {
      type: 'dataBar';
      col: number;
      firstRow: number;
      lastRow: number;
    }
  | {
      type: 'greaterThan';
      col: number;
      firstRow: number;
      lastRow: number;
      value: number;
      fill: 'red' | 'orange' | 'yellow' | 'green' | 'grey';
    };

export interface DataValidationSpec {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
  validation: CellValidation;
}

/** A native PivotTable over a source range (Office adapter, ExcelApi 1.8); the file adapter writes `fallbackTable`. */
export interface PivotSpec {
  name: string;
  /** The source: a sheet and its header row / columns. */
  source: { sheet: string; headerRow: number; firstCol: number; lastCol: number; lastRow: number };
  rows: string[];
  columns: string[];
  values: { header: string; fn: 'count' | 'sum' }[];
  /**
   * Rows whose `header` cell holds one of `values` are left out (the 重复 rows of a vehicle listed twice), so
   * the pivot counts each vehicle once, as the summary tables do. Office: a filter field; file: the cross-tab skips them.
   */
  exclude?: { header: string; values: string[] };
  /**
   * The natural order of a field's values (header → values), e.g. 流失状态 活跃/准流失/流失/彻底流失, 车龄段 by age.
   * The cross-tab lists rows and columns in this order (values not listed follow, in natural sort order; months
   * 'YYYY-MM' sort in time order), and only values that occur (never an all-zero row or column).
   */
  order?: Record<string, readonly string[]>;
  /** Where the pivot's top-left goes on this sheet. */
  row: number;
  col: number;
}

/**
 * A native chart over a table of this sheet. Every series is chosen BY NAME from the table's headers (never "the
 * columns up to the last wanted one"), so a chart shows exactly what its title says. Counts and rates never share
 * an axis: `series` is one unit (all counts, or all rates); rates shown over counts go to `secondary`, drawn as
 * lines on a secondary (percent) axis. A total (合计) is never a series or a category: the table's totals row is
 * outside the chart's rows. `chartProblems` (plan/charts.ts) checks all of this. Both adapters draw the same series:
 * Office.js (series added one by one) and the file adapter (DrawingML chart parts, src/xlsx/charts/).
 */
export interface ChartSpec {
  type: 'pie' | 'columnClustered' | 'columnStacked' | 'barClustered' | 'line';
  title: string;
  /** The table name whose data the chart shows. */
  table: string;
  /** Header of the category column (axis labels, pie slices); omitted: the table's first column. */
  category?: string;
  /** Headers of the series on the primary axis, in legend order; all counts or all rates. */
  series: string[];
  /** Headers of rate columns drawn as lines (with markers) on a secondary percent axis over the primary series. */
  secondary?: string[];
  /** Top-left anchor and size in cells. */
  row: number;
  col: number;
  widthCols: number;
  heightRows: number;
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, 0-based inclusive. */
  repeatRows?: { first: number; last: number };
  /** Print area (0-based inclusive); omitted: the used range. */
  area?: { firstRow: number; firstCol: number; lastRow: number; lastCol: number };
  /** Footer text (centre section); '&P' / '&N' page number codes allowed, a literal '&' written '&&'. */
  footer?: string;
  /** Footer's left section ('&A': the sheet's name as the workbook shows it). */
  footerLeft?: string;
  /** Footer's right section (e.g. '第 &P 页'). */
  footerRight?: string;
  /** The number of the sheet's first printed page; set: numbering restarts on this sheet. Omitted: continues (auto). */
  firstPageNumber?: number;
  margins?: { left: number; right: number; top: number; bottom: number };
}

export type SheetRole = 'summary' | 'list' | 'form' | 'notice';

/** A worksheet ChurnDesk creates (or replaces, if it created it before). */
export interface SheetSpec {
  /** Stable key (e.g. 'summary.overview', 'form.01'); a later refresh replaces the sheet with this key. */
  key: string;
  /** Desired sheet name (≤ 31 characters, none of / \ ? * : [ ]); adapters add a suffix if taken by a user's sheet. */
  name: string;
  role: SheetRole;
  cells: CellSpec[];
  tables: TableSpec[];
  columnWidths?: { col: number; width: number }[];
  rowHeights?: { row: number; height: number }[];
  freeze?: { rows: number; columns: number };
  conditionalFormats?: ConditionalFormat[];
  validations?: DataValidationSpec[];
  pivots?: PivotSpec[];
  charts?: ChartSpec[];
  print: PrintSetup;
  /** true when the sheet holds personal data (names, phones): the share-safe copy masks it. */
  personalData?: boolean;
  tabColor?: string;
  /**
   * The 目录: placed just before the first other sheet ChurnDesk owns (forms a previous run wrote included), so it is
   * the first tab of the product's. The dealer's sheets keep their order.
   */
  firstOfProduct?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Report, state and the plan
// ---------------------------------------------------------------------------------------------

/** A cell the core could not read. Rows/columns 0-based; `address` is the A1 address for messages. */
export interface CellIssue {
  sheet: string;
  row: number;
  col: number;
  address: string;
  field: string;
  value: string;
  /** Message key in the i18n catalogue. */
  reason: string;
}

export interface RunReport {
  /** Which parts ran ('aftersales', 'sales') and which sheets each used. */
  parts: { part: 'aftersales' | 'sales'; ran: boolean; sheets: string[]; reason?: string }[];
  /** Key figures for the CLI report and the task pane home (e.g. { rowsRead: 1200, vehicles: 1100, churnRate: 0.31 }). */
  figures: Record<string, number>;
  /** Count per status label (e.g. { 活跃: 512, ... }). */
  statusCounts: Record<string, number>;
  issues: CellIssue[];
  /** Human-readable warnings (already localised, in the workbook's language). */
  warnings: string[];
  /** The same warnings as catalogue keys (same order), so the pane shows them in its own language. */
  warningMessages?: Message[];
  /** The analysis date the run used and where it came from (src/core/analysisDate.ts). */
  analysisDate?: AnalysisDateInfo;
  /** A date the workbook's title rows name (截至2026年10月31日, 统计日期:…, 2026年10月), offered as the analysis date. */
  suggestedAnalysisDate?: SuggestedAnalysisDate;
  /**
   * How the input was read (src/core/sheets/detectionReport.ts): per sheet its kind and why, every field's column,
   * score, confidence and runner-up; and `needsMapping`, the fields the figures depend on that are missing or unsure
   * (non-empty: show the problem and open 列映射 on that field instead of presenting the figures as confident).
   */
  detection?: import('../sheets/types').DetectionReport;
}

/** A date read from the rows above a header (src/core/analysisDate.ts). */
export interface SuggestedAnalysisDate {
  /** 'YYYY-MM-DD' (a month alone gives the month's last day, a range its end). */
  date: string;
  sheet: string;
  /** A1 address of the cell it was read from. */
  address: string;
  /** The cell's text, as written (cut at 100 characters). */
  text: string;
}

/** Which analysis date a run used and where it came from. */
export interface AnalysisDateInfo {
  date: string;
  /** 'given': the caller's asOf; 'settings': settings.analysisDate; 'workbook': the suggested date; 'today'. */
  source: 'given' | 'settings' | 'workbook' | 'today';
}

/** A message by catalogue key and parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** What ChurnDesk keeps inside the workbook (hidden sheet), so an emailed copy gives the same results. */
export interface WorkbookState {
  version: 1;
  /** Settings as last saved (partial: missing fields take defaults). */
  settings: Record<string, unknown>;
  /** Column mapping per source sheet: field -> header text chosen by the user. */
  mappings: Record<string, Record<string, string>>;
  /** Per source sheet, fields the user said it does not have: the analysis goes on without them, and does not ask again. */
  acceptedMissing?: Record<string, string[]>;
  /** Sheets the product created, by key -> sheet name. */
  ownedSheets: Record<string, string>;
  /** The title (cell A1) each created sheet was written with, by key: a sheet whose A1 no longer shows it is the user's. */
  ownedSheetTitles?: Record<string, string>;
  /** Sheets the user renamed, by key -> the user's name: a refresh updates them in place and keeps that name. */
  renamedSheets?: Record<string, string>;
  /** Columns the product appended per source sheet: header row, first column, headers written. */
  ownedColumns: Record<string, { headerRow: number; startColumn: number; headers: string[] }>;
  /** The last run's key figures, for the pane and for month-on-month comparisons. */
  lastRun?: {
    /** The analysis date of the last run ('YYYY-MM-DD'); not the wall-clock time, so a refresh is reproducible. */
    at: string;
    figures: Record<string, number>;
    /** Count per status of the last run (the pane's home chart before any refresh). */
    statusCounts?: Record<string, number>;
    failedByCategory?: Record<string, number>;
    /** Failed follow-ups per category by analysis month 'YYYY-MM' (summary 5 compares with the previous month). */
    failedByMonth?: Record<string, Record<string, number>>;
    /**
     * The key figures (those the 目录 sheet shows) by analysis month 'YYYY-MM': each refresh sets its month's, so a
     * second refresh in the same month replaces them (same workbook) and the overview compares with the month before.
     */
    figuresByMonth?: Record<string, Record<string, number>>;
  };
}

export interface WorkbookPlan {
  columnWrites: ColumnWrite[];
  sheets: SheetSpec[];
  /** The state to store after the plan is applied. */
  state: WorkbookState;
  report: RunReport;
}

/** Name of the very hidden sheet that stores WorkbookState as JSON in column A. */
export const STATE_SHEET_NAME = 'ChurnDesk_State';
