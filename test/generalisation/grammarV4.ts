/**
 * The header grammar of the FOURTH held-out split (`v4`) of the generalisation harness: wordings and layouts that
 * appear in none of grammar.ts (seen, heldOut), grammarV2.ts (v2) or grammarV3.ts (v3). Written blind in session 9
 * from DOMAIN.md, the seeds and general knowledge of Chinese 4S-dealer DMS exports, call-centre and showroom forms
 * and English dealer systems; the product's src/core (vocabularies, normaliser, matcher, rules) was NOT opened.
 *
 * Nobody tunes on this split: it is measured once, at the end of a session, by the lead (docs/accuracy.md). Do not
 * copy these lists into the product's dictionaries.
 *
 * What is new here, by source:
 * - other "last" qualifiers (最近一回, 最后一回, 最末次, 上一回, 最晚一次) and service events (进场, 到站, 返修, 来修,
 *   检修, 入店, 结账, 维保进厂), composed with 日期 / 时间; the old qualifiers only with the new events;
 * - other purchase events (新车购买, 购置车辆, 车辆交付, 交车完成, 销售出库, 开票销售, 车辆开票, 提车交付, 新车上牌,
 *   车辆上牌, 首登, 入户) and call events (电访回访, 致电回访, 电话跟进, 外呼回访, 招揽电话, 联络客户, 外拨, 客户回访,
 *   关怀回访);
 * - headers with a unit or a format hint (里程(万公里), 购车日期(年-月-日) …), mixed 中英 headers (末次进站/Last In,
 *   车架号/VIN码), English labels of other dealer systems, snake_case and CamelCase database names, and
 *   pinyin-initial codes (MCJZRQ = 末次进站日期, JCRQ = 交车日期, CJHM = 车架号码, HPHM = 号牌号码 …);
 * - wide prospect cards numbered 一访/二访, FU1/FU2, 回访1-, 第1次沟通.
 *
 * Disjointness is checked by code (heldOutV4.test.ts): after `normHeader` no v4 wording equals any wording of the
 * earlier grammars, and none occurs as a whole string in the product's src/ text (that check prints only a count).
 */
import type { SheetKind } from '../../src/core/sheets/types';
import { compose, type GroupPart } from './grammar';

const uniq = (xs: string[]): string[] => [...new Set(xs)];

// ---- composed date headers ------------------------------------------------------------------------------------
const LAST_Q_NEW = ['最近一回', '最后一回', '最末次', '上一回', '最晚一次'];
const LAST_Q_OLD = ['最后', '最近', '上次', '末次'];
const VISIT_EV_NEW = ['进场', '到站', '返修', '来修', '检修', '入店', '结账', '维保进厂'];
const KIND_V4 = ['日期', '时间'];

const BUY_EV_V4 = ['新车购买', '购置车辆', '车辆交付', '交车完成', '销售出库', '开票销售', '车辆开票', '提车交付', '新车上牌', '车辆上牌', '首登', '入户'];
const CALL_EV_V4 = ['电访回访', '致电回访', '电话跟进', '外呼回访', '招揽电话', '联络客户', '外拨', '客户回访', '关怀回访'];

export const PHONE_V4 = ['手机号(车主)', '客户手机号码', '联系手机号', '电话(手机)', '移动电话号码', '手机/座机', '联系电话1', '车主手机号', '送修人手机', '联系人电话号码', 'Mobile Number', 'Mobile Phone No', 'Cellular', 'Contact Phone', 'mob_no', 'cust_mobile', 'phone_num', 'LXSJ', 'KHDH', 'CZSJ'];
export const PLATE_V4 = ['车牌号码(含省份)', '号牌(车牌)', '车辆号码', '牌照信息', '机动车牌号', '车牌号/号牌', '车牌(省+号)', '车号/牌照', 'Car Plate', 'Plate Reg.', 'Number Plate', 'Plate Num', 'Reg Plate', 'plate_nbr', 'car_no', 'CPH', 'HPHM'];
export const VIN_V4 = ['车辆识别号码', 'VIN号码', '车架VIN', '车架(VIN)号', '识别号(VIN)', '车身识别号', '车架号/VIN码', '底盘/车架号', 'Vehicle VIN', 'Chassis Serial', 'Frame Number', 'Vehicle Identification No', 'vehicle_vin', 'VinNbr', 'CJHM', 'DPH', 'CLSBDH'];

