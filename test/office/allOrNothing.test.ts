/**
 * All or nothing, measured: for EVERY sync of a refresh — on a fresh workbook and over a previous result — a thrown
 * error (the fake's `failOnSync`, GeneralException), a payload rejection (the request refused whole with
 * RequestPayloadSizeLimitExceeded) and a cancel (the AbortSignal fires while that sync is in flight) are injected.
 * Afterwards the workbook is either exactly as before (every sheet, cell value, format, table, name, visibility)
 * or exactly as after a successful refresh; a failure in an optional step (after the swap) may only leave that
 * optional feature out, with a localised note. What the user sees is a catalogue message, never raw error text.
 * Then a failure in the MIDDLE of a batch (the operations before it applied, as Office.js does): every operation of
 * the swap, and the first, middle and last operation of every other sync.
 * Known gap, measured and counted ('beforeButTableWider'): when the dealer's data is an Excel table that gets
 * ChurnDesk's columns for the first time, the table is widened in the first column block (table columns must be
 * added while the cells are still blank) and a failure after that block leaves it widened, every value as before.
 */
import { FakeWorkbook, type SheetDump } from '../support/fakeExcel';
import { FakeContextCore } from '../support/fakeExcel/context';
import { FakeChartCollection, FakePivotItemCollection } from '../support/fakeExcel/proxies';
import type { WorkbookPlan } from '../../src/core/plan/types';
import type { RunSummary } from '../../src/office/actions';
import type { ChunkPolicy } from '../../src/office/chunks';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { ChurnDeskError, normaliseError, toChurnDeskError } from '../../src/office/errors';
import { t } from '../../src/i18n';
import { customerGrid, planFor, stubRunner } from './support';

const SHEET = '保有客户';
const ROWS = 120;
/** Small blocks, so reads, column writes and the list table take several syncs each (faults land in every kind). */
const POLICY: ChunkPolicy = { maxCells: 300, maxBytes: 4 * 1024 * 1024, readBytesPerCell: 40 };
const LOCALES = ['zh-CN', 'en-US'] as const;
/** Raw text that must never reach a message. */
const RAW = /injected|GeneralException|PayloadSizeLimit|is not a function|TypeError|RichApi|undefined|\{\w+\}/;

type Fault = 'throw' | 'payload' | 'cancel';
type Outcome = 'before' | 'beforeButTableWider' | 'after' | 'afterWithNote';

/** Plan version 1 or 2 (different reasons and list names, so "before" and "after" differ over a previous result). */
function plan(version: number): WorkbookPlan {
  const p = planFor(SHEET, ROWS, { texts: version === 1 ? [] : Array.from({ length: ROWS }, (_, i) => (i % 3 ? `二次原因${i}` : '')) });
  // The pivot gets a filter field (ExcelApi 1.12 filters it), so the pivot-filter sync is injected too.
  p.sheets[0].pivots![0].exclude = { header: '保修状态', values: ['保期外'] };
  return p;
}

interface Harness {
  wb: FakeWorkbook;
  version: { v: number };
  analyse: (signal?: AbortSignal) => Promise<RunSummary>;
  /** Arms a fault for the next analyse: the k-th round trip of that run. */
  arm: (fault: Fault | null, k: number, controller?: AbortController) => void;
}

