import { classifyDefeatReason, defeatReasonClassifier } from '../../../src/core/sales/defeatReason';
import { brandIn, readCompetitor } from '../../../src/core/sales/competitor';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

/** At least eight phrasings per class, as a receptionist or consultant writes them. */
const PHRASINGS: Record<string, string[]> = {
  价格: ['价格太高', '价钱谈不拢', '优惠力度不够', '别家便宜三千', '嫌贵', '折扣太少', '落地价高', '比亚迪优惠多', '报价高于预期', '降价幅度小', '落地比隔壁店贵八千', '差了五千块', '送的东西太少'],
  竞品: ['已购比亚迪', '买了大众', '已买吉利星越', '改买特斯拉', '选了理想L6', '已购他牌', '提了问界M7', '去买了凯美瑞', '在别家买了', '其他品牌'],
  '车型/配置': ['配置低', '没有想要的颜色', '空间太小', '动力不足', '油耗高', '外观不喜欢', '内饰一般', '续航短', '没有七座车型', '想要的白色没有', '没有四驱版本', '车太小,家里坐不下', '想要高配,店里只有低配', '后备箱太小'],
  交车时间: ['交车太慢', '没有现车', '等车时间太长', '提车要等三个月', '缺货', '排队太久', '到货周期长', '等不及了', '要等两个月才能到车', '订车要等3周', '车要三个月才到', '等不了那么久', '订车要排期'],
  服务: ['服务差', '销售态度不好', '顾问离职', '回复太慢', '接待不热情', '没人理', '跟进不及时', '顾问不专业', '觉得销售不够热情', '接待的人不耐烦', '业务员换了好几个'],
  '贷款/资金': ['贷款没批下来', '首付不够', '按揭手续麻烦', '征信有问题', '资金紧张', '钱不够', '预算不足', '分期利息高', '手头紧', '钱没凑够'],
  暂缓购买: ['暂缓购买', '暂时不买了', '推迟到明年', '以后再说', '再等等看', '观望中', '不急', '家人不同意', '暂不考虑', '家里有事往后推', '先不考虑了', '换车计划取消', '先放一放'],
  其他: ['联系不上', '搬家去外地', '客户出国', '原因不明', '身体原因', '工作调动', '电话停机', '只是随便看看', '单位统一采购', '无', ''],
};

describe('classifyDefeatReason', () => {
  const cases: [string, string][] = [];
  for (const [cls, texts] of Object.entries(PHRASINGS)) {
    for (const text of texts) cases.push([text, text === '' || text === '无' ? '' : cls]);
  }
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });

  it('has at least eight phrasings per class', () => {
    for (const texts of Object.values(PHRASINGS)) expect(texts.length).toBeGreaterThanOrEqual(8);
  });

  it('tries the dealer keywords first', () => {
    const settings = { ...DEFAULT_SETTINGS, extraDefeatKeywords: { 服务: ['售后口碑'], 暂缓购买: ['联系不上'] } };
    expect(classifyDefeatReason('售后口碑差价格高', settings)).toBe('服务');
    const classify = defeatReasonClassifier(settings);
    expect(classify('联系不上')).toBe('暂缓购买');
    expect(classify('联系不上')).toBe('暂缓购买');
    expect(classify('价格太高')).toBe('价格');
  });
});

describe('competitor', () => {
  const cases: [unknown, unknown, string][] = [
    ['比亚迪', '', '比亚迪'],
    ['一汽大众', '', '大众'],
    ['上汽大众朗逸', '', '大众'],
    ['BYD', '', '比亚迪'],
    ['城东某4S店', '', '城东某4S店'],
    ['', '已购比亚迪宋PLUS', '比亚迪'],
    ['', '去买了凯美瑞', '丰田'],
    ['', '选了Model Y', '特斯拉'],
    ['', '价格比理想贵', '理想'],
    ['', '价格太高', ''],
    ['无', '买了哈弗H6', '哈弗'],
    ['', '', ''],
  ];
  it.each(cases)('recorded %p, reason %p → %p', (recorded, reason, expected) => {
    expect(readCompetitor(recorded, reason)).toBe(expected);
  });
  it('folds model names to brands', () => {
    expect(brandIn('坦克300')).toBe('坦克');
    expect(brandIn('瑞虎8')).toBe('奇瑞');
    expect(brandIn('没有品牌')).toBe('');
  });
});

/**
 * Round 4 families (phrasings NOT in test/accuracy/salesVocabularyR4.ts): each family named by meaning, with texts
 * that would fall to 其他 without it.
 */
