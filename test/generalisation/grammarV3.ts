/**
 * The header grammar of the THIRD held-out split (`v3`) of the generalisation harness: wordings, layouts and value
 * styles that appear in neither grammar.ts (seen, heldOut) nor grammarV2.ts (v2), written blind in session 8 (from
 * DOMAIN.md, the seeds and general knowledge of Chinese 4S-dealer DMS exports, OEM region exports, call-centre
 * systems and English dealer systems; the product's synonym lists, normaliser, matcher, value vocabularies,
 * test/accuracy, test/robustness and the CLI sample vocabulary were NOT opened).
 *
 * Nobody tunes on this split: it is measured once, at the end of a session, by the lead (docs/accuracy.md). Do not
 * copy these lists into the product's dictionaries.
 *
 * What is new here, by source:
 * - other service events (出厂, 竣工, 接车, 离厂, 定保, 报修, 修理, 售后服务) and other "last" qualifiers (最新, 上回,
 *   前一次, 最近1次, 最后1次), with the kind 日期时间 besides 日期/时间;
 * - other purchase events (新车发票, 购车发票, 上户, 首次上牌, 行驶证注册, 保修开始/起始, 车辆购买, 新车交车, 成交,
 *   签约, 开发票): warranty start and registration stand for the sale in many after-sales exports;
 * - call-centre wordings (流失回访, 去电, 外呼执行, 拨号 …; 回访结论, 外呼结论, 去电结果 …);
 * - mixed 中英 headers (VIN码/车架号, 车牌号/Plate), headers with units ((km), (元)), English labels of other
 *   dealer systems (Last Svc Dt, In-Service Date, VIN#, Lic. Plate …), database column names (last_ro_dt, vin_code,
 *   mobile_tel …) and pinyin-initial codes some DMS exports carry as headers (ZHJCRQ = 最后进厂日期, CJH = 车架号,
 *   SJHM = 手机号码, HFRQ = 回访日期, HFJG = 回访结果 …);
 * - register: 到店-离店, 抵离时间, 起止时间, arrival and leave in two columns, 到店或来电 …; prospect cards: 潜客ID,
 *   意向评级, 实际跟进日期 …, and new numbering styles of the wide card's groups (第1回跟进日期, 跟进日期(第1次),
 *   1st Follow-up Date, 第一轮跟进日期).
 *
 * Disjointness is checked by code (heldOutV3.test.ts): after `normHeader` (NFKC, case, spaces, line breaks,
 * brackets and punctuation removed) no v3 wording equals any wording of grammar.ts or grammarV2.ts, and none occurs
 * as a whole string in the product's src/ text (that check prints only a count).
 */
import type { SheetKind } from '../../src/core/sheets/types';
import { compose, type GroupPart } from './grammar';

const uniq = (xs: string[]): string[] => [...new Set(xs)];

// ---- composed date headers ------------------------------------------------------------------------------------
/** "last" qualifiers used by neither earlier split. */
const LAST_Q_NEW = ['最新', '上回', '前一次', '最近1次', '最后1次'];
/** The common qualifiers, combined here only with the new events. */
const LAST_Q_OLD = ['最后', '最近', '上次', '末次'];
/** Service events used by neither earlier split. */
const VISIT_EV_NEW = ['出厂', '竣工', '接车', '离厂', '定保', '报修', '修理', '售后服务'];
/** Common events, combined here only with the new qualifiers. */
const VISIT_EV_OLD = ['进站', '进厂', '维修', '保养'];
const KIND_V3 = ['日期', '时间', '日期时间'];

/** Purchase events used by neither earlier split. */
const BUY_EV_V3 = ['新车发票', '购车发票', '上户', '首次上牌', '行驶证注册', '保修开始', '保修起始', '车辆购买', '新车交车', '成交', '签约', '开发票'];
const BUY_KIND_V3 = ['日期', '时间', '日'];

/** Call events used by neither earlier split. */
const CALL_EV_V3 = ['流失回访', '招揽回访', '电话招揽', '去电', '电话联系', '外呼执行', '拨号', '回访完成'];

export const PHONE_V3 = ['客户联系电话', '车主联系方式', '移动电话/手机', '手机(主)', '联系电话(手机)', '电话1', '主联系电话', '联系人手机', 'Mobile Tel', 'Phone No.', 'Cell No.', 'Contact Tel', 'mobile_tel', 'SJHM', 'LXDH'];
export const PLATE_V3 = ['机动车号牌', '车辆牌号', '车牌编号', '车号牌', '登记车牌', '车牌号/Plate', 'License No.', 'Plate #', 'Lic. Plate', 'lic_plate_no', 'CPHM'];
export const VIN_V3 = ['车辆识别代码', 'VIN码/车架号', 'VIN/车架号码', '底盘号码', '车架编号', 'VIN代码', '车辆VIN码', 'VIN Code', 'VIN#', 'Chassis #', 'vin_code', 'CJH'];

