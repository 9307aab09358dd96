/**
 * FormFillData: the datasets the analyses hand to the form pack (PartResult.data.forms), so a generated form is
 * filled from the workbook instead of printed blank. Plain row objects with language-independent keys; dates are
 * Excel serial numbers ('' when unknown), counts are numbers. Every dataset is optional.
 *
 * @example
 * const data: FormFillData = { register: [{ date: 45231, timeInOut: '9:30-10:15', contactType: '来店', name: '王先生',
 *   gender: '男', phone: '13800000000', address: '', intendedModel: '瑞虎8(一个月内)', source: '网络', process: '试驾',
 *   level: 'A', closure: '', consultant: '李四', remarks: '' }] };
 */

export type SerialOrBlank = number | '';

/** A filled form shows at most this many rows (a note on the sheet says how many there were). */
export const MAX_FORM_ROWS = 2000;
/** A filled cards form (意向客户跟踪卡) shows at most this many cards. */
export const MAX_FORM_CARDS = 500;

/** One row of the showroom register (展厅来电/店登记表). */
export interface RegisterFillRow {
  date: SerialOrBlank;
  timeInOut: string;
  /** '来电' | '来店' | '' */
  contactType: string;
  name: string;
  gender: string;
  phone: string;
  address: string;
  intendedModel: string;
  source: string;
  process: string;
  level: string;
  closure: string;
  consultant: string;
  remarks: string;
}

/** Showroom traffic of one date (展厅客流量统计表): batches per two-hour slot 08-10 … 18-20 (6 slots). */
export interface TrafficFillRow {
  date: number;
  visitsBySlot: number[];
  callsBySlot: number[];
  /** 留有客户资料数 */
  leads: number;
  /** 接到订单数 */
  orders: number;
  /** 展厅销售台数 */
  showroomSales: number;
  /** 当月销售总量 (user-entered monthly figure), '' until entered. */
  monthlySales: number | '';
}

/** A lost prospect (意向客户流失分析表). */
export interface LostProspectFillRow {
  /** Date the prospect was closed as lost (latest follow-up). */
  date: SerialOrBlank;
  name: string;
  phone: string;
  model: string;
  source: string;
  /** Level before it was lost (highest recorded), e.g. 'A'. */
  level: string;
  consultant: string;
  followUps: number;
  reason: string;
  reasonCategory: string;
  boughtInstead: string;
}

/** One follow-up of a prospect (意向客户跟踪卡), one row per follow-up. */
export interface ProspectFollowUpFillRow {
  prospectId: string;
  name: string;
  phone: string;
  model: string;
  source: string;
  consultant: string;
  /** 1-based number of the follow-up for that prospect. */
  n: number;
  date: SerialOrBlank;
  method: string;
  result: string;
  level: string;
  nextDate: SerialOrBlank;
}

/** After-sales lost vehicles, aggregated (流失客户分析报表): one row per warranty × region × reason. */
export interface LostVehicleFillRow {
  /** '保期内' | '保期外' | '未知' */
  warranty: string;
  region: string;
  reasonCategory: string;
  /** Where the customers went (修理厂, 其他4S店/服务站 …). */
  destination: string;
  count: number;
}

/**
 * Failed follow-ups per category (跟踪失败分析表) of one month: the lost vehicles whose latest call of that month
 * failed, by the failure's category, and the same count for the calendar month before.
 */
export interface FailedFollowUpFillRow {
  /** 'YYYY-MM' the counts are for ('' when the workbook's calls carry no date: the snapshot of the analysis). */
  month: string;
  category: string;
  count: number;
  /** Last month's count, when known. */
  previous?: number;
}

/** One prospect's card (意向客户跟踪卡): the card's fields and its follow-ups, levels normalised (H/A/B/C/N/O/F). */
export interface ProspectCardFillRow {
  prospectId: string;
  name: string;
  phone: string;
  model: string;
  source: string;
  consultant: string;
  /** 建卡日期: the card's created date (建档日期), else its first follow-up; '' when neither is known. */
  created: SerialOrBlank;
  /** Latest activity (follow-up or creation): the card belongs to that date's month. */
  date: SerialOrBlank;
  /** The prospect's level at its latest follow-up, normalised. */
  level: string;
  /** The next follow-up due. */
  nextDate: SerialOrBlank;
  followUps: { n: number; date: SerialOrBlank; method: string; result: string; level: string; nextDate: SerialOrBlank }[];
}

/** A test drive recorded in the showroom register (试乘试驾管理表). */
export interface TestDriveFillRow {
  date: SerialOrBlank;
  time: string;
  name: string;
  phone: string;
  model: string;
  consultant: string;
  /** '是' when the row closed as an order, else '否'. */
  order: string;
}

/** An order recorded in the showroom register (交车预约登记表: the orders to deliver). */
export interface OrderFillRow {
  date: SerialOrBlank;
  name: string;
  phone: string;
  model: string;
  consultant: string;
}

