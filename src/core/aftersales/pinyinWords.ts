/**
 * Pinyin typed instead of characters ('konghao', 'guan ji', 'Wu Ren Jie Ting'): an IME left in Latin mode. Each
 * pinyin word is replaced by the Chinese word it spells BEFORE matching, so the whole family follows (a pinyin word
 * after a denial, '不是konghao', is denied like '不是空号').
 *
 * Whole words only. The text has been through normaliseForMatch, so spaces are gone: 'bao fei le' is 'baofeile'.
 * A run of Latin letters is therefore split into pinyin syllables (bao|fei|le), and a listed word is read only where
 * it starts and ends on a syllable boundary of a run made of pinyin syllables alone. So 'baofeile' reads 报废 + le,
 * 'jiagetaigui' 价格 + 太贵 and 'renzaiwaidi' ren + 在外地, while English ('mangos', 'xguanji': not all syllables)
 * and longer pinyin whose syllables do not line up with the word ('tingjian' is ting|jian, no 'tingji') stay as
 * written.
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
  // Round 6: the price and the car's fate said in pinyin ('jia ge tai gui', 'che mai le', 'che bao fei le').
  ['jiage', '价格'], ['jiaqian', '价钱'], ['maidiaole', '卖掉了'], ['zhuanmai', '转卖'], ['guohu', '过户'], ['ershou', '二手'],
  ['xiulichang', '修理厂'], ['lijiayuan', '离家远'], ['dengbuqi', '等不起'], ['dengbuliao', '等不了'],
  ['renduo', '人多'], ['fuwucha', '服务差'], ['fuwubuhao', '服务不好'], ['buhuasuan', '不划算'],
  // Round 6: call results ('wu ren ying', 'mei ren jie ting', 'bu zai fu wu qu', 'ren zai wai di').
  ['wurenying', '无人应'], ['meirenjieting', '没人接听'], ['buzaifuwuqu', '不在服务区'], ['renzaiwaidi', '人在外地'],
  ['zhengzaimang', '正在忙'],
]);

/** Finals of Mandarin syllables, longest first (ü typed as v). */
const FINALS = 'iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|er|in|un|vn|ui|ia|ie|iu|ua|uo|ue|ve|a|o|e|i|u|v';
/**
 * One pinyin syllable: an optional initial and a final. A little looser than the real table (it accepts 'bue'),
 * which only matters for telling pinyin from English, and an English run also has to hold a listed word on
 * syllable boundaries to change at all.
 */
const SYLLABLE = new RegExp(`^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(${FINALS})$`);
/** The longest syllable ('zhuang', 'chuang', 'shuang'). */
const LONGEST_SYLLABLE = 6;

/**
 * The syllable boundaries of a run of Latin letters (0 and run.length included), fewest syllables first and, on a
 * tie, the longer first syllable ('xian' not 'xi|an'); null when the run is no pinyin. Linear in the run.
 * @example syllableBoundaries('baofeile') // [0, 3, 6, 8]
 * @example syllableBoundaries('mangos') // null
 */
export function syllableBoundaries(run: string): number[] | null {
  const n = run.length;
  // fewest[i]: the fewest syllables spelling run[i..n); next[i]: where the first of them ends.
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  fewest[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(LONGEST_SYLLABLE, n - i); len >= 1; len--) {
      if (fewest[i + len] + 1 < fewest[i] && SYLLABLE.test(run.slice(i, i + len))) {
        fewest[i] = fewest[i + len] + 1;
        next[i] = i + len;
      }
    }
  }
  if (fewest[0] === Infinity) return null;
  const bounds = [0];
  for (let i = 0; i < n; i = next[i]) bounds.push(next[i]);
  return bounds;
}

/** Listed words, longest first, so 'wurenjieting' is read before its head 'wurenjie'. */
const WORDS_LONGEST_FIRST = [...PINYIN_WORDS.keys()].sort((a, b) => b.length - a.length);

/** Reads the listed words of one run of Latin letters, on its syllable boundaries only. */
function readRun(run: string): string {
  const whole = PINYIN_WORDS.get(run);
  if (whole !== undefined) return whole;
  const bounds = syllableBoundaries(run);
  if (bounds === null) return run;
  const isBound = new Set(bounds);
  let out = '';
  let i = 0;
  while (i < run.length) {
    const word = isBound.has(i) ? WORDS_LONGEST_FIRST.find((w) => run.startsWith(w, i) && isBound.has(i + w.length)) : undefined;
    if (word !== undefined) {
      out += PINYIN_WORDS.get(word);
      i += word.length;
    } else {
      out += run[i];
      i++;
    }
  }
  return out;
}

/**
 * Replaces every listed pinyin word, read on syllable boundaries, by its Chinese word (the text is normalised).
 * @example readPinyin('konghao打不了') // '空号打不了'
 * @example readPinyin('baofeile') // '报废le'
 * @example readPinyin('tingjian') // 'tingjian' (ting|jian: no word on the boundaries)
 */
export function readPinyin(normalised: string): string {
  if (!/[a-z]/.test(normalised)) return normalised;
  return normalised.replace(/[a-z]+/g, readRun);
}
