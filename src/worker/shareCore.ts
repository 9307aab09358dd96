/**
 * The worker's half of 分享: mask every sheet (src/core/share/maskWorkbook) and write the share-safe .xlsx
 * (src/xlsx/gridWorkbook), returned as base64 for Excel.createWorkbook. Pure; runs in the Web Worker.
 *
 * The summary sheets' charts and PivotTables (Office.js cannot hand them over) are re-derived: the state sheet
 * records the settings, mappings, sheets and analysis date of the last refresh, so the core is run again on this
 * workbook's (unmasked) sheets with them, and src/xlsx/shareParts.ts keeps only what the workbook still shows.
 */
import { analyseWorkbook } from '../core/analyse';
import { STATE_SHEET_NAME, type WorkbookState } from '../core/plan/types';
import { resolveSettings } from '../core/settings/settings';
import { firstCells, followRenamedSheets } from '../core/state/ownership';
import { stateFromGrid } from '../core/state/stateSheet';
import { parseIso } from '../core/values/dates';
import type { ShareRequest, ShareResponse } from '../office/shareSafe';
import { shareSafeFromGrids, type SharePlan } from '../xlsx/shareGridWorkbook';
import { toBase64 } from '../xlsx/storedZip';

/**
 * The plan the last refresh applied, as the core derives it again; undefined when the workbook has no product
 * sheets, no recorded analysis date, or the core cannot analyse it now (the copy then has its cells only).
 */
export function lastRefreshPlan(sheets: ShareRequest['sheets']): SharePlan | undefined {
  const stored = stateFromGrid(sheets.find((s) => s.name === STATE_SHEET_NAME)?.grid);
  const asOf = stored?.lastRun?.at ? parseIso(stored.lastRun.at) : null;
  if (!stored || !asOf || !Object.keys(stored.ownedSheets).length) return undefined;
  const inputs = sheets.filter((s) => s.name !== STATE_SHEET_NAME).map((s) => ({ name: s.name, grid: s.grid }));
  // As a refresh reads it: a recorded sheet the user renamed is followed by its title.
  const state: WorkbookState = followRenamedSheets(stored, firstCells(inputs));
  try {
    const plan = analyseWorkbook(inputs, { state, asOf });
    return { plan, state, locale: resolveSettings(state.settings).language };
  } catch {
    return undefined;
  }
}

/** @example buildShareFile({ sheets: [{ name: 'S', grid: [['车主'], ['王小明']], visibility: 'Visible', columnFormats: [] }], extraPersonalHeaders: [] }).maskedCells // 1 */
export function buildShareFile(req: ShareRequest): ShareResponse {
  const result = shareSafeFromGrids(
    req.sheets.map((s) => ({ name: s.name, grid: s.grid, visibility: s.visibility, columnFormats: s.columnFormats })),
    { extraPersonalHeaders: req.extraPersonalHeaders },
    lastRefreshPlan(req.sheets),
  );
  return { base64: toBase64(result.file), maskedCells: result.maskedCells, bytes: result.file.length, charts: result.charts, pivots: result.pivots, staleCharts: result.staleCharts };
}
