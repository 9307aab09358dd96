/** One worker request → progress messages and one result or error message. Separate from worker.ts so it is testable. */
import type { CoreFunctions } from './coreFunctions';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Serialises an error so it survives postMessage, keeping i18n keys and settings errors. */
export function errorData(e: unknown): Extract<WorkerResponse, { type: 'error' }>['error'] {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  return {
    name: typeof o.name === 'string' ? o.name : 'Error',
    message: typeof o.message === 'string' ? o.message : String(e),
    messageKey: typeof o.messageKey === 'string' ? o.messageKey : undefined,
    key: typeof o.key === 'string' ? o.key : undefined,
    params: o.params,
    errors: o.errors,
    // The column a refusal is about (AnalysisInputError.column): the pane opens 列映射 on it.
    column: o.column,
    // The fields a refusal names (AnalysisInputError.needsMapping): the pane focuses the first when `column` is unset.
    needsMapping: o.needsMapping,
  };
}

export function handleRequest(req: WorkerRequest, fns: CoreFunctions, post: (m: WorkerResponse) => void): void {
  const progress = (step: string, fraction: number) => post({ id: req.id, type: 'progress', step, fraction });
  try {
    const result =
      req.method === 'detect'
        ? fns.detect(req.request)
        : req.method === 'analyse'
          ? fns.analyse(req.request, progress)
          : req.method === 'share'
            ? fns.share(req.request)
            : fns.forms(req.request, progress);
    post({ id: req.id, type: 'result', result });
  } catch (e) {
    post({ id: req.id, type: 'error', error: errorData(e) });
  }
}
