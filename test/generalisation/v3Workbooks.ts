/**
 * Four "never-seen dealer workbooks" of the v3 held-out split (issue 10, session 8), in DMS styles unlike v2's:
 * - E: an OEM region export with three dealers in one sheet (经销商代码/简称 columns, a 经销商小计 row after each
 *   dealer, the header repeated on every printed page under a 第N页 line), and the OEM call centre's log keyed by VIN;
 * - F: a win-back export whose call columns stand to the RIGHT of the customer columns in the SAME sheet (one row
 *   per vehicle with its call of the month, two-row header 车辆档案 | 回访信息), no separate call log;
 * - G: a showroom register in another shape: a blank frozen column first, the date as text with the weekday,
 *   arrival and leave in two columns, call/visit as ticks under a merged 接待类别, the two-row header repeated per page;
 * - H: a customer base whose last-visit column is a text date with the weekday ('2026-03-05 周四'), headers with
 *   line breaks ('最近出厂\n日期'), two blank columns first, a future 下次保养日期 beside it; its call log has the
 *   pinyin-initial headers of an old DMS (HFRQ, HFSJ, CPHM, HFJG, LSYY).
 * Ground truth is computed by the harness's own implementation of DOMAIN.md (v2Workbooks.ts: makeVehicles,
 * makeCalls, classify, callTruth), not by the product. Written blind (the product's lists, normaliser, matcher,
 * value vocabularies and sample generator were not opened). Analysis date: 2026-10-31 (each title names it).
 *
 * Write them with: WRITE_V3_WORKBOOKS=1 npx jest --maxWorkers=1 test/generalisation/v3Check.test.ts
 * (files go to test/generalisation/v3-workbooks/, which holds only its README in git).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Rng } from './rng';
import * as V from './values';
import { weekday } from './valuesV3';
import {
  ANALYSIS, CATEGORIES, classify, callTruth, columnsOf, emptyRows, iso, makeCalls, makeVehicles, p2, REASONS, REASON_TEXT, RESULT_TEXT, Sheet, slotOf, SLOTS, toXlsx, utc,
  type Call, type DealerWorkbook, type TrafficTruth, type Vehicle, type XCell, type Ymd,
} from './v2Workbooks';

const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEK_LONG = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const withWeek = (x: Ymd): string => `${iso(x)} ${WEEK[weekday(x)]}`;
const colourPlate = (p: string): string => `${p}(${p.length === 8 ? '绿' : '蓝'})`;

/** Spec of one input column: the field it holds (null: none), its group (two-row headers) and its header text. */
interface ColSpec { f: string | null; group: string | null; header: string }

/** Writes a one-row header and records it as the sheet's header (returns its row). */
function headerRow(s: Sheet, spec: ColSpec[], offset = 0): number {
  const row: XCell[] = new Array<XCell>(s.width).fill(null);
  spec.forEach((x, i) => { row[i + offset] = x.header; });
  return s.push(row);
}

/** The same header again below (a new printed page), recorded as a row that is not a record. */
function repeatedHeader(s: Sheet, spec: ColSpec[], pageLine: string | null, offset = 0): void {
  if (pageLine) s.line(pageLine, false);
  const r = headerRow(s, spec, offset);
  s.nonRecords.push({ sheet: s.name, row: r, text: 'header repeated on a new page' });
}

/** A call drawn as makeCalls draws one (result text by category, a reason on some reached calls). */
function oneCall(r: Rng, veh: Vehicle[], k: number, date: Ymd, minute: number): Call {
  const cat = r.chance(0.45) ? '成功' : r.pick(CATEGORIES.filter((c) => c !== '成功'));
  const reason = cat === '成功' && r.chance(0.75) ? r.pick(REASONS) : null;
  const v = veh[k];
  return { veh: k, date, minute, cat, text: r.pick(RESULT_TEXT[cat]), reason, reasonText: reason ? r.pick(REASON_TEXT[reason]) : '', caller: r.pick(['坐席01', '坐席07', '坐席12']), plate: v.plate, phone: v.phone, vin: v.vin };
}

