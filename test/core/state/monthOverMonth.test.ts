/**
 * Month over month (issue 12.8): each refresh records its key figures under its analysis month in the workbook's
 * state; 目录 shows this month against the last (and the trend from three months on), 跟踪失败 its counts by month.
 * Refreshing twice in the same month gives the same workbook.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { ymdToSerial, type Ymd } from '../../../src/core/values/dates';
import type { SheetInput, WorkbookPlan, WorkbookState } from '../../../src/core/plan/types';
import { stateFromGrid, stateToGrid } from '../../../src/core/state/stateSheet';

const sheetsAt = (asOf: Ymd): SheetInput[] =>
  generateSample({ vehicles: 300, seed: 3, asOf: ymdToSerial(asOf) }).sheets.map((s) => ({ name: s.name, grid: s.grid as SheetInput['grid'] }));
/** The state as the adapters store it and read it back (the very hidden sheet's JSON). */
const roundTrip = (s: WorkbookState) => stateFromGrid(stateToGrid(s))!;
const texts = (plan: WorkbookPlan, key: string) => plan.sheets.find((s) => s.key === key)!.cells.map((c) => c.value).filter((v) => typeof v === 'string') as string[];

describe('month over month', () => {
  const aug = { y: 2026, m: 8, d: 31 };
  const sep = { y: 2026, m: 9, d: 30 };
  const oct = { y: 2026, m: 10, d: 31 };
  const first = analyseWorkbook(sheetsAt(aug), { asOf: aug });
  const second = analyseWorkbook(sheetsAt(sep), { asOf: sep, state: roundTrip(first.state) });
  const third = analyseWorkbook(sheetsAt(oct), { asOf: oct, state: roundTrip(second.state) });

  it('records each month’s key figures in the state', () => {
    expect(Object.keys(third.state.lastRun!.figuresByMonth!)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(third.state.lastRun!.figuresByMonth!['2026-09'].churnRate).toBe(second.report.figures.churnRate);
  });

  it('shows no comparison on the first run, this month against the last on the second, and the trend from the third', () => {
    expect(texts(first, 'contents').some((v) => v.startsWith('月度对比'))).toBe(false);
    expect(texts(second, 'contents')).toContain('月度对比:本月(2026-09)与上月(2026-08)');
    expect(texts(second, 'contents').some((v) => v.startsWith('上月 ') && !v.includes('近3个月'))).toBe(true);
    const trend = texts(third, 'contents').find((v) => v.includes('近3个月'));
    expect(trend).toBeDefined();
    expect(trend!.split('→')).toHaveLength(3);
  });

  it('gives 跟踪失败 a by-month table once two months are recorded, a trend from three', () => {
    expect(texts(first, 'summary.failed').some((v) => v.startsWith('跟踪失败按月') || v.startsWith('跟踪失败近'))).toBe(false);
    expect(texts(second, 'summary.failed')).toContain('跟踪失败按月对比(本月与上月)');
    expect(texts(third, 'summary.failed')).toContain('跟踪失败近3个月趋势');
    const tables = third.sheets.find((s) => s.key === 'summary.failed')!.tables;
    expect(JSON.stringify(tables)).toMatch(/"2026-08".*"2026-09".*"2026-10"/);
  });

  it('is idempotent: refreshing again in the same month gives the same workbook and the same state', () => {
    const again = analyseWorkbook(sheetsAt(oct), { asOf: oct, state: roundTrip(third.state) });
    expect(again.sheets).toEqual(third.sheets);
    expect(again.state).toEqual(roundTrip(third.state));
  });
});