/** v4 wordings per kind and field. Key fields always use these in the v4 split; other fields half of the time. */
export const GRAMMAR_V4: Record<SheetKind, Record<string, readonly string[]>> = {
  customers: {
    lastVisitDate: uniq([
      ...compose(LAST_Q_NEW, VISIT_EV_NEW, KIND_V4),
      ...compose(LAST_Q_OLD, VISIT_EV_NEW, ['日期']),
      '最近进站日期(yyyy-mm-dd)', '最后进厂日期(年/月/日)', '末次进站/Last In', 'Last进厂日期',
      'Last Visit Dt.', 'Most Recent RO', 'Recent Workshop Date', 'Last Serviced On', 'Previous Visit Date', 'Latest Service Date', 'Last In-Shop Date',
      'LastSvcDate', 'lst_srv_dt', 'lastVisitDt', 'MCJZRQ', 'SCJCRQ', 'ZJWXRQ', 'ZHBYRQ',
    ]),
    purchaseDate: uniq([
      ...compose(BUY_EV_V4, ['日期', '时间', '日']),
      '购车日期(年-月-日)', '开票日期(发票)', '销售日期/Sale', 'Sold On', 'Vehicle Sale Date', 'Date Purchased', 'Buy Date', 'Delivered On', 'Sales Dt',
      'Reg Date', 'First Registration', 'Purchase Dt', 'purch_dt', 'sold_dt', 'deliv_date', 'PurchDate', 'JCRQ', 'SPRQ', 'GMRQ', 'FPRQ',
    ]),
    vin: VIN_V4,
    plate: PLATE_V4,
    phone: PHONE_V4,
    name: ['车主名称(个人/单位)', '客户(车主)', '登记车主', 'Owner/Customer', 'owner_nm', 'CZXM'],
    model: ['车型配置名称', '车系代号', 'Model Desc', 'mdl_desc', 'CXDM'],
    mileage: ['里程(万公里)', '行驶里程(千米)', '当前公里数', '仪表公里', 'Odo Reading (km)', 'odo_reading', 'XSLCS'],
    visitCount: ['在厂记录数', '到店次数(次)', 'Visit Cnt', 'JCCS'],
    region: ['所属省市', '客户区县', 'Province/City'],
    advisor: ['服务顾问姓名', '接待SA姓名', 'SA Code'],
  },
  calls: {
    callDate: uniq([
      ...compose(CALL_EV_V4, ['日期', '时间', '时刻']),
      '回访日期(年月日)', 'Call Made On', 'Date of Call', 'Callback Date', 'Outbound Date', 'dial_dt', 'CallTimestamp', 'THRQ', 'WHRQ',
    ]),
    result: ['回访结果描述', '电话接通情况', '电话接听结论', '联络结果', '外呼结果描述', '回访结果(接通/未接通)', '呼叫结论', '拨打情况说明', '致电结果', '电话状态', '本次回访结果', 'Call Status Desc', 'Result of Call', 'Reach Result', 'Reach Status', 'call_rslt', 'JTQK', 'THJG'],
    vin: VIN_V4,
    plate: PLATE_V4,
    phone: PHONE_V4,
    name: ['客户(车主)', '登记车主', 'owner_nm'],
    reason: ['流失原因分析', '不回店原因', '未来厂原因', 'Lost Reason Desc', 'LSYYMS'],
    caller: ['回访员工', '外呼专员姓名', 'Call Agent'],
  },
  register: {
    date: ['来店/来电日期', '客流登记日期', '到店/来电日期', '日期/Date', 'Reg. Date', 'Visit Day', 'Date of Visit', 'walkin_dt', 'JDRQ', 'LDRQ'],
    time: ['到店时间-离店时间', '到店起讫', '到店/离店时刻', '进店/出店时刻', '到离店时刻', '接待时间段', 'In/Out Clock', 'Arrival/Departure', 'In Time', 'arrive_time', 'DDSJ', 'JDSJ'],
    contactType: ['来电还是来店', '客流分类', '到店/电话', '来电/亲临', '电话或到店', '客户类型(来电/来店)', 'Call/Walk-in', 'Phone/Walk-in', 'visit_mode_cd', 'LFLX', 'KLLX'],
    callMark: ['电话客户', '来电登记', 'Phone Inquiry', 'Tel-in'],
    visitMark: ['亲临客户', '展厅客户', '到店登记', 'In-store'],
    name: ['来店人', '客户姓名/称呼', 'Guest Name'],
    level: ['意向级(H/A/B/C)', '客户热度'],
    consultant: ['接待顾问姓名', '当班顾问'],
  },
  prospects: {
    prospectId: ['线索号', '潜客号', '客户线索编号', '意向客户档案号', '潜在客户编号', '商机号', 'Lead Code', 'Prospect Ref', 'Opportunity No.', 'lead_ref', 'XSBH', 'QKBH'],
    phone: PHONE_V4,
    level: ['客户级别(H/A/B/C/O)', '意向等级评定', '购车级别', '跟进级别', '潜客意向', '意向分级', 'Intent Grade', 'Lead Rating', 'Prospect Grade', 'Heat Level', 'YXDJ'],
    followDate: ['跟进日期(本次)', '回访跟进日期', '跟进联系日期', '本次跟进时间', 'Date of Follow-up', 'Touch Dt', 'Followed On', 'fu_dt', 'GZRQ', 'LXRQ'],
    name: ['潜客名', '意向客户姓名', 'Lead Contact'],
    followResult: ['跟进情况说明', '沟通摘要', 'FU Notes'],
  },
};

