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

/** Failed follow-ups per category (跟踪失败分析表). */
export interface FailedFollowUpFillRow {
  category: string;
  count: number;
  /** Last month's count, when known. */
  previous?: number;
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
  /**
   * How many rows a dataset had before it was capped for the forms, per period: 'all' and each month 'YYYY-MM'
   * (see PeriodCap). A dataset without counts was not capped: its rows are all there is.
   * @example { register: { all: 150, '2026-10': 43 } }
   */
  rowCounts?: Partial<Record<FillDatasetName, Record<string, number>>>;
}

/** The names of the row datasets (every FormFillData key but rowCounts). */
export type FillDatasetName = 'register' | 'traffic' | 'lostProspects' | 'prospectFollowUps' | 'lostVehicles' | 'failedFollowUps' | 'winBackMonthly' | 'winBackCalls';

/** The key under which a part puts its FormFillData in PartResult.data. */
export const FORM_DATA_KEY = 'forms';
