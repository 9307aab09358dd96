/**
 * 战败原因类别: the class of a lost prospect's reason text (DOMAIN.md): 价格, 竞品, 车型/配置, 交车时间, 服务,
 * 贷款/资金, 暂缓购买, 其他 — plus the dealer's own keywords from settings.extraDefeatKeywords, tried first.
 */
import type { DefeatReasonCategory, Settings } from '../settings/settings';
import { DEFEAT_REASONS } from '../settings/settings';
import { brandIn } from './competitor';
import { cellText, isMissingText } from './cellText';
import { ENGLISH_DEFEAT_RULES } from './englishReasons';
import { toSimplifiedSales } from './traditional';

/**
 * Built-in rules, tried in this order; the first that matches wins. Order decides overlaps:
 * - "bought another car" phrasing ('已购', '买了', '提了') names the outcome: 竞品, unless negated ('不买了').
 * - financing, delivery, service and price name the cause, so they come before model words ('车型') and
 *   before a merely mentioned brand ('比亚迪优惠多' is a price loss to BYD: class 价格, 流失去向 比亚迪).
 * - postponing comes after price: '价格太高, 暂缓购买' was lost on price.
 */
const RULES: readonly [DefeatReasonCategory, RegExp][] = [
  // '不打算买了', '不想订了' say the customer gave up buying, not that they bought elsewhere.
  ['竞品', /(已购|已买|已订|(?<![不没未]|不(打算|想|准备|要|再|用|会))买了|购买了|(?<![不没未]|不(打算|想|准备|要|再|用|会))订了|提了|选了|改买|转买|转购|去买|定了别|他牌|竞品|其他品牌|其它品牌|别的品牌|别的牌子|其他牌子|外品牌)/],
  // Short of cash in spoken words too: '最近手头紧', '钱不凑手', '资金周转不开'.
  ['贷款/资金', /(贷款|车贷|放款|按揭|首付|分期|征信|资金|钱不够|没钱|缺钱|预算不足|预算不够|经济|批不下|审批|利息|手头紧|(?<!价)钱没|凑钱|凑不|没凑|不凑手|不趁手|手头不宽裕|周转|钱紧)/],
  // '交不了', '交付不了': the dealer cannot deliver; '急着用车' / '急要车': the customer could not wait for delivery.
  ['交车时间', /(交不了|交不出|交不上|交付不了|(急|赶)着?(用|要|提)车|等不起|交车|提车|等车|现车|没货|缺货|到货|到车|排队|周期长|等不及|等太久|交付|订不到|货期|交期|才能到|等[\d一两三四五六七八九十半]+个?(月|周|星期|天)|才到|等不了|排期|发车|发货|迟迟)/],
  // Slow replies by any wording: '消息回得太慢', '回复慢', '回消息总是很晚'.
  // The consultant's manner put the customer off: '销售太啰嗦', '一直打电话骚扰', '强推高配'.
  // The dealer not answering: '打店里电话一直没人接', '顾问微信没人回' ('客户没人接' is the customer, not service).
  // A promised call-back never made: '说好回电话一直没回', '答应给报价结果没消息', '忘了给客户回电话'.
  ['服务', /((说好|答应|承诺|约好)([^,，。;；]{0,8}|[^。;；]{0,12}(结果|却|但|可))(没|不|未|忘)|(忘了|忘记)(回|打|联系|跟进|给)|(店|我们|顾问|销售|展厅|前台)[^,，。;；]{0,10}(没人接|无人接|没人回|打不通)|(回|复|响应|反应)(消息|信息|微信|电话)?[得的]?(总是|经常|老是)?(太|很|比较|有点|特别)?(慢|晚|迟)|服务|态度|顾问|销售员|接待|回复|不回|怠慢|冷淡|不专业|不热情|不够热情|不够专业|不耐烦|没耐心|爱答不理|没人理|不理|跟进不及时|没跟进|离职|体验差|业务员|换了好几个|啰嗦|罗嗦|啰唆|唠叨|纠缠|缠着|骚扰|强推|硬推|推销|话太多)/],
  // A price term ('裸车价', '底价', '报价最高'), a negotiation that failed ('没谈下来', '谈不拢'), or a reduction
  // asked for by a figure ('再降两千', '少三千').
  ['价格', /(裸车价|底价|成交价|一口价|报价|出价|开价|还价|压价|让价|议价|性价比|价差|谈不下来|没谈下来|谈不拢|没谈拢|谈崩|谈不妥|没谈妥|没谈成|谈不成|(降|让|少|便宜)了?[\d一二三四五六七八九十两几]+[千万百块元]|(降|让|少|便宜)了?\s*\d{3,}(?![\d.]*\s*(公里|km|KM|天|个|月|年))|价格|价钱|价位|优惠|便宜|太贵|偏贵|贵了|较贵|贵|折扣|让利|降价|砍价|报价高|报价太高|差价|补贴|赠送少|落地价|置换|差了|送的|赠品|礼包|[\d一二三四五六七八九十两几]+[千万]块)/],
  // The car the customer wanted is not there: '没有客户想要的珍珠白', '没有想要的配置'; a named paint ('珍珠白').
  ['车型/配置', /(没有[^,，。;；]{0,6}想要的|(珍珠|象牙|冰川|极光|星空|曜石|钻石|宝石|月光|珠光|极地|典雅|雅致)[白黑灰银红蓝]|车型|配置|颜色|车色|太小|坐不下|高配|低配|顶配|后备箱|[白黑红蓝灰银绿棕紫橙金]色|版本|四驱|两驱|混动|空间|动力|油耗|续航|外观|内饰|款式|尺寸|座椅|天窗|底盘|车身|排量|变速箱|自动挡|手动挡|七座|7座|不喜欢|不满意车|品质|质量|安全)/],
  // Put aside for now: '先放放', '搁一搁', '过阵子'.
  // Later, after a date or event: '过完年再考虑', '年后再说', '等开春'.
  ['暂缓购买', /(过完年|过了年|年后|节后|开春|再考虑|先?放(一)?放|搁(一)?搁|过阵子|过些时候|暂缓|暂时不|暂不|不买了|不(打算|准备|想|再)(买|订|购)|推迟|延后|往后推|推后|延期|缓一缓|先不|晚点再|放一放|计划取消|以后再|再说|再等|观望|明年|过段时间|不急|搁置|没定|考虑中|家人不同意|不想买)/],
  ['竞品', /(别家|别处|其他店|其它店|外地店|他店|同城|其他4S|其它4S|二网|网上买)/],
];

