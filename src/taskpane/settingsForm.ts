/**
 * The settings view edits text boxes; this file converts Settings to those texts and back, so that
 * `checkSettings` (src/core/settings) judges exactly what the user typed and each error lands on the box
 * the error's `field` names. Pure functions, tested in test/taskpane/settingsForm.test.ts.
 */
import {
  DEFEAT_REASONS,
  EXTERNAL_REASONS,
  INTERNAL_REASONS,
  SCRIPT_KEYS,
  type Settings,
  type SettingsError,
} from '../core/settings/settings';

/** How a box's text is read. */
export type InputKind = 'integer' | 'number' | 'percent' | 'date' | 'text' | 'list' | 'bool' | 'language' | 'monthMap';

export interface SettingInput {
  /** Dotted settings path, the same as SettingsError.field. */
  path: string;
  kind: InputKind;
  /** i18n key of the label. */
  label: string;
  /** i18n key of the hint under the box. */
  hint?: string;
}

export interface SettingSection {
  /** i18n key of the section title. */
  title: string;
  inputs: SettingInput[];
}

const REASON_CATEGORIES = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他'] as const;

/** Every setting of src/core/settings/settings.ts, grouped as the view shows them. */
export const SETTING_SECTIONS: SettingSection[] = [
  {
    title: 'ui.settings.section.general',
    inputs: [
      { path: 'dealerName', kind: 'text', label: 'ui.settings.dealerName' },
      { path: 'analysisDate', kind: 'date', label: 'ui.settings.analysisDate', hint: 'ui.settings.analysisDate.hint' },
      { path: 'language', kind: 'language', label: 'ui.settings.language' },
    ],
  },
  {
    title: 'ui.settings.section.churn',
    inputs: [
      { path: 'thresholds.atRiskMonths', kind: 'integer', label: 'ui.settings.atRiskMonths' },
      { path: 'thresholds.lostMonths', kind: 'integer', label: 'ui.settings.lostMonths' },
      { path: 'thresholds.goneMonths', kind: 'integer', label: 'ui.settings.goneMonths' },
      { path: 'targetChurnRate', kind: 'percent', label: 'ui.settings.targetChurnRate' },
      { path: 'minMatchedCallShare', kind: 'percent', label: 'ui.settings.minMatchedCallShare', hint: 'ui.settings.minMatchedCallShare.hint' },
      { path: 'warranty.months', kind: 'integer', label: 'ui.settings.warrantyMonths' },
      { path: 'warranty.km', kind: 'number', label: 'ui.settings.warrantyKm' },
      { path: 'localRegions', kind: 'list', label: 'ui.settings.localRegions', hint: 'ui.settings.localRegions.hint' },
    ],
  },
  {
    title: 'ui.settings.section.priority',
    inputs: [
      { path: 'priority.easyWinBackMaxAgeYears', kind: 'integer', label: 'ui.settings.easyWinBackMaxAgeYears' },
      { path: 'priority.skipOutOfTown', kind: 'bool', label: 'ui.settings.skipOutOfTown' },
      { path: 'priority.internalReasonShareToFixFirst', kind: 'percent', label: 'ui.settings.internalReasonShareToFixFirst' },
      { path: 'conclusions.minGroupSize', kind: 'integer', label: 'ui.settings.minGroupSize', hint: 'ui.settings.minGroupSize.hint' },
      { path: 'conclusions.mostlyUnknownShare', kind: 'percent', label: 'ui.settings.mostlyUnknownShare' },
    ],
  },
  {
    title: 'ui.settings.section.reasons',
    inputs: REASON_CATEGORIES.map((c) => ({
      path: `extraReasonKeywords.${c}`,
      kind: 'list' as const,
      label: `ui.reasonCategory.${c}`,
    })),
  },
  {
    title: 'ui.settings.section.defeat',
    inputs: DEFEAT_REASONS.map((c) => ({
      path: `extraDefeatKeywords.${c}`,
      kind: 'list' as const,
      label: `ui.defeatCategory.${c}`,
    })),
  },
  {
    title: 'callsheet.ui.section',
    inputs: [
      { path: 'winBack.serviceIntervalMonths', kind: 'integer', label: 'callsheet.ui.serviceIntervalMonths', hint: 'callsheet.ui.serviceIntervalMonths.hint' },
      { path: 'winBack.warrantyCheckMonths', kind: 'integer', label: 'callsheet.ui.warrantyCheckMonths' },
      ...SCRIPT_KEYS.map((c, i) => ({
        path: `winBack.scripts.${c}`,
        kind: 'text' as const,
        label: c === '未知' ? 'callsheet.ui.script.未知' : `ui.reasonCategory.${c}`,
        ...(i === 0 ? { hint: 'callsheet.ui.scripts.hint' } : {}),
      })),
    ],
  },
  {
    title: 'ui.settings.section.sales',
    inputs: [
      ...(['H', 'A', 'B', 'C', 'N'] as const).map((lvl) => ({
        path: `sales.levelIntervalDays.${lvl}`,
        kind: 'integer' as const,
        label: `ui.settings.levelInterval.${lvl}`,
      })),
      { path: 'sales.dueSoonDays', kind: 'integer', label: 'ui.settings.dueSoonDays' },
      { path: 'sales.monthlyTotalSales', kind: 'monthMap', label: 'ui.settings.monthlyTotalSales', hint: 'ui.settings.monthlyTotalSales.hint' },
    ],
  },
];

