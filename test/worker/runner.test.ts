/** The core runners: same-thread and Web Worker (with an in-process stand-in for Worker), progress and cancel. */
import { handleRequest } from '../../src/worker/handleRequest';
import type { CoreFunctions } from '../../src/worker/coreFunctions';
import type { WorkerRequest } from '../../src/worker/protocol';
import { createInlineRunner, createWorkerRunner } from '../../src/worker/runner';
import { emptyState } from '../../src/core/state/stateSheet';
import type { WorkbookPlan } from '../../src/core/plan/types';

const plan: WorkbookPlan = { columnWrites: [], sheets: [], state: emptyState(), report: { parts: [], figures: { vehicles: 3 }, statusCounts: {}, issues: [], warnings: [] } };

const fns: CoreFunctions = {
  detect: () => ({ sheets: [], ignored: [{ sheet: 'x', reason: 'notRecognised' }] }),
  analyse: (_req, progress) => {
    progress('aftersales', 0.5);
    return plan;
  },
  forms: () => {
    throw Object.assign(new Error('no forms'), { messageKey: 'forms.error.unknown', params: { ids: 'Z9' } });
  },
  share: () => ({ base64: '', maskedCells: 0, bytes: 0, charts: 0, pivots: 0, staleCharts: 0 }),
};

/** A Worker stand-in that runs handleRequest asynchronously, like a real worker's message loop. */
class FakeWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(req: WorkerRequest): void {
    setTimeout(() => {
      if (this.terminated) return;
      handleRequest(req, fns, (m) => !this.terminated && this.onmessage?.({ data: m } as MessageEvent));
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const request = { sheets: [], state: emptyState() };

describe.each([
  ['inline', () => createInlineRunner(fns)],
  ['worker', () => createWorkerRunner(() => new FakeWorker() as unknown as Worker)],
])('%s runner', (_name, make) => {
  it('returns the plan and reports progress as progress.core.<step>', async () => {
    const steps: string[] = [];
    const result = await make().analyse(request, { onProgress: (p) => steps.push(`${p.step}:${p.fraction}`) });
    expect(result.report.figures).toEqual({ vehicles: 3 });
    expect(steps).toEqual(['progress.core.aftersales:0.5']);
  });

  it('keeps the i18n key of a core error', async () => {
    await expect(make().forms({ ...request, formIds: ['Z9'], filled: false, existingSheetNames: [] })).rejects.toMatchObject({ messageKey: 'forms.error.unknown', params: { ids: 'Z9' } });
  });

  it('rejects with AbortError when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(make().detect(request, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

it('the worker runner terminates the worker on cancel and starts a new one for the next call', async () => {
  const workers: FakeWorker[] = [];
  const runner = createWorkerRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  const controller = new AbortController();
  const pending = runner.analyse(request, { signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError', messageKey: 'office.error.cancelled' });
  expect(workers[0].terminated).toBe(true);
  await expect(runner.detect(request)).resolves.toMatchObject({ ignored: [{ sheet: 'x' }] });
  expect(workers).toHaveLength(2);
});
