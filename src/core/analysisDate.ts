/**
 * The analysis date (issue 10.5). A dealer's export often says in its title rows which date it was made for
 * (`XX店保有客户明细表(截至2026年10月)`, `统计日期:2026-10-31`, `2026年10月`): that date is offered as the analysis
 * date (report.suggestedAnalysisDate, with where it was found), and used when the host asks for it and neither the
 * caller nor the settings name a date. A run on today's date whose data ends weeks earlier says so (a warning).
 */
import type { AnalysisDateInfo, Grid, Message, SuggestedAnalysisDate } from './plan/types';
import { a1 } from './plan/names';
import type { Settings } from './settings/settings';
import type { DetectedSheets, Field, MappedSheet } from './sheets/types';
import { formatIso, isValidYmd, parseIso, serialToYmd, todayYmd, ymdToSerial, type Ymd } from './values/dates';
import { toHalfWidth } from './values/halfWidth';
import { readDate } from './values/readDate';

export type { AnalysisDateInfo, SuggestedAnalysisDate };

/** Labels that say a date is the data's cut-off (strongest first); 打印/导出/制表 dates are when, not what for. */
const CUTOFF_LABEL = /截至|截止|统计日期|统计截止|统计期间|统计时间|统计范围|报表日期|报表期间|数据日期|数据截止|数据期间|日期范围|查询期间|as\s*of|period|through/i;
const NOT_CUTOFF_LABEL = /打印|导出|制表|填表|填报|生成时间|生成日期|printed|exported|prepared/i;
/** A date label standing alone in a cell, with the date in the next cell: `统计日期:` | 46326. */
const LABEL_ONLY = /^(?:截至|截止|统计日期|统计截止日期?|报表日期|数据日期|数据截止日期?|as of)\s*[:：]?\s*$/i;

/** y-m-d, y年m月d日, y/m/d, y.m.d; then y-m or y年m月 (a month); then y年 (a year: not used). */
const DAY = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/g;
/** What follows a range's first date: its end as month and day (10月31日, 10-31) or as the day alone (31日). */
const RANGE_END = /^\s*(?:至|到|~|～|—|–|－|-)\s*(?:(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)|(\d{1,2})\s*[日号])/;
/** A month and day without a year: 10月1日. */
const MONTH_DAY = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const MONTH = /(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[-/.]\s*(\d{1,2})(?![\d]|\s*[-/.月]\s*\d))/g;

/** How much a found date is trusted: a cut-off label beats a bare month in a title. */
interface Hint {
  ymd: Ymd;
  strength: number;
  row: number;
  col: number;
  text: string;
}

function lastDayOfMonth(y: number, m: number): Ymd {
  return { y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() };
}

