/**
 * Settings: every default DOMAIN.md gives, in one typed object, with validation that names the bad field.
 * Settings are stored in the workbook (WorkbookState.settings) so an emailed copy analyses the same way.
 */

export type Locale = 'zh-CN' | 'en-US';

/** Reason categories of after-sales churn (DOMAIN.md, 流失原因 / 原因类别). */
export const INTERNAL_REASONS = ['价格', '技术', '等待', '服务'] as const;
export const EXTERNAL_REASONS = ['距离', '亲友修理厂', '车辆转卖', '里程少', '外地用车', '车辆报废'] as const;
export type ReasonCategory = (typeof INTERNAL_REASONS)[number] | (typeof EXTERNAL_REASONS)[number] | '其他';

/** Lost-prospect reason classes (DOMAIN.md, 战败原因类别). */
export const DEFEAT_REASONS = ['价格', '竞品', '车型/配置', '交车时间', '服务', '贷款/资金', '暂缓购买', '其他'] as const;
export type DefeatReasonCategory = (typeof DEFEAT_REASONS)[number];

export type IntentLevel = 'H' | 'A' | 'B' | 'C' | 'N' | 'O' | 'F';

export interface PrioritySettings {
  /** Vehicles younger than this (years since purchase) are the easiest to win back (seed: 4 years, ~60%). */
  easyWinBackMaxAgeYears: number;
  /** Out-of-town vehicles are not called but their records cleaned. */
  skipOutOfTown: boolean;
  /** When internal reasons are at least this share of all recorded reasons, fix them before calling. */
  internalReasonShareToFixFirst: number;
}

/** How the summaries' conclusion lines choose what to name (issue 12.6). */
export interface ConclusionSettings {
  /** A group (region, model) is named for its churn rate only with at least this many classified vehicles. */
  minGroupSize: number;
  /** Above this share of 未知 destinations (or lost customers without a recorded reason) the conclusion says so. */
  mostlyUnknownShare: number;
}

export interface SalesSettings {
  /** Days until the next follow-up is due after a follow-up at this level. */
  levelIntervalDays: Record<'H' | 'A' | 'B' | 'C' | 'N', number>;
  /** Monthly total sales (当月销售总量) entered by the user, by 'YYYY-MM'. */
  monthlyTotalSales: Record<string, number>;
  /** Days ahead to list follow-ups due (意向级别分布). */
  dueSoonDays: number;
}

