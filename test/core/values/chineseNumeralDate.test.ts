import { readDate } from '../../../src/core/values/readDate';
import { readDigitByDigit, readSmallNumber } from '../../../src/core/values/chineseNumerals';
import { ymdToSerial } from '../../../src/core/values/dates';

describe('dates written in Chinese numerals (a hand-kept register)', () => {
  it.each<[string, number]>([
    ['二〇二六年十月五日', ymdToSerial({ y: 2026, m: 10, d: 5 })],
    ['二零二六年十二月三十一日', ymdToSerial({ y: 2026, m: 12, d: 31 })],
    ['二〇二六年一月二十号', ymdToSerial({ y: 2026, m: 1, d: 20 })],
    ['二〇二六年十月十日 周六', ymdToSerial({ y: 2026, m: 10, d: 10 })],
  ])('%p → the same day as its digits', (text, serial) => {
    expect(readDate(text)).toBe(serial);
  });

  it.each(['二〇二六年二月三十日', '二〇二六年十三月一日', '二〇二六年十月', '十月五日', '二两二六年十月五日'])('%p is no real date → undefined', (text) => {
    expect(readDate(text)).toBeUndefined();
  });

  it('reads a year digit by digit and a month/day with 十 for tens', () => {
    expect(readDigitByDigit('二〇二六')).toBe(2026);
    expect(readDigitByDigit('二两二六')).toBeNaN();
    expect([readSmallNumber('十'), readSmallNumber('十一'), readSmallNumber('二十'), readSmallNumber('三十一')]).toEqual([10, 11, 20, 31]);
    expect(readSmallNumber('十十')).toBeNaN();
  });
});