async function harness(opts: { dealerTable?: boolean } = {}): Promise<Harness> {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(ROWS), 我的笔记: [['经理笔记'], ['不要删', 42]], 隐藏参数: [['x', 1]] });
  wb.data.sheetByName('隐藏参数')!.visibility = 'Hidden';
  if (opts.dealerTable) {
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).tables.add(`A3:L${ROWS + 3}`, true).name = 'DealerData';
      await ctx.sync();
    });
  }
  const version = { v: 1 };
  let armed: { fault: Fault; k: number; controller?: AbortController } | null = null;
  const base = wb.host();
  const host = {
    isSetSupported: base.isSetSupported,
    createWorkbook: base.createWorkbook,
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const a = armed;
      armed = null;
      if (!a) return base.run(batch);
      const start = wb.stats.syncs;
      if (a.fault === 'throw') wb.failOnSync = start + a.k;
      let fired = false;
      return base
        .run((ctx) => {
          const original = ctx.sync.bind(ctx) as (v?: unknown) => Promise<unknown>;
          (ctx as unknown as { sync: (v?: unknown) => Promise<unknown> }).sync = async (v?: unknown) => {
            const limit = wb.payloadLimitBytes;
            // Refuse the k-th round trip whole (a sync without actions makes no round trip and is not counted).
            if (a.fault === 'payload' && !fired && wb.stats.syncs - start + 1 === a.k) wb.payloadLimitBytes = 0;
            try {
              return await original(v);
            } finally {
              wb.payloadLimitBytes = limit;
              if (!fired && wb.stats.syncs - start >= a.k) {
                fired = true;
                // The user cancels while the k-th sync is in flight: it completes, nothing after it should start.
                if (a.fault === 'cancel') a.controller!.abort();
              }
            }
          };
          return batch(ctx);
        })
        .finally(() => (wb.failOnSync = null));
    },
  };
  const actions = createOfficeActions({ host, runner: stubRunner(SHEET, () => plan(version.v)), policy: POLICY });
  return {
    wb,
    version,
    analyse: (signal) => actions.analyse({ signal }),
    arm: (fault, k, controller) => (armed = fault ? { fault, k, controller } : null),
  };
}

const dump = (wb: FakeWorkbook) => wb.dump();
/** The dump without tables (the known gap of a dealer table widened on its first refresh). */
function withoutTables(d: ReturnType<typeof dump>) {
  return { ...d, sheets: d.sheets.map((s: SheetDump) => ({ ...s, tables: [] })) };
}

/** The dump without what optional steps add. */
function required(d: ReturnType<typeof dump>) {
  return { ...d, sheets: d.sheets.map((s: SheetDump) => ({ ...s, charts: [], pivots: [], conditionalFormats: [], validations: [] })) };
}

function expectCatalogueError(e: unknown, fault: Fault): void {
  expect(e).toBeInstanceOf(ChurnDeskError);
  const err = e as ChurnDeskError;
  for (const locale of LOCALES) {
    const text = t(locale, err.messageKey, err.params);
    expect(text).not.toBe(err.messageKey);
    expect(text).not.toMatch(RAW);
  }
  if (fault === 'cancel') expect(err).toMatchObject({ name: 'AbortError', messageKey: 'office.error.cancelled' });
  else {
    // What failed: the step, localised; the technical detail only in the diagnostic field.
    expect(String(err.params.step)).not.toBe('');
    expect(err.diagnostic).toMatch(fault === 'throw' ? /GeneralException/ : /RequestPayloadSizeLimitExceeded/);
  }
}

interface Tally {
  injected: number;
  outcomes: Record<Outcome, number>;
  byFault: Record<Fault, Record<Outcome, number>>;
}

const zero = (): Record<Outcome, number> => ({ before: 0, beforeButTableWider: 0, after: 0, afterWithNote: 0 });
const newTally = (): Tally => ({ injected: 0, outcomes: zero(), byFault: { throw: zero(), payload: zero(), cancel: zero() } });

