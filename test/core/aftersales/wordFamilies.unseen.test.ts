/**
 * Round 3's word families (src/core/aftersales/contactResult.ts and reasons.ts `patterns`), found on vocabulary C's
 * misses (test/accuracy) and generalised: each family is tested on wordings that are NOT C's (other subjects,
 * adverbs, verbs), and on the look-alikes it must leave alone (negations, the same word in another sense).
 * Vocabulary D stays out of these tables: it is the harness's honest estimate.
 */
import fc from 'fast-check';
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';

const contact = new ContactResultClassifier();
const reasons = new ReasonClassifier();

describe('call-result families', () => {
  const cases: [family: string, text: string, want: string][] = [
    // The number "is empty" without the word 空号.
    ['empty number', '该号为空', '空号'],
    ['empty number', '号码已空', '空号'],
    ['empty number', '提示号码为空', '空号'],
    // The number "is wrong" in any wording; 没错 / 不错 mean the opposite.
    ['wrong number', '号码是错的', '号码有误'],
    ['wrong number', '号都错了', '号码有误'],
    ['wrong number', '电话号码留错了', '号码有误'],
    ['wrong number', '手机号填错', '号码有误'],
    ['wrong number: 没错 is no error', '号码没错,客户在开会', '忙/有事'],
    ['wrong number: 不错 is praise', '接通,客户说服务不错', '成功'],
    // Unwilling to take the call; unwilling to come back is a reached customer's answer.
    ['refused', '客户不想接听', '拒接'],
    ['refused', '不肯沟通', '拒接'],
    ['refused', '客户拒绝配合回访', '拒接'],
    ['refused', '不愿意交流', '拒接'],
    ['refused', '客户不配合', '拒接'],
    ['refused: not the call', '接通了,客户不愿回厂', '成功'],
    // Reached, with the customer as the object; a denial is not reached.
    ['reached', '已跟客户沟通过', '成功'],
    ['reached', '和车主通话两分钟', '成功'],
    ['reached', '与本人联系,说下月来', '成功'],
    ['reached', '联系到车主', '成功'],
    ['reached', '电话接起来了', '成功'],
    ['reached', '车主答复会来保养', '成功'],
    ['reached', '回访OK', '成功'],
    ['reached: denied', '未和车主联系上', '无法接通'],
    ['reached: denied', '没有联系上客户', '无法接通'],
    ['reached: denied', '无人回答', '无人接听'],
    // Busy / away additions found on vocabulary B.
    ['busy', '客户说稍后再联系', '忙/有事'],
    ['busy: 稍后 after a failure', '无法接通,稍后再拨', '无法接通'],
    ['away', '出国旅游去了', '人在外地'],
    // Negation never flips a result into another failure.
    ['negation', '不是空号,无人接听', '无人接听'],
    ['negation', '没有拒接,只是在开会', '忙/有事'],
  ];
  it.each(cases)('%s: %s → %s', (_family, text, want) => {
    expect(contact.classify(text, '')).toBe(want);
  });
});

describe('reason families', () => {
  const cases: [family: string, text: string, want: string][] = [
    // A price word, an adverb, then high / dear / low.
    ['price', '工时费偏高', '价格'],
    ['price', '配件也太高了', '价格'],
    ['price', '报价比较高', '价格'],
    ['price', '外面收费低很多', '价格'],
    ['price', '费用实在太高', '价格'],
    ['price: 保养高峰 is waiting', '保养高峰期排队', '等待'],
    // Skill, a fault that survives, a repair judged poor.
    ['skill', '技术也就一般', '技术'],
    ['skill', '手艺不行', '技术'],
    ['skill', '故障仍然存在', '技术'],
    ['skill', '异响又出现了', '技术'],
    ['skill', '修得不行', '技术'],
    ['skill', '修理马虎', '技术'],
    ['skill', '对修车结果不满', '技术'],
    ['skill: 一般 as "usually"', '修车一般去朋友那', '亲友修理厂'],
    // The people who receive the customer, judged poorly.
    ['service', '顾问服务一般', '服务'],
    ['service', '前台敷衍', '服务'],
    ['service', '对工作人员不满意', '服务'],
    // Little driving.
    ['low mileage', '公里数偏低', '里程少'],
    ['low mileage', '跑得太少', '里程少'],
    ['low mileage', '开得不多', '里程少'],
    ['low mileage', '几乎不用车', '里程少'],
    ['low mileage: 不少 is a lot', '跑得不少,就是嫌贵', '价格'],
    // The car is gone / elsewhere / sold.
    ['scrapped', '车子已经没了', '车辆报废'],
    ['scrapped: not 没有问题', '车没有问题了,就是太远', '距离'],
    ['used elsewhere', '车一直在外边跑', '外地用车'],
    ['used elsewhere', '车放在外头上班用', '外地用车'],
    ['used elsewhere: repaired elsewhere is not', '车在外面修,便宜', '价格'],
    ['sold', '把车子卖了', '车辆转卖'],
    ['sold', '把车给处理了', '车辆转卖'],
    // Hours spent on the visit; the drive's hour is distance.
    ['waiting', '修车花了两个钟头', '等待'],
    ['waiting', '保养要五个多小时', '等待'],
    ['waiting: the drive', '开车过去一个小时,太远', '距离'],
  ];
  it.each(cases)('%s: %s → %s', (_family, text, want) => {
    expect(reasons.classify(text)).toBe(want);
  });
});

describe('a denied failure word never decides the result (property)', () => {
  // Any result text, prefixed by a denied failure word, keeps the category the text has alone.
  const rest = ['无人接听', '客户在开会', '接通,客户说下月来', '手机关机', '号码是错的', '人在外地', '呼叫转移'];
  const denied = ['不是空号', '没有停机', '并未欠费', '没关机', '没有拒接', '未挂断', '并非呼转', '不是占线'];
  it('不是空号 / 没有拒接 … + text → the text’s own category', () => {
    fc.assert(
      fc.property(fc.constantFrom(...denied), fc.constantFrom(...rest), fc.constantFrom(',', ',', ' ', '。', ''), (d, t, sep) => {
        expect(contact.classify(`${d}${sep}${t}`, '')).toBe(contact.classify(t, ''));
      }),
    );
  });
});
