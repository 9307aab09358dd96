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
import { uniqueSheetName, uniqueTableName } from '../core/plan/names';
import type { Locale } from '../core/settings/settings';
import type { Capabilities } from './capabilities';
import type { ChunkPolicy } from './chunks';
import { applyPivotFilters, buildSheet, hidePivotBlankItems, rowsToWrite, queueBlankItems, queueCharts, queuePivot, queueSheetConditionalFormats, queueSheetValidations, type BuiltSheet } from './buildSheet';
import {
  checkColumnWrite,
  keepSnapshot,
  queueColumnConditionalFormats,
  queueSnapshot,
  queueColumnFinish,
  queueColumnValidations,
  rollbackColumnWrite,
  columnRowsToWrite,
  writeColumns,
  type ColumnUndo,
  type TableExtent,
} from './columnWrites';
import { technicalDetail, throwIfAborted, toChurnDeskError } from './errors';
import { t } from '../i18n';
import { queueStateSheet } from './state';
import { Syncer } from './syncer';
import { followRenamedSheets, ownedArea, sheetNameFor, sheetTitle, stillOwned } from '../core/state/ownership';

import { TEMP_PREFIX } from './tempNames';

export { TEMP_PREFIX };

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
  // Followed below: a summary sheet the user renamed is updated in place, under the user's name.
  let previous = options.previousState;
  const locale = options.locale;
  const progress = options.onProgress ?? (() => undefined);
  /** What is being done now, for the error: a localised phrase and a stable id for the diagnostic. */
  let step = { text: t(locale, 'office.step.prepare'), id: 'prepare' };
  const at = (key: string, id: string, params?: Record<string, string | number>) => (step = { text: t(locale, key, params), id });

  // 1. Check every column write before anything is written.
  const undos: ColumnUndo[] = plan.columnWrites.map((w) => checkColumnWrite(w, options.grids.get(w.sheet) ?? [], ownedArea(w, previous)));

  const built: BuiltSheet[] = [];
  const started: ColumnUndo[] = [];
  let tableCounter = 0;
  const notes = new Set<string>();
  const tempState = `${TEMP_PREFIX}state`;
  let finalNames: string[] = [];
  let state: WorkbookState;
  let swap: Swap | null = null;
  try {
    const { names: existing, tables } = await listSheetsAndTables(syncer, true);
    const stale = existing.filter((n) => n.startsWith(TEMP_PREFIX));
    // Titles (A1) of the sheets recorded as ours (a recorded sheet whose title the user replaced is theirs now) and,
    // when a recorded sheet is missing by name, of every other sheet: the user may have renamed it (one sync).
    const titled = previous.ownedSheetTitles ?? {};
    const recordedNames = new Set(Object.entries(previous.ownedSheets).filter(([key]) => key in titled).map(([, name]) => name));
    const anyMissing = Object.entries(previous.ownedSheets).some(([key, name]) => key in titled && !existing.includes(name));
    const a1Ranges = new Map<string, Excel.Range>();
    for (const name of existing) {
      if (stale.includes(name) || name === STATE_SHEET_NAME || !(recordedNames.has(name) || anyMissing)) continue;
      const r = context.workbook.worksheets.getItem(name).getRange('A1');
      r.load('values');
      a1Ranges.set(name, r);
    }
    if (a1Ranges.size) await syncer.sync();
    const a1 = new Map<string, unknown>(existing.map((name) => [name, a1Ranges.get(name)?.values[0]?.[0] ?? '']));
    previous = followRenamedSheets(previous, a1);
    const ownedNow = (key: string, name: string): boolean => existing.includes(name) && stillOwned(previous, key, a1.get(name));
    // Temporary sheets left by a run that died (closed window) are removed with the first build's sync.
    for (const n of stale) context.workbook.worksheets.getItem(n).delete();

    // The names the new sheets will have after the swap, known before they are built: a link to a sheet (the
    // 目录's) names the sheet as it will be.
    const replacedKeys = new Set(plan.sheets.map((s) => s.key));
    const deleted = new Set<string>();
    for (const key of replacedKeys) {
      const name = previous.ownedSheets[key];
      if (name && ownedNow(key, name)) deleted.add(name);
    }
    const remaining = existing.filter((n) => !deleted.has(n) && !stale.includes(n));
    const taken = [...remaining, STATE_SHEET_NAME];
    // A sheet the user renamed keeps the user's name (sheetNameFor), recorded in renamedSheets.
    const renamedSheets: Record<string, string> = {};
    finalNames = plan.sheets.map((spec) => {
      const desired = sheetNameFor(spec.key, spec.name, previous);
      const name = uniqueSheetName(desired, taken);
      taken.push(name);
      if (desired !== spec.name && name === desired) renamedSheets[spec.key] = name;
      return name;
    });
    const linkTargets = new Map<string, string>();
    for (const [key, name] of Object.entries(previous.ownedSheets)) if (remaining.includes(name) && ownedNow(key, name)) linkTargets.set(key, name);
    plan.sheets.forEach((spec, i) => linkTargets.set(spec.key, finalNames[i]));

    // 2. New sheets under temporary names: required content only.
    // Progress counts rows of values written (the work, and what the 5 MB limit chunks), not steps: a 650,000-row
    // 招揽名单 and a 20-cell summary were one step each, so the bar stood still for most of the time and then jumped.
    // The last 1% is the swap and the optional steps after it (progress(1) at the very end).
    const totalRows = plan.sheets.reduce((n, spec) => n + rowsToWrite(spec), 0) + plan.columnWrites.reduce((n, w) => n + columnRowsToWrite(w), 0);
    let rowsWritten = 0;
    const wrote = (rows: number) => {
      rowsWritten += rows;
      progress((0.99 * Math.min(rowsWritten, totalRows)) / Math.max(1, totalRows));
    };
    for (const [i, spec] of plan.sheets.entries()) {
      at('office.step.buildSheet', `build:${spec.key}`, { sheet: spec.name });
      const b = await buildSheet(spec, `${TEMP_PREFIX}${i + 1}`, {
        syncer,
        caps: options.caps,
        locale,
        policy: options.policy,
        sourceGrid: (sheet) => classifiedGrid(plan, options.grids, sheet),
        tempTableName: () => `CDtmp_${++tableCounter}`,
        linkTarget: (key) => linkTargets.get(key),
        onRowsWritten: wrote,
      });
      built.push(b);
      b.notes.forEach((n) => notes.add(n));
    }

    // The state as it will be after the swap.
    const ownedSheets: Record<string, string> = {};
    const ownedSheetTitles: Record<string, string> = {};
    // The followed names win over a plan made on the state as read (a renamed sheet this plan does not replace).
    for (const [key, name] of Object.entries({ ...plan.state.ownedSheets, ...previous.ownedSheets })) {
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
    state = { ...plan.state, ownedSheets, ownedSheetTitles, ownedColumns, ...(Object.keys(renamedSheets).length ? { renamedSheets } : {}) };
    at('office.step.state', 'state');
    syncer.begin();
    queueStateSheet(context, state, tempState);
    // The number formats the column writes will touch, read before the first of them (see queueSnapshot).
    const snaps = undos.map((u) => queueSnapshot(context, u));
    await syncer.sync();
    undos.forEach((u, k) => keepSnapshot(u, snaps[k]));

    // 3. Classification columns beside the dealer's data: only now that every new sheet is complete.
    for (const [k, w] of plan.columnWrites.entries()) {
      at('office.step.columns', `columns:${w.sheet}`, { sheet: w.sheet });
      const owned = ownedArea(w, previous);
      const table = tables.find(
        (tb) => tb.sheet === w.sheet && tb.rowIndex === w.headerRow && tb.columnIndex < w.startColumn && tb.columnIndex + tb.columnCount >= w.startColumn,
      );
      started.push(undos[k]);
      await writeColumns(syncer, w, undos[k], owned, table, options.policy, wrote);
    }

    // 4. The swap: one sync, ordered so that whatever prefix of it Excel applied before a failure can be undone or
    // completed (Office.js applies a batch's operations in order and rolls none back): the old sheets, their tables
    // and the old state are first renamed aside, then the new ones take their names, then the old ones are deleted,
    // and last come the column styles and the clearing of the old rules (the only operations no rollback restores).
    at('office.step.swap', 'swap');
    const usedTableNames = new Set(tables.filter((tb) => !deleted.has(tb.sheet)).map((tb) => tb.name.toLowerCase()));
    const allTableNames = new Set(tables.map((tb) => tb.name.toLowerCase()));
    let aside = 0;
    swap = {
      sheetsAside: [...deleted].map((name, i) => ({ name, aside: `${TEMP_PREFIX}old_${i + 1}` })),
      tablesAside: tables
        .filter((tb) => deleted.has(tb.sheet))
        .map((tb) => {
          let name = `CDold_${++aside}`;
          while (allTableNames.has(name.toLowerCase())) name = `CDold_${++aside}`;
          return { name: tb.name, aside: name };
        }),
      stateAside: existing.includes(STATE_SHEET_NAME) ? `${TEMP_PREFIX}old_state` : null,
      newSheets: built.map((b, i) => ({ temp: b.tempName, final: finalNames[i] })),
      // The core chose names against the workbook's; what remains after the deletes is the final word (the same rule).
      newTables: built.flatMap((b) =>
        b.tables.map((tb) => {
          const name = uniqueTableName(tb.final, usedTableNames);
          usedTableNames.add(name.toLowerCase());
          return { temp: tb.temp, final: name };
        }),
      ),
      tempState,
    };
    syncer.begin();
    queueSwap(context, swap);
    plan.columnWrites.forEach((w, k) => queueColumnFinish(context, w, undos[k], options.caps));
    try {
      await syncer.sync();
    } catch (e) {
      // Every new sheet has its name: the swap went through but for the deletes or the column styles. Complete it.
      if (!(await completeSwap(syncer.unsignalled(), swap, () => plan.columnWrites.forEach((w, k) => queueColumnFinish(context, w, undos[k], options.caps))))) throw e;
    }
  } catch (error) {
    const failure = toChurnDeskError(error);
    await rollback(syncer.unsignalled(), started, options.grids, tempState, options.policy, swap);
    throw failure.code === 'cancelled' || failure.code === 'overwriteRefused' ? failure : failure.during(step.text, step.id);
  }

  // Committed. Optional steps: unsignalled (the refresh is done; a cancel now changes nothing), each on its own.
  const after = syncer.unsignalled();
  lastOptionalErrors = [];
  for (const n of await runOptionalSteps(after, optionalSteps(context, plan, built, finalNames, options))) notes.add(n);
  await pivotSteps(after, built, finalNames, options, notes, (sheet) => classifiedGrid(plan, options.grids, sheet));
  const first = plan.sheets.findIndex((spec) => spec.firstOfProduct);
  if (first >= 0) await placeFirstOfProduct(after, finalNames[first], new Set(Object.values(state.ownedSheets)));
  progress(1);
  return { sheetsWritten: finalNames, state, notes: [...notes] };
}

