import { monthsBetween, serialToYmd, ymdToSerial, yearsBetween, weekday, parseIso, monthKey } from '../../../src/core/values/dates';

describe('calendar arithmetic on Excel serials', () => {
  it.each([
    [{ y: 1900, m: 1, d: 1 }, 1],
    [{ y: 1900, m: 2, d: 28 }, 59],
    [{ y: 1900, m: 3, d: 1 }, 61],
    [{ y: 2023, m: 5, d: 6 }, 45052],
    [{ y: 2024, m: 2, d: 29 }, 45351],
    [{ y: 2026, m: 11, d: 23 }, 46349],
  ])('%j is serial %d and back', (ymd, serial) => {
    expect(ymdToSerial(ymd)).toBe(serial);
    expect(serialToYmd(serial)).toEqual(ymd);
  });

  it('drops the time fraction', () => {
    expect(serialToYmd(45052.75)).toEqual({ y: 2023, m: 5, d: 6 });
  });

  it.each([
    [{ y: 2023, m: 1, d: 31 }, { y: 2023, m: 2, d: 28 }, 0],
    [{ y: 2023, m: 1, d: 28 }, { y: 2023, m: 2, d: 28 }, 1],
    [{ y: 2024, m: 2, d: 29 }, { y: 2025, m: 2, d: 28 }, 11],
    [{ y: 2024, m: 2, d: 29 }, { y: 2025, m: 3, d: 1 }, 12],
    [{ y: 2025, m: 5, d: 15 }, { y: 2025, m: 11, d: 14 }, 5],
    [{ y: 2025, m: 5, d: 15 }, { y: 2025, m: 11, d: 15 }, 6],
  ])('months between %j and %j is %d', (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });

  it('counts whole years', () => {
    expect(yearsBetween({ y: 2020, m: 6, d: 1 }, { y: 2026, m: 5, d: 31 })).toBe(5);
    expect(yearsBetween({ y: 2020, m: 6, d: 1 }, { y: 2026, m: 6, d: 1 })).toBe(6);
  });

  it('knows the weekday and month key', () => {
    expect(weekday(ymdToSerial({ y: 2026, m: 11, d: 23 }))).toBe(1); // a Monday
    expect(weekday(ymdToSerial({ y: 2026, m: 11, d: 22 }))).toBe(0); // a Sunday
    expect(monthKey(45052)).toBe('2023-05');
  });

  it('parses ISO dates strictly', () => {
    expect(parseIso('2026-10-31')).toEqual({ y: 2026, m: 10, d: 31 });
    expect(parseIso('2026-02-30')).toBeNull();
    expect(parseIso('31/10/2026')).toBeNull();
  });
});
