/**
 * The header grammar of the SECOND held-out split (`v2`) of the generalisation harness: wordings, layouts and value
 * styles that appear in neither `seen` nor `heldOut` of grammar.ts, written blind (from DOMAIN.md, the seeds and
 * general knowledge of Chinese 4S-dealer DMS exports and English dealer exports; the product's synonym lists,
 * normaliser, matcher, value vocabularies, test/accuracy and the CLI sample vocabulary were NOT opened).
 *
 * Nobody tunes on this split: it is measured once, at the end of a session, by the lead (docs/accuracy.md). Do not
 * copy these lists into the product's dictionaries.
 *
 * Disjointness is checked by code (heldOutV2.test.ts): after `normHeader` (NFKC, case, spaces, brackets and
 * punctuation removed) no v2 wording equals any wording of grammar.ts (any field, either split, the tick group
 * labels, the extra columns, the numbered follow-up headers of both splits).
 */
import type { SheetKind } from '../../src/core/sheets/types';
import { compose, type GroupPart } from './grammar';

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** Normalises a header for the disjointness check: NFKC, lower case, no spaces, brackets, marks or punctuation. */
export function normHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[\s()[\]{}【】（）<>《》*：:.,，。、\-_/\\·'"’]/g, '');
}

// ---- composed date headers ------------------------------------------------------------------------------------
/** "last" qualifiers not used by grammar.ts (最后/最近/上次/末次 seen; 最末/前次/最新一次/最晚 held out). */
const LAST_Q_V2 = ['最后一次', '最近一次', '上一次', '近一次', '最终'];
/** Service events, the ones of both earlier splits and new ones (工单, 结算 …). */
const VISIT_EV_V2 = ['进站', '维修', '保养', '回厂', '工单结算', '维修结算', '开单', '工单', '服务', '来站', '进店', '到厂'];
const KIND_V2 = ['日期', '时间', '日'];

/** Purchase events not used by grammar.ts. */
const BUY_EV_V2 = ['购置', '新车开票', '销售开票', '初登', '首次登记', '交付', '售出', '购入', '新车销售', '零售'];

/** Call events not used by grammar.ts. */
const CALL_EV_V2 = ['电话回访', '回电', '呼出', '电联', '招揽致电', '回访执行', '客服回访', '关怀'];

export const PHONE_V2 = ['客户手机', '手机号', '联系方式', '联系手机', '电话号码', '手机/电话', '车主电话', '联系人电话', '常用电话', 'Mobile No.', 'Contact Number', 'Cell', 'Tel'];
export const PLATE_V2 = ['号牌', '车辆牌照', '牌照号码', '车辆号牌', '车牌照', '号牌号', '车牌信息', 'Plate', 'Registration', 'Plate Number', 'Licence'];
export const VIN_V2 = ['车辆识别代号', '车辆识别号', '车架号码', '底盘编号', '车辆VIN', 'VIN No.', 'Vehicle ID No.', 'VIN Number', '17位车架号', '车架'];

/** v2 wordings per kind and field. Key fields always use these in the v2 split; other fields half of the time. */
export const GRAMMAR_V2: Record<SheetKind, Record<string, readonly string[]>> = {
  customers: {
    lastVisitDate: uniq([
      ...compose(LAST_Q_V2, VISIT_EV_V2, KIND_V2),
      '末次工单日期', '最近开单时间', '上次服务时间', '最后服务日', '最近RO日期', '上次结算时间',
      'Last RO Date', 'Last Repair Order', 'Most Recent Service', 'Latest Visit', 'Last Workshop Date', 'Last In Date', 'Recent Service Dt',
    ]),
    purchaseDate: uniq([
      ...compose(BUY_EV_V2, KIND_V2),
      'Date of Sale', 'Purchased On', 'Invoice Date', 'Handover Date', 'Retail Date', '车辆销售日',
    ]),
    vin: VIN_V2,
    plate: PLATE_V2,
    phone: PHONE_V2,
    name: ['客户名', '车主全名', '联系人', '客户名称(车主)', 'Owner Name', 'Cust. Name'],
    model: ['车型名', '车辆型号名称', '厂牌型号', 'Model Name', '车系车型'],
    mileage: ['进站里程', '里程表读数', '行驶公里', '最新里程', 'Odometer (km)', 'KM'],
    visitCount: ['回厂次数', '进站总次数', '累计工单', 'No. of Visits'],
    region: ['所属区域', '地市', '客户区域', 'City'],
    advisor: ['服务经理', '接待SA', '责任顾问', 'SA Name'],
  },
  calls: {
    callDate: uniq([...compose(CALL_EV_V2, KIND_V2), 'Called On', 'Call Time', 'Contact Date', 'Date Called']),
    result: ['回访情况', '通话状态', '接通状态', '回访状态', '联系结果', '电话结果', '处理结果', '沟通结果', 'Call Status', 'Call Outcome', 'Disposition'],
    vin: VIN_V2,
    plate: PLATE_V2,
    phone: PHONE_V2,
    name: ['客户名', '联系人', '被访人', 'Cust. Name'],
    reason: ['不来原因', '流失说明', '未进厂原因', '客户意见', 'Churn Reason'],
    caller: ['回访员', '客服专员', '执行人', 'Agent'],
  },
  register: {
    date: ['接待日期', '进店日期', '到访日期', '来电来店日期', '客流日期', 'Visit Date', 'Reception Date', 'Day'],
    time: ['进店-离店', '到店-离店时间', '来/离时间', '接待时段', '进离店时间', '入店时间', '到达时间', '进店时刻', 'In-Out', 'Time In/Out', 'Arrival'],
    contactType: ['来店来电', '来电/来访', '电话/到店', '来访方式', '接待类型', '访问类型', '来电或来店', '进店方式', 'Walk-in/Call', 'Channel', 'Type of Contact', '电访/店访'],
    callMark: ['来电咨询', '电', 'Call', 'Phone-in'],
    visitMark: ['来访', '展厅', '店', 'Visit'],
    name: ['客户称谓', '来宾', '来客名', 'Guest'],
    level: ['意向等级', '客户等级', 'Grade'],
    consultant: ['接待销售', '值班人', 'Sales Rep'],
  },
  prospects: {
    prospectId: ['潜客编号', '客户档案号', '意向编号', '线索ID', '商机编号', '客户代码', 'Prospect No.', 'Lead No', 'Opportunity ID'],
    phone: PHONE_V2,
    level: ['意向等级', '购车意向', '意向度', '级别评定', '潜客等级', '客户意向级别', 'Lead Grade', 'Hot Level', 'Rating'],
    followDate: ['跟进时间', '本次跟进日期', '跟进日', '洽谈日期', '拜访日期', '跟单日期', 'Follow Up On', 'Activity Date'],
    name: ['潜客名称', '客户名', 'Prospect'],
    followResult: ['跟进情况', '跟进记录内容', '本次跟进结果', 'Outcome Notes'],
  },
};

