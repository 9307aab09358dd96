/**
 * The form pack as SheetSpecs: the entry point the Office adapter (generateForms) and the CLI (`churn-desk forms`)
 * both call. Pure: settings, the analysis date and optional fill data in; sheets out.
 */
import type { Message, SheetSpec } from '../plan/types';
import { enforceSheetLimits } from '../plan/excelLimits';
import { uniqueSheetName } from '../plan/names';
import type { Locale, Settings } from '../settings/settings';
import { t } from '../../i18n';
import { formatIso, type Ymd } from '../values/dates';
import { resolveFormIds } from './catalogue';
import { FORM_DEFINITIONS, formDefinition } from './definitions';
import { fillForm } from './fill';
import type { FormFillData } from './fillData';
import type { FormDefinition } from './types';
import { ALL_PERIOD, periodLabel, type FormPeriod } from './period';
import { renderForm, type FormContext } from './renderForm';

export interface BuildFormsOptions {
  /** Which forms, by id ('F01', 'AS3') or seed number ('1', '51-1'); omitted or empty: all 58, in catalogue order. */
  ids?: string[];
  /** true: fill the forms whose data the workbook holds; the others stay blank. */
  filled: boolean;
  data?: FormFillData;
  /**
   * The period the filled forms cover: 'all' (default: every row; 期间 shows the first and last date) or one
   * month 'YYYY-MM' (that month's rows; 期间/月份 shows the month). See period.ts.
   */
  period?: FormPeriod;
  /** Language of the notes ChurnDesk adds to a sheet (the row-cap note); default zh-CN. */
  locale?: Locale;
  settings: Settings;
  asOf: Ymd;
  /**
   * Names of the user's sheets (not ChurnDesk's own forms, which a refresh replaces): a form whose name is taken
   * gets a suffix ' (2)'.
   */
  existingSheetNames?: string[];
  /**
   * Told what Excel's limits cut (a 40,000-character dealer name in a title, an oversized cell filled in): the forms
   * are always within them (enforceSheetLimits), and the caller reports these messages.
   */
  onLimitWarning?: (message: Message) => void;
}

/** Raised when `ids` names a form that is not in the catalogue. */
export class UnknownFormError extends Error {
  constructor(public readonly unknown: string[]) {
    super(`Unknown form id(s): ${unknown.join(', ')}`);
    this.name = 'UnknownFormError';
  }
}

/**
 * The values header fields are pre-filled with: the dealer's name from the settings, else the one the workbook's
 * title rows give (FormFillData.dealerName).
 * @example formContext(settings, { y: 2026, m: 10, d: 31 }).period // '2026年10月'
 */
export function formContext(settings: Settings, asOf: Ymd, data?: FormFillData): FormContext {
  const dealerName = settings.dealerName.trim() || data?.dealerName || '';
  return { dealerName, period: `${asOf.y}年${asOf.m}月`, date: formatIso(asOf) };
}

/** The month of a monthly form when the pack is built for 'all': the analysis date's. @example analysisMonthPeriod({ y: 2026, m: 10, d: 31 }) // '2026-10' */
export function analysisMonthPeriod(asOf: Ymd): FormPeriod {
  return `${asOf.y}-${String(asOf.m).padStart(2, '0')}` as FormPeriod;
}

/** A definition with the headers the data gives (FormColumn.headerLabel), unchanged when it gives none. */
function withDataHeaders(def: FormDefinition, labels: Record<string, string> | undefined): FormDefinition {
  if (!labels || !def.columns?.some((c) => c.headerLabel && labels[c.headerLabel])) return def;
  return { ...def, columns: def.columns.map((c) => (c.headerLabel && labels[c.headerLabel] ? { ...c, header: labels[c.headerLabel] } : c)) };
}

/**
 * @throws UnknownFormError when an id is not in the catalogue.
 * @example buildFormsPlan({ filled: false, settings: DEFAULT_SETTINGS, asOf: { y: 2026, m: 10, d: 31 } }).length // 58
 */
export function buildFormsPlan(options: BuildFormsOptions): SheetSpec[] {
  let defs = FORM_DEFINITIONS;
  if (options.ids?.length) {
    const { ids, unknown } = resolveFormIds(options.ids);
    if (unknown.length) throw new UnknownFormError(unknown);
    defs = ids.map((id) => formDefinition(id)!);
  }
  const period = options.period ?? ALL_PERIOD;
  const base = formContext(options.settings, options.asOf, options.data);
  // A month period is the pack's period, blank forms included.
  const ctx: FormContext = period === ALL_PERIOD ? base : { ...base, period: periodLabel(period, NaN, NaN)! };
  // A monthly report covers one month: under 'all', the analysis date's month (its 月份 says so, filled or blank).
  const monthOfReports = period === ALL_PERIOD ? analysisMonthPeriod(options.asOf) : period;
  const taken = new Set<string>(options.existingSheetNames ?? []);
  const sheets: SheetSpec[] = [];
  for (const def of defs) {
    const formPeriod = def.monthly ? monthOfReports : period;
    const filled = options.filled ? fillForm(def, options.data, formPeriod) : undefined;
    let shownDef = filled ? withDataHeaders(def, options.data?.labels) : def;
    let formCtx = def.monthly ? { ...ctx, period: periodLabel(formPeriod, NaN, NaN)! } : ctx;
    if (filled) {
      // Under 'all' a dated form's 期间 says which dates it holds.
      const label = def.fillDateOf && !def.monthly ? periodLabel(period, filled.first, filled.last) : null;
      if (label) formCtx = { ...ctx, period: label };
      if (filled.shown < filled.total) {
        const note = t(options.locale ?? 'zh-CN', 'forms.note.truncated', { n: filled.shown, m: filled.total });
        shownDef = { ...shownDef, notes: [note, ...(def.notes ?? [])] };
      }
    }
    const spec = renderForm(shownDef, { ctx: formCtx, rows: filled?.rows, cards: filled?.cards });
    spec.name = uniqueSheetName(spec.name, taken);
    taken.add(spec.name);
    sheets.push(spec);
  }
  // Within Excel's limits, whatever the settings and the data: 32,767 characters a cell, 31 a sheet name, 255 a
  // number format or a drop-down list.
  const locale = options.locale ?? 'zh-CN';
  const fitted = enforceSheetLimits(sheets, (key, params) => t(locale, key, params));
  for (const m of fitted.messages) options.onLimitWarning?.(m);
  return fitted.sheets;
}
