/**
 * The after-sales part of the analysis: customer base (+ call log) → the 13 classification columns beside the
 * customer sheet and the summary sheets, with figures, issues and warnings. Called by analyseWorkbook
 * (src/core/analyse.ts) when a customer sheet was found.
 */
import { warningList } from '../plan/warnings';
import { translator } from '../../i18n';
import { previousMonthFailures } from './failureHistory';
import type { AppendedColumn, CellIssue, CellValue, ColumnWrite, ConditionalFormat, Grid, WorkbookState } from '../plan/types';
import type { PartResult } from '../sales/analyseSales';
import type { Settings } from '../settings/settings';
import { cellIssue, ISSUE_REASON } from '../sheets/cellIssue';
import { distinctHeaders, placeColumns } from '../sheets/placeColumns';
import type { DetectedSheets, MappedSheet } from '../sheets/types';
import { formatIso, ymdToSerial, type Ymd } from '../values/dates';
import { ActionTexts, analyseVehicles, type VehicleAnalysis } from './analyseVehicles';
import { AnalysisInputError } from './errors';
import { assertCallsMatch } from './callsMatched';
import { CLASSIFICATION_COLUMNS, DUPLICATE_MARK, type ClassificationColumn } from './labels';
import { readCalls, readCustomers } from './records';
import { buildAfterSalesSummaries, type ClassifiedSource, type SummaryContext } from './summaries';
import { afterSalesFormData } from './formData';
import { FORM_DATA_KEY, type FormFillData } from '../forms/fillData';
import type { CallTable, CustomerTable } from './tables';

type Translate = ReturnType<typeof translator>;

/** The appended headers in the settings' language (zh-CN: DOMAIN.md's exact headers). */
export function classificationHeaders(t: Translate): string[] {
  return CLASSIFICATION_COLUMNS.map((k) => t(`aftersales.col.${k}`));
}

/** Throws AnalysisInputError naming the sheet and the fields when a sheet lacks required columns. */
export function assertUsable(sheet: MappedSheet, t: Translate): void {
  if (sheet.missingRequired.length === 0) return;
  const fields = sheet.missingRequired.map((f) => t(`input.field.${f}`)).join('、');
  throw new AnalysisInputError('aftersales.error.missingFields', { sheet: sheet.sheet.name, fields });
}

/**
 * The 13 appended columns over rows firstDataRow..lastDataRow of the customer sheet. Rows that are not data rows
 * (blank, totals) inside that span get ''. Every row of a vehicle carries the vehicle's values; the 2nd and later
 * rows are marked 重复.
 */
function buildColumns(a: VehicleAnalysis, sheet: MappedSheet, settings: Settings, t: Translate, headers: string[]): AppendedColumn[] {
  const rows = sheet.dataRows;
  const first = rows[0];
  const span = rows[rows.length - 1] - first + 1;
  const values: Record<ClassificationColumn, CellValue[]> = {} as Record<ClassificationColumn, CellValue[]>;
  for (const k of CLASSIFICATION_COLUMNS) values[k] = new Array<CellValue>(span).fill('');
  // 建议动作 = action + its one-line reason.
  const texts = new ActionTexts(a, settings, t);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] - first;
    const v = a.vehicles.vehicleOfRow[i];
    values.monthsSinceVisit[r] = Number.isNaN(a.monthsSinceVisit[v]) ? '' : a.monthsSinceVisit[v];
    values.status[r] = a.status[v];
    values.ageYears[r] = Number.isNaN(a.ageYears[v]) ? '' : a.ageYears[v];
    values.ageBucket[r] = a.ageBucket[v];
    values.warranty[r] = a.warranty[v];
    values.locality[r] = a.locality[v];
    values.lastResult[r] = a.lastResult[v];
    values.reason[r] = a.reasonText[v];
    values.reasonCategory[r] = a.reasonCategory[v];
    values.destination[r] = a.destination[v];
    values.priority[r] = a.priority[v];
    values.action[r] = texts.joined(v);
    values.duplicate[r] = a.vehicles.duplicate[i] ? DUPLICATE_MARK : '';
  }
  const kinds: Partial<Record<ClassificationColumn, AppendedColumn['kind']>> = { monthsSinceVisit: 'integer', ageYears: 'integer' };
  const widths: Partial<Record<ClassificationColumn, number>> = { reason: 24, action: 40, destination: 14 };
  return CLASSIFICATION_COLUMNS.map((k, i) => ({
    key: k,
    header: headers[i],
    kind: kinds[k] ?? 'text',
    values: values[k],
    width: widths[k] ?? Math.max(8, headers[i].length * 2 + 2),
  }));
}

