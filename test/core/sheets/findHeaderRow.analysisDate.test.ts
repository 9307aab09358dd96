/**
 * Issue 10.5: the date the rows above a header name is offered as the analysis date (report.suggestedAnalysisDate),
 * used when the host asks for it and nothing else names a date, and a run on today's date over data that ends
 * weeks earlier says so.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { chooseAnalysisDate, dateInText, findTitleDate } from '../../../src/core/analysisDate';
import type { SheetInput } from '../../../src/core/plan/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { calls, customers } from '../aftersales/fixtures/smallWorkbook';

const HEADER = ['客户姓名', '联系电话', '车牌号', '车架号', '购车日期', '最后进站日期'];
const ROWS = [['张三', '13800000001', '陕A10001', 'VIN0001', '2024-01-10', '2026-08-01']];
const withTitle = (...title: unknown[][]): SheetInput => ({ name: '保有客户', grid: [...title, HEADER, ...ROWS] });

describe('dateInText', () => {
  it.each<[string, string | null]>([
    ['截至2026年10月31日', '2026-10-31'],
    ['统计日期:2026-10-31', '2026-10-31'],
    ['统计日期：２０２６－１０－３１', '2026-10-31'],
    ['2026年10月', '2026-10-31'],
    ['2026年2月', '2026-02-28'],
    ['XX店保有客户明细表(截至2026年10月)', '2026-10-31'],
    ['统计期间:2026-10-01至2026-10-31', '2026-10-31'],
    ['2026年10月1日至10月31日', '2026-10-31'],
    ['2026/10/31', '2026-10-31'],
    ['2026.10', '2026-10-31'],
    ['XX店保有客户明细表', null],
    ['2026年13月', null],
    ['共 1,983 条', null],
  ])('%s → %s', (text, want) => {
    const got = dateInText(text);
    expect(got ? `${got.y}-${String(got.m).padStart(2, '0')}-${String(got.d).padStart(2, '0')}` : null).toBe(want);
  });
});

describe('findTitleDate', () => {
  it('a cut-off label beats a bare month; print dates are not cut-offs', () => {
    const grid = [['XX店 2026年9月'], ['打印日期:2026-11-05', '统计日期:2026-10-31'], HEADER];
    expect(findTitleDate(grid, 2)).toMatchObject({ ymd: { y: 2026, m: 10, d: 31 }, row: 1, col: 1 });
  });
  it('a date cell right of its label', () => {
    expect(findTitleDate([['统计日期:', 46326], HEADER], 1)).toMatchObject({ ymd: { y: 2026, m: 10, d: 31 }, row: 0, col: 1 });
  });
  it('only rows above the header', () => expect(findTitleDate([HEADER, ['截至2026年10月31日']], 0)).toBeNull());
});

describe('report.suggestedAnalysisDate and report.analysisDate', () => {
  it('offered with where it was found; the given date still rules', () => {
    const r = analyseWorkbook([withTitle(['XX店保有客户明细表(截至2026年10月)'], [])], { asOf: { y: 2026, m: 11, d: 15 } }).report;
    expect(r.suggestedAnalysisDate).toEqual({ date: '2026-10-31', sheet: '保有客户', address: 'A1', text: 'XX店保有客户明细表(截至2026年10月)' });
    expect(r.analysisDate).toEqual({ date: '2026-11-15', source: 'given' });
  });
  it('used when asked for and no date is given or set', () => {
    const plan = analyseWorkbook([withTitle(['统计日期:2026-10-31'])], { useWorkbookDate: true });
    expect(plan.report.analysisDate).toEqual({ date: '2026-10-31', source: 'workbook' });
    expect(plan.state.lastRun?.at).toBe('2026-10-31');
  });
  it('settings.analysisDate beats the workbook', () => {
    const r = analyseWorkbook([withTitle(['2026年10月'])], { settings: { analysisDate: '2026-09-30' }, useWorkbookDate: true }).report;
    expect(r.analysisDate).toEqual({ date: '2026-09-30', source: 'settings' });
    expect(r.suggestedAnalysisDate?.date).toBe('2026-10-31');
  });
  it('a month not over yet gives today, not its last day (a date after today is never used)', () => {
    const detected = detectSheets([withTitle(['XX店保有客户明细表(截至2026年12月)'])]);
    const early = chooseAnalysisDate(detected, DEFAULT_SETTINGS, { useWorkbookDate: true, today: { y: 2026, m: 12, d: 3 } });
    expect(early.info).toEqual({ date: '2026-12-03', source: 'today' });
    expect(early.suggested?.date).toBe('2026-12-31');
    const after = chooseAnalysisDate(detected, DEFAULT_SETTINGS, { useWorkbookDate: true, today: { y: 2027, m: 1, d: 5 } });
    expect(after.info).toEqual({ date: '2026-12-31', source: 'workbook' });
  });
  it('none when the title names no date', () => {
    const r = analyseWorkbook([withTitle(['XX店保有客户明细表'])], { asOf: { y: 2026, m: 10, d: 31 } }).report;
    expect(r.suggestedAnalysisDate).toBeUndefined();
  });
});

describe('stale data on a run on today', () => {
  const detected = detectSheets([customers, calls]);
  // The fixture's latest date (not in the future) is the call of 2026-10-15 (回站日期 2026-10-20).
  it('warns with a catalogue key when the data ends more than 14 days before today', () => {
    const c = chooseAnalysisDate(detected, DEFAULT_SETTINGS, { today: { y: 2026, m: 11, d: 30 } });
    expect(c.info.source).toBe('today');
    expect(c.warning).toEqual({ key: 'core.warning.staleData', params: { asOf: '2026-11-30', latest: '2026-10-20', days: 41, limit: 14 } });
  });
  it('not within the limit, not when a date was given, not when the setting is 0; the limit is a setting', () => {
    expect(chooseAnalysisDate(detected, DEFAULT_SETTINGS, { today: { y: 2026, m: 11, d: 3 } }).warning).toBeUndefined();
    expect(chooseAnalysisDate(detected, DEFAULT_SETTINGS, { asOf: { y: 2026, m: 12, d: 31 } }).warning).toBeUndefined();
    expect(chooseAnalysisDate(detected, { ...DEFAULT_SETTINGS, staleDataDays: 0 }, { today: { y: 2027, m: 6, d: 1 } }).warning).toBeUndefined();
    expect(chooseAnalysisDate(detected, { ...DEFAULT_SETTINGS, staleDataDays: 60 }, { today: { y: 2026, m: 11, d: 30 } }).warning).toBeUndefined();
  });
  it('shows in the report of a run without a date (today is long after the fixture)', () => {
    const r = analyseWorkbook([customers, calls]).report;
    expect(r.analysisDate?.source).toBe('today');
    expect(r.warningMessages?.some((m) => m.key === 'core.warning.staleData')).toBe(true);
    expect(r.warnings.some((w) => w.includes('2026-10-20'))).toBe(true);
  });
});
