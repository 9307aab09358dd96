/**
 * An independent generator of a showroom register and a prospect card "from another system" (issue 6's acceptance
 * check), with the TRUE values computed here from DOMAIN.md's rules. It imports nothing from the product: its
 * header wordings, time forms, level words, sources and reasons are phrased differently from src/cli/sample/.
 *
 * Two shapes of prospect card: 'long' (one row per follow-up, keyed by a phone typed in varying formats, rows
 * shuffled) and 'wide' (one row per prospect with numbered follow-up columns).
 */
import { ROUND_4 } from './salesVocabularyR4';
import { ROUND_5 } from './salesVocabularyR5';
import { ROUND_6 } from './salesVocabularyR6';
import { ROUND_7 } from './salesVocabularyR7';
import { ROUND_8 } from './salesVocabularyR8';
import { ROUND_9 } from './salesVocabularyR9';

export type Cell = string | number | Date;
export interface UnseenSheet {
  name: string;
  rows: Cell[][];
}

export interface RegisterTruthRow {
  date: number; // Excel serial
  slot: number; // 0..5
  visit: boolean;
  lead: boolean;
  testDrive: boolean;
  quote: boolean;
  order: boolean;
  /** Information source class, '' when blank. */
  source: string;
}

export interface ProspectTruthRow {
  level: string;
  followUps: number;
  latest: number | ''; // serial
  status: string;
  overdueDays: number | '';
  defeatClass: string;
}