describe('defeat-reason families, round 4', () => {
  const cases: [string, string][] = [
    // Price: a price term, a failed negotiation, a reduction asked for by a figure, English.
    ['底价给不到位', '价格'],
    ['成交价比4S店网上的高', '价格'],
    ['一口价不接受', '价格'],
    ['价没谈拢就走了', '价格'],
    ['砍到最后还是谈崩了', '价格'],
    ['想让我们少三千', '价格'],
    ['希望便宜一万', '价格'],
    ['Too expensive for him', '价格'],
    ['the other dealer gave a bigger discount', '价格'],
    // Delivery: the dealer cannot deliver in time; the customer needs the car now.
    ['这个月交付不了', '交车时间'],
    ['客户赶着要车', '交车时间'],
    ['急用车，等不起', '交车时间'],
    ['delivery date kept slipping', '交车时间'],
    // Service: slow replies, by any wording.
    ['微信回复慢', '服务'],
    ['回消息总是很晚', '服务'],
    ['rude salesman', '服务'],
    // Postponed: put aside for now.
    ['先搁一搁', '暂缓购买'],
    ['说过阵子再来', '暂缓购买'],
    ['postponed to next year', '暂缓购买'],
    // Finance and competitor in English; a denial before the word does not count.
    ['loan was rejected', '贷款/资金'],
    ['went with a Honda instead', '竞品'],
    ['not the price, just moved away', '其他'],
  ];
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });
});

/** Round 5 families, on phrasings not in the round-5 file. */
describe('defeat reason: round 5 families', () => {
  const cases: [string, string][] = [
    // The car wanted is not there: 'no … wanted', a named paint.
    ['店里没有客户想要的那款', '车型/配置'], ['要星空灰，店里没有', '车型/配置'], ['客户想要冰川白，店里没有', '车型/配置'],
    // The factory not shipping.
    ['厂家一直不发货', '交车时间'], ['迟迟等不到车', '交车时间'],
    // The dealer not answering; a customer not answering is not a service loss.
    ['店里座机打了几次都没人接', '服务'], ['展厅电话打不通', '服务'], ['顾问微信没人回', '服务'],
    // Car loans by any wording, but a discount allowance is price.
    ['车贷没批', '贷款/资金'], ['银行放款太慢', '贷款/资金'], ['优惠额度不够', '价格'],
    // Postponed until after a date.
    ['等开春再说', '暂缓购买'], ['年后再买', '暂缓购买'], ['过了年再考虑', '暂缓购买'],
    // Traditional characters.
    ['優惠太少', '价格'], ['車貸沒批下來', '贷款/资金'],
  ];
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });
});

/** Round 6 families, on phrasings not in the round-6 file. */
describe('defeat reason: round 6 families', () => {
  const cases: [string, string][] = [
    // A promised call-back never made, or forgotten.
    ['答应第二天给方案，结果没消息', '服务'], ['约好周末回访却没打', '服务'], ['忘了给客户回电话', '服务'], ['承诺的试驾没安排', '服务'],
    // A failed price negotiation, even with '钱' in it; a bare figure asked off the price.
    ['价钱谈不妥', '价格'], ['最后价钱没谈成', '价格'], ['要求少5000', '价格'], ['想让我们再便宜2000', '价格'],
    // Giving up buying is postponing, not buying elsewhere; a purchase elsewhere stays 竞品.
    ['不想买了，以后再说', '暂缓购买'], ['暂时不准备买了', '暂缓购买'], ['不打算订了', '暂缓购买'], ['已经买了哈弗', '竞品'],
    // Traditional characters beyond round 5's.
    ['暫緩，等年後', '暂缓购买'], ['徵信沒過', '贷款/资金'], ['庫存沒有紅色', '车型/配置'], ['手動擋沒有', '车型/配置'],
  ];
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });
});

/** Round 7 families, on phrasings of our own: the consultant's manner, and cash short in spoken words. */
describe('defeat reason: round 7 families', () => {
  const cases: [string, string][] = [
    ['顾问一直打电话骚扰', '服务'], ['销售说话唠叨', '服务'], ['强推高配，客户不喜欢', '服务'], ['被缠着要定金，烦了', '服务'],
    ['资金周转不开', '贷款/资金'], ['钱不趁手，晚点再说', '贷款/资金'], ['手头不宽裕', '贷款/资金'],
    // Neighbouring classes unchanged.
    ['外观不喜欢', '车型/配置'], ['优惠太少', '价格'],
  ];
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });
});

describe('classifyDefeatReason: an order placed with a named rival (定了 / 入手 / 拿下 + brand)', () => {
  const cases: [string, string][] = [
    ['最终定了丰田', '竞品'],
    ['后来定了BYD', '竞品'],
    ['入手了一台本田', '竞品'],
    ['拿下了一辆汉EV', '竞品'],
    ['客户下单了小米SU7', '竞品'],
    // Look-alikes: decided, not ordered, or no brand after the verb.
    ['定了明年再买', '暂缓购买'],
    ['没定了', '暂缓购买'],
    ['约定了时间但配置不满意', '车型/配置'],
  ];
  it.each(cases)('%p → %p', (text, cls) => {
    expect(classifyDefeatReason(text)).toBe(cls);
  });
});
