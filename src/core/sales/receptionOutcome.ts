/**
 * What happened to a register row, from free text: a test drive or a quotation in 接待经过, an order in 结案情形.
 *
 * DOMAIN.md's funnel rule names the keywords (试驾/试乘 for 试乘试驾, 报价 for 报价); a consultant also writes the same
 * event without them, and a dealer reads it by meaning:
 * - a test drive: 试车, TD, 体验驾驶, 上路, 开了一圈 / 开了一段 / 跑了5公里, 客户自己开 …;
 * - a quotation: a price handed over (报了个价, 出了价, 算了落地价, 给了最低价, 出了购车方案, 拿了价格表), a price
 *   negotiated (谈了价格), or a figure quoted (落地16.8万, 优惠两万);
 * - and the negations, which say the event did NOT happen: 未报价, 没谈价, 不愿试驾, 没时间试车, 试驾车不在.
 * A negated mention anywhere in the text wins: a register line rarely records the same event twice.
 */
import { toSimplifiedSales } from './traditional';

/** Words naming a test drive, used both for the event and for its negation. */
const TEST_DRIVE_WORDS = String.raw`试驾|试乘|试车|试了车|试开|(?<![A-Za-z])TD(?![A-Za-z])|test[ -]?drive|体验(?:了|过)?[^,，。;；、]{0,6}?驾驶|驾驶体验|路试|上路(?![价费])`;
/**
 * A test drive without the word: the customer drove a named model ('开了艾瑞泽8', '开了宋PLUS'; not '开了发票5000', nor '开了奥迪A4过来', their own car),
 * drove a stretch ('开了一圈', '开了一段', '跑了5公里') or drove it
 * themselves ('客户自己开了'). '绕车一圈' / '转了一圈' are the showroom walk-around, not a drive; '开了一段时间'
 * is how long someone has had their car.
 */
const DROVE_A_STRETCH = /(?<!绕车?)开了(一下)?(?!发票|票|单|价|会|个|方案|张|收据)[\u4e00-\u9fff]{1,3}(\d|PLUS|Pro|[A-Z])(?![^,，。;；]{0,4}(来|到店|进店|过来))|开出(去|门)(?!票|发票)|兜了?\s*(一|两|几)?\s*圈|兜风|((?<!绕车?)开|跑)了?\s*(一|两|几|半|\d+(\.\d+)?)\s*(圈|段(?!时间)|趟|公里|km|KM)|(亲自|自己|上手|实际)(开(?!车?(来|过来|到|去))|驾驶|驾)/;
const TEST_DRIVE = new RegExp(`(${TEST_DRIVE_WORDS})`, 'gi');
/**
 * A drive in spoken words, read in context like the keywords (a drive to come is none): riding as a passenger is
 * 试乘 ('坐副驾体验了一圈', '坐在副驾驶感受了一下'), and a reduplicated or finished 开 is a drive ('开开看', '开一开',
 * '开完觉得'); '开完票' / '开完会' / '开开心心' are not.
 */
const DROVE_SPOKEN = /(坐|乘)(在|到)?副驾(驶)?(座|位)?(上)?[^,，。;；!！?？]{0,4}?(体验|感受|跑|兜|转|走)了?\s*(一|两|几|半)?\s*(圈|段|趟|下|把)|开开(?!心)|开一开|(?<![打离召展公拉盛])开完(?![票发会单收合证方张])/g;
/**
 * A drive still to come is no drive yet: an appointment, an invitation or a later day before the mention, in the
 * same clause ('约了下周六来试驾', '邀约试驾', '客户下次带老婆过来试驾', '预约明早试驾', '约周末到店试车'), or a booking
 * after it ('试驾预约已登记'). '大约' / '节约' are no appointment, and
 * '按约' / '如约' / '赴约' came as agreed.
 */
const DRIVE_TO_COME_BEFORE = /((?<![接招款虐])待$|((?<![大节按如应赴履])约|邀请|说好|讲好|答应|下次|下回|改天|改日|明天|明早|后天|下周|回头|准备|打算|计划)[^,，。;；!！?？]{0,10}$|((?<![小听解])说|表示|称|想|(?<![需只主重还])要|周末|周[六日天]|星期[六日天]|礼拜[六日天]|有空|到时候?|过(两|几)天)[^,，。;；!！?？]{0,8}(来|过来|到店)(再)?$)/;
/**
 * A booking after the mention ('试驾预约已登记'), or the drive set for a day ('试驾约在周日', '试乘约好了下周',
 * '试驾改到明天', '试车推到周末'); '试驾约20分钟' is about twenty minutes, a drive that happened.
 */
