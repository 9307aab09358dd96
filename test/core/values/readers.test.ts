import { readInteger } from '../../../src/core/values/readInteger';
import { readText } from '../../../src/core/values/readText';
import { readYesNo } from '../../../src/core/values/readYesNo';
import { isBlank, isEmptyCell } from '../../../src/core/values/isBlank';
import { toHalfWidth } from '../../../src/core/values/halfWidth';
import fc from 'fast-check';

describe('isBlank', () => {
  it.each<unknown>(['', ' ', '\u3000\u3000', '—', '——', '-', '--', '–', '/', '无', '暂无', '不详', 'N/A', 'n/a', '#N/A', 'null', 'NULL', '－', '／', 'Ｎ／Ａ', null, undefined, '  \n '])(
    '%p is blank',
    (v) => expect(isBlank(v)).toBe(true),
  );
  it.each<unknown>([0, false, '0', '王', 'a', '无锡', '不详细的地址说明', '----------x', '2023', NaN])('%p is not blank', (v) => expect(isBlank(v)).toBe(false));
  it('isEmptyCell treats placeholders as content', () => {
    expect(isEmptyCell('—')).toBe(false);
    expect(isEmptyCell(' ')).toBe(true);
    expect(isEmptyCell('')).toBe(true);
  });
});

describe('toHalfWidth', () => {
  it.each([
    ['２０２３／５／６', '2023/5/6'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'],
    ['（公里）', '(公里)'],
    ['陕Ａ·１２３４５', '陕A·12345'],
    ['plain', 'plain'],
  ])('%s → %s', (a, b) => expect(toHalfWidth(a)).toBe(b));
  it('returns the same string when there is nothing to convert', () => {
    const s = '2023-05-06 王';
    expect(toHalfWidth(s)).toBe(s);
  });
  it('maps every full-width ASCII character to its ASCII twin', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (ascii) => {
        const full = ascii.replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        return toHalfWidth(full) === ascii;
      }),
    );
  });
});

describe('readInteger', () => {
  it.each<[unknown, number]>([
    [3, 3], [0, 0], [3.0, 3], ['3', 3], [' 12 ', 12], ['1,200', 1200], ['3次', 3], ['５', 5], ['7.0', 7], ['-2', -2], ['2 台', 2],
  ])('%p → %d', (v, n) => expect(readInteger(v)).toBe(n));
  it.each<unknown>(['', '—', '无', null])('%p → null', (v) => expect(readInteger(v)).toBeNull());
  it.each<unknown>([2.5, '2.5', 'abc', '3次多', NaN, true, 1e300, '99999999999999999999'])('%p → undefined', (v) => expect(readInteger(v)).toBeUndefined());
});

describe('readText', () => {
  it.each<[unknown, string]>([
    ['  王先生 ', '王先生'],
    ['王\u3000先生', '王 先生'],
    ['价格  太贵\n不来了', '价格 太贵 不来了'],
    [123, '123'],
    [true, 'TRUE'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%p → %p', (v, s) => expect(readText(v)).toBe(s));
  it.each<unknown>(['', '  ', '—', '无', '不详', 'N/A', null, undefined])('%p → null', (v) => expect(readText(v)).toBeNull());
  it.each<unknown>([NaN, {}])('%p → undefined', (v) => expect(readText(v)).toBeUndefined());
});

describe('readYesNo', () => {
  it.each<[unknown, boolean]>([
    ['是', true], ['否', false], ['已邀约', true], ['未邀约', false], ['Y', true], ['N', false], ['y', true], ['yes', true], ['No', false],
    ['√', true], ['×', false], ['1', true], ['0', false], [1, true], [0, false], [true, true], [false, false],
    ['true', true], ['FALSE', false], ['成功', true], ['失败', false], [' 是 ', true], ['Ｙ', true], ['✓', true], ['邀约成功', true],
  ])('%p → %p', (v, b) => expect(readYesNo(v)).toBe(b));
  it.each<unknown>(['', '—', '无', '不详', null])('%p → null', (v) => expect(readYesNo(v)).toBeNull());
  it.each<unknown>(['也许', '待定', 2, -1, 'maybe', {}])('%p → undefined', (v) => expect(readYesNo(v)).toBeUndefined());
});