/** The group label above the two tick columns of a v4 register. */
export const TICK_GROUP_V4 = ['来电/来店登记', '来电来店区分', 'Call or Visit'];

// ---- numbered follow-up groups of a wide prospect card -------------------------------------------------------
const CN_NUM = ['一', '二', '三', '四', '五', '六'];
const PART_WORD_V4: Record<GroupPart, readonly string[]> = { followDate: ['日期', '时间'], followMethod: ['方式', '形式'], followResult: ['结果', '反馈'] };
const PART_EN_V4: Record<GroupPart, string> = { followDate: 'Date', followMethod: 'Mode', followResult: 'Result' };

/** One-row header of group n (1-based) in the v4 split: 一访日期, FU1 Date, 回访1-日期, 第1次沟通日期. */
export function groupHeaderV4(style: number, n: number, part: GroupPart, wordPick: number): string {
  const words = PART_WORD_V4[part];
  const w = words[wordPick % words.length];
  switch (style % 4) {
    case 0: return `${CN_NUM[n - 1]}访${w}`;
    case 1: return `FU${n} ${PART_EN_V4[part]}`;
    case 2: return `回访${n}-${w}`;
    default: return `第${n}次沟通${w}`;
  }
}

/** Two-row header: the merged group label above the parts. */
export function groupLabelV4(style: number, n: number): string {
  switch (style % 4) {
    case 0: return `${CN_NUM[n - 1]}访`;
    case 1: return `FU${n}`;
    case 2: return `回访${n}`;
    default: return `第${n}次沟通`;
  }
}