// ---- workbook E: an OEM region export, three dealers in one sheet, header repeated per page ----------------------
function workbookE(): DealerWorkbook {
  const r = new Rng(9301);
  const veh = makeVehicles(r, 75);
  const calls = makeCalls(r, veh, 44);
  const dealers = [['SX02910', '西安华通'], ['SX02917', '咸阳恒信'], ['SX02933', '宝鸡永达']];
  const spec: ColSpec[] = [
    { f: null, group: null, header: '大区' },
    { f: null, group: null, header: '经销商代码' },
    { f: null, group: null, header: '经销商简称' },
    { f: 'vin', group: null, header: 'VIN码/车架号' },
    { f: 'plate', group: null, header: '车辆牌号' },
    { f: 'name', group: null, header: '车主/客户' },
    { f: 'phone', group: null, header: '客户联系电话' },
    { f: 'model', group: null, header: '品牌车系' },
    { f: 'purchaseDate', group: null, header: '新车发票日期' },
    { f: 'lastVisitDate', group: null, header: '末次出厂日期' },
    { f: 'mileage', group: null, header: '进厂里程(km)' },
    { f: 'advisor', group: null, header: '服务顾问(SA)' },
    { f: null, group: null, header: '保养金额(元)' },
  ];
  const s = new Sheet('区域基盘', spec.length);
  s.line('华西大区 售后保有客户明细(截至2026年10月31日)');
  s.line('报表编号:RPT-AS-0412    数据来源:厂家DMS', false);
  s.line('导出时间:2026/11/03 08:02 星期二', false);
  const hr = headerRow(s, spec);
  const rowsOf: number[][] = veh.map(() => []);
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let onPage = 0;
  let page = 1;
  let total = 0;
  s.dateFormats[10] = 'yyyy-mm-dd';
  dealers.forEach(([code, short], d) => {
    const order: [number, number][] = [];
    veh.forEach((v, k) => { if (Math.floor(k / 25) === d) v.rowVisits.forEach((_, j) => order.push([k, j])); });
    let inDealer = 0;
    for (const [k, j] of r.shuffle(order)) {
      if (onPage === 28) { page++; repeatedHeader(s, spec, `第${page}页`); onPage = 0; }
      const v = veh[k];
      const vis = v.rowVisits[j];
      const m = v.rowMileage[j];
      const pd = v.purchase;
      rowsOf[k].push(s.push([
        '华西大区', code, short, v.vin, colourPlate(v.plate), v.name, `+86 ${v.phone.slice(0, 3)} ${v.phone.slice(3, 7)} ${v.phone.slice(7)}`, v.model,
        pd ? `${p2(pd.d)}-${MONTHS[pd.m - 1]}-${pd.y}` : 'null', vis ? utc(vis) : r.pick(['null', '']), m === null ? '' : m, v.advisor, (r.int(0, 300000) / 100).toFixed(2),
      ]));
      onPage++;
      inDealer++;
      total++;
    }
    const row: XCell[] = new Array<XCell>(spec.length).fill(null);
    row[0] = '经销商小计';
    row[2] = short;
    row[3] = `${inDealer}台`;
    s.push(row);
    s.nonRecords.push({ sheet: s.name, row: s.rows.length, text: '经销商小计' });
  });
  s.total('总计', 3, total);
  s.line('制表:华西大区客服部    复核:', false);
  for (const list of rowsOf) list.sort((a, b) => a - b);
  const c = new Sheet('外呼明细', 7);
  c.line('厂家客服中心 流失客户外呼明细 2026年6月-10月', false);
  const callSpec: ColSpec[] = [
    { f: null, group: null, header: '任务编号' },
    { f: 'callDate', group: null, header: '流失回访日期时间' },
    { f: 'vin', group: null, header: 'VIN码/车架号' },
    { f: 'result', group: null, header: '外呼结论' },
    { f: 'reason', group: null, header: '客户流失原因' },
    { f: 'caller', group: null, header: '回访坐席' },
    { f: null, group: null, header: '通话时长(秒)' },
  ];
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  calls.forEach((x) => {
    callRows.push(c.push([`TASK${r.int(100000, 999999)}`, `${x.date.y}/${p2(x.date.m)}/${p2(x.date.d)} ${p2(Math.floor(x.minute / 60))}:${p2(x.minute % 60)}:${p2(r.int(0, 59))}`, x.vin, x.text, x.reasonText, x.caller, x.cat === '成功' ? r.int(30, 400) : 0]));
  });
  c.line(`记录总数:${calls.length}`, false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v3-E-oem-region.xlsx',
    sheets: [s.done(), c.done()],
    truth: {
      file: 'v3-E-oem-region.xlsx', style: 'OEM region export: three dealers in one sheet (大区/经销商代码/经销商简称 columns), a 经销商小计 row after each dealer, the header repeated under a 第N页 line every 28 rows, dd-Mon-yyyy text purchase dates, plates with their colour, spaced +86 phones; the OEM call centre log keyed by VIN with yyyy/mm/dd hh:mm:ss text',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook F: the call columns to the right of the customer columns, in the same sheet -----------------------
function workbookF(): DealerWorkbook {
  const r = new Rng(9302);
  const veh = makeVehicles(r, 62);
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: '序号' },
    { f: 'vin', group: '车辆档案', header: '车架编号' },
    { f: 'plate', group: '车辆档案', header: '机动车号牌' },
    { f: 'name', group: '车辆档案', header: '所有人姓名' },
    { f: 'phone', group: '车辆档案', header: '联系人手机' },
    { f: 'model', group: '车辆档案', header: '品牌车系' },
    { f: 'purchaseDate', group: '车辆档案', header: '行驶证注册日期' },
    { f: 'lastVisitDate', group: '车辆档案', header: '最近竣工日期' },
    { f: 'mileage', group: '车辆档案', header: '公里数(km)' },
    { f: 'callDate', group: '回访信息', header: '去电日期时间' },
    { f: 'result', group: '回访信息', header: '去电结果' },
    { f: 'reason', group: '回访信息', header: '未回厂理由' },
    { f: 'caller', group: '回访信息', header: '回访坐席' },
  ];
  const s = new Sheet('流失客户回访', spec.length);
  s.line('杭州元通 流失客户招揽回访表(截至2026年10月31日)');
  s.line('回访期间:2026年6月1日-2026年10月31日', false);
  const top = emptyRows(s, 2);
  s.headers(top, 2, spec);
  const first = s.next;
  const rowsOf: number[][] = veh.map(() => []);
  const calls: Call[] = [];
  const callRows: number[] = [];
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  s.dateFormats[7] = 'yyyy/m/d';
  s.dateFormats[8] = 'yyyy/m/d';
  s.dateFormats[10] = 'yyyy-mm-dd hh:mm';
  const used = new Set<string>();
  let seq = 0;
  for (const [k, j] of r.shuffle(order)) {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    // a call on this row for two vehicles in three; the extra row of a vehicle listed twice carries its own call
    let call: Call | null = null;
    if (k < veh.length - 2 && r.chance(0.67)) {
      const date = V.randomDate(r, { y: 2026, m: 6, d: 1 }, { y: 2026, m: 10, d: 30 });
      let minute = r.int(540, 1080);
      while (used.has(`${k}|${iso(date)}|${minute}`)) minute += 7;
      used.add(`${k}|${iso(date)}|${minute}`);
      call = oneCall(r, veh, k, date, minute);
    }
    const row = s.push([
      ++seq, v.vin, v.plate, v.name, v.phone, v.model, v.purchase ? utc(v.purchase) : null, vis ? utc(vis) : r.pick(['', '无']), m === null ? '' : m,
      call ? utc(call.date, call.minute) : null, call ? call.text : null, call ? call.reasonText || null : null, call ? call.caller : null,
    ]);
    rowsOf[k].push(row);
    if (call) { calls.push(call); callRows.push(row); }
  }
  s.total('合计', 1, seq);
  s.line('回访主管:          客服经理:', false);
  for (const list of rowsOf) list.sort((a, b) => a - b);
  const cover = new Sheet('封面', 1);
  cover.line('杭州元通汽车销售服务有限公司', false);
  cover.line('售后客户关系部 月度招揽报表', false);
  cover.line('报表期间:2026年10月', false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v3-F-same-sheet-calls.xlsx',
    sheets: [cover.done(), s.done()],
    truth: {
      file: 'v3-F-same-sheet-calls.xlsx', style: 'win-back export: one row per vehicle with its call of the month to the right in the same sheet (two-row header 车辆档案 | 回访信息, 序号 merged over both rows), no separate call log; a cover sheet first that is no input; 行驶证注册日期 as the purchase date, 最近竣工日期 as the last visit, date-time cells',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: cover.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
        { name: s.name, kind: 'customers', headerRows: [top, top + 1], firstDataRow: first, columns: columnsOf(spec) },
      ],
      nonRecordRows: [...cover.nonRecords, ...s.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook G: a showroom register in another shape ---------------------------------------------------------------
function workbookG(): DealerWorkbook {
  const r = new Rng(9303);
  const dates: Ymd[] = [5, 6, 7, 8, 9, 10].map((d) => ({ y: 2026, m: 10, d }));
  // column A is blank (a frozen margin); the spec starts at column B
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: '行号' },
    { f: 'date', group: null, header: '日期(星期)' },
    { f: 'time', group: null, header: '到店时刻' },
    { f: null, group: null, header: '离店时间' },
    { f: 'callMark', group: '接待类别', header: '来电客户' },
    { f: 'visitMark', group: '接待类别', header: '展厅来访' },
    { f: 'name', group: null, header: '来访人' },
    { f: 'phone', group: null, header: '联系人手机' },
    { f: 'intendedModel', group: null, header: '关注车型' },
    { f: 'source', group: null, header: '获知渠道' },
    { f: 'level', group: null, header: '意向热度' },
    { f: 'closure', group: null, header: '成交情况' },
    { f: 'consultant', group: null, header: '责任销售' },
  ];
  const width = spec.length + 1;
  const s = new Sheet('展厅接待明细', width);
  s.line('广州广物 展厅来电来店接待明细 2026年10月');
  s.line('门店:广州广物汽车销售服务有限公司    填报:前台', false);
  /** A two-row header from column B (A stays blank). */
  const twoRowHeader = (): number => {
    const t = emptyRows(s, 2);
    s.headers(t, 2, [{ group: null, header: '' }, ...spec]);
    // the blank column A is not merged
    s.merges.splice(s.merges.indexOf(`A${t}:A${t + 1}`), 1);
    return t;
  };
  const top = twoRowHeader();
  const perSlot: TrafficTruth['perSlot'] = {};
  const perDate: TrafficTruth['perDate'] = {};
  const recordRows: number[] = [];
  const fixedMinutes = [7 * 60 + 40, 20 * 60 + 5, 10 * 60, 11 * 60 + 59, 14 * 60, 18 * 60];
  let seq = 0;
  let onPage = 0;
  let page = 1;
  for (const d of dates) {
    const key = iso(d);
    perSlot[key] = Object.fromEntries(SLOTS.map((x) => [x, { 来店批数: 0, 来电批数: 0 }]));
    perDate[key] = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
    const n = r.int(7, 14);
    const minutes = Array.from({ length: n }, (_, i) => (i < fixedMinutes.length && d.d <= 6 ? fixedMinutes[i] : r.int(8 * 60 + 20, 19 * 60 + 40))).sort((a, b) => a - b);
    for (const minute of minutes) {
      if (onPage === 22) {
        page++;
        s.line(`续表(第${page}页)`, false);
        const t = twoRowHeader();
        s.nonRecords.push({ sheet: s.name, row: t, text: 'header repeated on a new page' }, { sheet: s.name, row: t + 1, text: 'header repeated on a new page' });
        onPage = 0;
      }
      const isCall = r.chance(0.35);
      const phone = r.chance(isCall ? 0.85 : 0.6) ? V.phoneDigits(r) : null;
      const level = r.chance(0.06) ? 'O' : r.pick(['H级', 'A', 'B级', 'C', 'N', 'F']);
      const closure = r.chance(0.15) ? r.pick(['成交', '订车', '交定金']) : r.pick(['跟进中', '跟进中', '战败', '', '考虑中']);
      const order = ['成交', '订车', '交定金'].includes(closure) || level === 'O';
      const h = Math.floor(minute / 60);
      const mi = minute % 60;
      const leave = Math.min(minute + r.int(5, 80), 21 * 60);
      const h12 = h % 12 === 0 ? 12 : h % 12;
      const arrival = r.pick<XCell>([minute / 1440, `${h12}:${p2(mi)} ${h < 12 ? 'AM' : 'PM'}`, `${p2(h)}时${p2(mi)}分`, minute / 1440]);
      const dateCell = r.chance(0.8) ? withWeek(d) : `${d.y}年${d.m}月${d.d}日(${WEEK_LONG[weekday(d)]})`;
      const row = s.push([
        null, ++seq, dateCell, arrival, r.chance(0.7) ? leave / 1440 : `${Math.floor(leave / 60)}:${p2(leave % 60)}`, isCall ? '√' : null, isCall ? null : '√',
        `${V.personName(r)[0]}${r.pick(['先生', '女士'])}`, phone ? r.pick([phone, `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`]) : r.pick(['', '未留', '拒留']),
        V.model(r), r.pick(V.SOURCES), level, closure, r.pick(['刘洋', '陈静', '马超', '黄蕾']),
      ]);
      recordRows.push(row);
      onPage++;
      const slot = slotOf(minute);
      if (isCall) { perSlot[key][slot].来电批数++; perDate[key].来电批数++; } else { perSlot[key][slot].来店批数++; perDate[key].来店批数++; }
      perDate[key].来访客户批数合计++;
      if (phone) perDate[key].留有客户资料数++;
      if (order) perDate[key].订单数++;
    }
  }
  const totalRow: XCell[] = new Array<XCell>(width).fill(null);
  totalRow[1] = '合计';
  totalRow[2] = `${seq}批`;
  s.push(totalRow);
  s.nonRecords.push({ sheet: s.name, row: s.rows.length, text: '合计' });
  s.line('前台:          展厅经理:          总经理:', false);
  const sum = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
  for (const x of Object.values(perDate)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += x[k];
  const columns: Record<string, string> = {};
  for (const x of spec) if (x.f && x.f !== 'seq') columns[x.f] = x.group ? `${x.group}/${x.header}` : x.header;
  return {
    file: 'v3-G-register-new-shape.xlsx',
    sheets: [s.done()],
    truth: {
      file: 'v3-G-register-new-shape.xlsx', style: 'showroom register: blank column A, two-row header from column B with 来电客户 | 展厅来访 ticks under a merged 接待类别, the header repeated under 续表(第N页) every 22 rows, dates as text with the weekday (2026-10-05 周一, 2026年10月5日(星期一)), arrival (time fractions, 9:30 AM, 14时20分) and leave in two columns, level O and 成交情况 for orders',
      analysisDate: iso(ANALYSIS),
      sheets: [{ name: s.name, kind: 'register', headerRows: [top, top + 1], firstDataRow: top + 2, columns }],
      nonRecordRows: s.nonRecords,
      traffic: {
        perSlot, perDate, recordRows,
        total: { ...sum, 留资率: sum.留有客户资料数 / sum.来访客户批数合计, 展厅成交率: sum.订单数 / sum.来店批数 },
      },
    },
  };
}

// ---- workbook H: last visit as text with the weekday, line breaks in headers, a pinyin-coded call log -------------
function workbookH(): DealerWorkbook {
  const r = new Rng(9304);
  const veh = makeVehicles(r, 66);
  const calls = makeCalls(r, veh, 40);
  const spec: ColSpec[] = [
    { f: null, group: null, header: '' },
    { f: null, group: null, header: '' },
    { f: 'seq', group: null, header: '行号' },
    { f: 'vin', group: null, header: '车辆识别\n代码' },
    { f: 'plate', group: null, header: '车号牌' },
    { f: 'name', group: null, header: '车主名' },
    { f: 'phone', group: null, header: '客户联系\n电话' },
    { f: 'model', group: null, header: '品牌车系' },
    { f: 'purchaseDate', group: null, header: '上户日期' },
    { f: 'lastVisitDate', group: null, header: '最近出厂\n日期' },
    { f: null, group: null, header: '下次保养\n日期' },
    { f: 'mileage', group: null, header: '里程(公里)' },
    { f: 'region', group: null, header: '所属城市' },
    { f: 'advisor', group: null, header: '接待员' },
    { f: null, group: null, header: '客户星级' },
  ];
  const s = new Sheet('保有车辆', spec.length);
  s.line('成都建国 保有车辆档案导出  截至2026年10月31日');
  s.blank();
  const hr = headerRow(s, spec);
  const rowsOf: number[][] = veh.map(() => []);
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  let seq = 0;
  for (const [k, j] of r.shuffle(order)) {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    const next = V.randomDate(r, { y: 2026, m: 11, d: 1 }, { y: 2027, m: 9, d: 30 });
    rowsOf[k].push(s.push([
      null, null, ++seq, v.vin, v.plate, v.name, `\uff08+86\uff09${v.phone}`, v.model, pd ? `${pd.y}年${p2(pd.m)}月${p2(pd.d)}日` : '待补充',
      vis ? withWeek(vis) : r.pick(['无记录', '']), r.chance(0.85) ? withWeek(next) : '', m === null ? '' : `${m}.0`, v.region, v.advisor, r.pick(['一星', '三星', '五星']),
    ]));
  }
  const foot: XCell[] = new Array<XCell>(spec.length).fill(null);
  foot[2] = `共计${seq}条`;
  s.push(foot);
  s.nonRecords.push({ sheet: s.name, row: s.rows.length, text: `共计${seq}条` });
  s.line('打印人:admin  打印时间:2026-11-03 08:02', false);
  for (const list of rowsOf) list.sort((a, b) => a - b);
  const callSpec: ColSpec[] = [
    { f: null, group: null, header: 'XH' },
    { f: 'callDate', group: null, header: 'HFRQ' },
    { f: null, group: null, header: 'HFSJ' },
    { f: 'plate', group: null, header: 'CPHM' },
    { f: 'name', group: null, header: 'KHXM' },
    { f: 'result', group: null, header: 'HFJG' },
    { f: 'reason', group: null, header: 'LSYY' },
    { f: 'caller', group: null, header: 'HFR' },
  ];
  const c = new Sheet('HFJL', callSpec.length);
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  c.dateFormats[2] = 'yyyy/m/d';
  calls.forEach((x, i) => {
    callRows.push(c.push([i + 1, utc(x.date), `${p2(Math.floor(x.minute / 60))}:${p2(x.minute % 60)}`, colourPlate(x.plate), x.veh >= 0 ? veh[x.veh].name : V.personName(r), x.text, x.reasonText, x.caller]));
  });
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  const cols = columnsOf(spec);
  return {
    file: 'v3-H-weekday-text.xlsx',
    sheets: [s.done(), c.done()],
    truth: {
      file: 'v3-H-weekday-text.xlsx', style: 'customer base: two blank columns first, headers with line breaks (最近出厂\\n日期), the last visit as text with the weekday (2026-03-05 周四) beside a future 下次保养日期 in the same style, 2019年03月05日 text purchases, mileage as 35000.0, (+86) phones; a call log with pinyin-initial headers (HFRQ date, HFSJ time of day, CPHM plate with its colour, HFJG, LSYY, HFR)',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: cols },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

export function buildV3Workbooks(): DealerWorkbook[] {
  return [workbookE(), workbookF(), workbookG(), workbookH()];
}

/** Writes the four workbooks and their truth (.truth.json) to `dir`. */
export async function writeV3Workbooks(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const wb of buildV3Workbooks()) {
    writeFileSync(join(dir, wb.file), await toXlsx(wb));
    writeFileSync(join(dir, wb.file.replace(/\.xlsx$/, '.truth.json')), `${JSON.stringify(wb.truth, null, 1)}\n`);
    out.push(wb.file);
  }
  return out;
}

