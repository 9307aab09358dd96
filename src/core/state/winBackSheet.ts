/**
 * Where the previous 招揽名单 is, so the adapters can hand its grid to the core (AnalyseOptions.previousWinBack) and
 * the callers' notes survive a refresh. Kept apart from the analysis so the Office adapter can use it without
 * loading the core.
 */
import type { Grid, SheetInput, WorkbookState } from '../plan/types';

/** Key of the win-back list sheet in WorkbookState.ownedSheets. */
export const WIN_BACK_KEY = 'list.winback';

/**
 * The name of the previous run's 招揽名单 in this workbook (the user's name if they renamed it), or null.
 * @example winBackSheetName(state) // '招揽名单'
 */
export function winBackSheetName(state: WorkbookState | null | undefined): string | null {
  if (!state) return null;
  return state.renamedSheets?.[WIN_BACK_KEY] ?? state.ownedSheets?.[WIN_BACK_KEY] ?? null;
}

/**
 * The previous 招揽名单 among the sheets an adapter read (whole grids, or only their first rows): the sheet the state
 * names, else (the user renamed it since) the one sheet, not recorded under another key, whose A1 still shows the
 * title it was written with. Null when there is none.
 * @example previousWinBackSheet(heads, state) // '我的名单'
 */
export function previousWinBackSheet(sheets: readonly SheetInput[], state: WorkbookState | null | undefined): string | null {
  const name = winBackSheetName(state);
  if (!name || !state) return null;
  if (sheets.some((s) => s.name === name)) return name;
  const title = state.ownedSheetTitles?.[WIN_BACK_KEY];
  if (!title) return null;
  const owned = new Set(Object.values(state.ownedSheets));
  const byTitle = sheets.filter((s) => !owned.has(s.name) && s.grid[0]?.[0] === title);
  return byTitle.length === 1 ? byTitle[0].name : null;
}

/**
 * The previous 招揽名单's grid among the sheets a file adapter read (previousWinBackSheet), or null.
 * @example previousWinBackGrid(read.sheets, read.state) // [['流失客户招揽名单'], …]
 */
export function previousWinBackGrid(sheets: readonly SheetInput[], state: WorkbookState | null | undefined): Grid | null {
  const name = previousWinBackSheet(sheets, state);
  return name === null ? null : sheets.find((s) => s.name === name)!.grid;
}
