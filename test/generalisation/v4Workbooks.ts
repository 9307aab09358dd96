/**
 * Four "never-seen dealer workbooks" of the v4 held-out split (issue 10, session 9), in DMS styles unlike v2's and
 * v3's, every key column headed by a v4 wording (grammarV4.ts):
 * - I: a customer base under a title of three lines in ONE merged cell, the two-row header (merged groups 客户资料 |
 *   车辆资料 | 维修记录) in rows 4–5, the dealer's notes BETWEEN records, JDBC timestamps ('2026-03-05 10:20:00.0')
 *   as the last visit and 14-digit stamps as the purchase, phones with '(本人)'; a call log keyed by labelled plates
 *   ('车牌:京A12345') with '2026年10月05日 14时20分' call times; a code table that is no input; sheets Sheet1..3;
 * - J: customers and this month's calls in ONE sheet, every header a pinyin-initial code (CJHM, HPHM, MCJZRQ, JCRQ,
 *   WHRQ, THJG …), a pivot table left over in the first sheet, mileage as '35,000.00';
 * - K: an English export with its header in row 6, real date cells for the last visit, JDBC text purchases, and a
 *   call log with NO vehicle column (no VIN, no plate): calls keyed by the phone only, written 'TEL:138…' / '138….0';
 *   an instructions sheet;
 * - L: a showroom register under a three-line merged title, two-row header in rows 4–5, the call/visit column in
 *   words under a v4 header, times as '9.30-10.15' / '九点半' / '0930-1015' / '9h30', holiday notes between records.
 * Ground truth is computed by the harness's own implementation of DOMAIN.md (v2Workbooks.ts: makeVehicles,
 * makeCalls, classify, callTruth), not by the product. Written blind (src/core was not opened). Analysis date:
 * 2026-10-31 (each title names it).
 *
 * Write them with: WRITE_V4_WORKBOOKS=1 npx jest --maxWorkers=1 test/generalisation/v4Check.test.ts
 * (files go to test/generalisation/v4-workbooks/, which holds only its README in git).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Rng } from './rng';
import * as V from './values';
import {
  ANALYSIS, classify, callTruth, columnsOf, emptyRows, iso, makeCalls, makeVehicles, p2, Sheet, slotOf, SLOTS, toXlsx, utc,
  type Call, type DealerWorkbook, type TrafficTruth, type XCell, type Ymd,
} from './v2Workbooks';

/** Spec of one input column: the field it holds (null: none), its group (two-row headers) and its header text. */
interface ColSpec { f: string | null; group: string | null; header: string }

const hm = (minute: number): string => `${p2(Math.floor(minute / 60))}:${p2(minute % 60)}`;
/** '2026-03-05 10:20:00.0', as a JDBC export writes a timestamp. */
const jdbc = (x: Ymd, minute: number): string => `${iso(x)} ${hm(minute)}:00.0`;
/** '20260305102000'. */
const stamp14 = (x: Ymd, minute: number): string => `${x.y}${p2(x.m)}${p2(x.d)}${p2(Math.floor(minute / 60))}${p2(minute % 60)}00`;

function headerRow(s: Sheet, spec: ColSpec[]): number {
  const row: XCell[] = new Array<XCell>(s.width).fill(null);
  spec.forEach((x, i) => { row[i] = x.header; });
  return s.push(row);
}

/** The vehicles' rows in a random order, with a note line of the dealer's before the data rows at `notesAt`. */
function vehicleRows(r: Rng, veh: ReturnType<typeof makeVehicles>, s: Sheet, notesAt: Record<number, string>, write: (k: number, j: number, seq: number) => XCell[]): { rowsOf: number[][]; seq: number } {
  const rowsOf: number[][] = veh.map(() => []);
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  let seq = 0;
  for (const [k, j] of r.shuffle(order)) {
    if (notesAt[seq]) s.line(notesAt[seq], false);
    seq++;
    rowsOf[k].push(s.push(write(k, j, seq)));
  }
  for (const list of rowsOf) list.sort((a, b) => a - b);
  return { rowsOf, seq };
}

