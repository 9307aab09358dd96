import fc from 'fast-check';
import { readDate, MAX_DATE_SERIAL } from '../../../src/core/values/readDate';
import { serialToYmd, ymdToSerial, daysInMonth } from '../../../src/core/values/dates';

const S_2023_05_06 = 45052;

describe('readDate: accepted forms', () => {
  it.each<[unknown, number]>([
    [45052, S_2023_05_06],
    [45052.75, S_2023_05_06],
    [45052.0001, S_2023_05_06],
    [20230506, S_2023_05_06],
    ['2023/5/6', S_2023_05_06],
    ['2023/05/06', S_2023_05_06],
    ['2023-05-06', S_2023_05_06],
    ['2023-5-6', S_2023_05_06],
    ['2023年5月6日', S_2023_05_06],
    ['2023年05月06日', S_2023_05_06],
    ['2023 年 5 月 6 日', S_2023_05_06],
    ['2023年5月6号', S_2023_05_06],
    ['2023.05.06', S_2023_05_06],
    ['2023.5.6', S_2023_05_06],
    ['20230506', S_2023_05_06],
    ['  2023-05-06  ', S_2023_05_06],
    ['2023-05-06 14:30', S_2023_05_06],
    ['2023-05-06 14:30:59', S_2023_05_06],
    ['2023-05-06T14:30:59.123Z', S_2023_05_06],
    ['2023/5/6 2:30:00 PM', S_2023_05_06],
    ['2023年5月6日 9:05', S_2023_05_06],
    ['２０２３／５／６', S_2023_05_06],
    ['２０２３－０５－０６', S_2023_05_06],
    ['２０２３年５月６日', S_2023_05_06],
    ['\u30002023.05.06\u3000', S_2023_05_06],
    [new Date(Date.UTC(2023, 4, 6)), S_2023_05_06],
    [new Date(Date.UTC(2023, 4, 6, 23, 59)), S_2023_05_06],
    [new Date(Date.UTC(1900, 0, 1)), 1],
    [new Date(Date.UTC(1900, 2, 1)), 61],
    ['2024-02-29', 45351],
    ['2024/2/29', 45351],
    ['2023-01-31', ymdToSerial({ y: 2023, m: 1, d: 31 })],
    ['2023-04-30', ymdToSerial({ y: 2023, m: 4, d: 30 })],
    ['2000-02-29', ymdToSerial({ y: 2000, m: 2, d: 29 })],
    ['2100-12-31', MAX_DATE_SERIAL],
    ['1900-01-01', 1],
    ['1900-03-01', 61],
  ])('%p → %d', (input, serial) => {
    expect(readDate(input)).toBe(serial);
  });
});

describe('readDate: blanks are null', () => {
  it.each(['', ' ', '\u3000', '—', '-', '–', '/', '无', '不详', 'N/A', '#N/A', 'null', 'NULL', 'n/a', '——', '－', '／', null, undefined])(
    '%p → null',
    (input) => {
      expect(readDate(input)).toBeNull();
    },
  );
});

describe('readDate: unreadable is undefined', () => {
  it.each<unknown>([
    '2023-02-29', // not a leap year
    '1900-02-29', // not a real day (only Excel's phantom)
    '2100-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-05-00',
    '2023-05-32',
    '20230229',
    '20231301',
    '23-05-06', // two-digit year: ambiguous
    '5/6/2023', // month/day order ambiguous
    '2023-05',
    '2023年5月',
    '2023/5/6/7',
    '2023-05-06 morning',
    '2023-05-06abc',
    '下周一',
    'abc',
    '45052', // a serial typed as text is not a date form
    '1899-12-31',
    '2101-01-01',
    0,
    -1,
    MAX_DATE_SERIAL + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    20230229,
    true,
    false,
    {},
    [],
    new Date(Number.NaN),
  ])('%p → undefined', (input) => {
    expect(readDate(input)).toBeUndefined();
  });
});

describe('readDate: properties', () => {
  it('never throws and returns an integer serial in range, null or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.date()), (v) => {
        const r = readDate(v);
        if (r === null || r === undefined) return true;
        return Number.isInteger(r) && r >= 1 && r <= MAX_DATE_SERIAL;
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on date-like noise', () => {
    const dateish = fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日 :T２０／'.split('')), maxLength: 20 });
    fc.assert(
      fc.property(dateish, (s) => {
        const r = readDate(s);
        return r === null || r === undefined || (Number.isInteger(r) && r >= 1 && r <= MAX_DATE_SERIAL);
      }),
      { numRuns: 2000 },
    );
  });

  const validYmd = fc
    .record({ y: fc.integer({ min: 1901, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const FORMS: [string, (x: { y: number; m: number; d: number }) => string][] = [
    ['y/m/d', ({ y, m, d }) => `${y}/${m}/${d}`],
    ['y-mm-dd', ({ y, m, d }) => `${y}-${p2(m)}-${p2(d)}`],
    ['y年m月d日', ({ y, m, d }) => `${y}年${m}月${d}日`],
    ['y.mm.dd', ({ y, m, d }) => `${y}.${p2(m)}.${p2(d)}`],
    ['yyyymmdd', ({ y, m, d }) => `${y}${p2(m)}${p2(d)}`],
    ['y-mm-dd hh:mm', ({ y, m, d }) => `${y}-${p2(m)}-${p2(d)} 14:30`],
    ['full-width y/m/d', ({ y, m, d }) => `${y}/${m}/${d}`.replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ];
  it.each(FORMS)('a random valid date written as %s reads back to its serial', (_name, format) => {
    fc.assert(
      fc.property(validYmd, (ymd) => readDate(format(ymd)) === ymdToSerial(ymd)),
      { numRuns: 500 },
    );
  });

  it('agrees with dates.ts on every day from 1900-01-01 to 2100-12-31', () => {
    let mismatches = 0;
    for (let serial = 1; serial <= MAX_DATE_SERIAL; serial++) {
      if (serial === 60) continue; // Excel's phantom 1900-02-29 has no calendar date
      const { y, m, d } = serialToYmd(serial);
      if (readDate(`${y}/${m}/${d}`) !== serial || ymdToSerial({ y, m, d }) !== serial) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('serial round trip with dates.ts: readDate(serial + time) is the serial, and its ymd formats back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_DATE_SERIAL }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, frac) => {
        const ymd = serialToYmd(serial);
        return readDate(serial + frac) === serial && readDate(`${ymd.y}-${ymd.m}-${ymd.d}`) === serial;
      }),
      { numRuns: 1000 },
    );
  });
});
