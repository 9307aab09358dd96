/**
 * Four "never-seen dealer workbooks" of the v2 held-out split (issue 10: "dealer workbooks the team has never
 * seen"): three after-sales exports and one showroom register, in DMS styles unlike the layout generator's, with
 * ground truth computed HERE from DOMAIN.md by a small independent implementation (not by the product):
 * - per vehicle: 未回厂月数, 流失状态, 车龄(年), 车龄段, 保修状态, 最近回访结果, 流失原因/原因类别, and which rows are
 *   the vehicle's (the extra rows of a vehicle listed twice are 重复记录);
 * - 流失概览: base vehicles, count per status, churn rate, retention rate, how many to win back for a 25% target;
 * - per register date and two-hour slot: 来店批数 and 来电批数; per date 留有客户资料数 and 订单数;
 * - every row that is not a record (titles, 小计/合计/共计, 制表人/审核/打印, signatures) with its row number.
 * Written blind (the product's synonym lists, normaliser, matcher, value vocabularies and sample generator were not
 * opened). Analysis date: 2026-10-31 (each workbook's title says 截至2026年10月31日 or 2026年10月).
 *
 * Write them with: WRITE_V2_WORKBOOKS=1 npx jest --maxWorkers=1 test/generalisation/v2Workbooks.test.ts
 * (files go to test/generalisation/v2-workbooks/, which holds only its README in git).
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Rng } from './rng';
import * as V from './values';

export type XCell = string | number | Date | null;

export interface XSheet {
  name: string;
  rows: XCell[][];
  /** A1-style ranges merged ('A6:A7'). */
  merges: string[];
  /** Number formats per 1-based column for Date cells (default yyyy-mm-dd). */
  dateFormats?: Record<number, string>;
}

// ---- the rules, from DOMAIN.md (an independent implementation) -------------------------------------------------
export interface Ymd { y: number; m: number; d: number }
export const ANALYSIS: Ymd = { y: 2026, m: 10, d: 31 };

