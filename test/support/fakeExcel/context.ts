/**
 * The request context of the in-memory Excel: a queue of actions applied at `sync()`, like office.js's pending
 * ClientRequest. Line numbers below are of node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js.
 * - Every proxy queues its instantiation when it is created (`ClientObject` constructor → `createInstantiateAction`,
 *   line 15985-15987): a missing `getItem` fails the next sync at that point of the queue, and a used range is
 *   measured where it was asked for.
 * - A sync without actions makes no round trip (`syncPrivate`: `if (!req.hasActions) return …`, line 16465): it is
 *   not counted in `stats.syncs` and cannot be failed by `failOnSync`.
 * - Each sync estimates the request size (JSON of the queued actions) and the response size (JSON of the loaded
 *   values) and fails with Request/ResponsePayloadSizeLimitExceeded over the limit ("Excel on the web has a payload
 *   size limit for requests and responses of 5MB", docs "Resource limits and performance optimization"). A request
 *   over the limit is refused whole: nothing of it is applied.
 * - Actions run in order; the first failing one rejects the sync and the rest are dropped (the ones before it stay
 *   applied: Excel does not roll back). The queue is emptied either way (`syncPrivateMain`, line 16455-16456).
 */
import { FakeOfficeError, MESSAGES } from './errors';
import type { WorkbookData } from './model';

export interface SyncStats {
  /** Round trips (syncs that carried at least one action). */
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Queued actions per round trip, for diagnostics. */
  commands: number[];
  /** Actions left queued when a run's batch rejected: office.js never sends them (the catch at line 16862 skips the sync of line 16855). */
  droppedOps: number;
  /**
   * Requests office.js sends after a run to release the references of its auto-tracked Ranges (`attemptCleanup`,
   * line 16879-16896: one `_RemoveReference` per Range that reached Excel; not awaited by the run, line 16877).
   * Not counted in `syncs` (the add-in never waits for them) and never failed by `failOnSync`.
   */
  cleanupRequests: number;
}

export interface ContextHost {
  data: WorkbookData;
  stats: SyncStats;
  payloadLimitBytes: number;
  /** Throw a GeneralException on this (1-based, counted across runs) round trip; null: never. */
  failOnSync: number | null;
  /** Highest ExcelApi minor version supported (12 means ExcelApi 1.12). */
  excelApiMinor: number;
  supports(name: string, version: string): boolean;
}

interface Op {
  requestBytes: number;
  /** Runs the command; a read returns a commit function and the response size. */
  run: () => void | { bytes: number; commit: () => void };
}

/** A proxy the run's automatic clean-up can invalidate (office.js: a type with `_KeepReference`, e.g. Range). */
export interface AutoTracked {
  invalidate(): void;
  /** Whether Excel holds a reference to it (its instantiation reached Excel in a successful sync). */
  referenced(): boolean;
}

/** Approximate UTF-8 size of a value's JSON (CJK counts 3 bytes), without Node's Buffer. */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

/**
 * Request bytes, from the JSON shapes office.js sends (`buildRequestMessageBodyAndRequestFlags`: `Actions` and
 * `ObjectPaths`): a method/set-property action (`createMethodAction`, line 15888-15894), an instantiate action
 * (line 15947-15952) with its object path, and the `_KeepReference` call every Range adds in a run (line 32022-32023).
 */
export const ACTION_BYTES = JSON.stringify({ Id: 1234, ActionType: 4, Name: 'Values', ObjectPathId: 1230, ArgumentInfo: { Arguments: [] } }).length + 1;
export const INSTANTIATE_BYTES =
  JSON.stringify({ Id: 1234, ActionType: 1, Name: '', ObjectPathId: 1230 }).length +
  JSON.stringify({ '1230': { Id: 1230, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 1228, ArgumentInfo: { Arguments: ['A1:B2'] } } }).length;
export const KEEP_REFERENCE_BYTES = JSON.stringify({ Id: 1235, ActionType: 3, Name: '_KeepReference', ObjectPathId: 1230, ArgumentInfo: {} }).length + 1;

export class FakeContextCore {
  private queue: Op[] = [];
  suspendCalc = false;
  /** True while sync results are handed to proxies: objects created then are not instantiated (line 15986). */
  processingResult = false;
  /** True inside Excel.run: Range-like proxies created now are auto-tracked (line 15988-15990). */
  autoCleanup = false;
  private readonly autoCleanupList = new Set<AutoTracked>();

  constructor(readonly host: ContextHost) {}

  get data(): WorkbookData {
    return this.host.data;
  }

