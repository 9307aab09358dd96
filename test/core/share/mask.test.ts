import fc from 'fast-check';
import { findPersonalHeaderRow, maskColumn, maskName, maskPhone, personalColumns } from '../../../src/core/share/mask';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    [13812345678, '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['0571-8888123', '057****8123'],
    ['12345', '*****'],
    ['', ''],
    ['不详', '**'],
  ])('%j -> %j', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it('never leaves more than 7 digits of the number visible', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const m = String(maskPhone(phone));
        expect(m.replace(/\*/g, '').length).toBe(7);
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
      }),
    );
  });
});

describe('maskName', () => {
  it.each([
    ['王小明', '王**'],
    ['李', '*'],
    ['欧阳娜娜', '欧***'],
    ['Zhang Wei', 'Z********'],
    ['', ''],
  ])('%j -> %j', (input, expected) => expect(maskName(input)).toBe(expected));
});

describe('personalColumns', () => {
  it('finds names and phones but not staff or models', () => {
    expect([...personalColumns(['客户姓名', '联系电话', '服务顾问', '车型', '手机号码', '车主'])]).toEqual([
      [0, 'name'],
      [1, 'phone'],
      [4, 'phone'],
      [5, 'name'],
    ]);
  });
  it('finds the header row under a title', () => {
    const grid = [['XX店保有客户明细表'], [], ['车主', '手机'], ['王五', '13800000000']];
    expect(findPersonalHeaderRow(grid)).toBe(2);
    expect(maskColumn(grid, 2, 1, 'phone')).toEqual(['138****0000']);
    expect(maskColumn(grid, 2, 0, 'name')).toEqual(['王*']);
  });
});
