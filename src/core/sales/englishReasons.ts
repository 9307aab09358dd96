/**
 * Defeat reasons typed in English or half English ('our price was too high', 'went with Honda', 'loan rejected'),
 * by DOMAIN.md's classes. Tried after the Chinese rules of defeatReason.ts, in the same order of precedence: the
 * outcome (bought elsewhere) first, then the causes, postponing last. Case-insensitive; never a /g regex (test()
 * on a global regex keeps state between calls).
 */
import type { DefeatReasonCategory } from '../settings/settings';

/** A denial right before the word, maybe with an article ('not expensive', "wasn't the price") does not count as the word. */
const NOT = String.raw`(?<!(\bnot|\bno|\bnever|n't)\s+((the|a|an|our|their)\s+)?)`;

export const ENGLISH_DEFEAT_RULES: readonly [DefeatReasonCategory, RegExp][] = [
  ['竞品', new RegExp(`${NOT}\\b(bought|purchased|went with|chose|picked|ordered|switched to|another brand|other brand|competitor)`, 'i')],
  ['贷款/资金', new RegExp(`${NOT}\\b(loan|financ|down ?payment|deposit short|credit|installment|budget|afford|money|cash)`, 'i')],
  ['交车时间', new RegExp(`${NOT}\\b(delivery|deliver|lead time|waiting list|wait(ing)? (too )?long|out of stock|no stock|backorder)`, 'i')],
  ['服务', new RegExp(`${NOT}\\b(service|attitude|rude|consultant|salesman|sales rep|slow (reply|response)|no (reply|follow))`, 'i')],
  ['价格', new RegExp(`${NOT}\\b(price|pricing|priced|expensive|cheaper|cheap|discount|cost)`, 'i')],
  ['车型/配置', new RegExp(`${NOT}\\b(colou?r|config|option|trim|model|space|seats?|engine|fuel|range|size|hybrid|awd|4wd)`, 'i')],
  ['暂缓购买', new RegExp(`${NOT}\\b(postpone|later|next year|on hold|not now|put off|delay(ed)? (the )?purchase|not buying)`, 'i')],
];
