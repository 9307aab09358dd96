/**
 * WorkbookState lives in a very hidden sheet (STATE_SHEET_NAME) as JSON split into column A, so it travels
 * with the file whatever add-in ID opens it, and both adapters store it the same way. A cell holds at most
 * 32,767 characters, so the JSON is cut into pieces of 30,000.
 */
import type { Grid, WorkbookState } from '../plan/types';

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
