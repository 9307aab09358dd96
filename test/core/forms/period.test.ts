/** period.ts: reading 'all' / 'YYYY-MM', month ranges, header labels and the per-period cap of the datasets. */
import fc from 'fast-check';
import { dateSpan, inPeriod, parseFormPeriod, periodLabel, periodRange, PeriodCap } from '../../../src/core/forms/period';
import { ymdToSerial } from '../../../src/core/values/dates';

const day = (y: number, m: number, d: number) => ymdToSerial({ y, m, d });

describe('parseFormPeriod', () => {
  it.each([
    ['all', 'all'],
    [' ALL ', 'all'],
    ['2026-10', '2026-10'],
    ['2026-01', '2026-01'],
    [' 2026-12 ', '2026-12'],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-1', null],
    ['2026/10', null],
    ['202610', null],
    ['2026-10-01', null],
    ['1899-12', null],
    ['', null],
    ['十月', null],
  ])('%j → %j', (text, expected) => {
    expect(parseFormPeriod(text)).toBe(expected);
  });

  it('accepts exactly the real months YYYY-MM (fuzz)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const s = `${y}-${String(m).padStart(2, '0')}`;
        return parseFormPeriod(s) === s;
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseFormPeriod(s);
        return p === null || p === 'all' || /^\d{4}-(0[1-9]|1[0-2])$/.test(p);
      }),
    );
  });
});

describe('periodRange and inPeriod at month boundaries', () => {
  it.each([
    { period: '2026-10' as const, from: day(2026, 10, 1), to: day(2026, 11, 1) },
    { period: '2026-12' as const, from: day(2026, 12, 1), to: day(2027, 1, 1) },
    { period: '2024-02' as const, from: day(2024, 2, 1), to: day(2024, 3, 1) },
  ])('$period → [$from, $to)', ({ period, from, to }) => {
    expect(periodRange(period)).toEqual({ from, to });
  });

  it('keeps the last day of the month (late in the day too) and drops the first day of the next', () => {
    const oct = periodRange('2026-10');
    expect(inPeriod(day(2026, 10, 31), oct)).toBe(true);
    expect(inPeriod(day(2026, 10, 31) + 0.999, oct)).toBe(true);
    expect(inPeriod(day(2026, 11, 1), oct)).toBe(false);
    expect(inPeriod(day(2026, 9, 30) + 0.999, oct)).toBe(false);
    expect(inPeriod(day(2026, 10, 1), oct)).toBe(true);
  });

  it('keeps an undated row under all only', () => {
    expect(periodRange('all')).toBeNull();
    expect(inPeriod('', null)).toBe(true);
    expect(inPeriod(NaN, periodRange('2026-10'))).toBe(false);
    expect(inPeriod('', periodRange('2026-10'))).toBe(false);
  });
});

describe('periodLabel', () => {
  it.each([
    { period: 'all' as const, first: day(2026, 8, 1), last: day(2026, 10, 31) + 0.4, label: '2026-08-01 至 2026-10-31' },
    { period: '2026-10' as const, first: NaN, last: NaN, label: '2026年10月' },
    { period: '2026-01' as const, first: day(2026, 1, 3), last: day(2026, 1, 9), label: '2026年1月' },
    { period: 'all' as const, first: Infinity, last: -Infinity, label: null },
  ])('$period → $label', ({ period, first, last, label }) => {
    expect(periodLabel(period, first, last)).toBe(label);
  });
});

describe('PeriodCap', () => {
  it('keeps the first max rows overall and the first max rows of each month, and counts every row', () => {
    const cap = new PeriodCap(2);
    const dates = [day(2026, 9, 1), day(2026, 9, 2), day(2026, 9, 3), day(2026, 10, 1), NaN, day(2026, 10, 2), day(2026, 10, 3)];
    expect(dates.map((d) => cap.take(d))).toEqual([true, true, false, true, false, true, false]);
    expect(cap.counts).toEqual({ all: 7, '2026-09': 3, '2026-10': 3 });
  });

  it('keeps every row a period would show (fuzz): each month’s first max rows and the first max overall', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: day(2026, 1, 1), max: day(2026, 12, 31) }), { nil: NaN }), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (dates, max) => {
        const cap = new PeriodCap(max);
        const kept = dates.map((d) => cap.take(d));
        const seen = new Map<string, number>();
        return dates.every((d, i) => {
          const key = Number.isNaN(d) ? null : new Date(Date.UTC(1899, 11, 30) + d * 864e5).toISOString().slice(0, 7);
          const inMonth = key === null ? Infinity : (seen.get(key) ?? 0);
          if (key !== null) seen.set(key, inMonth + 1);
          return kept[i] === (i < max || inMonth < max);
        });
      }),
    );
  });
});

describe('dateSpan (monthly statistics rows carry a month)', () => {
  it.each([
    { v: day(2026, 10, 5), span: [day(2026, 10, 5), day(2026, 10, 5)] },
    { v: '2026-10', span: [day(2026, 10, 1), day(2026, 10, 31)] },
    { v: '2024-02', span: [day(2024, 2, 1), day(2024, 2, 29)] },
    { v: '', span: null },
    { v: NaN, span: null },
    { v: 'all', span: null },
    { v: '2026-13', span: null },
  ])('$v → $span', ({ v, span }) => {
    expect(dateSpan(v)).toEqual(span);
  });

  it('puts a month row in its own month only', () => {
    expect(inPeriod('2026-10', periodRange('2026-10'))).toBe(true);
    expect(inPeriod('2026-09', periodRange('2026-10'))).toBe(false);
    expect(inPeriod('2026-11', periodRange('2026-10'))).toBe(false);
  });
});
