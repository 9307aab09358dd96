/**
 * Intent level (意向级别) of a prospect: H (buys within 7 days), A (15), B (30), C (3 months), N (new, not rated),
 * O (ordered), F (lost). Read from letters in any case and decoration ('h级', 'A类', 'B级客户', 'Ｃ') or from
 * words ('一周内', '半个月内', '已订车', '战败' …) (DOMAIN.md, Sales side: prospects).
 */
import type { IntentLevel } from '../settings/settings';
import type { Parsed } from './arrivalTime';
import { cellText, isMissingText } from './cellText';
import { TENTATIVE_ORDER, horizonNotOrder } from './receptionOutcome';
import { toSimplifiedSales } from './traditional';

export const INTENT_LEVELS: readonly IntentLevel[] = ['H', 'A', 'B', 'C', 'N', 'O', 'F'];

/** Lost words are tried before ordered words: '已购他牌' holds '已购'. */
const LOST_WORDS = ['战败', '已购他牌', '购买他牌', '买了他牌', '已购竞品', '他牌', '流失', '放弃', '失败', '丢单', '飞单', '无意向', '不买了', '已买别',
  // Bought elsewhere: '买了别家', '已在别处买车', '去其他店订了'.
  '别家', '别处', '别的店', '其他店', '其它店', '外店',
  // Bought a rival brand: '已购买竞品', '买了其他品牌'.
  '竞品', '其他品牌', '其它品牌', '别的品牌', '不考虑'];
/** The deal was lost, in a dealer's slang: '单子丢了', '这单黄了', '客户跟丢了', '订单飞了'. */
const DEAL_LOST = /(单子?|客户|订单)(已经?|也|都|又)?(丢|黄|飞|跑)(了|掉)|跟丢/;
/**
 * Bought another car or brand ('已买其他车', '提了别的车', '买了别的牌子', '换了个牌子') — but
 * '对比其他车' / '看看别的牌子' is still shopping: only a verb of buying makes it lost.
 */
const BOUGHT_OTHER_CAR = /(买|购|提|订|选)(了|成)?(个|台|辆|一台|一辆)?(其他|其它|别的|别家的?|他)(车|牌子|品牌)|换(了|成)?(个|一个)?(牌子|品牌)/;
const ORDERED_WORDS = ['已订车', '订车', '交定金', '付定金', '下定', '下订', '定金', '订金', '已成交', '成交', '订单', '签约', '已购', '已提车', '提车', '交车',
  // Short or spoken forms: '已订', '已定', '定了,等提车', '签了合同'.
  '已订', '已定', '签了', '合同', '下单'];
/** Signed the order: '签单了', '签下来了', '单子签了', '已签' ('还没签' is caught by ORDER_NEGATED first). */
const ORDER_SIGNED = /签(了|好|完|下)?(单|约|字|下)|(单子|订单|合同)(已经?|都)?签|已签/;
/** '定了,等提车', '订了' — but not '约定了' or '预定了时间'. */
const ORDER_SPOKEN = /(?<![约确决规预商])(定|订)了/;
/** A negated order ('没定', '未订车', '还没签') is not an order. */
const ORDER_NEGATED = /(未|没|不|还没|尚未)(订|定|签|交|下|成交)/;
const NEW_WORDS = ['新客户', '新客', '未评级', '未定级', '未分级', '待评级', '新建', '首次', '新登记', '刚登记', '建卡', '建档', '新线索', '新增', '待定级', '待定', '新来', '初次'];

/**
 * Not rated yet, in any wording: '还没评级', '没定级别', '尚未分级', '暂未评定', '待评定', '等待分级'; awaiting
 * someone's rating ('待顾问评估', '待经理定级', '等主管评级'), not assessed ('未评估'), or marked new in brackets
 * ('(新)', '【新】').
 */
const NOT_RATED_YET = /待\s*(评|分)(定|级|等)?|(待|等)[^\s,，。;；]{1,4}?(评估|评定|评级|定级|分级)|(未|没|没有|尚未|还没|暂未)\s*评估|[(（【[]\s*新\s*[)）】\]]|(未|没|没有|尚未|还没|还未|暂未|暂无)\s*(评|定|分)(级|定|等)|(级别|等级|评级|级)\s*(还|尚|暂)?\s*(没|未|没有)\s*(定|评|分|出)?/;

/**
 * A level typed in pinyin, without tones or with spaces ('zhan bai', 'zhanbai', 'yi ding', 'xin ke'): the words of
 * the dealer's levels as an IME-less keyboard writes them. Matched on the text lower-cased with spaces removed.
 */
const PINYIN_LEVELS: readonly [RegExp, IntentLevel][] = [
  [/zhanbai|liushi|fangqi|yigoutapai|maileb?iejia|biejia/, 'F'],
  [/yiding|dingche|xiading|xiadan|dingjin|yiqianyue|chengjiao/, 'O'],
  [/xinkehu|xinke|weipingji|weidingji|daipingji|xindengji/, 'N'],
];

/** The level a pinyin word names, or undefined. @example pinyinLevel('zhan bai') // 'F' */
function pinyinLevel(text: string): IntentLevel | undefined {
  if (!/^[A-Za-z\s\-_/]+$/.test(text)) return undefined;
  const squeezed = text.toLowerCase().replace(/[\s\-_/]+/g, '');
  for (const [pattern, level] of PINYIN_LEVELS) if (pattern.test(squeezed)) return level;
  return undefined;
}

// Spoken numerals too: '俩' (two), '仨' (three) — '俩礼拜内', '仨月'; and the written tens 廿 (20), 卅 (30), 卌 (40):
// '廿天内', '卅天內'.
const CN_NUMBER: Record<string, number> = { 一: 1, 两: 2, 二: 2, 俩: 2, 仨: 3, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 廿: 20, 卅: 30, 卌: 40, 半: 0.5 };

