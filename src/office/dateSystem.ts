/**
 * The workbook's date system, in Excel. A workbook made on a Mac may use the 1904 system: its serial 0 is
 * 1904-01-01, so the same day is 1,462 less than in the 1900 system the core reads and writes. `Range.values` returns
 * the stored serial whatever the system, and office.js (1.1.110) exposes no date-system property, so the add-in asks
 * Excel: `functions.date(1904, 1, 1)` (ExcelApi 1.2; excel-web-16.00.debug.js line 60924) answers 0 in a 1904
 * workbook and 1462 in a 1900 one. The probe is queued into a sync the refresh makes anyway (no extra round trip).
 *
 * In a 1904 workbook: the numbers of the date-formatted columns the core reads are moved into the 1900 system
 * (+1462) before the analysis; the dates the plan writes (columns of kind date/month, date-formatted cells) are moved
 * back (−1462), so each shows the same day it means. (The file adapter needs none of this: exceljs converts with the
 * workbook's own flag.) Anything the probe cannot tell is taken as the 1900 system, Excel's default.
 */
import type { CellSpec, ColumnKind, Grid, SheetInput, WorkbookPlan } from '../core/plan/types';
import { blockAddress, type SheetExtent } from './readSheets';

export type DateSystem = '1900' | '1904';
/** Days from the 1900 system's serial to the 1904 system's for the same day. */
export const DATE1904_OFFSET = 1462;

/** Queues the probe; the returned function reads its answer after the next sync ('1900' when it cannot tell). */
export function probeDateSystem(context: Excel.RequestContext): () => DateSystem {
  let result: Excel.FunctionResult<number> | null = null;
  try {
    result = context.workbook.functions.date(1904, 1, 1);
    result.load('value');
  } catch {
    result = null;
  }
  return () => {
    try {
      return result && result.value === 0 ? '1904' : '1900';
    } catch {
      return '1900';
    }
  };
}

/** A number format that shows a date (y, m with d, or e tokens outside quotes and brackets), not General or a time alone. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || !format || /^general$/i.test(format) || format === '@') return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  return /[ye]/.test(bare) || (/d/.test(bare) && /m/.test(bare));
}

/**
 * The columns of a grid whose numbers are dates: at least half of the numeric cells in the head rows carry a date
 * format. `formats` is the head rows' Range.numberFormat.
 */
export function dateColumnsOf(values: Grid, formats: unknown[][]): number[] {
  const numeric = new Map<number, number>();
  const dated = new Map<number, number>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') return;
      numeric.set(c, (numeric.get(c) ?? 0) + 1);
      if (isDateFormat(formats[r]?.[c])) dated.set(c, (dated.get(c) ?? 0) + 1);
    }),
  );
  return [...numeric].filter(([c, n]) => (dated.get(c) ?? 0) * 2 >= n).map(([c]) => c).sort((a, b) => a - b);
}

/** The grid with every number of the given columns moved by `offset` days (a new grid; the input is not changed). */
export function shiftColumns(grid: Grid, columns: readonly number[], offset: number): Grid {
  if (!columns.length || !offset) return grid;
  return grid.map((row) => {
    let copy: unknown[] | null = null;
    for (const c of columns) {
      const v = row[c];
      if (typeof v === 'number') {
        copy ??= [...row];
        copy[c] = v + offset;
      }
    }
    return (copy ?? row) as typeof row;
  });
}

/** Head rows' number formats of the given sheets (one sync), each as the rows readHeads read. */
export async function readHeadFormats(context: Excel.RequestContext, extents: readonly SheetExtent[], heads: readonly SheetInput[]): Promise<Map<string, unknown[][]>> {
  const ranges = extents.map((e) => {
    const rows = heads.find((h) => h.name === e.name)?.grid.length ?? 0;
    if (!rows || !e.cols) return null;
    const r = context.workbook.worksheets.getItem(e.name).getRange(blockAddress(0, rows, 0, e.cols));
    r.load('numberFormat');
    return r;
  });
  if (ranges.some((r) => r)) await context.sync();
  return new Map(extents.map((e, i) => [e.name, (ranges[i]?.numberFormat ?? []) as unknown[][]]));
}

/** The sheets as the core must read them in a 1904 workbook: date columns (by the heads' formats) moved by +1462. */
export function sheetsIn1900(sheets: readonly SheetInput[], heads: readonly SheetInput[], formats: Map<string, unknown[][]>): SheetInput[] {
  return sheets.map((s) => {
    const head = heads.find((h) => h.name === s.name);
    const cols = head ? dateColumnsOf(head.grid, formats.get(s.name) ?? []) : [];
    return cols.length ? { name: s.name, grid: shiftColumns(s.grid, cols, DATE1904_OFFSET) } : s;
  });
}

const DATE_KINDS: ReadonlySet<ColumnKind> = new Set(['date', 'month']);
const shift = (v: unknown, offset: number) => (typeof v === 'number' ? v + offset : v);

/**
 * The plan with every date it writes moved by `offset` days (−1462 for a 1904 workbook): appended columns and table
 * columns of kind date or month, and cells with a date format. Formulas and text are left alone. Pure.
 */
export function planInDateSystem(plan: WorkbookPlan, offset: number): WorkbookPlan {
  if (!offset) return plan;
  const cell = (c: CellSpec): CellSpec => (c.value !== undefined && isDateFormat(c.numberFormat) ? { ...c, value: shift(c.value, offset) as CellSpec['value'] } : c);
  return {
    ...plan,
    columnWrites: plan.columnWrites.map((w) => ({
      ...w,
      columns: w.columns.map((col) => (DATE_KINDS.has(col.kind) ? { ...col, values: col.values.map((v) => shift(v, offset)) as typeof col.values } : col)),
    })),
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map(cell),
      tables: s.tables.map((t) => {
        const cols = t.columns.map((c, i) => (DATE_KINDS.has(c.kind) || isDateFormat(c.numberFormat) ? i : -1)).filter((i) => i >= 0);
        if (!cols.length) return t;
        return { ...t, rows: t.rows.map((row) => { const copy = [...row]; for (const i of cols) copy[i] = shift(copy[i], offset) as (typeof row)[number]; return copy; }) };
      }),
    })),
  };
}
