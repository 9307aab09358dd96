/**
 * What personal values LOOK like, whatever their column is called (DOMAIN.md: a column is recognised by what its
 * header means and by what its cells hold). The share-safe copy uses these shapes to find personal columns whose
 * header it does not know (送修人, 宅电, 通讯处 …), columns without a header row at all, and names written beside
 * a phone number in one cell (客户信息: "张伟 138 1234 5678"). Pure functions over cell values.
 */
import type { ShareKind } from './maskWorkbook';

/** The commonest Chinese surnames (together about 85% of the population), and compound ones. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '南宫']);
/** Last characters of places, organisations and categories, never of a person's given name. */
const NOT_A_NAME_END = /[省市区县镇乡村路街道巷号楼栋室店厂司部组科队院校会馆站场园所局处行社团类型期级率数额量表单]$/;
/** Words a name-shaped cell may hold that are no one's name. */
const NOT_A_NAME = /^(合计|总计|小计|共计|未知|其他|其它|暂无|不详|先生|女士|本人|家人|客户|顾客|车主|用户|会员|王牌|金牌|高端|高级|黄金|白金|钻石|常规|方便|安全|成功|平安|明天|明年|和平|周末|周一|周二|周三|周四|周五|周六|周日|周年)$/;

/**
 * A Chinese personal name: a common surname and one or two given characters (three with a compound surname),
 * optionally followed by 先生/女士/小姐.
 * @example isPersonName('王小明') // true
 * @example isPersonName('洪山区') // false
 */
export function isPersonName(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const titled = /(先生|女士|小姐)$/.test(value.trim());
  const s = value.trim().replace(/(先生|女士|小姐)$/, '');
  // 张先生: a surname with a title is a person too.
  if (titled && SURNAMES.has(s)) return true;
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s) || NOT_A_NAME.test(s) || NOT_A_NAME_END.test(s)) return false;
  const chars = [...s];
  if (COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) return chars.length >= 3;
  return chars.length <= 3 && SURNAMES.has(chars[0]);
}

/** The digits of a phone-like value, +86 / 0086 removed; '' when it holds anything but digits and separators. */
function phoneDigits(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value).replace(/^(0086|86)(?=1[3-9]\d{9}$)/, '') : '';
  if (typeof value !== 'string') return '';
  const s = value.trim();
  if (!/^[\d\s().+\-–转/xX*#]+$/.test(s) || /\*/.test(s)) return '';
  // A date written as text (2026-10-31, 2026/1/5, 20261031) is no phone.
  if (/^(19|20)\d{2}([-/.])\d{1,2}\2\d{1,2}$/.test(s) || /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(s)) return '';
  return s.replace(/[转xX#].*$/, '').replace(/\D/g, '').replace(/^(0086|86)(?=[1-9]\d{8,10}$)/, '');
}

/**
 * A mobile (11 digits from 13-19) or a landline (with its area code, or 7-8 digits alone), in any separators.
 * @example isPhoneValue('+86 138-1234-5678') // true
 * @example isPhoneValue('(0710) 345 6789') // true
 */
export function isPhoneValue(value: unknown): boolean {
  const d = phoneDigits(value);
  return /^1[3-9]\d{9}$/.test(d) || /^0[1-9]\d{8,10}$/.test(d) || /^[1-9]\d{8,9}$/.test(d) || /^[2-8]\d{6,7}$/.test(d);
}

/**
 * A mainland ID number: 18 characters (the last may be X) or the old 15 digits, with a birth date where one belongs;
 * spaces between the groups allowed.
 * @example isIdNumber('420106 19850312 123X') // true
 */
export function isIdNumber(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim().replace(/\s/g, '');
  return /^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/.test(s) || /^\d{6}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}$/.test(s);
}

/**
 * A VIN: 17 characters of the VIN alphabet (no I, O, Q), letters and digits, in any case.
 * @example isVinValue('lsvab2bm5jn123456') // true
 */
export function isVinValue(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim();
  return /^[A-HJ-NPR-Z0-9]{17}$/i.test(s) && /\d/.test(s) && /[A-Z]/i.test(s);
}

/** A road, street or village with a house number: the part of an address that finds a home. */
export const ADDRESS_SPAN = /[\u4e00-\u9fff]{0,12}(?:路|街|大道|大街|巷|弄|胡同|村|镇|乡|小区|花园|公寓|苑|里)[\u4e00-\u9fff]{0,6}?\d+(?:号|弄|栋|幢|单元|室|楼|组)(?:[\d一二三四五六七八九十A-Za-z-]+(?:号|栋|幢|单元|室|楼|层|座))*/g;

/**
 * A postal address: a house number on a road, street or village, or a province/city/district followed by more.
 * @example isAddress('湖北省武汉市洪山区珞喻路128号') // true
 * @example isAddress('洪山区') // false
 */
export function isAddress(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim();
  if (s.length < 6) return false;
  ADDRESS_SPAN.lastIndex = 0;
  return ADDRESS_SPAN.test(s) || /^[\u4e00-\u9fff]{2,}(省|自治区)[\u4e00-\u9fff]{2,}(市|州|盟)[\u4e00-\u9fff]{2,}/.test(s);
}

/** The shape tests by kind (names, phones, VINs, ID numbers, addresses; plates are found by pattern). */
export const SHAPES: readonly { kind: ShareKind; test: (v: unknown) => boolean }[] = [
  { kind: 'idNumber', test: isIdNumber },
  { kind: 'vin', test: isVinValue },
  { kind: 'phone', test: isPhoneValue },
  { kind: 'address', test: isAddress },
  { kind: 'name', test: isPersonName },
];

/** A column is of a kind when at least this share of its non-blank cells have the kind's shape … */
const MIN_SHARE = 0.6;
/** … and at least this many do. */
const MIN_CELLS = 3;

/**
 * The personal kind a column's cells hold, whatever its header, or null. Names must also be mostly distinct (a
 * column of staff or of regions repeats a few values; customers' names do not).
 * @example kindByContent(['送修人', '王小明', '李娜', '赵四海']) // 'name'
 */
export function kindByContent(values: readonly unknown[]): ShareKind | null {
  const filled = values.filter((v) => v !== '' && v !== null && v !== undefined && typeof v !== 'boolean');
  if (filled.length < MIN_CELLS) return null;
  for (const { kind, test } of SHAPES) {
    const hits = filled.filter(test);
    if (hits.length < MIN_CELLS || hits.length < filled.length * MIN_SHARE) continue;
    if (kind === 'name' && new Set(hits.map((v) => String(v).trim())).size < hits.length * 0.6) continue;
    // Numbers as phones only when they are long enough to be one (not counts, mileages or serial dates).
    if (kind === 'phone' && hits.filter((v) => typeof v === 'number').length > hits.length / 2 && !hits.every((v) => typeof v !== 'number' || v >= 1e9)) continue;
    return kind;
  }
  return null;
}

/** Separators between the fields of a combined cell ("张伟 / 138…", "张伟(138…)", "姓名:张伟;电话:…"). */
const FIELD_SPLIT = /[\s/|,,;;::、()()[\]【】<>《》]+/;

/**
 * Name-shaped fields of a cell that also holds a phone number or an ID number: a combined 客户信息 cell. Labels
 * (姓名, 电话 …) are never taken for names.
 * @example namesBesidePhones('张伟 13812345678', (w) => w === '姓名') // ['张伟']
 */
export function namesBesidePhones(text: string, isLabel: (word: string) => boolean): string[] {
  return text
    .split(FIELD_SPLIT)
    .map((w) => w.trim())
    .filter((w) => w && isPersonName(w) && !isLabel(w));
}
