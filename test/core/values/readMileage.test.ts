import fc from 'fast-check';
import { readMileage } from '../../../src/core/values/readMileage';

describe('readMileage', () => {
  it.each<[unknown, number]>([
    [35000, 35000],
    [0, 0],
    [35000.5, 35000.5],
    ['35000', 35000],
    ['35,000', 35000],
    ['35000km', 35000],
    ['35000 KM', 35000],
    ['35000Km', 35000],
    ['3.5万', 35000],
    ['3.5万公里', 35000],
    ['3.5 万 公里', 35000],
    ['35000公里', 35000],
    ['35,000 km', 35000],
    ['3.5万km', 35000],
    ['12万', 120000],
    ['0.8万', 8000],
    ['1.1万', 11000],
    ['３５０００', 35000],
    ['３．５万', 35000],
    ['３５，０００ｋｍ', 35000],
    ['35000千米', 35000],
    ['2000000', 2000000],
    [' 42 ', 42],
  ])('%p → %d km', (input, km) => {
    expect(readMileage(input)).toBe(km);
  });

  it.each<unknown>(['', '—', '-', '/', '无', '不详', 'N/A', null, undefined])('%p is blank → null', (input) => {
    expect(readMileage(input)).toBeNull();
  });

  it.each<unknown>([-5, '-5', -0.1, 2000001, '2000001', '300万', 'abc', '35000 miles', '约35000', '3.5.1', '35000km+', NaN, Infinity, true, {}, '万', 'km'])(
    '%p → undefined',
    (input) => {
      expect(readMileage(input)).toBeUndefined();
    },
  );

  it('readMileage("N万") = N × 10000 for N with up to two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (hundredths) => {
        const n = hundredths / 100;
        const r = readMileage(`${n}万`);
        return r !== null && r !== undefined && Math.abs(r - n * 10000) < 1e-6;
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary input and returns a km in range, null or undefined', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = readMileage(v);
        return r === null || r === undefined || (r >= 0 && r <= 2_000_000);
      }),
      { numRuns: 1000 },
    );
  });
});
