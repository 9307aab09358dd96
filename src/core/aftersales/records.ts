/**
 * Reads the mapped customer and call sheets into typed tables (tables.ts), in one pass over the rows, with the input
 * layer's readers. A cell that cannot be read becomes a CellIssue (sheet, row, column, A1 address, field, raw
 * value) and is left empty in the table, so the row is still classified with what is readable: an unreadable
 * last-visit date falls back to the purchase date, as a missing one does (classify.ts).
 */
import type { CellIssue } from '../plan/types';
import { cellIssue, ISSUE_REASON } from '../sheets/cellIssue';
import { headerKey } from '../sheets/normaliseHeader';
import type { Field, MappedSheet } from '../sheets/types';
import { toHalfWidth } from '../values/halfWidth';
import { normalisePlate, normaliseVin, readDate, readMileage, readPhone, readText, readYesNo } from '../values';
import { emptyCallTable, emptyCustomerTable, type CallTable, type CustomerTable } from './tables';

/** A reader: value, null for blank, undefined for unreadable. */
type Reader<T> = (v: unknown) => T | null | undefined;

/** Where a column's values go: a string array, a Float64Array or an Int8Array (a boolean stored there becomes 1 / 0). */
type Column = unknown[] | Float64Array | Int8Array;

/** Stands for "unreadable" in a reader's cache (undefined there means "not cached yet"). */
const UNREADABLE = Symbol('unreadable');
/** The cache is tried on this many text cells; with more distinct texts than half of them it is dropped. */
const PROBE = 4096;

/**
 * Reads one mapped column, one cell at a time, keeping the column's issues in sheet order. Text cells repeat
 * heavily in most columns (models, regions, call results, reasons, dates typed as text), so each distinct text is
 * read once per column (the readers are pure); a column of mostly distinct texts (VINs, phones) stops caching
 * after PROBE text cells. Where the value goes is the subclass's: one class per kind of destination array, so each
 * `read` stores into one kind of array (a store site fed string arrays, Float64Arrays and Int8Arrays alike is
 * megamorphic, and this runs on every mapped cell).
 */
abstract class ColumnReader<T> {
  readonly issues: CellIssue[] = [];
  private cache: Map<string, T | null | typeof UNREADABLE> | null = new Map();
  private looked = 0;
  constructor(
    private readonly sheet: string,
    private readonly field: Field,
    readonly col: number,
    private readonly reader: Reader<T>,
    private readonly reasonKey: string,
  ) {}

  /** Reads `raw`, the cell of grid row `gridRow`, into slot i. */
  abstract read(raw: unknown, i: number, gridRow: number): void;

  /** The value of `raw` (null for blank); undefined after reporting it as unreadable. */
  protected value(raw: unknown, gridRow: number): T | null | undefined {
    let v: T | null | undefined;
    const cache = this.cache;
    if (cache !== null && typeof raw === 'string') {
      const hit = cache.get(raw);
      if (hit === undefined) {
        v = this.reader(raw);
        cache.set(raw, v === undefined ? UNREADABLE : v);
      } else v = hit === UNREADABLE ? undefined : hit;
      if (++this.looked === PROBE && cache.size > PROBE / 2) this.cache = null;
    } else v = this.reader(raw);
    if (v === undefined) this.issues.push(cellIssue(this.sheet, gridRow, this.col, this.field, raw, this.reasonKey));
    return v;
  }
}

/** A column read into a string array. */
class TextColumnReader extends ColumnReader<unknown> {
  constructor(sheet: string, field: Field, col: number, reader: Reader<unknown>, reasonKey: string, private readonly out: unknown[]) {
    super(sheet, field, col, reader, reasonKey);
  }

  read(raw: unknown, i: number, gridRow: number): void {
    const v = this.value(raw, gridRow);
    if (v !== undefined && v !== null) this.out[i] = v;
  }
}

