/**
 * Review against DOMAIN.md (本地/外地: "local or out of town, from a user-set list of local regions"). Many DMS
 * exports already say it in the region column (所在地: 本地 / 外地). Those words mean what they say whatever the list
 * holds: '本地' is never cleaned as out of town because it does not contain '西安', and '外地' is never local because
 * the list is empty.
 */
import { localityOf } from '../../../src/core/aftersales/classify';

const CASES: [region: string, list: string[], expected: string][] = [
  ['本地', ['西安'], '本地'],
  ['本市', ['西安'], '本地'],
  ['本地客户', ['西安'], '本地'],
  ['外地', ['西安'], '外地'],
  ['外地', [], '外地'],
  ['外省', [], '外地'],
  ['外地客户', [], '外地'],
  ['本地', [], '本地'],
  // The list still decides place names.
  ['西安市雁塔区', ['西安'], '本地'],
  ['新疆', ['西安'], '外地'],
  ['新疆', [], '本地'],
  ['', ['西安'], '未知'],
];

describe('localityOf: the words 本地 / 外地 in the region column (review)', () => {
  it.each(CASES)('%s with %j → %s', (region, list, expected) => {
    expect(localityOf(region, list)).toBe(expected);
  });
});
