/**
 * Verb-object words split by the aspect particle 了: '停了机' is 停机, '关了机' 关机, '销了号' 销号, '报了废' 报废,
 * '卖了车' 卖车, '过了户' 过户. Chinese puts 了 between the verb and its object; a keyword list spells the word whole.
 * So a 了 standing between the two characters of a known two-character keyword is dropped before matching. Only the
 * dictionaries' own two-character keywords are joined, so '开了车' (no keyword 开车) and '停了车库' (no keyword 停车)
 * stay as written. A keyword starting with a negation is never joined: after 不 / 没 the 了 is a complement
 * ('等不了开车去' is no '不开'). 过 is no such particle here: '不过开车…' is "but", never '不开'.
 */

/** The particle that may split a verb from its object. */
const PARTICLE = '了';
/** First characters of keywords that are never split ('不开', '没接', '未接', '无法'). */
const NEGATIONS = new Set(['不', '没', '未', '无', '非', '别']);

/**
 * The two-character keywords a text may split: those of `keywordLists`, less the ones whose split form reads
 * otherwise ('出了手续' is paperwork, not 出手 a car).
 * @example splittableWords([['停机', '无人接听']]) // Set { '停机' }
 */
export function splittableWords(keywordLists: readonly (readonly string[])[], except: readonly string[] = []): ReadonlySet<string> {
  const skip = new Set(except);
  const words = new Set<string>();
  for (const list of keywordLists) {
    for (const k of list) {
      const chars = [...k];
      if (chars.length === 2 && !skip.has(k) && !NEGATIONS.has(chars[0]) && chars[1] !== PARTICLE) words.add(k);
    }
  }
  return words;
}

/**
 * Drops a 了 between the two characters of one of `words`; linear in the text.
 * @example joinSplitWords('客户手机停了机', new Set(['停机'])) // '客户手机停机'
 * @example joinSplitWords('开了车', new Set(['停机'])) // '开了车'
 */
export function joinSplitWords(normalised: string, words: ReadonlySet<string>): string {
  if (!normalised.includes(PARTICLE)) return normalised;
  const chars = [...normalised];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && i + 1 < chars.length && chars[i] === PARTICLE && words.has(chars[i - 1] + chars[i + 1])) continue;
    out += chars[i];
  }
  return out;
}