/** A column read into a Float64Array (dates as serials, numbers). */
class NumberColumnReader extends ColumnReader<unknown> {
  constructor(sheet: string, field: Field, col: number, reader: Reader<unknown>, reasonKey: string, private readonly out: Float64Array) {
    super(sheet, field, col, reader, reasonKey);
  }

  read(raw: unknown, i: number, gridRow: number): void {
    const v = this.value(raw, gridRow);
    if (v !== undefined && v !== null) this.out[i] = v as number;
  }
}

/** A column read into an Int8Array (a boolean becomes 1 / 0). */
class FlagColumnReader extends ColumnReader<unknown> {
  constructor(sheet: string, field: Field, col: number, reader: Reader<unknown>, reasonKey: string, private readonly out: Int8Array) {
    super(sheet, field, col, reader, reasonKey);
  }

  read(raw: unknown, i: number, gridRow: number): void {
    const v = this.value(raw, gridRow);
    if (v !== undefined && v !== null) this.out[i] = v as number;
  }
}

/** The reader of one column, by the kind of array its values go to. */
function columnReader(sheet: string, field: Field, col: number, reader: Reader<unknown>, reasonKey: string, out: Column): ColumnReader<unknown> {
  if (out instanceof Float64Array) return new NumberColumnReader(sheet, field, col, reader, reasonKey, out);
  if (out instanceof Int8Array) return new FlagColumnReader(sheet, field, col, reader, reasonKey, out);
  return new TextColumnReader(sheet, field, col, reader, reasonKey, out as unknown[]);
}

/** Reads more of a grid row once the columns of readColumns are read (row undefined for a missing row). */
interface RowReader {
  read(row: readonly unknown[] | undefined, i: number, gridRow: number): void;
}

/** One column to read: field, reader, issue reason, destination array. */
type ColumnSpec = [field: Field, reader: Reader<unknown>, reasonKey: string, out: Column];

/**
 * Reads the mapped columns of `specs` for every data row in one pass over the rows (each row of the grid is
 * visited once, whatever the number of columns), and returns one list of issues per spec (empty for an unmapped
 * field), each in row order: the issues reading one column after the other would give. Unmapped fields leave
 * their array as it is (empty). Linear in the number of data rows; no object per cell except the issues.
 */
function readColumns(sheet: MappedSheet, specs: readonly ColumnSpec[], after: RowReader | null = null): CellIssue[][] {
  const readers: ColumnReader<unknown>[] = [];
  const issues: CellIssue[][] = [];
  for (const [field, reader, reasonKey, out] of specs) {
    const col = sheet.columns[field];
    if (col === undefined) {
      issues.push([]);
      continue;
    }
    const r = columnReader(sheet.sheet.name, field, col, reader, reasonKey, out);
    readers.push(r);
    issues.push(r.issues);
  }
  const grid = sheet.sheet.grid;
  const rows = sheet.dataRows;
  const k = readers.length;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const row = grid[r];
    if (row === undefined || row === null) {
      for (let j = 0; j < k; j++) readers[j].read(undefined, i, r);
      if (after !== null) after.read(undefined, i, r);
      continue;
    }
    for (let j = 0; j < k; j++) {
      const reader = readers[j];
      reader.read(row[reader.col], i, r);
    }
    if (after !== null) after.read(row, i, r);
  }
  return issues;
}

/** The issues of readColumns, appended to `into` column after column. */
function appendIssues(into: CellIssue[], byColumn: readonly CellIssue[][]): void {
  for (const list of byColumn) for (const issue of list) into.push(issue);
}

/** VIN and plate never fail: any text is a key (matching stays exact), blank is no key. */
const vinKey: Reader<string> = (v) => normaliseVin(v);
const plateKey: Reader<string> = (v) => normalisePlate(v);

/**
 * The customer base as a typed table, with the issues found.
 * @example readCustomers(mapped).table.purchase[0] // 45052
 */