/** The boxes' contents: text per path, or a boolean for switches. */
export type SettingsFormValues = Record<string, string | boolean>;

const ALL_INPUTS: SettingInput[] = SETTING_SECTIONS.flatMap((s) => s.inputs);

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (typeof next !== 'object' || next === null) cur[parts[i]] = {};
    cur = cur[parts[i]] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** Rounds away binary noise so 0.25 shows as '25', not '25.000000000000004'. */
function formatPercent(rate: number): string {
  return String(Math.round(rate * 1e6) / 1e4);
}

/**
 * The texts the boxes show for these settings.
 * @example settingsToForm(DEFAULT_SETTINGS)['targetChurnRate'] // '25'
 */
export function settingsToForm(settings: Settings): SettingsFormValues {
  const form: SettingsFormValues = {};
  for (const input of ALL_INPUTS) {
    const v = getPath(settings, input.path);
    switch (input.kind) {
      case 'bool':
        form[input.path] = v === true;
        break;
      case 'percent':
        form[input.path] = typeof v === 'number' ? formatPercent(v) : '';
        break;
      case 'list':
        form[input.path] = Array.isArray(v) ? v.join(', ') : '';
        break;
      case 'monthMap':
        form[input.path] =
          typeof v === 'object' && v !== null
            ? Object.entries(v as Record<string, number>)
                .map(([month, n]) => `${month}: ${n}`)
                .join('\n')
            : '';
        break;
      default:
        form[input.path] = v === null || v === undefined ? '' : String(v);
    }
  }
  return form;
}

/** A number as typed: blank or unreadable text is NaN, so validation rejects it instead of guessing. */
function readNumber(text: string): number {
  const cleaned = text.trim().replace(/[,,\s]/g, '');
  return cleaned === '' ? NaN : Number(cleaned);
}

/**
 * A comma/、/semicolon/newline separated list.
 * @example readList('朝阳区、 海淀区,,') // ['朝阳区', '海淀区']
 */
export function readList(text: string): string[] {
  return text
    .split(/[,,、;;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Lines 'YYYY-MM: count' into a month map; a line that cannot be split keeps its text as the key so
 * validation names it.
 * @example readMonthMap('2026-09: 120\n2026-10 = 98') // { '2026-09': 120, '2026-10': 98 }
 */
export function readMonthMap(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\S+?)\s*[:=:\s]\s*(\S+)$/.exec(line);
    if (m) out[m[1]] = readNumber(m[2]);
    else out[line] = NaN;
  }
  return out;
}

/**
 * The settings object the boxes describe (complete, ready for checkSettings / saveSettings).
 * @example formToSettings({ ...settingsToForm(DEFAULT_SETTINGS), targetChurnRate: '30' }).targetChurnRate // 0.3
 */
export function formToSettings(form: SettingsFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { extraReasonKeywords: {}, extraDefeatKeywords: {}, sales: { monthlyTotalSales: {} }, winBack: { scripts: {} } };
  for (const input of ALL_INPUTS) {
    const v = form[input.path];
    const text = typeof v === 'string' ? v : '';
    switch (input.kind) {
      case 'bool':
        setPath(out, input.path, v === true);
        break;
      case 'integer':
      case 'number':
        setPath(out, input.path, readNumber(text));
        break;
      case 'percent': {
        const n = readNumber(text.replace(/[%%]/g, ''));
        setPath(out, input.path, Number.isFinite(n) ? Math.round(n * 1e4) / 1e6 : NaN);
        break;
      }
      case 'date':
        setPath(out, input.path, text.trim() === '' ? null : text.trim());
        break;
      case 'list': {
        const list = readList(text);
        // Keyword categories left empty are omitted (the setting is a partial map); regions are always a list.
        if (list.length > 0 || input.path === 'localRegions') setPath(out, input.path, list);
        break;
      }
      case 'monthMap':
        setPath(out, input.path, readMonthMap(text));
        break;
      default:
        // A script left blank is omitted: the default script of the catalogue applies.
        if (input.path.startsWith('winBack.scripts.') && text.trim() === '') break;
        setPath(out, input.path, text);
    }
  }
  return out;
}

/**
 * The box each validation error belongs to: the box of that path, else the first box under it (an error on
 * 'thresholds' shows on the first threshold), else null (shown above the save button).
 * @example inputForError('sales.monthlyTotalSales.2026-13') // 'sales.monthlyTotalSales'
 */
export function inputForError(field: string): string | null {
  let best: string | null = null;
  for (const input of ALL_INPUTS) {
    if (input.path === field) return input.path;
    if (best === null && (field.startsWith(input.path + '.') || input.path.startsWith(field + '.'))) best = input.path;
  }
  return best;
}

/** Errors grouped by box path; errors without a box under ''. */
export function errorsByInput(errors: SettingsError[]): Record<string, SettingsError[]> {
  const out: Record<string, SettingsError[]> = {};
  for (const e of errors) {
    const key = inputForError(e.field) ?? '';
    (out[key] ??= []).push(e);
  }
  return out;
}

export function inputKindOf(path: string): InputKind | undefined {
  return ALL_INPUTS.find((i) => i.path === path)?.kind;
}