const DRIVE_TO_COME_AFTER = /^\s*(预约|邀约|已预约|待定|约(在|到|了|好|定)|(改|推|延)(到|在|至|期|迟))/;
/**
 * A negated test drive: a negation, maybe a modal ('不愿', '没时间', '来不及'), maybe a light verb ('去', '做'),
 * then the test-drive word. Also no test-drive car to drive ('试驾车不在', '没有试驾车', '试驾车在保养').
 */
const TEST_DRIVE_NEGATION = String.raw`未能|未|没有|没|不愿意?|不肯|不想|不要|不用|不需要|不打算|不方便|不|无|婉拒了?|拒绝了?|拒|暂不|暂未|没时间|没空|来不及|没来得及|未安排|没安排|no|not|without|declined`;
const TEST_DRIVE_NEGATED = new RegExp(
  // '报价：无 试驾：有' reads as '报价：无试驾：有': a negation right before another field's label ('试驾：') is the
  // previous field's value, not a negation of this one.
  `((${TEST_DRIVE_NEGATION})\\s*(去|再|做|进行|参加|安排|上|到)?\\s*(${TEST_DRIVE_WORDS})(?!\\s*[:：=]))|((没有|没|无)[^,，。;；]{0,6}试驾车|试驾车(不在|在保养|保养|维修|送修|外出|被|借走|没有|没了|坏)|试驾车[^,，。;；]{0,4}(没电|没油|故障|开不了|不能开|用不了|没法开|保养|维修|送修|检修|修理))` +
    // Tried but did not get to: '没试成', '未能试上', '试驾没试成'.
    `|((没|未|没有|没能|未能)试(成|上|到|了成))` +
    // Called off after the word: '试驾取消', '试驾没成', '试驾泡汤'.
    `|((${TEST_DRIVE_WORDS})[^,，。;；]{0,2}(取消|没成|未成|泡汤|作罢|告吹))` +
    // A mark column written into the text: '试驾 ×', '试驾:否', '试驾：无'.
    `|((${TEST_DRIVE_WORDS})\\s*([×✗✘]|[:：=]?\\s*否|[:：=]\\s*(无|没有|未|N|No)(?![A-Za-z])))`,
  'i',
);

/**
 * '报了' and '已报' alone are how a quotation column says yes ('报了名' is not a quotation); '我们报的13.2' names the
 * figure quoted; 'price: Y' is an English mark column.
 */
const QUOTE_WORDS = /(报价|报了价|报过价|出价单|报价单|报了(?!名)|已报(?!名)|报的\s*[\d一二三四五六七八九十]|quot(e|ed|ation)|price (given|quoted)|price\s*[:：=]\s*(Y|Yes)(?![A-Za-z]))/i;
/**
 * A price handed over, in a few words: a verb of giving (报 出 开 算 给 发 拿 提供 告知) then, within the same
 * clause, a price or a purchase plan ('出了价', '算了落地价', '给了最低价', '出了购车方案', '拿了价格表'). '问价' is the
 * customer asking, not a quotation. '给了价格' counts too: a consultant who gave the customer a price quoted one,
 * whatever the word (DOMAIN.md names 报价; a dealer reads the meaning).
 */
const PRICE_HANDED_OVER = /(报|出|开|算|发|拿|提供|告知|告诉|给|打印|印了|递|出示)(了|过)?[^,，。;；、!！?？\s]{0,6}?(价(?!值)|方案|预算(单|表|明细|清单))/;
/**
 * A price handed over with the object first, '把…价…报给': '把落地价报给客户了', '把优惠价格发给他', '把预算单给了客户'.
 * ('把价格压下来' is caught as a negotiation, not here.)
 */
