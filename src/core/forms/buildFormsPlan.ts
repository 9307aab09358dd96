/**
 * The form pack as SheetSpecs: the entry point the Office adapter (generateForms) and the CLI (`churn-desk forms`)
 * both call. Pure: settings, the analysis date and optional fill data in; sheets out.
 */
import type { SheetSpec } from '../plan/types';
import { uniqueSheetName } from '../plan/names';
import type { Settings } from '../settings/settings';
import { formatIso, type Ymd } from '../values/dates';
import { resolveFormIds } from './catalogue';
import { FORM_DEFINITIONS, formDefinition } from './definitions';
import { fillRows } from './fill';
import type { FormFillData } from './fillData';
import { renderForm, type FormContext } from './renderForm';

export interface BuildFormsOptions {
  /** Which forms, by id ('F01', 'AS3') or seed number ('1', '51-1'); omitted or empty: all 58, in catalogue order. */
  ids?: string[];
  /** true: fill the forms whose data the workbook holds; the others stay blank. */
  filled: boolean;
  data?: FormFillData;
  settings: Settings;
  asOf: Ymd;
  /**
   * Names of the user's sheets (not ChurnDesk's own forms, which a refresh replaces): a form whose name is taken
   * gets a suffix ' (2)'.
   */
  existingSheetNames?: string[];
}

/** Raised when `ids` names a form that is not in the catalogue. */
export class UnknownFormError extends Error {
  constructor(public readonly unknown: string[]) {
    super(`Unknown form id(s): ${unknown.join(', ')}`);
    this.name = 'UnknownFormError';
  }
}

/** The values header fields are pre-filled with. @example formContext(settings, { y: 2026, m: 10, d: 31 }).period // '2026年10月' */
export function formContext(settings: Settings, asOf: Ymd): FormContext {
  return { dealerName: settings.dealerName, period: `${asOf.y}年${asOf.m}月`, date: formatIso(asOf) };
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
  const ctx = formContext(options.settings, options.asOf);
  const taken = new Set<string>(options.existingSheetNames ?? []);
  const sheets: SheetSpec[] = [];
  for (const def of defs) {
    const rows = options.filled ? fillRows(def, options.data) : undefined;
    const spec = renderForm(def, { ctx, rows });
    spec.name = uniqueSheetName(spec.name, taken);
    taken.add(spec.name);
    sheets.push(spec);
  }
  return sheets;
}
