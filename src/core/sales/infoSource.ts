/**
 * Information source (信息来源) of a register row, normalised to the seed form's eight classes:
 * 网络, 电视, 报纸杂志, 广播, 展会, 亲友, 路过, 其他 — from whatever the receptionist typed.
 */
import { cellText, isMissingText } from './cellText';

export const INFO_SOURCES = ['网络', '电视', '报纸杂志', '广播', '展会', '亲友', '路过', '其他'] as const;
export type InfoSource = (typeof INFO_SOURCES)[number];

/**
 * Keywords per class, tried in this order (first match wins). Order matters where words overlap:
 * '交通广播' before '电视' checks nothing shared, but '网络电视' is counted as 电视 only if 网络 words are absent,
 * and referrals ('朋友在抖音上推荐') are a referral first.
 */
const KEYWORDS: readonly [InfoSource, readonly string[]][] = [
  ['亲友', ['亲友', '朋友', '亲戚', '熟人', '老客户', '老客', '买过', '老车主', '增购', '再购', '同事', '同学', '家人', '邻居', '转介绍', '介绍', '老乡', '车主推荐']],
  ['展会', ['展会', '车展', '巡展', '展销', '外展', '博览会', '车博会', '团购会', '展览']],
  ['路过', ['路过', '顺路', '经过', '路上', '过路', '路经', '自然进店', '自行进店', '逛', '附近']],
  ['广播', ['广播', '电台', '交通台', '音乐台', 'fm', 'FM', '调频']],
  ['电视', ['电视', '央视', 'cctv', 'CCTV', '卫视', '电视台', 'tv', 'TV']],
  ['报纸杂志', ['报纸', '杂志', '晚报', '日报', '早报', '商报', '都市报', '报刊', '期刊', '报']],
  [
    '网络',
    [
      '网络', '网上', '网站', '互联网', '上网', '官网', '汽车之家', '之家', '懂车帝', '易车', '太平洋汽车', '爱卡', '车质网',
      '抖音', '快手', '小红书', '微信', '公众号', '朋友圈', '视频号', '微博', 'b站', 'B站', '哔哩', '百度', 'app', 'APP',
      'App', '线上', '400', '天猫', '京东', '网', '直播', '今日头条', '头条', '搜索',
      // Spoken forms: '刷短视频看到', '自己搜的', '小程序上预约'.
      '短视频', '视频', '搜', '小程序', '点评',
    ],
  ],
];

/**
 * The source class; '' when blank. Unmatched text is '其他' (the typed text stays in the sheet).
 * @example readInfoSource('汽车之家') // '网络'
 * @example readInfoSource('老客户介绍') // '亲友'
 * @example readInfoSource('看到传单') // '其他'
 */
export function readInfoSource(value: unknown): InfoSource | '' {
  const text = cellText(value);
  if (isMissingText(text)) return '';
  for (const cls of INFO_SOURCES) if (text === cls) return cls;
  // '朋友圈' is WeChat Moments (网络), not a friend: it must not count as a referral word.
  const referralText = text.includes('朋友圈') ? text.replace(/朋友圈/g, '') : text;
  for (const [cls, words] of KEYWORDS) {
    const t = cls === '亲友' ? referralText : text;
    for (const w of words) if (t.includes(w)) return cls;
  }
  return '其他';
}
