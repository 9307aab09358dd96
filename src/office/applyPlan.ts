/**
 * Applies a WorkbookPlan to the open workbook inside one Excel.run, so that a failure half-way leaves the previous
 * results and the dealer's sheets as they were:
 *  1. check every column write against the grids as read (a dealer's cell is never overwritten);
 *  2. build every planned sheet, and the new state sheet, under temporary names ('~cd_tmp_1' …, hidden);
 *  3. write the classification columns (row blocks), remembering what to put back;
 *  4. swap in one sync: delete the old ChurnDesk sheets this plan replaces and the old state sheet, rename the new
 *     sheets and tables into place, make the state sheet very hidden;
 *  5. add native PivotTables on their final sheets (ExcelApi 1.8; otherwise the cross-tab was written in step 2).
 * Any error before step 4 deletes the temporary sheets and restores the column area from the grids as read.
 * Syncs: a constant per sheet plus one per row block (`SyncStats.blockSyncs`), never per row or cell.
 */
import { STATE_SHEET_NAME, type Grid, type PivotSpec, type WorkbookPlan, type WorkbookState } from '../core/plan/types';
import { uniqueSheetName } from '../core/plan/names';
import type { Locale } from '../core/settings/settings';
import type { Capabilities } from './capabilities';
import type { ChunkPolicy } from './chunks';
import { applyPivotFilters, buildSheet, queuePivot, type BuiltSheet } from './buildSheet';
import { checkColumnWrite, rollbackColumnWrite, writeColumns, type ColumnUndo, type TableExtent } from './columnWrites';
import { queueStateSheet } from './state';
import type { Syncer } from './syncer';
import { sheetTitle, stillOwned } from '../core/state/ownership';

export const TEMP_PREFIX = '~cd_tmp_';

/** The error of the last failed PivotTable sync (diagnostics; the run itself succeeds with a note). */
export let lastPivotError: unknown = null;

export interface ApplyOptions {
  previousState: WorkbookState;
  caps: Capabilities;
  locale: Locale;
  /** The source sheets as read, by name (overwrite check, rollback, cross-tab fallback). */
  grids: Map<string, Grid>;
  policy?: ChunkPolicy;
  /** Replace only these owned keys (default: the plan's sheet keys). */
  onProgress?: (fraction: number) => void;
}

export interface ApplyResult {
  sheetsWritten: string[];
  state: WorkbookState;
  /** i18n keys of notes (skipped features). */
  notes: string[];
}

/** The classified grid of a sheet: the grid as read with the plan's columns laid over it (cross-tab fallback only). */
function classifiedGrid(plan: WorkbookPlan, grids: Map<string, Grid>, sheet: string): Grid | undefined {
  const base = grids.get(sheet);
  if (!base) return undefined;
  const writes = plan.columnWrites.filter((w) => w.sheet === sheet);
  if (!writes.length) return base;
  const rows = base.map((r) => [...r]);
  for (const w of writes) {
    const ensure = (r: number) => (rows[r] ??= []);
    w.columns.forEach((c, j) => {
      ensure(w.headerRow)[w.startColumn + j] = c.header;
      c.values.forEach((v, i) => (ensure(w.firstDataRow + i)[w.startColumn + j] = v));
    });
  }
  return rows;
}

async function listSheetsAndTables(syncer: Syncer, needTables: boolean): Promise<{ names: string[]; tables: TableExtent[] }> {
  const context = syncer.context;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  if (needTables) tables.load('items/name');
  await syncer.sync();
  const names = sheets.items.map((s) => s.name);
  if (!needTables || tables.items.length === 0) return { names, tables: [] };
  const parts = tables.items.map((t) => {
    const r = t.getRange();
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    const ws = t.worksheet;
    ws.load('name');
    return { t, r, ws };
  });
  await syncer.sync();
  return {
    names,
    tables: parts.map(({ t, r, ws }) => ({ name: t.name, sheet: ws.name, rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount })),
  };
}

