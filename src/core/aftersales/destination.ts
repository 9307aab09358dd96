/**
 * 流失去向: where a lost customer now services the car, from the call log's destination column or, when that
 * says nothing usable, from the reason text. Quick-service chains are tried first ('快修店' is not a 修理厂),
 * then other dealers, then independent garages.
 */
import type { Destination } from './labels';
import { firstMatch, normaliseForMatch, type KeywordRule } from './text';

export const DESTINATION_RULES: readonly KeywordRule<Exclude<Destination, '未知'>>[] = [
  { category: '快修连锁', keywords: ['途虎', '快修', '连锁', '天猫养车', '京东养车', '驰加', '华胜', '精典', '小拉', '车享', '快保', '养车'] },
  { category: '其他4S店/服务站', keywords: ['其他4s', '别的4s', '4s店', '服务站', '特约店', '特约维修', '别的店', '其他店', '其它4s', '经销商', '4s', '另一家', '别家'],
    // Moved to another dealer, said with a verb of switching: '换了家4S店', '改去4S店了', '转到城东4S店' (a bare
    // '4S店' in a reason, '4S店太贵', says nothing about where the customer went).
    patterns: [/(换了?|改去|换去|转去|跑去|改到|换到|转到)(一|另一)?(家|个)?[^,.;!?。、]{0,4}4s/,
      // Serviced at a dealer where the car now is: '在那边4S店保养', '在当地的4S店做' ('4S店太贵' names no place).
      /(在|去|到)(那边|那里|那儿|当地|外地|本地|那)的?[^,.;!?。、]{0,3}4s/] },
  { category: '修理厂', keywords: ['修理厂', '路边店', '汽修', '修理店', '维修店', '修车店', '修理部', '小店', '维修厂', '修配厂', '修车铺', '修理铺', '汽修铺', '修车行'] },
];

/**
 * For the reason text only: a reason that merely names '4S店' ('4S店保养太贵了') says nothing about where the customer
 * went, and '养车' hides in '保养车', so these words count only in the destination column.
 */
const BARE_4S = new Set(['4s店', '4s', '养车']);
const REASON_TEXT_RULES: readonly KeywordRule<Exclude<Destination, '未知'>>[] = DESTINATION_RULES.map((r) => ({
  ...r,
  keywords: r.keywords.filter((k) => !BARE_4S.has(k)),
}));

const cache = new Map<string, Destination>();
const reasonCache = new Map<string, Destination>();

function classifyOne(text: string, rules = DESTINATION_RULES, memo = cache): Destination {
  const trimmed = text.trim();
  if (!trimmed) return '未知';
  let hit = memo.get(trimmed);
  if (hit === undefined) {
    hit = firstMatch(normaliseForMatch(trimmed), rules) ?? '未知';
    if (memo.size < 100000) memo.set(trimmed, hit);
  }
  return hit;
}

/**
 * @example classifyDestination('', '朋友开修理厂') // '修理厂'
 * @example classifyDestination('去了途虎', '') // '快修连锁'
 */
export function classifyDestination(destinationText: string, reasonText: string): Destination {
  const fromColumn = classifyOne(destinationText);
  return fromColumn !== '未知' ? fromColumn : classifyOne(reasonText, REASON_TEXT_RULES, reasonCache);
}
