/**
 * The sales side of the analysis (三表一卡, DOMAIN.md "Sales side"): showroom traffic and the prospect funnel from
 * the showroom register; follow-up status, overdue follow-ups and lost prospects from the prospect card. Runs what
 * the workbook has; returns null when it has neither sheet. Called by analyseWorkbook() (src/core/analyse.ts).
 */
import { warningList } from '../plan/warnings';
import type { ColumnWrite, RunReport, SheetSpec, WorkbookState } from '../plan/types';
import type { DetectedSheets } from '../sheets/types';
import type { Settings } from '../settings/settings';
import { formatIso, ymdToSerial, type Ymd } from '../values/dates';
import { translator } from '../../i18n';
import { FORM_DATA_KEY, type FormFillData } from '../forms/fillData';
import { IssueCollector, MAX_ISSUES_PER_FIELD } from './issueCollector';
import { readRegister, CONTACT_CALL, CONTACT_VISIT } from './registerFacts';
import { computeTraffic } from './traffic';
import { computeFunnel } from './funnel';
import { LEVEL_CODES, readProspects } from './prospectFacts';
import { prospectOutcome } from './prospectOutcome';
import { prospectColumnWrite } from './prospectColumns';
import { trafficSheet } from './summaries/trafficSheet';
import { funnelSheet } from './summaries/funnelSheet';
import { lostSheet } from './summaries/lostSheet';
import { overdueSheet } from './summaries/overdueSheet';
import { levelsSheet } from './summaries/levelsSheet';
import type { SummaryContext } from './summaries/context';
import { followUpFillRows, lostProspectFillRows, lostProspectKpis, prospectCardRows, registerFillRows, registerFormSets, trafficFillRows } from './formData';

export interface PartResult {
  columnWrites: ColumnWrite[];
  sheets: SheetSpec[];
  report: Pick<RunReport, 'figures' | 'issues' | 'warnings'> & Partial<Pick<RunReport, 'statusCounts' | 'warningMessages'>>;
  /** Extra data other parts may use (e.g. forms filled from the analysis), keyed by name. */
  data: Record<string, unknown>;
}

/**
 * Analyses the register and the prospect card of a workbook.
 * @returns the columns, summary sheets, figures and issues; null when there is no register and no prospect card.
 * @example
 * const part = analyseSales(detectSheets(sheets), settings, { y: 2026, m: 10, d: 31 }, emptyState());
 * part?.report.figures.visits // showroom visits counted
 */
