/**
 * Where a lost prospect went (流失去向): the brand or dealer bought instead, as recorded, or a brand named in the
 * defeat-reason text. Known brands (and their best-known models) are folded to one brand name so the lost-prospect
 * summary can count them.
 */
import { cellText, isMissingText } from './cellText';

/** Brand → extra spellings and models that name it. The brand name itself always matches. */
const BRANDS: readonly [string, readonly string[]][] = [
  ['比亚迪', ['BYD', '秦PLUS', '宋PLUS', '汉EV', '元PLUS', '海豚', '海豹', '海鸥', '唐DM']],
  ['吉利', ['几何', '帝豪', '博越', '星越', '星瑞', '银河']],
  ['领克', ['LYNK']],
  ['极氪', ['ZEEKR']],
  ['长安', ['CS75', 'CS55', '逸动', 'UNI-']],
  ['深蓝', []],
  ['阿维塔', []],
  ['哈弗', ['H6', '大狗']],
  ['长城', ['炮']],
  ['坦克', ['坦克300', '坦克500']],
  ['魏牌', ['WEY']],
  ['欧拉', []],
  ['大众', ['VW', '朗逸', '速腾', '迈腾', '帕萨特', '宝来', '途观', '途岳', '探岳', '高尔夫', 'ID.']],
  ['捷达', []],
  ['斯柯达', []],
  ['丰田', ['TOYOTA', '凯美瑞', '卡罗拉', '雷凌', '汉兰达', 'RAV4', '荣放', '亚洲龙', '威兰达', '锋兰达']],
  ['本田', ['HONDA', '思域', '雅阁', '飞度', 'CR-V', 'CRV', '皓影', '缤智', '型格']],
  ['日产', ['NISSAN', '轩逸', '天籁', '奇骏', '逍客']],
  ['别克', ['BUICK', '英朗', '君威', '君越', '昂科威', 'GL8']],
  ['雪佛兰', []],
  ['凯迪拉克', []],
  ['特斯拉', ['TESLA', 'MODEL Y', 'MODEL 3', 'MODELY', 'MODEL3']],
  ['理想', ['LI AUTO']],
  ['蔚来', ['NIO']],
  ['小鹏', ['XPENG']],
  ['问界', ['AITO', '赛力斯']],
  ['智界', []],
  ['零跑', []],
  ['哪吒', []],
  ['小米', ['SU7', 'YU7']],
  ['岚图', []],
  ['腾势', []],
  ['方程豹', []],
  ['奇瑞', ['瑞虎', '艾瑞泽', '星途', '捷途', 'iCAR']],
  ['五菱', ['宏光']],
  ['宝骏', []],
  ['宝马', ['BMW']],
  ['奔驰', ['BENZ', '梅赛德斯']],
  ['奥迪', ['AUDI']],
  ['沃尔沃', ['VOLVO']],
  ['雷克萨斯', ['LEXUS']],
  ['红旗', []],
  ['荣威', []],
  ['名爵', ['MG']],
  ['传祺', ['广汽']],
  ['埃安', ['AION']],
  ['现代', ['HYUNDAI', '伊兰特', '途胜', '索纳塔']],
  ['起亚', ['KIA', 'K3', 'K5', '狮跑', '智跑']],
  ['马自达', ['MAZDA', '昂克赛拉', '阿特兹', 'CX-5']],
  ['福特', ['FORD', '福克斯', '蒙迪欧', '锐际', '探险者']],
  ['标致', ['PEUGEOT']],
  ['雪铁龙', []],
  ['东风', ['风神', '风行', '启辰']],
  ['北汽', ['极狐', '北京汽车']],
  ['江淮', []],
  ['上汽', []],
];

/** Every spelling, longest first, so '坦克300' wins over '坦克' and '一汽大众' resolves to 大众 by its suffix. */
const SPELLINGS: readonly { word: string; brand: string }[] = BRANDS.flatMap(([brand, others]) =>
  [brand, ...others].map((word) => ({ word: word.toUpperCase(), brand })),
).sort((a, b) => b.word.length - a.word.length);

const cache = new Map<string, string>();
const CACHE_LIMIT = 50000;

/**
 * The known brand named in a text, or ''.
 * @example brandIn('已购比亚迪宋PLUS') // '比亚迪'
 * @example brandIn('去买了凯美瑞') // '丰田'
 */
export function brandIn(text: string): string {
  if (!text) return '';
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const upper = text.toUpperCase();
  let found = '';
  for (const s of SPELLINGS) {
    if (upper.includes(s.word)) {
      found = s.brand;
      break;
    }
  }
  if (cache.size < CACHE_LIMIT) cache.set(text, found);
  return found;
}

/**
 * 流失去向 of a lost prospect: the recorded "bought instead" value (folded to a brand when it names one, else kept
 * as written, e.g. a dealer's name), otherwise a brand named in the reason text, otherwise ''.
 * @example readCompetitor('一汽大众', '') // '大众'
 * @example readCompetitor('', '价格比理想贵') // '理想'
 * @example readCompetitor('城东某4S店', '') // '城东某4S店'
 */
export function readCompetitor(boughtInstead: unknown, reasonText: unknown): string {
  const recorded = cellText(boughtInstead);
  if (!isMissingText(recorded)) return brandIn(recorded) || recorded;
  const reason = cellText(reasonText);
  return isMissingText(reason) ? '' : brandIn(reason);
}
