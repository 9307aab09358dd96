/**
 * Four "never-seen dealer workbooks" of the v5 held-out split (issue 10, session 10), written as the v5 DMS vendor
 * family writes them (grammarV5.ts: field codes in brackets, traditional characters, full-width punctuation,
 * English and Chinese on two lines in one cell), every key column headed by a v5 wording:
 * - M (after-sales): a customer base with `[F012]車輛識別號`-style headers, a unit row under the header, the header
 *   repeated every 25 records under a '（接上頁）' line, purchases as yyyymmdd integers, last visits as date-time
 *   serials stored as text ('46298.4375'), phones '+86 138 1234 5678', plates with a middle dot; a call log keyed by
 *   VIN whose results are CODES (C01, C15 …) explained on a legend sheet, call times '2026.10.3 14:20';
 * - N (after-sales): English and Chinese on two lines in every header cell, last visits in full-width digits
 *   ('２０２６／１０／０３'), purchases '03-OCT-2026', phones '(+86)138…', plates '京 A 12345'; a call log keyed by
 *   plates written '京A•12345' with ISO call times carrying a zone ('2026-10-03T14:20:00+08:00'); a cover sheet;
 * - O (register): one row per visitor group with its head count, `【S201】來客日` as yyyymmdd integers, arrival times
 *   '09時30分' / '9:30 AM' / '09：30', call/visit as 來電/來店 or 电话/到店, levels as 熱/溫/冷 or stars, the header
 *   repeated per printed page;
 * - P (mixed): customers (two-row header under merged 車輛資料 | 客戶資料 | 入廠資料 bands, '2026.10.3' last visits),
 *   calls keyed by '+86-138-…' phones with 'DD-MON-YYYY hh:mm' times, and a showroom register, in sheets named by
 *   report number (RPT5021, RPT5033, RPT5040) plus a parameters sheet.
 * Ground truth is computed by the harness's own implementation of DOMAIN.md (v2Workbooks.ts: makeVehicles,
 * makeCalls, classify, callTruth), not by the product. Written blind (src/ was not opened). Analysis date 2026-10-31.
 *
 * Write them with: WRITE_V5_WORKBOOKS=1 npx jest --maxWorkers=1 test/generalisation/v5Check.test.ts
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Rng } from './rng';
import * as V from './values';
import {
  ANALYSIS, classify, callTruth, columnsOf, emptyRows, iso, makeCalls, makeVehicles, p2, Sheet, slotOf, SLOTS, toXlsx,
  type CallCategory, type DealerWorkbook, type TrafficTruth, type XCell, type Ymd,
} from './v2Workbooks';
import { serial } from './values';

interface ColSpec { f: string | null; group: string | null; header: string }

const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const hm = (minute: number): string => `${p2(Math.floor(minute / 60))}:${p2(minute % 60)}`;
const ymdInt = (x: Ymd): number => x.y * 10000 + x.m * 100 + x.d;
const serialText = (x: Ymd, minute: number): string => `${serial(x)}.${String(minute / 1440).slice(2, 8)}`;
const fullWidth = (s: string): string => s.replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaced = (d: string): string => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
const dotPlate = (p: string, dot: string): string => { const b = p.replace('·', ''); return `${b.slice(0, 2)}${dot}${b.slice(2)}`; };

/** The vendor's result codes by the truth's category (the legend sheet explains them). */
const CODE_OF: Record<CallCategory, string> = {
  成功: 'C01', 空号: 'C11', 号码有误: 'C19', 停机: 'C12', 关机: 'C13', 无法接通: 'C14', 无人接听: 'C15', 拒接: 'C16', 呼转: 'C17', '忙/有事': 'C18', 人在外地: 'C22', 其他: 'C99',
};
const LEGEND: [string, string][] = [['C01', '接通'], ['C11', '空號'], ['C12', '停機'], ['C13', '關機'], ['C14', '無法接通'], ['C15', '無人接聽'], ['C16', '拒接'], ['C17', '呼叫轉移'], ['C18', '客戶忙'], ['C19', '號碼有誤'], ['C22', '人在外地'], ['C99', '其他']];