const PRICE_HANDED_OVER_OBJECT_FIRST = /把[^,，。;；!！?？]{0,6}?(价|方案|预算(单|表|明细|清单))[^,，。;；!！?？]{0,3}?(报|发|给|告诉|告知|讲|说)(给|了|过)/;
/** A price negotiated ('谈了价格', '议价', '砍价'; the object first: '价格也谈了', '价格已给'; even one not agreed: '价格没谈拢') implies one was quoted. */
const PRICE_NEGOTIATED = /(?<!再)(谈|议|砍|讲)了?(一下|下)?(价|价格|价钱)|(价格|价钱)(也|都)?((已经?|已)(谈|聊|议|给|出|报|发)|(谈|聊|议|商量|给|出|报|发)(了|过|好|妥))|(价格|价钱)(也|都|还)?(没有?|未)?(谈|议)(不)?(拢|妥|崩)/;
/** A price worked out for the customer: '核算了全款和贷款两种落地价', '算了月供' — not '打算' / '就算' / '总算'. */
const PRICE_CALCULATED = /(核算|测算|计算|(?<![打就总盘还])算)(了|过)?[^,，。;；!！?？]{0,12}?(价(?!值)|月供|首付|方案)/;
/** A figure quoted: '落地16.8万', '裸车价12万', '优惠两万', '底价9.98w'. */
const FIGURE_QUOTED = /(落地|裸车|底价|最低价|优惠|一口价|成交价|全款)价?\s*(\d+(\.\d+)?|[一二两三四五六七八九十]+)\s*(万|千|w|W|元)/;
/**
 * A figure handed over, the price word left out: '给了14.2万', '报到13万8', '开出12.5w' — but not a deposit or a
 * mileage ('给了1万定金', '开了2万公里').
 */
const FIGURE_HANDED_OVER = /(报|给|开|出)(了|过|到|出)?(个|到)?\s*\d+(\.\d+)?\s*(万|w|W)(?![^,，。;；]{0,3}(定金|订金|公里|km|KM|首付|贷款))/;
/** A negated quotation: '未报价', '没谈价', '不给价格', '没出价', '暂不报价', '没报'. */
const QUOTE_NEGATED = new RegExp(
  [
    // Not before another field's label: '试驾：无报价：有' says 报价 yes.
    String.raw`(未能|未|没有|没|不愿意?|不肯|不给|不用|不需要|无需|不必|不|无|暂未|暂不|还没|尚未|没来得及|拒绝)\s*(再)?(做|进行|到)?(谈|议|讲|给|出|报|算)?了?(价|价格|价钱|报价|报过价|报了价|方案|报)(?![价格钱单]*\s*[:：=])`,
    // A quotation refused by the customer: '不让报价', '不要我们报价', '不许顾问谈价', '拒绝了顾问的报价'.
    String.raw`(不让|不许|不要|不想|不肯|拒绝了?)[^,，。;；!！?？]{0,4}?(报价|谈价|出价|给价|算价)`,
    // Not done, the object first: '报价单未出', '价格还没给' (but '价格没谈拢' was negotiated).
    String.raw`(报价单?|价格|价钱)\s*(还|尚|暂)?(未|没有?)(出|给|做|发|报|聊|谈(?![拢妥成下好]))`,
    // A verb of giving, then a few words before the price: '未给具体价格', '没报最终价'.
    String.raw`(未能|未|没有|没|不给|暂未|暂不|还没)\s*(给|出|报|算)了?[^,，。;；]{1,4}?(价|价格|价钱|方案)`,
    // A mark column written into the text: '报价 ×', '报价:否', '报价：无'.
    String.raw`报价\s*([×✗✘]|[:：=]?\s*否|[:：=]\s*(无|没有|未))`,
    String.raw`\bno (quote|price)`,
    String.raw`(price|quote)\s*[:：=]\s*(N|No)(?![A-Za-z])`,
  ].join('|'),
  'i',
);

const ORDER = /(成交|订车|定车|(交|付)了?[\d.万千元]*(定|订)金|(?<![约预])订了|下定|下订|下单|签约|签单|签合同|订单|已订|已定|已购车|提车)/;
const ORDER_NEGATED = /(未|没有|没|不|无|暂未|暂不|未能|取消)\s*(成交|订车|定车|交定金|付定金|交订金|下定|下订|下单|签约|签单|签合同|订单|已订|提车)/;
/**
 * An order only considered or wished for ('考虑订车', '考虑下单', '想订', '打算交定金', '有意向订车') is not an order:
 * only a done one is (订车, 已订, 交定金, 下单). A few words may stand between ('打算下周下单'), but not '后'
 * ('考虑后当天订车' did order).
 */
/**
 * A purchase horizon ('七日内', '30天内', '一个月以内', '季度内'): with an order verb but no sign that it is done
 * ('七日内成交', '30天内提车'), it is the time the customer expects to buy in, a level (DOMAIN.md: H within 7 days
 * …), not an order. '已订车,7天内提车' and '7天内就交了定金' did order.
 */