/** Whole calendar months from a to b: (Y2−Y1)×12 + (M2−M1) − (1 if D2 < D1). */
export function monthsBetween(a: Ymd, b: Ymd): number {
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

export const cmp = (a: Ymd, b: Ymd): number => (a.y - b.y) || (a.m - b.m) || (a.d - b.d);

export type Status = '活跃' | '准流失' | '流失' | '彻底流失' | '数据异常';

/** Thresholds 6 / 12 / 24 (the defaults). */
export function statusOfMonths(m: number): Status {
  if (m < 6) return '活跃';
  if (m < 12) return '准流失';
  if (m < 24) return '流失';
  return '彻底流失';
}

export function ageBand(years: number): string {
  return years >= 5 ? '5年以上' : `${years}-${years + 1}年`;
}

export const SLOTS = ['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00'] as const;

/** The two-hour slot of an arrival minute: before 08:00 in the first, from 20:00 on in the last. */
export function slotOf(minute: number): (typeof SLOTS)[number] {
  const i = Math.floor((minute - 480) / 120);
  return SLOTS[Math.max(0, Math.min(5, i))];
}

export type CallCategory = '成功' | '空号' | '停机' | '号码有误' | '关机' | '无法接通' | '无人接听' | '拒接' | '呼转' | '忙/有事' | '人在外地' | '其他';
/** Result texts as a new hand writes them, by category (the truth is the category the text was drawn from). */
export const RESULT_TEXT: Record<CallCategory, readonly string[]> = {
  成功: ['接通', '已接通,客户说下周来', '接通-同意回厂', '接通，已邀约'],
  空号: ['空号', '提示空号'],
  停机: ['停机', '已停机'],
  号码有误: ['号码错误', '不是车主本人'],
  关机: ['关机', '手机关机'],
  无法接通: ['无法接通', '暂时无法接通'],
  无人接听: ['无人接听', '响铃无人接'],
  拒接: ['拒接', '客户直接挂断'],
  呼转: ['呼叫转移', '呼转'],
  '忙/有事': ['客户忙', '在开会稍后再联系'],
  人在外地: ['人在外地', '客户出差在外地'],
  其他: ['其他'],
};
export const CATEGORIES = Object.keys(RESULT_TEXT) as CallCategory[];

export type ReasonCategory = '价格' | '技术' | '等待' | '服务' | '距离' | '亲友修理厂' | '车辆转卖' | '里程少' | '外地用车' | '车辆报废';
export const REASON_TEXT: Record<ReasonCategory, readonly string[]> = {
  价格: ['保养太贵了', '配件价格高', '工时费比外面贵'],
  技术: ['上次没修好', '技术不行'],
  等待: ['排队太久', '等的时间太长'],
  服务: ['接待态度不好', '服务顾问不热情'],
  距离: ['搬家了离店太远', '路太远不方便'],
  亲友修理厂: ['朋友开修理厂', '亲戚开修理厂'],
  车辆转卖: ['车已经卖了', '车卖给别人了'],
  里程少: ['车开得很少', '平时不怎么开'],
  外地用车: ['车在外地用', '人和车都在外地'],
  车辆报废: ['车报废了', '已报废'],
};
export const REASONS = Object.keys(REASON_TEXT) as ReasonCategory[];
export const INTERNAL: readonly ReasonCategory[] = ['价格', '技术', '等待', '服务'];

// ---- the truth written next to each workbook -------------------------------------------------------------------
export interface VehicleTruth {
  vin: string;
  plate: string;
  /** 1-based Excel rows of the vehicle in the customer sheet; rows after the first are 重复记录. */
  rows: number[];
  duplicateRows: number[];
  /** The reference date used (latest visit, else purchase), yyyy-mm-dd, or null. */
  referenceDate: string | null;
  未回厂月数: number | null;
  流失状态: Status;
  '车龄(年)': number | null;
  车龄段: string | null;
  保修状态: '保期内' | '保期外' | '未知';
  最近回访结果: CallCategory | '未回访';
  流失原因: string | null;
  原因类别: ReasonCategory | '其他' | null;
}

export interface Overview {
  基盘客户: number;
  perStatus: Record<Status, number>;
  /** Vehicles with a status other than 数据异常. */
  classified: number;
  /** (流失 + 彻底流失) / classified. */
  churnRate: number;
  /** (流失 + 彻底流失) / all vehicles (if the product divides by every vehicle). */
  churnRateOverAll: number;
  /** (活跃 + 准流失) / classified. */
  retentionRate: number;
  targetChurnRate: number;
  /** Fewest vehicles to win back so that (lost − x) / classified ≤ target. */
  toWinBack: number;
}

export interface TrafficTruth {
  /** date -> slot -> { visits, calls } (every date and slot listed, zeros included). */
  perSlot: Record<string, Record<string, { 来店批数: number; 来电批数: number }>>;
  perDate: Record<string, { 来店批数: number; 来电批数: number; 来访客户批数合计: number; 留有客户资料数: number; 订单数: number }>;
  total: { 来店批数: number; 来电批数: number; 来访客户批数合计: number; 留有客户资料数: number; 订单数: number; 留资率: number; 展厅成交率: number };
  /** 1-based rows of the register that are records. */
  recordRows: number[];
}

export interface DealerTruth {
  file: string;
  style: string;
  analysisDate: string;
  sheets: { name: string; kind: 'customers' | 'calls' | 'register' | null; headerRows: number[]; firstDataRow: number; columns: Record<string, string> }[];
  nonRecordRows: { sheet: string; row: number; text: string }[];
  vehicles?: VehicleTruth[];
  overview?: Overview;
  calls?: { records: number; matched: number; unmatched: number; unmatchedRows: number[]; sameDayPairs: { vin: string; rows: number[]; laterRow: number }[] };
  traffic?: TrafficTruth;
}

export interface DealerWorkbook { file: string; sheets: XSheet[]; truth: DealerTruth }

// ---- helpers -------------------------------------------------------------------------------------------------------
export const p2 = (n: number): string => String(n).padStart(2, '0');
export const iso = (x: Ymd): string => `${x.y}-${p2(x.m)}-${p2(x.d)}`;
export const utc = (x: Ymd, minute = 0): Date => new Date(Date.UTC(x.y, x.m - 1, x.d, Math.floor(minute / 60), minute % 60));
export const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
const rnd = (r: Rng, a: Ymd, b: Ymd): Ymd => V.randomDate(r, a, b);

export interface Vehicle {
  vin: string;
  plate: string;
  phone: string;
  name: string;
  model: string;
  region: string;
  advisor: string;
  purchase: Ymd | null;
  /** Visits written on its rows (one per row; null = blank / 暂无). */
  rowVisits: (Ymd | null)[];
  rowMileage: (number | null)[];
}

/** The vehicles of a base: a realistic status mix, boundary dates, never-returned cars, data problems, duplicates. */
export function makeVehicles(r: Rng, n: number): Vehicle[] {
  const out: Vehicle[] = [];
  const windows: [Ymd, Ymd][] = [
    [{ y: 2026, m: 5, d: 2 }, { y: 2026, m: 10, d: 30 }], // 活跃
    [{ y: 2025, m: 11, d: 2 }, { y: 2026, m: 4, d: 29 }], // 准流失
    [{ y: 2024, m: 11, d: 2 }, { y: 2025, m: 10, d: 30 }], // 流失
    [{ y: 2017, m: 1, d: 1 }, { y: 2024, m: 10, d: 30 }], // 彻底流失
  ];
  const boundaries: Ymd[] = [{ y: 2026, m: 5, d: 1 }, { y: 2026, m: 4, d: 30 }, { y: 2025, m: 10, d: 31 }, { y: 2025, m: 11, d: 1 }, { y: 2024, m: 10, d: 31 }, { y: 2024, m: 11, d: 1 }];
  for (let i = 0; i < n; i++) {
    const x = r.next();
    const w = windows[x < 0.38 ? 0 : x < 0.58 ? 1 : x < 0.8 ? 2 : 3];
    let visit: Ymd | null = i < boundaries.length ? boundaries[i] : rnd(r, w[0], w[1]);
    let purchase: Ymd | null = rnd(r, { y: 2014, m: 3, d: 1 }, cmp(visit, { y: 2026, m: 6, d: 30 }) < 0 ? visit : { y: 2026, m: 6, d: 30 });
    if (i % 17 === 9) visit = null; // never came back (blank or 暂无): the purchase date is the reference
    if (i === n - 2) visit = { y: 2027, m: 1, d: 5 }; // after the analysis date: 数据异常
    if (i === n - 1) { visit = null; purchase = null; } // no usable date: 数据异常
    const mileage = r.chance(0.08) ? null : r.int(800, 160000);
    out.push({ vin: V.vin(r), plate: V.plate(r).replace('·', ''), phone: V.phoneDigits(r), name: V.personName(r), model: V.model(r), region: V.region(r), advisor: r.pick(['周岚', '钱工', '孙立', '吴敏']), purchase, rowVisits: [visit], rowMileage: [mileage] });
  }
  // three vehicles listed twice: one row with an older visit and lower mileage
  for (const k of [3, 11, 20]) {
    const v = out[k];
    const vis = v.rowVisits[0];
    const older = vis ? rnd(r, v.purchase ?? { y: 2015, m: 1, d: 1 }, vis) : null;
    const lower = v.rowMileage[0] === null ? r.int(500, 20000) : Math.max(100, v.rowMileage[0] - r.int(1000, 9000));
    if (k === 11) { v.rowVisits.unshift(older); v.rowMileage.unshift(lower); } else { v.rowVisits.push(older); v.rowMileage.push(lower); }
  }
  return out;
}

export interface Call { veh: number; date: Ymd; minute: number; cat: CallCategory; text: string; reason: ReasonCategory | null; reasonText: string; caller: string; plate: string; phone: string; vin: string }

/** Calls to the vehicles: some called twice (some twice on one day, the later call not always below), a few unknown. */
export function makeCalls(r: Rng, veh: Vehicle[], n: number): Call[] {
  const calls: Call[] = [];
  const mk = (k: number, date: Ymd, minute: number): Call => {
    const cat = r.chance(0.45) ? '成功' : r.pick(CATEGORIES.filter((c) => c !== '成功'));
    const reason = cat === '成功' && r.chance(0.75) ? r.pick(REASONS) : null;
    const v = k >= 0 ? veh[k] : { vin: V.vin(r), plate: V.plate(r).replace('·', ''), phone: V.phoneDigits(r) };
    return { veh: k, date, minute, cat, text: r.pick(RESULT_TEXT[cat]), reason, reasonText: reason ? r.pick(REASON_TEXT[reason]) : '', caller: r.pick(['客服小赵', '客服小钱', '客服小孙']), plate: v.plate, phone: v.phone, vin: v.vin };
  };
  for (let i = 0; i < n; i++) {
    const k = r.int(0, veh.length - 3);
    calls.push(mk(k, rnd(r, { y: 2026, m: 6, d: 1 }, { y: 2026, m: 10, d: 30 }), r.int(540, 1080)));
  }
  // twice on one day: the later call first in the sheet for half of them
  for (const k of [1, 5, 8, 14]) {
    const d = rnd(r, { y: 2026, m: 10, d: 1 }, { y: 2026, m: 10, d: 30 });
    const a = mk(k, d, r.int(540, 700));
    const b = mk(k, d, r.int(840, 1060));
    if (k % 2 === 1) calls.push(b, a); else calls.push(a, b);
  }
  calls.push(mk(-1, { y: 2026, m: 9, d: 12 }, 600), mk(-1, { y: 2026, m: 10, d: 8 }, 900));
  // no two calls of one vehicle at the same minute: the latest call is always well defined
  const at = new Set<string>();
  for (const c of calls) {
    while (at.has(`${c.veh}|${iso(c.date)}|${c.minute}`)) c.minute += 7;
    if (c.veh >= 0) at.add(`${c.veh}|${iso(c.date)}|${c.minute}`);
  }
  return calls;
}

/** The classification of every vehicle and the 流失概览, by the rules above. */
export function classify(veh: Vehicle[], rowsOf: number[][], calls: Call[]): { vehicles: VehicleTruth[]; overview: Overview } {
  const vehicles: VehicleTruth[] = veh.map((v, k) => {
    const visits = v.rowVisits.filter((x): x is Ymd => x !== null);
    const latest = visits.length ? visits.reduce((a, b) => (cmp(a, b) >= 0 ? a : b)) : null;
    const ref = latest ?? v.purchase;
    const months = ref ? monthsBetween(ref, ANALYSIS) : null;
    const status: Status = ref === null || cmp(ref, ANALYSIS) > 0 ? '数据异常' : statusOfMonths(months!);
    const miles = v.rowMileage.filter((x): x is number => x !== null);
    const mileage = miles.length ? Math.max(...miles) : null;
    const mp = v.purchase ? monthsBetween(v.purchase, ANALYSIS) : null;
    const age = mp === null ? null : Math.floor(mp / 12);
    const warranty = mp === null ? '未知' : mp < 36 && (mileage === null || mileage < 100000) ? '保期内' : '保期外';
    const mine = calls.filter((c) => c.veh === k).sort((a, b) => cmp(a.date, b.date) || a.minute - b.minute);
    const last = mine[mine.length - 1];
    const withReason = mine.filter((c) => c.reason !== null);
    const lastReason = withReason[withReason.length - 1];
    return {
      vin: v.vin, plate: v.plate, rows: rowsOf[k], duplicateRows: rowsOf[k].slice(1),
      referenceDate: ref ? iso(ref) : null,
      未回厂月数: status === '数据异常' ? null : months, 流失状态: status,
      '车龄(年)': age, 车龄段: age === null ? null : ageBand(age), 保修状态: warranty,
      最近回访结果: last ? last.cat : '未回访',
      流失原因: lastReason ? lastReason.reasonText : null, 原因类别: lastReason ? lastReason.reason : null,
    };
  });
  const perStatus: Record<Status, number> = { 活跃: 0, 准流失: 0, 流失: 0, 彻底流失: 0, 数据异常: 0 };
  for (const v of vehicles) perStatus[v.流失状态]++;
  const classified = vehicles.length - perStatus.数据异常;
  const lost = perStatus.流失 + perStatus.彻底流失;
  const overview: Overview = {
    基盘客户: vehicles.length, perStatus, classified,
    churnRate: lost / classified, churnRateOverAll: lost / vehicles.length,
    retentionRate: (perStatus.活跃 + perStatus.准流失) / classified,
    targetChurnRate: 0.25, toWinBack: Math.max(0, lost - Math.floor(0.25 * classified)),
  };
  return { vehicles, overview };
}

/** Builds a sheet row by row and records the rows that are not records. */
export class Sheet {
  rows: XCell[][] = [];
  merges: string[] = [];
  nonRecords: { sheet: string; row: number; text: string }[] = [];
  dateFormats: Record<number, string> = {};
  constructor(readonly name: string, readonly width: number) {}
  /** 1-based row number the next row will get. */
  get next(): number { return this.rows.length + 1; }
  line(text: string, merge = true): number {
    const row: XCell[] = new Array<XCell>(this.width).fill(null);
    row[0] = text;
    this.rows.push(row);
    if (merge && this.width > 1) this.merges.push(`A${this.rows.length}:${colName(this.width - 1)}${this.rows.length}`);
    this.nonRecords.push({ sheet: this.name, row: this.rows.length, text });
    return this.rows.length;
  }
  blank(): void { this.rows.push(new Array<XCell>(this.width).fill(null)); }
  /** A non-record row with a label and a number in a given column (小计 / 合计 / 共计). */
  total(label: string, col: number, n: number): void {
    const row: XCell[] = new Array<XCell>(this.width).fill(null);
    row[0] = label;
    row[col] = n;
    this.rows.push(row);
    this.nonRecords.push({ sheet: this.name, row: this.rows.length, text: label });
  }
  push(row: XCell[]): number { this.rows.push(row); return this.rows.length; }
  /** Group header (top) over sub-headers; null group = merged vertically over `depth` rows. */
  headers(top: number, depth: number, spec: { group: string | null; header: string }[]): void {
    let i = 0;
    while (i < spec.length) {
      const g = spec[i].group;
      if (g === null) {
        this.rows[top - 1][i] = spec[i].header;
        if (depth > 1) this.merges.push(`${colName(i)}${top}:${colName(i)}${top + depth - 1}`);
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < spec.length && spec[j + 1].group === g) j++;
      this.rows[top - 1][i] = g;
      if (j > i) this.merges.push(`${colName(i)}${top}:${colName(j)}${top}`);
      for (let c = i; c <= j; c++) this.rows[top + depth - 2][c] = spec[c].header;
      i = j + 1;
    }
  }
  done(): XSheet { return { name: this.name, rows: this.rows, merges: this.merges, dateFormats: this.dateFormats }; }
}

export function emptyRows(s: Sheet, k: number): number {
  const first = s.next;
  for (let i = 0; i < k; i++) s.blank();
  return first;
}

const spacedPlate = (p: string): string => `${p.slice(0, 2)} ${p.slice(2)}`;
const dashedPlate = (p: string): string => `${p.slice(0, 2)}-${p.slice(2)}`;

// ---- workbook A: a Chinese DMS export, two-row header, 序号, 小计 rows, date-time text, VIN-keyed call log ---------
function workbookA(): DealerWorkbook {
  const r = new Rng(9001);
  const veh = makeVehicles(r, 64);
  const calls = makeCalls(r, veh, 40);
  const spec = [
    { f: 'seq', group: null, header: '序号' },
    { f: 'vin', group: '车辆信息', header: '车辆识别代号' },
    { f: 'plate', group: '车辆信息', header: '号牌' },
    { f: 'model', group: '车辆信息', header: '厂牌型号' },
    { f: 'purchaseDate', group: '车辆信息', header: '购置日期' },
    { f: 'name', group: '客户信息', header: '车主全名' },
    { f: 'phone', group: '客户信息', header: '客户手机' },
    { f: 'region', group: '客户信息', header: '所属区域' },
    { f: 'lastVisitDate', group: '维修信息', header: '最后一次工单结算日期' },
    { f: 'mileage', group: '维修信息', header: '进站里程' },
    { f: 'advisor', group: '维修信息', header: '服务经理' },
    { f: null, group: '维修信息', header: '工时费小计' },
    { f: null, group: '维修信息', header: '材料费小计' },
  ];
  const s = new Sheet('车辆档案', spec.length);
  s.line('西安华通汽车销售服务有限公司');
  s.line('售后基盘车辆清单(截至2026年10月31日)');
  s.line('服务站代码:SX0291    导出人:admin');
  s.line('导出时间:2026-11-02 09:14:33', false);
  s.blank();
  const top = emptyRows(s, 2);
  s.headers(top, 2, spec);
  const first = s.next;
  const rowsOf: number[][] = veh.map(() => []);
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  const shuffled = r.shuffle(order);
  let seq = 0;
  let since = 0;
  s.dateFormats[5] = 'yyyy/m/d';
  for (const [k, j] of shuffled) {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const row = s.push([
      ++seq, v.vin, spacedPlate(v.plate), v.model, v.purchase ? utc(v.purchase) : null, v.name,
      r.chance(0.5) ? `+86-${v.phone.slice(0, 3)}-${v.phone.slice(3, 7)}-${v.phone.slice(7)}` : `0086 ${v.phone}`, v.region,
      vis ? `${vis.y}-${vis.m}-${vis.d} ${r.int(8, 17)}:${p2(r.int(0, 59))}:${p2(r.int(0, 59))}` : r.pick(['暂无', '']),
      m === null ? '' : `${m.toLocaleString('en-US')} KM`, v.advisor, r.int(0, 3000), r.int(0, 8000),
    ]);
    rowsOf[k].push(row);
    if (++since === 20 && seq < shuffled.length) { s.total('本页小计', 1, since); since = 0; }
  }
  s.total('合计', 1, seq);
  s.blank();
  s.line('制表人:周岚    审核人:钱工', false);
  s.line('打印日期:2026年11月2日', false);
  for (const list of rowsOf) list.sort((a, b) => a - b);
  // call log: one row per call, date-time text, keyed by VIN
  const c = new Sheet('客服回访', 9);
  c.line('客服中心流失客户回访明细');
  c.line('统计区间:2026-06-01 至 2026-10-31', false);
  const ch = c.push(['序号', '电话回访时间', '车辆识别代号', '车主全名', '回访情况', '不来原因', '是否邀约', '回访员', '通话时长(秒)']);
  const callRows: number[] = [];
  calls.forEach((x, i) => {
    callRows.push(c.push([i + 1, `${x.date.y}-${x.date.m}-${x.date.d} ${Math.floor(x.minute / 60)}:${p2(x.minute % 60)}:${p2(r.int(0, 59))}`, x.vin, x.veh >= 0 ? veh[x.veh].name : V.personName(r), x.text, x.reasonText, x.cat === '成功' ? r.pick(['是', '否']) : '', x.caller, r.int(0, 400)]));
  });
  c.line(`共计 ${calls.length} 条`, false);
  const notes = new Sheet('字段说明', 2);
  notes.line('字段说明', false);
  notes.push(['字段', '说明']);
  notes.push(['最后一次工单结算日期', '该车最近一次结算工单的日期']);
  notes.push(['进站里程', '最近一次进站时的里程']);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v2-A-dms-workshop.xlsx',
    sheets: [s.done(), c.done(), notes.done()],
    truth: {
      file: 'v2-A-dms-workshop.xlsx', style: 'Chinese DMS export: title block, two-row merged header, 序号, 本页小计 rows, date-time text visits, +86 phones, spaced plates, VIN-keyed call log with date-time text',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [top, top + 1], firstDataRow: first, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: { callDate: '电话回访时间', vin: '车辆识别代号', name: '车主全名', result: '回访情况', reason: '不来原因', invited: '是否邀约', caller: '回访员' } },
        { name: notes.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview,
      calls: callTruth(calls, callRows),
    },
  };
}

