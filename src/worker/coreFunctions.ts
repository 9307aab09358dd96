/**
 * The core operations the Office adapter needs, as plain synchronous functions over grids: what the Web Worker
 * runs (worker.ts) and what the same-thread runner calls in tests. Nothing here touches Office.js.
 */
import { analyseWorkbook } from '../core/analyse';
import type { ExistingName } from '../core/plan/tableNames';
import { analyseForForms } from '../core/forms/collectFillData';
import { buildFormsPlan } from '../core/forms/buildFormsPlan';
import type { FormPeriod } from '../core/forms/period';
import type { Grid, SheetInput, SheetSpec, WorkbookPlan, WorkbookState } from '../core/plan/types';
import { resolveSettings } from '../core/settings/settings';
import { parseIso, todayYmd, type Ymd } from '../core/values/dates';
import type { DetectionSummary } from '../office/actions';
import { detect } from './detectCore';
import { buildShareFile } from './shareCore';
import type { ShareRequest, ShareResponse } from '../office/shareSafe';

export { detectionSummary } from './detectCore';

export interface DetectRequest {
  sheets: SheetInput[];
  state: WorkbookState;
}

export interface AnalyseRequest {
  sheets: SheetInput[];
  state: WorkbookState;
  /** 'YYYY-MM-DD'; omitted: the settings' analysis date, else today. */
  asOf?: string;
  /** The workbook's table and defined names (the plan's table names avoid them). */
  existingNames?: ExistingName[];
  /** The previous 招揽名单's grid (its callers' notes are kept), or null. */
  previousWinBack?: Grid | null;
}

export interface FormsRequest {
  formIds: string[];
  filled: boolean;
  sheets: SheetInput[];
  state: WorkbookState;
  /** Names of the dealer's own sheets (a form whose name is taken gets a suffix). */
  existingSheetNames: string[];
  asOf?: string;
  /** The period the filled forms cover: 'all' (default) or a month 'YYYY-MM'. */
  period?: FormPeriod;
}

export type ProgressFn = (step: string, fraction: number) => void;

export interface CoreFunctions {
  detect(req: DetectRequest): DetectionSummary;
  analyse(req: AnalyseRequest, onProgress: ProgressFn): WorkbookPlan;
  forms(req: FormsRequest, onProgress: ProgressFn): SheetSpec[];
  /** The share-safe workbook's file (base64) from every sheet's grid. */
  share(req: ShareRequest): ShareResponse;
}

function asOfOf(asOf: string | undefined, state: WorkbookState): Ymd {
  if (asOf) {
    const p = parseIso(asOf);
    if (p) return p;
  }
  const s = resolveSettings(state.settings);
  return (s.analysisDate ? parseIso(s.analysisDate) : null) ?? todayYmd();
}

/** The real core. */
export const coreFunctions: CoreFunctions = {
  detect,
  share: buildShareFile,
  analyse({ sheets, state, asOf, existingNames, previousWinBack }, onProgress) {
    const parsed = asOf ? parseIso(asOf) : null;
    return analyseWorkbook(sheets, { state, asOf: parsed ?? undefined, onProgress, existingNames, previousWinBack });
  },
  forms({ formIds, filled, sheets, state, existingSheetNames, asOf, period }, onProgress) {
    const settings = resolveSettings(state.settings);
    const date = asOfOf(asOf, state);
    onProgress('forms', 0.1);
    const data = filled ? analyseForForms(sheets, settings, state, date).data : undefined;
    onProgress('forms', 0.6);
    return buildFormsPlan({ ids: formIds, filled, data, period, settings, asOf: date, existingSheetNames });
  },
};
