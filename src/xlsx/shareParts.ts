/**
 * The charts and PivotTables of the add-in's share-safe copy. The add-in builds the copy from the workbook's cells
 * (Excel.createWorkbook takes a file; Office.js cannot export the charts or pivots it drew), so the worker
 * re-derives the plan the last refresh applied and writes its summary sheets' charts and pivots with the file
 * adapter's own writers (fileCharts/chartXml, filePivot/pivotXml). The plan is a claim, checked against the workbook:
 *  - a sheet is the product's when the state records it under the plan's key and its A1 still shows the recorded
 *    title (stillOwned);
 *  - a chart is drawn only when its table stands in that sheet exactly as the plan has it (header, every data row,
 *    nothing more below): a table the user edited, or one a later change of the data would give differently, has no
 *    chart rather than a chart of other figures; the chart's caches are the copy's own (masked) cells;
 *  - a pivot is computed over the copy's masked source sheet (so its items can only be masked values), and its
 *    area is left as it is when it holds the add-in's cross-tab (an Excel without PivotTables at the refresh);
 *  - no part is written whose cached text is not text of the copy's cells (the CLI rule of carryParts.ts).
 */
import { STATE_SHEET_NAME, type CellValue, type Grid, type PivotSpec, type SheetSpec, type TableSpec, type WorkbookPlan, type WorkbookState } from '../core/plan/types';
import { stillOwned } from '../core/state/ownership';
import type { Locale } from '../core/settings/settings';
import { t } from '../i18n';
import { cachedText } from './carryParts';
import { chartPartXml } from './charts/chartXml';
import { fileChartsOf } from './charts/fileCharts';
import type { SheetCharts } from './charts/injectCharts';
import { filePivotOf, type FilePivot } from './pivots/filePivot';
import { pivotLabels } from './pivots/pivotLabels';
import { pivotCacheXml } from './pivots/pivotXml';

export interface ShareSheetGrid {
  name: string;
  grid: Grid;
}

export interface ShareParts {
  charts: SheetCharts[];
  pivots: FilePivot[];
  /** Sheet name -> its grid with the pivots' cells written (Excel shows them after it refreshes the pivot). */
  grids: Map<string, unknown[][]>;
  /** Charts left out because their table in the workbook is not the plan's (edited, or other figures). */
  staleCharts: number;
  /** Charts and pivots left out because a cached text is not text of the copy. */
  refused: number;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** A cell as read equals the plan's value: blanks alike, numbers to 12 significant digits, text and booleans exactly. */
function sameCell(read: unknown, planned: CellValue | undefined): boolean {
  if (isBlank(read) || isBlank(planned)) return isBlank(read) && isBlank(planned);
  if (typeof read === 'number' && typeof planned === 'number') return read === planned || Math.abs(read - planned) <= 1e-12 * Math.max(1, Math.abs(planned));
  return read === planned;
}

/**
 * The table as the workbook holds it (values as read; a formula column's computed values), or null when it is not
 * the plan's: another header, another value in a column the plan wrote, or more rows below it.
 */
function tableAsRead(table: TableSpec, grid: Grid): TableSpec | null {
  const header = grid[table.row] ?? [];
  if (!table.columns.every((c, i) => header[table.col + i] === c.header)) return null;
  const rows: CellValue[][] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const line = grid[table.row + 1 + r] ?? [];
    const row: CellValue[] = [];
    for (let i = 0; i < table.columns.length; i++) {
      const v = line[table.col + i];
      if (!table.columns[i].rowFormula && !sameCell(v, table.rows[r][i])) return null;
      row.push(typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : '');
    }
    rows.push(row);
  }
  const below = grid[table.row + 1 + table.rows.length + (table.totalsRow ? 1 : 0)] ?? [];
  if (!table.totalsRow && table.columns.some((_, i) => !isBlank(below[table.col + i]))) return null;
  return { ...table, rows };
}

