/**
 * Pinyin typed instead of characters ('konghao', 'guan ji', 'Wu Ren Jie Ting'): an IME left in Latin mode. Each
 * pinyin word is replaced by the Chinese word it spells BEFORE matching, so the whole family follows (a pinyin word
 * after a denial, '不是konghao', is denied like '不是空号').
 *
 * Whole words only: the pinyin must not touch another Latin letter on either side of it, so English ('tingjian',
 * 'mangos') and longer pinyin ('jujiexian') stay as written. The text has been through normaliseForMatch: spaces are
 * gone, so 'kong hao' is 'konghao'; a word spelled with spaces therefore reads whole only when the letters around it
 * are not Latin (digits, Chinese and punctuation are fine).
 */

/** Pinyin (lower case, no tones, no spaces) → the word meant. Only words of the call results and reasons. */
export const PINYIN_WORDS: ReadonlyMap<string, string> = new Map([
  // Call results.
  ['konghao', '空号'], ['tingji', '停机'], ['qianfei', '欠费'], ['guanji', '关机'], ['jujie', '拒接'], ['jujue', '拒绝'],
  ['guaduan', '挂断'], ['wurenjieting', '无人接听'], ['wurenjie', '无人接'], ['meirenjie', '没人接'],
  ['wufajietong', '无法接通'], ['dabutong', '打不通'], ['jiebutong', '接不通'], ['zhanxian', '占线'], ['huzhuan', '呼转'],
  ['cuohao', '错号'], ['dacuole', '打错了'], ['yijietong', '已接通'], ['jietong', '接通'], ['zaiwaidi', '在外地'],
  ['chuchai', '出差'], ['zaimang', '在忙'], ['kaihui', '开会'],
  // Reasons.
  ['baofei', '报废'], ['maile', '卖了'], ['maidiao', '卖掉'], ['taigui', '太贵'], ['taiyuanle', '太远了'],
  ['pengyou', '朋友'], ['qinqi', '亲戚'], ['waidi', '外地'], ['lichengshao', '里程少'], ['kaidesha', '开得少'],
  ['dengtaijiu', '等太久'], ['paidui', '排队'], ['taidubuhao', '态度不好'], ['taiducha', '态度差'],
]);

/** Longest first, so 'wurenjieting' is read before its head 'wurenjie'. */
const ALTERNATION = [...PINYIN_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
/** Global on purpose: only used with String.replace, which resets lastIndex. */
const WHOLE_WORD = new RegExp(`(?<![a-z])(${ALTERNATION})(?![a-z])`, 'g');

/**
 * Replaces every whole pinyin word of the list by its Chinese word (the text is already normalised).
 * @example readPinyin('konghao打不了') // '空号打不了'
 * @example readPinyin('tingjian') // 'tingjian' (not a whole word)
 */
export function readPinyin(normalised: string): string {
  if (!/[a-z]/.test(normalised)) return normalised;
  return normalised.replace(WHOLE_WORD, (word) => PINYIN_WORDS.get(word) ?? word);
}
