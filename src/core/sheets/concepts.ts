/**
 * Headers read as concepts, not as listed strings. The vocabulary of dealer headers is cut into morphemes, each
 * carrying one or more concept tags: qualifiers (最近/最后/末次/上次/latest → LATEST; 首次 → FIRST; 下次 → NEXT;
 * 预约/计划 → PLAN), events (进站/进厂/回厂/到店/维修/保养/service → VISIT; 购车/开票/交车 → PURCHASE;
 * 回访/致电/跟进 → CALL …), kinds (日期/日/date → DATE; 时间/time → TIME; 次数 → COUNT; 原因 → REASON …) and
 * entities (车架/VIN, 车牌, 电话, 姓名 …). A field is described, per sheet kind, by a signature over those tags, so
 * any composition maps: 最末入厂日, 最新售后到访日期 and 上回保养时间 are all LATEST + VISIT + DATE.
 *
 * One mechanism for every field, written as data: the LEXICON below (morpheme → tags) and the SIGNATURES
 * (kind → field → signature text). The synonym list (synonyms.ts) stays the stronger, exact evidence.
 *
 * Signature text: space-separated groups; a group `A|B` needs one of its tags; `?A` allows A; `!A` forbids it;
 * alternatives separated by `;`. A header matches when every required group is met and no forbidden tag is
 * present; tags neither required nor allowed (nor NEUTRAL) weaken the match.
 */
import { toHalfWidth } from '../values/halfWidth';
import { headerKey } from './normaliseHeader';
import type { Field, SheetKind } from './types';

