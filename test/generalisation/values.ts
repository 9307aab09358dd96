/** Realistic cell values of dealer sheets, as Excel's Range.values returns them. */
import type { Rng } from './rng';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const WMI = ['LSV', 'LFV', 'LGB', 'LVS', 'LHG', 'LDC', 'LBV', 'LSG', 'LGW', 'LVG', 'LVV', 'LNB'];
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXY';
const DIGITS = '0123456789';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞建国志斌亮宇浩然凯欣怡子轩梓涵一诺';
export const MODELS = ['朗逸', '速腾', '迈腾', '帕萨特', '途观L', '卡罗拉', '凯美瑞', '雅阁', '思域', 'CR-V', '轩逸', '天籁', '哈弗H6', '瑞虎8', '艾瑞泽5', '星越L', '宋PLUS', '汉EV', 'Model Y', '途岳', 'RAV4荣放', '奇骏'];
const REGIONS = ['西安', '咸阳', '宝鸡', '渭南', '延安', '汉中', '安康', '铜川', '杨凌', '新城区', '碑林区', '雁塔区', '未央区', '长安区', '外地', '甘肃', '山西', '四川'];
const STREETS = ['人民路', '建设路', '解放路', '长安南路', '未央路', '科技路', '太白路', '凤城八路'];

export function vin(r: Rng): string {
  let s = r.pick(WMI);
  for (let i = 0; i < 14; i++) s += VIN_CHARS[r.int(0, VIN_CHARS.length - 1)];
  return s;
}

export function plate(r: Rng): string {
  const p = PROVINCES[r.int(0, PROVINCES.length - 1)] + LETTERS[r.int(0, LETTERS.length - 1)];
  if (r.chance(0.15)) {
    // new-energy plate: 8 characters
    let s = r.pick(['D', 'F']);
    for (let i = 0; i < 5; i++) s += DIGITS[r.int(0, 9)];
    return p + s;
  }
  let s = '';
  for (let i = 0; i < 5; i++) s += r.chance(0.25) ? LETTERS[r.int(0, LETTERS.length - 1)] : DIGITS[r.int(0, 9)];
  return r.chance(0.1) ? `${p}·${s}` : p + s;
}

export function phoneDigits(r: Rng): string {
  let s = '1' + r.pick(['3', '5', '7', '8', '9']) + r.int(0, 9);
  for (let i = 0; i < 8; i++) s += r.int(0, 9);
  return s;
}

/** Phone as number or text with spaces, dashes or +86 (style fixed per column, with stray variants). */
export function phoneCell(r: Rng, style: number): string | number {
  const d = phoneDigits(r);
  const st = r.chance(0.1) ? r.int(0, 4) : style;
  switch (st) {
    case 0: return Number(d);
    case 1: return d;
    case 2: return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
    case 3: return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
    default: return `+86 ${d}`;
  }
}

export function personName(r: Rng): string {
  const n = r.chance(0.6) ? 2 : 1;
  let s = SURNAMES[r.int(0, SURNAMES.length - 1)];
  for (let i = 0; i < n; i++) s += GIVEN[r.int(0, GIVEN.length - 1)];
  return s;
}

export const region = (r: Rng): string => r.pick(REGIONS);
export const address = (r: Rng): string => `${r.pick(REGIONS)}${r.pick(STREETS)}${r.int(1, 999)}号`;
export const model = (r: Rng): string => r.pick(MODELS);

export interface Ymd { y: number; m: number; d: number }

/** Excel serial of a date (1900 system). */
export function serial(x: Ymd): number {
  return Math.round((Date.UTC(x.y, x.m - 1, x.d) - Date.UTC(1899, 11, 30)) / 86400000);
}

