/**
 * The task pane's runner: detection runs on the pane's own thread, analysis and forms in the Web Worker.
 *
 * Detection reads only the sheets' heads (30 rows each) and takes milliseconds, but the pane asks for it as soon
 * as it opens; running it here means the worker (the whole core, dist/worker.js) is fetched and started only on
 * the first 刷新分析 or 生成, not while the pane is starting. The detection code itself is a small chunk loaded on
 * the first call, after the home view has painted.
 */
import type { DetectionSummary } from '../office/actions';
import type { DetectRequest } from './coreFunctions';
import { createWorkerRunner, runInline, type CoreRunner, type RunnerOptions } from './workerRunner';

type DetectFn = (req: DetectRequest) => DetectionSummary;

let detectModule: Promise<DetectFn> | null = null;

/** The detection code, loaded once (webpack chunk 'detect'). */
export function loadDetect(): Promise<DetectFn> {
  if (!detectModule) {
    detectModule = import(/* webpackChunkName: "detect" */ './detectCore').then(
      (m) => m.detect,
      (e: unknown) => {
        detectModule = null; // a failed load (network) may succeed next time
        throw e;
      },
    );
  }
  return detectModule;
}

/**
 * @example createOfficeActions({ host: officeHost(), runner: createPaneRunner(() => new Worker('worker.js')) })
 */
export function createPaneRunner(createWorker: () => Worker): CoreRunner {
  const worker = createWorkerRunner(createWorker);
  return {
    detect: async (req: DetectRequest, options?: RunnerOptions) => {
      const detect = await loadDetect();
      return runInline(options, () => detect(req));
    },
    analyse: (req, options) => worker.analyse(req, options),
    forms: (req, options) => worker.forms(req, options),
    share: (req, options) => worker.share(req, options),
  };
}
