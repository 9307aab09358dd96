/**
 * WorkbookState in the very hidden sheet ChurnDesk_State (JSON in column A via stateToGrid/stateFromGrid), the same
 * format the file adapter uses: an emailed copy gives the same results whatever add-in ID opens it, and
 * `workbook.settings` (keyed to the add-in ID) is not used.
 */
import { STATE_SHEET_NAME, type WorkbookState } from '../core/plan/types';
import { assertStateSheetIsOurs, emptyState, stateFromGrid, stateToGrid } from '../core/state/stateSheet';
import { blockAddress } from './readSheets';

/** The stored state, or an empty one when there is none or it is damaged. One sync. */
export async function readState(context: Excel.RequestContext): Promise<{ state: WorkbookState; found: boolean }> {
  const range = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET_NAME).getUsedRangeOrNullObject(true);
  range.load('values');
  await context.sync();
  if (range.isNullObject) return { state: emptyState(), found: false };
  // A sheet of the user's that has the state's name is never overwritten: the action stops, naming it.
  assertStateSheetIsOurs(range.values, STATE_SHEET_NAME);
  const parsed = stateFromGrid(range.values);
  return { state: parsed ?? emptyState(), found: parsed !== null };
}

/**
 * Queues writing `state` into a new sheet `sheetName` (text format first, so the JSON is never parsed), hidden.
 * The caller renames it into place and makes it very hidden when everything else has succeeded. No sync.
 */
export function queueStateSheet(context: Excel.RequestContext, state: WorkbookState, sheetName: string): Excel.Worksheet {
  const grid = stateToGrid(state);
  const ws = context.workbook.worksheets.add(sheetName);
  const range = ws.getRange(blockAddress(0, grid.length, 0, 1));
  range.numberFormat = grid.map(() => ['@']);
  range.values = grid;
  ws.visibility = 'Hidden';
  return ws;
}

/**
 * Replaces the state sheet now (used by saveSettings / saveMapping, which change nothing else): the new sheet is
 * written under a temporary name, then the old one deleted and the new one renamed and made very hidden. Two syncs.
 */
export async function writeState(context: Excel.RequestContext, state: WorkbookState): Promise<void> {
  const tmp = '~cd_tmp_state';
  const stale = context.workbook.worksheets.getItemOrNullObject(tmp);
  stale.load('name');
  await context.sync();
  if (!stale.isNullObject) stale.delete();
  const ws = queueStateSheet(context, state, tmp);
  const old = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET_NAME);
  old.load('name');
  await context.sync();
  if (!old.isNullObject) old.delete();
  ws.name = STATE_SHEET_NAME;
  ws.visibility = 'VeryHidden';
  await context.sync();
}