/** The first row below `row` that the sheet's plan puts anything in (a cell, a table's caption or header, another pivot). */
function nextContentRow(spec: SheetSpec, row: number, rows: number): number {
  let next = rows;
  for (const c of spec.cells) if (c.row > row) next = Math.min(next, c.row);
  for (const tb of spec.tables) if (tb.row - 1 > row) next = Math.min(next, tb.row - 1);
  for (const p of spec.pivots ?? []) if (p.row > row) next = Math.min(next, p.row);
  return next;
}

/** The cross-tab the add-in writes where Excel had no PivotTables (buildSheet), in either language. */
const FALLBACK_NOTES = new Set((['zh-CN', 'en-US'] as const).map((l) => t(l, 'office.pivotFallbackNote')));

function holdsCrossTab(grid: Grid, from: number, to: number): boolean {
  for (let r = from; r < to; r++) for (const v of grid[r] ?? []) if (typeof v === 'string' && FALLBACK_NOTES.has(v)) return true;
  return false;
}

/** Writes the pivot's cells over its area (rows from its top-left to the next planned content, every column right of it). */
function writePivotCells(grid: unknown[][], pivot: PivotSpec, cells: CellValue[][], end: number): void {
  for (let r = pivot.row; r < Math.max(end, pivot.row + cells.length); r++) {
    const line = grid[r] ?? (grid[r] = []);
    for (let c = pivot.col; c < line.length; c++) line[c] = '';
  }
  cells.forEach((line, r) => line.forEach((v, c) => (grid[pivot.row + r][pivot.col + c] = v)));
}

/**
 * The charts and pivots of `plan`'s sheets that the copy can carry, over the copy's (masked) grids.
 * @example shareParts(plan, state, masked, 'zh-CN').charts.map((s) => s.sheet) // ['售后流失总览', '地区分析', …]
 */
export function shareParts(plan: WorkbookPlan, state: WorkbookState, masked: readonly ShareSheetGrid[], locale: Locale): ShareParts {
  const byName = new Map(masked.map((s) => [s.name, s.grid]));
  const texts = new Set<string>();
  for (const s of masked) for (const row of s.grid) for (const v of row) if (typeof v === 'string' && v !== '') texts.add(v);
  const allowed = (xml: string) => cachedText(xml).every((s) => s === '' || (s.trim() !== '' && Number.isFinite(Number(s))) || texts.has(s));
  const out: ShareParts = { charts: [], pivots: [], grids: new Map(), staleCharts: 0, refused: 0 };
  const labels = pivotLabels(locale);
  for (const spec of plan.sheets) {
    if (!spec.charts?.length && !spec.pivots?.length) continue;
    const name = state.ownedSheets[spec.key];
    const grid = name === undefined || name === STATE_SHEET_NAME ? undefined : byName.get(name);
    if (!grid || !stillOwned(state, spec.key, grid[0]?.[0])) continue;

    const tables: TableSpec[] = [];
    for (const table of spec.tables) {
      if (!spec.charts?.some((c) => c.table === table.name)) continue;
      const read = tableAsRead(table, grid);
      if (read) tables.push(read);
      else out.staleCharts += spec.charts.filter((c) => c.table === table.name).length;
    }
    const drawn = fileChartsOf({ ...spec, tables, charts: (spec.charts ?? []).filter((c) => tables.some((tb) => tb.name === c.table)) }, name!);
    const kept = drawn.filter((c) => allowed(chartPartXml(c)));
    out.refused += drawn.length - kept.length;
    if (kept.length) out.charts.push({ sheet: name!, charts: kept });

    for (const pivot of spec.pivots ?? []) {
      const source = byName.get(pivot.source.sheet);
      const end = nextContentRow(spec, pivot.row, grid.length);
      if (!source || holdsCrossTab(grid, pivot.row, end)) continue;
      const file = filePivotOf(source, pivot, name!, pivot.source.sheet, labels);
      if (!file) continue;
      if (!allowed(pivotCacheXml(file))) {
        out.refused++;
        continue;
      }
      const copy = out.grids.get(name!) ?? grid.map((r) => [...r]);
      out.grids.set(name!, copy);
      writePivotCells(copy, pivot, file.cells, end);
      out.pivots.push(file);
    }
  }
  return out;
}
