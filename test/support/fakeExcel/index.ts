/**
 * An in-memory Excel for tests (and for hosting the task pane in a browser page): the subset of the Office.js
 * Excel API ChurnDesk uses, behaving like the shipped office.js runtime where the adapter depends on it (each rule
 * cites node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js; test/office/officeJsSemantics.test.ts
 * checks the rules and that the cited lines still read so):
 * - `run` resolves with `ctx.sync(batchResult)` through the context's own `sync`, needs a promise
 *   (RunMustReturnPromise), drops queued work when the batch rejects, and releases its Range proxies
 *   (InvalidObjectPath when used after the run);
 * - proxies are instantiated when created: `getItem` of a missing sheet/table/name fails the next sync with
 *   ItemNotFound, `…OrNullObject` has `isNullObject` after that sync;
 * - properties throw PropertyNotLoaded (OfficeExtension.Error-shaped: code, office.js's message,
 *   debugInfo.errorLocation) until `load()` + `context.sync()`; an assigned property reads back as assigned;
 * - writes are queued and applied at `sync()`; a wrong-shape array is InvalidArgument; a sync over 5 MB throws
 *   Request/ResponsePayloadSizeLimitExceeded (a request over the limit applies nothing); `stats.syncs` counts round
 *   trips (a sync with nothing queued makes none);
 * - `Range.values` parses strings as if typed (formulas, numbers, dates) unless the cell's format is '@';
 * - ExcelApi requirement sets can be lowered to test fallbacks (PivotTables 1.8, pageLayout 1.9 …);
 * - a sync can be made to fail (failOnSync) to test that a failure half-way leaves the workbook usable.
 * Pure TypeScript, no Node APIs: it is bundled into a browser page too.
 *
 * @example
 *   const wb = FakeWorkbook.fromGrids({ 客户: [['姓名', '电话'], ['王五', '13800000000']] });
 *   await wb.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem('客户').getRange('A1'); r.load('values'); await ctx.sync(); });
 *   wb.dump().sheets[0].values // [['姓名','电话'],['王五', 13800000000]]
 */
import { FakeContextCore, type ContextHost, type SyncStats } from './context';
import { FakeOfficeError, MESSAGES } from './errors';
import { WorkbookData, pivotFieldColumn, pivotItemName, type SheetDump, type Visibility } from './model';
import { FakeTableCollection, FakeWorksheetCollection } from './proxies';
import { FakeNamedItemCollection } from './names';
import { FakeFunctions } from './functions';
import { colLetters, parseAddress, rectAddress } from './addresses';

export { FakeOfficeError, MESSAGES } from './errors';
export type { SheetDump } from './model';
export { coerceWrite, typedValue } from './coerce';

/** Something `trackedObjects.add/remove` accepts: a Range-like proxy (others need no tracking in office.js). */
interface Trackable {
  track(): unknown;
  untrack(): unknown;
}

function isTrackable(o: unknown): o is Trackable {
  return typeof o === 'object' && o !== null && typeof (o as Trackable).track === 'function' && typeof (o as Trackable).untrack === 'function';
}

/** The fake's RequestContext: `context.workbook`, `context.sync(passThroughValue)`, `context.trackedObjects`. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  /** office.js `TrackedObjects.add/remove` (excel-web-16.00.debug.js line 17730-17738, 17775-17783), arrays too. */
  readonly trackedObjects = {
    add: (o: unknown) => {
      for (const x of Array.isArray(o) ? o : [o]) if (isTrackable(x)) x.track();
    },
    remove: (o: unknown) => {
      for (const x of Array.isArray(o) ? o : [o]) if (isTrackable(x)) x.untrack();
    },
  };
  constructor(readonly core: FakeContextCore) {
    this.workbook = new FakeWorkbookProxy(core);
  }
  /**
   * Resolves with `passThroughValue` once the queued work has run, as office.js does:
   * `ClientRequestContext.prototype.sync = function (passThroughValue) { … .then(function () { return passThroughValue; }) }`
   * (excel-web-16.00.debug.js line 16636-16641).
   */
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.core.sync().then(() => passThroughValue as T);
  }
}