/** Runs one faulty refresh and classifies it; fails the test when the workbook is neither before nor after. */
async function injectOnce(h: Harness, fault: Fault, k: number, after: ReturnType<typeof dump>, tally: Tally, tableGap = false): Promise<void> {
  const before = dump(h.wb);
  const controller = new AbortController();
  h.arm(fault, k, controller);
  const result = await h.analyse(controller.signal).then(
    (r) => ({ ok: true as const, r }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  const now = dump(h.wb);
  let outcome: Outcome;
  if (!result.ok) {
    expectCatalogueError(result.e, fault);
    if (tableGap && JSON.stringify(now) !== JSON.stringify(before)) {
      // KNOWN GAP (see the describe below): the dealer's table was widened by the first column block and is not
      // narrowed again; every value, format, sheet and name is as before.
      expect(withoutTables(now)).toEqual(withoutTables(before));
      outcome = 'beforeButTableWider';
    } else {
      expect(now).toEqual(before);
      outcome = 'before';
    }
  } else {
    const notes = (result.r.report.warningMessages ?? []).map((m) => m.key);
    for (const key of notes) for (const locale of LOCALES) expect(t(locale, key)).not.toBe(key);
    if (JSON.stringify(now) === JSON.stringify(after)) outcome = 'after';
    else {
      // Only an optional step may be missing, and then the user is told which.
      expect(required(now)).toEqual(required(after));
      expect(notes.length).toBeGreaterThan(0);
      outcome = 'afterWithNote';
    }
  }
  tally.injected++;
  tally.outcomes[outcome]++;
  tally.byFault[fault][outcome]++;
}

/** Round trips of a clean refresh, and the workbook it leaves. */
async function cleanRun(prepare: (h: Harness) => Promise<void>, opts: { dealerTable?: boolean } = {}) {
  const h = await harness(opts);
  await prepare(h);
  const start = h.wb.stats.syncs;
  await h.analyse();
  return { syncs: h.wb.stats.syncs - start, after: dump(h.wb) };
}

const FAULTS: Fault[] = ['throw', 'payload', 'cancel'];
/** The scenario with the known gap: the dealer's Excel table gets ChurnDesk's columns for the first time. */
const FIRST_TABLE = 'a fresh workbook whose data is an Excel table';
const report: string[] = [];

afterAll(() => {
  // The measured counts, for the engineer's report (jest prints console output of the file).
  console.log(report.join('\n'));
});

type Scenario = [string, (h: Harness) => Promise<void>, { dealerTable?: boolean }];

describe.each<Scenario>([
  ['a fresh workbook', async (_h: Harness): Promise<void> => undefined, {}],
  [
    'a workbook with a previous result',
    async (h: Harness): Promise<void> => {
      await h.analyse();
      h.version.v = 2;
    },
    {},
  ],
  [FIRST_TABLE, async (_h: Harness): Promise<void> => undefined, { dealerTable: true }],
  [
    'a previous result over a dealer Excel table',
    async (h: Harness): Promise<void> => {
      await h.analyse();
      h.version.v = 2;
    },
    { dealerTable: true },
  ],
])('every sync of a refresh of %s', (name, prepare, opts) => {
  it('ends exactly as before or exactly as after, under a thrown error, a payload rejection and a cancel', async () => {
    const clean = await cleanRun(prepare, opts);
    // Refreshing is deterministic: a second clean run leaves the same workbook.
    expect((await cleanRun(prepare, opts)).after).toEqual(clean.after);
    const tally = newTally();
    for (const fault of FAULTS) {
      // One past the last sync too: a fault that never fires must leave a normal success.
      for (let k = 1; k <= clean.syncs + 1; k++) {
        const h = await harness(opts);
        await prepare(h);
        await injectOnce(h, fault, k, clean.after, tally, name === FIRST_TABLE);
      }
    }
    report.push(
      `${name}: ${clean.syncs} syncs per refresh, ${tally.injected} faults injected -> before ${tally.outcomes.before}, after ${tally.outcomes.after}, after with a note ${tally.outcomes.afterWithNote}; ` +
        FAULTS.map((f) => `${f}: ${JSON.stringify(tally.byFault[f])}`).join('; '),
    );
    expect(tally.injected).toBe(3 * (clean.syncs + 1));
    // Every required sync that fails leaves the workbook as before; cancels after the swap change nothing.
    expect(tally.outcomes.before + tally.outcomes.beforeButTableWider).toBeGreaterThan(clean.syncs);
    if (name !== FIRST_TABLE) expect(tally.outcomes.beforeButTableWider).toBe(0);
    expect(tally.byFault.cancel.afterWithNote).toBe(0);
  });
});

describe('optional steps a host lacks', () => {
  it('a pivot field without items.load (c.items.load is not a function) keeps the columns and adds one note', async () => {
    const proto = FakePivotItemCollection.prototype as unknown as { load: unknown };
    const load = proto.load;
    proto.load = undefined;
    try {
      const h = await harness();
      const summary = await h.analyse();
      const src = h.wb.data.sheetByName(SHEET)!;
      expect(src.value(2, 12)).toBe('未回厂月数');
      expect(src.value(3, 13)).toBe('活跃');
      expect(summary.report.warningMessages?.map((m) => m.key)).toEqual(['office.note.pivotFilterFailed']);
      expect(summary.sheetsWritten).toEqual(['流失概览', '招揽名单']);
      expect(h.wb.dump().sheets.find((s) => s.name === '流失概览')!.pivots.map((p) => p.name)).toEqual(['CD_pivot_status']);
      for (const w of summary.report.warnings) expect(w).not.toMatch(RAW);
    } finally {
      proto.load = load;
    }
  });

  it('charts that cannot be added become one note; everything else is as after a successful refresh', async () => {
    const clean = await cleanRun(async () => undefined);
    const proto = FakeChartCollection.prototype as unknown as { add: unknown };
    const add = proto.add;
    proto.add = () => {
      throw new TypeError('ws.charts.add is not a function');
    };
    try {
      const h = await harness();
      const summary = await h.analyse();
      expect(summary.report.warningMessages?.map((m) => m.key)).toEqual(['office.note.chartFailed']);
      expect(required(dump(h.wb))).toEqual(required(clean.after));
      expect(dump(h.wb).sheets.flatMap((s) => s.charts)).toEqual([]);
      expect(dump(h.wb).sheets.flatMap((s) => s.pivots).length).toBe(1);
      // The next refresh on a host that can draw charts completes the workbook.
      proto.add = add;
      await h.analyse();
      expect(dump(h.wb)).toEqual(clean.after);
    } finally {
      proto.add = add;
    }
  });
});

describe('normaliseError: every error becomes a catalogue message', () => {
  const cases: [string, unknown, string][] = [
    ['a TypeError from a host', new TypeError('c.items.load is not a function'), 'office.error.unexpected'],
    ['a string', 'boom', 'office.error.unexpected'],
    ['undefined', undefined, 'office.error.unexpected'],
    ['an unknown Office code', Object.assign(new Error('RichApi.Error: something odd'), { code: 'GeneralException' }), 'office.error.office'],
    ['a payload limit', Object.assign(new Error('too big'), { code: 'RequestPayloadSizeLimitExceeded' }), 'office.error.payloadTooLarge'],
    ['cell edit mode', { code: 'InvalidOperationInCellEditMode', message: 'x' }, 'office.error.busy'],
    ['an abort', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), 'office.error.cancelled'],
    ['a worker error with detail', new ChurnDeskError('coreError', 'office.error.unexpected', { detail: 'ReferenceError: x is not defined' }), 'office.error.unexpected'],
  ];
  it.each(cases)('%s', (_name, error, key) => {
    const e = normaliseError(error) as ChurnDeskError;
    expect(e.messageKey).toBe(key);
    for (const locale of LOCALES) {
      const text = t(locale, e.messageKey, e.params);
      expect(text).not.toBe(key);
      expect(text).not.toMatch(/is not a function|RichApi|something odd|too big|ReferenceError|boom|\{\w+\}/);
    }
    if (error instanceof Error && key !== 'office.error.cancelled') expect(e.diagnostic).toContain(error instanceof ChurnDeskError ? 'ReferenceError' : error.message);
  });

  it('passes core errors that carry catalogue keys through, and names the step of a refresh', () => {
    const settings = Object.assign(new Error('settings'), { errors: [{ field: 'churnMonths', message: 'settings.error.notInteger' }] });
    expect(normaliseError(settings)).toBe(settings);
    const keyed = Object.assign(new Error('x'), { key: 'input.error.noSheets' });
    expect(normaliseError(keyed)).toBe(keyed);
    // A "key" that is raw text is not a catalogue key.
    expect(normaliseError(Object.assign(new Error('x'), { key: 'Cannot read properties of undefined' }))).toBeInstanceOf(ChurnDeskError);
    const during = toChurnDeskError({ code: 'AccessDenied', message: 'The workbook is protected.' }).during(t('en-US', 'office.step.swap'), 'swap');
    expect(t('en-US', during.messageKey, during.params)).toBe(
      'While swapping in the new results: The workbook is protected or read-only. The workbook was left as it was. Unprotect it and try again.',
    );
    expect(during.diagnostic).toBe('[swap] AccessDenied: The workbook is protected.');
  });
});

/**
 * A failure in the MIDDLE of a batch: Office.js applies a batch's operations in order and does not roll back, so
 * the operations before the failing one stay applied. The fake's own injection refuses a sync whole; here the j-th
 * queued operation of the k-th round trip throws instead (test-only patch of the fake's sync).
 */
describe('a failure half-way through a batch', () => {
  type Core = { queue: { run: () => unknown }[] };
  let target: { sync: number; op: number } | null = null;
  const original = FakeContextCore.prototype.sync;
  beforeAll(() => {
    FakeContextCore.prototype.sync = function (this: FakeContextCore) {
      const q = (this as unknown as Core).queue;
      const wb = this.host;
      if (target && q.length > 0 && wb.stats.syncs + 1 === target.sync && target.op < q.length) {
        q[target.op] = { ...q[target.op], run: () => {
          throw Object.assign(new Error('GeneralException: injected mid-batch'), { code: 'GeneralException' });
        } };
        target = null;
      }
      return original.call(this);
    };
  });
  afterAll(() => (FakeContextCore.prototype.sync = original));

  /** Operations queued per round trip of a clean run (the fake records them). */
  async function opsPerSync(prepare: (h: Harness) => Promise<void>) {
    const h = await harness();
    await prepare(h);
    const from = h.wb.stats.commands.length;
    await h.analyse();
    return { commands: h.wb.stats.commands.slice(from), after: dump(h.wb) };
  }

  it.each<[string, (h: Harness) => Promise<void>]>([
    ['over a previous result', async (h) => {
      await h.analyse();
      h.version.v = 2;
    }],
    ['on a fresh workbook', async () => undefined],
  ])('every operation of the swap, and the first, middle and last of every other sync, %s', async (_name, prepare) => {
    const clean = await opsPerSync(prepare);
    const tally = newTally();
    const swapIndex = clean.commands.length - 6; // the swap is followed by the 5 optional syncs of this plan
    for (const [k, n] of clean.commands.entries()) {
      const positions = k === swapIndex ? Array.from({ length: n }, (_, j) => j) : [...new Set([0, Math.floor(n / 2), n - 1])];
      for (const j of positions) {
        const h = await harness();
        await prepare(h);
        target = { sync: h.wb.stats.syncs + k + 1, op: j };
        try {
          await injectOnce(h, 'throw', 10_000, clean.after, tally);
        } catch (e) {
          throw new Error(`sync ${k + 1} of ${clean.commands.length} (${n} operations), operation ${j + 1}: ${(e as Error).message.slice(0, 1500)}`);
        } finally {
          target = null;
        }
      }
    }
    report.push(`mid-batch ${_name}: ${tally.injected} operations made to fail -> before ${tally.outcomes.before}, after ${tally.outcomes.after}, after with a note ${tally.outcomes.afterWithNote}`);
  });
});