/** Morpheme -> concept tags. Longest morpheme wins where several start at the same place. */
const LEXICON_TEXT: Record<string, string> = {
  // Qualifiers
  LATEST: '最近 最后 末次 上次 上一次 上回 最新 最末 最终 最晚 近次 前次 近一次 last latest recent previous prior',
  FIRST: '首次 第一次 首保 初次 首 first initial',
  NEXT: '下次 下一次 下回 next upcoming',
  PLAN: '预约 计划 预计 预定 拟定 appointment planned scheduled booked expected',
  ACTUAL: '实际 真实 actual',
  TOTAL: '累计 总 合计 total',
  YESNO: '是否 有无',
  // Events
  // The workshop (厂, 站) and the repair (修) name a service visit by one character too, whatever verb goes with
  // them (离厂, 出厂, 报修): the longer morphemes (保修, 厂家) are cut first.
  VISIT: '进站 进厂 来厂 入厂 入站 来站 到厂 到站 维修 保养 维保 修理 售后 检修 服务 工单 厂 站 修 service visit repair maintenance workshop',
  MAKER: '厂家 厂商 厂牌 生产 制造 manufacturer',
  INSURANCE: '保险 交强险 商业险 insurance',
  'VISIT RETURN': '回厂 回站 返厂 返站 回店 返店',
  'VISIT WALKIN': '到店 来店 进店 入店 到访',
  // A sale is named by its act (购/售/零售 …), its paper (开票/发票/invoice) or the car changing hands (交车/交付/handover).
  PURCHASE: '购车 购买 开票 交车 提车 购置 上牌 发票 出售 新车 买车 购入 售车 交付 已购 售 售出 零售 卖出 交接 移交 purchase purchased sale sold invoice invoiced delivery delivered bought buy retail handover handed',
  // The vehicle's first 登记 stands for the purchase (初登/首次登记), and so does a vehicle's registration on a sheet of
  // vehicles (上户, 行驶证注册): REGISTER is a purchase with FIRST, or without a reception (登记) or a record (建档).
  REGISTER: '注册 上户 落户 行驶证 registered reg',
  'FIRST REGISTER': '初登 首登',
  'REGISTER RECEPTION': '登记',
  'PLATE REGISTER': 'registration',
  'PURCHASE SALES': '销售',
  SALES: 'sales',
  // A call is named by its act (致电/电联/回电/呼出), its purpose (回访/招揽/关怀) or the follow-up (跟进/跟单/拜访).
  CALL: '回访 致电 招揽 呼叫 通话 拨打 外呼 电访 去电 联系 跟进 跟踪 追踪 沟通 电联 回电 呼出 来去电 关怀 慰问 跟单 拜访 走访 call called calling contact contacted follow followup outreach phoned',
  WARRANTY: '保修 质保 延保 保期 三包 warranty guarantee',
  END: '截止 到期 结束 期满 终止 expiry expire expires end until',
  CREATE: '建档 建卡 创建 录入 留档 建立 created create',
  INVITE: '邀约 邀请 invite invitation invited',
  DEFEAT: '战败 未成交 放弃 输单 丢单 defeat lost loss',
  CHURN: '流失 未回厂 不回厂 未回站 不回站 未进站 churn',
  FAIL: '失败 未接通 未接 failed failure',
  RECEPTION: '接待 登记 reception',
  // A receptionist's shorthand (电 | 店 over two tick columns) is the same word as the register's cells (contactType.ts).
  CALLIN: '来电 电话咨询 inbound 电 电询 进线',
  WALKIN: '展厅 walkin 店 亲访 店访',
  'RECEPTION WALKIN': '来访',
  BIRTH: '生日 出生 birthday birth',
  // Kinds
  DATE: '日期 日 年月日 date day',
  TIME: '时间 时刻 几点 time arrival',
  SLOT: '时段 时间段 slot',
  INOUT: '进离 进出 到离 进店离店',
  // Leaving alone is no arrival (离店时间 beside 到店时间); with the arrival it is the visit's span (到店-离店).
  LEAVE: '离店 离开 离去 离场 departure leave left',
  // A span from … to (接待起止, 起讫时间): its start is the arrival.
  SPAN: '起止 起讫 始末 起始结束 起至 fromto',
  // The start of something (保修开始, 质保起始日): a warranty's start is the car's sale.
  START: '开始 起始 起算 生效 start begin beginning commencement effective',
  COUNT: '次数 台次 数量 频次 数 count times number',
  // The odometer by its instrument (odo, 仪表), its reading (表显, 读数, reading) or the distance driven (行驶, km).
  MILEAGE: '里程 公里 km odometer odo mileage kilometers kilometres 表显 仪表 行驶 千米',
  READING: '读数 reading readings',
  RESULT: '结果 情况 状态 结局 接通 接听 result outcome status',
  REASON: '原因 理由 为何 为什么 缘由 reason why cause',
  FEEDBACK: '反馈 意见 内容 记录 描述 说明 feedback content',
  DEST: '去向 流向 去处 何处 哪里 地点 destination where went',
  REMARK: '备注 备考 remark remarks note notes comment comments memo',
  PROCESS: '经过 过程 洽谈 process',
  CLOSURE: '结案 结单 closure closed',
  TESTDRIVE: '试驾 试乘 testdrive',
  QUOTE: '报价 quote quotation quoted',
  ORDER: '订单 订车 下订 成交 定金 订金 签约 order ordered deal',
  METHOD: '方式 形式 手段 method way',
  TYPE: '类型 类别 性质 分类 种类 type kind category',
  BRAND: '品牌 竞品 他牌 brand competitor rival',
  INTENDED: '意向 拟购 关注 感兴趣 咨询 线索 潜客 intended interest lead',
  // Entities
  VIN: '车架 车架号 车架号码 底盘 底盘号 识别代号 识别码 识别号 vin chassis',
  PLATE: '车牌 车牌号 车牌号码 牌照 号牌 车号 plate license licence',
  // 联系 alone is a contact made (CALL); with the means of contact it is the number (联系电话).
  PHONE: '电话 手机 联系方式 联系电话 联系手机 联系号码 号码 手机号 移动电话 固话 座机 mobile phone tel telephone cell cellphone',
  NAME: '姓名 名称 名字 名 name',
  CUSTOMER: '客户 车主 用户 顾客 机主 买方 customer owner client user',
  PERSON: '顾问 专员 人员 人 员 坐席 客服 经理 执行人 agent operator advisor adviser consultant caller staff person',
  MODEL: '车型 车系 车款 型号 车种 model series',
  REGION: '地区 所在地 区域 城市 区县 片区 省份 省 市 县 区 归属地 region area city district province',
  ADDRESS: '地址 住址 住所 address',
  GENDER: '性别 男女 gender sex',
  LEVEL: '级别 等级 意向度 热度 level grade rating',
  SOURCE: '来源 渠道 途径 获知 从何得知 source channel origin',
  ID: '编号 档案号 卡号 代码 code',
  COMPANY: '公司 单位 经销商 门店 dealer',
  VEHICLE: '车辆 车 vehicle car',
};

