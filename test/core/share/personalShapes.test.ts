/** What personal values look like, whatever their column is called (src/core/share/personalShapes.ts). */
import { isAddress, isIdNumber, isPersonName, isPhoneValue, isVinValue, kindByContent, namesBesidePhones } from '../../../src/core/share/personalShapes';

describe('personal shapes', () => {
  it('names: a common surname and one or two characters, never a place, a category or a staff nickname', () => {
    for (const v of ['王小明', '李娜', '欧阳子涵', '张先生', '赵静']) expect([v, isPersonName(v)]).toEqual([v, true]);
    for (const v of ['洪山区', '瑞虎8', '价格贵', '小黎', '老邓', '顾客', '合计', '流失', '王', 'Zhang', '周末']) expect([v, isPersonName(v)]).toEqual([v, false]);
  });

  it('phones in every separator, with +86 / 0086, landlines with their area code', () => {
    for (const v of ['13812345678', 13812345678, 8613812345678, '+86 138-1234-5678', '(+86)138.1234.5678', '0086-13812345678', '027-87654321', '(0710) 345 6789', '+86 27 8765 4321', '027-87654321转8008']) expect([v, isPhoneValue(v)]).toEqual([v, true]);
    for (const v of ['138****5678', '2026-10-31', 35000, '瑞虎8', '']) expect([v, isPhoneValue(v)]).toEqual([v, false]);
  });

  it('ID numbers (18 with X, spaced, old 15), VINs in any case, house addresses', () => {
    expect(isIdNumber('42010619850312123X')).toBe(true);
    expect(isIdNumber('420106 19850312 123x')).toBe(true);
    expect(isIdNumber('420106850312123')).toBe(true);
    expect(isIdNumber('13812345678')).toBe(false);
    expect(isVinValue('lsvab2bm5jn123456')).toBe(true);
    expect(isVinValue('ABCDEFGHJKLMNPRST')).toBe(false);
    expect(isAddress('湖北省武汉市洪山区珞喻路128号3栋2单元501室')).toBe(true);
    expect(isAddress('洪山区')).toBe(false);
  });

  it('a column is personal by its cells: most of them have the shape, and names are mostly distinct', () => {
    expect(kindByContent(['送修人', '王小明', '李娜', '赵四海', '周静'])).toBe('name');
    // Staff repeat a few names; regions too.
    expect(kindByContent(['接车员', '钟工', '钟工', '陈明', '陈明', '陈明', '钟工'])).toBeNull();
    expect(kindByContent(['宅电', '027-87654321', '(0710) 345 6789', '0755 4091 883'])).toBe('phone');
    expect(kindByContent(['里程', 35000, 120000, 8000])).toBeNull();
    expect(kindByContent(['通讯处', '湖北省武汉市洪山区珞喻路128号', '北京市朝阳区建设二路5号', '襄阳市樊城区春园路77号'])).toBe('address');
  });

  it('names written beside a phone in one cell, labels excepted', () => {
    const isLabel = (w: string) => ['姓名', '电话'].includes(w);
    expect(namesBesidePhones('张伟 138****5678', isLabel)).toEqual(['张伟']);
    expect(namesBesidePhones('姓名:张伟;电话:138****5678', isLabel)).toEqual(['张伟']);
    expect(namesBesidePhones('欧阳子涵/女/138****5678', isLabel)).toEqual(['欧阳子涵']);
  });
});
