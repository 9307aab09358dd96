/**
 * Round 6's word families (src/core/aftersales/pinyinWords.ts syllables, traditional.ts, contactResult.ts,
 * reasons.ts, destination.ts), found on vocabulary F's misses and generalised: no phrasing below is one of F's, and
 * each family comes with the look-alikes it must leave alone.
 */
import fc from 'fast-check';
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';
import { readPinyin, syllableBoundaries } from '../../../src/core/aftersales/pinyinWords';
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';

const contact = new ContactResultClassifier();
const reasons = new ReasonClassifier();

describe('pinyin split into syllables (round 6)', () => {
  it('finds the syllable boundaries of a pinyin run, and none in English', () => {
    const cases: [run: string, want: number[] | null][] = [
      ['baofeile', [0, 3, 6, 8]],
      ['kehuguanjile', [0, 2, 4, 8, 10, 12]],
      ['xian', [0, 4]],
      ['tingjian', [0, 4, 8]],
      ['mangos', null],
      ['poweroff', null],
      ['xguanji', null],
    ];
    for (const [run, want] of cases) expect({ run, got: syllableBoundaries(run) }).toEqual({ run, got: want });
  });

  it('reads words on syllable boundaries only', () => {
    const cases: [text: string, want: string][] = [
      ['chezibaofeile', 'chezi报废le'],
      ['tashuojiaqiantaigui', 'tashuo价钱太贵'],
      ['yijingtingjile', 'yijing停机le'],
      ['tingjian', 'tingjian'],
      ['xguanji', 'xguanji'],
      ['poweroff', 'poweroff'],
    ];
    for (const [text, want] of cases) expect({ text, got: readPinyin(text) }).toEqual({ text, got: want });
  });

  const results: [text: string, want: string][] = [
    ['ke hu guan ji le', '关机'],
    ['yi jing ting ji le', '停机'],
    ['hao ma shi kong hao', '空号'],
    ['Wu Ren Jie Ting le', '无人接听'],
    ['ta ren zai wai di', '人在外地'],
    ['bu zai fu wu qu', '无法接通'],
    // Look-alikes: syllables that do not line up with a word, English.
    ['tingjian', '其他'],
    ['power on ok', '成功'],
  ];
  it.each(results)('call result %s → %s', (text, want) => {
    expect(contact.classify(text, '')).toBe(want);
  });

  const reasonCases: [text: string, want: string][] = [
    ['ta shuo jia qian tai gui', '价格'],
    ['che zi bao fei le', '车辆报废'],
    ['che yi jing mai diao le', '车辆转卖'],
    ['pai dui deng tai jiu', '等待'],
    ['peng you kai xiu li chang', '亲友修理厂'],
    ['ke hu zai wai di', '外地用车'],
    // Look-alikes: 'jiage' alone names no complaint; English stays English.
    ['jia ge hai xing', '其他'],
    ['mangos', '其他'],
  ];
  it.each(reasonCases)('reason %s → %s', (text, want) => {
    expect(reasons.classify(text)).toBe(want);
  });

  it('spaces between syllables never change the reading of a pinyin text', () => {
    fc.assert(
      fc.property(fc.constantFrom('bao fei le', 'che mai le', 'guan ji le', 'wu ren jie ting', 'jia ge tai gui', 'kong hao'), (spaced) => {
        const joined = spaced.replace(/ /g, '');
        expect(contact.classify(spaced, '')).toBe(contact.classify(joined, ''));
        expect(reasons.classify(spaced)).toBe(reasons.classify(joined));
      }),
    );
  });
});