/** The group label above the two tick columns (来电 | 来店) of a v2 register. */
export const TICK_GROUP_V2 = ['来访类型', '咨询方式', 'Contact'];

// ---- numbered follow-up groups of a wide prospect card -------------------------------------------------------
const ORDINAL_ZH = ['首次', '二次', '三次', '四次', '五次', '六次'];
const PART_WORD_V2: Record<GroupPart, readonly string[]> = { followDate: ['日期', '时间'], followMethod: ['方式'], followResult: ['结果', '内容'] };
const PART_EN: Record<GroupPart, string> = { followDate: 'Date', followMethod: 'Method', followResult: 'Result' };

/** One-row header of group n (1-based) in the v2 split: numbering styles neither earlier split uses. */
export function groupHeaderV2(style: number, n: number, part: GroupPart, wordPick: number): string {
  const words = PART_WORD_V2[part];
  const w = words[wordPick % words.length];
  switch (style % 4) {
    case 0: return `跟进${w}${n}`;
    case 1: return `第${n}轮跟进${w}`;
    case 2: return `${ORDINAL_ZH[n - 1]}跟进${w}`;
    default: return `Follow-up ${n} ${PART_EN[part]}`;
  }
}

/** Two- or three-row header: the merged group label above the parts. */
export function groupLabelV2(style: number, n: number): string {
  switch (style % 4) {
    case 0: return `跟进记录${n}`;
    case 1: return `第${n}轮跟进`;
    case 2: return `${ORDINAL_ZH[n - 1]}跟进`;
    default: return `Follow-up ${n}`;
  }
}

/** Sub-headers under a v2 group label. */
export const GROUP_SUB_V2: Record<GroupPart, readonly string[]> = {
  followDate: ['跟进时间', '日', 'Date of Contact'],
  followMethod: ['形式', '途径'],
  followResult: ['记录', '反馈', 'Notes'],
};

// ---- layout quirks of the v2 split ------------------------------------------------------------------------------
/** The long title block of a DMS export (header at row 5–12). */
export function titleBlockV2(kind: SheetKind, dealer: string): string[] {
  const titles: Record<SheetKind, string> = {
    customers: `${dealer}售后基盘车辆清单`,
    calls: `${dealer}客服中心回访明细`,
    register: `${dealer}展厅客流登记`,
    prospects: `${dealer}潜客跟进明细`,
  };
  return [
    titles[kind],
    `服务站:${dealer}汽车销售服务有限公司`,
    '查询条件:全部',
    '统计区间:2026-01-01 至 2026-10-31',
    '导出人:admin',
    '导出时间:2026-11-02 09:14:33',
    '系统:DMS 3.2',
    '单位:台/次',
    '备注:本报表由系统自动生成',
    '页码:1/1',
    '数据口径:截至2026年10月31日',
  ];
}

/** Top rows of a three-row header (a band over the groups). */
export const SUPER_BANDS_V2: Record<SheetKind, readonly string[]> = {
  customers: ['售后档案', '基盘信息', '车辆档案信息'],
  calls: ['回访明细', '客服回访'],
  register: ['客流登记', '展厅接待'],
  prospects: ['潜客档案', '跟进明细'],
};

/** Notes written in the row under the header, per column (one of them). */
export const NOTE_ROW_V2 = ['必填', '选填', '格式:年-月-日', '文本', '系统字段', '勿改', '(可空)'];

/** Columns of sub-totals (numbers, no field). */
export const SUBTOTAL_COLUMNS_V2: Record<SheetKind, readonly string[]> = {
  customers: ['工时费小计', '材料费小计', '维修金额合计', '累计消费'],
  calls: ['本月回访次数小计', '累计回访次数'],
  register: ['当日批次小计', '累计批次'],
  prospects: ['跟进次数合计', '累计跟进'],
};

/** Extra columns of the v2 split (no field), besides the sub-totals and 序号. */
export const EXTRA_COLUMNS_V2: Record<SheetKind, readonly string[]> = {
  customers: ['车辆状态', '车辆来源', '保险到期', '会员卡号', '开票单位', '燃油类型', '推荐人'],
  calls: ['回访类别', '录音', '回访渠道', '客户满意度', '工单号'],
  register: ['天气', '停留时长', '是否首次'],
  prospects: ['客户性质', '意向颜色', '预算区间'],
};