function plausible(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** The latest date a text names (a range's end), with its precision; null when it names none. */
export function dateInText(raw: string): Ymd | null {
  const s = toHalfWidth(raw);
  let best: Ymd | null = null;
  const later = (d: Ymd) => {
    if (!best || ymdToSerial(d) > ymdToSerial(best)) best = d;
  };
  const days: [number, number][] = [];
  for (const m of s.matchAll(DAY)) {
    const y = +m[1];
    const mo = +m[2];
    const d = +m[3];
    if (plausible(y) && isValidYmd(y, mo, d)) later({ y, m: mo, d });
    days.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  // A range is offered by its END (the data runs to it): after each full date, `至 | 到 | ~ | -` and the end written
  // with the year once (2026年10月1日至10月31日, 2026-10-01~10-31) or with the day alone (2026年10月3日-8日).
  for (const m of s.matchAll(DAY)) {
    const y = +m[1];
    const mo = +m[2];
    const after = RANGE_END.exec(s.slice((m.index ?? 0) + m[0].length));
    if (!after || !plausible(y)) continue;
    const endMonth = after[1] !== undefined ? +after[1] : mo;
    const endDay = +(after[2] ?? after[3]);
    if (isValidYmd(y, endMonth, endDay)) later({ y, m: endMonth, d: endDay });
  }
  // A range of days without a year beside the month (10月1日至31日) takes the year the text names elsewhere.
  if (days.length === 0) {
    const year = [...s.matchAll(/(\d{4})\s*年(?!\s*\d{1,2}\s*月)/g)].map((x) => +x[1]).filter(plausible).pop();
    if (year !== undefined) {
      for (const m of s.matchAll(MONTH_DAY)) {
        const mo = +m[1];
        const after = RANGE_END.exec(s.slice((m.index ?? 0) + m[0].length));
        const endMonth = after?.[1] !== undefined ? +after[1] : mo;
        const endDay = after ? +(after[2] ?? after[3]) : +m[2];
        if (isValidYmd(year, endMonth, endDay)) later({ y: year, m: endMonth, d: endDay });
      }
    }
  }
  for (const m of s.matchAll(MONTH)) {
    const at = m.index ?? 0;
    if (days.some(([a, b]) => at >= a && at < b)) continue; // part of a full date
    const y = +m[1];
    const mo = +(m[2] ?? m[3]);
    if (plausible(y) && mo >= 1 && mo <= 12) later(lastDayOfMonth(y, mo));
  }
  return best;
}

/**
 * The analysis date the rows above a header name, or null. Text cells are read for dates (a month gives its last
 * day, a range its end); a date cell right of a label cell (`统计日期:` | 2026-10-31) counts too. Dates labelled as
 * printing or export dates are not taken. Of several, the one with a cut-off label wins, then the latest.
 *
 * @example findTitleDate([['XX店保有客户明细表(截至2026年10月)'], ['车主', '购车日期']], 1) // { ymd: 2026-10-31, row: 0, col: 0, … }
 */
export function findTitleDate(grid: Grid, headerRow: number): { ymd: Ymd; row: number; col: number; text: string } | null {
  let best: Hint | null = null;
  const consider = (h: Hint) => {
    if (!best || h.strength > best.strength || (h.strength === best.strength && ymdToSerial(h.ymd) > ymdToSerial(best.ymd))) best = h;
  };
  for (let r = 0; r < headerRow && r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string') {
        if (v.length > 200 || NOT_CUTOFF_LABEL.test(v)) continue;
        const ymd = dateInText(v);
        if (ymd) consider({ ymd, strength: CUTOFF_LABEL.test(v) ? 2 : 1, row: r, col: c, text: v });
      } else if (c > 0 && (typeof v === 'number' || v instanceof Date)) {
        const label = row[c - 1];
        if (typeof label !== 'string' || !LABEL_ONLY.test(toHalfWidth(label).trim())) continue;
        const serial = readDate(v);
        if (typeof serial !== 'number') continue;
        const ymd = serialToYmd(serial);
        if (plausible(ymd.y)) consider({ ymd, strength: 2, row: r, col: c, text: `${label}${formatIso(ymd)}` });
      }
    }
  }
  if (!best) return null;
  const b: Hint = best;
  return { ymd: b.ymd, row: b.row, col: b.col, text: b.text };
}

const SHEET_ORDER = ['customers', 'calls', 'register', 'prospects'] as const;

/** The first date the title rows of the used sheets name (customer base first), with where it stands. */
export function suggestAnalysisDate(detected: DetectedSheets): SuggestedAnalysisDate | undefined {
  for (const k of SHEET_ORDER) {
    const m = detected[k];
    if (!m || m.headerRow <= 0) continue;
    const found = findTitleDate(m.sheet.grid, m.headerRow);
    if (found) {
      const text = found.text.length > 100 ? found.text.slice(0, 99) + '…' : found.text;
      return { date: formatIso(found.ymd), sheet: m.sheet.name, address: a1(found.row, found.col), text };
    }
  }
  return undefined;
}

/** Date columns whose latest value says how far the data goes. */
const DATA_DATE_FIELDS: Record<(typeof SHEET_ORDER)[number], readonly Field[]> = {
  customers: ['lastVisitDate', 'purchaseDate'],
  calls: ['callDate', 'returnDate'],
  register: ['date'],
  prospects: ['followDate', 'createdDate'],
};

function dateColumns(m: MappedSheet, fields: readonly Field[]): number[] {
  const cols: number[] = [];
  for (const f of fields) {
    const c = m.columns[f];
    if (c !== undefined) cols.push(c);
  }
  for (const g of m.followUpGroups) if (g.columns.followDate !== undefined) cols.push(g.columns.followDate);
  return cols;
}

/**
 * The latest date in the data rows' date columns (last visits, calls, register dates, follow-ups) that is not after
 * `notAfter` (a typo in the future says nothing about how far the data goes); NaN when there is none. Linear.
 */
export function latestDataDate(detected: DetectedSheets, notAfter: Ymd): number {
  const limit = ymdToSerial(notAfter);
  let latest = NaN;
  for (const k of SHEET_ORDER) {
    const m = detected[k];
    if (!m) continue;
    const grid = m.sheet.grid;
    for (const c of dateColumns(m, DATA_DATE_FIELDS[k])) {
      for (const r of m.dataRows) {
        const d = readDate(grid[r]?.[c]);
        if (typeof d === 'number' && d <= limit && !(d <= latest)) latest = d;
      }
    }
  }
  return latest;
}

export interface ChosenDate {
  asOf: Ymd;
  info: AnalysisDateInfo;
  suggested?: SuggestedAnalysisDate;
  /** The stale-data warning (catalogue key and parameters), when it applies. */
  warning?: Message;
}

/**
 * The analysis date of a run: the caller's, else the settings', else (when `useWorkbookDate`) the one the workbook's
 * title rows name, else today. A run on today's date whose data ends more than settings.staleDataDays days earlier
 * gets the warning 'core.warning.staleData'.
 */
export function chooseAnalysisDate(
  detected: DetectedSheets,
  settings: Settings,
  options: { asOf?: Ymd; useWorkbookDate?: boolean; today?: Ymd },
): ChosenDate {
  const suggested = suggestAnalysisDate(detected);
  const fromSettings = settings.analysisDate ? parseIso(settings.analysisDate) : null;
  const today = options.today ?? todayYmd();
  // A title's month that is not over yet ('截至2026年12月' on 3 December) names its last day, which has not come:
  // a date after today is never used (the data cannot reach it); today is, and the report shows the title's date beside it.
  const titled = options.useWorkbookDate && suggested ? parseIso(suggested.date) : null;
  const fromWorkbook = titled && ymdToSerial(titled) <= ymdToSerial(today) ? titled : null;
  let asOf: Ymd;
  let source: AnalysisDateInfo['source'];
  if (options.asOf) [asOf, source] = [options.asOf, 'given'];
  else if (fromSettings) [asOf, source] = [fromSettings, 'settings'];
  else if (fromWorkbook) [asOf, source] = [fromWorkbook, 'workbook'];
  else [asOf, source] = [today, 'today'];
  const out: ChosenDate = { asOf, info: { date: formatIso(asOf), source }, suggested };
  if (source === 'today' && settings.staleDataDays > 0) {
    const latest = latestDataDate(detected, asOf);
    const days = ymdToSerial(asOf) - latest;
    if (days > settings.staleDataDays) {
      out.warning = {
        key: 'core.warning.staleData',
        params: { asOf: formatIso(asOf), latest: formatIso(serialToYmd(latest)), days, limit: settings.staleDataDays },
      };
    }
  }
  return out;
}