/** A number of 1–3 Chinese numerals ('十', '二十', '两', '三五') or '半'; NaN when not one. */
function chineseNumber(s: string): number {
  if (s === '半') return 0.5;
  // '廿五天' is 25 days, not a spoken range.
  if (s.length === 2 && /^[廿卅卌]$/.test(s[0])) return CN_NUMBER[s[0]] + (CN_NUMBER[s[1]] ?? NaN);
  const ten = s.indexOf('十');
  // '三五天', '两三个月': a spoken range; the horizon is its far end.
  if (ten < 0) return s.length === 1 ? CN_NUMBER[s] ?? NaN : s.length === 2 ? Math.max(CN_NUMBER[s[0]] ?? NaN, CN_NUMBER[s[1]] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : CN_NUMBER[s.slice(0, ten)] ?? NaN;
  const rest = s.slice(ten + 1);
  return tens * 10 + (rest === '' ? 0 : CN_NUMBER[rest] ?? NaN);
}

/**
 * Days of a purchase horizon such as '7天内', '一周内', '半个月内', '3个月内', '半年内', '二十天', '十来天' (about
 * ten days: the number counts); NaN when none.
 */
function horizonDays(raw: string): number {
  // Spoken fillers: '半拉月' is half a month, '个把月' about a month.
  const text = raw.replace(/半拉/g, '半').replace(/个把(月|星期|礼拜)/g, '一个$1');
  const m = /(\d+(?:\.\d+)?|[一两二俩仨三四五六七八九十廿卅卌]{1,3}|半)\s*(来|多|几)?\s*(个)?\s*(天|日|周|星期|礼拜|月|年)/.exec(text);
  if (!m) return NaN;
  const n = /\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  const unit = m[4];
  const perUnit = unit === '天' || unit === '日' ? 1 : unit === '月' ? 30 : unit === '年' ? 365 : 7;
  return n * perUnit;
}

function levelFromDays(days: number): IntentLevel {
  if (days <= 7) return 'H';
  if (days <= 15) return 'A';
  if (days <= 31) return 'B';
  return 'C';
}

/**
 * The normalised level.
 * @returns the level; null when blank; undefined when unreadable.
 * @example readIntentLevel('b级客户') // 'B'
 * @example readIntentLevel('半个月内') // 'A'
 * @example readIntentLevel('已购他牌') // 'F'
 */
export function readIntentLevel(value: unknown): Parsed<IntentLevel> {
  // Spaces between Chinese characters are typing noise ('战 败', '已 订车'), as in 接待经过.
  const text = toSimplifiedSales(cellText(value)).replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '$1');
  if (isMissingText(text)) return null;
  // Drop a leading label ('级别H', '意向级别:A') so the letter is at the start.
  const upper = text.toUpperCase().replace(/^(意向级别|追踪后级别|意向|级别|等级)\s*[:：]?\s*/, '');
  // A single level letter, alone or with decoration: 'H', 'h级', 'A类', 'B级客户', '(C)', 'O-已订车', '★H', '#A'.
  const letter = /^[^A-Z0-9\u4e00-\u9fff]*([HABCNOF])(?![A-Z])/.exec(upper);
  if (letter) return letter[1] as IntentLevel;
  const inside = /(?:^|[^A-Z])([HABCNOF])\s*(级|类)/.exec(upper);
  if (inside) return inside[1] as IntentLevel;
  const pinyin = pinyinLevel(text);
  if (pinyin) return pinyin;
  for (const w of LOST_WORDS) if (text.includes(w)) return 'F';
  if (BOUGHT_OTHER_CAR.test(text) || DEAL_LOST.test(text)) return 'F';
  // '考虑订车', '想订', '打算下周下单': not ordered yet; the horizon decides, else it is a hot prospect (H, below).
  // '七日内成交', '30天内提车': a horizon with an order verb is when the customer expects to buy (a level by the horizon).
  const tentative = TENTATIVE_ORDER.test(text) || horizonNotOrder(text);
  if (!ORDER_NEGATED.test(text) && !tentative) {
    for (const w of ORDERED_WORDS) if (text.includes(w)) return 'O';
    if (ORDER_SPOKEN.test(text) || ORDER_SIGNED.test(text)) return 'O';
  }
  for (const w of NEW_WORDS) if (text.includes(w)) return 'N';
  if (NOT_RATED_YET.test(text)) return 'N';
  const days = horizonDays(text);
  if (Number.isFinite(days)) return levelFromDays(days);
  // One-character shorthands: '新' (new), '订' / '定' (ordered), '败' (lost).
  if (text === '新') return 'N';
  if (text === '订' || text === '定') return 'O';
  if (text === '败') return 'F';
  if (/(一周|本周|这周|这星期|本星期|马上|近期|立即|这几天|明天|今天|后天|随时|周末)/.test(text)) return 'H';
  if (/(两周|半月|下周|下星期|下个星期|下礼拜|下个礼拜)/.test(text)) return 'A';
  if (/(月底|本月|一月|这个月|这月|当月|月内|下个月|下月)/.test(text)) return 'B';
  // Vague or distant horizons are the longest class: '再看看,年后', '春节后', '观望', '不急'.
  if (/(年后|年底|年前|春节|过年|明年|下半年|季度|观望|再看看|不急|不着急|以后再)/.test(text)) return 'C';
  // DOMAIN.md is silent on a considered order; a dealer treats a customer weighing an order as about to buy.
  if (tentative) return 'H';
  return undefined;
}