/**
 * Words too short to be cut out of a header's letters ('sa' is inside 'sales' and 'usage'), read only when they stand
 * alone as a word of the header (SA Name, sa_code): a service advisor is a member of staff.
 */
const WHOLE_WORDS_TEXT: Record<string, string> = {
  PERSON: 'sa',
};
const WHOLE_WORDS: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [tags, words] of Object.entries(WHOLE_WORDS_TEXT)) for (const w of words.split(' ')) m.set(w, tags.split(' '));
  return m;
})();

/** The header's whole ASCII words that WHOLE_WORDS holds. */
function wholeWords(header: unknown): string[] {
  if (typeof header !== 'string') return [];
  return toHalfWidth(header).toLowerCase().split(/[^a-z0-9]+/).filter((w) => WHOLE_WORDS.has(w));
}

/** Tags allowed in any header without weakening a match. */
const NEUTRAL = new Set(['CUSTOMER', 'ACTUAL', 'YESNO', 'VEHICLE']);

const LEXICON: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [tags, words] of Object.entries(LEXICON_TEXT)) {
    for (const w of words.split(' ')) {
      const key = headerKey(w);
      // Two-letter ASCII morphemes ('sa', 'id') would be found inside English words: only longer ones are cut.
      if (key === '' || (/^[a-z]+$/.test(key) && key.length < 3 && key !== 'km')) continue;
      const list = m.get(key) ?? [];
      for (const t of tags.split(' ')) if (!list.includes(t)) list.push(t);
      m.set(key, list);
    }
  }
  return m;
})();
const MAX_MORPHEME = Math.max(...[...LEXICON.keys()].map((k) => k.length));

/** Field signatures per kind (see the file comment for the notation). */
const SIG_NAME = 'NAME ?CUSTOMER !PERSON !COMPANY !PHONE !ADDRESS !GENDER !SOURCE !LEVEL !TYPE !ID !MODEL !BRAND ; CUSTOMER !PERSON !COMPANY !PHONE !ADDRESS !GENDER !SOURCE !LEVEL !TYPE !ID !DATE !TIME !MODEL !COUNT !REGION !RESULT !REASON !CALL !VIN !PLATE !MILEAGE !BRAND';
const SIG_PHONE = 'PHONE ?CUSTOMER ?NAME !DATE !TIME !CALL !PERSON !PLATE !VIN !CALLIN';
const SIG_PLATE = 'PLATE ?PHONE !DATE !TIME !FIRST';
const SIG_VIN = 'VIN ?PHONE ?ID';
const SIG_GENDER = 'GENDER';
const SIG_ADDRESS = 'ADDRESS ?CUSTOMER ?REGION';
const SIG_REGION = 'REGION ?CUSTOMER !ADDRESS !PERSON';
const SIG_LEVEL = 'LEVEL ?INTENDED ?CALL ?LATEST ?PURCHASE !DATE !TIME';
const SIG_SOURCE = 'SOURCE ?INTENDED ?CUSTOMER';
const SIG_CONSULTANT = 'PERSON ?SALES ?RECEPTION ?CALL ?NAME !VISIT !DATE !TIME !CUSTOMER !METHOD !RESULT';