export function columnsOf(spec: { f: string | null; group: string | null; header: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of spec) if (x.f && x.f !== 'seq') out[x.f] = x.group ? `${x.group}/${x.header}` : x.header;
  return out;
}

export function callTruth(calls: Call[], rows: number[]): DealerTruth['calls'] {
  const sameDay: { vin: string; rows: number[]; laterRow: number }[] = [];
  const seen = new Map<string, number[]>();
  calls.forEach((x, i) => {
    if (x.veh < 0) return;
    const k = `${x.veh}|${iso(x.date)}`;
    if (!seen.has(k)) seen.set(k, []);
    seen.get(k)!.push(i);
  });
  for (const idx of seen.values()) {
    if (idx.length < 2) continue;
    const later = idx.reduce((a, b) => (calls[a].minute >= calls[b].minute ? a : b));
    sameDay.push({ vin: calls[idx[0]].vin, rows: idx.map((i) => rows[i]), laterRow: rows[later] });
  }
  return {
    records: calls.length, matched: calls.filter((x) => x.veh >= 0).length, unmatched: calls.filter((x) => x.veh < 0).length,
    unmatchedRows: calls.map((x, i) => (x.veh < 0 ? rows[i] : -1)).filter((x) => x > 0), sameDayPairs: sameDay,
  };
}