/** Sub-headers under a v4 group label. */
export const GROUP_SUB_V4: Record<GroupPart, readonly string[]> = {
  followDate: ['联系日', '日期(年月日)', 'Day of Contact'],
  followMethod: ['途径方式', 'Means'],
  followResult: ['联络反馈', 'Reply Notes'],
};

// ---- layout quirks of the v4 split ------------------------------------------------------------------------------
/** A title written in ONE cell over several lines (a merged block), and the lines that may follow it. */
export function titleBlockV4(kind: SheetKind, dealer: string): { multiLine: string; lines: string[] } {
  const what: Record<SheetKind, string> = {
    customers: '售后保有车辆台账',
    calls: '流失客户电话回访台账',
    register: '展厅来店来电客流台账',
    prospects: '意向客户跟进台账',
  };
  return {
    multiLine: `${dealer}汽车销售服务有限公司\n${what[kind]}\n(数据截至2026年10月31日)`,
    lines: ['填报部门:客户关系部', '统计口径:本店全部在册车辆', `${dealer} CRM 导出 v5.1`, '金额单位:元  里程单位:公里', '审批状态:已审核'],
  };
}

/** Lines written BETWEEN records (the dealer's own notes in the middle of the list). */
export const NOTE_LINES_V4 = ['注:以下车辆为外地牌照', '(以下客户已过户,待核实)', '—— 2026年10月新增 ——', '备注:本段数据由原系统迁移', '※ 以下为集团大客户车辆'];

/** Extra columns of the v4 split (no field); some are traps (a second date, a count, a code). */
export const EXTRA_COLUMNS_V4: Record<SheetKind, readonly string[]> = {
  customers: ['下次年检日期', '交强险到期', '客户来源渠道', '车辆性质', '维修类别', '所属集团', '累计消费(元)'],
  calls: ['预约进厂日期', '回访方式', '回访次序', '是否有效回访'],
  register: ['接待序号', '来店人数(人)', '是否试驾(Y/N)'],
  prospects: ['建卡日期', '下次联系日', '预算(万)'],
};

/** Call columns a v4 customer sheet carries to the right (customers and calls in one sheet); no customer field. */
export const SAME_SHEET_CALLS_V4 = { group: '本月回访', date: ['本月回访日期', '回访日(本月)'], result: ['本月回访结果', '回访情况(本月)'] };

/** Sheet names of the v4 split. */
export const NAMES_V4: Record<SheetKind | 'other', readonly string[]> = {
  customers: ['明细', 'Sheet1 (2)', 'export_20261101', '台账'],
  calls: ['回访台账', 'Sheet2 (2)', 'export_20261102', '明细1'],
  register: ['客流台账', 'Data_1', '10月'],
  prospects: ['跟进台账', 'Data_2', '潜客卡'],
  other: ['代码表', 'Sheet3', '使用说明', '透视表'],
};

const V4_PARTS: GroupPart[] = ['followDate', 'followMethod', 'followResult'];

/** Every wording the v4 split writes for a field (key or not), tick group or numbered group. */
export function v4Wordings(): { h: string; where: string }[] {
  const out: { h: string; where: string }[] = [];
  for (const [kind, fields] of Object.entries(GRAMMAR_V4)) for (const [field, hs] of Object.entries(fields)) for (const h of hs) out.push({ h, where: `${kind}.${field}` });
  for (const h of TICK_GROUP_V4) out.push({ h, where: 'v4 tick group' });
  for (let style = 0; style < 4; style++) {
    for (let n = 1; n <= 6; n++) {
      out.push({ h: groupLabelV4(style, n), where: 'v4 group label' });
      for (const part of V4_PARTS) for (const w of [0, 1]) out.push({ h: groupHeaderV4(style, n, part, w), where: `v4 group header ${part}` });
    }
  }
  for (const [part, hs] of Object.entries(GROUP_SUB_V4)) for (const h of hs) out.push({ h, where: `v4 group sub-header ${part}` });
  return out;
}