// ---- workbook I: a three-line title in one merged cell, two-row header in rows 4-5, notes between records -----------
function workbookI(): DealerWorkbook {
  const r = new Rng(9401);
  const veh = makeVehicles(r, 70);
  const calls = makeCalls(r, veh, 42);
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: '顺序号' },
    { f: 'name', group: '客户资料', header: '客户(车主)' },
    { f: 'phone', group: '客户资料', header: '客户手机号码' },
    { f: 'vin', group: '车辆资料', header: '车架号/VIN码' },
    { f: 'plate', group: '车辆资料', header: '机动车牌号' },
    { f: 'model', group: '车辆资料', header: '车系代号' },
    { f: 'purchaseDate', group: '车辆资料', header: '车辆开票日期' },
    { f: 'lastVisitDate', group: '维修记录', header: '最近一回进场日期' },
    { f: 'mileage', group: '维修记录', header: '里程(万公里)' },
    { f: 'advisor', group: '维修记录', header: '服务顾问姓名' },
    { f: null, group: null, header: '下次年检日期' },
  ];
  const s = new Sheet('Sheet1', spec.length);
  s.line('西安华通汽车销售服务有限公司\n售后保有车辆台账\n(数据截至2026年10月31日)');
  s.line('填报部门:客户关系部    金额单位:元  里程单位:万公里', false);
  s.blank();
  const top = emptyRows(s, 2);
  s.headers(top, 2, spec);
  const { rowsOf, seq } = vehicleRows(r, veh, s, { 22: '注:以下车辆为外地牌照', 48: '(以下客户已过户,待核实)' }, (k, j, n) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    return [
      n, v.name, `${v.phone}(本人)`, v.vin, v.plate, v.model, pd ? stamp14(pd, 0) : '暂缺',
      vis ? jdbc(vis, r.int(480, 1080)) : r.pick(['', '无数据']), m === null ? '' : (m / 10000).toFixed(2), v.advisor,
      `${2027}-${p2(r.int(1, 12))}-${p2(r.int(1, 28))}`,
    ];
  });
  s.total('合计台数', 1, seq);
  s.line('填表人:刘洋  核对人:', false);
  const c = new Sheet('Sheet2', 6);
  c.line('流失客户电话回访台账 2026年6月-10月', false);
  const callSpec: ColSpec[] = [
    { f: null, group: null, header: '回访次序' },
    { f: 'callDate', group: null, header: '电访回访时间' },
    { f: 'plate', group: null, header: '车牌号/号牌' },
    { f: 'result', group: null, header: '回访结果描述' },
    { f: 'reason', group: null, header: '不回店原因' },
    { f: 'caller', group: null, header: '回访员工' },
  ];
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  calls.forEach((x: Call) => {
    callRows.push(c.push([r.pick(['第1次', '第2次']), `${x.date.y}年${p2(x.date.m)}月${p2(x.date.d)}日 ${p2(Math.floor(x.minute / 60))}时${p2(x.minute % 60)}分`, `车牌:${x.plate}`, x.text, x.reasonText, x.caller]));
  });
  c.line(`以上共${calls.length}条`, false);
  const codes = new Sheet('Sheet3', 3);
  for (const row of [['代码', '名称', '说明'], ['01', '接通', '客户本人接听'], ['02', '无人接听', '响铃6声以上'], ['03', '空号', ''], ['05', '拒接', '客户挂断']]) codes.push(row);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v4-I-multiline-title.xlsx',
    sheets: [s.done(), c.done(), codes.done()],
    truth: {
      file: 'v4-I-multiline-title.xlsx', style: 'customer base under a three-line title in one merged cell, two-row header (客户资料 | 车辆资料 | 维修记录, 顺序号 and 下次年检日期 merged over both rows) in rows 4-5, two note lines between records, JDBC timestamps as the last visit, 14-digit stamps as the purchase, phones with (本人), mileage in 万公里; a call log keyed by plates written 车牌:京A12345 with 年月日 时分 call times; a code table (Sheet3) that is no input',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [top, top + 1], firstDataRow: top + 2, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
        { name: codes.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook J: customers and this month's calls in one sheet, pinyin-initial headers ------------------------------
function workbookJ(): DealerWorkbook {
  const r = new Rng(9402);
  const veh = makeVehicles(r, 64);
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: 'XH' },
    { f: 'vin', group: null, header: 'CJHM' },
    { f: 'plate', group: null, header: 'HPHM' },
    { f: 'name', group: null, header: 'CZXM' },
    { f: 'phone', group: null, header: 'LXSJ' },
    { f: 'model', group: null, header: 'CXDM' },
    { f: 'purchaseDate', group: null, header: 'JCRQ' },
    { f: 'lastVisitDate', group: null, header: 'MCJZRQ' },
    { f: 'mileage', group: null, header: 'XSLCS' },
    { f: 'callDate', group: null, header: 'WHRQ' },
    { f: 'result', group: null, header: 'THJG' },
    { f: 'reason', group: null, header: 'LSYYMS' },
  ];
  const pivot = new Sheet('透视表', 4);
  for (const row of [['计数项:CJHM', '列标签'], ['行标签', '活跃', '流失', '总计'], ['朗逸', 12, 7, 19], ['速腾', 9, 5, 14], ['(空白)', null, null, null], ['总计', 21, 12, 33]] as XCell[][]) pivot.push(row);
  const s = new Sheet('export_20261101', spec.length);
  s.line('杭州元通 售后流失招揽台账\n本月回访在右侧\n数据截至2026年10月31日');
  s.line('CRM 导出 v5.1', false);
  s.line('字段代码见《字段说明》', false);
  const hr = headerRow(s, spec);
  const calls: Call[] = [];
  const callRows: number[] = [];
  const used = new Set<string>();
  const { rowsOf, seq } = vehicleRows(r, veh, s, { 30: '※ 以下为集团大客户车辆' }, (k, j, n) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    let call: Call | null = null;
    if (k < veh.length - 2 && r.chance(0.6)) {
      const date = V.randomDate(r, { y: 2026, m: 10, d: 1 }, { y: 2026, m: 10, d: 30 });
      let minute = r.int(540, 1080);
      while (used.has(`${k}|${iso(date)}|${minute}`)) minute += 7;
      used.add(`${k}|${iso(date)}|${minute}`);
      const cats = ['成功', '成功', '无人接听', '关机', '空号', '拒接'] as const;
      const cat = r.pick(cats);
      const text = { 成功: '接通-同意回厂', 无人接听: '响铃无人接', 关机: '手机关机', 空号: '提示空号', 拒接: '客户直接挂断' }[cat];
      const reason = cat === '成功' && r.chance(0.7) ? r.pick(['价格', '距离', '车辆转卖', '里程少'] as const) : null;
      const reasonText = reason ? { 价格: '保养太贵了', 距离: '搬家了离店太远', 车辆转卖: '车已经卖了', 里程少: '车开得很少' }[reason] : '';
      call = { veh: k, date, minute, cat, text, reason, reasonText, caller: '', plate: v.plate, phone: v.phone, vin: v.vin };
    }
    const row: XCell[] = [
      n, v.vin, v.plate, v.name, v.phone, v.model, pd ? jdbc(pd, 0) : 'NA', vis ? stamp14(vis, r.int(480, 1080)) : r.pick(['', 'NA']),
      m === null ? '' : `${m.toLocaleString('en-US')}.00`, call ? jdbc(call.date, call.minute) : null, call ? call.text : null, call ? call.reasonText || null : null,
    ];
    if (call) { calls.push(call); callRows.push(s.rows.length + 1); }
    return row;
  });
  s.line(`本表共${seq}行`, false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v4-J-pinyin-same-sheet.xlsx',
    sheets: [pivot.done(), s.done()],
    truth: {
      file: 'v4-J-pinyin-same-sheet.xlsx', style: 'a pivot table left over as the first sheet (no input); customers and this month\'s call in ONE sheet (one row per vehicle row, the call to the right), every header a pinyin-initial code (CJHM VIN, HPHM plate, LXSJ phone, JCRQ purchase as a JDBC timestamp, MCJZRQ last visit as a 14-digit stamp, XSLCS mileage 35,000.00, WHRQ call time, THJG result, LSYYMS reason), the header in row 4 under a three-line merged title, a note line between records',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: pivot.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(spec) },
      ],
      nonRecordRows: [...pivot.nonRecords, ...s.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook K: an English export, header in row 6, a call log keyed by the phone only ----------------------------
function workbookK(): DealerWorkbook {
  const r = new Rng(9403);
  const veh = makeVehicles(r, 68);
  const calls = makeCalls(r, veh, 40);
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: 'Row' },
    { f: 'vin', group: null, header: 'Vehicle VIN' },
    { f: 'plate', group: null, header: 'Reg Plate' },
    { f: 'name', group: null, header: 'Owner/Customer' },
    { f: 'phone', group: null, header: 'Mobile Number' },
    { f: 'model', group: null, header: 'Model Desc' },
    { f: 'purchaseDate', group: null, header: 'Delivered On' },
    { f: 'lastVisitDate', group: null, header: 'Latest Service Date' },
    { f: 'mileage', group: null, header: 'Odo Reading (km)' },
    { f: 'advisor', group: null, header: 'SA Code' },
  ];
  const s = new Sheet('Data_1', spec.length);
  s.line('Dealer: Chengdu Jianguo Auto Sales & Service Co., Ltd.', false);
  s.line('Report: Vehicle Parc (after-sales)', false);
  s.line('As of: 2026-10-31', false);
  s.line('Generated: 2026-11-01 09:00 by crm_export', false);
  s.blank();
  const hr = headerRow(s, spec);
  s.dateFormats[8] = 'dd/mm/yyyy';
  const { rowsOf, seq } = vehicleRows(r, veh, s, {}, (k, j, n) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    return [n, v.vin, v.plate, v.name, v.phone, v.model, pd ? jdbc(pd, 0) : 'NA', vis ? utc(vis) : r.pick(['', 'NA']), m === null ? '' : `${m.toLocaleString('en-US')}.00`, `SA${r.int(10, 40)}`];
  });
  s.line(`Grand Total ${seq}`, false);
  const callSpec: ColSpec[] = [
    { f: 'callDate', group: null, header: 'Date of Call' },
    { f: 'phone', group: null, header: 'Mobile Number' },
    { f: 'result', group: null, header: 'Result of Call' },
    { f: 'reason', group: null, header: 'Lost Reason Desc' },
    { f: 'caller', group: null, header: 'Call Agent' },
  ];
  const c = new Sheet('Data_2', callSpec.length);
  const ch = headerRow(c, callSpec);
  c.dateFormats[1] = 'yyyy-mm-dd hh:mm';
  const callRows: number[] = [];
  calls.forEach((x) => {
    callRows.push(c.push([utc(x.date, x.minute), r.chance(0.5) ? `TEL:${x.phone}` : `${x.phone}.0`, x.text, x.reasonText, x.caller]));
  });
  const help = new Sheet('使用说明', 1);
  for (const t of ['使用说明', '1. Data_1 为保有车辆, Data_2 为回访记录', '2. 回访记录按手机号匹配车辆', '3. 有疑问请联系CRM专员 分机8021']) help.line(t, false);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v4-K-english-phone-keyed.xlsx',
    sheets: [s.done(), c.done(), help.done()],
    truth: {
      file: 'v4-K-english-phone-keyed.xlsx', style: 'English export: four title lines and a blank row, the header in row 6 (Vehicle VIN, Reg Plate, Mobile Number, Delivered On as JDBC text, Latest Service Date as date cells shown dd/mm/yyyy, Odo Reading (km) as 35,000.00), Grand Total footer; a call log with no VIN or plate column, keyed by the phone only (TEL:138… or 138….0), date-time cells; an instructions sheet',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
        { name: help.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords, ...help.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook L: a showroom register under a three-line merged title, words for call/visit, v4 times ----------------
const CN_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cnNumber = (n: number): string => (n < 10 ? CN_DIGIT[n] : `${Math.floor(n / 10) === 1 ? '' : CN_DIGIT[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGIT[n % 10]}`);

function workbookL(): DealerWorkbook {
  const r = new Rng(9404);
  const dates: Ymd[] = [3, 4, 5, 6, 7, 8].map((d) => ({ y: 2026, m: 10, d }));
  const spec: ColSpec[] = [
    { f: null, group: null, header: '接待序号' },
    { f: 'date', group: null, header: '来店/来电日期' },
    { f: 'time', group: null, header: '到店起讫' },
    { f: 'contactType', group: null, header: '来电/亲临' },
    { f: 'name', group: '客户信息', header: '来店人' },
    { f: 'phone', group: '客户信息', header: '联系手机号' },
    { f: 'intendedModel', group: '洽谈信息', header: '意向车型' },
    { f: 'source', group: '洽谈信息', header: '信息来源' },
    { f: 'level', group: '洽谈信息', header: '客户热度' },
    { f: 'closure', group: '洽谈信息', header: '结案' },
    { f: 'consultant', group: '洽谈信息', header: '当班顾问' },
  ];
  const s = new Sheet('Sheet1', spec.length);
  s.line('北京亚之杰汽车销售服务有限公司\n展厅来店来电客流台账\n(2026年10月3日-8日)');
  s.line('统计口径:展厅前台登记,含国庆假期', false);
  s.blank();
  const top = emptyRows(s, 2);
  s.headers(top, 2, spec);
  const perSlot: TrafficTruth['perSlot'] = {};
  const perDate: TrafficTruth['perDate'] = {};
  const recordRows: number[] = [];
  const fixed = [7 * 60 + 50, 20 * 60 + 10, 12 * 60, 9 * 60 + 59, 16 * 60, 18 * 60 + 30];
  let seq = 0;
  for (const d of dates) {
    const key = iso(d);
    if (d.d === 7) s.line('—— 10月7日 国庆假期最后一天 ——', false);
    perSlot[key] = Object.fromEntries(SLOTS.map((x) => [x, { 来店批数: 0, 来电批数: 0 }]));
    perDate[key] = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
    const n = r.int(8, 14);
    const minutes = Array.from({ length: n }, (_, i) => (i < fixed.length && d.d <= 4 ? fixed[i] : r.pick([0, 10, 20, 30, 45]) + 60 * r.int(8, 19))).sort((a, b) => a - b);
    for (const minute of minutes) {
      const isCall = r.chance(0.35);
      const phone = r.chance(isCall ? 0.85 : 0.6) ? V.phoneDigits(r) : null;
      const level = r.chance(0.06) ? 'O' : r.pick(['H', 'A级', 'B', 'C级', 'N']);
      const closure = r.chance(0.15) ? r.pick(['成交', '订车', '交定金']) : r.pick(['跟进中', '战败', '', '考虑中']);
      const order = ['成交', '订车', '交定金'].includes(closure) || level === 'O';
      const h = Math.floor(minute / 60);
      const mi = minute % 60;
      const leave = Math.min(minute + r.int(10, 90), 21 * 60);
      const time = r.pick([
        `${h}.${p2(mi)}-${Math.floor(leave / 60)}.${p2(leave % 60)}`,
        `${p2(h)}${p2(mi)}-${p2(Math.floor(leave / 60))}${p2(leave % 60)}`,
        `${h}h${p2(mi)}`,
        mi === 0 || mi === 30 ? `${cnNumber(h)}点${mi === 30 ? '半' : ''}` : `${h}.${p2(mi)}-${Math.floor(leave / 60)}.${p2(leave % 60)}`,
      ]);
      const dateCell = r.chance(0.7) ? `${iso(d)} 00:00:00.0` : `二〇二六年十月${cnNumber(d.d)}日`;
      const row = s.push([
        `J${1000 + ++seq}`, dateCell, time, isCall ? r.pick(['来电', '电话']) : r.pick(['来店', '到店']),
        `${V.personName(r)[0]}${r.pick(['先生', '女士'])}`, phone ?? r.pick(['', '未留']), V.model(r), r.pick(V.SOURCES), level, closure, r.pick(['刘洋', '陈静', '马超']),
      ]);
      recordRows.push(row);
      const slot = slotOf(minute);
      if (isCall) { perSlot[key][slot].来电批数++; perDate[key].来电批数++; } else { perSlot[key][slot].来店批数++; perDate[key].来店批数++; }
      perDate[key].来访客户批数合计++;
      if (phone) perDate[key].留有客户资料数++;
      if (order) perDate[key].订单数++;
    }
  }
  s.total('合计', 1, seq);
  s.line('前台:          展厅经理:', false);
  const sum = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
  for (const x of Object.values(perDate)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += x[k];
  return {
    file: 'v4-L-register-multiline.xlsx',
    sheets: [s.done()],
    truth: {
      file: 'v4-L-register-multiline.xlsx', style: 'showroom register under a three-line title in one merged cell, two-row header in rows 4-5 (客户信息 | 洽谈信息 merged groups), call/visit in words (来电/电话, 来店/到店) under 来电/亲临, dates as JDBC text or 二〇二六年十月五日, arrival times as 9.30-10.15, 0930-1015, 9h30, 九点半, a holiday note between records, 合计 footer',
      analysisDate: iso(ANALYSIS),
      sheets: [{ name: s.name, kind: 'register', headerRows: [top, top + 1], firstDataRow: top + 2, columns: columnsOf(spec) }],
      nonRecordRows: s.nonRecords,
      traffic: {
        perSlot, perDate, recordRows,
        total: { ...sum, 留资率: sum.留有客户资料数 / sum.来访客户批数合计, 展厅成交率: sum.订单数 / sum.来店批数 },
      },
    },
  };
}

export function buildV4Workbooks(): DealerWorkbook[] {
  return [workbookI(), workbookJ(), workbookK(), workbookL()];
}

/** Writes the four workbooks and their truth (.truth.json) to `dir`. */
export async function writeV4Workbooks(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const wb of buildV4Workbooks()) {
    writeFileSync(join(dir, wb.file), await toXlsx(wb));
    writeFileSync(join(dir, wb.file.replace(/\.xlsx$/, '.truth.json')), `${JSON.stringify(wb.truth, null, 1)}\n`);
    out.push(wb.file);
  }
  return out;
}
