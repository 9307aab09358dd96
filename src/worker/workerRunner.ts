/**
 * The runner's core-free half: the CoreRunner interface and the Web Worker runner, which posts grids to the
 * worker (dist/worker.js) and gets the plan back. Nothing here imports the core's code (only its types), so the
 * task pane and the ribbon's function file can start the worker without bundling the core themselves; the
 * same-thread runner, which does need the core, is in runner.ts.
 * Cancelling terminates the worker (the only way to stop a synchronous computation); the next call starts a new one.
 */
import type { SheetSpec, WorkbookPlan } from '../core/plan/types';
import type { DetectionSummary, Progress } from '../office/actions';
import { ChurnDeskError } from '../office/errors';
import type { AnalyseRequest, DetectRequest, FormsRequest } from './coreFunctions';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol';
import type { ShareRequest, ShareResponse } from '../office/shareSafe';

export interface RunnerOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface CoreRunner {
  detect(req: DetectRequest, options?: RunnerOptions): Promise<DetectionSummary>;
  analyse(req: AnalyseRequest, options?: RunnerOptions): Promise<WorkbookPlan>;
  forms(req: FormsRequest, options?: RunnerOptions): Promise<SheetSpec[]>;
  share(req: ShareRequest, options?: RunnerOptions): Promise<ShareResponse>;
}

export function cancelled(): ChurnDeskError {
  return new ChurnDeskError('cancelled', 'office.error.cancelled');
}

/** Progress of the core as the pane's Progress ('progress.core.<step>'). */
export function progressOf(step: string, fraction: number): Progress {
  return { step: `progress.core.${step}`, fraction };
}

/**
 * Runs a synchronous core call on this thread as a runner call: cancellation is checked before and after it.
 * @example runInline(options, (progress) => coreFunctions.analyse(req, progress))
 */
export async function runInline<T>(options: RunnerOptions | undefined, f: (progress: (step: string, fraction: number) => void) => T): Promise<T> {
  if (options?.signal?.aborted) throw cancelled();
  await Promise.resolve();
  const result = f((step, fraction) => options?.onProgress?.(progressOf(step, fraction)));
  if (options?.signal?.aborted) throw cancelled();
  return result;
}

/** Rebuilds an error that crossed the worker boundary, keeping its i18n key. */
function reviveError(e: Extract<WorkerResponse, { type: 'error' }>['error']): Error {
  return Object.assign(new Error(e.message), e);
}

/**
 * The Web Worker runner. `createWorker` makes the worker (`new Worker('worker.js')`, the webpack entry 'worker').
 * The worker is started on the first call, not before. One request at a time per worker; concurrent calls queue
 * on the same worker.
 */
export function createWorkerRunner(createWorker: () => Worker): CoreRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: unknown) => void; onProgress?: (p: Progress) => void }>();

  const ensure = (): Worker => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(progressOf(msg.step, msg.fraction));
      else {
        pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.result);
        else p.reject(reviveError(msg.error));
      }
    };
    w.onerror = (ev) => {
      const error = new ChurnDeskError('coreError', 'office.error.unexpected', { detail: ev.message ?? 'worker error' });
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  const call = (message: Omit<WorkerRequest, 'id'>, options?: RunnerOptions): Promise<WorkerResult> => {
    if (options?.signal?.aborted) return Promise.reject(cancelled());
    const id = nextId++;
    const w = ensure();
    return new Promise<WorkerResult>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress: options?.onProgress });
      options?.signal?.addEventListener(
        'abort',
        () => {
          if (!pending.has(id)) return;
          // A synchronous computation cannot be interrupted: stop the worker, fail every call it was running.
          w.terminate();
          if (worker === w) worker = null;
          for (const p of pending.values()) p.reject(cancelled());
          pending.clear();
        },
        { once: true },
      );
      w.postMessage({ ...message, id } as WorkerRequest);
    });
  };

  return {
    detect: (request, o) => call({ method: 'detect', request }, o) as Promise<DetectionSummary>,
    analyse: (request, o) => call({ method: 'analyse', request }, o) as Promise<WorkbookPlan>,
    forms: (request, o) => call({ method: 'forms', request }, o) as Promise<SheetSpec[]>,
    share: (request, o) => call({ method: 'share', request }, o) as Promise<ShareResponse>,
  };
}
