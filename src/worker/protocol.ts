/** Messages between the page (pane or ribbon commands) and the core's Web Worker. */
import type { SheetSpec, WorkbookPlan } from '../core/plan/types';
import type { DetectionSummary } from '../office/actions';
import type { AnalyseRequest, DetectRequest, FormsRequest } from './coreFunctions';
import type { ShareRequest, ShareResponse } from '../office/shareSafe';

export type WorkerRequest =
  | { id: number; method: 'detect'; request: DetectRequest }
  | { id: number; method: 'analyse'; request: AnalyseRequest }
  | { id: number; method: 'forms'; request: FormsRequest }
  | { id: number; method: 'share'; request: ShareRequest };

export type WorkerResult = DetectionSummary | WorkbookPlan | SheetSpec[] | ShareResponse;

export type WorkerResponse =
  | { id: number; type: 'progress'; step: string; fraction: number }
  | { id: number; type: 'result'; result: WorkerResult }
  /** An error crosses the boundary as plain data; `messageKey`/`errors` keep i18n keys and settings errors. */
  | { id: number; type: 'error'; error: { name: string; message: string; messageKey?: string; key?: string; params?: unknown; errors?: unknown; column?: unknown; needsMapping?: unknown } };