function headerRow(s: Sheet, spec: ColSpec[]): number {
  const row: XCell[] = new Array<XCell>(s.width).fill(null);
  spec.forEach((x, i) => { row[i] = x.header; });
  return s.push(row);
}

/** A full row that is no record (a unit row, a repeated header), listed as such. */
function nonRecordRow(s: Sheet, row: XCell[], text: string): number {
  const n = s.push(row);
  s.nonRecords.push({ sheet: s.name, row: n, text });
  return n;
}

/** The vehicles' rows in a random order; every `repeatEvery` records the page line and the header again. */
function vehicleRows(r: Rng, veh: ReturnType<typeof makeVehicles>, s: Sheet, repeat: { every: number; page: string; header: XCell[][] } | null, write: (k: number, j: number, seq: number) => XCell[]): { rowsOf: number[][]; seq: number } {
  const rowsOf: number[][] = veh.map(() => []);
  const order: [number, number][] = [];
  veh.forEach((v, k) => v.rowVisits.forEach((_, j) => order.push([k, j])));
  let seq = 0;
  for (const [k, j] of r.shuffle(order)) {
    if (repeat && seq > 0 && seq % repeat.every === 0) {
      s.line(repeat.page, false);
      for (const h of repeat.header) nonRecordRow(s, h.slice(), String(h.find((c) => c !== null) ?? ''));
    }
    seq++;
    rowsOf[k].push(s.push(write(k, j, seq)));
  }
  for (const list of rowsOf) list.sort((a, b) => a - b);
  return { rowsOf, seq };
}

