/**
 * The in-memory workbook behind the fake Excel: sheets as row arrays (no per-cell objects, so 50,000-row
 * tests stay fast), tables, charts, PivotTables, conditional formats, validations, page layout.
 */
import { FakeOfficeError } from './errors';
import { overlaps, type Rect } from './addresses';
import { coerceWrite } from './coerce';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface TableData {
  id: number;
  name: string;
  sheet: SheetData;
  /** Whole table incl. header (and totals row when shown). */
  rect: Rect;
  showTotals: boolean;
  style: string;
}

export interface ChartData {
  name: string;
  type: string;
  title: string;
  source: string;
  seriesBy: string;
  position?: string;
  /** The chart's series (chartSeries.ts): what charts.add derived from the source, then the add-in's changes. */
  series?: ChartSeriesData[];
}

export interface ChartSeriesData {
  name: string;
  /** Qualified address of the values ('Sheet'!B5:B9), '' when not set. */
  values: string;
  /** Qualified address of the categories, '' when none. */
  xValues: string;
  /** '' for the chart's own type. */
  chartType: string;
  axisGroup: string;
}

export interface PivotData {
  name: string;
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  values: { name: string; summarizeBy: string }[];
  /** Filter fields (filterHierarchies.add), in order. */
  filters: string[];
  /** Manual filters applied (PivotField.applyFilter, ExcelApi 1.12): field -> the item names left selected. */
  manualFilters: Record<string, string[]>;
  /** Items hidden by PivotItem.visible = false (ExcelApi 1.8): field -> item names. */
  hiddenItems?: Record<string, string[]>;
}

/** The name Excel gives a pivot item of a cell value ('(blank)' for an empty cell, as English Excel shows it). */
export function pivotItemName(v: unknown): string {
  return v === '' || v === null || v === undefined ? '(blank)' : String(v);
}

/** Column of `field` in a pivot source's header row, or -1. */
export function pivotFieldColumn(sheet: SheetData, rect: Rect, field: string): number {
  for (let c = 0; c < rect.cols; c++) if (String(sheet.value(rect.r0, rect.c0 + c)) === field) return rect.c0 + c;
  return -1;
}

/** The distinct item names of a field over the source's data rows (one pass, a Set). */
export function pivotItems(sheet: SheetData, rect: Rect, field: string): string[] {
  const col = pivotFieldColumn(sheet, rect, field);
  if (col < 0) return [];
  const seen = new Set<string>();
  for (let r = rect.r0 + 1; r < rect.r0 + rect.rows; r++) seen.add(pivotItemName(sheet.value(r, col)));
  return [...seen];
}

export interface ConditionalFormatData {
  type: string;
  address: string;
  rule: Record<string, unknown>;
  fill?: string;
}

export interface ValidationData {
  address: string;
  rule: unknown;
}

export interface FormatRun {
  address: string;
  props: Record<string, unknown>;
}

let nextSheetId = 1;
let nextTableId = 1;

export class SheetData {
  readonly id = `{sheet-${nextSheetId++}}`;
  values: unknown[][] = [];
  formulas: (string | undefined)[][] = [];
  formats: (string | undefined)[][] = [];
  visibility: Visibility = 'Visible';
  tabColor = '';
  charts: ChartData[] = [];
  pivots: PivotData[] = [];
  conditionalFormats: ConditionalFormatData[] = [];
  validations: ValidationData[] = [];
  /** Whole-range format writes in order (fonts, fills, widths, merges…): one entry per call, never per cell. */
  formatRuns: FormatRun[] = [];
  merges: string[] = [];
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  pageLayout: Record<string, unknown> = {};
  columnWidths = new Map<number, number>();

  constructor(public name: string) {}

  value(r: number, c: number): unknown {
    const v = this.values[r]?.[c];
    return v === undefined ? '' : v;
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas[r]?.[c];
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }

  private row<T>(store: T[][], r: number): T[] {
    let row = store[r];
    if (!row) {
      row = [];
      store[r] = row;
    }
    return row;
  }

  /** Writes one cell as `Range.values` does (null leaves it unchanged). */
  writeValue(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const res = coerceWrite(v, this.formats[r]?.[c]);
    this.setRaw(r, c, res.value, res.formula);
  }

  /** Writes one cell as `Range.formulas` does: '=…' is a formula whatever the number format. */
  writeFormula(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    if (typeof v === 'string' && v.length > 1 && v.startsWith('=')) this.setRaw(r, c, '', v);
    else this.writeValue(r, c, v);
  }

  setRaw(r: number, c: number, value: unknown, formula: string | undefined): void {
    if (value === '' && formula === undefined) {
      if (this.values[r]) delete this.values[r][c];
    } else this.row(this.values, r)[c] = value;
    if (formula !== undefined) this.row(this.formulas, r)[c] = formula;
    else if (this.formulas[r]) delete this.formulas[r][c];
  }

