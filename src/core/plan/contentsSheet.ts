/**
 * The 目录 (Contents) sheet, the first of the product's sheets (issue 12.2): the key figures of the run, the analysis
 * date, the rules in force with the settings' values (every threshold and term), and one line per sheet the product
 * wrote: a link to it (a `sheetLink` cell: the adapters write HYPERLINK("#'name'!A1","name") with the sheet's final
 * name) and what it is for. Built from the plan's sheets, the report's figures and the settings only, so a refresh
 * of the same input gives the same sheet.
 */
import type { CellSpec, ColumnKind, SheetSpec } from './types';
import type { Settings } from '../settings/settings';
import { KIND_FORMATS } from './numberFormats';

export const CONTENTS_KEY = 'contents';

type T = (key: string, params?: Record<string, string | number>) => string;

/** The key figures shown, in order: report figure, kind. Figures the run did not compute are left out. */
const FIGURES: readonly [string, ColumnKind][] = [
  ['vehicles', 'integer'],
  ['classifiedVehicles', 'integer'],
  ['lostCustomers', 'integer'],
  ['churnRate', 'percent'],
  ['retentionRate', 'percent'],
  ['targetChurnRate', 'percent'],
  ['needWinBack', 'integer'],
  ['winBackToCall', 'integer'],
  ['winBackHighPriority', 'integer'],
  ['recordsToUpdate', 'integer'],
  ['followedUpLost', 'integer'],
  ['failedFollowUps', 'integer'],
  ['registerRows', 'integer'],
  ['visits', 'integer'],
  ['calls', 'integer'],
  ['orders', 'integer'],
  ['prospects', 'integer'],
  ['overdue', 'integer'],
  ['lost', 'integer'],
];

export interface ContentsInput {
  t: T;
  settings: Settings;
  /** The analysis date 'YYYY-MM-DD' and where it came from ('given' | 'settings' | 'workbook' | 'today'). */
  date: string;
  dateSource: string;
  figures: Record<string, number>;
  /** The sheets of this run, in tab order (the contents sheet itself not among them). */
  sheets: readonly SheetSpec[];
  /** Sheets the product wrote before and still owns that this run does not rewrite (forms): key -> name. */
  otherSheets?: Record<string, string>;
  /** Their recorded titles, by key. */
  otherTitles?: Record<string, string>;
  /** Key figures by analysis month 'YYYY-MM', this run's month included (state.lastRun.figuresByMonth). */
  history?: Record<string, Record<string, number>>;
  /** This run's month 'YYYY-MM'. */
  month?: string;
}

/** The key figures kept per month (the ones the 目录 sheet shows). @example keptFigures({ churnRate: 0.3, x: 1 }) // { churnRate: 0.3 } */
export function keptFigures(figures: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key] of FIGURES) if (Number.isFinite(figures[key])) out[key] = figures[key];
  return out;
}

function previousMonthOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The rules in force, one [label, text] per line, every value taken from the settings. */
function rules(t: T, s: Settings): [string, string][] {
  const th = s.thresholds;
  const p = s.priority;
  const iv = s.sales.levelIntervalDays;
  return [
    [t('contents.rule.months'), t('contents.rule.monthsText')],
    [t('contents.rule.status'), t('contents.rule.statusText', { atRisk: th.atRiskMonths, lost: th.lostMonths, gone: th.goneMonths, atRiskEnd: th.lostMonths - 1, lostEnd: th.goneMonths - 1 })],
    [t('contents.rule.churnRate'), t('contents.rule.churnRateText', { target: pct(s.targetChurnRate) })],
    [t('contents.rule.warranty'), t('contents.rule.warrantyText', { months: s.warranty.months, km: s.warranty.km.toLocaleString('en-US') })],
    [t('contents.rule.local'), s.localRegions.length ? t('contents.rule.localText', { regions: s.localRegions.join('、') }) : t('contents.rule.localAll')],
    [t('contents.rule.matching'), t('contents.rule.matchingText')],
    [t('contents.rule.priority'), t('contents.rule.priorityText', {
      years: p.easyWinBackMaxAgeYears,
      outOfTown: p.skipOutOfTown ? t('contents.rule.outOfTownClean') : t('contents.rule.outOfTownCall'),
      share: pct(p.internalReasonShareToFixFirst),
    })],
    [t('contents.rule.followUp'), t('contents.rule.followUpText', { h: iv.H, a: iv.A, b: iv.B, c: iv.C, n: iv.N, soon: s.sales.dueSoonDays })],
  ];
}

/** What a sheet is for: its catalogue line, else its title (a sheet added later, a form). */
function purposeOf(t: T, key: string, title: string): string {
  const k = `contents.purpose.${key}`;
  const text = t(k);
  if (text !== k) return text;
  if (key.startsWith('form.')) return t('contents.purpose.form', { title });
  return title;
}

function titleOf(spec: SheetSpec): string {
  const c = spec.cells.find((cell) => cell.row === 0 && cell.col === 0);
  return typeof c?.value === 'string' ? c.value : spec.name;
}

/**
 * The contents sheet of a run.
 * @example contentsSheet({ t, settings, date: '2026-10-31', dateSource: 'given', figures: { vehicles: 10 }, sheets }).name // '目录'
 */
