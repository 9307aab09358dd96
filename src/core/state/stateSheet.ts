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
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.version !== 1) return null;
  return wellFormedState(parsed);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The entries of an object whose values pass `keep` (an object that is not one: none). */
function entries<T>(v: unknown, keep: (x: unknown) => x is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (keep(x)) out[k] = x;
  return out;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isStringMap = (x: unknown): x is Record<string, string> => isRecord(x) && Object.values(x).every(isString);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isNumberMap = (x: unknown): x is Record<string, number> => isRecord(x) && Object.values(x).every((n) => typeof n === 'number');
const isOwnedArea = (x: unknown): x is WorkbookState['ownedColumns'][string] => isRecord(x) && isIndex(x.headerRow) && isIndex(x.startColumn) && isStringList(x.headers);

/** Deeper than anything the product writes: a part nested so is damaged (and would overflow the stack when written). */
const MAX_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than MAX_DEPTH (iterative: the value may be nested thousands deep). */
function tooDeep(v: unknown): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (d >= MAX_DEPTH) return true;
    for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return false;
}

/** The entries of a record that are not nested too deep. */
function shallow(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => !tooDeep(v)));
}

/**
 * The state as a claim the readers can rely on: every known part of the wrong type (a tampered or damaged state
 * sheet) is dropped, as if never recorded, so nothing downstream meets a string where it expects a record. Settings are kept
 * as an object for their own validation, which names the bad field; a part nested deeper than MAX_DEPTH is dropped.
 */
function wellFormedState(p: Record<string, unknown>): WorkbookState {
  const state: WorkbookState = {
    // Parts this reader does not know are kept as they are (a newer version's additions).
    ...(shallow(p) as Partial<WorkbookState>),
    version: 1,
    settings: isRecord(p.settings) ? shallow(p.settings) : {},
    mappings: entries(p.mappings, isStringMap),
    ownedSheets: entries(p.ownedSheets, isString),
    ownedColumns: entries(p.ownedColumns, isOwnedArea),
  };
  if (p.acceptedMissing !== undefined) state.acceptedMissing = entries(p.acceptedMissing, isStringList);
  if (p.ownedSheetTitles !== undefined) state.ownedSheetTitles = entries(p.ownedSheetTitles, isString);
  if (p.renamedSheets !== undefined) state.renamedSheets = entries(p.renamedSheets, isString);
  delete state.lastRun;
  const run = p.lastRun;
  if (isRecord(run) && isString(run.at) && isNumberMap(run.figures)) {
    // As for the state itself: the parts this reader does not know are kept, the known ones checked.
    const { statusCounts, failedByCategory, failedByMonth, figuresByMonth, ...rest } = shallow(run);
    state.lastRun = { ...(rest as object), at: run.at, figures: run.figures };
    if (isNumberMap(statusCounts)) state.lastRun.statusCounts = statusCounts;
    if (isNumberMap(failedByCategory)) state.lastRun.failedByCategory = failedByCategory;
    if (isRecord(failedByMonth)) state.lastRun.failedByMonth = entries(failedByMonth, isNumberMap);
    if (isRecord(figuresByMonth)) state.lastRun.figuresByMonth = entries(figuresByMonth, isNumberMap);
  }
  return state;
}
