/**
 * Excel's limits, enforced on the plan before any adapter renders it, so every file either adapter writes opens
 * without a repair prompt:
 *  - 32,767 characters per cell: longer product text (a title with a very long dealer name, a list cell copying a
 *    customer's oversized text) is cut, ending with a marker, and the report says which sheet and cell;
 *  - 31 characters per sheet name, none of [ ] : * ? / \, unique case-insensitively among the planned sheets;
 *  - 255 characters per number-format string (a longer one falls back to the kind's default format);
 *  - 255 characters per drop-down list (values that do not fit are left out and the list only warns);
 *  - the grid, 1,048,576 rows × 16,384 columns: rows and cells beyond it are left out, and reported.
 * A customer's own cell is never rewritten: one longer than Excel allows (only a damaged file can hold one) is
 * refused by `assertInputWithinLimits`, naming the cell, since writing it back would break the file.
 */
import type { CellValue, ColumnWrite, Grid, CellValidation, Message, SheetSpec, TableSpec, WorkbookPlan } from './types';
import { a1, uniqueSheetName } from './names';
import { AnalysisInputError } from '../aftersales/errors';

export const EXCEL_LIMITS = {
  cellChars: 32767,
  sheetNameChars: 31,
  numberFormatChars: 255,
  listChars: 255,
  rows: 1_048_576,
  columns: 16_384,
} as const;

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What was cut, per sheet, for the report. */
interface Cuts {
  cells: Map<string, { n: number; first: string }>;
  lists: Map<string, number>;
  grid: Map<string, number>;
  formats: Map<string, number>;
}

/**
 * `text` cut to Excel's cell limit, ending with `marker`; unchanged when it fits.
 * @example fitCell('王'.repeat(40000), '…') // 32,767 characters ending in '…'
 */
export function fitCell(text: string, marker: string): string {
  if (text.length <= EXCEL_LIMITS.cellChars) return text;
  let cut = text.slice(0, EXCEL_LIMITS.cellChars - marker.length);
  // Never leave half of a surrogate pair before the marker.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + marker;
}

/** A list whose source ('a,b,c') fits in 255 characters: values that do not fit are left out, and it only warns. */
function fitList<V extends CellValidation>(v: V): { validation: V; cut: boolean } {
  if (v.type !== 'list') return { validation: v, cut: false };
  const kept: string[] = [];
  let length = 0;
  for (const value of v.values) {
    const add = (kept.length ? 1 : 0) + value.length;
    if (length + add > EXCEL_LIMITS.listChars) return { validation: { ...v, values: kept, strict: false }, cut: true };
    kept.push(value);
    length += add;
  }
  return { validation: v, cut: false };
}

function bump(map: Map<string, number>, sheet: string, n = 1): void {
  map.set(sheet, (map.get(sheet) ?? 0) + n);
}

function fitValue(v: CellValue, sheet: string, row: number, col: number, marker: string, cuts: Cuts): CellValue {
  if (typeof v !== 'string' || v.length <= EXCEL_LIMITS.cellChars) return v;
  const c = cuts.cells.get(sheet);
  if (c) c.n++;
  else cuts.cells.set(sheet, { n: 1, first: a1(row, col) });
  return fitCell(v, marker);
}

function fitFormat(f: string | undefined, sheet: string, cuts: Cuts): string | undefined {
  if (f === undefined || f.length <= EXCEL_LIMITS.numberFormatChars) return f;
  bump(cuts.formats, sheet);
  return undefined;
}

/** True when some string of the rows is longer than a cell holds (most plans: none, and nothing is copied). */
function anyLong(rows: readonly (readonly CellValue[])[]): boolean {
  // Indexed loops, not for…of: this visits every cell of the lists (17M at 1,000,000 vehicles).
  const max = EXCEL_LIMITS.cellChars;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (typeof v === 'string' && v.length > max) return true;
    }
  }
  return false;
}