const SIGNATURES: { [K in SheetKind]: Partial<Record<Field, string>> } = {
  customers: {
    name: SIG_NAME,
    phone: SIG_PHONE,
    plate: SIG_PLATE,
    vin: SIG_VIN,
    model: 'MODEL ?PURCHASE !INTENDED !BRAND',
    // The sale by its act or paper; a first (or, on a vehicle sheet, the) registration; the deal (成交/签约) of a car;
    // the start of its warranty (保修开始: a new car's warranty starts on the day it is sold).
    purchaseDate: 'PURCHASE DATE|TIME ?FIRST ?REGISTER !VISIT !CALL !WARRANTY !LATEST !NEXT !PLAN !BIRTH !COUNT ; FIRST REGISTER DATE|TIME !VISIT !CALL !WARRANTY !LATEST !NEXT !PLAN !BIRTH !COUNT ; REGISTER DATE|TIME ?VEHICLE ?PLATE !RECEPTION !VISIT !CALL !WARRANTY !LATEST !NEXT !PLAN !BIRTH !COUNT !CREATE ; ORDER DATE|TIME ?PURCHASE !VISIT !CALL !LATEST !NEXT !PLAN !BIRTH !COUNT ; START WARRANTY DATE|TIME !END !LATEST !NEXT !PLAN',
    lastVisitDate: 'VISIT DATE|TIME ?LATEST ?RETURN ?WALKIN !FIRST !NEXT !PLAN !PURCHASE !COUNT !MILEAGE !CALL !WARRANTY ; LATEST VISIT ?RETURN ?WALKIN !FIRST !NEXT !PLAN !PURCHASE !COUNT !MILEAGE !CALL !WARRANTY !PERSON !FEEDBACK !RESULT !REASON !TYPE !METHOD !ID',
    visitCount: 'VISIT COUNT ?TOTAL ?RETURN ?WALKIN !DATE !MILEAGE',
    mileage: 'MILEAGE ?READING ?LATEST ?VISIT ?COUNT ?RETURN !WARRANTY !FIRST !PLAN',
    region: SIG_REGION,
    advisor: 'PERSON ?VISIT !SALES !CALL !DATE !TIME',
    gender: SIG_GENDER,
    address: SIG_ADDRESS,
    warrantyEndDate: 'WARRANTY END|DATE|TIME ?DATE ?TIME ?END !START',
  },
  calls: {
    callDate: 'CALL DATE|TIME ?LATEST !PLAN !INVITE !NEXT !VISIT !RETURN !PURCHASE !WARRANTY !PERSON',
    vin: SIG_VIN,
    plate: SIG_PLATE,
    phone: SIG_PHONE,
    name: SIG_NAME,
    result: 'RESULT|FAIL ?CALL ?REASON ?LATEST !INVITE !PLAN !CLOSURE !DATE !TIME !PERSON',
    reason: 'REASON|FEEDBACK ?CHURN ?CALL ?CUSTOMER !FAIL !DEST !RESULT',
    destination: 'DEST ?CHURN ?VISIT',
    invited: 'INVITE ?RESULT ?YESNO !DATE !TIME !PERSON',
    appointmentDate: 'PLAN|INVITE DATE|TIME ?VISIT ?RETURN ?WALKIN',
    returnDate: 'RETURN|VISIT DATE|TIME ?ACTUAL ?WALKIN !PLAN !INVITE !LATEST !NEXT !PURCHASE !CALL !FIRST',
    caller: 'PERSON ?CALL ?NAME !DATE !TIME !RESULT !SALES !VISIT',
  },
  register: {
    date: 'DATE ?RECEPTION ?WALKIN ?CALLIN ?VISIT !PURCHASE !NEXT !PLAN !LATEST !WARRANTY !BIRTH !CREATE !CALL !TIME',
    time: 'TIME|SLOT|INOUT ?RECEPTION ?WALKIN ?CALLIN ?VISIT ?INOUT !DATE !PURCHASE !INTENDED !CALL !LEAVE ; WALKIN|INOUT|RECEPTION LEAVE ?TIME ?VISIT !DATE ; SPAN ?RECEPTION ?WALKIN ?CALLIN ?VISIT ?TIME !DATE',
    contactType: 'TYPE|METHOD ?RECEPTION ?WALKIN ?CALLIN ?CUSTOMER ?VISIT !SOURCE ; CALLIN WALKIN|VISIT',
    // A header naming the kind or manner of contact (到访形式, 接待方式) is the call/visit column, never one mark.
    callMark: 'CALLIN !TYPE !METHOD !DATE !TIME !WALKIN',
    visitMark: 'WALKIN !TYPE !METHOD !DATE !TIME !CALLIN',
    name: SIG_NAME,
    gender: SIG_GENDER,
    phone: SIG_PHONE,
    address: SIG_ADDRESS,
    intendedModel: 'MODEL ?INTENDED ?TIME ?PURCHASE',
    source: SIG_SOURCE,
    process: 'PROCESS|FEEDBACK ?RECEPTION ?CALL',
    level: SIG_LEVEL,
    closure: 'CLOSURE ?RESULT',
    consultant: SIG_CONSULTANT,
    remarks: 'REMARK',
    testDrive: 'TESTDRIVE ?YESNO',
    quote: 'QUOTE ?YESNO !PLAN',
    order: 'ORDER ?YESNO !DATE !TIME !REASON',
  },
  prospects: {
    prospectId: 'ID ?CUSTOMER ?INTENDED',
    name: SIG_NAME,
    phone: SIG_PHONE,
    level: SIG_LEVEL,
    followDate: 'CALL DATE|TIME ?LATEST !NEXT !PLAN !CREATE !FIRST',
    followMethod: 'METHOD ?CALL !NEXT',
    followResult: 'RESULT|FEEDBACK|PROCESS ?CALL ?LATEST !NEXT !DEFEAT !REASON',
    nextDate: 'NEXT|PLAN CALL|DATE|TIME ?CALL ?DATE ?TIME',
    defeatReason: 'REASON ?DEFEAT ?CHURN ?FAIL !DEST',
    boughtInstead: 'BRAND|DEST ?PURCHASE ?DEFEAT ?MODEL ?LATEST ?CHURN',
    consultant: SIG_CONSULTANT,
    source: SIG_SOURCE,
    model: 'MODEL ?INTENDED !BRAND !PURCHASE',
    createdDate: 'CREATE DATE|TIME ; FIRST WALKIN|RECEPTION|CALL DATE|TIME',
  },
};

