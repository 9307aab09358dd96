/**
 * Review against DOMAIN.md (原因类别): the everyday wordings of the internal reasons reach their category
 * (等待: waiting, too many cars; 价格: too expensive / overcharged), and '时间不方便' (a time problem) is not 距离.
 */
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';

const CASES: [text: string, expected: string][] = [
  ['等了很久', '等待'],
  ['每次等很久', '等待'],
  ['等太长', '等待'],
  ['等得久', '等待'],
  ['排不上队', '等待'],
  ['收费不合理', '价格'],
  ['被宰了', '价格'],
  ['4S店太坑', '价格'],
  ['时间不方便', '其他'],
  // Unchanged.
  ['离家远不方便', '距离'],
  ['交通不便', '距离'],
  ['车多', '等待'],
  ['费用高', '价格'],
  ['地理位置', '距离'],
];

describe('ReasonClassifier: waiting and price wordings (review)', () => {
  const r = new ReasonClassifier();
  it.each(CASES)('%s → %s', (text, expected) => {
    expect(r.classify(text)).toBe(expected);
  });
});