function fitTable(t: TableSpec, sheet: string, marker: string, cuts: Cuts): TableSpec {
  // Header, data rows, the totals row: all inside the grid.
  const room = EXCEL_LIMITS.rows - t.row - 1 - (t.totalsRow ? 1 : 0);
  const rows = t.rows.length > room ? t.rows.slice(0, Math.max(0, room)) : t.rows;
  if (rows.length < t.rows.length) bump(cuts.grid, sheet, t.rows.length - rows.length);
  const columns = t.columns.map((c, i) => {
    const header = fitValue(c.header, sheet, t.row, t.col + i, marker, cuts) as string;
    const list = c.validation ? fitList(c.validation) : null;
    if (list?.cut) bump(cuts.lists, sheet);
    const numberFormat = fitFormat(c.numberFormat, sheet, cuts);
    return { ...c, header, ...(list ? { validation: list.validation } : {}), ...(c.numberFormat !== undefined ? { numberFormat } : {}) };
  });
  return {
    ...t,
    columns,
    rows: anyLong(rows) ? rows.map((r, k) => r.map((v, i) => fitValue(v, sheet, t.row + 1 + k, t.col + i, marker, cuts))) : rows,
  };
}

function fitSheet(spec: SheetSpec, name: string, marker: string, cuts: Cuts): SheetSpec {
  const cells = spec.cells
    .filter((c) => {
      const inside = c.row < EXCEL_LIMITS.rows && c.col < EXCEL_LIMITS.columns;
      if (!inside) bump(cuts.grid, name);
      return inside;
    })
    .map((c) => {
      const value = c.value === undefined ? undefined : fitValue(c.value, name, c.row, c.col, marker, cuts);
      const numberFormat = fitFormat(c.numberFormat, name, cuts);
      return { ...c, ...(value === undefined ? {} : { value }), ...(c.numberFormat !== undefined ? { numberFormat } : {}) };
    });
  const validations = spec.validations?.map((v) => {
    const list = fitList(v.validation);
    if (list.cut) bump(cuts.lists, name);
    return { ...v, validation: list.validation };
  });
  return {
    ...spec,
    name,
    cells,
    tables: spec.tables.filter((t) => t.row < EXCEL_LIMITS.rows - 1 && t.col + t.columns.length <= EXCEL_LIMITS.columns).map((t) => fitTable(t, name, marker, cuts)),
    ...(validations ? { validations } : {}),
  };
}

function fitColumnValues(values: CellValue[], w: ColumnWrite, j: number, marker: string, cuts: Cuts): CellValue[] {
  if (!anyLong([values])) return values;
  return values.map((v, k) => fitValue(v, w.sheet, w.firstDataRow + k, w.startColumn + j, marker, cuts));
}

function fitWrite(w: ColumnWrite, marker: string, cuts: Cuts): ColumnWrite {
  const lastRow = Math.min(w.lastDataRow, EXCEL_LIMITS.rows - 1);
  const keep = Math.max(0, lastRow - w.firstDataRow + 1);
  const columns = w.columns.map((c, j) => {
    if (c.values.length > keep) bump(cuts.grid, w.sheet, c.values.length - keep);
    const list = c.validation ? fitList(c.validation) : null;
    if (list?.cut) bump(cuts.lists, w.sheet);
    return {
      ...c,
      header: fitValue(c.header, w.sheet, w.headerRow, w.startColumn + j, marker, cuts) as string,
      values: fitColumnValues(c.values.length > keep ? c.values.slice(0, keep) : c.values, w, j, marker, cuts),
      ...(c.numberFormat !== undefined ? { numberFormat: fitFormat(c.numberFormat, w.sheet, cuts) } : {}),
      ...(list ? { validation: list.validation } : {}),
    };
  });
  return { ...w, lastDataRow: Math.max(lastRow, w.firstDataRow - 1), columns };
}

/** The report's messages for what was cut. */
function messagesOf(cuts: Cuts): Message[] {
  const messages: Message[] = [];
  for (const [sheet, c] of cuts.cells) messages.push({ key: 'core.warning.cellsCut', params: { sheet, n: c.n, cell: c.first, max: EXCEL_LIMITS.cellChars } });
  for (const [sheet, n] of cuts.lists) messages.push({ key: 'core.warning.listsCut', params: { sheet, n, max: EXCEL_LIMITS.listChars } });
  for (const [sheet, n] of cuts.formats) messages.push({ key: 'core.warning.formatsCut', params: { sheet, n, max: EXCEL_LIMITS.numberFormatChars } });
  for (const [sheet, n] of cuts.grid) messages.push({ key: 'core.warning.gridCut', params: { sheet, n } });
  return messages;
}

const noCuts = (): Cuts => ({ cells: new Map(), lists: new Map(), grid: new Map(), formats: new Map() });