// ---- workbook B: an English DMS export, header at row 9, yyyymmdd numbers, serials with time, plate-keyed calls --
function workbookB(): DealerWorkbook {
  const r = new Rng(9002);
  const veh = makeVehicles(r, 58);
  const calls = makeCalls(r, veh, 36);
  const spec = [
    { f: 'seq', group: null, header: 'No.' },
    { f: 'vin', group: null, header: 'VIN Number' },
    { f: 'plate', group: null, header: 'Registration' },
    { f: 'name', group: null, header: 'Cust. Name' },
    { f: 'phone', group: null, header: 'Mobile No.' },
    { f: 'model', group: null, header: 'Model Name' },
    { f: 'purchaseDate', group: null, header: 'Date of Sale' },
    { f: 'lastVisitDate', group: null, header: 'Last RO Date' },
    { f: 'mileage', group: null, header: 'Odometer (km)' },
    { f: 'region', group: null, header: 'City' },
    { f: 'advisor', group: null, header: 'SA Name' },
    { f: null, group: null, header: 'Labour Total' },
    { f: null, group: null, header: 'Parts Total' },
  ];
  const s = new Sheet('Export', spec.length);
  s.line('Dealer: Shanghai Yongda Motors (SH-0217)', false);
  s.line('Report: Customer Vehicle List', false);
  s.line('Run date: 2026-11-01 07:55', false);
  s.line('Filter: All vehicles / All advisors', false);
  s.line('Period: up to 2026-10-31 (截至2026年10月31日)', false);
  s.line('Currency: CNY', false);
  s.line('Page 1 of 1', false);
  s.blank();
  const hr = s.push(spec.map((x) => x.header));
  const rowsOf: number[][] = veh.map(() => []);
  let seq = 0;
  s.dateFormats[8] = 'yyyy-mm-dd hh:mm';
  veh.forEach((v, k) => v.rowVisits.forEach((vis, j) => {
    const m = v.rowMileage[j];
    rowsOf[k].push(s.push([
      ++seq, v.vin, v.plate, v.name, Number(`86${v.phone}`), v.model,
      v.purchase ? v.purchase.y * 10000 + v.purchase.m * 100 + v.purchase.d : '',
      vis ? utc(vis, r.int(480, 1080)) : r.pick(['N/A', '']), m === null ? '' : m, v.region, v.advisor, r.int(0, 3000), r.int(0, 8000),
    ]));
  }));
  s.line(`Total records: ${seq}`, false);
  s.line('Printed by: admin', false);
  const c = new Sheet('Contact Log', 6);
  c.line('Follow-up Contact Log (2026-06 to 2026-10)', false);
  const ch = c.push(['Called On', 'Start Time', 'Registration', 'Call Outcome', 'Churn Reason', 'Agent']);
  const callRows: number[] = [];
  c.dateFormats[1] = 'dd/mm/yyyy';
  for (const x of calls) callRows.push(c.push([utc(x.date), `${p2(Math.floor(x.minute / 60))}:${p2(x.minute % 60)}`, x.plate, x.text, x.reasonText, x.caller]));
  c.line(`Count: ${calls.length}`, false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v2-B-english-dms.xlsx',
    sheets: [s.done(), c.done()],
    truth: {
      file: 'v2-B-english-dms.xlsx', style: 'English DMS export: 7-line title block, header at row 9, 20190305 numbers, serial date-times, 13-digit 86… phones, plate-keyed call log with a separate Start Time column',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: { callDate: 'Called On', plate: 'Registration', result: 'Call Outcome', reason: 'Churn Reason', caller: 'Agent' } },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook C: three-row header with a notes row; a call log whose headers look like a prospect card ------------
function workbookC(): DealerWorkbook {
  const r = new Rng(9003);
  const veh = makeVehicles(r, 60);
  const calls = makeCalls(r, veh, 38);
  const spec = [
    { f: 'seq', group: null, header: '序号' },
    { f: 'vin', group: '车辆', header: '底盘编号' },
    { f: 'plate', group: '车辆', header: '车牌信息' },
    { f: 'model', group: '车辆', header: '车系车型' },
    { f: 'purchaseDate', group: '车辆', header: '初登日期' },
    { f: 'name', group: '车主', header: '联系人' },
    { f: 'phone', group: '车主', header: '联系手机' },
    { f: 'region', group: '车主', header: '地市' },
    { f: 'lastVisitDate', group: '保养', header: '上一次保养日期' },
    { f: 'mileage', group: '保养', header: '最新里程' },
    { f: 'advisor', group: '保养', header: '责任顾问' },
    { f: null, group: null, header: '累计消费' },
  ];
  const s = new Sheet('Sheet1', spec.length);
  s.line('渭南广汇 售后基盘客户 2026年10月');
  s.line('截至2026年10月31日', false);
  // band row over the groups
  const band = s.push(new Array<XCell>(spec.length).fill(null));
  s.rows[band - 1][1] = '基盘信息';
  s.merges.push(`B${band}:H${band}`);
  s.rows[band - 1][8] = '服务信息';
  s.merges.push(`I${band}:K${band}`);
  const top = emptyRows(s, 2);
  // 序号 and 累计消费 merged over all three header rows
  s.headers(top, 2, spec.map((x) => ({ group: x.group, header: x.group === null ? '' : x.header })));
  s.rows[band - 1][0] = '序号';
  s.rows[band - 1][11] = '累计消费';
  s.merges.splice(s.merges.indexOf(`A${top}:A${top + 1}`), 1, `A${band}:A${top + 1}`);
  s.merges.splice(s.merges.indexOf(`L${top}:L${top + 1}`), 1, `L${band}:L${top + 1}`);
  s.rows[top - 1][0] = null;
  s.rows[top - 1][11] = null;
  const noteRow = s.push(['', '必填', '必填', '', '格式:年.月.日', '', '必填', '', '格式:年-月-日', '单位:万公里', '', '元']);
  s.nonRecords.push({ sheet: s.name, row: noteRow, text: 'notes row under the header' });
  const rowsOf: number[][] = veh.map(() => []);
  let seq = 0;
  let since = 0;
  s.dateFormats[9] = 'yyyy-mm-dd';
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  for (const [k, j] of r.shuffle(order)) {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    rowsOf[k].push(s.push([
      ++seq, v.vin, dashedPlate(v.plate), v.model, v.purchase ? `${v.purchase.y}.${v.purchase.m}.${v.purchase.d}` : '--', v.name,
      r.chance(0.5) ? `(+86)${v.phone}` : `${v.phone.slice(0, 3)}.${v.phone.slice(3, 7)}.${v.phone.slice(7)}`, v.region,
      vis ? utc(vis) : r.pick(['未知', '--']), m === null ? '' : `${(m / 10000).toFixed(2)}万公里`, v.advisor, r.int(0, 20000),
    ]));
    if (++since === 25 && seq < order.length) { s.total('小计', 11, since); since = 0; }
  }
  s.total('总计', 11, seq);
  s.line('审核人:', false);
  for (const list of rowsOf) list.sort((a, b) => a - b);
  // the call log, headers in a prospect card's words, keyed by phone and plate
  const c = new Sheet('Sheet2', 10);
  c.line('客户跟进记录');
  const ch = c.push(['序号', '跟进时间', '联系手机', '车牌信息', '客户等级', '跟进方式', '跟进情况', '客户意见', '下次跟进时间', '跟进人']);
  const callRows: number[] = [];
  c.dateFormats[2] = 'yyyy-mm-dd hh:mm';
  c.dateFormats[9] = 'yyyy-mm-dd';
  calls.forEach((x, i) => {
    callRows.push(c.push([i + 1, utc(x.date, x.minute), `(+86)${x.phone}`, dashedPlate(x.plate), r.pick(['普通', 'VIP', '金卡']), '电话', x.text, x.reasonText, r.chance(0.4) ? utc(rnd(r, x.date, { y: 2026, m: 12, d: 31 })) : '', x.caller]));
  });
  c.line(`共 ${calls.length} 条`, false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v2-C-three-row-header.xlsx',
    sheets: [s.done(), c.done()],
    truth: {
      file: 'v2-C-three-row-header.xlsx', style: 'Chinese DMS export: three-row merged header, a notes row under it, 2019.6.3 text purchase dates, 3.52万公里, (+86) and dotted phones, dashed plates; a call log whose headers read like a prospect card (跟进时间/跟进情况/客户等级) keyed by phone and plate, date-times',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [band, top, top + 1], firstDataRow: noteRow + 1, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: { callDate: '跟进时间', phone: '联系手机', plate: '车牌信息', result: '跟进情况', reason: '客户意见', caller: '跟进人' } },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

/** What happened at the reception, without order words (an order is read from 结案情形 or level O only). */
const PROCESSES_NO_ORDER = V.PROCESSES.filter((x) => !/定金|成交|订车/.test(x));

// ---- workbook D: a showroom register from a sales DMS --------------------------------------------------------------
function workbookD(): DealerWorkbook {
  const r = new Rng(9004);
  const dates: Ymd[] = [1, 2, 3, 5, 6, 7].map((d) => ({ y: 2026, m: 10, d }));
  const head = ['序号', '接待日期', '进店-离店', '来店来电', '客户称谓', '性别', '联系方式', '意向车型(购买时间)', '了解渠道', '接待经过', '意向等级', '结案情形', '接待销售', '备注'];
  const s = new Sheet('客流登记', head.length);
  s.line('咸阳恒信 展厅客流登记 2026年10月');
  s.line('门店:咸阳恒信汽车销售服务有限公司', false);
  s.line('填报人:前台 王珊', false);
  s.blank();
  const hr = s.push(head);
  const noteRow = s.push(['', '月/日', '时:分', '来店/来电', '', '', '11位手机', '', '', '', 'H/A/B/C', '', '', '']);
  s.nonRecords.push({ sheet: s.name, row: noteRow, text: 'notes row under the header' });
  const perSlot: TrafficTruth['perSlot'] = {};
  const perDate: TrafficTruth['perDate'] = {};
  const recordRows: number[] = [];
  const fixedMinutes = [7 * 60 + 45, 20 * 60 + 10, 10 * 60, 9 * 60 + 59, 12 * 60, 18 * 60];
  let seq = 0;
  s.dateFormats[2] = 'm/d';
  for (const d of dates) {
    const key = iso(d);
    perSlot[key] = Object.fromEntries(SLOTS.map((x) => [x, { 来店批数: 0, 来电批数: 0 }]));
    perDate[key] = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
    const n = r.int(8, 16);
    const minutes = Array.from({ length: n }, (_, i) => (i < fixedMinutes.length && d.d <= 2 ? fixedMinutes[i] : r.int(8 * 60 + 30, 19 * 60 + 30))).sort((a, b) => a - b);
    for (const minute of minutes) {
      const isCall = r.chance(0.35);
      const phone = r.chance(isCall ? 0.8 : 0.6) ? V.phoneDigits(r) : null;
      const level = r.chance(0.05) ? 'O' : r.pick(['H', 'A级', 'B', 'C类', 'N', 'F']);
      const closure = r.chance(0.15) ? r.pick(['成交', '订车', '交定金']) : r.pick(['跟进中', '跟进中', '战败', '', '再联系']);
      const order = ['成交', '订车', '交定金'].includes(closure) || level === 'O';
      const h = Math.floor(minute / 60);
      const mi = minute % 60;
      const leave = Math.min(minute + r.int(10, 90), 21 * 60);
      const styles = [
        `${h}:${p2(mi)}~${Math.floor(leave / 60)}:${p2(leave % 60)}`,
        `${h}时${mi}分`,
        mi === 30 ? `${h}点半` : mi === 0 ? `${h}点` : mi >= 10 ? `${h}点${mi}` : `${h}:${p2(mi)}`,
        minute / 1440,
        h >= 13 && mi === 0 ? `下午${h - 12}点` : `${p2(h)}:${p2(mi)}-${p2(Math.floor(leave / 60))}:${p2(leave % 60)}`,
      ];
      const time = r.pick(styles);
      const row = s.push([
        ++seq, r.chance(0.8) ? utc(d) : `${d.y}/${d.m}/${d.d}`, time, isCall ? r.pick(['来电', '电话']) : r.pick(['来店', '到店', '展厅']),
        `${V.personName(r)[0]}${r.pick(['先生', '女士'])}`, r.pick(['男', '女']),
        phone ? r.pick([phone, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, `+86 ${phone}`]) : r.pick(['', '无', '未留']),
        `${V.model(r)}(${r.pick(['一周内', '一个月内', '三个月内', '待定'])})`, r.pick(V.SOURCES), r.pick(PROCESSES_NO_ORDER), level, closure, r.pick(['刘洋', '陈静', '马超']), r.pick(['', '', '老客户介绍']),
      ]);
      recordRows.push(row);
      const slot = slotOf(minute);
      if (isCall) { perSlot[key][slot].来电批数++; perDate[key].来电批数++; } else { perSlot[key][slot].来店批数++; perDate[key].来店批数++; }
      perDate[key].来访客户批数合计++;
      if (phone) perDate[key].留有客户资料数++;
      if (order) perDate[key].订单数++;
    }
    s.total(`${d.m}月${d.d}日小计`, 3, n);
  }
  s.total('合计', 3, seq);
  s.blank();
  s.line('前台客户接待:          客服经理:          展厅经理:', false);
  const sum = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
  for (const x of Object.values(perDate)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += x[k];
  const summary = new Sheet('月度汇总', 4);
  summary.push(['日期', '来店批数', '来电批数', '合计']);
  for (const [k, x] of Object.entries(perDate)) summary.push([k, x.来店批数 + r.int(-1, 1), x.来电批数, null]);
  summary.push(['备注:手工统计,仅供参考', null, null, null]);
  return {
    file: 'v2-D-showroom-register.xlsx',
    sheets: [s.done(), summary.done()],
    truth: {
      file: 'v2-D-showroom-register.xlsx', style: 'Sales DMS showroom register: title block, header at row 5, notes row, 序号, 来店来电 in words (来店/到店/展厅, 来电/电话), times as 9:30~10:15, 9时5分, 9点半, time fractions, 下午3点; a 小计 row after each date; signature footer; a hand-made monthly summary sheet that is no input (its figures deliberately differ)',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'register', headerRows: [hr], firstDataRow: noteRow + 1, columns: { date: '接待日期', time: '进店-离店', contactType: '来店来电', name: '客户称谓', gender: '性别', phone: '联系方式', intendedModel: '意向车型(购买时间)', source: '了解渠道', process: '接待经过', level: '意向等级', closure: '结案情形', consultant: '接待销售', remarks: '备注' } },
        { name: summary.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
      ],
      nonRecordRows: s.nonRecords,
      traffic: {
        perSlot, perDate, recordRows,
        total: { ...sum, 留资率: sum.留有客户资料数 / sum.来访客户批数合计, 展厅成交率: sum.订单数 / sum.来店批数 },
      },
    },
  };
}

export function buildV2Workbooks(): DealerWorkbook[] {
  return [workbookA(), workbookB(), workbookC(), workbookD()];
}

export async function toXlsx(wb: DealerWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sh of wb.sheets) {
    const ws = book.addWorksheet(sh.name);
    sh.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = sh.dateFormats?.[j + 1] ?? 'yyyy-mm-dd';
        else if (typeof v === 'number' && v > 0 && v < 1) cell.numFmt = 'h:mm';
      });
    });
    for (const m of sh.merges) ws.mergeCells(m);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes the four workbooks and their truth (.truth.json) to `dir`. */
export async function writeV2Workbooks(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const wb of buildV2Workbooks()) {
    writeFileSync(join(dir, wb.file), await toXlsx(wb));
    writeFileSync(join(dir, wb.file.replace(/\.xlsx$/, '.truth.json')), `${JSON.stringify(wb.truth, null, 1)}\n`);
    out.push(wb.file);
  }
  return out;
}
