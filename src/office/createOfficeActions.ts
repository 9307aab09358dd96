/**
 * ChurnDeskActions over Office.js: what the task pane and the ribbon commands call. Each action is one Excel.run;
 * the core runs through a CoreRunner (a Web Worker in the pane and the commands, the same thread in tests);
 * progress is reported and an AbortSignal is honoured between steps. Every error leaves as a ChurnDeskError with an
 * i18n key (core errors that already carry one, such as settings validation, pass through unchanged).
 *
 * @example
 *   const actions = createOfficeActions({ host: officeHost(), runner: createWorkerRunner(makeWorker) });
 *   const summary = await actions.analyse({ onProgress: (p) => console.log(p.step, p.fraction) });
 */
import type { Grid, SheetInput, WorkbookPlan, WorkbookState } from '../core/plan/types';
import { STATE_SHEET_NAME } from '../core/plan/types';
import { previousWinBackSheet } from '../core/state/winBackSheet';
import { firstCells, followRenamedSheets } from '../core/state/ownership';
import { resolveSettings, type Locale, type Settings } from '../core/settings/settings';
import { HEADER_SCAN_ROWS } from '../core/sheets/findHeaderRow';
import type { Field } from '../core/sheets/types';
import { ensureCatalogue, t } from '../i18n';
import type { CoreRunner } from '../worker/runner';
import type { ChurnDeskActions, DetectionSummary, FormsOptions, Progress, RunOptions, RunSummary, SheetPreview } from './actions';
import type { applyPlan as ApplyPlan } from './applyPlan';
import { TEMP_PREFIX } from './tempNames';
import { detectCapabilities, type Capabilities } from './capabilities';
import type { ChunkPolicy } from './chunks';
import { ChurnDeskError, NeedsMappingError, normaliseError, throwIfAborted } from './errors';
import type { ExcelHost } from './host';
import { listSheets, readGrids, readHeads, type SheetExtent } from './readSheets';
import { DATE1904_OFFSET, planInDateSystem, probeDateSystem, readHeadFormats, sheetsIn1900, type DateSystem } from './dateSystem';
import type { shareSafeWorkbook as ShareSafeWorkbook } from './shareSafe';
import { readState, writeState } from './state';
import { readExistingNames } from './workbookNames';
import { Syncer } from './syncer';

/**
 * The write path (applyPlan, buildSheet) and the share path, fetched on the first refresh or 分享: the pane paints
 * and detects the sheets without them (the first load stays within its budget, issue 9.5). The CLI and the tests get
 * them from the same import.
 */
const writePath = (): Promise<{ applyPlan: typeof ApplyPlan }> => import(/* webpackChunkName: "office-write" */ './applyPlan');
const sharePath = (): Promise<{ shareSafeWorkbook: typeof ShareSafeWorkbook }> => import(/* webpackChunkName: "office-share" */ './shareSafe');

export interface OfficeActionsOptions {
  host: ExcelHost;
  runner: CoreRunner;
  policy?: ChunkPolicy;
  /** Analysis date override 'YYYY-MM-DD' (tests); default: the settings' date, else today. */
  asOf?: string;
}

/** Diagnostics of the last action (tests assert on them). */
export interface ActionStats {
  syncs: number;
  blockSyncs: number;
  plan: WorkbookPlan | null;
  notes: string[];
}

export interface OfficeActions extends ChurnDeskActions {
  readonly lastStats: ActionStats;
}

/** Counts every sync of a context (wraps context.sync once). */
/**
 * Counts every sync of the action. The wrapper must hand `passThroughValue` on: Office.js's `Excel.run` ends with
 * `return ctx.sync(runBodyResult)` (excel-web-16.00.debug.js, `_runBatchCommon`, line 16855) and resolves with
 * what that sync resolves with (`ClientRequestContext.prototype.sync = function (passThroughValue)`, line 16636).
 * Dropping the argument makes every action resolve with `undefined` in real Excel.
 */