export class FakeWorkbookProxy {
  constructor(private readonly core: FakeContextCore) {}
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.core);
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.core, null);
  }
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.core);
  }
  get functions(): FakeFunctions {
    return new FakeFunctions(this.core);
  }
  get application() {
    const core = this.core;
    return {
      suspendApiCalculationUntilNextSync: () => {
        core.requireApi(6, 'suspendApiCalculationUntilNextSync');
        core.enqueue(null, () => (core.suspendCalc = true));
      },
      set calculationMode(v: string) {
        core.requireApi(8, 'calculationMode');
        core.enqueue(v, () => (core.data.calculationMode = v));
      },
      calculate: (_type: string) => core.enqueue(null, () => undefined),
    };
  }
}

/** '1.12' -> 12 (ExcelApi majors are all 1). */
function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version.trim());
  return m ? Number(m[1]) : version.trim() === '1' ? 0 : NaN;
}

export interface FakeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  createWorkbook(base64: string): Promise<void>;
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi version supported, e.g. '1.7' (Office 2019); default '1.12'. */
  excelApi?: string;
  /** Payload limit per request/response; default 5 MB as on Excel on the web. */
  payloadLimitBytes?: number;
}

export class FakeWorkbook implements ContextHost {
  readonly data = new WorkbookData();
  readonly stats: SyncStats = { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, commands: [], droppedOps: 0, cleanupRequests: 0 };
  payloadLimitBytes: number;
  failOnSync: number | null = null;
  excelApiMinor: number;
  /** Number of Excel.run batches started. */
  runs = 0;
  /** The files handed to Excel.createWorkbook (base64), in order: new workbooks opened by the add-in. */
  readonly createdWorkbooks: string[] = [];

  constructor(options: FakeWorkbookOptions = {}) {
    this.excelApiMinor = minorOf(options.excelApi ?? '1.12');
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
  }

  /**
   * A workbook with one sheet per grid, in order. Values are stored as given (no parsing): a grid is what
   * `Range.values` would return. `formats` optionally gives number formats per sheet (same shape or sparse).
   */
  static fromGrids(grids: Record<string, unknown[][]>, options: FakeWorkbookOptions & { formats?: Record<string, (string | undefined)[][]> } = {}): FakeWorkbook {
    const wb = new FakeWorkbook(options);
    for (const [name, grid] of Object.entries(grids)) {
      const s = wb.data.addSheet(name);
      grid.forEach((row, r) => row.forEach((v, c) => s.setRaw(r, c, v === null || v === undefined ? '' : v, undefined)));
      const f = options.formats?.[name];
      f?.forEach((row, r) => row.forEach((x, c) => s.setFormat(r, c, x)));
    }
    wb.data.activeSheet = wb.data.sheets[0] ?? null;
    return wb;
  }

  /** Like isSetSupported: versions compare as major.minor integers ('1.12' is above '1.9'). */
  supports(name: string, version = '1.1'): boolean {
    if (name === 'ExcelApi') return this.excelApiMinor >= minorOf(version);
    return false;
  }

