/**
 * Homophone slips a pinyin IME produces: the typist picks the wrong candidate for the right syllables ('kong hao'
 * → 控号 instead of 空号). Each slip is repaired to the word the dictionaries know BEFORE matching, so the whole
 * family follows at once: a repaired word is also caught by the denials ('不是控号' reads as '不是空号').
 *
 * Only slips that are no word of their own in a call log are listed: '空好' (有空好好聊), '据接' (据接听人说), '句接' (一句接一句), '管机' (主管机构),
 * '保费' (insurance premium) and '太原' (a city) are real words and stay as written.
 */

/** Slip → the word meant. Keys and values are normalised (half-width, lower case, no spaces). */
export const IME_SLIPS: ReadonlyMap<string, string> = new Map([
  // 空号 kōng hào
  ['控号', '空号'], ['孔号', '空号'], ['恐号', '空号'],
  // 关机 guān jī
  ['官机', '关机'], ['观机', '关机'], ['关鸡', '关机'],
  // 拒接 jù jiē
  ['巨接', '拒接'], ['具接', '拒接'], ['聚接', '拒接'], ['距接', '拒接'], ['剧接', '拒接'],
  // 拒绝 jù jué
  ['巨绝', '拒绝'], ['具绝', '拒绝'],
  // 停机 tíng jī
  ['停鸡', '停机'], ['亭机', '停机'], ['婷机', '停机'],
  // 欠费 qiàn fèi
  ['欠废', '欠费'], ['欠肺', '欠费'],
  // 挂断 guà duàn
  ['挂段', '挂断'], ['挂短', '挂断'],
  // 占线 zhàn xiàn
  ['站线', '占线'], ['战线', '占线'],
  // 呼转 hū zhuǎn
  ['呼专', '呼转'], ['乎转', '呼转'],
  // 接听 jiē tīng
  ['接停', '接听'], ['街听', '接听'],
  // 报废 bào fèi
  ['报费', '报废'], ['抱废', '报废'], ['包废', '报废'],
  // 里程 lǐ chéng
  ['里成', '里程'], ['历程', '里程'],
  // 修理厂 xiū lǐ chǎng
  ['修理场', '修理厂'], ['汽修场', '汽修厂'],
  // 态度 tài dù
  ['太度', '态度'], ['态毒', '态度'],
]);

/**
 * Repairs every listed slip in a normalised text (one pass per slip; a slip list is short, a text is short).
 * @example repairImeSlips('控号') // '空号'
 * @example repairImeSlips('车已报费了') // '车已报废了'
 */
export function repairImeSlips(normalised: string): string {
  let out = normalised;
  for (const [slip, meant] of IME_SLIPS) if (out.includes(slip)) out = out.split(slip).join(meant);
  return out;
}
