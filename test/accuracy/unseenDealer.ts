/**
 * An INDEPENDENT generator of after-sales workbooks "exported by another DMS" (issue 2's acceptance check), with the
 * true classification of every vehicle computed here from DOMAIN.md's rules. Nothing from src/ is imported: header
 * wordings, date/mileage/phone forms, call results and free-text reasons are this file's own, phrased as a
 * call-centre agent would type them, so the harness measures the product on text it has never seen.
 *
 * The workbook: a customer base (merged title row, blank row, header, data with duplicates and blanks, a 合计 row)
 * and a call log (several calls per vehicle in random order, keyed by VIN, plate or phone).
 */

/** A cell as written: number, text, a real date, or '' for an empty cell. */
import { HELD_OUT_E_REASON_PHRASES, HELD_OUT_E_RESULT_PHRASES } from './vocabularyE';
import { HELD_OUT_F_REASON_PHRASES, HELD_OUT_F_RESULT_PHRASES } from './vocabularyF';
import { HELD_OUT_G_REASON_PHRASES, HELD_OUT_G_RESULT_PHRASES } from './vocabularyG';

export type Cell = string | number | Date;

export interface SheetOut {
  name: string;
  rows: Cell[][];
  /** Header row index (0-based) and data row range, so the harness can find the rows again. */
  headerRow: number;
  /** Wrap the header+data in an Excel table. */
  asTable: boolean;
}

export interface Truth {
  months: number | '';
  status: string;
  ageYears: number | '';
  ageBucket: string;
  warranty: string;
  locality: string;
  lastResult: string;
  /** The latest call's result as written (for the printed diagnosis only). */
  lastResultText: string;
  reasonText: string;
  reasonCategory: string;
  reasonClass: string;
  destination: string;
  priority: string;
  action: string;
}

export interface UnseenAfterSales {
  sheets: SheetOut[];
  /** Customer sheet name and, per data row (0-based index in rows), the vehicle id; -1 for non-vehicle rows. */
  customerSheet: string;
  vehicleOfRow: Map<number, number>;
  truth: Truth[];
  localRegions: string[];
  asOf: { y: number; m: number; d: number };
}

