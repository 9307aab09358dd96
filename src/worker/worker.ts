/**
 * The Web Worker entry: receives grids, runs the core, posts the result (or the error as plain data) back.
 * Bundled by webpack as its own entry (dist/worker.js).
 */
import { coreFunctions } from './coreFunctions';
import { handleRequest } from './handleRequest';

const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (ev: MessageEvent) => {
  handleRequest(ev.data, coreFunctions, (m) => scope.postMessage(m));
};
