/**
 * The facade: sheets in, WorkbookPlan out. Validates settings, finds the sheets, runs the after-sales part (when a
 * customer sheet is found) and the sales part (src/core/sales), and merges their column writes, sheets, report and
 * the new WorkbookState. Every host (task pane, ribbon commands, CLI) calls this one function.
 */
import { translator } from '../i18n';
import { withMonthFailures, withMonthFigures } from './aftersales/failureHistory';
import { analyseAfterSales } from './aftersales/analyseAfterSales';
import { AnalysisInputError } from './aftersales/errors';
import { STATE_SHEET_NAME, type CellIssue, type Grid, type Message, type RunReport, type SheetInput, type SheetSpec, type WorkbookPlan, type WorkbookState } from './plan/types';
import { chooseAnalysisDate } from './analysisDate';
import { analyseSales, type PartResult } from './sales/analyseSales';
import { resolveSettings } from './settings/settings';
import { detectSheets } from './sheets/detectSheets';
import { checkedRowsOf } from './sheets/mapSheet';
import { callsInCustomerSheet, customersInCallSheet } from './sheets/customersInCallSheet';
import { dealerFromTitles } from './sheets/dealerName';
import { detectionReport } from './sheets/detectionReport';
import type { DetectedSheets, MappedSheet } from './sheets/types';
import { emptyState } from './state/stateSheet';
import { claimedSheetNames, firstCells } from './state/ownership';
import { assignTableNames, keepUserTableNames, namesToAvoid, type ExistingName } from './plan/tableNames';
import { assertInputWithinLimits, enforceExcelLimits, type CheckedRows } from './plan/excelLimits';
import { formatIso, type Ymd } from './values/dates';
import { finishForPrint } from './plan/printSetup';
import { contentsSheet, keptFigures } from './plan/contentsSheet';

export { analyseAfterSales } from './aftersales/analyseAfterSales';
export { AnalysisInputError } from './aftersales/errors';
export type { PartResult } from './sales/analyseSales';

export interface AnalyseOptions {
  /** Partial settings (validated with resolveSettings); omitted: the settings stored in the state. */
  settings?: unknown;
  state?: WorkbookState | null;
  /** Overrides settings.analysisDate; default today. */
  asOf?: Ymd;
  /**
   * Without asOf and settings.analysisDate: use the date the workbook's title rows name (report.suggestedAnalysisDate)
   * instead of today. The CLI sets it; report.analysisDate says which date was used and why.
   */
  useWorkbookDate?: boolean;
  onProgress?: (step: string, fraction: number) => void;
  /**
   * The table and defined names the workbook holds (both adapters read them): the plan's table names avoid every one
   * of them but the tables of the sheets this plan replaces (src/core/plan/tableNames.ts).
   */
  existingNames?: readonly ExistingName[];
  /**
   * The grid of the previous 招揽名单 (the sheet state.ownedSheets['list.winback'] names, as the adapter read it):
   * what callers typed into its caller columns comes back on the same vehicles (src/core/state/winBackSheet.ts, callSheet.ts).
   */
  previousWinBack?: Grid | null;
}

export { winBackSheetName, previousWinBackGrid, previousWinBackSheet } from './state/winBackSheet';

/**
 * field -> header text of a mapped sheet (what the user sees; stored so the next run maps the same way). Only what
 * the user chose or what the detection was sure of: a stored mapping comes back as the user's choice, so a
 * low-confidence guess remembered here would never be asked about again.
 */
function mappingOf(m: MappedSheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of Object.entries(m.columns)) {
    if (col === undefined || !m.headers[col]) continue;
    const e = m.evidence?.find((x) => x.field === field && x.column === col);
    if (e && e.confidence === 'low') continue;
    out[field] = m.headers[col];
  }
  return out;
}

/** The rows of each grid the detection's mappings checked against Excel's cell limit (mapSheet's row pass). */
function checkedRowsIn(d: DetectedSheets): (grid: Grid) => CheckedRows | undefined {
  const byGrid = new Map<Grid, CheckedRows>();
  for (const k of ['customers', 'calls', 'register', 'prospects'] as const) {
    const m = d[k];
    const checked = m ? checkedRowsOf(m) : undefined;
    if (m && checked) byGrid.set(m.sheet.grid, checked);
  }
  return (grid) => byGrid.get(grid);
}

function usedSheets(d: DetectedSheets, kinds: readonly ('customers' | 'calls' | 'register' | 'prospects')[]): string[] {
  const out: string[] = [];
  for (const k of kinds) {
    const m = d[k];
    if (m) out.push(m.sheet.name);
  }
  return out;
}