/**
 * Purchase and visit dates after the analysis date: readable, but they make the vehicle 数据异常, so the cell is
 * reported for the user to check (a typo such as 2062 for 2026, or the wrong analysis date).
 */
function datesAfter(sheet: MappedSheet, t: CustomerTable, asOfSerial: number): CellIssue[] {
  const out: CellIssue[] = [];
  const grid = sheet.sheet.grid;
  for (const [field, values] of [['purchaseDate', t.purchase], ['lastVisitDate', t.lastVisit]] as const) {
    const col = sheet.columns[field];
    if (col === undefined) continue;
    for (let i = 0; i < values.length; i++) {
      if (values[i] > asOfSerial) out.push(cellIssue(sheet.sheet.name, t.rows[i], col, field, grid[t.rows[i]]?.[col], ISSUE_REASON.dateAfterAsOf));
    }
  }
  return out;
}

/**
 * A PivotTable needs a non-blank, unique header over every source column; a sheet with a blank or repeated header
 * left of ChurnDesk's columns gets no PivotTable (the summary tables still hold the same counts).
 */
function pivotableHeaders(sheet: MappedSheet, startColumn: number): boolean {
  const seen = new Set<string>();
  for (let c = 0; c < startColumn; c++) {
    const h = (sheet.headers[c] ?? '').trim().toLowerCase();
    if (!h || seen.has(h)) return false;
    seen.add(h);
  }
  return true;
}

function statusFormats(statusCol: number, priorityCol: number, lastRow: number, firstRow: number): ConditionalFormat[] {
  const f = (col: number, text: string, fill: 'red' | 'orange' | 'yellow' | 'green' | 'grey'): ConditionalFormat => ({
    type: 'textEquals', col, firstRow, lastRow, text, fill,
  });
  return [
    f(statusCol, '准流失', 'yellow'), f(statusCol, '流失', 'orange'), f(statusCol, '彻底流失', 'red'), f(statusCol, '数据异常', 'grey'),
    f(priorityCol, 'A 高', 'orange'),
  ];
}

/**
 * Runs the after-sales analysis on the detected customer sheet (and call log, if any).
 * @throws AnalysisInputError when the customer sheet lacks required columns.
 * @example analyseAfterSales(detectSheets(sheets), resolveSettings({}), { y: 2026, m: 10, d: 31 }, emptyState()).figures
 */