/**
 * After the swap: moves sheet `name` just before the first other sheet ChurnDesk owns when one comes earlier (a form
 * a previous run wrote). Only reorders; the dealer's sheets keep their order. A failure changes nothing that matters.
 */
async function placeFirstOfProduct(syncer: Syncer, name: string, owned: Set<string>): Promise<void> {
  try {
    const sheets = syncer.context.workbook.worksheets;
    sheets.load('items/name,items/position');
    await syncer.sync();
    const me = sheets.items.find((s) => s.name === name);
    const other = sheets.items.find((s) => s.name !== name && owned.has(s.name));
    if (!me || !other || other.position > me.position) return;
    me.position = other.position;
    await syncer.sync();
  } catch {
    // The order of tabs is a convenience: the refresh is complete without it.
  }
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

/**
 * Native PivotTables (one sync for all), their 重复 filters (one more, ExcelApi 1.12) and their hidden (空白) items
 * (two more, ExcelApi 1.8, only when a source column has blanks), now that names are final.
 */
async function pivotSteps(syncer: Syncer, built: BuiltSheet[], finalNames: string[], options: ApplyOptions, notes: Set<string>, sourceGrid: (sheet: string) => Grid | undefined): Promise<void> {
  const pivots: { sheet: string; pivot: PivotSpec }[] = [];
  built.forEach((b, i) => b.pivots.forEach((p) => pivots.push({ sheet: finalNames[i], pivot: p })));
  if (!pivots.length) return;
  const filters: ReturnType<typeof queuePivot>[] = [];
  const axes = pivots.map(() => new Map<string, Excel.RowColumnPivotHierarchy>());
  let failure: unknown = null;
  for (const [i, { sheet, pivot }] of pivots.entries()) {
    try {
      filters.push(queuePivot(syncer.context, sheet, pivot, options.caps.pivotFilters, axes[i]));
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
  // The (空白) items of blank source cells (a customer without a region …): hidden, one load and one set sync for
  // all pivots. Optional: on failure the pivots stay as Excel drew them, and one note says so.
  try {
    const pending = pivots.flatMap(({ pivot }, i) => queueBlankItems(axes[i], pivot, sourceGrid(pivot.source.sheet)));
    if (pending.length) {
      await syncer.sync();
      await hidePivotBlankItems(syncer, pending);
    }
  } catch (e) {
    notes.add('office.note.pivotBlankFailed');
    lastOptionalErrors.push({ step: 'pivotBlankItems', detail: technicalDetail(e) });
  }
}

/** The names the swap moves: old sheets, tables and state aside; new sheets and tables into place. */
interface Swap {
  sheetsAside: { name: string; aside: string }[];
  tablesAside: { name: string; aside: string }[];
  stateAside: string | null;
  newSheets: { temp: string; final: string }[];
  newTables: { temp: string; final: string }[];
  tempState: string;
}

/** Queues the swap's renames and deletes, in the order that keeps every prefix recoverable. No sync. */
function queueSwap(context: Excel.RequestContext, swap: Swap): void {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  for (const t of swap.tablesAside) tables.getItem(t.name).name = t.aside;
  for (const s of swap.sheetsAside) sheets.getItem(s.name).name = s.aside;
  if (swap.stateAside) sheets.getItem(STATE_SHEET_NAME).name = swap.stateAside;
  for (const t of swap.newTables) tables.getItem(t.temp).name = t.final;
  // Visibility before the name: a sheet that has its final name is complete.
  for (const s of swap.newSheets) {
    const ws = sheets.getItem(s.temp);
    ws.visibility = 'Visible';
    ws.name = s.final;
  }
  const st = sheets.getItem(swap.tempState);
  st.visibility = 'VeryHidden';
  st.name = STATE_SHEET_NAME;
  for (const s of swap.sheetsAside) sheets.getItem(s.aside).delete();
  if (swap.stateAside) sheets.getItem(swap.stateAside).delete();
}

async function sheetNames(syncer: Syncer): Promise<Set<string>> {
  const sheets = syncer.context.workbook.worksheets;
  sheets.load('items/name');
  await syncer.sync();
  return new Set(sheets.items.map((s) => s.name));
}

/**
 * After a failed swap sync: when every new sheet and the new state already have their names, the swap went
 * through up to its deletes or the column styles, so the rest (`finish`) is done now and the refresh succeeds.
 * Returns false when the swap must be undone instead (or completing it failed).
 */
async function completeSwap(syncer: Syncer, swap: Swap, finish: () => void): Promise<boolean> {
  try {
    const names = await sheetNames(syncer);
    if (swap.newSheets.some((s) => names.has(s.temp)) || names.has(swap.tempState)) return false;
    for (const s of swap.sheetsAside) if (names.has(s.aside)) syncer.context.workbook.worksheets.getItem(s.aside).delete();
    if (swap.stateAside && names.has(swap.stateAside)) syncer.context.workbook.worksheets.getItem(swap.stateAside).delete();
    finish();
    await syncer.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Undoes what a failed swap applied: the new sheets (their tables with them) and the new state are deleted under
 * whichever name they have; the old sheets, tables and state get their names back.
 */
async function undoSwap(syncer: Syncer, swap: Swap): Promise<void> {
  const context = syncer.context;
  const names = await sheetNames(syncer);
  const tables = context.workbook.tables;
  tables.load('items/name');
  await syncer.sync();
  const tableNames = new Set(tables.items.map((t) => t.name));
  const sheets = context.workbook.worksheets;
  let queued = 0;
  // The new sheets go first, under whichever name they have: their tables may already hold the old tables' names.
  for (const s of swap.newSheets) {
    const name = names.has(s.temp) ? s.temp : names.has(s.final) ? s.final : null;
    if (name) {
      sheets.getItem(name).delete();
      queued++;
    }
  }
  const newState = names.has(swap.tempState) ? swap.tempState : names.has(STATE_SHEET_NAME) && (!swap.stateAside || names.has(swap.stateAside)) ? STATE_SHEET_NAME : null;
  if (newState) {
    sheets.getItem(newState).delete();
    queued++;
  }
  for (const s of swap.sheetsAside) {
    if (names.has(s.aside)) {
      sheets.getItem(s.aside).name = s.name;
      queued++;
    }
  }
  if (swap.stateAside && names.has(swap.stateAside)) {
    sheets.getItem(swap.stateAside).name = STATE_SHEET_NAME;
    queued++;
  }
  for (const t of swap.tablesAside) {
    if (tableNames.has(t.aside)) {
      tables.getItem(t.aside).name = t.name;
      queued++;
    }
  }
  if (queued) await syncer.sync();
}

/**
 * Puts the workbook back as it was: undoes a partly applied swap, restores the column areas from the grids as
 * read, deletes the temporary sheets (and the temporary state sheet). Unsignalled: a cancel must not stop the
 * clean-up. Errors here are swallowed (the first one matters).
 */
async function rollback(syncer: Syncer, started: ColumnUndo[], grids: Map<string, Grid>, tempState: string, policy: ChunkPolicy | undefined, swap: Swap | null): Promise<void> {
  const context = syncer.context;
  if (swap) {
    try {
      await undoSwap(syncer, swap);
    } catch {
      // Keep restoring the rest.
    }
  }
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
      // Old results still set aside (their renaming back failed) are kept; the next run removes them.
      if ((s.name.startsWith(TEMP_PREFIX) && !s.name.startsWith(`${TEMP_PREFIX}old_`)) || s.name === tempState) {
        s.delete();
        n++;
      }
    }
    if (n) await syncer.sync();
  } catch {
    // The next run removes leftover temporary sheets.
  }
}
