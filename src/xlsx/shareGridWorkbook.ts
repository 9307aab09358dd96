/**
 * The share-safe workbook from grids: the core's masking (maskWorkbook) applied to every sheet, then written by
 * gridWorkbook. Runs where there is no file to load (the task pane's worker, for `Excel.createWorkbook`); the CLI's
 * `share` masks the same cells with the same edits (src/xlsx/shareWorkbook.ts) but keeps the file's formatting.
 */
import { maskWorkbook, type MaskOptions } from '../core/share/maskWorkbook';
import { gridWorkbook, type GridSheet } from './gridWorkbook';

export interface ShareGridResult {
  file: Uint8Array;
  maskedCells: number;
  sheets: { name: string; maskedCells: number }[];
}

/**
 * @example shareSafeFromGrids([{ name: '保有客户', grid: [['车主'], ['王小明']] }]).maskedCells // 1
 */
export function shareSafeFromGrids(sheets: readonly GridSheet[], options: MaskOptions = {}): ShareGridResult {
  const mask = maskWorkbook(sheets, options);
  const masked: GridSheet[] = sheets.map((s, i) => {
    const edits = mask.sheets[i].edits;
    if (!edits.length) return s;
    const grid = s.grid.map((r) => [...r]);
    for (const e of edits) grid[e.row][e.col] = e.value;
    // A masked column holds text now: '@' keeps 138****5678 from being read as anything else.
    const formats = [...(s.columnFormats ?? [])];
    for (const c of mask.sheets[i].columns) formats[c.col] = '@';
    return { ...s, grid, columnFormats: formats };
  });
  return {
    file: gridWorkbook(masked),
    maskedCells: mask.maskedCells,
    sheets: mask.sheets.map((m) => ({ name: m.sheet, maskedCells: m.edits.length })),
  };
}
