/**
 * WorkbookState lives in a very hidden sheet (STATE_SHEET_NAME) as JSON split into column A, so it travels
 * with the file whatever add-in ID opens it, and both adapters store it the same way. A cell holds at most
 * 32,767 characters, so the JSON is cut into pieces of 30,000.
 */
import type { Grid, WorkbookState } from '../plan/types';
import { AnalysisInputError } from '../aftersales/errors';

const PIECE = 30000;
const MARKER = 'ChurnDesk state v1';

export function emptyState(): WorkbookState {
  return { version: 1, settings: {}, mappings: {}, ownedSheets: {}, ownedColumns: {} };
}

/** The state as a one-column grid: a marker row, then the JSON in pieces. */
export function stateToGrid(state: WorkbookState): string[][] {
  const json = JSON.stringify(state);
  const rows: string[][] = [[MARKER]];
  for (let i = 0; i < json.length; i += PIECE) rows.push([json.slice(i, i + PIECE)]);
  return rows;
}

/**
 * Whether a sheet named STATE_SHEET_NAME is the product's (its first cell holds the marker, even if the JSON below is
 * damaged) and not a sheet of the user's that happens to have the name: that one must never be overwritten.
 * @throws AnalysisInputError 'input.error.stateNameTaken' when the sheet is the user's.
 */
export function assertStateSheetIsOurs(grid: Grid | undefined, sheetName: string): void {
  if (!grid || grid.length === 0) return;
  const first = grid[0]?.[0];
  const blank = grid.every((row) => row.every((v) => v === '' || v === null || v === undefined));
  if (first !== MARKER && !blank) throw new AnalysisInputError('input.error.stateNameTaken', { sheet: sheetName });
}

/** Reads the state back; null when the grid is not a ChurnDesk state sheet or the JSON is damaged. */
export function stateFromGrid(grid: Grid | undefined): WorkbookState | null {
  if (!grid || grid.length === 0 || grid[0]?.[0] !== MARKER) return null;
  let json = '';
  for (let r = 1; r < grid.length; r++) {
    const v = grid[r]?.[0];
    if (typeof v === 'string') json += v;
  }
  try {
    const parsed = JSON.parse(json) as Partial<WorkbookState>;
    if (parsed.version !== 1) return null;
    return { ...emptyState(), ...parsed } as WorkbookState;
  } catch {
    return null;
  }
}
