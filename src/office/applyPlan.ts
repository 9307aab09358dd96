/**
 * Applies a WorkbookPlan to the open workbook inside one Excel.run: all or nothing for everything required, by
 * construction.
 *
 * REQUIRED (any failure or cancel here puts the workbook back exactly as it was):
 *  1. check every column write against the grids as read (a dealer's cell is never overwritten);
 *  2. build every planned sheet's required content (cells, tables, widths, freeze panes, print setup, cross-tabs),
 *     and the new state sheet, under temporary names ('~cd_tmp_1' …, hidden);
 *  3. write the classification columns' values and number formats (row blocks), remembering what to put back —
 *     only now, after every sheet is complete;
 *  4. the swap, ONE sync: clear the old rules over ChurnDesk's columns and style them, delete the old ChurnDesk
 *     sheets this plan replaces and the old state sheet, rename the new sheets and tables into place, make the state
 *     sheet very hidden. After this sync the refresh has succeeded; a cancel arriving later is ignored.
 * OPTIONAL (after the swap; each step only adds to sheets and columns ChurnDesk owns, in its own sync; a failure
 * becomes one localised note and is never undone or reported as a failed refresh):
 *  5. data validations, 6. conditional formats, 7. charts, 8. native PivotTables, 9. their filters (ExcelApi 1.12).
 * Errors leave as ChurnDeskErrors naming the step (params.step, localised) with the technical detail in
 * `diagnostic` only.
 * Syncs: a constant per sheet plus one per row block (`SyncStats.blockSyncs`), never per row or cell.
 */
import { STATE_SHEET_NAME, type Grid, type PivotSpec, type WorkbookPlan, type WorkbookState } from '../core/plan/types';
import { uniqueSheetName } from '../core/plan/names';
import type { Locale } from '../core/settings/settings';
import type { Capabilities } from './capabilities';
import type { ChunkPolicy } from './chunks';
import { applyPivotFilters, buildSheet, queueCharts, queuePivot, queueSheetConditionalFormats, queueSheetValidations, type BuiltSheet } from './buildSheet';
import {
  checkColumnWrite,
  queueColumnConditionalFormats,
  queueColumnFinish,
  queueColumnValidations,
  rollbackColumnWrite,
  writeColumns,
  type ColumnUndo,
  type TableExtent,
} from './columnWrites';
import { technicalDetail, throwIfAborted, toChurnDeskError } from './errors';
import { t } from '../i18n';
import { queueStateSheet } from './state';
import { Syncer } from './syncer';
import { sheetTitle, stillOwned } from '../core/state/ownership';

export const TEMP_PREFIX = '~cd_tmp_';

/** The technical detail of the optional steps that failed in the last apply (diagnostics; the run succeeded). */
export let lastOptionalErrors: { step: string; detail: string }[] = [];

