import { contactFromMarks, readContactType, readMark } from '../../../src/core/sales/contactType';

describe('readContactType', () => {
  const cases: [unknown, 'call' | 'visit' | null | undefined][] = [
    ['来店', 'visit'],
    ['到店', 'visit'], ['门店', 'visit'], ['到店(首次)', 'visit'], ['热线咨询', 'call'],
    ['展厅', 'visit'],
    ['进店', 'visit'],
    ['展厅接待', 'visit'],
    ['店', 'visit'],
    ['来电', 'call'],
    ['电话', 'call'],
    ['致电', 'call'],
    ['电话咨询', 'call'],
    ['电', 'call'],
    ['□来电 ☑来店', 'visit'],
    ['☑来电 □来店', 'call'],
    ['□来电□来店', undefined],
    ['☑来电 ☑来店', undefined],
    ['√来店', 'visit'],
    ['来电√', 'call'],
    ['来电✓ 来店', 'call'],
    ['来电✓', 'call'],
    ['来店√ 来电', 'visit'],
    ['■来店 □来电', 'visit'],
    ['x来店', 'visit'],
    ['来店x', 'visit'],
    ['', null],
    ['-', null],
    ['咨询', undefined],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readContactType(input)).toBe(expected);
  });
});

describe('marks', () => {
  const marks: [unknown, boolean | undefined][] = [
    ['√', true], ['☑', true], ['✓', true], ['■', true], ['x', true], ['X', true], ['是', true], [1, true], [true, true],
    ['', false], ['□', false], ['否', false], [0, false], ['无', false], ['maybe', undefined], [7, undefined],
  ];
  it.each(marks)('readMark(%p) → %p', (input, expected) => {
    expect(readMark(input)).toBe(expected);
  });
  it('reads a tick in the 来电 or 来店 column', () => {
    expect(contactFromMarks('√', '')).toBe('call');
    expect(contactFromMarks('', 'x')).toBe('visit');
    expect(contactFromMarks('', '')).toBeNull();
    expect(contactFromMarks('√', '√')).toBeUndefined();
    expect(contactFromMarks('?', '')).toBeUndefined();
  });
});