export function readCustomers(sheet: MappedSheet): { table: CustomerTable; issues: CellIssue[] } {
  const t = emptyCustomerTable(sheet.sheet.name, sheet.dataRows);
  const issues: CellIssue[] = [];
  // Many DMS exports have no region column, only the customer's address ('江西省南昌市青山湖区…'): the address
  // then stands in for the region, so 本地/外地 still finds the local region names it contains.
  const regionSpec: ColumnSpec = sheet.columns.region === undefined
    ? ['address', readText, ISSUE_REASON.text, t.region]
    : ['region', readText, ISSUE_REASON.text, t.region];
  appendIssues(issues, readColumns(sheet, [
    ['vin', vinKey, ISSUE_REASON.text, t.vin],
    ['plate', plateKey, ISSUE_REASON.text, t.plate],
    ['phone', readPhone, ISSUE_REASON.phone, t.phone],
    ['name', readText, ISSUE_REASON.text, t.name],
    ['model', readText, ISSUE_REASON.text, t.model],
    regionSpec,
    ['advisor', readText, ISSUE_REASON.text, t.advisor],
    ['purchaseDate', readDate, ISSUE_REASON.date, t.purchase],
    ['lastVisitDate', readDate, ISSUE_REASON.date, t.lastVisit],
    ['mileage', readMileage, ISSUE_REASON.mileage, t.mileage],
  ]));
  return { table: t, issues };
}

/**
 * The follow-up call log as a typed table, with the issues found.
 * @example readCalls(mapped).table.result[0] // '无人接听'
 */
export function readCalls(sheet: MappedSheet): { table: CallTable; issues: CellIssue[] } {
  const t = emptyCallTable(sheet.sheet.name, sheet.dataRows);
  const issues: CellIssue[] = [];
  const times = new CallTimeReader(sheet, t);
  const [dateIssues, ...otherIssues] = readColumns(sheet, [
    ['callDate', readDate, ISSUE_REASON.date, t.callDate],
    ['vin', vinKey, ISSUE_REASON.text, t.vin],
    ['plate', plateKey, ISSUE_REASON.text, t.plate],
    ['phone', readPhone, ISSUE_REASON.phone, t.phone],
    ['result', readText, ISSUE_REASON.text, t.result],
    ['reason', readText, ISSUE_REASON.text, t.reason],
    ['destination', readText, ISSUE_REASON.text, t.destination],
    ['invited', readYesNo, ISSUE_REASON.yesNo, t.invited],
    ['returnDate', readDate, ISSUE_REASON.date, t.returnDate],
    ['caller', readText, ISSUE_REASON.text, t.caller],
  ], times);
  // The call date's issues first, then the time column's (read once the dates are known), then the other columns'.
  appendIssues(issues, [dateIssues]);
  appendIssues(issues, [times.issues]);
  appendIssues(issues, otherIssues);
  return { table: t, issues };
}

/**
 * Headers of a separate time-of-day column next to the call date (回访日期 | 回访时间). Compared as header keys; only
 * a column the mapping left unused is taken, and only when the call date is in another column.
 */
const TIME_HEADERS = new Set(
  ['时间', '回访时间', '通话时间', '拨打时间', '呼叫时间', '外呼时间', '致电时间', '联系时间', '招揽时间', '跟进时间', '时刻', '几点',
    '回访时刻', '通话开始时间', '开始时间', '呼出时间', 'time', 'call time', 'time of call', 'start time'].map(headerKey),
);

