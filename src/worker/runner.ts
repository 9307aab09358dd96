/**
 * Runs the core off the UI thread. `createWorkerRunner` (workerRunner.ts, re-exported here) posts grids to a Web
 * Worker and gets the plan back (desktop Office restarts an add-in that is unresponsive for 5 s; classifying a
 * million rows takes seconds); `createInlineRunner` runs the same functions on the calling thread (tests, and
 * browsers without workers). This module imports the whole core: the pane and the ribbon import workerRunner.ts
 * (or load this one with a dynamic import) so that their bundles stay without it.
 */
import { coreFunctions, type CoreFunctions } from './coreFunctions';
import { runInline, type CoreRunner } from './workerRunner';

export { createWorkerRunner, type CoreRunner, type RunnerOptions } from './workerRunner';

/**
 * The same-thread runner. Cancellation is checked before and after the (synchronous) core call.
 * @example const plan = await createInlineRunner().analyse({ sheets, state: emptyState() });
 */
export function createInlineRunner(fns: CoreFunctions = coreFunctions): CoreRunner {
  return {
    detect: (req, o) => runInline(o, () => fns.detect(req)),
    analyse: (req, o) => runInline(o, (p) => fns.analyse(req, p)),
    forms: (req, o) => runInline(o, (p) => fns.forms(req, p)),
    share: (req, o) => runInline(o, () => fns.share(req)),
  };
}