export interface UnseenWorkbook {
  sheets: UnseenSheet[];
  register: RegisterTruthRow[];
  /** Card truth by 0-based sheet row. */
  prospects: Map<number, ProspectTruthRow>;
  prospectSheet: string;
  prospectCount: number;
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86400000;
/** Excel serial of a calendar date. */
export function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS + 25569;
}
function ymd(s: number): [number, number, number] {
  const d = new Date((s - 25569) * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
function toDate(s: number, minutes = 0): Date {
  return new Date((s - 25569) * DAY_MS + minutes * 60000);
}
const pad = (n: number) => String(n).padStart(2, '0');

/** The true slot rule: 2-hour slots from 08:00, clamped to the first and last. */
function trueSlot(minutes: number): number {
  return Math.min(5, Math.max(0, Math.floor((minutes - 480) / 120)));
}

// ---- Vocabulary of "the other system", each entry with its true meaning ----

const VISIT_WORDS = ['来店', '到店', '展厅', '展厅接待', '进店看车', '到店咨询', '来店看车'];
const CALL_WORDS = ['来电', '电话', '电话咨询', '来电咨询', '客户来电', '电话询价'];

/** Information sources as a receptionist types them, with their true class (DOMAIN.md's eight; '' when blank). */
const SOURCES: [string, string][] = [
  ['在懂车帝上看到的', '网络'], ['老同事推荐', '亲友'], ['开车经过看到店', '路过'], ['看了电视广告', '电视'], ['车展上留的电话', '展会'],
  ['刷短视频看到', '网络'], ['抖音直播间', '网络'], ['朋友买过这个车', '亲友'], ['汽车之家询价', '网络'], ['听广播说有活动', '广播'],
  ['报纸上的广告', '报纸杂志'], ['小区门口发的传单', '其他'], ['老客户带过来', '亲友'], ['自己搜的', '网络'], ['易车网留资', '网络'],
  ['路口的广告牌', '其他'], ['', ''],
];

/** Process texts with their (test drive, quotation) truth. */
const PROCESS: [string, boolean, boolean][] = [
  ['介绍了外观内饰', false, false],
  ['客户试驾了一圈,比较满意', true, false],
  ['试乘试驾后报了价', true, true],
  ['报价后嫌贵走了', false, true],
  ['没试驾,只看了看', false, false],
  ['未报价,客户只是随便看看', false, false],
  ['带客户开了试驾车,给了报价单', true, true],
  ['客户赶时间,不想试驾', false, false],
  ['已报价 落地16.8万', false, true],
  ['试驾车在保养,未能试驾', false, false],
  ['试乘了一圈', true, false],
  ['问了问配置和颜色', false, false],
  ['', false, false],
];

/** A yes/no cell of a mark column, typed as a receptionist would. */
const MARK_YES = ['是', '√', 'Y', '已试驾', '有', '1'];
const MARK_NO = ['否', '', '', '无', 'N', '0'];
const QUOTE_YES = ['是', '√', '已报价', '有', '报了'];
const QUOTE_NO = ['否', '', '没有', '未报'];

const ORDER_YES = ['成交', '已订车', '交了定金', '签单', '付了订金', '当场下订'];
const ORDER_NO = ['未成交', '', '', '再考虑', '没定', '放弃', '留了电话'];

/** Levels, as letters with decoration or as words, by true level. */
const LEVEL_TEXT: Record<string, string[]> = {
  H: ['H', 'h级', '★H', 'Ｈ级', 'H-热', '打算这周就定', '三天内', '这两天就定', 'H(7天内)'],
  A: ['A', 'A类意向', 'a级', 'A+', '【A】', '两周左右', '十天左右', '半个月内能定'],
  B: ['B', 'b级客户', 'B 一般', '[B]', '月底前', '一个月左右', '这个月内'],
  C: ['C', ' c ', 'C类', 'C-观望', '再看看,年后', '三个月内', '两三个月'],
  N: ['N', '新登记', '未定级别', '刚建卡', 'N-新'],
  O: ['O', 'O级', '已交订金', '定了,等提车', '签了合同', '已订'],
  F: ['F', 'F级', '买了别家', '已在别处买车', '战败', '放弃购买'],
};

/** Defeat reasons, freshly phrased, by true class. */
const REASONS: [string, string][] = [
  ['落地比隔壁店贵八千', '价格'],
  ['优惠力度不够', '价格'],
  ['对方店便宜还多送保养', '价格'],
  ['嫌价格高', '价格'],
  ['最后提了一台比亚迪汉', '竞品'],
  ['订了特斯拉Model Y', '竞品'],
  ['家里人更喜欢理想,买了理想L6', '竞品'],
  ['转去看问界了,已经下单', '竞品'],
  ['想要的白色没有', '车型/配置'],
  ['后排空间太小', '车型/配置'],
  ['没有七座版本', '车型/配置'],
  ['嫌油耗高', '车型/配置'],
  ['要等两个月才能到车', '交车时间'],
  ['急着用车,店里没现车', '交车时间'],
  ['交付周期太长', '交车时间'],
  ['顾问回消息太慢', '服务'],
  ['觉得销售不够热情', '服务'],
  ['原来的顾问走了没人跟', '服务'],
  ['首付凑不齐', '贷款/资金'],
  ['银行贷款没批', '贷款/资金'],
  ['手头资金紧张', '贷款/资金'],
  ['孩子明年上学,先不买了', '暂缓购买'],
  ['家里有事往后推', '暂缓购买'],
  ['等年底再说', '暂缓购买'],
  ['电话一直打不通', '其他'],
  ['客户搬到外地去了', '其他'],
];
const BRANDS = ['比亚迪', '吉利', '特斯拉', '理想', '问界', '小米', '长安', '大众', ''];

/**
 * A vocabulary of one "other system". Round 1 was used while fixing the product; round 2 is held out: it was
 * written after the fixes, so its score measures how far the fixed families generalise.
 */
export interface Vocab {
  level: Record<string, string[]>;
  reasons: [string, string][];
  process: [string, boolean, boolean][];
}
const ROUND_1: Vocab = { level: LEVEL_TEXT, reasons: REASONS, process: PROCESS };
const ROUND_2: Vocab = {
  level: {
    H: ['H级(热)', '今明两天', '本周内订', '近期就买', '★★★H', 'H 类', '三五天'],
    A: ['A级客户', '10天内', '半月左右', '下个礼拜', '(a)', '十来天'],
    B: ['B类', '20天左右', '一个月内', '本月内', 'B级意向', '这月底'],
    C: ['C级', '两个月后', '年底前', '不着急', 'c类', '明年开春'],
    N: ['未分级', '待定级', 'N级', '新来的', '首次到店'],
    O: ['已下订', '交了订金', '已签合同', '订车成功', 'O(已订)'],
    F: ['战败-购买他牌', '已购买竞品', '失联放弃', '在别的店提车了', 'F类'],
  },
  reasons: [
    ['别的店让利更多', '价格'], ['价格谈不拢', '价格'], ['优惠比网上说的少', '价格'],
    ['买了吉利星越L', '竞品'], ['最后选了大众途观', '竞品'], ['已经提了比亚迪', '竞品'],
    ['没有想要的配置', '车型/配置'], ['觉得车身太小', '车型/配置'], ['颜色不喜欢', '车型/配置'],
    ['提车要排队三个月', '交车时间'], ['现车没有了', '交车时间'],
    ['对销售的态度不满意', '服务'], ['回复不及时', '服务'],
    ['分期手续太麻烦', '贷款/资金'], ['预算不够', '贷款/资金'],
    ['暂时不换车了', '暂缓购买'], ['推迟到明年', '暂缓购买'],
    ['联系不上了', '其他'], ['客户出国了', '其他'],
  ],
  process: [
    ['陪同试乘,介绍了动力', true, false], ['给客户算了月供并报价', false, true], ['出了报价,客户说回去商量', false, true],
    ['客户拒绝试驾', false, false], ['试驾了两款车型', true, false], ['暂不报价', false, false], ['只看了外观', false, false],
    ['试驾后给了报价', true, true], ['', false, false],
  ],
};
/** Round 3: probed against the parsers after round 2's fixes, fixed, then added here as a regression set. */
const ROUND_3: Vocab = {
  level: {
    H: ['H（七日内）', '随时可能订', '周末就来定', 'H级-急'],
    A: ['A（15日内）', '两个星期内', 'A-较热', '十五天内'],
    B: ['B（30日内）', '一个月', 'B-温', '下个月初'],
    C: ['C（90日内）', '三个月以上', 'C-冷', '半年'],
    N: ['N（未分级）', '新', '初次接触'],
    O: ['O（已订）', '订', '已付定金', '已下单', '成交了'],
    F: ['F（战败）', '败', '已买其他车', '不考虑了'],
  },
  reasons: [
    ['别家给的优惠更多', '价格'], ['差了五千块', '价格'], ['送的东西太少', '价格'],
    ['选了长城哈弗', '竞品'], ['在比亚迪订了车', '竞品'], ['最终购买了特斯拉', '竞品'],
    ['车太小,家里坐不下', '车型/配置'], ['没有混动版', '车型/配置'], ['后备箱太小', '车型/配置'],
    ['车要三个月才到', '交车时间'], ['等不了那么久', '交车时间'], ['订车要排期', '交车时间'],
    ['销售不理人', '服务'], ['业务员换了好几个', '服务'],
    ['贷款利率太高', '贷款/资金'], ['钱没凑够', '贷款/资金'],
    ['等明年新款', '暂缓购买'], ['换车计划取消', '暂缓购买'], ['先放一放', '暂缓购买'],
    ['号码错误', '其他'], ['客户去世', '其他'],
  ],
  process: [
    ['客户试了车', true, false], ['做了试驾,报过价了', true, true], ['没试车', false, false], ['报过价了', false, true],
    ['给了价格', false, true], ['', false, false],
  ],
};
/**
 * Round 4 (test/accuracy/salesVocabularyR4.ts): written blind (its author never read the product's dictionaries nor
 * rounds 1–3). First score, before any fix (2026-11-23): prospects found 640/640, 意向级别 96.98%, 跟踪状态 96.98%,
 * 逾期天数 97.2%, 战败原因类别 96.4%, traffic date×slot 98.2%, 留资率 months 8/8, funnel stages exact 8/20 (试乘试驾 and
 * 报价 undercounted: marks and process wordings without the keyword).
 * After the fixes, by word family (2026-11-23): prospects found 640/640, 意向级别 100%, 跟踪状态 100%, 逾期天数 100%,
 * 战败原因类别 100%, traffic date×slot 100%, 留资率 months 8/8, funnel stages exact 20/20. Families: test drive and
 * quotation by meaning with their negations (receptionOutcome.ts), a signed order = O and a verb of buying + another
 * brand = F (intentLevel.ts), price terms / failed negotiation / cannot deliver / slow replies / put aside / English
 * reasons (defeatReason.ts, englishReasons.ts). Round 4 is now a TUNED set, no longer held out: its score no longer
 * measures how the product generalises. Round 3's '给了价格' was first recorded as no quotation (the letter of
 * DOMAIN.md, which names 报价); it is a quotation by meaning, as round 4's '给了最低价' is, and is recorded so now.
 */
/**
 * Round 5 (test/accuracy/salesVocabularyR5.ts): written blind after round 4's fixes (its author never read the
 * product's dictionaries; a few lines of earlier rounds were glimpsed after the texts were written), never used to
 * change the product: the honest estimate, process texts judged by meaning. First score, before any fix
 * (2026-11-23): prospects found 640/640, 意向级别 95.8%, 跟踪状态 96.5%, 逾期天数 96.2%, 战败原因类别 97.5%, traffic
 * date×slot 95.3% (订单数 over-counted), 留资率 months 8/8, funnel stages exact 8/20 (试乘试驾 over-counted: future and
 * invited test drives, 试坐; 成交 over-counted: a horizon with an order verb, 七日内成交, read as O).
 * Round 5 is a tuned set since the fixes by family (test drives booked, invited or without a car, marks written into
 * the text '试驾 ×', refused or deferred quotations, a purchase horizon with an order verb = a level not an order,
 * not-rated-yet wordings, traditional characters, defeat-reason wordings; unit tests on other phrasings in
 * test/core/sales). After: 意向级别, 跟踪状态, 逾期天数, 战败原因类别 100%, traffic date×slot 100% (1033/1033), 留资率
 * months 8/8, funnel stages exact 20/20; rounds 1–4 still 100%. No truth of round 5 was changed.
 */
/**
 * Round 6 (test/accuracy/salesVocabularyR6.ts): written blind after round 5's fixes (its author never read the
 * product's dictionaries nor rounds 1–5), never used to change the product: the honest estimate. First score, before
 * any fix (2026-11-23): prospects found 640/640, 意向级别 97.0%, 跟踪状态 98.5%, 逾期天数 98.7%, 战败原因类别 96.2%,
 * traffic date×slot 100%, 留资率 months 8/8, funnel stages exact 12/20. Fixed by family in src/core/sales (pinyin and
 * homophone slips, spaced characters, drives without the word (开出去), quotations not done or put off to a later visit,
 * level words in pinyin, 级别还没定 = N, 半拉月; promised call-backs never made, failed price talks, giving up buying,
 * more traditional characters), each with unit tests on phrasings not in round 6. After: every prospect column 100%
 * (1242/1242), traffic date×slot 100% (1013/1013), 留资率 months 8/8, funnel stages exact 20/20; rounds 1–5 still
 * 100%. No truth of round 6 was changed. Round 6 is now tuned: the next honest estimate needs a round 7.
 */
/**
 * Round 7 (test/accuracy/salesVocabularyR7.ts): written blind after round 6's fixes (its author read neither the
 * product's dictionaries, nor rounds 1–6, nor the commit log), never used to change the product: the honest estimate.
 * First score, before any fix (2026-11-23): prospects found 640/640, 意向级别 94.2%, 跟踪状态 96.7%, 逾期天数 95.9%,
 * 战败原因类别 95.6%, traffic date×slot 100%, 留资率 months 8/8, funnel stages exact 12/20 (成交 exact; 试乘试驾
 * over-counted ~5%, 报价 under-counted ~9%).
 * After the fixes by family (2026-11-23: spoken numerals 俩/仨 and 待评定 / 单子丢了 levels; the consultant's manner and
 * spoken cash shortage as reasons; a named model driven, a drive called off or its car unusable, a promised drive,
 * field-style marks in Chinese or English, a price worked out or given with the object first, a quotation not done):
 * prospects found 640/640, 意向级别, 跟踪状态, 逾期天数 and 战败原因类别 100% (1285/1285), traffic date×slot 100%
 * (985/985), 留资率 months 8/8, funnel stages exact 20/20; rounds 1–6 still 100%. No truth of round 7 was changed.
 * Round 7 is now tuned: the next honest estimate needs a round 8.
 */
/**
 * Round 8 (test/accuracy/salesVocabularyR8.ts): written blind after round 7's fixes (its author read neither the
 * product's dictionaries, nor rounds 1–7, nor the commit log), never used to change the product: the honest estimate.
 * First score, before any fix (2026-11-23): prospects found 640/640, 意向级别 99.3%, 跟踪状态 100%, 逾期天数 99.3%,
 * 战败原因类别 100%, traffic date×slot 100%, 留资率 months 8/8, funnel stages exact 15/20 (each inexact stage off by
 * 1–4 of ~220 rows).
 * After the fixes (src/core/sales/receptionOutcome.ts, intentLevel.ts, 2026-11-23), by families with their own unit
 * tests on other phrasings (budget sheet as quotation, 把…价…报给, passenger ride, 开开看/开完, quotation refused /
 * requested / waited for, drive set for a later day, a future visit told, level awaiting someone's rating): prospects
 * found 640/640, every prospect column 100% (1219/1219), traffic 100% (1001/1001), 留资率 months 8/8, funnel stages
 * exact 20/20; rounds 1–7 still 100%. No truth of round 8 was changed. Round 8 is now tuned: the next honest estimate
 * needs a round 9.
 */
/**
 * Round 9 (test/accuracy/salesVocabularyR9.ts): written blind after round 8's fixes (its author read neither the
 * product's dictionaries, nor rounds 1–8, nor the commit log), never used to change the product: the honest estimate.
 * First score, before any fix (2026-11-23): prospects found 640/640, 意向级别 96.8%, 跟踪状态 98.6%, 逾期天数 98.6%,
 * 战败原因类别 98.5%, traffic date×slot 100%, 留资率 months 8/8, funnel stages exact 12/20.
 * After the fixes (src/core/sales/receptionOutcome.ts, intentLevel.ts, defeatReason.ts, 2026-11-23), by families with
 * their own unit tests on other phrasings (a price document printed / passed / shown, a figure handed over without
 * the price word, the test-drive car in maintenance or a drive tried but not done, 待 before a drive or quotation,
 * the written tens 廿/卅/卌, spaces typed between the characters of a level, an order placed with a named rival after
 * 定了/入手/拿下): prospects found 640/640, every prospect column 100% (1223/1223), traffic 100% (997/997), 留资率
 * months 8/8, funnel stages exact 20/20; rounds 1–8 still 100%. No truth of round 9 was changed. Round 9 is now
 * tuned: the next honest estimate needs a round 10.
 */
export const VOCABS = [ROUND_1, ROUND_2, ROUND_3, ROUND_4, ROUND_5, ROUND_6, ROUND_7, ROUND_8, ROUND_9];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const MODELS = ['凯美瑞', '雷凌', '卡罗拉', 'RAV4荣放', '汉兰达', '亚洲龙', '威兰达'];
const CONSULTANTS = ['周晓明', '李婷', '王浩', '陈思', '刘洋'];

const INTERVAL: Record<string, number> = { H: 1, A: 3, B: 7, C: 15, N: 1 };

function fmtPhone(p: string, style: number): Cell {
  switch (style % 8) {
    case 5: return `'${p}`;
    case 6: return `手机:${p}`;
    case 7: return `(+86)${p}`;
    case 0: return p;
    case 1: return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
    case 2: return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
    case 3: return Number(p);
    default: return `+86 ${p}`;
  }
}

/** An arrival time in one of DOMAIN.md's forms, plus the receptionist's variants. */
function fmtTime(minutes: number, date: number, style: number, rnd: () => number): Cell {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hm = `${h}:${pad(m)}`;
  const leave = minutes + 20 + Math.floor(rnd() * 60);
  const hmLeave = `${pad(Math.floor(leave / 60) % 24)}:${pad(leave % 60)}`;
  switch (style % 9) {
    case 0: return hm;
    case 1: return `${pad(h)}:${pad(m)}-${hmLeave}`;
    case 2: return m === 30 ? `${h}点半` : m === 0 ? `${h}点` : `${h}点${m}`;
    case 3: return m === 0 ? `${h}点` : `${h}点${pad(m)}分`;
    case 4: {
      const period = h < 12 ? '上午' : h === 12 ? '中午' : h < 18 ? '下午' : '晚上';
      const hh = h > 12 ? h - 12 : h;
      return m === 0 ? `${period}${hh}点` : m === 30 ? `${period}${hh}点半` : `${period}${hh}点${m}分`;
    }
    case 5: return minutes / 1440;
    case 6: {
      const [y, mo, d] = ymd(date);
      return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(m)}`;
    }
    case 7: return toDate(date, minutes);
    default: return `${hm}~${hmLeave}`;
  }
}

function fmtDate(s: number, style: number): Cell {
  const [y, m, d] = ymd(s);
  switch (style % 4) {
    case 0: return toDate(s);
    case 1: return `${y}/${m}/${d}`;
    case 2: return `${y}.${pad(m)}.${pad(d)}`;
    default: return `${y}年${m}月${d}日`;
  }
}

/** Arrival minutes, with the slot boundaries and out-of-hours arrivals well represented. */
const BOUNDARIES = [470, 479, 480, 599, 600, 601, 719, 720, 839, 840, 959, 960, 1079, 1080, 1199, 1200, 1230];
function arrival(rnd: () => number): number {
  if (rnd() < 0.3) return BOUNDARIES[Math.floor(rnd() * BOUNDARIES.length)];
  return 480 + Math.floor(rnd() * 720);
}

export interface RegisterStyle {
  title: string;
  headers: string[]; // date, time, contact, name, phone, model, source, process, level, testDrive, quote, outcome, consultant
  /** The contact header is two tick columns (来电, 来店) instead of one word column. */
  marks?: boolean;
  /** The date is written on a day's first row only (a merged cell reads blank below). */
  mergedDates?: boolean;
}

const REGISTER_STYLES: RegisterStyle[] = [
  {
    title: '展厅客户接待登记(9-10月)',
    headers: ['登记日期', '到店时间', '接待类型', '客户称呼', '手机号码', '意向车型', '了解渠道', '接待情况', '客户级别', '是否试驾', '是否报价', '成交情况', '接待顾问'],
  },
  {
    title: '来店来电客户台账',
    headers: ['接待日期', '进店-离店', '到访方式', '客户称呼', '联系方式', '意向车型', '获知途径', '沟通内容', '意向等级', '试驾(是/否)', '报价', '结果', '销售顾问'],
  },
  // Round 2 (held out).
  {
    title: '展厅来访登记簿',
    headers: ['日期', '来访时段', '客户类型(来电/来店)', '客户', '联系电话', '拟购车型', '信息渠道', '接待经过', '级别', '试乘试驾', '是否报价', '结案', '接待人'],
  },
  {
    title: '展厅日报(来电/来店)',
    headers: ['到访日期', '到店时间', '来电|来店', '客户称呼', '手机', '关注车型', '从何得知', '洽谈内容', '客户级别', '是否试驾', '已报价', '是否成交', '接待顾问'],
    marks: true,
    mergedDates: true,
  },
  // Round 3.
  {
    title: '来访客户登记',
    headers: ['来访日期', '来访时间', '来电/到店', '客户称呼', '联系手机', '意向车系', '信息来源', '接待内容', '意向级别', '是否试乘试驾', '报价情况', '成交', '接待人员'],
  },
  {
    title: '展厅客流明细',
    headers: ['日期', '时间段', '来访类型', '姓名', '电话', '车型', '渠道', '过程', '等级', '试驾情况', '是否报价', '处理结果', '顾问'],
  },
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

/** A register sheet and its truth. */
function makeRegister(rnd: () => number, style: RegisterStyle, from: number, to: number, vocab: Vocab): { sheet: UnseenSheet; truth: RegisterTruthRow[] } {
  const headers = style.marks ? style.headers.flatMap((h, i) => (i === 2 ? ['来电', '来店'] : [h])) : style.headers;
  const rows: Cell[][] = [[style.title], [], headers];
  const truth: RegisterTruthRow[] = [];
  let n = 0;
  for (let date = from; date <= to; date++) {
    const perDay = 3 + Math.floor(rnd() * 9);
    for (let k = 0; k < perDay; k++) {
      const minutes = arrival(rnd);
      const visit = rnd() < 0.65;
      const lead = rnd() < 0.6;
      const phone = `1${pick(rnd, ['3', '5', '7', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
      const [process, tdText, quoteText] = pick(rnd, vocab.process);
      const [sourceText, sourceClass] = pick(rnd, SOURCES);
      const tdMark = visit && rnd() < 0.3;
      const quoteMark = rnd() < 0.25;
      const orderText = rnd() < 0.1;
      const levelKey = orderText ? pick(rnd, ['O', 'H', 'A']) : pick(rnd, ['H', 'A', 'B', 'C', 'N', 'O', 'F', 'B', 'C']);
      const levelCell = rnd() < 0.15 ? '' : pick(rnd, vocab.level[levelKey]);
      // An order is what the sheet says: the outcome column, or a level cell that reads O.
      const order = orderText || (levelKey === 'O' && levelCell !== '');
      const dateCell: Cell = style.mergedDates && k > 0 ? '' : rnd() < 0.85 ? toDate(date) : fmtDate(date, 1 + Math.floor(rnd() * 3));
      const tick = pick(rnd, ['√', '✓', '是', '1']);
      const contact: Cell[] = style.marks ? (visit ? ['', tick] : [tick, '']) : [visit ? pick(rnd, VISIT_WORDS) : pick(rnd, CALL_WORDS)];
      rows.push([
        dateCell,
        fmtTime(minutes, date, n++, rnd),
        ...contact,
        `${pick(rnd, [...SURNAMES])}${pick(rnd, ['先生', '女士', '总', '姐', '哥'])}`,
        lead ? fmtPhone(phone, Math.floor(rnd() * 8)) : pick(rnd, ['', '', '未留', '客户不愿留', '没给']),
        pick(rnd, MODELS),
        sourceText,
        process,
        levelCell,
        tdMark ? pick(rnd, MARK_YES) : pick(rnd, MARK_NO),
        quoteMark ? pick(rnd, QUOTE_YES) : pick(rnd, QUOTE_NO),
        orderText ? pick(rnd, ORDER_YES) : pick(rnd, ORDER_NO),
        pick(rnd, CONSULTANTS),
      ]);
      truth.push({ date, slot: trueSlot(minutes), visit, lead, testDrive: tdMark || tdText, quote: quoteMark || quoteText, order, source: sourceClass });
    }
  }
  rows.push(['合计', `${truth.length}批`]);
  return { sheet: { name: '展厅登记', rows }, truth };
}

interface FollowUp {
  date: number;
  level: string;
  text: string;
  next: number | null;
}
interface Prospect {
  id: string;
  name: string;
  phone: string;
  model: string;
  source: string;
  consultant: string;
  created: number;
  followUps: FollowUp[];
  reason: string;
  reasonClass: string;
  brand: string;
}

const FOLLOW_TEXT = ['微信沟通,客户在比价', '电话回访,客户周末再来', '邀约试驾', '发了报价', '客户说再考虑', '约了下周看车', '客户没接,下午回拨'];

function makeProspects(rnd: () => number, count: number, asOf: number, allowNone: boolean, vocab: Vocab): Prospect[] {
  const out: Prospect[] = [];
  for (let i = 0; i < count; i++) {
    const created = asOf - 10 - Math.floor(rnd() * 80);
    const k = allowNone && rnd() < 0.06 ? 0 : 1 + Math.floor(rnd() * 5);
    const end = rnd() < 0.15 ? 'O' : rnd() < 0.25 ? 'F' : '';
    const followUps: FollowUp[] = [];
    let date = created;
    for (let j = 0; j < k; j++) {
      date += 1 + Math.floor(rnd() * 9);
      if (date > asOf) date = asOf;
      if (followUps.length && date <= followUps[followUps.length - 1].date) break;
      const last = j === k - 1;
      const level = last && end ? end : pick(rnd, ['H', 'A', 'B', 'C', 'N', 'B', 'C']);
      const next = !last || level === 'O' || level === 'F' || rnd() < 0.5 ? null : date + 1 + Math.floor(rnd() * 14);
      followUps.push({ date, level, text: pick(rnd, FOLLOW_TEXT), next });
    }
    const lastLevel = followUps.length ? followUps[followUps.length - 1].level : 'N';
    const [reason, reasonClass] = lastLevel === 'F' ? pick(rnd, vocab.reasons) : ['', ''];
    out.push({
      id: `YX${26000 + i}`,
      name: `${pick(rnd, [...SURNAMES])}${pick(rnd, ['先生', '女士'])}${i}`,
      phone: `1${pick(rnd, ['3', '5', '8'])}${String(100000000 + i * 7919).slice(-9)}`,
      model: pick(rnd, MODELS),
      source: pick(rnd, SOURCES)[0],
      consultant: pick(rnd, CONSULTANTS),
      created,
      followUps,
      reason,
      reasonClass,
      brand: reasonClass === '竞品' || (lastLevel === 'F' && rnd() < 0.3) ? pick(rnd, BRANDS) : '',
    });
  }
  return out;
}

/** The true appended columns of one prospect, from DOMAIN.md's rules. */
function prospectTruth(p: Prospect, asOf: number): ProspectTruthRow {
  const last = p.followUps[p.followUps.length - 1];
  const level = last ? last.level : 'N';
  if (level === 'O' || level === 'F') {
    return { level, followUps: p.followUps.length, latest: last ? last.date : '', status: '已结案', overdueDays: '', defeatClass: level === 'F' ? p.reasonClass : '' };
  }
  const due = last && last.next !== null ? last.next : (last ? last.date : p.created) + INTERVAL[level];
  const overdue = asOf > due;
  return { level, followUps: p.followUps.length, latest: last ? last.date : '', status: overdue ? '逾期' : '按时', overdueDays: overdue ? asOf - due : '', defeatClass: '' };
}

/** One row per follow-up, keyed by phone (typed differently on each row), rows shuffled. */
function longCard(rnd: () => number, prospects: Prospect[], asOf: number, vocab: Vocab): { sheet: UnseenSheet; truth: Map<number, ProspectTruthRow> } {
  const headers = ['客户称呼', '联系方式', '意向车型', '获知途径', '跟进时间', '跟进方式', '沟通记录', '意向等级', '下次联系时间', '战败原因说明', '最终购买品牌', '销售顾问'];
  const body: { cells: Cell[]; p: Prospect }[] = [];
  for (const p of prospects) {
    p.followUps.forEach((f, j) => {
      const last = j === p.followUps.length - 1;
      body.push({
        p,
        cells: [
          p.name, fmtPhone(p.phone, Math.floor(rnd() * 8)), p.model, p.source, fmtDate(f.date, Math.floor(rnd() * 4)),
          pick(rnd, ['电话', '微信', '到店', '短信']), f.text, pick(rnd, vocab.level[f.level]),
          f.next !== null ? fmtDate(f.next, Math.floor(rnd() * 4)) : '', last ? p.reason : '', last ? p.brand : '', p.consultant,
        ],
      });
    });
  }
  for (let i = body.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [body[i], body[j]] = [body[j], body[i]];
  }
  const rows: Cell[][] = [['意向客户跟进明细(导出)'], [], headers];
  const truth = new Map<number, ProspectTruthRow>();
  for (const b of body) {
    truth.set(rows.length, prospectTruth(b.p, asOf));
    rows.push(b.cells);
  }
  rows.push(['合计', `${body.length}条`]);
  return { sheet: { name: '意向客户跟进', rows }, truth };
}

/** One row per prospect with numbered follow-up columns (回访1日期, 回访1记录 …). */
function wideCard(rnd: () => number, prospects: Prospect[], asOf: number, vocab: Vocab): { sheet: UnseenSheet; truth: Map<number, ProspectTruthRow> } {
  const groups = 5;
  // Round 1 keeps the current level in one column; round 2 records a level with each follow-up instead.
  const perGroupLevel = vocab !== ROUND_1;
  const headers = ['档案号', '客户称呼', '手机号码', '意向车型', '客户来源', '建卡日期'];
  if (!perGroupLevel) headers.push('当前级别');
  const numerals = ['一', '二', '三', '四', '五'];
  for (let g = 1; g <= groups; g++) {
    if (!perGroupLevel) headers.push(`回访${g}日期`, `回访${g}记录`);
    else headers.push(`第${numerals[g - 1]}次跟进时间`, `第${numerals[g - 1]}次跟进情况`, `第${numerals[g - 1]}次跟进后级别`);
  }
  headers.push('计划下次跟进', '战败原因', '已购车品牌', '接待顾问');
  const rows: Cell[][] = [['意向客户档案(一户一行)'], [], headers];
  const truth = new Map<number, ProspectTruthRow>();
  for (const p of prospects) {
    const last = p.followUps[p.followUps.length - 1];
    const cells: Cell[] = [p.id, p.name, fmtPhone(p.phone, Math.floor(rnd() * 8)), p.model, p.source, fmtDate(p.created, Math.floor(rnd() * 4))];
    if (!perGroupLevel) cells.push(last ? pick(rnd, vocab.level[last.level]) : pick(rnd, ['', 'N', '新登记']));
    for (let g = 0; g < groups; g++) {
      const f = p.followUps[g];
      cells.push(f ? fmtDate(f.date, Math.floor(rnd() * 4)) : '', f ? f.text : '');
      if (perGroupLevel) cells.push(f ? pick(rnd, vocab.level[f.level]) : '');
    }
    cells.push(last && last.next !== null ? fmtDate(last.next, Math.floor(rnd() * 4)) : '', p.reason, p.brand, p.consultant);
    truth.set(rows.length, prospectTruth(p, asOf));
    rows.push(cells);
  }
  rows.push(['合计', `${prospects.length}户`]);
  return { sheet: { name: '意向客户档案', rows }, truth };
}

/**
 * One workbook of the other system: a register (Sept–Oct 2026) and a prospect card of the given shape.
 * @example const wb = generateUnseen(7, 'long', serial(2026, 10, 31)); wb.register.length // register rows
 */
export function generateUnseen(seed: number, shape: 'long' | 'wide', asOf: number, round: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): UnseenWorkbook {
  const rnd = prng(seed);
  const vocab = VOCABS[round - 1];
  // Round 4 reuses the header styles of round 1 (its test is the vocabulary, not the headers).
  const style = REGISTER_STYLES[(((round - 1) * 2) % REGISTER_STYLES.length) + (shape === 'long' ? 0 : 1)];
  const reg = makeRegister(rnd, style, serial(2026, 9, 1), serial(2026, 10, 31), vocab);
  const prospects = makeProspects(rnd, 160, asOf, shape === 'wide', vocab);
  const card = shape === 'long' ? longCard(rnd, prospects, asOf, vocab) : wideCard(rnd, prospects, asOf, vocab);
  return {
    sheets: [reg.sheet, card.sheet],
    register: reg.truth,
    prospects: card.truth,
    prospectSheet: card.sheet.name,
    prospectCount: shape === 'long' ? prospects.filter((p) => p.followUps.length > 0).length : prospects.length,
  };
}