export function analyseSales(detected: DetectedSheets, settings: Settings, asOf: Ymd, state: WorkbookState): PartResult | null {
  const register = detected.register;
  const prospects = detected.prospects;
  if (!register && !prospects) return null;

  const t = translator(settings.language);
  const asOfSerial = ymdToSerial(asOf);
  const ctx: SummaryContext = {
    t,
    subtitle: t('sales.subtitle', { dealer: settings.dealerName, date: formatIso(asOf) }).trim(),
    asOf: asOfSerial,
    mostlyUnknownShare: settings.conclusions.mostlyUnknownShare,
  };
  const issues = new IssueCollector();
  const figures: Record<string, number> = {};
  const warnings = warningList(t);
  const sheets: SheetSpec[] = [];
  const columnWrites: ColumnWrite[] = [];
  // rowCounts: how many rows each period had before the forms' row cap (the sheet notes 仅显示前 N 行,共 M 行).
  const forms: FormFillData = { rowCounts: {} };
  const rowCounts = forms.rowCounts!;

  if (register) {
    const facts = readRegister(register, issues);
    const traffic = computeTraffic(facts, settings.sales);
    const funnel = computeFunnel(facts);
    let visits = 0;
    let calls = 0;
    for (let i = 0; i < facts.count; i++) {
      if (facts.contact[i] === CONTACT_VISIT) visits++;
      else if (facts.contact[i] === CONTACT_CALL) calls++;
    }
    // Report figures count each stage by its own rule (an order is an order); the funnel sheet nests them.
    const [rows, leads, testDrives, quotes, orders] = funnel.overall.independent;
    Object.assign(figures, { registerRows: rows, visits, calls, contactUnknown: rows - visits - calls, leads, testDrives, quotes, orders, registerUndated: traffic.undated });
    if (facts.contactAssumed) warnings.warn('sales.warning.contactAssumed', { sheet: facts.sheet });
    if (facts.datesCarried > 0) warnings.warn('sales.warning.datesCarried', { sheet: facts.sheet, n: facts.datesCarried });
    if (traffic.undated > 0) warnings.warn('sales.warning.undated', { sheet: facts.sheet, n: traffic.undated });
    sheets.push(trafficSheet(traffic, ctx), funnelSheet(funnel, ctx));
    forms.register = registerFillRows(register, facts, (rowCounts.register = {}));
    forms.traffic = trafficFillRows(traffic, settings.sales);
    const sets = registerFormSets(register, facts);
    forms.testDrives = sets.testDrives;
    forms.orders = sets.orders;
    forms.consultantMonths = sets.consultantMonths;
    forms.salesKpis = sets.salesKpis;
    forms.labels = sets.labels;
    rowCounts.testDrives = sets.counts.testDrives;
    rowCounts.orders = sets.counts.orders;
  }

  if (prospects) {
    const facts = readProspects(prospects, issues);
    const outcome = prospectOutcome(facts, asOfSerial, settings);
    let followUps = 0;
    let keyless = 0;
    for (let p = 0; p < facts.count; p++) {
      followUps += facts.followUps[p];
      if (!facts.id[p] && !facts.phone[p] && !facts.name[p]) keyless++;
    }
    Object.assign(figures, {
      prospects: facts.count,
      prospectFollowUps: followUps,
      overdue: outcome.counts.overdue,
      onTime: outcome.counts.onTime,
      lost: outcome.counts.lost,
      ordered: outcome.counts.ordered,
    });
    if (keyless > 0) warnings.warn('sales.warning.noProspectKey', { sheet: facts.sheet, n: keyless });
    const write = prospectColumnWrite(prospects, facts, outcome, state, (k, p) => t(k, p));
    if (write) columnWrites.push(write);
    // A native PivotTable (level × consultant) over the card itself, only where one row is one prospect: on a
    // follow-up log a pivot would count follow-ups, not prospects.
    const consultantCol = prospects.columns.consultant;
    const pivot =
      write && prospects.followUpGroups.length > 0 && consultantCol !== undefined
        ? {
            name: 'CD_pivot_sales_levels',
            source: { sheet: write.sheet, headerRow: write.headerRow, firstCol: 0, lastCol: write.startColumn + write.columns.length - 1, lastRow: write.lastDataRow },
            rows: [prospects.headers[consultantCol]],
            columns: [write.columns[0].header],
            values: [{ header: write.columns[0].header, fn: 'count' as const }],
            order: { [write.columns[0].header]: LEVEL_CODES },
          }
        : undefined;
    sheets.push(lostSheet(facts, outcome, ctx), overdueSheet(facts, outcome, ctx), levelsSheet(facts, outcome, settings.sales.dueSoonDays, ctx, pivot));
    forms.lostProspects = lostProspectFillRows(facts, outcome, (rowCounts.lostProspects = {}));
    forms.prospectFollowUps = followUpFillRows(prospects, facts, outcome, (rowCounts.prospectFollowUps = {}));
    forms.prospectCards = prospectCardRows(prospects, facts, outcome, outcome.due, (rowCounts.prospectCards = {}));
    forms.salesKpis = [...(forms.salesKpis ?? []), ...lostProspectKpis(facts, outcome)];
  }

  figures.salesIssues = issues.total;
  if (issues.total > issues.issues.length) warnings.warn('sales.warning.issuesCapped', { n: issues.total, max: MAX_ISSUES_PER_FIELD });
  return { columnWrites, sheets, report: { figures, issues: issues.issues, warnings: warnings.texts, warningMessages: warnings.messages }, data: { [FORM_DATA_KEY]: forms } };
}