// ---- workbook M: bracketed field codes, a unit row, page headers, result codes with a legend ------------------------
function workbookM(): DealerWorkbook {
  const r = new Rng(9501);
  const veh = makeVehicles(r, 72);
  const calls = makeCalls(r, veh, 44);
  const spec: ColSpec[] = [
    { f: 'seq', group: null, header: '項次' },
    { f: 'vin', group: null, header: '[F012]車輛識別號' },
    { f: 'plate', group: null, header: '[F013]車牌號' },
    { f: 'name', group: null, header: '[F042]車主名稱' },
    { f: 'phone', group: null, header: '[F041]行動電話' },
    { f: 'model', group: null, header: '[F014]車款名稱' },
    { f: 'purchaseDate', group: null, header: '[F021]購車日' },
    { f: 'lastVisitDate', group: null, header: '[F031]末次入廠日' },
    { f: 'mileage', group: null, header: '[F032]入廠里程' },
    { f: null, group: null, header: '[F051]保險到期日' },
  ];
  const s = new Sheet('基本資料', spec.length);
  s.line('【保有車輛基本資料表】');
  s.line('據點：西安華通服務廠　報表代號：RPT-5021', false);
  s.line('資料截止：2026／10／31', false);
  const hr = headerRow(s, spec);
  const unit: XCell[] = ['', '17碼', '', '', '11碼', '', 'yyyymmdd', 'yyyymmdd', '公里', 'yyyymmdd'];
  nonRecordRow(s, unit, '17碼');
  const { rowsOf, seq } = vehicleRows(r, veh, s, { every: 25, page: '（接上頁）', header: [s.rows[hr - 1], unit] }, (k, j, n) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    return [n, v.vin, dotPlate(v.plate, '·'), v.name, `+86 ${spaced(v.phone)}`, v.model, pd ? ymdInt(pd) : '未填', vis ? serialText(vis, r.pick([540, 600, 630, 870, 960])) : r.pick(['', '#N/A']), m === null ? '' : m, ymdInt({ y: 2027, m: r.int(1, 12), d: r.int(1, 28) })];
  });
  s.line(`筆數：${seq}`, false);
  s.line('＊＊＊ 報表結束 ＊＊＊', false);
  const callSpec: ColSpec[] = [
    { f: 'callDate', group: null, header: '[R101]電訪日' },
    { f: 'vin', group: null, header: '[F012]車輛識別號' },
    { f: 'result', group: null, header: '[R102]電訪結果' },
    { f: 'reason', group: null, header: '[R104]未回廠原因' },
    { f: 'caller', group: null, header: '[R105]電訪員' },
  ];
  const c = new Sheet('電訪明細', callSpec.length);
  c.line('【流失客戶電訪明細表】', false);
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  for (const x of calls) callRows.push(c.push([`${x.date.y}.${x.date.m}.${x.date.d} ${hm(x.minute)}`, x.vin, CODE_OF[x.cat], x.reasonText, x.caller]));
  c.line(`合\u3000計：${calls.length} 筆`, false);
  const legend = new Sheet('代碼說明', 2);
  legend.line('電訪結果代碼說明', false);
  for (const row of [['代碼', '說明'], ...LEGEND]) legend.push(row);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v5-M-codes-unit-row.xlsx',
    sheets: [s.done(), c.done(), legend.done()],
    truth: {
      file: 'v5-M-codes-unit-row.xlsx', style: 'customer base with [F0xx] field codes before traditional labels, a unit row (17碼, 11碼, yyyymmdd, 公里) under the header, the header and unit row repeated every 25 records under （接上頁）, purchases as yyyymmdd integers, last visits as date-time serials stored as text, phones +86 138 1234 5678, plates with a middle dot; a call log keyed by VIN with result CODES (C01 …) explained on a legend sheet (no input), call times 2026.10.3 14:20',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 2, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
        { name: legend.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
      ],
      nonRecordRows: [...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- workbook N: English and Chinese on two lines in every header, full-width and Oracle dates ----------------------
function workbookN(): DealerWorkbook {
  const r = new Rng(9502);
  const veh = makeVehicles(r, 66);
  const calls = makeCalls(r, veh, 40);
  const spec: ColSpec[] = [
    { f: 'plate', group: null, header: '車牌號\nLicence No' },
    { f: 'vin', group: null, header: 'Chassis No\n車身號碼' },
    { f: 'name', group: null, header: 'Owner Nm\n車主名稱' },
    { f: 'phone', group: null, header: '行動電話\nCell No' },
    { f: 'purchaseDate', group: null, header: 'Sold Day\n購車日' },
    { f: 'lastVisitDate', group: null, header: '末次入廠日\nLast Shop-In' },
    { f: 'advisor', group: null, header: 'SA Nm\n接待專員' },
    { f: null, group: null, header: '車色' },
  ];
  const cover = new Sheet('封面', 1);
  for (const t of ['【客戶關係管理系統】', '報表輸出：保有車輛與電訪', '資料截止：2026年10月31日', '本報表含個人資料，請妥善保管']) cover.line(t, false);
  const s = new Sheet('保有車輛', spec.length);
  s.line('據點：成都建國服務廠　資料截止：2026年10月31日', false);
  s.blank();
  const hr = headerRow(s, spec);
  const { rowsOf, seq } = vehicleRows(r, veh, s, null, (k, j) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const pd = v.purchase;
    const b = v.plate.replace('·', '');
    return [`${b[0]} ${b[1]} ${b.slice(2)}`, v.vin, v.name, `(+86)${v.phone}`, pd ? `${p2(pd.d)}-${MON[pd.m - 1]}-${pd.y}` : 'N/A', vis ? fullWidth(`${vis.y}/${p2(vis.m)}/${p2(vis.d)}`) : r.pick(['', '－']), v.advisor, r.pick(['珍珠白', '鐵灰', '曜石黑'])];
  });
  s.line(`合\u3000計：${seq} 筆`, false);
  s.line('製表：王小明　覆核：', false);
  const callSpec: ColSpec[] = [
    { f: 'callDate', group: null, header: 'Call Day\n電訪日' },
    { f: 'plate', group: null, header: '車牌號\nLicence No' },
    { f: 'result', group: null, header: '電訪結果\nCall Rslt' },
    { f: 'reason', group: null, header: '未回廠原因\nLost Why' },
  ];
  const c = new Sheet('電訪', callSpec.length);
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  for (const x of calls) callRows.push(c.push([`${iso(x.date)}T${hm(x.minute)}:00+08:00`, dotPlate(x.plate, '•'), x.text, x.reasonText]));
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v5-N-bilingual-fullwidth.xlsx',
    sheets: [cover.done(), s.done(), c.done()],
    truth: {
      file: 'v5-N-bilingual-fullwidth.xlsx', style: 'a cover sheet (no input) first; customer base whose every header holds English and Chinese on two lines in one cell, last visits in full-width digits (２０２６／１０／０３), purchases 03-OCT-2026, phones (+86)138…, plates 京 A 12345; a call log keyed by plates 京A•12345 with ISO call times carrying +08:00, result and reason as free text',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: cover.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
        { name: s.name, kind: 'customers', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
      ],
      nonRecordRows: [...cover.nonRecords, ...s.nonRecords, ...c.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows),
    },
  };
}

