/**
 * The share-safe workbook from grids: the core's masking (maskWorkbook) applied to every sheet, then written by
 * gridWorkbook. Runs where there is no file to load (the task pane's worker, for `Excel.createWorkbook`); the CLI's
 * `share` masks the same cells with the same edits (src/xlsx/shareWorkbook.ts) but keeps the file's formatting.
 * Given the plan of the last refresh, the summary sheets' charts and PivotTables are written too (shareParts.ts).
 */
import { maskWorkbook, type MaskOptions } from '../core/share/maskWorkbook';
import type { WorkbookPlan, WorkbookState } from '../core/plan/types';
import type { Locale } from '../core/settings/settings';
import { addChartParts } from './charts/injectCharts';
import { gridPackage, packageZip, type GridSheet } from './gridWorkbook';
import { addPivotParts } from './pivots/injectPivots';
import { shareParts } from './shareParts';

export interface ShareGridResult {
  file: Uint8Array;
  maskedCells: number;
  sheets: { name: string; maskedCells: number }[];
  /** Charts and PivotTables written (0 without a plan). */
  charts: number;
  pivots: number;
  /** Charts left out: their table in the workbook is not the one the plan wrote. */
  staleCharts: number;
}

/** The last refresh's plan, re-derived, with the state it was checked against. */
export interface SharePlan {
  plan: WorkbookPlan;
  state: WorkbookState;
  locale: Locale;
}

/**
 * @example shareSafeFromGrids([{ name: '保有客户', grid: [['车主'], ['王小明']] }]).maskedCells // 1
 */
export function shareSafeFromGrids(sheets: readonly GridSheet[], options: MaskOptions = {}, planned?: SharePlan): ShareGridResult {
  const mask = maskWorkbook(sheets, options);
  let masked: GridSheet[] = sheets.map((s, i) => {
    const edits = mask.sheets[i].edits;
    if (!edits.length) return s;
    const grid = s.grid.map((r) => [...r]);
    for (const e of edits) grid[e.row][e.col] = e.value;
    // A masked column holds text now: '@' keeps 138****5678 from being read as anything else.
    const formats = [...(s.columnFormats ?? [])];
    for (const c of mask.sheets[i].columns) formats[c.col] = '@';
    return { ...s, grid, columnFormats: formats };
  });
  const parts = planned ? shareParts(planned.plan, planned.state, masked, planned.locale) : undefined;
  if (parts?.grids.size) masked = masked.map((s) => (parts.grids.has(s.name) ? { ...s, grid: parts.grids.get(s.name)! } : s));
  const entries = gridPackage(masked);
  const charts = parts?.charts.length ? addChartParts(entries, parts.charts) : 0;
  const pivots = parts?.pivots.length ? addPivotParts(entries, parts.pivots) : 0;
  return {
    file: packageZip(entries),
    maskedCells: mask.maskedCells,
    sheets: mask.sheets.map((m) => ({ name: m.sheet, maskedCells: m.edits.length })),
    charts,
    pivots,
    staleCharts: parts?.staleCharts ?? 0,
  };
}
