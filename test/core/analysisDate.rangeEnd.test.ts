/**
 * A title that names a period offers the END of the period as the analysis date (the data runs to it), however the
 * range is written: both dates in full, the year once, the month once, or no year beside the month at all.
 */
import { dateInText, findTitleDate } from '../../src/core/analysisDate';

describe('a title range offers its end', () => {
  it.each<[string, string | null]>([
    ['2026年10月1日-10月31日', '2026-10-31'],
    ['2026.10.01~2026.10.31', '2026-10-31'],
    ['2026-10-01-2026-10-31', '2026-10-31'],
    ['统计期间:2026-10-01~10-31', '2026-10-31'],
    ['2026年10月1日至31日', '2026-10-31'],
    ['(2026年10月3日-8日)', '2026-10-08'],
    ['2026年度 10月1日至31日', '2026-10-31'],
    ['2026年度 10月1日至11月5日', '2026-11-05'],
    // No year anywhere: nothing to offer rather than a guessed year.
    ['10月1日至31日', null],
    // A time span after a date is no range of dates.
    ['2026-10-05 12:30-13:00', '2026-10-05'],
    // An end that is no date of the month is not taken.
    ['2026年2月1日至30日', '2026-02-01'],
  ])('%s -> %s', (text, iso) => {
    const d = dateInText(text);
    expect(d ? `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}` : null).toBe(iso);
  });

  it('a three-line title in one merged cell', () => {
    const grid = [['北京某汽车销售服务有限公司\n展厅来店来电客流台账\n(2026年10月3日-8日)'], ['日期', '到店时间']];
    expect(findTitleDate(grid, 1)?.ymd).toEqual({ y: 2026, m: 10, d: 8 });
  });
});