/** Applies `plan`; see the file comment for the order and the guarantees. */
export async function applyPlan(syncer: Syncer, plan: WorkbookPlan, options: ApplyOptions): Promise<ApplyResult> {
  const context = syncer.context;
  const previous = options.previousState;
  const progress = options.onProgress ?? (() => undefined);

  // 1. Check every column write before anything is written.
  const undos: ColumnUndo[] = plan.columnWrites.map((w) => checkColumnWrite(w, options.grids.get(w.sheet) ?? [], previous.ownedColumns[w.sheet]));

  const { names: existing, tables } = await listSheetsAndTables(syncer, true);
  // Titles (A1) of the sheets recorded as ours: a recorded sheet whose title the user replaced is theirs now.
  const recordedA1 = new Map<string, Excel.Range>();
  for (const [key, name] of Object.entries(previous.ownedSheets)) {
    if (!existing.includes(name) || !previous.ownedSheetTitles || !(key in previous.ownedSheetTitles)) continue;
    const r = context.workbook.worksheets.getItem(name).getRange('A1');
    r.load('values');
    recordedA1.set(key, r);
  }
  if (recordedA1.size) await syncer.sync();
  const ownedNow = (key: string, name: string): boolean =>
    existing.includes(name) && stillOwned(previous, key, recordedA1.get(key)?.values[0]?.[0]);
  // Temporary sheets left by a run that died (closed window) are removed first.
  const stale = existing.filter((n) => n.startsWith(TEMP_PREFIX));
  for (const n of stale) context.workbook.worksheets.getItem(n).delete();

  const built: BuiltSheet[] = [];
  const started: ColumnUndo[] = [];
  let tableCounter = 0;
  const notes = new Set<string>();
  const tempState = `${TEMP_PREFIX}state`;
  try {
    // 2. New sheets under temporary names.
    const total = plan.sheets.length + plan.columnWrites.length + 1;
    for (const [i, spec] of plan.sheets.entries()) {
      const b = await buildSheet(spec, `${TEMP_PREFIX}${i + 1}`, {
        syncer,
        caps: options.caps,
        locale: options.locale,
        policy: options.policy,
        sourceGrid: (sheet) => classifiedGrid(plan, options.grids, sheet),
        tempTableName: () => `CDtmp_${++tableCounter}`,
      });
      built.push(b);
      b.notes.forEach((n) => notes.add(n));
      progress((i + 1) / total);
    }

    // The state as it will be after the swap.
    const replacedKeys = new Set(plan.sheets.map((s) => s.key));
    const deleted = new Set<string>();
    for (const key of replacedKeys) {
      const name = previous.ownedSheets[key];
      if (name && ownedNow(key, name)) deleted.add(name);
    }
    const remaining = existing.filter((n) => !deleted.has(n) && !stale.includes(n));
    const taken = [...remaining, STATE_SHEET_NAME];
    const finalNames = plan.sheets.map((spec) => {
      const name = uniqueSheetName(spec.name, taken);
      taken.push(name);
      return name;
    });
    const ownedSheets: Record<string, string> = {};
    const ownedSheetTitles: Record<string, string> = {};
    for (const [key, name] of Object.entries({ ...previous.ownedSheets, ...plan.state.ownedSheets })) {
      if (!replacedKeys.has(key) && remaining.includes(name) && ownedNow(key, name)) {
        ownedSheets[key] = name;
        const title = previous.ownedSheetTitles?.[key];
        if (title !== undefined) ownedSheetTitles[key] = title;
      }
    }
    plan.sheets.forEach((spec, i) => {
      ownedSheets[spec.key] = finalNames[i];
      ownedSheetTitles[spec.key] = sheetTitle(spec);
    });
    const ownedColumns: WorkbookState['ownedColumns'] = { ...previous.ownedColumns, ...plan.state.ownedColumns };
    for (const w of plan.columnWrites) {
      ownedColumns[w.sheet] = { headerRow: w.headerRow, startColumn: w.startColumn, headers: w.columns.map((c) => c.header) };
    }
    const state: WorkbookState = { ...plan.state, ownedSheets, ownedSheetTitles, ownedColumns };
    syncer.begin();
    queueStateSheet(context, state, tempState);
    await syncer.sync();

    // 3. Classification columns beside the dealer's data.
    for (const [k, w] of plan.columnWrites.entries()) {
      const owned = previous.ownedColumns[w.sheet];
      const table = tables.find(
        (t) => t.sheet === w.sheet && t.rowIndex === w.headerRow && t.columnIndex < w.startColumn && t.columnIndex + t.columnCount >= w.startColumn,
      );
      started.push(undos[k]);
      await writeColumns(syncer, w, undos[k], owned, table, options.caps, options.policy);
      progress((plan.sheets.length + k + 1) / total);
    }

    // 4. The swap: one sync.
    syncer.begin();
    const sheets = context.workbook.worksheets;
    for (const name of deleted) sheets.getItem(name).delete();
    if (existing.includes(STATE_SHEET_NAME)) sheets.getItem(STATE_SHEET_NAME).delete();
    // Table names are unique across the workbook; the old sheets' tables go with their sheets.
    const usedTableNames = new Set(tables.filter((t) => !deleted.has(t.sheet)).map((t) => t.name.toLowerCase()));
    built.forEach((b, i) => {
      const ws = sheets.getItem(b.tempName);
      ws.name = finalNames[i];
      ws.visibility = 'Visible';
      for (const t of b.tables) {
        let name = t.final;
        for (let n = 2; usedTableNames.has(name.toLowerCase()); n++) name = `${t.final}_${n}`;
        usedTableNames.add(name.toLowerCase());
        context.workbook.tables.getItem(t.temp).name = name;
      }
    });
    const st = sheets.getItem(tempState);
    st.name = STATE_SHEET_NAME;
    st.visibility = 'VeryHidden';
    await syncer.sync();

    // 5. Native PivotTables, now that names are final. A failure here leaves everything else in place.
    const pivots: { sheet: string; pivot: PivotSpec }[] = [];
    built.forEach((b, i) => b.pivots.forEach((p) => pivots.push({ sheet: finalNames[i], pivot: p })));
    if (pivots.length) {
      // Pivots and their filter fields' items in one sync, then every pivot's 重复 filter in one more (ExcelApi 1.12).
      const filters = pivots.map(({ sheet, pivot }) => queuePivot(context, sheet, pivot, options.caps.pivotFilters));
      try {
        await syncer.sync();
        for (const n of await applyPivotFilters(syncer, filters)) notes.add(n);
      } catch (e) {
        notes.add('office.note.pivotFailed');
        lastPivotError = e;
      }
    }
    progress(1);
    return { sheetsWritten: finalNames, state, notes: [...notes] };
  } catch (error) {
    await rollback(syncer.unsignalled(), built, started, options.grids, tempState, options.policy);
    throw error;
  }
}

/** Deletes the temporary sheets and restores the column areas; errors here are swallowed (the first one matters). */
async function rollback(syncer: Syncer, built: BuiltSheet[], started: ColumnUndo[], grids: Map<string, Grid>, tempState: string, policy?: ChunkPolicy): Promise<void> {
  const context = syncer.context;
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncer.sync();
    for (const s of sheets.items) if (s.name.startsWith(TEMP_PREFIX) || s.name === tempState) s.delete();
    await syncer.sync();
  } catch {
    // The next run removes leftover temporary sheets.
  }
  for (const undo of started) {
    try {
      await rollbackColumnWrite(syncer, undo, grids.get(undo.sheet) ?? [], policy);
    } catch {
      // Keep restoring the other sheets.
    }
  }
  void built;
}