/** `14:20`, `14:20:05`, `9:05`, `14时20分`, `下午2:20`, `2:20 PM`, optionally after a date (`2026-10-03 14:20`). */
const TIME_TEXT = /(?:^|[\sT日号])(上午|早上|中午|下午|晚上|凌晨|傍晚)?\s*(\d{1,2})\s*(?:[:：]|时|点)\s*(\d{1,2})?\s*(?:分)?(?:\s*[:：]?\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*([AaPp][Mm])?\s*Z?\s*$/;

/**
 * The time of day of a cell as a fraction of a day: a serial's fraction (a date-time or a time-only cell), a Date's
 * UTC time (as exceljs creates them), or a time in text. `null` when the cell holds no time (a bare date, blank),
 * `undefined` when a time-only cell cannot be read.
 * @example timeOfDay(46298.5972222) // ≈ 0.597 (14:20)
 * @example timeOfDay('2026-10-03 14:20') // 0.597…
 * @example timeOfDay('2026-10-03') // null
 */
export function timeOfDay(v: unknown): number | null | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return undefined;
    const f = v - Math.floor(v);
    return f > 0 ? f : v === 0 ? 0 : null;
  }
  if (v instanceof Date) {
    const ms = v.getTime();
    if (!Number.isFinite(ms)) return undefined;
    const inDay = ((ms % 86400000) + 86400000) % 86400000;
    return inDay > 0 ? inDay / 86400000 : null;
  }
  if (typeof v !== 'string') return null;
  const s = toHalfWidth(v).trim();
  if (s === '') return null;
  const m = TIME_TEXT.exec(s);
  if (!m) return typeof readDate(s) === 'number' ? null : undefined; // a bare date holds no time
  let h = +m[2];
  const min = m[3] === undefined ? 0 : +m[3];
  const sec = m[4] === undefined ? 0 : +m[4];
  const pm = (m[5] && /^[pP]/.test(m[5])) || m[1] === '下午' || m[1] === '晚上' || m[1] === '傍晚' || (m[1] === '中午' && h < 11);
  const am = (m[5] && /^[aA]/.test(m[5])) || m[1] === '上午' || m[1] === '早上' || m[1] === '凌晨';
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/**
 * Fills callTime, row by row in the pass of readColumns (after the call date of the row is read): from the
 * call-date cell itself (a date-time), else from a separate time column. A time-only column's unreadable cell is
 * reported (the call still counts, ordered by its date alone).
 */
class CallTimeReader implements RowReader {
  readonly issues: CellIssue[] = [];
  private readonly dateCol: number | undefined;
  private readonly timeCol: number | undefined;
  constructor(private readonly sheet: MappedSheet, private readonly t: CallTable) {
    this.dateCol = sheet.columns.callDate;
    this.timeCol = separateTimeColumn(sheet);
  }

  read(row: readonly unknown[] | undefined, i: number, gridRow: number): void {
    const t = this.t;
    if (this.dateCol !== undefined && !Number.isNaN(t.callDate[i])) {
      const raw = row === undefined || row === null ? undefined : row[this.dateCol];
      // A bare date text holds no time.
      if (!(typeof raw === 'string' && raw.length <= 10)) {
        const f = timeOfDay(raw);
        if (typeof f === 'number' && f > 0) t.callTime[i] = f;
      }
    }
    if (this.timeCol === undefined || !Number.isNaN(t.callTime[i])) return;
    const raw = row === undefined || row === null ? undefined : row[this.timeCol];
    // A time column may hold a full date-time (serial > 1 or text with a date): only its time is used here.
    const f = timeOfDay(raw);
    if (f === undefined) this.issues.push(cellIssue(this.sheet.sheet.name, gridRow, this.timeCol, 'callTime', raw, ISSUE_REASON.time));
    else if (f !== null) t.callTime[i] = f;
  }
}

/** The column of a separate time-of-day header the mapping left unused, or undefined. */
function separateTimeColumn(sheet: MappedSheet): number | undefined {
  const used = new Set<number>();
  for (const c of Object.values(sheet.columns)) if (c !== undefined) used.add(c);
  const end = sheet.ownedStart ?? sheet.headers.length;
  for (let c = 0; c < end; c++) {
    if (used.has(c)) continue;
    if (TIME_HEADERS.has(headerKey(sheet.headers[c]))) return c;
  }
  return undefined;
}