/** Keys of the win-back script table: every reason category, and 未知 for a vehicle whose call log records no reason. */
export const SCRIPT_KEYS = [...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他', '未知'] as const;
export type ScriptKey = (typeof SCRIPT_KEYS)[number];

/** The win-back list as a call sheet (招揽名单): scripts and the service-due rule (docs/decisions.md). */
export interface WinBackSettings {
  /**
   * The dealer's own 招揽话术 per reason category (and 未知 when no reason was recorded). A category missing or blank
   * takes the default script of the catalogue (written from the seeds), in the workbook's language.
   */
  scripts: Partial<Record<ScriptKey, string>>;
  /** Months between two routine maintenance visits: the next one is due this long after the last visit. */
  serviceIntervalMonths: number;
  /** A vehicle in warranty whose warranty ends within this many months is offered the end-of-warranty check instead. */
  warrantyCheckMonths: number;
}

/** Longest script accepted (a list cell should stay readable when printed). */
export const MAX_SCRIPT_CHARS = 500;

/** Which analysis dates are accepted (a typo such as 0000-01-01 or 2206-10-31 is refused, not analysed). */
export interface AnalysisDateRange {
  /** Earliest accepted date, 'YYYY-MM-DD'. */
  earliest: string;
  /** Latest accepted date: this many whole years after today. */
  maxYearsAhead: number;
}

export interface Settings {
  /** Analysis date as 'YYYY-MM-DD'; null means today. */
  analysisDate: string | null;
  /** Accepted analysis dates (default 1990-01-01 to ten years ahead). */
  analysisDateRange: AnalysisDateRange;
  /** A run on today's date warns when the data's latest date is more than this many days earlier (0: never). */
  staleDataDays: number;
  /** Months without a visit at which a vehicle becomes 准流失 / 流失 / 彻底流失. */
  thresholds: { atRiskMonths: number; lostMonths: number; goneMonths: number };
  /** Warranty ends at whichever comes first. */
  warranty: { months: number; km: number };
  /** Region names (or parts of them) that count as local; empty: every region is local. */
  localRegions: string[];
  /** Target churn rate, 0..1. */
  targetChurnRate: number;
  /**
   * Below this share of calls matched to a vehicle (0..1) the call log is taken for a misread key and the analysis
   * stops, naming the key columns (docs/decisions.md, silent4). 0: never stop, for a log that really covers other vehicles.
   */
  minMatchedCallShare: number;
  dealerName: string;
  language: Locale;
  /** Extra keywords per after-sales reason category, added to the built-in dictionary. */
  extraReasonKeywords: Partial<Record<ReasonCategory, string[]>>;
  /** Extra keywords per lost-prospect reason class. */
  extraDefeatKeywords: Partial<Record<DefeatReasonCategory, string[]>>;
  priority: PrioritySettings;
  conclusions: ConclusionSettings;
  sales: SalesSettings;
  winBack: WinBackSettings;
  /** The share-safe copy: header words of columns the dealer also treats as personal (微信号, 邮箱 …). */
  share: { personalHeaders: string[] };
}

export const DEFAULT_SETTINGS: Settings = {
  analysisDate: null,
  analysisDateRange: { earliest: '1990-01-01', maxYearsAhead: 10 },
  staleDataDays: 14,
  thresholds: { atRiskMonths: 6, lostMonths: 12, goneMonths: 24 },
  warranty: { months: 36, km: 100000 },
  localRegions: [],
  targetChurnRate: 0.25,
  minMatchedCallShare: 0.5,
  dealerName: '',
  language: 'zh-CN',
  extraReasonKeywords: {},
  extraDefeatKeywords: {},
  priority: { easyWinBackMaxAgeYears: 4, skipOutOfTown: true, internalReasonShareToFixFirst: 0.5 },
  conclusions: { minGroupSize: 30, mostlyUnknownShare: 0.5 },
  sales: {
    levelIntervalDays: { H: 1, A: 3, B: 7, C: 15, N: 1 },
    monthlyTotalSales: {},
    dueSoonDays: 7,
  },
  winBack: { scripts: {}, serviceIntervalMonths: 6, warrantyCheckMonths: 3 },
  share: { personalHeaders: [] },
};

/** One problem with a settings value: the dotted path of the field and a message key. */
export interface SettingsError {
  field: string;
  /** i18n key, e.g. 'settings.error.notPositiveInteger'. */
  message: string;
  /** Parameters of the message (e.g. the accepted range of a date). */
  params?: Record<string, string | number>;
}

export class SettingsValidationError extends Error {
  constructor(public readonly errors: SettingsError[]) {
    super(`Invalid settings: ${errors.map((e) => `${e.field} (${e.message})`).join('; ')}`);
    this.name = 'SettingsValidationError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/** Today as 'YYYY-MM-DD' (UTC), shifted by whole years. */
function isoYearsFromToday(years: number): string {
  const now = new Date();
  const y = now.getUTCFullYear() + years;
  const m = now.getUTCMonth() + 1;
  // 29 February + N years is 28 February when that year has none.
  const d = Math.min(now.getUTCDate(), new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The accepted analysis dates of a range, as 'YYYY-MM-DD' texts. */
export function analysisDateBounds(range: AnalysisDateRange = DEFAULT_SETTINGS.analysisDateRange): { earliest: string; latest: string } {
  return { earliest: range.earliest, latest: isoYearsFromToday(range.maxYearsAhead) };
}

/**
 * Why an analysis date (a real 'YYYY-MM-DD' date) is refused: 'tooEarly', 'tooLate', or null when it is accepted.
 * ISO dates compare as text.
 * @example analysisDateProblem('0000-01-01') // 'tooEarly'
 */
export function analysisDateProblem(iso: string, range: AnalysisDateRange = DEFAULT_SETTINGS.analysisDateRange): 'tooEarly' | 'tooLate' | null {
  const { earliest, latest } = analysisDateBounds(range);
  if (iso < earliest) return 'tooEarly';
  if (iso > latest) return 'tooLate';
  return null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges a partial (e.g. parsed JSON from the workbook or a --settings file) over the defaults. */
function mergeDeep<T>(base: T, over: unknown): T {
  if (!isPlainObject(over) || !isPlainObject(base)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = (base as Record<string, unknown>)[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? mergeDeep(b, v) : v;
  }
  return out as T;
}

function validate(s: Settings): SettingsError[] {
  const errors: SettingsError[] = [];
  const posInt = (field: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) errors.push({ field, message: 'settings.error.notPositiveInteger' });
  };
  const positive = (field: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) errors.push({ field, message: 'settings.error.notPositiveNumber' });
  };
  const rate = (field: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) errors.push({ field, message: 'settings.error.notRate' });
  };
  const stringList = (field: string, v: unknown) => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) errors.push({ field, message: 'settings.error.notStringList' });
  };

  const range = s.analysisDateRange;
  let rangeOk = isPlainObject(range);
  if (!rangeOk) errors.push({ field: 'analysisDateRange', message: 'settings.error.notObject' });
  else {
    if (typeof range.earliest !== 'string' || !isValidIsoDate(range.earliest)) {
      errors.push({ field: 'analysisDateRange.earliest', message: 'settings.error.notDate' });
      rangeOk = false;
    }
    if (typeof range.maxYearsAhead !== 'number' || !Number.isInteger(range.maxYearsAhead) || range.maxYearsAhead < 0) {
      errors.push({ field: 'analysisDateRange.maxYearsAhead', message: 'settings.error.notNonNegativeInteger' });
      rangeOk = false;
    }
  }
  if (s.analysisDate !== null && (typeof s.analysisDate !== 'string' || !isValidIsoDate(s.analysisDate))) {
    errors.push({ field: 'analysisDate', message: 'settings.error.notDate' });
  } else if (s.analysisDate !== null && rangeOk && analysisDateProblem(s.analysisDate, range) !== null) {
    errors.push({ field: 'analysisDate', message: 'settings.error.dateOutOfRange', params: analysisDateBounds(range) });
  }
  if (typeof s.staleDataDays !== 'number' || !Number.isInteger(s.staleDataDays) || s.staleDataDays < 0) {
    errors.push({ field: 'staleDataDays', message: 'settings.error.notNonNegativeInteger' });
  }
  posInt('thresholds.atRiskMonths', s.thresholds.atRiskMonths);
  posInt('thresholds.lostMonths', s.thresholds.lostMonths);
  posInt('thresholds.goneMonths', s.thresholds.goneMonths);
  if (
    errors.length === 0 &&
    !(s.thresholds.atRiskMonths < s.thresholds.lostMonths && s.thresholds.lostMonths < s.thresholds.goneMonths)
  ) {
    errors.push({ field: 'thresholds', message: 'settings.error.thresholdOrder' });
  }
  posInt('warranty.months', s.warranty.months);
  positive('warranty.km', s.warranty.km);
  stringList('localRegions', s.localRegions);
  rate('targetChurnRate', s.targetChurnRate);
  if (typeof s.dealerName !== 'string') errors.push({ field: 'dealerName', message: 'settings.error.notText' });
  if (s.language !== 'zh-CN' && s.language !== 'en-US') errors.push({ field: 'language', message: 'settings.error.notLanguage' });
  for (const [group, field] of [
    [s.extraReasonKeywords, 'extraReasonKeywords'],
    [s.extraDefeatKeywords, 'extraDefeatKeywords'],
  ] as const) {
    if (!isPlainObject(group)) errors.push({ field, message: 'settings.error.notKeywordMap' });
    else for (const [k, v] of Object.entries(group)) stringList(`${field}.${k}`, v);
  }
  posInt('priority.easyWinBackMaxAgeYears', s.priority.easyWinBackMaxAgeYears);
  if (typeof s.priority.skipOutOfTown !== 'boolean') errors.push({ field: 'priority.skipOutOfTown', message: 'settings.error.notBoolean' });
  rate('priority.internalReasonShareToFixFirst', s.priority.internalReasonShareToFixFirst);
  posInt('conclusions.minGroupSize', s.conclusions.minGroupSize);
  rate('conclusions.mostlyUnknownShare', s.conclusions.mostlyUnknownShare);
  rate('minMatchedCallShare', s.minMatchedCallShare);
  for (const lvl of ['H', 'A', 'B', 'C', 'N'] as const) posInt(`sales.levelIntervalDays.${lvl}`, s.sales.levelIntervalDays[lvl]);
  posInt('sales.dueSoonDays', s.sales.dueSoonDays);
  if (!isPlainObject(s.winBack)) errors.push({ field: 'winBack', message: 'settings.error.notObject' });
  else {
    const scripts = s.winBack.scripts;
    if (!isPlainObject(scripts)) errors.push({ field: 'winBack.scripts', message: 'settings.error.notScriptMap' });
    else
      for (const [k, v] of Object.entries(scripts)) {
        if (!(SCRIPT_KEYS as readonly string[]).includes(k)) errors.push({ field: `winBack.scripts.${k}`, message: 'settings.error.notScriptKey', params: { keys: SCRIPT_KEYS.join('、') } });
        else if (typeof v !== 'string') errors.push({ field: `winBack.scripts.${k}`, message: 'settings.error.notText' });
        else if (v.length > MAX_SCRIPT_CHARS) errors.push({ field: `winBack.scripts.${k}`, message: 'settings.error.tooLong', params: { max: MAX_SCRIPT_CHARS } });
      }
    posInt('winBack.serviceIntervalMonths', s.winBack.serviceIntervalMonths);
    if (typeof s.winBack.warrantyCheckMonths !== 'number' || !Number.isInteger(s.winBack.warrantyCheckMonths) || s.winBack.warrantyCheckMonths < 0) {
      errors.push({ field: 'winBack.warrantyCheckMonths', message: 'settings.error.notNonNegativeInteger' });
    }
  }
  if (!isPlainObject(s.share)) errors.push({ field: 'share', message: 'settings.error.notObject' });
  else stringList('share.personalHeaders', s.share.personalHeaders);
  if (!isPlainObject(s.sales.monthlyTotalSales)) errors.push({ field: 'sales.monthlyTotalSales', message: 'settings.error.notMonthMap' });
  else
    for (const [k, v] of Object.entries(s.sales.monthlyTotalSales)) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(k)) errors.push({ field: `sales.monthlyTotalSales.${k}`, message: 'settings.error.notMonth' });
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push({ field: `sales.monthlyTotalSales.${k}`, message: 'settings.error.notNonNegative' });
    }
  return errors;
}

/**
 * Builds complete settings from a partial (JSON from the workbook, a file, or the pane), validating every field.
 * @throws SettingsValidationError naming each bad field.
 * @example resolveSettings({ thresholds: { atRiskMonths: 3 } }).thresholds // { atRiskMonths: 3, lostMonths: 12, goneMonths: 24 }
 */
export function resolveSettings(partial: unknown): Settings {
  if (partial !== undefined && partial !== null && !isPlainObject(partial)) {
    throw new SettingsValidationError([{ field: '(root)', message: 'settings.error.notObject' }]);
  }
  const merged = mergeDeep(DEFAULT_SETTINGS, partial ?? {});
  const errors = validate(merged);
  if (errors.length) throw new SettingsValidationError(errors);
  return merged;
}

/** Checks settings without throwing; the pane shows each error beside its field. */
export function checkSettings(partial: unknown): SettingsError[] {
  try {
    resolveSettings(partial);
    return [];
  } catch (e) {
    if (e instanceof SettingsValidationError) return e.errors;
    throw e;
  }
}