// ---- a register of visitor groups with head counts (O and P) ------------------------------------------------------
function registerSheet(r: Rng, name: string, dates: Ymd[], spec: ColSpec[], repeatEvery: number, title: string[]): { sheet: Sheet; hr: number; traffic: TrafficTruth } {
  const s = new Sheet(name, spec.length);
  for (const t of title) s.line(t, false);
  const hr = headerRow(s, spec);
  const perSlot: TrafficTruth['perSlot'] = {};
  const perDate: TrafficTruth['perDate'] = {};
  const recordRows: number[] = [];
  let seq = 0;
  for (const d of dates) {
    const key = iso(d);
    perSlot[key] = Object.fromEntries(SLOTS.map((x) => [x, { 来店批数: 0, 来电批数: 0 }]));
    perDate[key] = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
    const n = r.int(8, 13);
    const minutes = Array.from({ length: n }, () => r.pick([0, 5, 20, 30, 45]) + 60 * r.int(8, 19)).sort((a, b) => a - b);
    for (const minute of minutes) {
      if (seq > 0 && seq % repeatEvery === 0) { s.line('－續－', false); nonRecordRow(s, s.rows[hr - 1].slice(), String(spec[0].header)); }
      seq++;
      const isCall = r.chance(0.35);
      const phone = r.chance(isCall ? 0.85 : 0.6) ? V.phoneDigits(r) : null;
      const closure = r.chance(0.15) ? r.pick(['成交', '订车', '交定金']) : r.pick(['跟进中', '战败', '', '考虑中']);
      const order = ['成交', '订车', '交定金'].includes(closure);
      const h = Math.floor(minute / 60);
      const mi = minute % 60;
      const time = r.pick([`${p2(h)}時${p2(mi)}分`, `${h > 12 ? h - 12 : h}:${p2(mi)} ${h >= 12 ? 'PM' : 'AM'}`, `${p2(h)}：${p2(mi)}`]);
      const words = r.chance(0.5) ? ['來電', '來店'] : ['电话', '到店'];
      const row: XCell[] = spec.map((c) => {
        switch (c.f) {
          case 'seq': return seq;
          case 'date': return ymdInt(d);
          case 'time': return time;
          case 'contactType': return isCall ? words[0] : words[1];
          case 'people': return isCall ? 1 : r.pick([1, 2, 2, 3, 4]);
          case 'name': return `${V.personName(r)[0]}${r.pick(['先生', '小姐'])}`;
          case 'phone': return phone ? `+86 ${spaced(phone)}` : r.pick(['', '未填']);
          case 'level': return r.pick(['熱', '溫', '冷', '★★★', '★★', '★']);
          case 'closure': return closure;
          case 'consultant': return r.pick(['林志豪', '陳美玲', '王小明']);
          default: return V.model(r);
        }
      });
      recordRows.push(s.push(row));
      const slot = slotOf(minute);
      if (isCall) { perSlot[key][slot].来电批数++; perDate[key].来电批数++; } else { perSlot[key][slot].来店批数++; perDate[key].来店批数++; }
      perDate[key].来访客户批数合计++;
      if (phone) perDate[key].留有客户资料数++;
      if (order) perDate[key].订单数++;
    }
  }
  s.line(`筆數：${seq}`, false);
  const sum = { 来店批数: 0, 来电批数: 0, 来访客户批数合计: 0, 留有客户资料数: 0, 订单数: 0 };
  for (const x of Object.values(perDate)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += x[k];
  return { sheet: s, hr, traffic: { perSlot, perDate, recordRows, total: { ...sum, 留资率: sum.留有客户资料数 / sum.来访客户批数合计, 展厅成交率: sum.订单数 / sum.来店批数 } } };
}

const REGISTER_SPEC: ColSpec[] = [
  { f: 'seq', group: null, header: '項次' },
  { f: 'date', group: null, header: '【S201】來客日' },
  { f: 'time', group: null, header: '【S202】進出時間' },
  { f: 'contactType', group: null, header: '【S203】來電／來店' },
  { f: null, group: null, header: '來店人數' },
  { f: 'name', group: null, header: '【S206】來客姓名' },
  { f: 'phone', group: null, header: '行動電話' },
  { f: 'intendedModel', group: null, header: '意向車款' },
  { f: 'level', group: null, header: '【S207】意向熱度' },
  { f: 'closure', group: null, header: '結案' },
  { f: 'consultant', group: null, header: '【S208】接待業代' },
];
// the people column carries no field in the truth; the writer needs to know which column it is
const REGISTER_WRITE: ColSpec[] = REGISTER_SPEC.map((c) => (c.header === '來店人數' ? { ...c, f: 'people' } : c));

// ---- workbook O: a showroom register of visitor groups ----------------------------------------------------------------
function workbookO(): DealerWorkbook {
  const r = new Rng(9503);
  const dates: Ymd[] = [10, 11, 12, 13, 14, 15].map((d) => ({ y: 2026, m: 10, d }));
  const { sheet: s, hr, traffic } = registerSheet(r, '來客登錄', dates, REGISTER_WRITE, 20, ['【展間來客登錄表】', '據點：北京亞之傑　期間：2026／10／10～2026／10／15']);
  return {
    file: 'v5-O-register-groups.xlsx',
    sheets: [s.done()],
    truth: {
      file: 'v5-O-register-groups.xlsx', style: 'showroom register written one row per visitor group with its head count (來店人數), 【S2xx】 field codes before traditional labels, dates as yyyymmdd integers, arrival times 09時30分 / 9:30 AM / 09：30, call/visit as 來電/來店 or 电话/到店, levels as 熱/溫/冷 or stars, the header repeated every 20 rows under －續－, 筆數 footer',
      analysisDate: iso(ANALYSIS),
      sheets: [{ name: s.name, kind: 'register', headerRows: [hr], firstDataRow: hr + 1, columns: columnsOf(REGISTER_SPEC) }],
      nonRecordRows: s.nonRecords,
      traffic,
    },
  };
}

// ---- workbook P: customers, calls and a register in one workbook, sheets named by report number ---------------------
function workbookP(): DealerWorkbook {
  const r = new Rng(9504);
  const veh = makeVehicles(r, 60);
  const calls = makeCalls(r, veh, 36);
  const spec: ColSpec[] = [
    { f: 'vin', group: '車輛資料', header: '【F012】車身碼' },
    { f: 'plate', group: '車輛資料', header: '【F013】車號牌' },
    { f: 'purchaseDate', group: '車輛資料', header: '【F021】新車交車日' },
    { f: 'name', group: '客戶資料', header: '【F042】顧客名稱' },
    { f: 'phone', group: '客戶資料', header: '【F041】聯絡手機' },
    { f: 'lastVisitDate', group: '入廠資料', header: '【F031】前次進廠日' },
    { f: 'mileage', group: '入廠資料', header: '【F032】里數' },
  ];
  const params = new Sheet('參數', 2);
  for (const row of [['報表參數', null], ['據點', '全部'], ['起始日', '20260101'], ['截止日', '20261031'], ['執行者', 'SYS01']] as XCell[][]) params.push(row);
  const s = new Sheet('RPT5021', spec.length);
  s.line('【保有車輛基本資料表】　資料截止：2026／10／31');
  const top = emptyRows(s, 2);
  s.headers(top, 2, spec);
  const { rowsOf, seq } = vehicleRows(r, veh, s, null, (k, j) => {
    const v = veh[k];
    const vis = v.rowVisits[j];
    const m = v.rowMileage[j];
    const pd = v.purchase;
    return [v.vin, dotPlate(v.plate, '·'), pd ? ymdInt(pd) : '－', v.name, `+86 ${v.phone}`, vis ? `${vis.y}.${vis.m}.${vis.d}` : r.pick(['', '（空白）']), m === null ? '' : `${(m / 10000).toFixed(1)}萬公里`];
  });
  s.line(`筆數：${seq}`, false);
  const callSpec: ColSpec[] = [
    { f: 'phone', group: null, header: '【F041】聯絡手機' },
    { f: 'callDate', group: null, header: '【R101】致電日' },
    { f: 'result', group: null, header: '【R102】聯繫結果' },
    { f: 'reason', group: null, header: '【R104】流失緣由' },
  ];
  const c = new Sheet('RPT5033', callSpec.length);
  const ch = headerRow(c, callSpec);
  const callRows: number[] = [];
  for (const x of calls) callRows.push(c.push([`+86-${x.phone.slice(0, 3)}-${x.phone.slice(3, 7)}-${x.phone.slice(7)}`, `${p2(x.date.d)}-${MON[x.date.m - 1]}-${x.date.y} ${hm(x.minute)}`, x.text, x.reasonText]));
  const dates: Ymd[] = [24, 25, 26].map((d) => ({ y: 2026, m: 10, d }));
  const { sheet: g, hr: gr, traffic } = registerSheet(r, 'RPT5040', dates, REGISTER_WRITE, 1000, ['【展間來客登錄表】']);
  const { vehicles, overview } = classify(veh, rowsOf, calls);
  return {
    file: 'v5-P-mixed-report-numbers.xlsx',
    sheets: [params.done(), s.done(), c.done(), g.done()],
    truth: {
      file: 'v5-P-mixed-report-numbers.xlsx', style: 'a parameters sheet (no input); customers under a two-row header (車輛資料 | 客戶資料 | 入廠資料 bands, 【F0xx】 codes), purchases as yyyymmdd integers, last visits 2026.10.3, mileage 3.5萬公里, plates with a middle dot; calls keyed by phones +86-138-…, call times 24-OCT-2026 14:20; a showroom register of visitor groups; sheets named RPT5021 / RPT5033 / RPT5040',
      analysisDate: iso(ANALYSIS),
      sheets: [
        { name: params.name, kind: null, headerRows: [], firstDataRow: 0, columns: {} },
        { name: s.name, kind: 'customers', headerRows: [top, top + 1], firstDataRow: top + 2, columns: columnsOf(spec) },
        { name: c.name, kind: 'calls', headerRows: [ch], firstDataRow: ch + 1, columns: columnsOf(callSpec) },
        { name: g.name, kind: 'register', headerRows: [gr], firstDataRow: gr + 1, columns: columnsOf(REGISTER_SPEC) },
      ],
      nonRecordRows: [...params.nonRecords, ...s.nonRecords, ...c.nonRecords, ...g.nonRecords],
      vehicles, overview, calls: callTruth(calls, callRows), traffic,
    },
  };
}

export function buildV5Workbooks(): DealerWorkbook[] {
  return [workbookM(), workbookN(), workbookO(), workbookP()];
}

/** Writes the four workbooks and their truth (.truth.json) to `dir`. */
export async function writeV5Workbooks(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const wb of buildV5Workbooks()) {
    writeFileSync(join(dir, wb.file), await toXlsx(wb));
    writeFileSync(join(dir, wb.file.replace(/\.xlsx$/, '.truth.json')), `${JSON.stringify(wb.truth, null, 1)}\n`);
    out.push(wb.file);
  }
  return out;
}