/** A vehicle of the customer base (客户档案登记表, 客户信息分类表, 新客户回访登记表). */
export interface CustomerFillRow {
  name: string;
  gender: string;
  phone: string;
  address: string;
  model: string;
  vin: string;
  plate: string;
  purchaseDate: SerialOrBlank;
  /** 流失状态 (活跃 / 准流失 / 流失 / 彻底流失 / 数据异常). */
  status: string;
  /** 客户信息分类表's class: 潜在流失客户 (准流失), 流失客户 (流失, 彻底流失), '' otherwise (the dealer rates the others). */
  customerClass: string;
  /** e.g. '未回厂8个月' */
  basis: string;
  /** The suggested action (建议动作). */
  policy: string;
  /** 服务顾问 */
  advisor: string;
}

/** A sales consultant's month (月销售计划分配表, 绩效周进度管控表), from the register. */
export interface ConsultantMonthFillRow {
  /** 'YYYY-MM' */
  month: string;
  consultant: string;
  orders: number;
  /** Orders of the calendar month before. */
  lastMonth: number;
  /** Orders per week of the month (days 1-7, 8-14, 15-21, 22-28, 29-31). */
  weeks: number[];
  /** 新增意向: rows that left a readable phone. */
  leads: number;
  testDrives: number;
}

/** A monthly figure of the sales side (营业目标计划与实绩比较表, 运营管理综合指标分析, 三表一卡延伸分析), by item name. */
export interface SalesKpiFillRow {
  /** 'YYYY-MM' */
  month: string;
  /** The item as the forms' preset rows name it (来店批数, 订单数 …). */
  item: string;
  value: number;
  /** The calendar month before (absent when the data does not reach back to it). */
  last?: number;
}

/** Monthly win-back figures per caller (流失客户招揽信息汇总及分析表). */
export interface WinBackMonthlyFillRow {
  /** 'YYYY-MM' */
  month: string;
  caller: string;
  calls: number;
  reached: number;
  invited: number;
  returned: number;
}

/** One win-back call (流失客户招揽跟进记录表), from the call log. */
export interface WinBackCallFillRow {
  date: SerialOrBlank;
  name: string;
  phone: string;
  plate: string;
  model: string;
  /** Status when called (准流失 / 流失 / 彻底流失). */
  status: string;
  content: string;
  result: string;
  nextStep: string;
  caller: string;
}

export interface FormFillData {
  register?: RegisterFillRow[];
  traffic?: TrafficFillRow[];
  lostProspects?: LostProspectFillRow[];
  prospectFollowUps?: ProspectFollowUpFillRow[];
  lostVehicles?: LostVehicleFillRow[];
  failedFollowUps?: FailedFollowUpFillRow[];
  winBackMonthly?: WinBackMonthlyFillRow[];
  winBackCalls?: WinBackCallFillRow[];
  prospectCards?: ProspectCardFillRow[];
  testDrives?: TestDriveFillRow[];
  orders?: OrderFillRow[];
  customers?: CustomerFillRow[];
  consultantMonths?: ConsultantMonthFillRow[];
  salesKpis?: SalesKpiFillRow[];
  /** The dealer's name as the workbook's title rows give it ('' when none does): 销售服务商 when the settings have none. */
  dealerName?: string;
  /**
   * Header texts the data gives, by label key (e.g. 'model.1' … 'model.4': the dealer's best-selling models, which
   * head 月销售计划分配表's columns 车型一 … 车型四).
   */
  labels?: Record<string, string>;
  /**
   * How many rows a dataset had before it was capped for the forms, per period: 'all' and each month 'YYYY-MM'
   * (see PeriodCap). A dataset without counts was not capped: its rows are all there is.
   * @example { register: { all: 150, '2026-10': 43 } }
   */
  rowCounts?: Partial<Record<FillDatasetName, Record<string, number>>>;
}

/** The names of the row datasets (every FormFillData key but rowCounts). */
export type FillDatasetName =
  | 'register' | 'traffic' | 'lostProspects' | 'prospectFollowUps' | 'lostVehicles' | 'failedFollowUps' | 'winBackMonthly' | 'winBackCalls'
  | 'prospectCards' | 'testDrives' | 'orders' | 'customers' | 'consultantMonths' | 'salesKpis';

/** Every dataset name, in the order the parts hand them over. */
export const FILL_DATASETS: readonly FillDatasetName[] = [
  'register', 'traffic', 'lostProspects', 'prospectFollowUps', 'lostVehicles', 'failedFollowUps', 'winBackMonthly', 'winBackCalls',
  'prospectCards', 'testDrives', 'orders', 'customers', 'consultantMonths', 'salesKpis',
];

/** The key under which a part puts its FormFillData in PartResult.data. */
export const FORM_DATA_KEY = 'forms';
