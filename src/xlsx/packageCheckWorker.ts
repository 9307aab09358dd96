/**
 * The damaged-package check (packageCheck.ts) in a worker thread: `churn-desk analyze` starts it beside the
 * stream reader and the analysis (fileEngine.ts, fileEngineAside), so its seconds overlap theirs on a second core
 * instead of coming before them. Posts `{ problem }` (null for a sound package) or `{ error }` (not a readable zip).
 */
import { parentPort, workerData } from 'worker_threads';
import { packageProblem } from './packageCheck';

packageProblem((workerData as { file: string }).file).then(
  (problem) => parentPort?.postMessage({ problem }),
  (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