  /**
   * Like Excel.run, following office.js's `ClientRequestContext._runCommon` (excel-web-16.00.debug.js line 16803-16925):
   * - the batch is called asynchronously with a fresh context (line 16807-16843);
   * - it must return a promise, else the run rejects with RunMustReturnPromise (line 16845-16846);
   * - once that promise resolves, the run ends with `ctx.sync(runBodyResult)` (line 16855) — the context's own
   *   `sync` property, so a wrapper an add-in put there is called and the run resolves with what it resolves with;
   * - if the batch rejects, the queued work is never sent (the catch at line 16862 skips the sync) and the run rejects;
   * - either way the auto-tracked Range proxies are invalidated (line 16866-16871): using them after the run throws
   *   InvalidObjectPath.
   */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const core = new FakeContextCore(this);
    const ctx = new FakeRequestContext(core);
    let succeeded = false;
    let resultOrError: unknown;
    try {
      await Promise.resolve();
      core.autoCleanup = true;
      const body: unknown = batch(ctx);
      if (body === null || body === undefined || typeof (body as { then?: unknown }).then !== 'function') {
        throw new FakeOfficeError('RunMustReturnPromise', MESSAGES.RunMustReturnPromise);
      }
      const runBodyResult = await (body as Promise<T>);
      resultOrError = await ctx.sync(runBodyResult);
      succeeded = true;
    } catch (e) {
      resultOrError = e;
    }
    core.endRun();
    if (succeeded) return resultOrError as T;
    throw resultOrError;
  }

  /** The Office.js-typed host the adapter takes (the cast is the only place the fake pretends to be Excel). */
  host(): FakeHost {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run((ctx) => batch(ctx as unknown as Excel.RequestContext)),
      isSetSupported: (name: string, version?: string) => this.supports(name, version),
      // Excel.createWorkbook is ExcelApi 1.8 (office.d.ts: "[Api set: ExcelApi 1.8]").
      createWorkbook: async (base64: string) => {
        if (this.excelApiMinor < 8) throw new FakeOfficeError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8.');
        this.createdWorkbooks.push(base64);
      },
    };
  }

  /**
   * Installs `Excel` and `Office` globals backed by this workbook (for a browser page hosting the pane):
   * Excel.run, Office.onReady, Office.context.requirements.isSetSupported, Office.context.displayLanguage.
   */
  installGlobals(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>, displayLanguage = 'zh-CN'): void {
    const host = this.host();
    target.Excel = { run: host.run, createWorkbook: host.createWorkbook };
    target.Office = {
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        cb?.(info);
        return Promise.resolve(info);
      },
      context: { displayLanguage, requirements: { isSetSupported: host.isSetSupported } },
      HostType: { Excel: 'Excel' },
    };
  }

  sheetNames(): string[] {
    return this.data.sheets.map((s) => s.name);
  }

  /** Values of a sheet from A1 to the used range's end ('' for blank), or throws ItemNotFound. */
  grid(name: string): unknown[][] {
    const s = this.data.sheetByName(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet '${name}'.`);
    const rect = s.usedRect(true);
    if (!rect) return [];
    const out: unknown[][] = [];
    for (let r = 0; r < rect.r0 + rect.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < rect.c0 + rect.cols; c++) row.push(s.value(r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * The grand total a count PivotTable shows (the fake computes no other pivot value): the source's data rows whose
   * first value field is not blank and whose every manually filtered field holds a selected item.
   * @example wb.pivotGrandTotal('CD_pivot_region') // 7
   */
  pivotGrandTotal(name: string): number {
    const p = this.data.sheets.flatMap((s) => s.pivots).find((x) => x.name === name);
    const parsed = p ? parseAddress(p.source) : null;
    const sheet = parsed?.sheet ? this.data.sheetByName(parsed.sheet) : undefined;
    if (!p || !parsed || !sheet || !p.values.length) throw new FakeOfficeError('ItemNotFound', `No count PivotTable '${name}'.`);
    const rect = parsed.rect;
    const valueCol = pivotFieldColumn(sheet, rect, p.values[0].name);
    const filters = Object.entries(p.manualFilters).map(([f, selected]) => ({ col: pivotFieldColumn(sheet, rect, f), selected: new Set(selected) }));
    let n = 0;
    for (let r = rect.r0 + 1; r < rect.r0 + rect.rows; r++) {
      if (sheet.value(r, valueCol) === '') continue;
      if (filters.every((f) => f.selected.has(pivotItemName(sheet.value(r, f.col))))) n++;
    }
    return n;
  }

  /** Everything a user would see, deterministic, for deep-equality assertions. */
  dump(): { sheets: SheetDump[]; activeSheet: string | null } {
    const sheets = this.data.sheets.map((s, position): SheetDump => {
      const formulas: Record<string, string> = {};
      s.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && (formulas[`${colLetters(c)}${r + 1}`] = f)));
      const numberFormats: Record<string, string> = {};
      s.formats.forEach((row, r) => row?.forEach((f, c) => f !== undefined && (numberFormats[`${colLetters(c)}${r + 1}`] = f)));
      return {
        name: s.name,
        visibility: s.visibility as Visibility,
        position,
        values: this.grid(s.name),
        formulas,
        numberFormats,
        tables: this.data.tables
          .filter((t) => t.sheet === s)
          .map((t) => ({ name: t.name, address: rectAddress(t.rect), showTotals: t.showTotals, style: t.style, headers: this.data.tableHeaders(t) })),
        charts: s.charts.map((c) => ({ ...c, series: c.series?.map((x) => ({ ...x })) })),
        pivots: s.pivots.map((p) => ({ ...p })),
        conditionalFormats: s.conditionalFormats.map((c) => ({ ...c })),
        validations: s.validations.map((v) => ({ ...v })),
        merges: [...s.merges],
        freeze: { ...s.freeze },
        pageLayout: { ...s.pageLayout },
      };
    });
    return { sheets, activeSheet: this.data.activeSheet?.name ?? null };
  }
}
