/**
 * Review against DOMAIN.md (最近回访结果): a call that did NOT reach the customer is never 成功, however the
 * caller phrased the denial; a busy line (占线, 通话中) is the busy category 忙/有事.
 */
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';

const CASES: [text: string, expected: string][] = [
  // Negated reach: '联系上' / '接通' / '成功' inside a denial.
  ['没联系上', '无法接通'],
  ['未联系上', '无法接通'],
  ['联系不上', '无法接通'],
  ['无法联系', '无法接通'],
  ['没有接通', '无法接通'],
  ['未能接通', '无法接通'],
  ['没能接通', '无法接通'],
  ['一直没联系上客户', '无法接通'],
  ['不成功', '其他'],
  ['未成功', '其他'],
  ['回访未成功', '其他'],
  ['回访不成功,关机', '关机'],
  // Busy line.
  ['占线', '忙/有事'],
  ['正在通话中', '忙/有事'],
  ['通话中', '忙/有事'],
  // Reached the line but not the customer: the failure wins over '接通'.
  ['接通后无人应答', '无人接听'],
  ['非机主', '号码有误'],
  ['不是机主本人', '号码有误'],
  ['响一声就挂', '拒接'],
  ['转入语音信箱', '呼转'],
  // Still read as reached.
  ['接通', '成功'],
  ['已联系上客户', '成功'],
  ['回访成功', '成功'],
  ['邀约成功', '成功'],
  // An invitation that failed was still a reached call.
  ['邀约不成功', '成功'],
  ['邀约未成功', '成功'],
];

describe('ContactResultClassifier: denials and busy lines (review)', () => {
  const c = new ContactResultClassifier();
  it.each(CASES)('%s → %s', (text, expected) => {
    expect(c.classify(text, '')).toBe(expected);
  });
});