/**
 * Analyses a workbook.
 * @throws SettingsValidationError for bad settings; AnalysisInputError ('aftersales.error.nothingFound' when
 *   neither a customer sheet nor a sales sheet is found; 'aftersales.error.missingFields' naming the sheet and fields).
 * @example analyseWorkbook([{ name: '保有客户', grid }], { asOf: { y: 2026, m: 10, d: 31 } }).report.figures.churnRate
 */
export function analyseWorkbook(sheets: SheetInput[], options: AnalyseOptions = {}): WorkbookPlan {
  const previous = options.state ?? emptyState();
  const partialSettings = options.settings ?? previous.settings ?? {};
  const resolved = resolveSettings(partialSettings);
  const t = translator(resolved.language);
  const progress = options.onProgress ?? (() => undefined);

  progress('detect', 0);
  const ownedHeaders = new Set<string>();
  for (const o of Object.values(previous.ownedColumns)) for (const h of o.headers) ownedHeaders.add(h);
  // The state's sheets are a claim: a recorded sheet whose A1 no longer shows its recorded title is the user's.
  const claims = claimedSheetNames(previous, firstCells(sheets));
  const detectOptions = {
    mappings: previous.mappings,
    ownedSheetNames: claims.names,
    ownedHeaders: [...ownedHeaders],
    // The recorded runs of headers find the product's columns wherever the user's edits moved them.
    ownedColumns: previous.ownedColumns,
    acceptedMissing: previous.acceptedMissing,
  };
  const detected = detectSheets(sheets, detectOptions);
  // A cell longer than Excel allows would be written back as it is by the file adapter: refused, naming it, before
  // anything else is said about the input (the detection says nothing and throws nothing). The rows below each
  // chosen sheet's header were checked in the detection's row pass, while their cells were in the cache; only the
  // rest is read here. The cell named is the first in sheet, row and column order, as when every cell was read here.
  assertInputWithinLimits(sheets, checkedRowsIn(detected));
  // 销售服务商 on every sheet: the settings' dealer, else the one the workbook's title rows name (never stored).
  const settings = resolved.dealerName.trim() ? resolved : { ...resolved, dealerName: dealerFromTitles(detected) };
  const hasSales = Boolean(detected.register || detected.prospects);
  if (!detected.customers && !hasSales) {
    // Nothing found because the state claims a data sheet as the product's (a state without titles, or edited by
    // hand): say so, naming the sheet, rather than "no customer sheet" while it is there.
    const untitled = new Set(claims.untitledClaims.map((c) => c.sheet));
    if (untitled.size) {
      const again = detectSheets(sheets, { ...detectOptions, ownedSheetNames: claims.names.filter((n) => !untitled.has(n)) });
      const hidden = [again.customers, again.register, again.prospects].find((m) => m && untitled.has(m.sheet.name));
      if (hidden) throw new AnalysisInputError('input.error.stateClaimsDataSheet', { sheet: hidden.sheet.name, state: STATE_SHEET_NAME });
    }
    // Customers and their calls in one sheet: say so, naming the columns of each, instead of "no customer sheet".
    const combined = customersInCallSheet(detected);
    if (combined) throw new AnalysisInputError('input.error.customersInCallSheet', { ...combined, missingFields: combined.missingFields || '—' });
    throw new AnalysisInputError('aftersales.error.nothingFound');
  }
  // Calls written beside the vehicles of the base, with no call log: the same refusal, naming the columns of each.
  const callsBeside = callsInCustomerSheet(detected);
  if (callsBeside) throw new AnalysisInputError('input.error.callsInCustomerSheet', { ...callsBeside, missingFields: callsBeside.missingFields || '—' });
  const dated = chooseAnalysisDate(detected, settings, options);
  const asOf = dated.asOf;

  const parts: RunReport['parts'] = [];
  const results: PartResult[] = [];
  let failedByCategory: Record<string, number> | undefined;
  const ownedColumns: WorkbookState['ownedColumns'] = { ...previous.ownedColumns };

  progress('aftersales', 0.1);
  if (detected.customers) {
    const r = analyseAfterSales(detected, settings, asOf, previous, options.previousWinBack ?? null);
    results.push(r);
    parts.push({ part: 'aftersales', ran: true, sheets: usedSheets(detected, ['customers', 'calls']) });
    failedByCategory = r.data.failedByCategory as Record<string, number>;
    Object.assign(ownedColumns, r.data.ownedColumns as WorkbookState['ownedColumns']);
  } else {
    parts.push({ part: 'aftersales', ran: false, sheets: [], reason: t('aftersales.part.noCustomerSheet') });
  }

  progress('sales', 0.6);
  const sales = analyseSales(detected, settings, asOf, previous);
  if (sales) {
    results.push(sales);
    parts.push({ part: 'sales', ran: true, sheets: usedSheets(detected, ['register', 'prospects']) });
    for (const w of sales.columnWrites) {
      ownedColumns[w.sheet] = { headerRow: w.headerRow, startColumn: w.startColumn, headers: w.columns.map((c) => c.header) };
    }
  } else {
    parts.push({ part: 'sales', ran: false, sheets: [], reason: t('aftersales.part.noSalesSheets') });
  }

  progress('merge', 0.9);
  const figures: Record<string, number> = {};
  const statusCounts: Record<string, number> = {};
  const issues: CellIssue[] = [];
  const warnings: string[] = [];
  const warningMessages: Message[] = [];
  const sheetsOut: SheetSpec[] = [];
  for (const r of results) {
    Object.assign(figures, r.report.figures);
    Object.assign(statusCounts, r.report.statusCounts ?? {});
    for (const i of r.report.issues) issues.push(i);
    warnings.push(...r.report.warnings);
    warningMessages.push(...(r.report.warningMessages ?? r.report.warnings.map((text) => ({ key: 'core.warning.text', params: { text } }))));
    sheetsOut.push(...r.sheets);
  }
  if (dated.warning) {
    warnings.push(t(dated.warning.key, dated.warning.params));
    warningMessages.push(dated.warning);
  }

  const mappings: WorkbookState['mappings'] = { ...previous.mappings };
  for (const k of ['customers', 'calls', 'register', 'prospects'] as const) {
    const m = detected[k];
    if (m) mappings[m.sheet.name] = mappingOf(m);
  }
  // The 目录 sheet first: the adapters add the plan's sheets in order, so it is the first tab of the product's.
  const otherSheets: Record<string, string> = {};
  for (const [key, name] of Object.entries(previous.ownedSheets)) if (key.startsWith('form.')) otherSheets[key] = name;
  // Month over month: this run's key figures recorded under its month (a second run of the month replaces them).
  const figuresByMonth = withMonthFigures(previous.lastRun?.figuresByMonth, asOf, keptFigures(figures));
  sheetsOut.unshift(contentsSheet({
    t, settings, date: dated.info.date, dateSource: dated.info.source, figures, sheets: sheetsOut, otherSheets, otherTitles: previous.ownedSheetTitles,
    history: figuresByMonth, month: formatIso(asOf).slice(0, 7),
  }));
  const ownedSheets: WorkbookState['ownedSheets'] = { ...previous.ownedSheets };
  for (const s of sheetsOut) ownedSheets[s.key] = s.name;
  // Table names unique across the workbook: the sheets this plan replaces take their tables with them.
  const replaced = new Set(sheetsOut.map((s) => previous.ownedSheets[s.key]).filter((n): n is string => Boolean(n)));
  const printContext = { dealer: settings.dealerName, pageText: t('print.footer.page') };
  // A product table the user renamed keeps the user's name: followed on the sheet it replaces by its header row.
  const kept = keepUserTableNames(sheetsOut.map((s) => finishForPrint(s, printContext)), options.existingNames ?? [], (key) => previous.ownedSheets[key]);
  const namedSheets = assignTableNames(kept, namesToAvoid(options.existingNames ?? [], replaced));

  const state: WorkbookState = {
    version: 1,
    settings: partialSettings as Record<string, unknown>,
    mappings,
    // The gaps the user accepted stay accepted (a saved answer is not asked again).
    ...(previous.acceptedMissing ? { acceptedMissing: previous.acceptedMissing } : {}),
    ownedSheets,
    ownedColumns,
    lastRun: {
      at: formatIso(asOf),
      figures,
      statusCounts,
      failedByMonth: withMonthFailures(previous.lastRun?.failedByMonth, asOf, failedByCategory),
      figuresByMonth,
      // Kept from the previous run when the after-sales part did not run, so the next comparison still has a base.
      failedByCategory: failedByCategory ?? previous.lastRun?.failedByCategory,
    },
  };
  progress('done', 1);
  // Within Excel's limits whatever the input (a very long dealer name, an oversized cell copied into a list).
  return enforceExcelLimits({
    columnWrites: results.flatMap((r) => r.columnWrites),
    sheets: namedSheets,
    state,
    report: { parts, figures, statusCounts, issues, warnings, warningMessages, analysisDate: dated.info, suggestedAnalysisDate: dated.suggested, detection: detectionReport(detected) },
  }, t);
}
