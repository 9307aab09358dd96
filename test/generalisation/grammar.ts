/**
 * The header grammar of the generalisation harness: how Chinese DMS exports and dealer forms name each field.
 *
 * Written from DOMAIN.md, the seeds and general knowledge of 4S-dealer DMS exports, NOT from the product's
 * dictionaries (this harness must stay blind to src/core/sheets/synonyms.ts and friends).
 *
 * Every field has two disjoint sets of wordings:
 * - `seen`: the common wordings (the ones DOMAIN.md lists and their everyday variants);
 * - `heldOut`: rarer but real wordings (other morphemes and whole synonyms) that are used ONLY by the held-out
 *   split. A held-out header for a composed field carries at least one held-out morpheme.
 * Decorations (units, brackets, required-marks, full-width forms, spaces) are shared by both splits: they are
 * not vocabulary.
 */
import type { SheetKind } from '../../src/core/sheets/types';

/** 'v2' / 'v3' / 'v4': the second, third and fourth held-out splits (grammarV2.ts …), each measured once at the end of a session. */
export type Split = 'seen' | 'heldOut' | 'v2' | 'v3' | 'v4' | 'v5';

export interface FieldGrammar {
  seen: readonly string[];
  heldOut: readonly string[];
}

/** Cartesian product of morpheme lists, joined. */
export function compose(...parts: readonly (readonly string[])[]): string[] {
  let out: string[] = [''];
  for (const p of parts) {
    const next: string[] = [];
    for (const a of out) for (const b of p) next.push(a + b);
    out = next;
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

// ---- composed date headers: qualifier + event + kind --------------------------------------------------------
const LAST_Q_SEEN = ['最后', '最近', '上次', '末次'];
const LAST_Q_HELD = ['最末', '前次', '最新一次', '最晚'];
const VISIT_EV_SEEN = ['进站', '进厂', '回厂', '维修', '到店', '保养'];
const VISIT_EV_HELD = ['入厂', '返厂', '来厂', '维保', '结算', '送修', '入站'];
const DATE_KIND_SEEN = ['日期', '时间'];
const DATE_KIND_HELD = ['日期', '日'];

const BUY_EV_SEEN = ['购车', '开票', '销售', '交车', '购买'];
const BUY_EV_HELD = ['发票', '售车', '提车', '上牌', '注册', '新车交付', '出库'];

const CALL_EV_SEEN = ['回访', '招揽', '致电', '跟踪'];
const CALL_EV_HELD = ['外呼', '电访', '拨打', '通话', '联络'];

const PERSON_SEEN = uniq([...compose(['客户', '车主', '用户'], ['姓名', '名称']), '姓名', '车主', 'Customer Name', 'Name']);
const PERSON_HELD = ['送修人', '托修人', '托修方', '车辆所有人', '所有人', '机动车所有人', 'Owner', 'Client'];
const PHONE: FieldGrammar = {
  seen: ['联系电话', '手机', '手机号码', '电话', '移动电话', 'Mobile', 'Phone'],
  heldOut: ['联络电话', '联络手机', '车主手机', '送修人电话', '移动号码', '手提电话', 'Cellphone', 'Tel No.'],
};
const PLATE: FieldGrammar = {
  seen: ['车牌号', '车牌', '车牌号码', 'Plate No.'],
  heldOut: ['牌照号', '牌照', '号牌号码', '车号', '牌号', 'License Plate', 'Reg. No.'],
};
const VIN: FieldGrammar = {
  seen: ['车架号', 'VIN码', '底盘号', 'VIN', '车架号(VIN)', 'VIN号'],
  heldOut: ['大架号', '车身号', '车辆识别码', '识别代码', 'Chassis No.', 'Frame No.'],
};
const NAME: FieldGrammar = { seen: PERSON_SEEN, heldOut: PERSON_HELD };

export const CUSTOMER_GRAMMAR: Record<string, FieldGrammar> = {
  name: NAME,
  phone: PHONE,
  plate: PLATE,
  vin: VIN,
  model: { seen: ['车型', '车系', '车型名称', 'Model', '车型车系'], heldOut: ['品牌型号', '车款', '车辆型号', '车型配置', 'Vehicle Line'] },
  purchaseDate: {
    seen: [...compose(BUY_EV_SEEN, DATE_KIND_SEEN), 'Purchase Date', 'Sale Date'],
    heldOut: [...compose(BUY_EV_HELD, DATE_KIND_HELD), 'Invoice Dt', 'Delivery Date', 'Date Sold', '车辆登记日期'],
  },
  lastVisitDate: {
    seen: [...compose(LAST_Q_SEEN, VISIT_EV_SEEN, DATE_KIND_SEEN), 'Last Service Date', 'Last Visit Date', 'Last visit'],
    heldOut: uniq([
      ...compose(LAST_Q_HELD, [...VISIT_EV_SEEN, ...VISIT_EV_HELD], DATE_KIND_HELD),
      ...compose(LAST_Q_SEEN, VISIT_EV_HELD, DATE_KIND_HELD),
      'Latest RO Date', 'Most recent workshop visit', 'Prev. Repair Date',
    ]),
  },
  visitCount: { seen: ['进站次数', '进厂次数', '来店次数', '维修次数', 'Visit Count'], heldOut: ['入厂频次', '回厂台次', '累计进站', '工单数', 'Visits'] },
  mileage: { seen: ['行驶里程', '里程', '当前里程(km)', '里程数', 'Mileage', '行驶里程(公里)'], heldOut: ['表显里程', '公里数', '里数', '进厂里程', '表底数', 'Odometer', '走表数'] },
  region: { seen: ['地区', '所在地', '区域', '城市', 'Region'], heldOut: ['所属区县', '归属地', '片区', '行政区划', 'Area'] },
  advisor: { seen: ['服务顾问', 'SA', '接待顾问', 'Service Advisor'], heldOut: ['专属顾问', '维修接待', '服务专员', '接车员'] },
  gender: { seen: ['性别', 'Gender'], heldOut: ['性别(男/女)', 'Sex'] },
  address: { seen: ['地址', '联系地址', '住址', 'Address'], heldOut: ['通讯地址', '家庭住址', '住所'] },
  warrantyEndDate: { seen: ['保修截止日期', '保修到期日期', '质保到期日', 'Warranty End'], heldOut: ['三包到期日', '保修期至', '整车质保止期'] },
};

export const CALL_GRAMMAR: Record<string, FieldGrammar> = {
  callDate: {
    seen: [...compose(CALL_EV_SEEN, DATE_KIND_SEEN), 'Call Date'],
    heldOut: [...compose(CALL_EV_HELD, ['日期', '时间', '日']), 'Dial Date', 'Contacted On'],
  },
  vin: VIN,
  plate: PLATE,
  phone: PHONE,
  name: NAME,
  result: { seen: ['回访结果', '招揽结果', '接通情况', '通话结果', 'Result', 'Call Result'], heldOut: ['外呼结果', '联络状态', '呼叫结果', '电访情况', '拨打状态', '接听情况', 'Outcome'] },
  reason: { seen: ['流失原因', '未回厂原因', '原因', 'Reason'], heldOut: ['不回厂缘由', '流失理由', '未进站说明', '客户反馈', 'Why Lost'] },
  destination: { seen: ['流失去向', '去向', 'Destination'], heldOut: ['现维修地点', '在何处保养', '现保养单位'] },
  invited: { seen: ['是否邀约成功', '邀约', '是否邀约', 'Invited'], heldOut: ['同意回厂', '应邀', '答应到店'] },
  appointmentDate: { seen: ['预约日期', '邀约日期', '预约时间', 'Appointment Date'], heldOut: ['约定到店日', '约定进厂时间', '约见日期'] },
  returnDate: { seen: ['回站日期', '回厂日期', '实际到店日期', 'Return Date'], heldOut: ['实际返厂日', '兑现日期', '实到日期'] },
  caller: { seen: ['回访人', '招揽人', '回访专员', 'Caller'], heldOut: ['外呼坐席', '话务员', '经办人', '拨打人'] },
};

export const REGISTER_GRAMMAR: Record<string, FieldGrammar> = {
  date: { seen: ['日期', '来访日期', '登记日期', 'Date'], heldOut: ['接待日', '到访日', '来店日', '登记日'] },
  time: { seen: ['进-离', '时间', '进店时间', '到店时间', '进-离时间', 'Time'], heldOut: ['到离时间', '抵店-离店', '进出时段', '驻店时间', 'Arrive-Leave'] },
  contactType: { seen: ['来电/来店', '来电(店)', '咨询类型', '来电/店', '类型', 'Call/Visit'], heldOut: ['接触方式', '到访形式', '进线/到店', '电/店', 'Contact Mode'] },
  callMark: { seen: ['来电'], heldOut: ['电询', '进线'] },
  visitMark: { seen: ['来店', '到店'], heldOut: ['亲访', '进店', 'Walk-in'] },
  name: { seen: ['客户姓名', '姓名', 'Name'], heldOut: ['顾客称呼', '来客姓名', '称呼'] },
  gender: { seen: ['性别'], heldOut: ['性别(男/女)'] },
  phone: PHONE,
  address: { seen: ['地址', '住址'], heldOut: ['通讯地址', '住所'] },
  intendedModel: { seen: ['拟购车型(时间)', '意向车型', '拟购车型', 'Intended Model'], heldOut: ['关注车型', '欲购车型', '心仪车型'] },
  source: { seen: ['信息来源', '来源', 'Source'], heldOut: ['获知渠道', '了解途径', '从何得知'] },
  process: { seen: ['接待经过', '接待情况', 'Process'], heldOut: ['洽谈纪要', '接洽经过'] },
  level: { seen: ['追踪后级别', '意向级别', '级别', 'Level'], heldOut: ['购买意向度', '热度', '意向强度'] },
  closure: { seen: ['结案情形', '结案', 'Closure'], heldOut: ['结果归档', '终结情况'] },
  consultant: { seen: ['接待人', '销售顾问', 'Consultant'], heldOut: ['接洽人', '值班顾问'] },
  remarks: { seen: ['备注', 'Remarks'], heldOut: ['附注', '说明'] },
  testDrive: { seen: ['试乘试驾', '是否试驾', 'Test Drive'], heldOut: ['体验驾驶', '试乘'] },
  quote: { seen: ['报价', '是否报价', 'Quote'], heldOut: ['已出价', '出价单'] },
  order: { seen: ['是否成交', '成交', '订单', 'Order'], heldOut: ['下定', '签单'] },
};

/** The group header written above the two tick columns of the seed's register (来电(店) over 来电 | 来店). */
export const TICK_GROUP: FieldGrammar = { seen: ['来电(店)', '来电/店'], heldOut: ['接触方式', '到访形式'] };

export const PROSPECT_GRAMMAR: Record<string, FieldGrammar> = {
  prospectId: { seen: ['客户编号', '意向客户编号', '档案号', 'ID', '客户ID', '编号'], heldOut: ['线索编号', '建档号', '潜客编码', 'Lead ID', '卡号'] },
  name: { seen: ['客户姓名', '姓名', 'Name', '意向客户'], heldOut: ['顾客称呼', '潜客姓名', '称呼'] },
  phone: PHONE,
  level: { seen: ['意向级别', '客户级别', '级别', 'Level'], heldOut: ['购买意向度', '热度等级', '潜客级别', '意向强度'] },
  followDate: { seen: ['跟进日期', '跟踪日期', '回访日期', 'Follow-up Date'], heldOut: ['联系日期', '沟通日期', '接触时间', 'Touch Date'] },
  followMethod: { seen: ['跟进方式', '跟踪方式', 'Method'], heldOut: ['联系途径', '沟通形式'] },
  followResult: { seen: ['跟进结果', '跟踪情况', '跟进内容', 'Result'], heldOut: ['沟通纪要', '洽谈进展'] },
  nextDate: { seen: ['下次跟进日期', '计划跟进日期', '下次跟踪日期', 'Next Follow-up'], heldOut: ['再联系日', '预计回访日', '下回联系时间'] },
  defeatReason: { seen: ['战败原因', '流失原因', 'Lost Reason'], heldOut: ['未成交缘由', '败因'] },
  boughtInstead: { seen: ['已购品牌', '购买其他品牌', 'Bought Instead'], heldOut: ['最终去向', '转购品牌'] },
  consultant: { seen: ['销售顾问', '跟进人', 'Consultant'], heldOut: ['负责人', '归属顾问'] },
  source: { seen: ['信息来源', '客户来源', 'Source'], heldOut: ['线索渠道', '获客途径'] },
  model: { seen: ['意向车型', 'Model', '车型'], heldOut: ['关注车型', '心仪车型'] },
  createdDate: { seen: ['建档日期', '首次接触日期', 'Created'], heldOut: ['录入时间', '线索创建日'] },
};

export const GRAMMAR: Record<SheetKind, Record<string, FieldGrammar>> = {
  customers: CUSTOMER_GRAMMAR,
  calls: CALL_GRAMMAR,
  register: REGISTER_GRAMMAR,
  prospects: PROSPECT_GRAMMAR,
};

// ---- numbered follow-up groups of a wide prospect card ------------------------------------------------------
const CN_NUM = ['一', '二', '三', '四', '五', '六'];
export type GroupPart = 'followDate' | 'followMethod' | 'followResult';
const PART_WORD: Record<GroupPart, readonly string[]> = { followDate: ['日期', '时间'], followMethod: ['方式'], followResult: ['结果', '情况'] };

/** One-row headers of group n (1-based), e.g. 第1次跟进日期. */
export function groupHeader(split: Split, style: number, n: number, part: GroupPart, wordPick: number): string {
  const words = PART_WORD[part];
  const w = words[wordPick % words.length];
  if (split === 'seen') return style % 2 === 0 ? `第${n}次跟进${w}` : `第${n}次跟踪${w}`;
  switch (style % 3) {
    case 0: return `第${CN_NUM[n - 1]}次跟进${w}`;
    case 1: return `跟进${n}${w}`;
    default: return `${n}次联系${w}`;
  }
}

/** Two-row headers: the merged group label above 日期 | 方式 | 结果. */
export function groupLabel(split: Split, style: number, n: number): string {
  if (split === 'seen') return style % 2 === 0 ? `第${n}次跟进` : `第${n}次跟踪`;
  switch (style % 3) {
    case 0: return `第${CN_NUM[n - 1]}次跟进`;
    case 1: return `跟进${n}`;
    default: return `${n}次联系`;
  }
}

// ---- columns that are no field (they must stay unmapped) ----------------------------------------------------
export const EXTRA_COLUMNS: Record<SheetKind, readonly string[]> = {
  customers: ['会员等级', '身份证号', '备注', '颜色', '销售顾问', '发动机号', '保险到期日', '客户类型', '车辆用途', '积分', '首保日期', '年审日期', '出生日期', '保险公司', '序号'],
  calls: ['序号', '备注', '回访类型', '满意度', '录音编号', '下次回访日期', '车型', '服务顾问'],
  register: ['序号', '星期', '接待时长(分钟)', '同行人数', '现有车辆', '客户职业'],
  prospects: ['序号', '现有车辆', '预算', '付款方式', '客户职业', '备注', '是否置换'],
};

// ---- decorations shared by both splits -----------------------------------------------------------------------
export function decorate(header: string, r: () => number): string {
  const x = r();
  if (x < 0.06) return `*${header}`;
  if (x < 0.1) return ` ${header} `;
  if (x < 0.14) return header.replace(/\(/g, '\uff08').replace(/\)/g, '\uff09');
  if (x < 0.17) return `${header}\uff1a`;
  if (x < 0.2 && /^[A-Za-z .\-/]+$/.test(header)) return header.toUpperCase();
  return header;
}
