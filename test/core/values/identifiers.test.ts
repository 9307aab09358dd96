import { normaliseVin } from '../../../src/core/values/normaliseVin';
import { normalisePlate } from '../../../src/core/values/normalisePlate';

describe('normaliseVin', () => {
  it.each<[unknown, string]>([
    ['LSVAB1234567890XY', 'LSVAB1234567890XY'],
    [' lsvab1234567890xy ', 'LSVAB1234567890XY'],
    ['LSVAB 12345 67890XY', 'LSVAB1234567890XY'],
    ['ｌｓｖａｂ１２３４５６７８９０ｘｙ', 'LSVAB1234567890XY'],
    ['567890', '567890'], // short VINs (last digits) are kept as they are
    [567890, '567890'],
  ])('%p → %s', (v, s) => expect(normaliseVin(v)).toBe(s));
  it.each<unknown>(['', ' ', '—', '无', null, undefined, true])('%p → null', (v) => expect(normaliseVin(v)).toBeNull());
});

describe('normalisePlate', () => {
  it.each<[unknown, string]>([
    ['陕A·12345', '陕A12345'],
    ['陕A12345', '陕A12345'],
    ['陕a 12345', '陕A12345'],
    ['陕A-12345', '陕A12345'],
    ['陕A.12345', '陕A12345'],
    ['陕Ａ・１２３４５', '陕A12345'],
    ['陕Ａ．１２３４５', '陕A12345'],
    ['京AD12345', '京AD12345'],
    // a label before it or brackets around it (a DMS writing 车牌:京A12345 or [京A12345])
    ['车牌:陕A12345', '陕A12345'],
    ['车牌号：陕A·12345', '陕A12345'],
    ['[陕A12345]', '陕A12345'],
    ['【陕A12345】', '陕A12345'],
    ['（陕A12345）', '陕A12345'],
  ])('%p → %s', (v, s) => expect(normalisePlate(v)).toBe(s));
  it.each<unknown>(['', '—', '/', '无', null])('%p → null', (v) => expect(normalisePlate(v)).toBeNull());
});