interface Signature {
  required: string[][];
  allowed: Set<string>;
  forbidden: Set<string>;
}

function parseSignature(text: string): Signature[] {
  return text.split(';').map((alt) => {
    const required: string[][] = [];
    const allowed = new Set<string>();
    const forbidden = new Set<string>();
    for (const part of alt.trim().split(/\s+/)) {
      if (part.startsWith('!')) forbidden.add(part.slice(1));
      else if (part.startsWith('?')) allowed.add(part.slice(1));
      else {
        const group = part.split('|');
        required.push(group);
        for (const t of group) allowed.add(t);
      }
    }
    return { required, allowed, forbidden };
  });
}

const PARSED: { [K in SheetKind]: Map<Field, Signature[]> } = (() => {
  const out = {} as { [K in SheetKind]: Map<Field, Signature[]> };
  for (const [kind, fields] of Object.entries(SIGNATURES) as [SheetKind, Partial<Record<Field, string>>][]) {
    const m = new Map<Field, Signature[]>();
    for (const [f, text] of Object.entries(fields) as [Field, string][]) m.set(f, parseSignature(text));
    out[kind] = m;
  }
  return out;
})();

/** One morpheme found in a header. */
export interface Morpheme {
  text: string;
  tags: readonly string[];
}

/** The header cut into morphemes (longest first), and how many of its characters they explain. */
export interface HeaderConcepts {
  morphemes: Morpheme[];
  tags: Set<string>;
  /** Share of the header's characters covered by morphemes, 0..1. */
  coverage: number;
}