/**
 * An order placed with a named rival, in a verb the rules leave alone because alone it is ambiguous ('定了' is also
 * 'decided'): '最后定了特斯拉Model Y', '入手了一台本田', '拿下了汉EV'. The brand after the verb makes it an order;
 * without one ('定了明年再买') it is not. Tried before the English rules, which would read 'Model Y' as a model loss.
 * @example boughtNamedBrand('最终定了丰田') // true; boughtNamedBrand('定了明年再说') // false
 */
function boughtNamedBrand(text: string): boolean {
  const m = /(?<![不没未约确决规预商])(定了|入手了?|拿下了?|下单了?)([^,，。;；]{1,16})/.exec(text);
  return m !== null && brandIn(m[2]) !== '';
}

/** The user's keywords per class, compiled once per settings object. */
function userKeywords(settings: Pick<Settings, 'extraDefeatKeywords'> | undefined): [DefeatReasonCategory, string[]][] {
  const out: [DefeatReasonCategory, string[]][] = [];
  if (!settings) return out;
  for (const cls of DEFEAT_REASONS) {
    const words = settings.extraDefeatKeywords[cls];
    if (words && words.length) out.push([cls, words.filter((w) => w.trim() !== '')]);
  }
  return out;
}

/**
 * Classifies a defeat-reason text.
 * @returns the class; '' when the text is blank.
 * @example classifyDefeatReason('对方优惠多两万') // '价格'
 * @example classifyDefeatReason('已购比亚迪') // '竞品'
 * @example classifyDefeatReason('贷款没批下来') // '贷款/资金'
 */
export function classifyDefeatReason(value: unknown, settings?: Pick<Settings, 'extraDefeatKeywords'>): DefeatReasonCategory | '' {
  const text = toSimplifiedSales(cellText(value));
  if (isMissingText(text)) return '';
  for (const [cls, words] of userKeywords(settings)) {
    for (const w of words) if (text.includes(w)) return cls;
  }
  if (boughtNamedBrand(text)) return '竞品';
  for (const [cls, pattern] of RULES) if (pattern.test(text)) return cls;
  // English before a merely named brand, as the Chinese rules are: 'Honda was cheaper' was lost on price.
  for (const [cls, pattern] of ENGLISH_DEFEAT_RULES) if (pattern.test(text)) return cls;
  if (brandIn(text)) return '竞品';
  return '其他';
}

/**
 * A classifier bound to settings, with a cache: reason texts repeat a lot across a dealer's cards.
 * @example const classify = defeatReasonClassifier(settings); classify('价格太贵') // '价格'
 */
export function defeatReasonClassifier(settings: Pick<Settings, 'extraDefeatKeywords'>): (value: unknown) => DefeatReasonCategory | '' {
  const cache = new Map<string, DefeatReasonCategory | ''>();
  return (value) => {
    const text = cellText(value);
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const cls = classifyDefeatReason(text, settings);
    if (cache.size < 50000) cache.set(text, cls);
    return cls;
  };
}