export function randomDate(r: Rng, from: Ymd, to: Ymd): Ymd {
  const a = serial(from);
  const b = serial(to);
  const s = r.int(a, b);
  const t = new Date(Date.UTC(1899, 11, 30) + s * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** Date cell in one of several formats (style fixed per column, some rows stray). */
export function dateCell(r: Rng, x: Ymd, style: number): string | number {
  const st = r.chance(0.08) ? r.int(0, 6) : style;
  switch (st) {
    case 0: return serial(x);
    case 1: return `${x.y}/${x.m}/${x.d}`;
    case 2: return `${x.y}年${x.m}月${x.d}日`;
    case 3: return `${x.y}-${p2(x.m)}-${p2(x.d)}`;
    case 4: return `${x.y}.${p2(x.m)}.${p2(x.d)}`;
    case 5: return `${x.y}${p2(x.m)}${p2(x.d)}`;
    default: return serial(x) + r.int(8, 18) / 24; // a date-time
  }
}

export function mileageCell(r: Rng, style: number): string | number {
  const km = r.int(300, 180000);
  const st = r.chance(0.1) ? r.int(0, 4) : style;
  switch (st) {
    case 0: return km;
    case 1: return km.toLocaleString('en-US');
    case 2: return `${km}km`;
    case 3: return `${(km / 10000).toFixed(1)}万`;
    default: return `${km}公里`;
  }
}

export const MISSING = ['', '—', '-', '/', '无', '不详'];

export const CALL_RESULTS = ['接通', '成功', '已接通', '空号', '停机', '号码有误', '非本人', '关机', '无法接通', '无人接听', '拒接', '挂断', '呼转', '忙', '有事', '人在外地', '其他'];
export const CHURN_REASONS = ['价格太贵', '工时费高', '配件贵', '修不好', '技术差', '等待时间长', '车多排队', '服务态度差', '离得太远', '距离远', '朋友开修理厂', '亲戚修车', '车已卖', '车辆转卖', '开得少', '里程少', '车在外地', '过路车', '车辆报废', '暂时不需要'];
export const DESTINATIONS = ['修理厂', '路边店', '其他4S店', '其他服务站', '途虎', '快修连锁', '不详'];
export const YES_NO = ['是', '否', '√', '', 'Y', 'N'];
export const SOURCES = ['网络', '电视', '报纸杂志', '广播', '展会', '亲友', '路过', '其他', '汽车之家', '懂车帝'];
export const LEVELS = ['H', 'A', 'B', 'C', 'N', 'O', 'F', 'h级', 'A类', 'B级客户', 'C级', '7天内', '一个月内', '三个月内', '已订车', '战败'];
export const CLOSURES = ['成交', '订车', '交定金', '战败', '跟进中', '未成交', ''];
export const PROCESSES = ['试驾后报价', '询问价格', '看车', '报价后离开', '试乘试驾', '咨询优惠', '看配置', '交定金'];
export const METHODS = ['电话', '微信', '到店', '短信', '上门'];
export const FOLLOW_RESULTS = ['有意向,再联系', '考虑中', '已到店看车', '价格谈不拢', '已订车', '已购他牌', '暂缓购买', '未接通'];
export const DEFEAT = ['价格太高', '优惠少', '买了别的品牌', '没有现车', '颜色没有', '交车太慢', '顾问态度差', '贷款没批', '首付不够', '暂时不买'];
export const BRANDS = ['大众', '丰田', '本田', '日产', '比亚迪', '吉利', '长安', '哈弗', '特斯拉', '别克'];
export const COLORS = ['白', '黑', '银灰', '红', '蓝', '珍珠白'];
export const MEMBER = ['普通会员', '银卡', '金卡', '钻石卡', ''];
export const DEALERS = ['西安华通', '咸阳恒信', '宝鸡永达', '渭南广汇', '北京亚之杰', '上海永达', '广州广物', '成都建国', '杭州元通'];

export function idCard(r: Rng): string {
  let s = String(r.int(110000, 659000));
  s += String(r.int(1960, 2002)) + p2(r.int(1, 12)) + p2(r.int(1, 28));
  for (let i = 0; i < 3; i++) s += r.int(0, 9);
  return s + (r.chance(0.1) ? 'X' : String(r.int(0, 9)));
}

/** Arrival(-leave) time of a register row. */
export function timeCell(r: Rng, style: number): string | number {
  const h = r.int(8, 19);
  const m = r.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]);
  const h2 = Math.min(h + r.int(0, 2), 21);
  const m2 = r.pick([0, 10, 15, 30, 45]);
  const st = r.chance(0.1) ? r.int(0, 4) : style;
  switch (st) {
    case 0: return `${h}:${p2(m)}-${h2}:${p2(m2)}`;
    case 1: return `${h}:${p2(m)}`;
    case 2: return m === 30 ? `${h}点半` : `${h}点${m === 0 ? '' : m}`;
    case 3: return (h * 60 + m) / 1440; // Excel time fraction
    default: return `${p2(h)}:${p2(m)}-${p2(h2)}:${p2(m2)}`;
  }
}