  /** Queues a write; `payload` is what Office.js would serialise into the request, `extraBytes` any more it sends. */
  enqueue(payload: unknown, run: () => void, extraBytes = 0): void {
    // Writes return nothing at sync (only reads carry a response), whatever `run` evaluates to.
    this.queue.push({
      requestBytes: ACTION_BYTES + jsonBytes(payload) + extraBytes,
      run: () => {
        run();
      },
    });
  }

  /** Queues a read whose result becomes visible only after the sync succeeds. */
  enqueueRead<T>(read: () => T, commit: (v: T) => void, payload: (v: T) => unknown = (v) => v): void {
    this.queue.push({
      requestBytes: ACTION_BYTES,
      run: () => {
        const v = read();
        return { bytes: jsonBytes(payload(v)), commit: () => commit(v) };
      },
    });
  }

  /**
   * Queues a proxy's instantiation: `resolve` runs at sync (throwing ItemNotFound etc. for a missing item) and tells
   * whether the object is a null object; `commit` hands that on after the sync (office.js sets `_isNull` from the
   * instantiate action's result, `InstantiateActionResultHandler`, line 17579-17580 → `_handleIdResult`, line 16070-16071).
   */
  instantiate(resolve: () => boolean, commit: (isNull: boolean) => void, keepReference = false): void {
    this.queue.push({
      requestBytes: INSTANTIATE_BYTES + (keepReference && this.autoCleanup ? KEEP_REFERENCE_BYTES : 0),
      run: () => {
        const isNull = resolve();
        return { bytes: 20, commit: () => commit(isNull) };
      },
    });
  }

  /** `trackedObjects._autoAdd` (line 17739-17742): released at the end of the run. */
  autoTrack(o: AutoTracked): void {
    if (this.autoCleanup) this.autoCleanupList.add(o);
  }

  /** `trackedObjects.add` → `_addCommon(object, true)` (line 17754-17758, 17769-17771): an explicitly tracked object leaves the clean-up list and survives the run. */
  track(o: AutoTracked): void {
    this.autoCleanupList.delete(o);
  }

  /**
   * `trackedObjects.remove` (line 17775-17797) releases Excel's reference. The fake invalidates the proxy with the run
   * (or now, outside a run), so a later use fails on the client with InvalidObjectPath; real Excel would fail it at
   * the next sync instead (stricter here, never more lenient).
   */
  untrack(o: AutoTracked): void {
    if (this.autoCleanup) this.autoCleanupList.add(o);
    else o.invalidate();
  }

  /**
   * The end of Excel.run (`_runCommon`, line 16865-16871): every auto-tracked object's path becomes invalid, and work
   * still queued (a rejected batch) is never sent.
   */
  endRun(): void {
    if ([...this.autoCleanupList].some((o) => o.referenced())) this.host.stats.cleanupRequests++;
    for (const o of this.autoCleanupList) o.invalidate();
    this.autoCleanupList.clear();
    this.autoCleanup = false;
    this.host.stats.droppedOps += this.queue.length;
    this.queue = [];
  }

  /** Throws ApiNotFound at sync when the host supports less than ExcelApi 1.`minor` (like an old Excel build). */
  requireApi(minor: number, api: string): void {
    if (this.host.excelApiMinor < minor) {
      this.enqueue(null, () => {
        throw new FakeOfficeError('ApiNotFound', `The API '${api}' needs ExcelApi 1.${minor}.`);
      });
    }
  }

  pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    if (ops.length === 0) {
      // No actions, no round trip (line 16465).
      await Promise.resolve();
      return;
    }
    const stats = this.host.stats;
    stats.syncs++;
    stats.commands.push(ops.length);
    if (this.host.failOnSync !== null && stats.syncs === this.host.failOnSync) {
      throw new FakeOfficeError('GeneralException', 'An internal error has occurred. (injected)');
    }
    let requestBytes = 0;
    for (const op of ops) requestBytes += op.requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > this.host.payloadLimitBytes) {
      // Refused before Excel runs any of it: nothing is applied.
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', MESSAGES.RequestPayloadSizeLimitExceeded);
    }
    let responseBytes = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const res = op.run();
      if (res) {
        responseBytes += res.bytes;
        commits.push(res.commit);
      }
    }
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (responseBytes > this.host.payloadLimitBytes) {
      // Unpinned: whether Excel keeps the writes of a batch whose response is too large is not documented; the
      // fake keeps them and hands no loaded value to the proxies.
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', MESSAGES.ResponsePayloadSizeLimitExceeded);
    }
    this.processingResult = true;
    try {
      for (const c of commits) c();
    } finally {
      this.processingResult = false;
    }
    this.suspendCalc = false;
    await Promise.resolve();
  }
}
