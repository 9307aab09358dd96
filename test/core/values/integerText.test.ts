import fc from 'fast-check';
import { integerText, readPhone } from '../../../src/core/values/readPhone';

describe('integerText (String of an integer below 10^15, by two small integers)', () => {
  it.each([0, 7, 999999, 1000000, 1073741823, 1073741824, 13800000000, 13800000001, 13812345678, 1000000000000, 100000000000000, 999999999999999])(
    'equals String(%d)',
    (v) => expect(integerText(v)).toBe(String(v)),
  );

  it('equals String(v) for any integer 0 <= v < 10^15', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999999999999999 }), (v) => integerText(v) === String(v)), { numRuns: 20000 });
  });

  it('keeps readPhone of a number as it was: its decimal digits', () => {
    expect(readPhone(13812345678)).toBe('13812345678');
    expect(readPhone(8613812345678)).toBe('13812345678');
    expect(readPhone(2988886666)).toBe('2988886666');
    expect(readPhone(123456)).toBeUndefined();
  });
});