function counting(context: Excel.RequestContext, stats: { syncs: number }): Excel.RequestContext {
  const original = context.sync.bind(context) as <T>(passThroughValue?: T) => Promise<T>;
  (context as { sync: <T>(passThroughValue?: T) => Promise<T> }).sync = <T>(passThroughValue?: T) => {
    stats.syncs++;
    return original(passThroughValue);
  };
  return context;
}

/** Header words the dealer's settings add to the personal columns (settings.share.personalHeaders). */
function personalHeadersOf(state: WorkbookState): string[] {
  try {
    return resolveSettings(state.settings).share.personalHeaders;
  } catch {
    return [];
  }
}

function localeOf(state: WorkbookState): Locale {
  try {
    return resolveSettings(state.settings).language;
  } catch {
    return 'zh-CN';
  }
}

/** Sheets that can be input: not ChurnDesk's state or temporary sheets. */
function inputExtents(extents: SheetExtent[]): SheetExtent[] {
  return extents.filter((e) => e.name !== STATE_SHEET_NAME && !e.name.startsWith(TEMP_PREFIX));
}

/**
 * Runs `work`; a failure leaves naming the step `stepKey` (localised in `locale()`), unless it already names one,
 * is a cancel or a refusal that names its own cell. Catalogue errors of the core pass through unchanged.
 */
async function during<T>(stepKey: string, locale: () => Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const n = normaliseError(e);
    if (n instanceof ChurnDeskError && !n.params.step && n.code !== 'cancelled' && n.code !== 'overwriteRefused' && n.code !== 'needsMapping') {
      throw n.during(t(locale(), stepKey), stepKey.replace(/^office\.step\./, ''));
    }
    throw n;
  }
}