/** Every spec within the limits, its name legal and unique among `taken` and the specs before it. */
function fitSheets(specs: readonly SheetSpec[], marker: string, cuts: Cuts, taken: string[] = []): SheetSpec[] {
  return specs.map((spec) => {
    const name = uniqueSheetName(spec.name, taken);
    taken.push(name);
    return fitSheet(spec, name, marker, cuts);
  });
}

/**
 * New sheets alone within Excel's limits (the form pack, which is not a WorkbookPlan): cells cut to 32,767
 * characters, sheet names legal, <= 31 characters and unique, number formats and drop-down lists <= 255, the grid;
 * with the messages saying what was cut. Pure.
 * @example enforceSheetLimits(buildFormsPlan(…), tr).sheets[0].cells[0].value.length // ≤ 32767
 */
export function enforceSheetLimits(specs: readonly SheetSpec[], t: Translate): { sheets: SheetSpec[]; messages: Message[] } {
  const cuts = noCuts();
  const sheets = fitSheets(specs, t('core.limits.cutMarker'), cuts);
  return { sheets, messages: messagesOf(cuts) };
}

/**
 * The plan within Excel's limits (see the file comment), and the report telling what was cut. Pure: a new plan.
 * @example enforceExcelLimits(plan, translator('zh-CN')).sheets[0].cells[1].value.length // ≤ 32767
 */
export function enforceExcelLimits(plan: WorkbookPlan, t: Translate): WorkbookPlan {
  const cuts = noCuts();
  const marker = t('core.limits.cutMarker');
  const sheets = fitSheets(plan.sheets, marker, cuts);
  const columnWrites = plan.columnWrites.map((w) => fitWrite(w, marker, cuts));
  const messages = messagesOf(cuts);
  const ownedSheets = { ...plan.state.ownedSheets };
  sheets.forEach((s) => (ownedSheets[s.key] = s.name));
  if (!messages.length && sheets.every((s, i) => s.name === plan.sheets[i].name)) return { ...plan, sheets, columnWrites };
  return {
    ...plan,
    sheets,
    columnWrites,
    state: { ...plan.state, ownedSheets },
    report: {
      ...plan.report,
      warnings: [...plan.report.warnings, ...messages.map((m) => t(m.key, m.params))],
      warningMessages: [...(plan.report.warningMessages ?? []), ...messages],
    },
  };
}

/**
 * The first column of `row` holding a string longer than a cell holds, or -1. Called by the detection's pass over a
 * sheet's rows (mapSheet), while the row's cells are in the cache, so the input check costs no pass of its own.
 */
export function longCellOfRow(row: readonly unknown[] | undefined | null): number {
  if (!row) return -1;
  const max = EXCEL_LIMITS.cellChars;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.length > max) return c;
  }
  return -1;
}

/**
 * Rows of a grid another pass has already checked with longCellOfRow: every row from `fromRow` to the end, and the
 * first long cell found there (row -1 when none).
 */
export interface CheckedRows {
  fromRow: number;
  firstLongRow: number;
  firstLongCol: number;
}

/**
 * Refuses an input holding a cell longer than Excel allows (only a damaged or hand-made file can): the file adapter
 * writes the user's sheets back as they are, and that cell would make Excel repair the file. Strings only; O(cells).
 * `checked` gives, per grid, the rows the detection already checked (see longCellOfRow): only the rows above them
 * are read here. The cell named is the first in sheet, row and column order either way.
 * @throws AnalysisInputError('core.error.cellTooLong') naming the sheet and cell.
 */
export function assertInputWithinLimits(sheets: readonly { name: string; grid: Grid }[], checked?: (grid: Grid) => CheckedRows | undefined): void {
  for (const s of sheets) {
    const done = checked?.(s.grid);
    const end = done ? Math.min(done.fromRow, s.grid.length) : s.grid.length;
    for (let r = 0; r < end; r++) {
      const c = longCellOfRow(s.grid[r]);
      if (c >= 0) tooLong(s.name, r, c, s.grid[r][c] as string);
    }
    if (done && done.firstLongRow >= 0) tooLong(s.name, done.firstLongRow, done.firstLongCol, s.grid[done.firstLongRow][done.firstLongCol] as string);
  }
}

function tooLong(sheet: string, r: number, c: number, v: string): never {
  throw new AnalysisInputError('core.error.cellTooLong', { sheet, cell: a1(r, c), length: v.length, max: EXCEL_LIMITS.cellChars });
}
