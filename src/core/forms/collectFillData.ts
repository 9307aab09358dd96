/**
 * Gathers FormFillData from the analyses: each part may put a FormFillData under PartResult.data.forms; datasets
 * from several parts are concatenated. The after-sales part's `failedByCategory` (and last run's counts stored in the
 * workbook) fill 跟踪失败分析表 even before that part writes `data.forms`.
 *
 * `analyseForForms` runs sheet detection and both parts itself, because the analysis facade returns a WorkbookPlan,
 * which has no room for part data.
 */
import type { SheetInput, WorkbookState } from '../plan/types';
import type { Settings } from '../settings/settings';
import type { Ymd } from '../values/dates';
import type { DetectedSheets, Field } from '../sheets/types';
import { detectSheets } from '../sheets/detectSheets';
import { analyseAfterSales } from '../aftersales/analyseAfterSales';
import { analyseSales, type PartResult } from '../sales/analyseSales';
import { dealerFromTitles } from '../sheets/dealerName';
import { FILL_DATASETS, FORM_DATA_KEY, type FailedFollowUpFillRow, type FillDatasetName, type FormFillData } from './fillData';

const DATASETS = FILL_DATASETS;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function countsOf(v: unknown): Record<string, number> | null {
  if (!isRecord(v)) return null;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  return out;
}

/**
 * Merges the parts' `data.forms`.
 * @example fillDataFromParts([{ data: { forms: { register: [r1] } } }, null]).register // [r1]
 */
export function fillDataFromParts(
  parts: readonly (Pick<PartResult, 'data'> | null | undefined)[],
  previousFailedByCategory?: Record<string, number>,
  analysisMonth = '',
): FormFillData {
  const out: Record<string, unknown[]> = {};
  const rowCounts: Partial<Record<FillDatasetName, Record<string, number>>> = {};
  let failedByCategory: Record<string, number> | null = null;
  const labels: Record<string, string> = {};
  for (const part of parts) {
    if (!part) continue;
    const forms = part.data[FORM_DATA_KEY];
    if (isRecord(forms)) {
      for (const name of DATASETS) {
        const rows = forms[name];
        if (!Array.isArray(rows)) continue;
        const target = (out[name] ??= []);
        for (const r of rows) target.push(r); // a loop: datasets can be large
        // Row counts per period add up across parts, like the rows.
        const counts = isRecord(forms.rowCounts) ? countsOf(forms.rowCounts[name]) : null;
        if (counts) {
          const sum = (rowCounts[name] ??= {});
          for (const [k, n] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + n;
        }
      }
    }
    failedByCategory ??= countsOf(part.data.failedByCategory);
    if (isRecord(forms) && isRecord(forms.labels)) {
      for (const [k, v] of Object.entries(forms.labels)) if (typeof v === 'string') (labels[k] ??= v);
    }
  }
  if (!out.failedFollowUps && failedByCategory) {
    out.failedFollowUps = Object.entries(failedByCategory).map(([category, count]): FailedFollowUpFillRow => {
      const previous = previousFailedByCategory?.[category];
      return previous === undefined ? { month: analysisMonth, category, count } : { month: analysisMonth, category, count, previous };
    });
  }
  const data = out as FormFillData;
  if (Object.keys(rowCounts).length > 0) data.rowCounts = rowCounts;
  if (Object.keys(labels).length > 0) data.labels = labels;
  return data;
}

/** What analysing a workbook for the forms gave: the data, and why a part did not contribute. */
export interface FormsAnalysis {
  data: FormFillData;
  /** Parts that did not run, with the error message (e.g. no customer sheet). */
  skipped: { part: 'aftersales' | 'sales'; reason: string }[];
}

/**
 * Runs detection and both analyses on a workbook's sheets and returns the forms' fill data.
 * A part that cannot run (its sheets are missing) is skipped and reported, never fatal: its forms stay blank.
 */
export function analyseForForms(sheets: readonly SheetInput[], settings: Settings, state: WorkbookState, asOf: Ymd): FormsAnalysis {
  // The same detection the analysis facade runs: ChurnDesk's own sheets and appended columns are never input.
  const ownedHeaders = new Set<string>();
  for (const o of Object.values(state.ownedColumns)) for (const h of o.headers) ownedHeaders.add(h);
  const detected: DetectedSheets = detectSheets(sheets, {
    mappings: state.mappings as Record<string, Partial<Record<Field, string>>>,
    ownedSheetNames: Object.values(state.ownedSheets),
    ownedHeaders: [...ownedHeaders],
    ownedColumns: state.ownedColumns,
  });
  const skipped: FormsAnalysis['skipped'] = [];
  const parts: (PartResult | null)[] = [];
  const run = (part: 'aftersales' | 'sales', f: () => PartResult | null) => {
    try {
      parts.push(f());
    } catch (e) {
      skipped.push({ part, reason: e instanceof Error ? e.message : String(e) });
    }
  };
  if (detected.customers) run('aftersales', () => analyseAfterSales(detected, settings, asOf, state));
  run('sales', () => analyseSales(detected, settings, asOf, state));
  const data = fillDataFromParts(parts, state.lastRun?.failedByCategory, `${asOf.y}-${String(asOf.m).padStart(2, '0')}`);
  const dealerName = dealerFromTitles(detected);
  if (dealerName) data.dealerName = dealerName;
  return { data, skipped };
}
