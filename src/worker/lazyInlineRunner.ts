/**
 * The same-thread runner, loaded on its first call (webpack chunk 'core-inline'): for hosts without Web Workers,
 * so that the ribbon's function file does not carry the whole core for a fallback it rarely needs.
 */
import type { CoreRunner } from './workerRunner';

/** @example const runner = typeof Worker === 'function' ? createWorkerRunner(make) : createLazyInlineRunner(); */
export function createLazyInlineRunner(): CoreRunner {
  let inline: Promise<CoreRunner> | null = null;
  const load = (): Promise<CoreRunner> => {
    if (!inline) {
      inline = import(/* webpackChunkName: "core-inline" */ './runner').then(
        (m) => m.createInlineRunner(),
        (e: unknown) => {
          inline = null;
          throw e;
        },
      );
    }
    return inline;
  };
  return {
    detect: async (req, o) => (await load()).detect(req, o),
    analyse: async (req, o) => (await load()).analyse(req, o),
    forms: async (req, o) => (await load()).forms(req, o),
    share: async (req, o) => (await load()).share(req, o),
  };
}
