import { otherCityIn } from '../../../src/core/aftersales/otherCity';
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';
import { CITY_NAMES } from '../../../src/core/aftersales/cities';

describe('otherCityIn', () => {
  const cases: [string, string[], string | null][] = [
    ['人在北京', ['西安'], '北京'],
    ['搬到上海了', ['西安'], '上海'],
    ['去深圳工作', [], '深圳'],
    ['调到了马鞍山', ['合肥'], '马鞍山'],
    ['客户在西安上班', ['西安'], null],
    ['搬到西安市区了', ['西安市'], null],
    ['去北京路那家修理厂了', [], null],
    ['在上海大众店保养', [], null],
    ['价格太贵', ['西安'], null],
    ['北京', [], null], // no word of being or going there
  ];
  it.each(cases)('%p with local %p → %p', (text, local, city) => {
    expect(otherCityIn(text, local)).toBe(city);
  });
  it('holds about 300 unique prefecture-level names', () => {
    expect(new Set(CITY_NAMES).size).toBe(CITY_NAMES.length);
    expect(CITY_NAMES.length).toBeGreaterThan(280);
  });
});

describe('another city in a call: 人在外地 and 外地用车, unless the city is local', () => {
  it.each([
    ['人在北京', '', ['西安'], '人在外地'],
    ['接通,人在北京', '', ['西安'], '人在外地'],
    ['客户现在去深圳工作了', '', [], '人在外地'],
    ['人在西安', '', ['西安'], '其他'],
    ['接通', '搬到上海了', ['西安'], '成功'],
  ])('result %p reason %p local %p → %p', (result, reason, local, expected) => {
    expect(new ContactResultClassifier(local).classify(result, reason)).toBe(expected);
  });

  it.each([
    ['搬到上海了', ['西安'], '外地用车'],
    ['去深圳工作', ['西安'], '外地用车'],
    ['人在北京,离得远', ['西安'], '外地用车'],
    ['搬到咸阳了,离得远', ['西安', '咸阳'], '距离'],
    ['车卖了,人去深圳了', ['西安'], '车辆转卖'],
    ['在上海大众店保养,便宜', [], '价格'],
  ])('reason %p local %p → %p', (text, local, expected) => {
    expect(new ReasonClassifier({}, local).classify(text)).toBe(expected);
  });
});
