/** The pane's runner: detection on the pane's thread (no worker started), analysis and forms in the worker. */
import { handleRequest } from '../../src/worker/handleRequest';
import { coreFunctions } from '../../src/worker/coreFunctions';
import { createPaneRunner } from '../../src/worker/paneRunner';
import { createLazyInlineRunner } from '../../src/worker/lazyInlineRunner';
import type { WorkerRequest } from '../../src/worker/protocol';
import { emptyState } from '../../src/core/state/stateSheet';
import type { SheetInput } from '../../src/core/plan/types';

const sheets: SheetInput[] = [
  {
    name: '回访记录',
    grid: [
      ['车架号', '回访日期', '回访结果'],
      ['LSVAB1234567890AA', 46000, '已接通'],
    ],
  },
];

/** Counts the workers made and runs their requests with the real core, asynchronously like a worker. */
function fakeWorkers() {
  const made: string[][] = [];
  const create = () => {
    const methods: string[] = [];
    made.push(methods);
    const w = {
      onmessage: null as ((ev: MessageEvent) => void) | null,
      onerror: null,
      postMessage(req: WorkerRequest) {
        methods.push(req.method);
        setTimeout(() => handleRequest(req, coreFunctions, (m) => w.onmessage?.({ data: m } as MessageEvent)), 1);
      },
      terminate() {},
    };
    return w as unknown as Worker;
  };
  return { made, create };
}

test('detect runs on this thread with the core detection and starts no worker', async () => {
  const { made, create } = fakeWorkers();
  const runner = createPaneRunner(create);
  const state = emptyState();
  const detected = await runner.detect({ sheets, state });
  expect(detected).toEqual(coreFunctions.detect({ sheets, state }));
  expect(made).toEqual([]);
});

test('analyse goes to the worker, started on that first call', async () => {
  const { made, create } = fakeWorkers();
  const runner = createPaneRunner(create);
  await runner.analyse({ sheets, state: emptyState(), asOf: '2025-12-31' }).catch(() => undefined);
  expect(made).toEqual([['analyse']]);
});

test('detect honours a cancelled signal', async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(createPaneRunner(fakeWorkers().create).detect({ sheets, state: emptyState() }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
});

test('the lazy same-thread runner (ribbon without workers) gives what the core gives', async () => {
  const state = emptyState();
  await expect(createLazyInlineRunner().detect({ sheets, state })).resolves.toEqual(coreFunctions.detect({ sheets, state }));
});
