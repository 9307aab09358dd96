import fc from 'fast-check';
import { readPhone } from '../../../src/core/values/readPhone';

describe('readPhone', () => {
  it.each<[unknown, string]>([
    [13812345678, '13812345678'],
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['(138)1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    // Wrapping seen in other systems' registers: apostrophe text marker, label with colon, bracketed country code, name after.
    ["'13812345678", '13812345678'], ['手机:13812345678', '13812345678'], ['电话：138-1234-5678', '13812345678'],
    ['(+86)13812345678', '13812345678'], ['(86) 138 1234 5678', '13812345678'], ['138-1234-5678 王', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['86-13812345678', '13812345678'],
    [8613812345678, '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８１２３４５６７８', '13812345678'],
    ['029-88886666', '02988886666'],
    ['(029) 8888 6666', '02988886666'],
    ['88886666', '88886666'],
    ['8888666', '8888666'],
    ['13812345678/13912345678', '13812345678'],
    ['13812345678，13912345678', '13812345678'],
    ['abc/13912345678', '13912345678'],
    ['  13812345678 ', '13812345678'],
    ['13812345678(微信同号)', '13812345678'],
    ['13812345678（本人）', '13812345678'],
    ['(029)88886666(办公室)', '02988886666'],
    // A label is any one word before a colon, Latin letters too (an English export's TEL:/Mobile:).
    ['TEL:18890953482', '18890953482'], ['Mobile: 138-1234-5678', '13812345678'], ['Tel.:13812345678', '13812345678'],
    ['联系人手机：13812345678', '13812345678'],
    // A number that went through a float on its way out: the trailing zeros are not digits of it.
    ['18720471518.0', '18720471518'], ['13812345678.00', '13812345678'], ['88886666.0', '88886666'],
  ])('%p → %s', (input, digits) => {
    expect(readPhone(input)).toBe(digits);
  });

  it.each<unknown>(['', '—', '无', '不详', '#N/A', null, undefined])('%p is blank → null', (input) => {
    expect(readPhone(input)).toBeNull();
  });

  it.each<unknown>(['123456', 123456, '138abc45678', 'tel 13812345678', '1381234567890123', 1.5, -13812345678, true, '13812345678转8001', 'abc/def', '++8613812345678', {}])(
    '%p → undefined',
    (input) => {
      expect(readPhone(input)).toBeUndefined();
    },
  );

  it('never throws; a result is 7–12 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: fc.constantFrom(...'0123456789+-() /86'.split('')) })), (v) => {
        const r = readPhone(v);
        return r === null || r === undefined || /^\d{7,12}$/.test(r);
      }),
      { numRuns: 1000 },
    );
  });

  it('any 11-digit mobile written with a country code and separators reads back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 13000000000, max: 19999999999 }),
        fc.constantFrom('', '+86 ', '0086', '86-', '+86-'),
        fc.constantFrom('', ' ', '-'),
        (n, prefix, sep) => {
          const d = String(n);
          return readPhone(`${prefix}${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`) === d;
        },
      ),
      { numRuns: 500 },
    );
  });
});