export function createOfficeActions(options: OfficeActionsOptions): OfficeActions {
  const { host, runner } = options;
  const stats: ActionStats = { syncs: 0, blockSyncs: 0, plan: null, notes: [] };

  /** One Excel.run with a counting context, a Syncer and error normalisation. */
  async function run<T>(signal: AbortSignal | undefined, body: (syncer: Syncer, caps: Capabilities, local: ActionStats) => Promise<T>): Promise<T> {
    // Per-action counters (the pane runs several actions at once); published as lastStats when the action ends.
    const local: ActionStats = { syncs: 0, blockSyncs: 0, plan: null, notes: [] };
    const caps = detectCapabilities(host);
    try {
      throwIfAborted(signal);
      return await host.run(async (context) => {
        const syncer = new Syncer(counting(context, local), caps, { syncs: 0, blockSyncs: 0 }, signal);
        try {
          return await body(syncer, caps, local);
        } finally {
          local.blockSyncs += syncer.stats.blockSyncs;
        }
      });
    } catch (e) {
      throw normaliseError(e);
    } finally {
      Object.assign(stats, local);
    }
  }

  /**
   * Heads of every input sheet and the core's detection over them (4 syncs). `state` comes back with the sheets the
   * user renamed followed by their recorded titles (followRenamedSheets): a renamed summary is the product's, not an
   * input, and is updated in place under the user's name.
   */
  async function detectIn(syncer: Syncer, stored: WorkbookState, signal?: AbortSignal): Promise<{ extents: SheetExtent[]; heads: SheetInput[]; detection: DetectionSummary; state: WorkbookState }> {
    const extents = inputExtents(await listSheets(syncer.context));
    const heads = await readHeads(syncer.context, extents);
    const state = followRenamedSheets(stored, firstCells(heads));
    const detection = await runner.detect({ sheets: heads, state }, { signal });
    // Heads hold the first rows only (readHeads); the data row count of a longer sheet comes from the used range.
    for (const s of detection.sheets) {
      const e = extents.find((x) => x.name === s.sheet);
      const h = heads.find((x) => x.name === s.sheet);
      if (e && e.rows > (h?.grid.length ?? 0)) s.dataRowCount = Math.max(0, e.rows - s.headerRow - 1);
    }
    return { extents, heads, detection, state };
  }

  /** Full grids of the detected sheets (or the heads when nothing was detected, so the core names the problem). */
  async function readNeeded(syncer: Syncer, d: { extents: SheetExtent[]; heads: SheetInput[]; detection: DetectionSummary }, opts: RunOptions, from: number, to: number): Promise<SheetInput[]> {
    const needed = new Set(d.detection.sheets.map((s) => s.sheet));
    if (!needed.size) return d.heads;
    const extents = d.extents.filter((e) => needed.has(e.name));
    const before = { syncs: 0, blocks: 0, retries: 0 };
    const sheets = await readGrids(syncer.context, extents, {
      policy: options.policy,
      signal: opts.signal,
      stats: before,
      onProgress: (p) => opts.onProgress?.({ step: 'progress.reading', fraction: from + ((to - from) * p.rowsRead) / Math.max(1, p.rowsTotal) }),
    });
    syncer.stats.blockSyncs += before.syncs;
    return sheets;
  }

  /**
   * The previous 招揽名单 (its callers' notes come back on the same vehicles), or null: the sheet the state names, or
   * the one whose first cell still shows its recorded title (found among the heads already read), read whole unless
   * the detection already read it.
   */
  async function readWinBack(syncer: Syncer, d: { extents: SheetExtent[]; heads: SheetInput[] }, read: SheetInput[], state: WorkbookState, opts: RunOptions): Promise<SheetInput | null> {
    const name = previousWinBackSheet(d.heads, state);
    if (!name) return null;
    const already = read.find((s) => s.name === name);
    if (already) return already;
    const extent = d.extents.find((e) => e.name === name);
    if (!extent || !extent.rows) return null;
    const [sheet] = await readGrids(syncer.context, [extent], { policy: options.policy, signal: opts.signal });
    return sheet ?? null;
  }

  /**
   * In a 1904 workbook, the sheets with their date columns moved into the 1900 system the core reads (the columns
   * found by the heads' number formats: one sync, only in such a workbook). Otherwise the sheets as they are.
   */
  async function in1900System(syncer: Syncer, system: DateSystem, d: { extents: SheetExtent[]; heads: SheetInput[] }, sheets: SheetInput[]): Promise<SheetInput[]> {
    if (system !== '1904' || !sheets.length) return sheets;
    const names = new Set(sheets.map((s) => s.name));
    const formats = await readHeadFormats(syncer.context, d.extents.filter((e) => names.has(e.name)), d.heads);
    return sheetsIn1900(sheets, d.heads, formats);
  }

  const report = (opts: RunOptions | undefined, step: string, fraction: number) => opts?.onProgress?.({ step, fraction } as Progress);

  return {
    get lastStats() {
      return stats;
    },

    detect: () =>
      run(undefined, async (syncer) => {
        const { state } = await readState(syncer.context);
        return (await detectIn(syncer, state)).detection;
      }),

    analyse: (opts: RunOptions = {}) =>
      run(opts.signal, async (syncer, caps, local): Promise<RunSummary> => {
        const started = Date.now();
        report(opts, 'progress.reading', 0);
        let shown: Locale = 'zh-CN';
        let system = '1900' as DateSystem;
        const { state, sheets, existingNames, previousWinBack } = await during('office.step.read', () => shown, async () => {
          // The date-system probe rides on the state's sync (no round trip of its own).
          const probe = probeDateSystem(syncer.context);
          const { state: stored } = await readState(syncer.context);
          shown = localeOf(stored);
          await ensureCatalogue(shown);
          const d = await detectIn(syncer, stored, opts.signal);
          const state = d.state;
          // Asked before the sheets are read in full: nothing can be computed on a guess (checked again on the plan).
          if (d.detection.needsMapping?.length) throw new NeedsMappingError(d.detection.needsMapping, shown);
          const read = await readNeeded(syncer, d, opts, 0, 0.3);
          const winBack = await readWinBack(syncer, d, read, state, opts);
          system = probe();
          // The win-back sheet, when it is not one of the inputs, rides along (its dates are moved too).
          const all = await in1900System(syncer, system, d, winBack && !read.includes(winBack) ? [...read, winBack] : read);
          const previousWinBack = winBack ? all.find((x) => x.name === winBack.name)!.grid : null;
          return { state, sheets: all.slice(0, read.length), existingNames: await readExistingNames(syncer), previousWinBack };
        });
        throwIfAborted(opts.signal);
        report(opts, 'progress.analysing', 0.3);
        const plan = await during('office.step.analyse', () => shown, () =>
          runner.analyse(
            { sheets, state, asOf: options.asOf, existingNames, previousWinBack },
            { signal: opts.signal, onProgress: (p) => opts.onProgress?.({ step: p.step, fraction: 0.3 + 0.4 * p.fraction }) },
          ),
        );
        local.plan = plan;
        throwIfAborted(opts.signal);
        // No confident figures on a guess (as the CLI): a field the figures depend on that is missing or unsure stops
        // the refresh before anything is written, naming it and its candidate columns.
        const needs = plan.report.detection?.needsMapping ?? [];
        if (needs.length) throw new NeedsMappingError(needs, localeOf(plan.state));
        report(opts, 'progress.writing', 0.7);
        const locale = localeOf(plan.state);
        await ensureCatalogue(locale);
        const grids = new Map<string, Grid>(sheets.map((s) => [s.name, s.grid]));
        const applied = await (await writePath()).applyPlan(syncer, system === '1904' ? planInDateSystem(plan, -DATE1904_OFFSET) : plan, {
          previousState: state,
          caps,
          locale,
          grids,
          policy: options.policy,
          signal: opts.signal,
          // 0.99 at most: the bar shows 1 only with progress.done, when the summary is about to appear.
          onProgress: (f) => report(opts, 'progress.writing', 0.7 + 0.29 * f),
        });
        local.notes = applied.notes;
        report(opts, 'progress.done', 1);
        return {
          report: {
            ...plan.report,
            warnings: [...plan.report.warnings, ...applied.notes.map((k) => t(locale, k))],
            warningMessages: [...(plan.report.warningMessages ?? []), ...applied.notes.map((key) => ({ key }))],
          },
          sheetsWritten: applied.sheetsWritten,
          syncs: local.syncs,
          durationMs: Date.now() - started,
        };
      }),

    generateForms: (formIds: string[], filled: boolean, opts: FormsOptions = {}) =>
      run(opts.signal, async (syncer, caps, local) => {
        report(opts, 'progress.reading', 0);
        const probe = probeDateSystem(syncer.context);
        const d = await detectIn(syncer, (await readState(syncer.context)).state, opts.signal);
        const state = d.state;
        const system = probe();
        const sheets = filled ? await in1900System(syncer, system, d, await readNeeded(syncer, d, opts, 0, 0.3)) : [];
        const owned = new Set(Object.values(state.ownedSheets));
        const existingSheetNames = d.extents.map((e) => e.name).filter((n) => !owned.has(n));
        report(opts, 'progress.forms', 0.3);
        const specs = await runner.forms(
          { formIds, filled, sheets, state, existingSheetNames, asOf: options.asOf, period: opts.period },
          { signal: opts.signal, onProgress: (p) => opts.onProgress?.({ step: p.step, fraction: 0.3 + 0.3 * p.fraction }) },
        );
        const plan: WorkbookPlan = {
          columnWrites: [],
          sheets: specs,
          state: { ...state, ownedSheets: { ...state.ownedSheets } },
          report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
        };
        local.plan = plan;
        await ensureCatalogue(localeOf(state));
        const applied = await (await writePath()).applyPlan(syncer, system === '1904' ? planInDateSystem(plan, -DATE1904_OFFSET) : plan, {
          previousState: state,
          caps,
          locale: localeOf(state),
          grids: new Map(sheets.map((s) => [s.name, s.grid])),
          policy: options.policy,
          signal: opts.signal,
          onProgress: (f) => report(opts, 'progress.writing', 0.6 + 0.4 * f),
        });
        local.notes = applied.notes;
        return { sheets: applied.sheetsWritten };
      }),

    loadSettings: () =>
      run(undefined, async (syncer) => {
        const { state } = await readState(syncer.context);
        return resolveSettings(state.settings);
      }),

    saveSettings: (partial: unknown) =>
      run(undefined, async (syncer): Promise<Settings> => {
        const { state } = await readState(syncer.context);
        // Validate first: SettingsValidationError names each bad field and nothing is written.
        const settings = resolveSettings(partial);
        const stored = typeof partial === 'object' && partial !== null ? (partial as Record<string, unknown>) : {};
        await writeState(syncer.context, { ...state, settings: { ...state.settings, ...stored } });
        return settings;
      }),

    saveMapping: (sheet: string, mapping: Partial<Record<Field, string>>, acceptMissing?: Field[]) =>
      run(undefined, async (syncer) => {
        const { state } = await readState(syncer.context);
        const clean: Record<string, string> = {};
        for (const [k, v] of Object.entries(mapping)) if (typeof v === 'string' && v) clean[k] = v;
        const next: WorkbookState = { ...state, mappings: { ...state.mappings, [sheet]: clean } };
        if (acceptMissing) {
          // Added to what was accepted before; a field mapped now is no longer accepted as missing.
          const accepted = [...new Set([...(state.acceptedMissing?.[sheet] ?? []), ...acceptMissing])].filter((f) => !clean[f]);
          const all = { ...(state.acceptedMissing ?? {}) };
          if (accepted.length) all[sheet] = accepted;
          else delete all[sheet];
          next.acceptedMissing = all;
        }
        await writeState(syncer.context, next);
      }),

    previewSheet: (sheet: string, rows: number) =>
      run(undefined, async (syncer): Promise<SheetPreview> => {
        const { state } = await readState(syncer.context);
        const extent = (await listSheets(syncer.context)).find((e) => e.name === sheet);
        if (!extent) throw new ChurnDeskError('sheetMissing', 'office.error.sheetMissing', { sheet });
        const [head] = await readHeads(syncer.context, [extent], HEADER_SCAN_ROWS + Math.max(0, rows));
        const detection = await runner.detect({ sheets: [head], state });
        const found = detection.sheets.find((s) => s.sheet === sheet);
        let headerRow = found?.headerRow ?? head.grid.findIndex((r) => r.some((v) => v !== ''));
        if (headerRow < 0) headerRow = 0;
        const asText = (r: readonly unknown[]) => r.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : String(v ?? '')));
        return {
          headers: (head.grid[headerRow] ?? []).map((v) => String(v ?? '')),
          rows: head.grid.slice(headerRow + 1, headerRow + 1 + rows).map(asText),
        };
      }),

    shareSafeCopy: (opts: RunOptions = {}) =>
      run(opts.signal, async (syncer, caps) => {
        const { state } = await readState(syncer.context);
        return (await sharePath()).shareSafeWorkbook(syncer, {
          caps,
          build: (request) => runner.share(request, { signal: opts.signal }),
          open: (base64) => host.createWorkbook(base64),
          extraPersonalHeaders: personalHeadersOf(state),
          policy: options.policy,
          signal: opts.signal,
          onProgress: (f) => report(opts, 'progress.share', f),
        });
      }),

    lastRun: () =>
      run(undefined, async (syncer) => {
        const { state } = await readState(syncer.context);
        // The count per status rides along under the status labels, so the home chart shows before any refresh.
        return state.lastRun ? { ...state.lastRun.figures, ...(state.lastRun.statusCounts ?? {}) } : null;
      }),
  };
}
