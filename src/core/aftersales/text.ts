/**
 * Text normalisation for keyword matching: full-width ASCII to half-width, lower case, no spaces, traditional
 * characters to simplified. Matching on the normalised form lets '４Ｓ店', '4s店' and '4S 店' all hit the keyword
 * '4s店', and '空號' the keyword '空号'.
 */
import { toSimplifiedChar } from './traditional';

/**
 * @example normaliseForMatch(' 其他４Ｓ 店 ') // '其他4s店'
 * @example normaliseForMatch('空號') // '空号'
 */
export function normaliseForMatch(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (code === 0x3000 || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0) continue;
    // Full-width ASCII block (！ … ～) maps to half-width by a fixed offset.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    // Han characters (from the CJK blocks on) may be traditional forms of the dictionaries' characters.
    else out += code >= 0x3400 ? toSimplifiedChar(ch) : ch;
  }
  return out.toLowerCase();
}

/** One category and the keywords (already normalised) that select it. */
export interface KeywordRule<C extends string> {
  category: C;
  keywords: readonly string[];
  /**
   * Word families a keyword list cannot spell out (a subject, an adverb, a verdict: '收费太高', '价格偏贵',
   * '技术一般'), tried on the normalised text after the keywords, in the rule's place in the order. Never a /g
   * regex: test() on a global regex keeps state between calls.
   */
  patterns?: readonly RegExp[];
}

/**
 * Returns the category of the first rule with a keyword contained in `normalised`, or null. Rules are tried in
 * order, so a table lists specific categories before general ones.
 * @example firstMatch('客户说太贵', [{ category: '价格', keywords: ['贵'] }]) // '价格'
 */
export function firstMatch<C extends string>(normalised: string, rules: readonly KeywordRule<C>[]): C | null {
  for (const rule of rules) {
    for (const k of rule.keywords) if (k && normalised.includes(k)) return rule.category;
    if (rule.patterns) for (const p of rule.patterns) if (p.test(normalised)) return rule.category;
  }
  return null;
}