const conceptCache = new Map<string, HeaderConcepts>();

/**
 * Reads a header as morphemes and concept tags.
 * @example readConcepts('最末入厂日').tags // Set { 'LATEST', 'VISIT', 'DATE' }
 */
export function readConcepts(header: unknown): HeaderConcepts {
  const key = headerKey(header);
  const words = wholeWords(header);
  const cacheKey = words.length ? `${key}|${words.join(' ')}` : key;
  const hit = conceptCache.get(cacheKey);
  if (hit) return hit;
  const morphemes: Morpheme[] = [];
  const tags = new Set<string>();
  let covered = 0;
  for (const w of words) {
    const t = WHOLE_WORDS.get(w)!;
    morphemes.push({ text: w, tags: t });
    for (const x of t) tags.add(x);
    covered += w.length;
  }
  let i = 0;
  while (i < key.length) {
    let found = '';
    for (let len = Math.min(MAX_MORPHEME, key.length - i); len >= 1; len--) {
      const piece = key.slice(i, i + len);
      if (LEXICON.has(piece)) {
        found = piece;
        break;
      }
    }
    if (found === '') {
      i++;
      continue;
    }
    const t = LEXICON.get(found)!;
    morphemes.push({ text: found, tags: t });
    for (const x of t) tags.add(x);
    covered += found.length;
    i += found.length;
  }
  const result: HeaderConcepts = { morphemes, tags, coverage: key.length ? Math.min(1, covered / key.length) : 0 };
  if (conceptCache.size < 20000) conceptCache.set(cacheKey, result);
  return result;
}

/** Base of a concept match; a match lies in [CONCEPT_BASE, CONCEPT_BASE + 80]. */
export const CONCEPT_BASE = 120;

/**
 * How well a header's concepts fit a field of a kind: 0 when they do not (a required concept missing, a forbidden
 * one present), else CONCEPT_BASE + up to 80 by the share of the header explained, less 40 per morpheme that says
 * something the field does not.
 * @example conceptScore('customers', 'lastVisitDate', '最末入厂日') > 0 // true
 */
export function conceptScore(kind: SheetKind, field: Field, header: unknown): number {
  return scoreConcepts(kind, field, readConcepts(header));
}

/**
 * conceptScore of a reading already made (readConcepts, or another reading of the same concepts: pinyin initials).
 * @example scoreConcepts('customers', 'lastVisitDate', readConcepts('最末入厂日')) > 0 // true
 */
export function scoreConcepts(kind: SheetKind, field: Field, c: HeaderConcepts): number {
  const sigs = PARSED[kind].get(field);
  if (!sigs) return 0;
  if (c.morphemes.length === 0 || c.coverage < 0.5) return 0;
  let best = 0;
  for (const sig of sigs) {
    let ok = true;
    for (const t of c.tags) if (sig.forbidden.has(t)) ok = false;
    if (!ok) continue;
    for (const group of sig.required) if (!group.some((t) => c.tags.has(t))) ok = false;
    if (!ok) continue;
    let extra = 0;
    for (const m of c.morphemes) {
      if (!m.tags.some((t) => sig.allowed.has(t) || NEUTRAL.has(t))) extra++;
    }
    const score = CONCEPT_BASE + Math.round(80 * c.coverage) - 40 * extra;
    if (score > best) best = score;
  }
  return best >= CONCEPT_BASE - 40 ? best : 0;
}

/** The fields of a kind that have a concept signature (every field of the dictionary should). */
export function conceptFields(kind: SheetKind): Field[] {
  return [...PARSED[kind].keys()];
}

/** Every morpheme of the lexicon with its tags (for other readings of the same concepts: pinyin initials). */
export function lexiconEntries(): [string, readonly string[]][] {
  return [...LEXICON.entries()];
}
