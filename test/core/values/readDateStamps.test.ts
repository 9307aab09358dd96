import { readDate } from '../../../src/core/values/readDate';

const day = (iso: string) => readDate(iso) as number;

describe('DMS time stamps and ISO times with a UTC offset are read as the date written', () => {
  test.each([
    ['20260305102000', '2026-03-05'],
    ['202603051020', '2026-03-05'],
    ['2026-10-03T09:30:00+08:00', '2026-10-03'],
    ['2026-10-03T23:30:00-0500', '2026-10-03'],
    ['2026-10-03 09:30 +08:00', '2026-10-03'],
  ])('%s → %s', (text, iso) => {
    expect(readDate(text)).toBe(day(iso));
  });

  test('a stamp stored as a number reads the same as its text', () => {
    expect(readDate(20260305102000)).toBe(day('2026-03-05'));
    expect(readDate(202603051020)).toBe(day('2026-03-05'));
  });

  test.each(['20260305256000', '20261305102000', '2026030510200', '202603051020001', '2026-10-03T09:30:00+8'])('%s is no date', (text) => {
    expect(readDate(text)).toBeUndefined();
  });

  test('a 12-digit number that is no stamp stays what it was (an ID is not a date)', () => {
    expect(readDate(123456789012)).not.toBe(day('2026-03-05'));
    expect(readDate('123456789012')).toBeUndefined();
  });
});