export function analyseAfterSales(
  detected: DetectedSheets,
  settings: Settings,
  asOf: Ymd,
  state: WorkbookState,
  previousWinBack: Grid | null = null,
): PartResult {
  const t = translator(settings.language);
  const customers = detected.customers;
  if (!customers) throw new AnalysisInputError('aftersales.part.noCustomerSheet');
  assertUsable(customers, t);
  const warnings = warningList(t);
  const issues: CellIssue[] = [];

  const read = readCustomers(customers);
  for (const issue of read.issues) issues.push(issue);
  for (const issue of datesAfter(customers, read.table, ymdToSerial(asOf))) issues.push(issue);
  let calls: CallTable | null = null;
  if (detected.calls) {
    if (detected.calls.missingRequired.length) {
      const fields = detected.calls.missingRequired.map((f) => t(`input.field.${f}`)).join('、');
      warnings.warn('aftersales.error.missingFields', { sheet: detected.calls.sheet.name, fields });
    } else {
      const c = readCalls(detected.calls);
      calls = c.table;
      for (const issue of c.issues) issues.push(issue);
    }
  }
  if (!calls) warnings.warn('aftersales.warning.noCallLog');
  if (settings.localRegions.length === 0) warnings.warn('aftersales.warning.noLocalRegions');

  const a = analyseVehicles(read.table, calls, asOf, settings);
  if (calls && detected.calls && a.callMatch) assertCallsMatch(customers, detected.calls, calls.rows.length, a.callMatch.unmatched, settings.minMatchedCallShare);
  const owned = state.ownedColumns[customers.sheet.name];
  // A header the dealer's sheet already has (its own 流失状态, 流失原因 …) is not repeated: ours reads 流失状态(标准).
  const headers = distinctHeaders(customers, classificationHeaders(t), (header, n) => t(n > 1 ? 'core.col.standardN' : 'core.col.standard', { header, n }), owned);
  const columnWrites: ColumnWrite[] = [];
  let source: ClassifiedSource | null = null;
  if (customers.dataRows.length > 0) {
    const { startColumn, replaces } = placeColumns(customers, headers, owned);
    const firstDataRow = customers.dataRows[0];
    const lastDataRow = customers.dataRows[customers.dataRows.length - 1];
    const statusCol = CLASSIFICATION_COLUMNS.indexOf('status');
    const priorityCol = CLASSIFICATION_COLUMNS.indexOf('priority');
    columnWrites.push({
      sheet: customers.sheet.name,
      headerRow: customers.headerRow,
      startColumn,
      firstDataRow,
      lastDataRow,
      replaces,
      columns: buildColumns(a, customers, settings, t, headers),
      conditionalFormats: statusFormats(statusCol, priorityCol, lastDataRow, firstDataRow),
    });
    const regionCol = customers.columns.region;
    const modelCol = customers.columns.model;
    if (pivotableHeaders(customers, startColumn)) source = {
      sheet: customers.sheet.name,
      headerRow: customers.headerRow,
      lastCol: startColumn + headers.length - 1,
      lastRow: lastDataRow,
      regionHeader: regionCol === undefined ? '' : customers.headers[regionCol] ?? '',
      modelHeader: modelCol === undefined ? '' : customers.headers[modelCol] ?? '',
      statusHeader: headers[statusCol],
      ageBucketHeader: headers[CLASSIFICATION_COLUMNS.indexOf('ageBucket')],
      duplicateHeader: headers[CLASSIFICATION_COLUMNS.indexOf('duplicate')],
    };
  }

  const previousFailed = previousMonthFailures(state, asOf);
  const dealer = settings.dealerName || '';
  const summaryContext: SummaryContext = {
    a, settings, asOf, t, subtitle: t('aftersales.subtitle', { dealer, date: formatIso(asOf) }).trim(), source, previousFailed,
    failedHistory: state.lastRun?.failedByMonth ?? null,
    rowsOfSheet: customers.dataRows,
    previousWinBack,
  };
  const summaries = buildAfterSalesSummaries(summaryContext);

  const o = summaries.overview;
  if (a.vehicles.duplicateRows) warnings.warn('aftersales.warning.duplicates', { n: a.vehicles.duplicateRows });
  if (a.callMatch?.unmatched) warnings.warn('aftersales.warning.unmatchedCalls', { n: a.callMatch.unmatched });
  if (o.statusCounts['数据异常']) warnings.warn('aftersales.warning.dataProblems', { n: o.statusCounts['数据异常'] });
  if (a.internalDominant) {
    warnings.warn('aftersales.warning.internalDominant', {
      share: `${(a.internalShare * 100).toFixed(1)}%`, threshold: `${(settings.priority.internalReasonShareToFixFirst * 100).toFixed(0)}%`,
    });
  }

  const data: Record<string, unknown> = {
    failedByCategory: summaries.failed.byCategory,
    analysis: a,
    ownedColumns: columnWrites.length
      ? { [customers.sheet.name]: { headerRow: customers.headerRow, startColumn: columnWrites[0].startColumn, headers } }
      : {},
  };
  // The form pack's datasets are built only when read (analyseForForms reads them; analyseWorkbook never does),
  // so a plain analysis does not pay for one object per call.
  let forms: FormFillData | undefined;
  Object.defineProperty(data, FORM_DATA_KEY, {
    enumerable: true,
    get: () => (forms ??= afterSalesFormData(summaryContext, summaries.failed, summaries.monthly)),
  });

  return {
    columnWrites,
    sheets: summaries.sheets,
    report: {
      figures: {
        rowsRead: customers.dataRows.length,
        vehicles: a.vehicles.count,
        duplicateRows: a.vehicles.duplicateRows,
        callsRead: calls ? calls.rows.length : 0,
        callsUnmatched: a.callMatch ? a.callMatch.unmatched : 0,
        classifiedVehicles: o.classified,
        lostCustomers: o.lost,
        churnRate: o.churnRate,
        retentionRate: o.retentionRate,
        targetChurnRate: o.targetChurnRate,
        needWinBack: o.needWinBack,
        followedUpLost: summaries.failed.followedLost,
        failedFollowUps: summaries.failed.failed,
        winBackToCall: summaries.winBack.toCall,
        winBackHighPriority: summaries.winBack.high,
        recordsToUpdate: summaries.winBack.toUpdate,
        callerRecordsKept: summaries.winBack.notesKept,
        callerRecordsArchived: summaries.winBack.notesArchived,
        unreadableCells: issues.length,
      },
      statusCounts: o.statusCounts,
      issues,
      warnings: warnings.texts,
      warningMessages: warnings.messages,
    },
    data,
  };
}