  setFormat(r: number, c: number, f: unknown): void {
    if (f === null || f === undefined) return;
    const s = String(f);
    if (s === 'General') {
      if (this.formats[r]) delete this.formats[r][c];
    } else this.row(this.formats, r)[c] = s;
  }

  /**
   * The used range: rows/columns holding a value or formula (and, unless valuesOnly, a number format).
   * null for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const scan = (store: unknown[][]) => {
      for (let r = 0; r < store.length; r++) {
        const row = store[r];
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          if (row[c] === undefined) continue;
          if (r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
    };
    scan(this.values);
    scan(this.formulas);
    if (!valuesOnly) scan(this.formats);
    if (r1 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

/** What a test can assert on: everything a user would see, in a deterministic shape. */
export interface SheetDump {
  name: string;
  visibility: Visibility;
  position: number;
  /** Values from A1 to the used range's bottom-right ('' for blank). */
  values: unknown[][];
  /** A1 address -> formula. */
  formulas: Record<string, string>;
  /** A1 address -> number format, for cells not 'General'. */
  numberFormats: Record<string, string>;
  tables: { name: string; address: string; showTotals: boolean; style: string; headers: string[] }[];
  charts: ChartData[];
  pivots: PivotData[];
  conditionalFormats: ConditionalFormatData[];
  validations: ValidationData[];
  merges: string[];
  freeze: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
}

export interface Requirements {
  /** Highest ExcelApi minor version supported (1.x). */
  excelApi: number;
  /** Other sets, name -> highest version. */
  other: Record<string, number>;
}

export class WorkbookData {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  activeSheet: SheetData | null = null;
  calculationMode = 'Automatic';
  /** The workbook's date system (a Mac workbook's 1904 system: serial 0 is 1904-01-01). */
  date1904 = false;

  sheetByName(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  checkSheetName(name: string, except?: SheetData): void {
    if (!name || name.length > 31 || /[/\\?*:[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError('InvalidArgument', `The sheet name '${name}' is not valid.`);
    }
    const existing = this.sheetByName(name);
    if (existing && existing !== except) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
  }

  addSheet(name: string): SheetData {
    this.checkSheetName(name);
    const s = new SheetData(name);
    this.sheets.push(s);
    return s;
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === 'Visible').length;
  }

  deleteSheet(s: SheetData): void {
    if (s.visibility === 'Visible' && this.visibleCount() <= 1) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  /** Letters of any script are valid, as in Excel (a zh-CN Excel names new tables 表1, 表2 …). */
  checkTableName(name: string, except?: TableData): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeOfficeError('InvalidArgument', `The table name '${name}' is not valid.`);
    }
    const lower = name.toLowerCase();
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === lower)) {
      throw new FakeOfficeError('InvalidArgument', `A table named '${name}' already exists.`);
    }
  }

  addTable(sheet: SheetData, rect: Rect, hasHeaders: boolean): TableData {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
      throw new FakeOfficeError('InvalidArgument', 'A table cannot overlap another table.');
    }
    if (!hasHeaders) {
      // Excel inserts a header row above the data.
      rect = { ...rect, rows: rect.rows + 1 };
      for (let c = 0; c < rect.cols; c++) sheet.setRaw(rect.r0 + rect.rows - 1, rect.c0 + c, '', undefined);
    }
    let name = '';
    for (let n = nextTableId; ; n++) {
      name = `Table${n}`;
      if (!this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) break;
    }
    const t: TableData = { id: nextTableId++, name, sheet, rect, showTotals: false, style: 'TableStyleMedium2' };
    this.uniqueHeaders(t);
    this.tables.push(t);
    return t;
  }

  /** Excel makes table headers unique (case-insensitively) and non-blank: 'Column1', 'Name2' … */
  uniqueHeaders(t: TableData): void {
    const seen = new Set<string>();
    for (let c = 0; c < t.rect.cols; c++) {
      let h = String(t.sheet.value(t.rect.r0, t.rect.c0 + c));
      if (h === '') h = `Column${c + 1}`;
      let candidate = h;
      for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${h}${n}`;
      seen.add(candidate.toLowerCase());
      if (candidate !== t.sheet.value(t.rect.r0, t.rect.c0 + c)) t.sheet.setRaw(t.rect.r0, t.rect.c0 + c, candidate, undefined);
    }
  }

  tableHeaders(t: TableData): string[] {
    const out: string[] = [];
    for (let c = 0; c < t.rect.cols; c++) out.push(String(t.sheet.value(t.rect.r0, t.rect.c0 + c)));
    return out;
  }
}
