/**
 * The request context of the in-memory Excel: a queue of commands applied at `sync()`, like Office.js.
 * Each sync estimates the request size (JSON of the queued writes) and the response size (JSON of the
 * loaded values) and throws RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded over the limit,
 * as Excel on the web does. Commands run in order; the first failing one rejects the sync and the rest are
 * dropped (the ones before it stay applied: Excel does not roll back).
 */
import { FakeOfficeError } from './errors';
import type { WorkbookData } from './model';

export interface SyncStats {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Queued commands per sync, for diagnostics. */
  commands: number[];
}

export interface ContextHost {
  data: WorkbookData;
  stats: SyncStats;
  payloadLimitBytes: number;
  /** Throw a GeneralException on this (1-based, counted across runs) sync; null: never. */
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

/** Approximate UTF-8 size of a value's JSON (CJK counts 3 bytes), without Node's Buffer. */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

export class FakeContextCore {
  private queue: Op[] = [];
  suspendCalc = false;

  constructor(readonly host: ContextHost) {}

  get data(): WorkbookData {
    return this.host.data;
  }

  /** Queues a write; `payload` is what Office.js would serialise into the request. */
  enqueue(payload: unknown, run: () => void): void {
    // Writes return nothing at sync (only reads carry a response), whatever `run` evaluates to.
    this.queue.push({
      requestBytes: 40 + jsonBytes(payload),
      run: () => {
        run();
      },
    });
  }

  /** Queues a read whose result becomes visible only after the sync succeeds. */
  enqueueRead<T>(read: () => T, commit: (v: T) => void, payload: (v: T) => unknown = (v) => v): void {
    this.queue.push({
      requestBytes: 40,
      run: () => {
        const v = read();
        return { bytes: jsonBytes(payload(v)), commit: () => commit(v) };
      },
    });
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
    const stats = this.host.stats;
    stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    stats.commands.push(ops.length);
    if (this.host.failOnSync !== null && stats.syncs === this.host.failOnSync) {
      throw new FakeOfficeError('GeneralException', 'An internal error has occurred. (injected)');
    }
    let requestBytes = 0;
    for (const op of ops) requestBytes += op.requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > this.host.payloadLimitBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) is over the limit.`);
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
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload (${responseBytes} bytes) is over the limit.`);
    }
    for (const c of commits) c();
    this.suspendCalc = false;
    await Promise.resolve();
  }
}