// ---------- small deterministic PRNG ----------
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- dates (own implementation: days since 1899-12-30) ----------
const DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);
export function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
}
function ymd(s: number): { y: number; m: number; d: number } {
  const dt = new Date(EPOCH + s * DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
/** DOMAIN.md's whole calendar months. */
function monthsBetween(a: number, b: number): number {
  const x = ymd(a);
  const y = ymd(b);
  return (y.y - x.y) * 12 + (y.m - x.m) - (y.d < x.d ? 1 : 0);
}
const pad = (n: number) => String(n).padStart(2, '0');

// ---------- vocabularies (this file's own) ----------
type Pick = <T>(xs: readonly T[]) => T;

const CUSTOMER_HEADERS: Record<string, readonly string[]> = {
  name: ['车主姓名', '客户名称', 'Owner'],
  phone: ['移动电话', '联系方式', 'Mobile'],
  plate: ['车牌号码', '牌照'],
  vin: ['车辆识别码', 'VIN号', '车架号码'],
  model: ['品牌车型', '车系名称'],
  purchase: ['开票日期', '销售日期', '交车日期', 'Delivery Date'],
  lastVisit: ['最后进厂日期', '末次维修日期', '最近到店日期', 'Last RO Date'],
  mileage: ['累计里程', '表显里程(公里)', 'Odometer'],
  region: ['所属区域', '客户地址', '城市'],
  advisor: ['服务专员', 'SA'],
};
const CALL_HEADERS: Record<string, readonly string[]> = {
  date: ['回访时间', '联系日期'],
  vin: ['车辆识别码', 'VIN号', '车架号码'],
  plate: ['车牌号码', '牌照'],
  phone: ['移动电话', '联系方式'],
  result: ['回访结果', '接通情况', '通话状态'],
  reason: ['客户反馈', '未回厂原因', '流失原因说明'],
  destination: ['去向', '现维修地点'],
  invited: ['是否预约', '邀约结果'],
  returned: ['回厂日期', '实际到店日期'],
  caller: ['回访人', '坐席'],
};
const EXTRA_HEADERS = ['备注', '保险到期日', '发动机号'];

export const RESULT_PHRASES: Record<string, readonly string[]> = {
  成功: ['客户接了,聊了几分钟', '通话正常', '已沟通', '客户本人接的', '接了电话', '联系到车主本人', '有人接,是车主', '顺利沟通', '已跟客户沟通', '客户接听并回复', '打通了', '和客户聊过了', '电话里说了情况', '车主接的电话', '沟通完毕'],
  空号: ['号码是空号', '提示空号', '您拨打的号码不存在', '系统提示号码不存在', '是个空号', '号码已不存在', '拨过去说是空号', '号码注销了', '该号码已销号', '销号了', '号码已作废', '提示号码无效', '无效号码', '拨打提示为空号', '空号!'],
  停机: ['已停机', '提示停机', '号码停机了', '手机欠费停机', '欠费', '停机状态', '号码已暂停使用', '提示该号码已停止服务', '手机停了', '停号了', '号码停用', '已停用', '停机保号', '电话欠费了', '停止服务'],
  号码有误: ['号码不对', '接电话的人说不是车主', '对方说打错了', '对方说不是他的车', '对方不认识车主', '号码错了', '登记的号码有误', '接听的是别人', '对方说不是本人', '对方称没买过这车', '号码登记错了', '不是这个人', '非机主本人', '接电话的是个小孩,说不认识', '电话是别人的'],
  关机: ['关机', '手机关机', '一直关机', '提示已关机', '对方关机', '连续三天关机', '打了两次都关机', '电话关机中', '关机状态', '已关机', '客户关机', '手机关了', '下午打是关机', '晚上再打还是关机', '机主已关机'],
  无法接通: ['无法接通', '电话打不通', '提示暂时无法接通', '接不通', '不在服务区', '信号不好打不进去', '拨不通', '呼叫失败', '电话无法接通', '提示无法接通请稍后再拨', '网络忙无法接通', '打过去没声音', '拨号后直接断线', '没信号', '电话不通'],
  无人接听: ['电话一直没人接', '响了没人接', '无人接听', '打了三次都没接', '没有接听', '一直响铃无人应答', '未接听', '客户没接', '连打两遍没人接', '无人应答', '没人听电话', '响铃无人接', '没接电话', '电话响了很久没人接', '一直没人听'],
  拒接: ['客户直接挂了', '被挂断', '拒接', '客户不愿意说,挂了', '一听是4S店就挂', '客户拒绝沟通', '说不需要,挂电话了', '客户很反感,让别打了', '不让再打电话', '拒听', '按掉了', '被按掉', '一接就挂', '客户表示不想接受回访', '拒绝回访'],
  呼转: ['呼叫转移', '被呼转到秘书台', '转到语音信箱', '电话设置了呼转', '已呼转', '转接到小秘书', '提示来电提醒', '转移到另一个号码', '呼转了', '转语音留言', '语音信箱', '进了语音信箱', '被转接', '秘书台', '转到秘书服务'],
  '忙/有事': ['客户说在忙', '正在开会,稍后再打', '客户在开车不方便', '说有事晚点联系', '客户很忙', '在忙,改天再说', '客户说现在不方便', '正在上班没空', '客户在吃饭,晚点打', '没空,回头再说', '客户说忙着呢', '在开会', '开车中', '说现在没时间', '客户说等会回电'],
  人在外地: ['人在外地', '客户出差了', '在外地出差', '回老家了', '人不在本地', '在外省', '在国外', '客户在外面旅游', '出差一个月', '人在广州', '客户在外地打工', '过年回老家还没回来', '人在北京', '在外地回不来', '长期在外'],
};

interface ReasonPhrase {
  text: string;
  /** Where the text says the customer went, if it says so. */
  dest?: string;
}
const r = (text: string, dest?: string): ReasonPhrase => ({ text, dest });
export const REASON_PHRASES: Record<string, readonly ReasonPhrase[]> = {
  价格: [r('客户说4S店保养太贵了,在外面做'), r('嫌保养费用高'), r('说你们收费太黑'), r('价格贵'), r('工时费太贵'), r('换个机油要好几百,不划算'), r('觉得4S店太坑钱'), r('外面便宜一半'), r('配件价格比外面高很多'), r('说太贵了'), r('收费不合理'), r('保养套餐价格太高'), r('嫌贵'), r('舍不得花那么多钱'), r('外面做便宜')],
  技术: [r('上次修完还有异响,不信任'), r('修了几次都没修好'), r('技师水平不行'), r('故障一直没排除'), r('修完又坏了'), r('对维修技术不放心'), r('修车修坏了'), r('问题没解决'), r('换件后还是有问题'), r('空调修了还是不冷'), r('上次保养后漏油'), r('维修质量不好'), r('技术不过关'), r('返工好几次'), r('钣金喷漆有色差')],
  等待: [r('等了一下午才修好'), r('排队太久'), r('每次去都要等很久'), r('车太多等不起'), r('保养要等大半天'), r('预约了还要等'), r('工位太少要排号'), r('效率太低'), r('修个车耽误一天'), r('等配件等了半个月'), r('取车时间一拖再拖'), r('等待时间太长'), r('人太多'), r('做个保养要三四个小时'), r('等了好几个小时')],
  服务: [r('前台爱答不理'), r('服务顾问态度不好'), r('接待很冷淡'), r('对服务不满意'), r('顾问说话很冲'), r('去了没人招呼'), r('服务员态度恶劣'), r('投诉过没人处理'), r('接待员不耐烦'), r('感觉不被重视'), r('服务太差'), r('洗车都不给洗干净'), r('售后服务差'), r('答应的事没兑现'), r('顾问老是推销项目')],
  距离: [r('客户嫌远,在家附近修理厂做', '修理厂'), r('离店太远'), r('开过去要一个小时'), r('路程远不方便'), r('家附近有维修点'), r('距离太远'), r('跑一趟太远'), r('太远了懒得跑'), r('就在家门口保养'), r('住得远'), r('店的位置太偏'), r('交通不方便'), r('过去要过江,太远'), r('离单位远'), r('来回太折腾')],
  亲友修理厂: [r('朋友自己开店', '修理厂'), r('亲戚开了个修理厂', '修理厂'), r('表哥开汽修店', '修理厂'), r('同学在修车'), r('朋友在修理厂上班', '修理厂'), r('老乡开的店'), r('自己家里有人修车'), r('亲戚是修车的'), r('找熟人修'), r('朋友帮忙修'), r('小舅子开修理厂', '修理厂'), r('哥们开的汽修', '修理厂'), r('有个兄弟开修理店', '修理厂'), r('在朋友的店里做'), r('战友开的修理厂', '修理厂')],
  车辆转卖: [r('车已经卖给别人了'), r('车卖了'), r('车子转手了'), r('旧车处理了换了新车'), r('车辆已过户'), r('卖二手车了'), r('车转给朋友了'), r('车不在他名下了'), r('已经不开这车了,卖了'), r('车早就出手了'), r('车已经转让'), r('车子卖掉了'), r('车给别人了'), r('把车卖了'), r('车已易主')],
  里程少: [r('一年开不了几千公里'), r('车基本不开'), r('平时很少开'), r('车一直停着'), r('开得很少,还没到保养里程'), r('退休了不怎么用车'), r('车放着没开'), r('只有周末开'), r('公里数太少'), r('上下班坐地铁车不开'), r('每年就跑两三千'), r('车闲着'), r('里程还没到'), r('很少跑'), r('没怎么用')],
  外地用车: [r('人在深圳工作车也在那边'), r('车在外地用'), r('车开到老家去了'), r('在外地上班车带走了'), r('车在上海'), r('车长期在外省'), r('过路车'), r('车不在本地'), r('工作调动车也带走了'), r('车跟着去外地工地了'), r('车给在外地的儿子用'), r('在重庆跑业务,车一直在那'), r('车在外地跑运输'), r('长期外地出差开着车'), r('在异地用车')],
  车辆报废: [r('车报废了'), r('出车祸车已报废'), r('车撞得太厉害不修了'), r('车子已经报废处理'), r('车泡水报废了'), r('车已注销'), r('车辆全损'), r('车烧了'), r('车被撞毁了'), r('车已经拆了'), r('已报废'), r('车送去回收了'), r('车辆已报废'), r('车子废了'), r('车没法开了,拉去报废')],
};
const INTERNAL = new Set(['价格', '技术', '等待', '服务']);
const REASON_NOISE_BEFORE = ['', '', '', '客户说', '据客户反映,', '车主表示:', '回访得知 ', '客户讲'];
const REASON_NOISE_AFTER = ['', '', '', '。', '!', ' ', '…'];

const DESTINATION_PHRASES: Record<string, readonly string[]> = {
  修理厂: ['路边修理厂', '家附近汽修店', '小修理铺', '外面的修车铺', '综合修理厂', '街边小店', '汽修厂', '社会修理厂', '私人修理店', '村口修车铺'],
  快修连锁: ['途虎养车', '天猫养车', '途虎工场店', '驰加', '米其林驰加', '精典汽车', '车享家', '快修店', '连锁快修', '京东养车'],
  '其他4S店/服务站': ['别的4S店', '另一家4S店', '隔壁区4S店', '其他特约店', '厂家别的服务站', '外地的4S店', '同品牌别的店', '其他服务站', '别家4s店', '市里另一家4S'],
};
const DESTINATION_NOISE = ['不清楚', '没说', '客户不愿透露'];
const BLANKS = ['', '', '—', '-', '/', '无', '不详'];

const LOCAL = ['南昌', '青山湖区', '东湖区', '西湖区', '红谷滩'];
const LOCAL_REGIONS_CELLS = ['南昌市青山湖区', '南昌市东湖区', '南昌市西湖区', '红谷滩新区', '南昌县'];
const AWAY_REGIONS_CELLS = ['九江市', '赣州市章贡区', '上饶', '抚州市临川区'];
const MODELS = ['轩逸', '天籁', '奇骏', '逍客', '骐达', '途观L', '朗逸'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '桂英'];
const CALLERS = ['小吴', '小邓', '罗佳', '熊敏'];
const ADVISORS = ['万涛', '钟丽', '彭飞', '曾强'];
const PROVINCE = '赣';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

// ---------- value forms ----------
function dateCell(s: number, pick: Pick, rnd: () => number, realDates: boolean): Cell {
  const { y, m, d } = ymd(s);
  const hh = 8 + Math.floor(rnd() * 10);
  const mm = Math.floor(rnd() * 60);
  const forms: (() => Cell)[] = [
    () => s,
    () => `${y}/${m}/${d}`,
    () => `${y}-${pad(m)}-${pad(d)}`,
    () => `${y}年${m}月${d}日`,
    () => `${y}.${pad(m)}.${pad(d)}`,
    () => `${y}${pad(m)}${pad(d)}`,
    () => `${y}-${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}:00`,
    () => `${y}/${m}/${d} ${hh}:${pad(mm)}`,
    () => s + (hh * 60 + mm) / 1440,
  ];
  if (realDates && rnd() < 0.6) return new Date(Date.UTC(y, m - 1, d, rnd() < 0.3 ? hh : 0, 0));
  return pick(forms)();
}

function mileageCell(km: number, pick: Pick): { cell: Cell; km: number } {
  const forms: ((k: number) => Cell)[] = [
    (k) => k,
    (k) => k.toLocaleString('en-US'),
    (k) => `${k}km`,
    (k) => `${k}公里`,
    (k) => `${k / 10000}万`,
    (k) => `${k} KM`,
  ];
  const f = pick(forms);
  const k = f === forms[4] ? Math.round(km / 100) * 100 : km;
  return { cell: f(k), km: k };
}

function phoneCell(p: string, pick: Pick): Cell {
  const forms: ((x: string) => Cell)[] = [
    (x) => Number(x),
    (x) => x,
    (x) => `${x.slice(0, 3)} ${x.slice(3, 7)} ${x.slice(7)}`,
    (x) => `${x.slice(0, 3)}-${x.slice(3, 7)}-${x.slice(7)}`,
    (x) => `+86 ${x}`,
    (x) => `+86${x}`,
  ];
  return pick(forms)(p);
}

// ---------- the truth rules (DOMAIN.md, own implementation) ----------
const BUCKETS = ['0-1年', '1-2年', '2-3年', '3-4年', '4-5年', '5年以上'];
function statusOf(months: number): string {
  if (months >= 24) return '彻底流失';
  if (months >= 12) return '流失';
  if (months >= 6) return '准流失';
  return '活跃';
}

interface Vehicle {
  id: number;
  vin: string;
  plate: string;
  phone: string;
  name: string;
  model: string;
  region: string;
  advisor: string;
  purchase: number; // NaN unknown
  lastVisit: number; // NaN never came back
  mileage: number; // NaN unknown
}

interface Call {
  v: number;
  date: number;
  result: string; // category
  resultText: string;
  reason?: { category: string; text: string; dest?: string };
  destCategory?: string;
  destText?: string;
}

export interface LayoutOptions {
  seed: number;
  vehicles: number;
  /** 0: plain; 1: columns shuffled + extra columns + real dates; 2: Excel table + English headers mixed in. */
  layout: 0 | 1 | 2;
  /** Vocabulary B (HELD_OUT_RESULT_PHRASES …), C (HELD_OUT_C_…, tuned in round 3), D (HELD_OUT_D_…, tuned in round 4) or E (vocabularyE.ts, never used to change the product). */
  heldOut?: boolean | 'C' | 'D' | 'E' | 'F' | 'G';
}

/**
 * Generates one workbook and its truth.
 * @example generateUnseenAfterSales({ seed: 1, vehicles: 300, layout: 0 }).truth.length // 300
 */
export function generateUnseenAfterSales(opts: LayoutOptions): UnseenAfterSales {
  const rnd = mulberry32(opts.seed * 7919 + opts.layout);
  const pick: Pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const asOfYmd = { y: 2026, m: 10, d: 31 };
  const RESULTS = opts.heldOut === 'G' ? HELD_OUT_G_RESULT_PHRASES : opts.heldOut === 'F' ? HELD_OUT_F_RESULT_PHRASES : opts.heldOut === 'E' ? HELD_OUT_E_RESULT_PHRASES : opts.heldOut === 'D' ? HELD_OUT_D_RESULT_PHRASES : opts.heldOut === 'C' ? HELD_OUT_C_RESULT_PHRASES : opts.heldOut ? HELD_OUT_RESULT_PHRASES : RESULT_PHRASES;
  const REASONS = opts.heldOut === 'G' ? HELD_OUT_G_REASON_PHRASES : opts.heldOut === 'F' ? HELD_OUT_F_REASON_PHRASES : opts.heldOut === 'E' ? HELD_OUT_E_REASON_PHRASES : opts.heldOut === 'D' ? HELD_OUT_D_REASON_PHRASES : opts.heldOut === 'C' ? HELD_OUT_C_REASON_PHRASES : opts.heldOut ? HELD_OUT_REASON_PHRASES : REASON_PHRASES;
  const DESTINATIONS = opts.heldOut ? HELD_OUT_DESTINATION_PHRASES : DESTINATION_PHRASES;
  const asOf = serial(2026, 10, 31);

  const vehicles: Vehicle[] = [];
  const usedPhones = new Set<string>();
  for (let i = 0; i < opts.vehicles; i++) {
    let phone = '';
    do phone = '1' + pick(['3', '5', '8', '9']) + String(Math.floor(rnd() * 1e9)).padStart(9, '0');
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    let vin = '';
    for (let k = 0; k < 17; k++) vin += k < 3 ? 'LGB'[k] : VIN_CHARS[Math.floor(rnd() * VIN_CHARS.length)];
    vin = vin.slice(0, 11) + String(100000 + i).slice(-6);
    const plate = `${PROVINCE}${pick(['A', 'M', 'F'])}${LETTERS[i % 24]}${LETTERS[Math.floor(i / 24) % 24]}${String(100 + (i % 900)).padStart(3, '0')}`;
    const purchase = chance(0.02) ? NaN : asOf - Math.floor(30 + rnd() * 365 * 8);
    let lastVisit = NaN;
    if (!chance(0.12)) {
      const from = Number.isNaN(purchase) ? asOf - 365 * 4 : purchase;
      lastVisit = from + Math.floor(rnd() * (asOf - from));
    }
    const mileage = chance(0.1) ? NaN : Math.floor(rnd() * 160000) + 500;
    vehicles.push({
      id: i, vin, plate, phone, name: pick(SURNAMES) + pick(GIVEN), model: pick(MODELS),
      region: chance(0.05) ? '' : chance(0.2) ? pick(AWAY_REGIONS_CELLS) : pick(LOCAL_REGIONS_CELLS),
      advisor: pick(ADVISORS), purchase, lastVisit, mileage,
    });
  }

  // ---- calls ----
  const calls: Call[] = [];
  const resultCats = Object.keys(RESULTS);
  for (const v of vehicles) {
    const n = chance(0.25) ? 0 : 1 + Math.floor(rnd() * 3);
    const days = new Set<number>();
    for (let k = 0; k < n; k++) {
      let day = 0;
      do day = asOf - 1 - Math.floor(rnd() * 400);
      while (days.has(day));
      days.add(day);
      const result = chance(0.45) ? '成功' : pick(resultCats);
      const c: Call = { v: v.id, date: day, result, resultText: pick(RESULTS[result]) };
      if (result === '成功' && chance(0.75)) {
        const category = pick(Object.keys(REASONS));
        const p = pick(REASONS[category]);
        c.reason = { category, text: pick(REASON_NOISE_BEFORE) + p.text + pick(REASON_NOISE_AFTER), dest: p.dest };
        if (chance(0.6)) {
          if (chance(0.85)) {
            c.destCategory = pick(Object.keys(DESTINATIONS));
            c.destText = pick(DESTINATIONS[c.destCategory]);
          } else c.destText = pick(DESTINATION_NOISE);
        }
      }
      calls.push(c);
    }
  }

  // ---- truth ----
  const latest = new Map<number, Call>();
  const latestReason = new Map<number, Call>();
  const latestDest = new Map<number, Call>();
  for (const c of calls) {
    const l = latest.get(c.v);
    if (!l || c.date > l.date) latest.set(c.v, c);
    if (c.reason) {
      const x = latestReason.get(c.v);
      if (!x || c.date > x.date) latestReason.set(c.v, c);
    }
    if (c.destText) {
      const x = latestDest.get(c.v);
      if (!x || c.date > x.date) latestDest.set(c.v, c);
    }
  }
  const truth: Truth[] = vehicles.map((v) => {
    const ref = Number.isNaN(v.lastVisit) ? v.purchase : v.lastVisit;
    const months = Number.isNaN(ref) ? NaN : monthsBetween(ref, asOf);
    const status = Number.isNaN(months) ? '数据异常' : statusOf(months);
    const owned = Number.isNaN(v.purchase) ? NaN : monthsBetween(v.purchase, asOf);
    const age = Number.isNaN(owned) ? NaN : Math.floor(owned / 12);
    const warranty = Number.isNaN(owned) ? '未知' : owned < 36 && (Number.isNaN(v.mileage) || v.mileage < 100000) ? '保期内' : '保期外';
    const locality = !v.region ? '未知' : LOCAL.some((l) => v.region.includes(l)) ? '本地' : '外地';
    const lc = latest.get(v.id);
    const rc = latestReason.get(v.id);
    const dc = latestDest.get(v.id);
    const category = rc?.reason?.category ?? '';
    let destination = '';
    if (status !== '活跃') destination = dc?.destCategory ?? rc?.reason?.dest ?? '未知';
    return {
      months: Number.isNaN(months) ? '' : months, status, ageYears: Number.isNaN(age) ? '' : age,
      ageBucket: Number.isNaN(age) ? '' : BUCKETS[Math.min(age, 5)], warranty, locality,
      lastResult: lc ? lc.result : '未回访', lastResultText: lc ? lc.resultText : '', reasonText: rc?.reason?.text.trim() ?? '', reasonCategory: category,
      reasonClass: category ? (INTERNAL.has(category) ? '内因' : '外因') : '', destination, priority: '', action: '',
    };
  });
  // Priority: the documented rule (DOMAIN.md + the product's published table), from the truth above.
  let lostWithReason = 0;
  let lostInternal = 0;
  for (const t of truth) {
    if ((t.status === '流失' || t.status === '彻底流失') && t.reasonCategory) {
      lostWithReason++;
      if (t.reasonClass === '内因') lostInternal++;
    }
  }
  const internalDominant = lostWithReason > 0 && lostInternal / lostWithReason >= 0.5;
  for (const t of truth) {
    const young = t.ageYears !== '' && t.ageYears < 4;
    const tier = t.status === '准流失' ? (young ? 'A 高' : 'B 中') : t.status === '流失' && young ? 'B 中' : 'C 低';
    if (t.status === '数据异常') [t.priority, t.action] = ['—', '核实'];
    else if (t.status === '活跃') [t.priority, t.action] = ['—', '无需招揽'];
    else if (['空号', '停机', '号码有误'].includes(t.lastResult)) [t.priority, t.action] = ['—', '更新联系方式'];
    else if (t.reasonCategory === '车辆转卖' || t.reasonCategory === '车辆报废') [t.priority, t.action] = ['—', '更新客户档案'];
    else if (t.locality === '外地') [t.priority, t.action] = ['—', '清理外地'];
    else if (t.lastResult === '拒接' || t.lastResult === '呼转') [t.priority, t.action] = [tier, '短信招揽'];
    else if (internalDominant && t.reasonClass === '内因') [t.priority, t.action] = [tier, '先整改内因'];
    else [t.priority, t.action] = [tier, '电话招揽'];
  }

  // ---- customer sheet ----
  const fields = Object.keys(CUSTOMER_HEADERS);
  let columns: string[] = [...fields];
  const extras = opts.layout >= 1 ? EXTRA_HEADERS.slice(0, 1 + (opts.seed % 3)) : [];
  columns = [...columns, ...extras];
  if (opts.layout === 1) columns.sort(() => rnd() - 0.5);
  const header = columns.map((f) => {
    if (EXTRA_HEADERS.includes(f)) return f;
    const options = CUSTOMER_HEADERS[f];
    return opts.layout === 2 ? options[options.length - 1] : pick(options.slice(0, Math.max(1, options.length - 1)));
  });
  const realDates = opts.layout === 1;
  const rowOf = (v: Vehicle, kind: 'main' | 'vinDup' | 'plateDup' | 'phoneDup'): Cell[] => {
    const values: Record<string, Cell> = {};
    values.name = v.name;
    values.phone = phoneCell(v.phone, pick);
    values.plate = kind === 'phoneDup' ? '' : chance(0.1) ? v.plate.slice(0, 1) + ' ' + v.plate.slice(1) : v.plate;
    values.vin = kind === 'plateDup' || kind === 'phoneDup' ? pick(['', '-', '无']) : chance(0.15) ? v.vin.toLowerCase() : v.vin;
    values.model = chance(0.05) ? pick(BLANKS) : v.model;
    values.purchase = Number.isNaN(v.purchase) ? pick(BLANKS.slice(1)) : dateCell(v.purchase, pick, rnd, realDates);
    if (kind === 'main') {
      values.lastVisit = Number.isNaN(v.lastVisit) ? pick(BLANKS) : dateCell(v.lastVisit, pick, rnd, realDates);
      if (Number.isNaN(v.mileage)) values.mileage = pick(BLANKS);
      else {
        const m = mileageCell(v.mileage, pick);
        v.mileage = m.km;
        values.mileage = m.cell;
      }
    } else {
      // A stale copy: an earlier visit (or none) and a lower reading (or none).
      values.lastVisit = Number.isNaN(v.lastVisit) || chance(0.5) ? pick(BLANKS) : dateCell(v.lastVisit - 1 - Math.floor(rnd() * 200), pick, rnd, realDates);
      values.mileage = Number.isNaN(v.mileage) || chance(0.5) ? pick(BLANKS) : Math.max(0, v.mileage - 1000 - Math.floor(rnd() * 5000));
    }
    values.region = v.region || pick(BLANKS);
    values.advisor = v.advisor;
    values['备注'] = chance(0.2) ? pick(['老客户', '已加微信', '需要回访', '转介绍']) : '';
    values['保险到期日'] = dateCell(asOf + Math.floor(rnd() * 300), pick, rnd, realDates);
    values['发动机号'] = 'HR16' + Math.floor(rnd() * 1e6);
    return columns.map((c) => values[c] ?? '');
  };

  const rows: Cell[][] = [];
  const title = `南昌XX汽车销售服务有限公司 基盘车辆明细(导出日期 2026-10-31)`;
  rows.push(columns.map((_, i) => (i === 0 ? title : '')));
  rows.push([]);
  rows.push(header);
  const headerRow = 2;
  const vehicleOfRow = new Map<number, number>();
  // Duplicates are written after their vehicle's main row, sometimes much later, sometimes right after.
  const pendingDups: { v: Vehicle; kind: 'vinDup' | 'plateDup' | 'phoneDup' }[] = [];
  for (const v of vehicles) {
    // Mileage must be final (rounded to the written form) before the truth uses it: write the main row first.
    vehicleOfRow.set(rows.length, v.id);
    rows.push(rowOf(v, 'main'));
    if (chance(0.08)) pendingDups.push({ v, kind: pick(['vinDup', 'plateDup', 'phoneDup'] as const) });
    if (pendingDups.length && chance(0.3)) {
      const d = pendingDups.shift()!;
      vehicleOfRow.set(rows.length, d.v.id);
      rows.push(rowOf(d.v, d.kind));
    }
    if (chance(0.01)) rows.push([]);
  }
  for (const d of pendingDups) {
    vehicleOfRow.set(rows.length, d.v.id);
    rows.push(rowOf(d.v, d.kind));
  }
  const totals = columns.map((c, i) => (i === 0 ? '合计' : c === 'vin' ? `${vehicles.length}台` : ''));
  rows.push(totals);

  // Recompute the warranty truth with the mileage as written (the 万 form rounds it).
  for (const v of vehicles) {
    const t = truth[v.id];
    if (t.warranty !== '未知') {
      const owned = monthsBetween(v.purchase, asOf);
      t.warranty = owned < 36 && (Number.isNaN(v.mileage) || v.mileage < 100000) ? '保期内' : '保期外';
    }
  }

  // ---- call sheet ----
  const callFields = Object.keys(CALL_HEADERS);
  const callHeader = callFields.map((f) => pick(CALL_HEADERS[f]));
  const callRows: Cell[][] = [['客户回访明细'], callHeader];
  const shuffled = [...calls].sort(() => rnd() - 0.5);
  for (const c of shuffled) {
    const v = vehicles[c.v];
    const key = rnd();
    const values: Record<string, Cell> = {
      date: dateCell(c.date, pick, rnd, realDates),
      vin: key < 0.5 ? v.vin : '',
      plate: key >= 0.5 && key < 0.8 ? v.plate : key < 0.5 && chance(0.5) ? v.plate : '',
      phone: key >= 0.8 || chance(0.5) ? phoneCell(v.phone, pick) : '',
      result: c.resultText,
      reason: c.reason ? c.reason.text : chance(0.15) ? pick(['—', '无', '/']) : '',
      destination: c.destText ?? (chance(0.1) ? pick(['—', '无']) : ''),
      invited: c.result === '成功' ? pick(['是', '否', '已预约', '未预约']) : '',
      returned: c.result === '成功' && chance(0.2) ? dateCell(Math.min(asOf, c.date + 3), pick, rnd, realDates) : '',
      caller: pick(CALLERS),
    };
    callRows.push(callFields.map((f) => values[f]));
  }

  const customerSheet = pick(['基盘客户', '车辆档案', '保有车辆']);
  return {
    sheets: [
      { name: customerSheet, rows, headerRow, asTable: opts.layout === 2 },
      { name: pick(['回访登记', '电话回访', '客户回访']), rows: callRows, headerRow: 1, asTable: opts.layout === 2 },
    ],
    customerSheet,
    vehicleOfRow,
    truth,
    localRegions: LOCAL,
    asOf: asOfYmd,
  };
}

/**
 * A second vocabulary, written after the product's dictionaries were fixed against the one above. Its first score
 * (最近回访结果 91.2%, 原因类别 86.4%) was the estimate of accuracy on wordings nobody had seen; its misses then
 * drove a second round of general fixes (negated 接通, 有误/不正确, 偏高/要价, 毛病/出问题 …).
 */
export const HELD_OUT_RESULT_PHRASES: Record<string, readonly string[]> = {
  成功: ['客户已接听', '已电话沟通', '接通,客户说下周来', '正常通话', '对方是车主本人', '车主本人接听', '通话成功', '回访完成', '已联系客户', '客户有回应', '电话联系上了', '客户回复了', '跟车主通上话了', '已电访', '接通了'],
  空号: ['号码为空号', '拨打后提示是空号', '系统说号码不存在', '号码被注销', '无此号码', '该号码不存在', '空号。', '号码失效', '号码已失效', '拨号显示空号', '提示号码已经注销', '空号,需更新', '号码不存在了', '号已注销', '查无此号码'],
  停机: ['欠费停机', '号码欠费', '显示已停机', '手机已停机', '该用户已停机', '停机了', '号码被停用', '手机号暂停服务', '欠费状态', '停机中', '客户手机停机', '对方已停机', '停机!', '手机欠费', '暂停使用'],
  号码有误: ['错号', '号码错误', '对方称打错', '不是车主本人', '接电话的说不认识这个人', '对方不是车主', '号码不是车主的', '非车主本人', '号码记录有误', '车主换号了,对方不认识', '号码有错', '电话号码不正确', '对方说没有这辆车', '不是本人号码', '错误号码'],
  关机: ['打过去关机', '连续关机', '对方手机已关机', '手机是关机的', '关机状态中', '电话关机', '多次拨打均关机', '关机中', '提示关机', '客户已关机', '关机(两次)', '晚上打也关机', '又是关机', '一直都关机', '电话处于关机'],
  无法接通: ['暂时无法接通', '拨打无法接通', '用户无法接通', '无法拨通', '电话拨不出去', '信号弱无法接通', '接通不了', '打了几次都打不通', '未能接通', '不在服务区内', '暂时不能接通', '电话打不进去', '无法呼通', '线路不通', '多次无法接通'],
  无人接听: ['无人应答', '没人接电话', '电话没人接听', '打了没人接', '响铃无人接听', '一直没接', '未接电话', '无人接', '电话通了没人接', '打了两次没人接', '一直无人接听', '响很久没人接', '铃声响完没人接', '客户未接听', '连续无人接听'],
  拒接: ['客户挂断', '接起来就挂', '一听来意就挂了', '客户拒绝接听', '客户不想聊,挂了', '拒接电话', '客户说不要再打了', '客户态度很差直接挂断', '被客户挂掉', '挂掉了', '客户明确拒绝', '不接受回访', '客户拒绝回访', '听到是回访就挂断', '拒绝沟通'],
  呼转: ['呼叫转移到其他号码', '来电提醒服务', '转到了秘书台', '呼转语音信箱', '已设置呼叫转移', '转移呼叫', '秘书台接听', '语音信箱留言', '呼转至小秘书', '开了呼转', '被呼转', '转语音信箱', '提示已开通来电提醒', '呼叫已转移', '电话被转走'],
  '忙/有事': ['客户在忙', '客户正在开会', '对方说在开车', '客户说有事', '在忙,回头联系', '客户说稍后回电', '正在忙', '开会中', '说现在忙', '客户在外面办事', '有事,稍后再联系', '客户说等下再说', '客户在开车,晚些打', '客户正忙', '在上班不方便'],
  人在外地: ['客户在外地', '人出差了', '在外地工作', '客户回老家', '出差在外', '人在外省', '人不在这边', '客户去外地了', '长期在外地', '在外地回不来', '去国外了', '客户出国了', '在外地,年底回', '人在老家', '外出旅游'],
};
const h = (text: string, dest?: string) => ({ text, dest });
export const HELD_OUT_REASON_PHRASES: Record<string, readonly { text: string; dest?: string }[]> = {
  价格: [h('4S店收费太贵'), h('保养价格太高了'), h('觉得价格不合理'), h('配件太贵'), h('外面修便宜'), h('费用比外面高'), h('嫌4S店贵'), h('维修费用太贵'), h('太贵了,去外面了'), h('价钱太高'), h('保养一次好几百太贵'), h('价格没优势'), h('收费偏高'), h('钱花得太多'), h('要价太高')],
  技术: [h('修不好'), h('没修好又来'), h('修完问题还在'), h('维修技术差'), h('技术不行'), h('故障反复出现'), h('保养后出了毛病'), h('修理质量差'), h('师傅不专业'), h('修了好几次还是响'), h('维修水平一般'), h('问题一直存在'), h('修完没多久又坏'), h('做完保养车出问题'), h('对维修效果不满意')],
  等待: [h('等待时间长'), h('车多要排队'), h('排了很长时间队'), h('保养太慢了'), h('效率太低了'), h('每次都要排队'), h('等的时间太长'), h('修车时间太久'), h('交车慢'), h('等了好久'), h('预约也要等'), h('人太多了'), h('维修周期长'), h('一等就是半天'), h('等待太久')],
  服务: [h('服务态度差'), h('接待态度不好'), h('服务顾问不热情'), h('前台不理人'), h('售后服务不好'), h('顾问态度冷淡'), h('服务不周到'), h('服务意识差'), h('接待不耐烦'), h('对服务顾问不满意'), h('服务人员不礼貌'), h('感觉服务不好'), h('被顾问怼了'), h('服务跟不上'), h('投诉没回应')],
  距离: [h('太远了'), h('离家太远'), h('路程太远'), h('距离比较远'), h('离得远'), h('离公司远'), h('地方太偏'), h('店太偏了'), h('就近保养'), h('在附近保养'), h('跑过去太远'), h('交通不方便'), h('来一趟不方便'), h('路太远'), h('地理位置偏')],
  亲友修理厂: [h('朋友开修理厂', '修理厂'), h('亲戚开汽修', '修理厂'), h('在朋友那里修'), h('熟人修理厂', '修理厂'), h('朋友的店'), h('亲戚家修车'), h('朋友介绍的修理厂', '修理厂'), h('同学开的修理厂', '修理厂'), h('去朋友店里保养'), h('家里亲戚做汽修', '修理厂'), h('朋友帮忙保养'), h('熟人介绍'), h('哥哥开修理厂', '修理厂'), h('朋友那做'), h('亲友开的店')],
  车辆转卖: [h('车已卖'), h('车卖掉了'), h('已经卖车'), h('车已过户'), h('车转卖了'), h('车转让给别人'), h('车已出售'), h('车子卖了'), h('已换车'), h('车给卖了'), h('二手卖掉了'), h('车已转出'), h('车已售'), h('车辆转让'), h('把车转了')],
  里程少: [h('开得少'), h('很少开车'), h('不常用车'), h('车基本闲置'), h('里程少'), h('用车少'), h('平时不开'), h('一年跑不了多少'), h('很少用'), h('车停在家里'), h('跑得少'), h('里程数少'), h('开得很少'), h('偶尔开'), h('车用得少')],
  外地用车: [h('车在外地'), h('人和车都在外地'), h('车在外省'), h('车常年在外地'), h('车去外地了'), h('在外地工作'), h('车调到外地'), h('车给外地亲戚用'), h('车在老家'), h('过路车'), h('常驻外地'), h('车不在本市'), h('车在外地用着'), h('外地上班'), h('车跟人去了外地')],
  车辆报废: [h('报废了'), h('车辆报废'), h('车撞坏了'), h('车已经报废'), h('事故全损'), h('车没了'), h('车辆注销'), h('车已拆解'), h('车已回收'), h('车已经废了'), h('车被火烧了'), h('车辆已注销'), h('撞烂了'), h('车损毁'), h('车不能开了,报废')],
};
export const HELD_OUT_DESTINATION_PHRASES: Record<string, readonly string[]> = {
  修理厂: ['外面修理厂', '小修理厂', '街边修车店', '汽修店', '修车铺子', '路边汽修', '私人汽修厂', '综合维修厂', '普通修理厂', '社会维修店'],
  快修连锁: ['途虎', '天猫养车店', '快修连锁店', '驰加汽车', '小拉快修', '精典', '车享家', '快保店', '京东养车', '连锁养车店'],
  '其他4S店/服务站': ['其他4S店', '另一个4S店', '外地4S店', '别的品牌4S', '其他服务站', '别的特约店', '厂家特约维修站', '其它4S', '另外一家4S', '隔壁4S店'],
};

/**
 * A third vocabulary C, written last and NEVER used to change the product: its score is the honest estimate of
 * accuracy on wordings nobody has seen (the harness prints it and holds it to a lower bar, see the test).
 */
export const HELD_OUT_C_RESULT_PHRASES: Record<string, readonly string[]> = {
  成功: ['顺利接通', '已和车主联系', '车主接听,态度好', '电话回访ok', '客户接起了', '联系车主成功', '接听正常', '车主回答了问题'],
  空号: ['此号为空号', '号码根本不存在', '拨打是空号', '空号码', '号码已经注销', '提示不存在', '空号作废', '该号为空'],
  停机: ['手机欠费了', '停机啦', '号码处于停机', '已欠费', '电话停机', '停机无法拨打', '号码已停机', '停机暂停服务'],
  号码有误: ['号码是错的', '对方说号码不对', '打错人了', '不是车主电话', '登记错误', '接电话的是别人', '号码有误需核实', '对方否认是车主'],
  关机: ['一直是关机', '手机关机状态', '关机,明天再打', '打了关机', '又关机了', '关机无法联系', '手机一直关机', '拨打关机'],
  无法接通: ['暂时接不通', '拨打不通', '一直打不通', '无法接听通', '电话拨不通', '打不进去', '接不通电话', '无法接通,稍后再试'],
  无人接听: ['响铃没人接', '无人接听电话', '打了好几次没人接', '没有人接', '电话没人接', '无人接听,已发短信', '响了很久也没接', '客户没接听'],
  拒接: ['客户直接拒接', '接了就挂断', '客户挂了电话', '客户拒绝', '拒接,态度差', '说了两句就挂了', '客户不愿回访', '一接通就挂掉'],
  呼转: ['已开呼叫转移', '转到秘书台了', '来电提醒', '呼转到别的号', '呼转秘书台', '语音信箱', '被转到语音信箱', '设了呼转'],
  '忙/有事': ['客户很忙,稍后联系', '在开会不便', '客户在忙事情', '正在开车,晚点', '客户说有事在忙', '忙,再约', '客户在开会', '没空接'],
  人在外地: ['客户人在外地', '人在外地出差', '去外地了', '在外地打工', '出差去了', '不在本地', '客户在外省', '客户回老家了'],
};
export const HELD_OUT_C_REASON_PHRASES: Record<string, readonly { text: string; dest?: string }[]> = {
  价格: [h('太贵'), h('4S店东西贵'), h('保养收费太高'), h('觉得收费贵'), h('外面价格低'), h('配件价格太高'), h('工时费贵'), h('价格接受不了')],
  技术: [h('修得不好'), h('技术水平差'), h('上次没修好'), h('维修后问题依旧'), h('修过之后又坏'), h('师傅技术一般'), h('修理不彻底'), h('维修不专业')],
  等待: [h('等太长时间'), h('排队太长'), h('车太多了要等'), h('保养时间太长'), h('太慢了'), h('修车慢'), h('等待时间太久'), h('维修效率低')],
  服务: [h('服务不好'), h('态度太差'), h('接待态度差'), h('顾问不热情'), h('服务不到位'), h('对接待不满意'), h('没人理会'), h('顾问爱理不理')],
  距离: [h('离得太远'), h('路途远'), h('住得比较远'), h('距离远不方便'), h('太远不想跑'), h('就近修'), h('离家比较远'), h('地点太远')],
  亲友修理厂: [h('朋友开汽修厂', '修理厂'), h('亲戚有修理厂', '修理厂'), h('朋友处保养'), h('在亲戚那修'), h('熟人开的店'), h('同学的修理厂', '修理厂'), h('亲友修车'), h('朋友那里修车')],
  车辆转卖: [h('车卖了'), h('车已转卖'), h('车辆已卖'), h('车已经卖掉'), h('过户给别人了'), h('车已转让'), h('已出售'), h('卖车了')],
  里程少: [h('车开得少'), h('很少开'), h('里程太少'), h('不怎么开车'), h('基本不用车'), h('车子闲置'), h('用车很少'), h('开的很少')],
  外地用车: [h('车在外地'), h('车常在外地'), h('外地用车'), h('车长期在外省'), h('过路车辆'), h('车在外面工作地'), h('车不在本地了'), h('车调去外地')],
  车辆报废: [h('车已报废'), h('报废处理了'), h('车撞报废了'), h('车已注销报废'), h('车没有了'), h('全损报废'), h('车撞坏报废'), h('车辆已经报废')],
};

/**
 * A fourth vocabulary D, written in round 3 BEFORE anyone read the product's dictionaries; held out until round 4,
 * whose fixes came from its misses (so it is a tuned set now; vocabulary E in vocabularyE.ts is the blind one). Its register is deliberately wider
 * than A–C: terse DMS codes, long colloquial sentences, homophone typos a typist makes (控号, 官机, 巨接, 报费),
 * mixed English ("no answer", "4S too expensive"), punctuation noise, and a few conflicts decided by DOMAIN.md's
 * categories (接通后即挂断 is 拒接; 欠费停机了,打不通 is 停机). Reasons include 其他: texts that name no DOMAIN.md
 * category (a company car, an insurer's garage, a quick-service chain without a why), whose truth is 其他.
 */
export const HELD_OUT_D_RESULT_PHRASES: Record<string, readonly string[]> = {
  成功: ['接通-客户反馈良好', 'connected,车主本人', '通话ok,车主说月底过来', '接通,客户表示不愿回厂', '有接听,已说明来意', '联系上车主了', '接听:本人', '已接通;客户满意'],
  空号: ['空号(系统提示)', '拨打提示:您拨打的号码是空号', 'number not exist', '号码不存在,需更新资料', '此号码未启用', '控号', '号码已销户', '号码为空,无法联系'],
  停机: ['停 机', '欠费停机了,打不通', '该号码已暂停服务', '号码被停机', '手机欠费已停', 'suspended', '停机中,待复机', '提示用户已停机'],
  号码有误: ['号码错误,非本人', '对方说打错电话了', 'wrong number', '接听人不认识车主', '号码登记有误', '号码已换人使用', '对方表示不是本人的车', '号码不符', '非本人接听,称号码是新办的'],
  关机: ['关机了', '手机处于关机状态', 'power off', '拨打时提示已关机', '两次均关机', '关机,改天再拨', '官机', '对方手机关机了'],
  无法接通: ['无法接通(提示稍后再拨)', '不能接通', '拨打未能接通', '提示用户不在服务区', 'can not connect', '打 不 通', '电话无法连接', '线路故障拨不出'],
  无人接听: ['nobody answered', '无应答', '响铃未接', '多次拨打无人接', '拨通后无人接起', '一直不接', '无人接听x3', '没人接,响到自动挂断'],
  拒接: ['拒接/挂断', '客户挂机', '接通后客户即挂断', 'hung up', '客户不愿接受回访,挂断', '客户拒绝接听回访电话', '挂了', '巨接', '听说是回访马上挂了'],
  呼转: ['呼叫转移中', '被转移到语音信箱', '转小秘书', '号码设置了呼叫转移', '进入秘书台', '来电提醒服务,无法接通', 'voicemail', '已呼叫转移'],
  '忙/有事': ['客户正忙,约明天再联系', '客户开会中', '在开车,不方便接听', '客户说没时间', '客户有事,让晚点打', 'busy, call back later', '在忙', '开会,下午回电', '客户在医院陪家人,不便多说'],
  人在外地: ['客户出差在外地', '人在外地,等回来再联系', '客户现在在外地工作', '人已去外地', '客户去外省了', '在老家没回来', '人在国外', '出国了,年后回', '客户常年在外'],
};
const d = (text: string, dest?: string) => ({ text, dest });
export const HELD_OUT_D_REASON_PHRASES: Record<string, readonly { text: string; dest?: string }[]> = {
  价格: [d('too expensive at 4S shop'), d('保养太贵,外面一半价钱'), d('收费贵,去外面做了'), d('价格偏贵'), d('觉得你们贵'), d('嫌工时费高'), d('配件比外面贵不少'), d('保养费太高'), d('price too high'), d('太贵了,换机油都要五六百')],
  技术: [d('修车技术不好'), d('修了还有毛病'), d('维修质量差,返修多次'), d('车修完问题没解决'), d('上次做完四轮定位还是跑偏'), d('异响没处理好'), d('师傅技术不咋地'), d('技术不过硬'), d('换了配件故障灯还亮'), d('修得不行')],
  等待: [d('等得太久了吧'), d('排队排了一上午'), d('要等好几个钟头'), d('车多排不上'), d('预约了还得等半天'), d('修车周期太长'), d('配件要订货等太久'), d('交车太慢了'), d('waiting too long'), d('做个保养大半天')],
  服务: [d('服务态度不行'), d('顾问爱搭不理'), d('接待员态度恶劣'), d('被前台怠慢了'), d('售后态度差'), d('投诉没人管'), d('服务顾问强制推销'), d('对服务不太满意'), d('service bad'), d('服务差劲')],
  距离: [d('太远了不方便'), d('路太远,开车要四十分钟'), d('离我家远'), d('距离远了点'), d('家附近有保养点,就近做了'), d('店离得远'), d('搬家了,离店远'), d('跑一趟要过好几个区'), d('too far'), d('地点偏远')],
  亲友修理厂: [d('朋友开了修理厂', '修理厂'), d('亲戚家开修车铺', '修理厂'), d('在熟人那保养'), d('朋友店里做保养'), d('姐夫是修车师傅'), d('自己朋友修'), d('亲戚在汽修店上班'), d('熟人开的汽修厂', '修理厂')],
  车辆转卖: [d('车已卖掉'), d('已卖车'), d('车辆卖出'), d('车过户了'), d('车子已经转手'), d('车已处理,换新车了'), d('car已sold'), d('车卖给二手车商了'), d('车已转给亲戚')],
  里程少: [d('开的少'), d('一年开不到五千公里'), d('车很少动'), d('车基本停着不开'), d('里程不够保养'), d('没跑多少公里'), d('low mileage'), d('闲置没开')],
  外地用车: [d('车在外地使用'), d('车子开去外地了'), d('搬到外地了,车也带走了'), d('车在省外'), d('过路车,非本地'), d('人和车都去了外地工作'), d('车在老家开'), d('车在杭州')],
  车辆报废: [d('车报费了'), d('车已报废处理'), d('出事故车废了'), d('车祸全损,已报废'), d('车辆报废注销'), d('车子泡水报废'), d('scrapped'), d('早就报废掉了'), d('事故车,已经不能修了')],
  其他: [d('公司车,单位统一安排保养'), d('保险公司指定厂理赔'), d('在途虎做保养', '快修连锁'), d('买了别家的保养套餐'), d('自己会修,自己保养'), d('车在走保险理赔')],
};