/** v3 wordings per kind and field. Key fields always use these in the v3 split; other fields half of the time. */
export const GRAMMAR_V3: Record<SheetKind, Record<string, readonly string[]>> = {
  customers: {
    lastVisitDate: uniq([
      ...compose(LAST_Q_NEW, [...VISIT_EV_OLD, ...VISIT_EV_NEW], KIND_V3),
      ...compose(LAST_Q_OLD, VISIT_EV_NEW, KIND_V3),
      '末次出厂日期/Last Out Date', 'Last Svc Dt', 'Latest RO Close Date', 'Last Job Date', 'Last Shop Visit', 'Date Last Serviced',
      'last_ro_dt', 'last_repair_dt', 'ZHJCRQ', 'SCWXRQ', 'ZJJZRQ',
    ]),
    purchaseDate: uniq([
      ...compose(BUY_EV_V3, BUY_KIND_V3),
      'In-Service Date', 'Warranty Start Date', 'Delivery Dt', 'Date of Delivery', 'Date Delivered', 'First Reg. Date', 'sell_date', 'GCRQ', 'KPRQ', 'XSRQ',
    ]),
    vin: VIN_V3,
    plate: PLATE_V3,
    phone: PHONE_V3,
    name: ['车主/客户', '车主名', '所有人姓名', 'Owner Full Name', 'KHXM'],
    model: ['品牌车系', 'Model/Trim', 'CXMC'],
    mileage: ['进厂里程(km)', '里程(公里)', 'Odo (km)', '公里数(km)', 'XSLC'],
    visitCount: ['来厂次数', '维修频次', 'Visit Times'],
    region: ['所属城市', '客户所在市', 'City/County'],
    advisor: ['接待员', '服务顾问(SA)', 'SA姓名', 'SA/顾问'],
  },
  calls: {
    callDate: uniq([...compose(CALL_EV_V3, KIND_V3), 'Call Date/Time', 'Call Start', 'Dialed At', 'Contacted Date', 'Call Dt', 'HFRQ', 'HFSJ']),
    result: ['回访结论', '回访结果/状态', '通话结论', '外呼结论', '电话回访结论', '去电结果', '接通与否', 'Call Result Code', 'Outcome Code', 'Call Disposition', 'HFJG'],
    vin: VIN_V3,
    plate: PLATE_V3,
    phone: PHONE_V3,
    name: ['车主/客户', '车主名'],
    reason: ['流失原因描述', '未回厂理由', '不进厂原因', '客户流失原因', 'Churn Cause', 'LSYY'],
    caller: ['回访坐席', '外呼员', '客服人员', 'Agent Name'],
  },
  register: {
    date: ['日期(星期)', '来访日', '月/日', 'Visit Dt', 'Walk-in Date', 'Traffic Date', 'RQ'],
    time: ['到店-离店', '进出店时间', '接待起止', '起止时间', '到店时刻', '抵离时间', 'In/Out Time', 'Arr./Dep.'],
    contactType: ['到店或来电', '电话/展厅', '客户到访方式', '客流性质', '来访类别', '接洽方式', 'Call or Walk-in', 'Inquiry Type', 'Traffic Type'],
    callMark: ['电话来访', '来电客户', 'Inbound Call'],
    visitMark: ['展厅来访', '进店客户', 'Walk-in Visit', 'Showroom Visit'],
    name: ['来访人', '客户称呼', 'Visitor'],
    level: ['意向程度', '意向热度'],
    consultant: ['责任销售', '接待销售顾问'],
  },
  prospects: {
    prospectId: ['潜客ID', '客户线索号', '线索编码', '意向客户ID', '商机ID', 'Lead Number', 'Prospect Code', 'CRM ID', 'KHBH'],
    phone: PHONE_V3,
    level: ['意向级别(H/A/B/C)', '客户意向等级', '级别(HABC)', '当前级别', '最新级别', '意向评级', 'Hotness', 'Lead Level', 'Temperature', 'YXJB'],
    followDate: ['实际跟进日期', '跟进发生日期', '本次联系日期', '跟进记录日期', '跟进日期时间', 'F/U Date', 'Contact Dt', 'GJRQ'],
    name: ['潜客', '意向人', 'Lead Name'],
    followResult: ['跟进小结', '本次沟通内容', 'Follow Notes'],
  },
};

/** The group label above the two tick columns (电话咨询 | 到店客户 …) of a v3 register. */
export const TICK_GROUP_V3 = ['接待类别', '客户来访', 'Visit/Call'];

// ---- numbered follow-up groups of a wide prospect card -------------------------------------------------------
const CN_NUM = ['一', '二', '三', '四', '五', '六'];
const EN_ORD = ['1st', '2nd', '3rd', '4th', '5th', '6th'];
const PART_WORD_V3: Record<GroupPart, readonly string[]> = { followDate: ['日期', '日'], followMethod: ['方式', '渠道'], followResult: ['结果', '记录'] };
const PART_EN_V3: Record<GroupPart, string> = { followDate: 'Date', followMethod: 'Channel', followResult: 'Outcome' };