export const HORIZON_WITHIN = /(天|日|周|星期|礼拜|月|年|季度)\s*(之|以)?内/;
const ORDER_DONE_MARK = /(已|了)/;
/** @example horizonNotOrder('30天内提车') // true; horizonNotOrder('已订车,7天内提车') // false */
export function horizonNotOrder(text: string): boolean {
  return HORIZON_WITHIN.test(text) && !ORDER_DONE_MARK.test(text);
}

export const TENTATIVE_ORDER = /(考虑|想|打算|准备|计划|有意向?|可能|也许|犹豫|要不要|倾向)[^,，。;；、后]{0,4}?(订|定|下单|下订|下定|交定金|付定金|交订金|签约|签单|成交)/;

/**
 * @example mentionsTestDrive('介绍车型后试驾') // true
 * @example mentionsTestDrive('上路开了一圈') // true
 * @example mentionsTestDrive('没时间试车') // false
 */
export function mentionsTestDrive(raw: string): boolean {
  const text = readableProcess(raw);
  return (drivenMention(text, TEST_DRIVE) || drivenMention(text, DROVE_SPOKEN) || DROVE_A_STRETCH.test(text)) && !TEST_DRIVE_NEGATED.test(text);
}

/** True when some mention of the (global) pattern names a drive that happened, not one booked or invited for later. */
function drivenMention(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (!DRIVE_TO_COME_BEFORE.test(before) && !DRIVE_TO_COME_AFTER.test(after)) return true;
  }
  return false;
}

/**
 * @example mentionsQuote('报价15.8万') // true
 * @example mentionsQuote('试车后算了落地价') // true
 * @example mentionsQuote('没谈价') // false
 */
export function mentionsQuote(raw: string): boolean {
  const text = readableProcess(raw);
  return QUOTE_MENTIONS.some((pattern) => quotedMention(text, pattern)) && !QUOTE_NEGATED.test(text);
}

/** Every way a quotation is written, as global patterns so each mention can be looked at in its context. */
const QUOTE_MENTIONS = [QUOTE_WORDS, PRICE_HANDED_OVER, PRICE_HANDED_OVER_OBJECT_FIRST, PRICE_NEGOTIATED, PRICE_CALCULATED, FIGURE_QUOTED, FIGURE_HANDED_OVER].map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`));
/**
 * A quotation still to come is no quotation yet: a later visit or day before the mention, in the same clause
 * ('客户说下次来再报价', '下次来店给出详细报价', '明天到店再出方案'), a quotation requested ('客户要求先发报价', but
 * '按客户要求报价' was given) or waited for ('要等经理在再报价').
 */
const QUOTE_TO_COME_BEFORE = /(?<![接招款虐])待$|(下次|下回|改天|改日|明天|明早|后天|下周|回头|到店再|来店再|到店后再|来了再|(?<![按照据依][^,，。;；]{0,4})要求|希望|想要|请求|等[^,，。;；!！?？]{1,12}(再|才))[^,，。;；!！?？]{0,10}$/;

/** True when some mention of the pattern names a quotation given, not one put off to a later visit. */
function quotedMention(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!QUOTE_TO_COME_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) return true;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return false;
}

/**
 * 接待经过 as the keyword rules read it: simplified characters; spaces between Chinese characters dropped ('试 驾 了'
 * is '试驾了'); the keywords typed in pinyin ('shijia', 'shi cheng', 'baojia'; not 'shijian', 时间) or slipped on
 * the IME into a homophone ('试架', '式驾', '抱价', '爆价').
 * @example readableProcess('shijia+baojia') // '试驾+报价'
 */
export function readableProcess(raw: string): string {
  return toSimplifiedSales(raw)
    .replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '$1')
    .replace(/(?<![A-Za-z])shi\s*jia(?![A-Za-z])/gi, '试驾')
    .replace(/(?<![A-Za-z])shi\s*cheng(?![A-Za-z])/gi, '试乘')
    .replace(/(?<![A-Za-z])bao\s*jia(?![A-Za-z])/gi, '报价')
    .replace(/试架|式驾/g, '试驾')
    .replace(/抱价|爆价/g, '报价');
}

/** @example mentionsOrder('交定金5000') // true; mentionsOrder('未成交') // false; mentionsOrder('考虑订车') // false */
export function mentionsOrder(raw: string): boolean {
  const text = toSimplifiedSales(raw);
  return ORDER.test(text) && !ORDER_NEGATED.test(text) && !TENTATIVE_ORDER.test(text) && !horizonNotOrder(text);
}