export function contentsSheet(input: ContentsInput): SheetSpec {
  const { t, settings } = input;
  const cells: CellSpec[] = [];
  const LAST = 2; // columns A..C
  let row = 0;
  const line = (value: string, style: CellSpec['style'], wrap = false) => {
    cells.push({ row, col: 0, value, style, mergeAcross: LAST, ...(wrap ? { wrap: true } : {}) });
    row++;
  };
  line(t('contents.title'), 'title');
  const dealer = settings.dealerName.trim();
  line(t('contents.subtitle', { dealer, date: input.date, source: t(`contents.dateSource.${input.dateSource}`) }).trim(), 'subtitle');
  const f = input.figures;
  const summary: string[] = [];
  if (f.vehicles !== undefined) {
    summary.push(t('contents.c.aftersales', { vehicles: f.vehicles, rate: pct(f.churnRate ?? 0), target: pct(f.targetChurnRate ?? settings.targetChurnRate), need: f.needWinBack ?? 0, call: f.winBackToCall ?? 0, high: f.winBackHighPriority ?? 0 }));
  }
  if (f.prospects !== undefined) summary.push(t('contents.c.prospects', { prospects: f.prospects, overdue: f.overdue ?? 0 }));
  else if (f.registerRows !== undefined) summary.push(t('contents.c.register', { rows: f.registerRows, orders: f.orders ?? 0 }));
  if (summary.length) line(summary.join(''), 'conclusion', true);
  row++;

  // Key figures.
  line(t('contents.section.figures'), 'label');
  const head = (a: string, b: string) => {
    cells.push({ row, col: 0, value: a, style: 'header' });
    cells.push({ row, col: 1, value: b, style: 'header', mergeAcross: LAST - 1 });
    row++;
  };
  head(t('contents.h.figure'), t('contents.h.value'));
  for (const [key, kind] of FIGURES) {
    const v = f[key];
    if (v === undefined || !Number.isFinite(v)) continue;
    cells.push({ row, col: 0, value: t(`contents.fig.${key}`), style: 'cell' });
    cells.push({ row, col: 1, value: v, style: 'cell', numberFormat: KIND_FORMATS[kind], align: 'right' });
    cells.push({ row, col: 2, value: t(`contents.figNote.${key}`) === `contents.figNote.${key}` ? '' : t(`contents.figNote.${key}`), style: 'cell' });
    row++;
  }
  row++;

  // Month over month: this month against the last, and the trend once three months are recorded.
  const history = input.history ?? {};
  const month = input.month ?? input.date.slice(0, 7);
  const previous = history[previousMonthOf(month)];
  const months = Object.keys(history).filter((m) => m <= month).sort().slice(-6);
  if (previous) {
    const format = (v: number, kind: ColumnKind) => (kind === 'percent' ? pct(v) : String(Math.round(v * 100) / 100));
    line(t('contents.section.months', { month, previous: previousMonthOf(month) }), 'label');
    cells.push({ row, col: 0, value: t('contents.h.figure'), style: 'header' });
    cells.push({ row, col: 1, value: t('contents.h.thisMonth'), style: 'header' });
    cells.push({ row, col: 2, value: months.length >= 3 ? t('contents.h.previousAndTrend') : t('contents.h.previousMonth'), style: 'header' });
    row++;
    for (const [key, kind] of FIGURES) {
      const v = f[key];
      const p = previous[key];
      if (v === undefined || !Number.isFinite(v) || p === undefined || !Number.isFinite(p)) continue;
      const change = kind === 'percent' ? `${v - p >= 0 ? '+' : ''}${Math.round((v - p) * 1000) / 10}%` : `${v - p >= 0 ? '+' : ''}${Math.round((v - p) * 100) / 100}`;
      let text = t('contents.mom', { previous: format(p, kind), change });
      if (months.length >= 3) {
        const trend = months.map((m) => (m === month ? v : history[m]?.[key])).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
        if (trend.length >= 3) text += t('contents.trend', { months: months.length, values: trend.map((x) => format(x, kind)).join(' → ') });
      }
      cells.push({ row, col: 0, value: t(`contents.fig.${key}`), style: 'cell' });
      cells.push({ row, col: 1, value: v, style: 'cell', numberFormat: KIND_FORMATS[kind], align: 'right' });
      cells.push({ row, col: 2, value: text, style: 'cell', wrap: true });
      row++;
    }
    row++;
  }

  // The sheets, each with its link and what it is for.
  line(t('contents.section.sheets'), 'label');
  head(t('contents.h.sheet'), t('contents.h.purpose'));
  const entries: { key: string; name: string; title: string }[] = [
    ...input.sheets.map((s) => ({ key: s.key, name: s.name, title: titleOf(s) })),
    ...Object.entries(input.otherSheets ?? {})
      .filter(([key]) => !input.sheets.some((s) => s.key === key) && key !== CONTENTS_KEY)
      .map(([key, name]) => ({ key, name, title: input.otherTitles?.[key] ?? name })),
  ];
  for (const e of entries) {
    cells.push({ row, col: 0, value: e.name, sheetLink: e.key, style: 'cell' });
    cells.push({ row, col: 1, value: purposeOf(t, e.key, e.title), style: 'cell', mergeAcross: LAST - 1, wrap: true });
    row++;
  }
  row++;

  // The rules in force.
  line(t('contents.section.rules'), 'label');
  head(t('contents.h.rule'), t('contents.h.ruleText'));
  for (const [label, text] of rules(t, settings)) {
    cells.push({ row, col: 0, value: label, style: 'cell' });
    cells.push({ row, col: 1, value: text, style: 'cell', mergeAcross: LAST - 1, wrap: true });
    row++;
  }
  row++;
  line(t('contents.note.settings'), 'note');

  return {
    key: CONTENTS_KEY,
    name: t('contents.sheet'),
    role: 'summary',
    cells,
    tables: [],
    columnWidths: [
      { col: 0, width: 28 },
      { col: 1, width: 14 },
      { col: 2, width: 60 },
    ],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    firstOfProduct: true,
  };
}