export interface ApplyOptions {
  previousState: WorkbookState;
  caps: Capabilities;
  locale: Locale;
  /** The source sheets as read, by name (overwrite check, rollback, cross-tab fallback). */
  grids: Map<string, Grid>;
  policy?: ChunkPolicy;
  /** Cancels the refresh; honoured at the start of every write batch up to the swap, never after it. */
  signal?: AbortSignal;
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

/**
 * The syncer of the required phase: cancellation is checked when a write batch BEGINS (before anything is queued),
 * not when it syncs. A batch refused at sync time would stay queued and ride along with the rollback's first sync —
 * for the swap, that would commit the refresh the user just cancelled.
 */
class BatchSyncer extends Syncer {
  constructor(
    base: Syncer,
    caps: Capabilities,
    private readonly cancel: AbortSignal | undefined,
  ) {
    super(base.context, caps, base.stats);
  }
  override begin(): void {
    throwIfAborted(this.cancel);
    super.begin();
  }
}

/** An optional step: queue (may throw), then one sync; a failure becomes `note`. */
interface OptionalStep {
  id: string;
  note: string;
  queue: () => number;
}

/** Applies `plan`; see the file comment for the order and the guarantees. */
export async function applyPlan(outer: Syncer, plan: WorkbookPlan, options: ApplyOptions): Promise<ApplyResult> {
  const syncer = new BatchSyncer(outer, options.caps, options.signal);
  const context = syncer.context;
  const previous = options.previousState;
  const locale = options.locale;
  const progress = options.onProgress ?? (() => undefined);
  /** What is being done now, for the error: a localised phrase and a stable id for the diagnostic. */
  let step = { text: t(locale, 'office.step.prepare'), id: 'prepare' };
  const at = (key: string, id: string, params?: Record<string, string | number>) => (step = { text: t(locale, key, params), id });

  // 1. Check every column write before anything is written.
  const undos: ColumnUndo[] = plan.columnWrites.map((w) => checkColumnWrite(w, options.grids.get(w.sheet) ?? [], previous.ownedColumns[w.sheet]));

  const built: BuiltSheet[] = [];
  const started: ColumnUndo[] = [];
  let tableCounter = 0;
  const notes = new Set<string>();
  const tempState = `${TEMP_PREFIX}state`;
  let finalNames: string[] = [];
  let state: WorkbookState;
  try {
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
    // Temporary sheets left by a run that died (closed window) are removed with the first build's sync.
    const stale = existing.filter((n) => n.startsWith(TEMP_PREFIX));
    for (const n of stale) context.workbook.worksheets.getItem(n).delete();

    // 2. New sheets under temporary names: required content only.
    const total = plan.sheets.length + plan.columnWrites.length + 1;
    for (const [i, spec] of plan.sheets.entries()) {
      at('office.step.buildSheet', `build:${spec.key}`, { sheet: spec.name });
      const b = await buildSheet(spec, `${TEMP_PREFIX}${i + 1}`, {
        syncer,
        caps: options.caps,
        locale,
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
    finalNames = plan.sheets.map((spec) => {
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
    state = { ...plan.state, ownedSheets, ownedSheetTitles, ownedColumns };
    at('office.step.state', 'state');
    syncer.begin();
    queueStateSheet(context, state, tempState);
    await syncer.sync();

    // 3. Classification columns beside the dealer's data: only now that every new sheet is complete.
    for (const [k, w] of plan.columnWrites.entries()) {
      at('office.step.columns', `columns:${w.sheet}`, { sheet: w.sheet });
      const owned = previous.ownedColumns[w.sheet];
      const table = tables.find(
        (tb) => tb.sheet === w.sheet && tb.rowIndex === w.headerRow && tb.columnIndex < w.startColumn && tb.columnIndex + tb.columnCount >= w.startColumn,
      );
      started.push(undos[k]);
      await writeColumns(syncer, w, undos[k], owned, table, options.policy);
      progress((plan.sheets.length + k + 1) / total);
    }

    // 4. The swap: one sync.
    at('office.step.swap', 'swap');
    syncer.begin();
    plan.columnWrites.forEach((w, k) => queueColumnFinish(context, w, undos[k], options.caps));
    const sheets = context.workbook.worksheets;
    for (const name of deleted) sheets.getItem(name).delete();
    if (existing.includes(STATE_SHEET_NAME)) sheets.getItem(STATE_SHEET_NAME).delete();
    // Table names are unique across the workbook; the old sheets' tables go with their sheets.
    const usedTableNames = new Set(tables.filter((tb) => !deleted.has(tb.sheet)).map((tb) => tb.name.toLowerCase()));
    built.forEach((b, i) => {
      const ws = sheets.getItem(b.tempName);
      ws.name = finalNames[i];
      ws.visibility = 'Visible';
      for (const tb of b.tables) {
        let name = tb.final;
        for (let n = 2; usedTableNames.has(name.toLowerCase()); n++) name = `${tb.final}_${n}`;
        usedTableNames.add(name.toLowerCase());
        context.workbook.tables.getItem(tb.temp).name = name;
      }
    });
    const st = sheets.getItem(tempState);
    st.name = STATE_SHEET_NAME;
    st.visibility = 'VeryHidden';
    await syncer.sync();
  } catch (error) {
    const failure = toChurnDeskError(error);
    await rollback(syncer.unsignalled(), started, options.grids, tempState, options.policy);
    throw failure.code === 'cancelled' || failure.code === 'overwriteRefused' ? failure : failure.during(step.text, step.id);
  }

  // Committed. Optional steps: unsignalled (the refresh is done; a cancel now changes nothing), each on its own.
  const after = syncer.unsignalled();
  lastOptionalErrors = [];
  for (const n of await runOptionalSteps(after, optionalSteps(context, plan, built, finalNames, options))) notes.add(n);
  await pivotSteps(after, built, finalNames, options, notes);
  progress(1);
  return { sheetsWritten: finalNames, state, notes: [...notes] };
}

/** The optional steps that only add: validations, conditional formats, charts (each skipped when empty). */
function optionalSteps(context: Excel.RequestContext, plan: WorkbookPlan, built: BuiltSheet[], finalNames: string[], options: ApplyOptions): OptionalStep[] {
  const steps: OptionalStep[] = [];
  const sheet = (i: number) => context.workbook.worksheets.getItem(finalNames[i]);
  if (options.caps.dataValidation) {
    steps.push({
      id: 'validations',
      note: 'office.note.validationFailed',
      queue: () => {
        let n = 0;
        built.forEach((b, i) => (n += queueSheetValidations(sheet(i), b)));
        for (const w of plan.columnWrites) n += queueColumnValidations(context, w);
        return n;
      },
    });
  }
  if (options.caps.conditionalFormats) {
    steps.push({
      id: 'conditionalFormats',
      note: 'office.note.conditionalFormatFailed',
      queue: () => {
        let n = 0;
        built.forEach((b, i) => (n += queueSheetConditionalFormats(sheet(i), b.spec)));
        for (const w of plan.columnWrites) n += queueColumnConditionalFormats(context, w);
        return n;
      },
    });
  }
  steps.push({
    id: 'charts',
    note: 'office.note.chartFailed',
    queue: () => {
      let n = 0;
      built.forEach((b, i) => (n += queueCharts(sheet(i), b.spec, b.tableRows, options.caps)));
      return n;
    },
  });
  return steps;
}

/**
 * Runs each step in its own sync. A step whose queueing throws half-way still syncs what it queued (Office.js
 * cannot take queued commands back; they would otherwise ride along with the next step's sync), then notes.
 */
async function runOptionalSteps(syncer: Syncer, steps: OptionalStep[]): Promise<string[]> {
  const notes: string[] = [];
  for (const s of steps) {
    let queued = 0;
    let failure: unknown = null;
    try {
      queued = s.queue();
    } catch (e) {
      failure = e;
    }
    if (queued > 0 || failure !== null) {
      try {
        await syncer.sync();
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure !== null) {
      notes.push(s.note);
      lastOptionalErrors.push({ step: s.id, detail: technicalDetail(failure) });
    }
  }
  return notes;
}

/** Native PivotTables (one sync for all) and their 重复 filters (one more, ExcelApi 1.12), now that names are final. */
async function pivotSteps(syncer: Syncer, built: BuiltSheet[], finalNames: string[], options: ApplyOptions, notes: Set<string>): Promise<void> {
  const pivots: { sheet: string; pivot: PivotSpec }[] = [];
  built.forEach((b, i) => b.pivots.forEach((p) => pivots.push({ sheet: finalNames[i], pivot: p })));
  if (!pivots.length) return;
  const filters: ReturnType<typeof queuePivot>[] = [];
  let failure: unknown = null;
  for (const { sheet, pivot } of pivots) {
    try {
      filters.push(queuePivot(syncer.context, sheet, pivot, options.caps.pivotFilters));
    } catch (e) {
      failure ??= e;
    }
  }
  try {
    await syncer.sync();
  } catch (e) {
    failure ??= e;
  }
  if (failure !== null) {
    notes.add('office.note.pivotFailed');
    lastOptionalErrors.push({ step: 'pivots', detail: technicalDetail(failure) });
    return;
  }
  try {
    for (const n of await applyPivotFilters(syncer, filters)) notes.add(n);
  } catch (e) {
    notes.add('office.note.pivotFilterFailed');
    lastOptionalErrors.push({ step: 'pivotFilters', detail: technicalDetail(e) });
  }
}

/**
 * Deletes the temporary sheets (and the temporary state sheet) and restores the column areas from the grids as
 * read. Unsignalled: a cancel must not stop the clean-up. Errors here are swallowed (the first one matters).
 */
async function rollback(syncer: Syncer, started: ColumnUndo[], grids: Map<string, Grid>, tempState: string, policy?: ChunkPolicy): Promise<void> {
  const context = syncer.context;
  for (const undo of started) {
    try {
      await rollbackColumnWrite(syncer, undo, grids.get(undo.sheet) ?? [], policy);
    } catch {
      // Keep restoring the other sheets.
    }
  }
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncer.sync();
    let n = 0;
    for (const s of sheets.items) {
      if (s.name.startsWith(TEMP_PREFIX) || s.name === tempState) {
        s.delete();
        n++;
      }
    }
    if (n) await syncer.sync();
  } catch {
    // The next run removes leftover temporary sheets.
  }
}
