import { readIntentLevel } from '../../../src/core/sales/intentLevel';

describe('readIntentLevel', () => {
  const cases: [unknown, string | null | undefined][] = [
    ['H', 'H'], ['h', 'H'], ['h级', 'H'], ['H级客户', 'H'], ['Ｈ', 'H'], ['(H)', 'H'],
    ['A', 'A'], ['A类', 'A'], ['a级', 'A'], ['Ａ类客户', 'A'],
    ['B', 'B'], ['B级客户', 'B'], ['b', 'B'],
    ['C', 'C'], ['Ｃ', 'C'], ['c级', 'C'],
    ['N', 'N'], ['n级', 'N'], ['O', 'O'], ['O级', 'O'], ['F', 'F'], ['f级', 'F'], ['F-战败', 'F'],
    ['级别H', 'H'],
    ['7天内', 'H'], ['一周内', 'H'], ['3天内', 'H'], ['本周内', 'H'],
    ['半个月内', 'A'], ['15天内', 'A'], ['两周内', 'A'], ['半月内', 'A'],
    ['一个月内', 'B'], ['30天内', 'B'], ['1个月内', 'B'],
    ['三个月内', 'C'], ['3个月内', 'C'], ['半年内', 'C'], ['两个月内', 'C'],
    ['新客户', 'N'], ['未评级', 'N'],
    ['已订车', 'O'], ['交定金', 'O'], ['已成交', 'O'], ['订单', 'O'], ['已交定金', 'O'],
    ['战败', 'F'], ['已购他牌', 'F'], ['流失', 'F'], ['放弃', 'F'], ['已战败', 'F'],
    ['', null], ['—', null], [null, null],
    ['随便看看', undefined], ['X', undefined], ['HA', undefined],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readIntentLevel(input)).toBe(expected);
  });
});
