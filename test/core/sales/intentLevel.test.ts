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
    // Families learned from the unseen-data harness (test/accuracy/salesAccuracy.test.ts).
    ['★H', 'H'], ['#A', 'A'], ['☆b级', 'B'], ['打算这周就定', 'H'], ['这几天就来', 'H'], ['这星期内', 'H'], ['下周能定', 'A'],
    ['这个月内', 'B'], ['当月能定', 'B'], ['再看看,年后', 'C'], ['春节后再说', 'C'], ['观望', 'C'], ['明年换车', 'C'],
    ['新登记', 'N'], ['刚建卡', 'N'], ['新线索', 'N'],
    ['已订', 'O'], ['已定,等提车', 'O'], ['定了,等提车', 'O'], ['签了合同', 'O'], ['订了', 'O'],
    ['没定', undefined], ['约定了下周来看车', 'A'], ['还没签', undefined],
    ['买了别家', 'F'], ['已在别处买车', 'F'], ['去其他店订了', 'F'],
    // Held-out round: numbers with 来/多 and spoken ranges, multi-character numerals, more horizon and new words.
    ['十来天', 'A'], ['二十天内', 'B'], ['二十来天', 'B'], ['三五天', 'H'], ['两三个月', 'C'], ['下个礼拜', 'A'],
    ['年底前', 'C'], ['不着急', 'C'], ['待定级', 'N'], ['新来的', 'N'], ['已购买竞品', 'F'], ['买了其他品牌', 'F'],
    // Third round: shorthands and more horizon words.
    ['新', 'N'], ['初次接触', 'N'], ['订', 'O'], ['已下单', 'O'], ['没下单', undefined], ['败', 'F'], ['已买其他车', 'F'], ['提了别的车', 'F'], ['在对比其他车', undefined], ['不考虑了', 'F'],
    ['随时可能订', 'H'], ['周末就来', 'H'], ['下个月初', 'B'],
    // Considering an order is a hot prospect, not an order; a horizon, when given, still decides.
    ['考虑订车', 'H'], ['考虑下单', 'H'], ['想订', 'H'], ['打算交定金', 'H'], ['打算下周下单', 'A'], ['考虑后订车', 'O'],
    // Round 4 families (phrasings not in the round-4 file): signing the order; buying another brand, but not
    // comparing one; a plain '订车' stays an order.
    ['单子签了', 'O'], ['合同签好了', 'O'], ['签下来了', 'O'], ['已签约', 'O'], ['还没签单', undefined],
    ['提了台别的牌子', 'F'], ['购他品牌', 'F'], ['换了个牌子', 'F'], ['选了其他品牌的车', 'F'], ['看看别的牌子', undefined], ['已订车', 'O'],
    ['', null], ['—', null], [null, null],
    ['随便看看', undefined], ['X', undefined], ['HA', undefined],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readIntentLevel(input)).toBe(expected);
  });
});

/**
 * Round 5 families, on phrasings not in the round-5 file: a purchase horizon with an order verb is a level by the
 * horizon (DOMAIN.md: H within 7 days … C within 3 months), an order only when it is done; not rated yet in any
 * wording; traditional characters.
 */
describe('intent level: round 5 families', () => {
  const cases: [string, string | undefined][] = [
    ['十天以内成交', 'A'], ['两周内订车', 'A'], ['二十天之内提车', 'B'], ['5天内下定', 'H'], ['两个月内签约', 'C'], ['一周之内交定金', 'H'],
    // Done orders stay orders, whatever the delivery horizon.
    ['已订车，3天内提车', 'O'], ['7天内就交了定金', 'O'], ['定金已交，一个月内交车', 'O'],
    ['暂未定级', 'N'], ['没有评级', 'N'], ['尚未评定', 'N'], ['还未分级', 'N'],
    ['已訂車', 'O'], ['Ｃ級客戶', 'C'], ['一週內購車', 'H'], ['買了別的牌子', 'F'],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readIntentLevel(input)).toBe(expected);
  });
});

/**
 * Round 6 families, on phrasings not in the round-6 file: levels in pinyin, not rated yet with the level named
 * first, spoken fillers in a horizon ('半拉月', '个把月').
 */
describe('intent level: round 6 families', () => {
  const cases: [string, string | undefined][] = [
    ['zhanbai', 'F'], ['Zhan-Bai', 'F'], ['liu shi', 'F'], ['yi ding', 'O'], ['ding che', 'O'], ['xin ke', 'N'], ['wei ping ji', 'N'],
    // Not pinyin of a level: still unreadable, and a plain letter still wins.
    ['shijian', undefined], ['H', 'H'], ['b ji', 'B'],
    ['等级还未定', 'N'], ['级别暂未评', 'N'], ['评级没出', 'N'], ['级别没有定', 'N'],
    ['半拉月之内', 'A'], ['个把月内', 'B'], ['个把礼拜', 'H'],
    // An order still needs to be done: '级别没定' is no order, '没定' alone stays unreadable.
    ['没定', undefined],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readIntentLevel(input)).toBe(expected);
  });
});

/** Round 7 families, on phrasings of our own: spoken numerals (俩, 仨), awaiting a rating, a deal lost in slang. */
describe('intent level: round 7 families', () => {
  const cases: [string, string | undefined][] = [
    ['俩星期之内', 'A'], ['仨礼拜', 'B'], ['俩月内', 'C'], ['仨天内', 'H'],
    ['待评级别', 'N'], ['等待分级', 'N'], ['待分等', 'N'],
    ['这单黄了', 'F'], ['客户跟丢了', 'F'], ['订单飞了', 'F'],
    // Still an order, and a horizon still a horizon.
    ['已下单', 'O'], ['两个礼拜内', 'A'],
  ];
  it.each(cases)('%p → %p', (input, expected) => {
    expect(readIntentLevel(input)).toBe(expected);
  });
});

/** Round 8 family: awaiting someone's rating, not assessed, or marked new in brackets (phrasings not in round 8). */
describe('intent level: round 8 families', () => {
  const cases: [string, string | undefined][] = [
    ['待经理定级', 'N'], ['等主管评级', 'N'], ['尚未评估', 'N'], ['【新】', 'N'], ['意向级别:(新)', 'N'],
    // Look-alikes: a rated level keeps its letter; an assessment done without a level is unreadable.
    ['A(经理评估)', 'A'], ['已评估', undefined], ['新能源', undefined],
  ];
  it.each(cases)('%p → %p', (text, level) => {
    expect(readIntentLevel(text)).toBe(level);
  });
});

/** Round 9 families: the written tens 廿/卅/卌, and spaces typed between the characters (phrasings not in round 9). */
describe('intent level: round 9 families', () => {
  const cases: [string, string | undefined][] = [
    ['廿天内', 'B'], ['廿五天左右', 'B'], ['卌天内', 'C'], ['卅日以内', 'B'],
    ['已 订 车', 'O'], ['放 弃 了', 'F'], ['新 客', 'N'],
    // Look-alikes: a letter with a spaced note keeps its letter; a short horizon stays short.
    ['H 很急', 'H'], ['十天内', 'A'], ['二十天内', 'B'],
  ];
  it.each(cases)('%p → %p', (text, level) => {
    expect(readIntentLevel(text)).toBe(level);
  });
});