/** One-row header of group n (1-based) in the v3 split: numbering styles no earlier split uses. */
export function groupHeaderV3(style: number, n: number, part: GroupPart, wordPick: number): string {
  const words = PART_WORD_V3[part];
  const w = words[wordPick % words.length];
  switch (style % 4) {
    case 0: return `第${n}回跟进${w}`;
    case 1: return `跟进${w}(第${n}次)`;
    case 2: return `${EN_ORD[n - 1]} Follow-up ${PART_EN_V3[part]}`;
    default: return `第${CN_NUM[n - 1]}轮跟进${w}`;
  }
}

/** Two-row header: the merged group label above the parts. */
export function groupLabelV3(style: number, n: number): string {
  switch (style % 4) {
    case 0: return `第${n}回跟进`;
    case 1: return `跟进(第${n}次)`;
    case 2: return `${EN_ORD[n - 1]} Follow-up`;
    default: return `第${CN_NUM[n - 1]}轮跟进`;
  }
}

/** Sub-headers under a v3 group label. */
export const GROUP_SUB_V3: Record<GroupPart, readonly string[]> = {
  followDate: ['日期/时间', 'Dt.', '时间点'],
  followMethod: ['手段', 'Via'],
  followResult: ['小结', '结论'],
};

// ---- layout quirks of the v3 split ------------------------------------------------------------------------------
/** Title lines of an OEM region / dealer-group export. */
export function titleBlockV3(kind: SheetKind, dealer: string): string[] {
  const titles: Record<SheetKind, string> = {
    customers: `${dealer} 保有车辆档案导出`,
    calls: `${dealer} 外呼任务执行明细`,
    register: `${dealer} 展厅接待流量明细`,
    prospects: `${dealer} 线索跟进明细`,
  };
  return [
    titles[kind],
    '大区:华西大区    小区:陕甘宁',
    `经销商代码:SX${String(dealer.length * 1373).padStart(5, '0')}`,
    '报表编号:RPT-AS-0412',
    '截止日期:2026-10-31',
    '导出时间:2026/11/03 08:02 星期二',
    '操作员:dms_export',
  ];
}

/** Lines written above a header repeated on each printed page. */
export const PAGE_LINES_V3 = ['第2页', '续表', '(续上页)', 'Page 2'];

/** Columns of the notes group (a merged 备注信息 over them in two-row headers); no field. */
export const NOTES_GROUP_V3 = { label: '备注信息', columns: ['备注1', '备注2', '特殊说明'] };

/** Extra columns of the v3 split (no field); some are traps that look like a field (a future date, a service item). */
export const EXTRA_COLUMNS_V3: Record<SheetKind, readonly string[]> = {
  customers: ['保养金额(元)', '累计维修金额(元)', '客户星级', '车身颜色', '会员积分', '客户标签', '上次保养项目', '下次保养里程(km)', '下次保养日期'],
  calls: ['通话时长(秒)', '回访批次', '任务编号', '回访模板', '录音文件'],
  register: ['天气情况', '同行人员', '离店时间', '接待时长(min)'],
  prospects: ['客户预算(万元)', '置换意向', '竞品关注'],
};

/** Row labels of a subtotal inside the data (a dealer group's or a page's). */
export const MID_TOTAL_V3 = ['经销商小计', '分店小计', '小计(台)', '本页合计'];

/** Sheet names of the v3 split. */
export const NAMES_V3: Record<SheetKind | 'other', readonly string[]> = {
  customers: ['基盘_202610', '保有车辆', 'CustomerList', 'data'],
  calls: ['回访_202610', '外呼明细', 'CallList', 'data'],
  register: ['客流_202610', '展厅接待明细', 'Traffic', 'data'],
  prospects: ['线索_202610', '潜客明细', 'LeadList', 'data'],
  other: ['数据透视', '经销商清单', '封面'],
};

const V3_PARTS: GroupPart[] = ['followDate', 'followMethod', 'followResult'];

/** Every wording the v3 split writes for a field (key or not), tick group or numbered group. */
export function v3Wordings(): { h: string; where: string }[] {
  const out: { h: string; where: string }[] = [];
  for (const [kind, fields] of Object.entries(GRAMMAR_V3)) for (const [field, hs] of Object.entries(fields)) for (const h of hs) out.push({ h, where: `${kind}.${field}` });
  for (const h of TICK_GROUP_V3) out.push({ h, where: 'v3 tick group' });
  for (let style = 0; style < 4; style++) {
    for (let n = 1; n <= 6; n++) {
      out.push({ h: groupLabelV3(style, n), where: 'v3 group label' });
      for (const part of V3_PARTS) for (const w of [0, 1]) out.push({ h: groupHeaderV3(style, n, part, w), where: `v3 group header ${part}` });
    }
  }
  for (const [part, hs] of Object.entries(GROUP_SUB_V3)) for (const h of hs) out.push({ h, where: `v3 group sub-header ${part}` });
  return out;
}
