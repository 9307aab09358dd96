import { isPlainKey } from '../../../src/core/values/plainKey';
import { isBlank, normalisePlate, normaliseVin, readPhone } from '../../../src/core/values';

describe('isPlainKey: keys already in their normal form skip the normalisers', () => {
  it('takes capitals and digits of 5 characters or more, and ideographs only for plates', () => {
    expect(isPlainKey('LSVAB123456789012', false)).toBe(true);
    expect(isPlainKey('12345', false)).toBe(true);
    expect(isPlainKey('1234', false)).toBe(false);
    expect(isPlainKey('lsv12345', false)).toBe(false);
    expect(isPlainKey('陕A12345', false)).toBe(false);
    expect(isPlainKey('陕A12345', true)).toBe(true);
    expect(isPlainKey('陕A 12345', true)).toBe(false);
    expect(isPlainKey('陕Ａ12345', true)).toBe(false);
  });

  it('gives the same keys as the full normalisation, blank forms included', () => {
    expect(normaliseVin('LSVAB123456789012')).toBe('LSVAB123456789012');
    expect(normaliseVin('NULL')).toBeNull();
    expect(normaliseVin('NONE1')).toBe('NONE1');
    expect(normaliseVin('lsv12')).toBe('LSV12');
    expect(normaliseVin(' LSV 12345 ')).toBe('LSV12345');
    expect(normalisePlate('陕A12345')).toBe('陕A12345');
    expect(normalisePlate('陕a-12345')).toBe('陕A12345');
    expect(normalisePlate('无')).toBeNull();
    expect(normalisePlate('NA')).toBeNull();
  });

  it('reads a phone of digits alone as itself, and leaves the rest to the full reader', () => {
    expect(readPhone('13812345678')).toBe('13812345678');
    expect(readPhone('1234567')).toBe('1234567');
    expect(readPhone('123456')).toBeUndefined();
    expect(readPhone('8613812345678')).toBe('13812345678');
    expect(readPhone('138 1234 5678')).toBe('13812345678');
  });

  it('never takes an ideograph-led text for a blank form unless it starts like one', () => {
    expect(isBlank('王先生')).toBe(false);
    expect(isBlank('无')).toBe(true);
    expect(isBlank('暂无')).toBe(true);
    expect(isBlank('不详')).toBe(true);
    expect(isBlank('空')).toBe(true);
    expect(isBlank('不是')).toBe(false);
  });
});

describe('readPhone on digits with spaces, dashes and a +', () => {
  it('reads them as the full reader does', () => {
    expect(readPhone('138 1234 5678')).toBe('13812345678');
    expect(readPhone('138-1234-5678')).toBe('13812345678');
    expect(readPhone('+86 13812345678')).toBe('13812345678');
    expect(readPhone('+8613812345678')).toBe('13812345678');
    expect(readPhone('0086 138 1234 5678')).toBe('13812345678');
    expect(readPhone('029-88886666')).toBe('02988886666');
    expect(readPhone('+')).toBeUndefined();
    expect(readPhone('+-')).toBeUndefined();
    expect(readPhone('12-34')).toBeUndefined();
    expect(readPhone('-')).toBeNull();
    expect(readPhone('138 1234 5678 王')).toBe('13812345678');
    expect(readPhone('1381234567 8')).toBe('13812345678');
    expect(readPhone('+86+13812345678')).toBeUndefined();
  });
});
