/**
 * Held-out dealer workbooks for the share-safe copy (issue 11, "workbooks the team has never seen"): written with a
 * vocabulary, layouts and personal-data formats that were NOT used to write the masking rules
 * (src/core/share/maskWorkbook.ts) — other header words (送修人, 移动号码, 车身号, 身份号码, 通讯处 …), names only
 * inside a combined 客户信息 column, phones with spaces, dashes, dots, +86 / 0086 and as 13-digit numbers, landlines
 * with area codes and extensions, lowercase VINs and VINs inside free text, 18-digit ID numbers (with X, with
 * spaces) and old 15-digit ones, addresses, and personal data in a hidden sheet, a very hidden sheet without a
 * header row, cell notes and ChurnDesk's state sheet.
 *
 * Every personal value planted is kept as ground truth (`secrets`), with where it was put, so a scan of the copy can
 * say what leaked and from where. Staff names come from a pool disjoint from the customers'.
 */
import ExcelJS from 'exceljs';
import { Rng } from '../generalisation/rng';

export type SecretKind = 'name' | 'phone' | 'vin' | 'idNumber' | 'address';

export interface Secret {
  kind: SecretKind;
  /** The value as a scan must not find it (normalised: see `normalise`). */
  needle: string;
  /** Where it was planted ('客户档案 column 送修人', 'note', 'state sheet' …). */
  where: string;
}

export interface HeldOutWorkbook {
  seed: number;
  bytes: Buffer;
  secrets: Secret[];
}

/** How a scan compares text: separators a phone or ID may be written with removed, upper case. */
export function normalise(text: string): string {
  return text.replace(/[\s\-–—().+·_/\\]/g, '').toUpperCase();
}

const SURNAMES = ['赵', '钱', '孙', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨', '朱', '秦', '许', '何', '吕', '施', '孔', '曹', '严', '华', '金', '魏', '陶', '姜', '谢', '邹', '喻', '柏', '窦', '章', '苏', '潘', '葛', '范', '彭', '鲁', '马', '苗', '方', '俞', '任', '袁', '柳', '唐', '罗', '薛', '欧阳', '司马', '上官'];
const GIVEN = ['子涵', '浩然', '雨桐', '梓萱', '俊杰', '欣怡', '宇轩', '诗琪', '博文', '佳怡', '志强', '秀英', '建华', '桂兰', '海燕', '国庆', '丽娟', '德胜', '春梅', '晓东', '晨', '磊', '婷', '鑫', '勇', '静', '涛', '燕', '鹏', '倩'];
/** Staff: never customers (a staff name is not a leak). */
const STAFF = ['接待甲', '小黎', '老邓', '阿光', '钟工', '前台丁'];

const NAME_HEADERS = ['送修人', '购车人', '委托人', '用户称呼', '顾客', '车辆所有人', '驾驶人', 'Customer', '客户全称'];
const PHONE_HEADERS = ['移动号码', '通讯号', '常用号码', '联络号', 'Contact No.', '紧急联络', '回访号码'];
const LANDLINE_HEADERS = ['座机', '宅电', '办公号码', '固话'];
const VIN_HEADERS = ['车身号', '识别代码', '车辆代码', 'Frame No.', '17位码', '车身编号'];
const ID_HEADERS = ['身份号码', '公民号码', '证照编号', '个人编码'];
const ADDRESS_HEADERS = ['通讯处', '居住地', '联系地点', '家庭所在地', '户籍'];
const COMBINED_HEADERS = ['客户信息', '联系资料', '用户资料', '客户档案信息'];
const MEMO_HEADERS = ['情况说明', '跟进记录', '补充', 'Memo', '沟通内容'];
const SHEET_NAMES = ['在册车辆', '车辆台账', '用户明细', 'Sheet1', '基础数据', '客户档案'];

const MOBILE_PREFIX = ['133', '135', '136', '137', '139', '150', '151', '152', '158', '159', '166', '177', '180', '181', '186', '187', '188', '189', '199'];
const AREA = ['027', '0710', '0716', '010', '021', '0755', '0571'];
const WMI = ['LSV', 'LFV', 'LGB', 'LVS', 'LHG', 'LBV', 'LDC', 'LGW'];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const REGIONS = ['420106', '420111', '420102', '110105', '310115', '440305', '330106'];
const PLACES = [['湖北省', '武汉市', '洪山区'], ['湖北省', '襄阳市', '樊城区'], ['湖北省', '荆州市', '沙市区'], ['北京市', '', '朝阳区'], ['广东省', '深圳市', '南山区']];
const ROADS = ['珞喻路', '民族大道', '春园路', '解放大道', '光谷一路', '长青北路', '建设二路', '中山东路'];

interface Customer {
  name: string;
  mobile: string;
  landline: { area: string; local: string };
  vin: string;
  id: string;
  id15: boolean;
  address: { full: string; detail: string };
}

function idChecksum(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return '10X98765432'[sum % 11];
}

function customer(rng: Rng, used: Set<string>): Customer {
  let name = '';
  do name = rng.pick(SURNAMES) + rng.pick(GIVEN);
  while (used.has(name));
  used.add(name);
  const mobile = rng.pick(MOBILE_PREFIX) + String(rng.int(10_000_000, 99_999_999));
  const area = rng.pick(AREA);
  const local = String(area.length === 3 ? rng.int(20_000_000, 89_999_999) : rng.int(2_000_000, 8_999_999));
  // ISO 3779: a manufacturer's serial (positions 12-17) is numeric; the rest any VIN character.
  let vin = rng.pick(WMI);
  while (vin.length < 11) vin += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
  vin += String(rng.int(0, 999_999)).padStart(6, '0');
  const birth = `${rng.int(1955, 2002)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const first17 = rng.pick(REGIONS) + birth + String(rng.int(100, 999));
  const id15 = rng.chance(0.15);
  const id = id15 ? first17.slice(0, 6) + birth.slice(2) + first17.slice(14, 17) : first17 + idChecksum(first17);
  const [prov, city, dist] = rng.pick(PLACES);
  const detail = `${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  const full = `${prov}${city}${dist}${detail}${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(101, 2802)}室`;
  return { name, mobile, landline: { area, local }, vin, id, id15, address: { full, detail } };
}

/** A mobile in one of the ways dealers type it (text or number). */
function mobileAs(rng: Rng, m: string): string | number {
  const [a, b, c] = [m.slice(0, 3), m.slice(3, 7), m.slice(7)];
  const forms: (string | number)[] = [m, Number(m), `${a} ${b} ${c}`, `${a}-${b}-${c}`, `+86 ${a} ${b} ${c}`, `+86-${m}`, `+86${m}`, `(+86)${a}-${b}-${c}`, `0086-${m}`, `86 ${m}`, Number(`86${m}`), `${a}.${b}.${c}`, `${a}${b} ${c}`];
  return rng.pick(forms);
}

function landlineAs(rng: Rng, l: Customer['landline']): string {
  const half = Math.ceil(l.local.length / 2);
  const forms = [`${l.area}-${l.local}`, `(${l.area})${l.local}`, `${l.area} ${l.local.slice(0, half)} ${l.local.slice(half)}`, `${l.area}-${l.local}-${rng.int(800, 8999)}`, `(${l.area}) ${l.local}`, `+86 ${l.area.slice(1)} ${l.local}`, `${l.area}-${l.local}转${rng.int(100, 999)}`];
  return rng.pick(forms);
}

function vinAs(rng: Rng, v: string): string {
  return rng.pick([v, v.toLowerCase(), v.slice(0, 8).toLowerCase() + v.slice(8), ` ${v} `]);
}

function idAs(rng: Rng, c: Customer): string {
  if (c.id15) return c.id;
  return rng.pick([c.id, c.id.toLowerCase(), `${c.id.slice(0, 6)} ${c.id.slice(6, 14)} ${c.id.slice(14)}`]);
}

function combinedAs(rng: Rng, c: Customer): string {
  const phone = String(mobileAs(rng, c.mobile));
  return rng.pick([`${c.name} ${phone}`, `${c.name}/${rng.pick(['男', '女'])}/${phone}`, `${c.name}(${phone})`, `姓名:${c.name};电话:${phone}`, `${c.name},${phone},${c.address.full}`, `${phone} ${c.name}`]);
}

function memoAs(rng: Rng, c: Customer): string {
  const phone = String(mobileAs(rng, c.mobile));
  return rng.pick([
    `${c.name}来电,说车在外地,回来再约,手机${phone}`,
    `已联系${c.name},车身号${vinAs(rng, c.vin)}需要召回检查`,
    `客户要求改号为${phone},原号停机`,
    `${c.name}家属接听,称车已卖给朋友`,
    `VIN:${c.vin.toLowerCase()},保险到期提醒`,
    `地址变更为${c.address.full}`,
    `身份证${idAs(rng, c)}办理过户`,
    `座机${landlineAs(rng, c.landline)}无人接`,
  ]);
}

function isoDate(rng: Rng, y0: number, y1: number): Date {
  return new Date(Date.UTC(rng.int(y0, y1), rng.int(0, 11), rng.int(1, 28)));
}

/** One held-out workbook. */
export async function heldOutWorkbook(seed: number): Promise<HeldOutWorkbook> {
  const rng = new Rng(seed);
  const used = new Set<string>();
  const n = rng.int(25, 60);
  const customers = Array.from({ length: n }, () => customer(rng, used));
  const secrets: Secret[] = [];
  const plant = (kind: SecretKind, value: string, where: string) => secrets.push({ kind, needle: normalise(value), where });
  const plantCustomer = (c: Customer, kinds: SecretKind[], where: string) => {
    for (const k of kinds) {
      if (k === 'name') plant('name', c.name, where);
      if (k === 'phone') plant('phone', c.mobile, where);
      if (k === 'vin') plant('vin', c.vin, where);
      if (k === 'idNumber') plant('idNumber', c.id, where);
      if (k === 'address') plant('address', c.address.detail, where);
    }
  };
  const wb = new ExcelJS.Workbook();

  // 1. The customer sheet: held-out headers in a random order, 0-3 title lines above them.
  const main = wb.addWorksheet(rng.pick(SHEET_NAMES));
  const nameOwnColumn = rng.chance(0.7);
  type Col = { header: string; kind: SecretKind | 'landline' | 'combined' | 'memo' | 'model' | 'date' | 'mileage' | 'staff'; cell: (c: Customer) => ExcelJS.CellValue };
  const cols: Col[] = [];
  if (nameOwnColumn) cols.push({ header: rng.pick(NAME_HEADERS), kind: 'name', cell: (c) => c.name });
  if (!nameOwnColumn || rng.chance(0.4)) cols.push({ header: rng.pick(COMBINED_HEADERS), kind: 'combined', cell: (c) => combinedAs(rng, c) });
  cols.push({ header: rng.pick(PHONE_HEADERS), kind: 'phone', cell: (c) => mobileAs(rng, c.mobile) });
  if (rng.chance(0.5)) cols.push({ header: rng.pick(LANDLINE_HEADERS), kind: 'landline', cell: (c) => landlineAs(rng, c.landline) });
  cols.push({ header: rng.pick(VIN_HEADERS), kind: 'vin', cell: (c) => vinAs(rng, c.vin) });
  if (rng.chance(0.6)) cols.push({ header: rng.pick(ID_HEADERS), kind: 'idNumber', cell: (c) => idAs(rng, c) });
  if (rng.chance(0.6)) cols.push({ header: rng.pick(ADDRESS_HEADERS), kind: 'address', cell: (c) => c.address.full });
  cols.push({ header: rng.pick(['车系', '品牌车型', '车款']), kind: 'model', cell: () => rng.pick(['瑞虎8', '艾瑞泽5', '星途LX', '瑞虎7 PLUS']) });
  cols.push({ header: rng.pick(['购车时间', '提车日']), kind: 'date', cell: () => isoDate(rng, 2016, 2025) });
  cols.push({ header: rng.pick(['上次到店', '最近保养']), kind: 'date', cell: () => isoDate(rng, 2023, 2026) });
  cols.push({ header: rng.pick(['里程数', '表显公里']), kind: 'mileage', cell: () => rng.int(800, 180_000) });
  cols.push({ header: rng.pick(['接车员', '跟进专岗']), kind: 'staff', cell: () => rng.pick(STAFF) });
  if (rng.chance(0.7)) cols.push({ header: rng.pick(MEMO_HEADERS), kind: 'memo', cell: (c) => (rng.chance(0.5) ? memoAs(rng, c) : '') });
  const order = rng.shuffle(cols);
  const titleRows = rng.int(0, 3);
  for (let r = 1; r <= titleRows; r++) main.getCell(r, 1).value = r === 1 ? `${rng.pick(['荆楚', '江城', '汉江'])}汽车服务有限公司 客户台账` : `导出时间:2026-${rng.int(1, 11)}-${rng.int(1, 28)}`;
  const headerRow = titleRows + 1;
  order.forEach((col, i) => (main.getCell(headerRow, i + 1).value = col.header));
  customers.forEach((c, k) => {
    order.forEach((col, i) => {
      const v = col.cell(c);
      if (v === '') return;
      main.getCell(headerRow + 1 + k, i + 1).value = v;
      const where = `${main.name} column ${col.header}`;
      // What each column carries, as planted.
      if (col.kind === 'name') plantCustomer(c, ['name'], where);
      if (col.kind === 'phone') plantCustomer(c, ['phone'], where);
      if (col.kind === 'vin') plantCustomer(c, ['vin'], where);
      if (col.kind === 'idNumber') plantCustomer(c, ['idNumber'], where);
      if (col.kind === 'address') plantCustomer(c, ['address'], where);
      if (col.kind === 'landline') plant('phone', c.landline.area.slice(1) + c.landline.local, where);
      if (col.kind === 'combined') {
        plantCustomer(c, ['name', 'phone'], where);
        if (String(v).includes(c.address.full)) plantCustomer(c, ['address'], where);
      }
      if (col.kind === 'memo') plantMemo(String(v), c, where);
    });
  });
  function plantMemo(text: string, c: Customer, where: string): void {
    if (text.includes(c.name)) plant('name', c.name, where);
    if (normalise(text).includes(c.mobile)) plant('phone', c.mobile, where);
    if (normalise(text).includes(c.vin)) plant('vin', c.vin, where);
    if (normalise(text).includes(normalise(c.id))) plant('idNumber', c.id, where);
    if (text.includes(c.address.detail)) plant('address', c.address.detail, where);
    if (normalise(text).includes(c.landline.local)) plant('phone', c.landline.area.slice(1) + c.landline.local, where);
  }

  // 2. Cell notes: what a caller wrote on a customer's cell.
  for (let k = 0; k < Math.min(n, 6); k++) {
    const c = customers[rng.int(0, n - 1)];
    const text = rng.pick([`${c.name}要求只发短信`, `备用号${String(mobileAs(rng, c.mobile))}`, `${c.name}的车身号${c.vin.toLowerCase()}`]);
    main.getCell(headerRow + 1 + customers.indexOf(c), 1).note = text;
    plantMemo(text, c, 'cell note');
  }

  // 3. A hidden sheet: an older copy of part of the list, other headers.
  const hidden = wb.addWorksheet(rng.pick(['备份', '旧数据', '核对用']));
  hidden.state = 'hidden';
  const hh = [rng.pick(NAME_HEADERS), rng.pick(PHONE_HEADERS), rng.pick(VIN_HEADERS), rng.pick(['到店次数', '备注'])];
  hidden.addRow(hh);
  for (const c of customers.slice(0, Math.ceil(n / 2))) {
    hidden.addRow([c.name, mobileAs(rng, c.mobile), vinAs(rng, c.vin), rng.int(1, 9)]);
    plantCustomer(c, ['name', 'phone', 'vin'], `hidden sheet ${hidden.name}`);
  }

  // 4. A very hidden sheet with no header row at all: name, phone, ID, address.
  const veryHidden = wb.addWorksheet(rng.pick(['lookup', '_contacts', '辅助']));
  veryHidden.state = 'veryHidden';
  for (const c of customers.slice(Math.floor(n / 3))) {
    veryHidden.addRow([c.name, String(mobileAs(rng, c.mobile)), idAs(rng, c), c.address.full]);
    plantCustomer(c, ['name', 'phone', 'idNumber', 'address'], `very hidden sheet ${veryHidden.name} (no header row)`);
  }

  // 5. A call log in free text only.
  const log = wb.addWorksheet(rng.pick(['回访备注', '电话记录']));
  log.addRow(['日期', '内容', '经办']);
  for (const c of customers.slice(0, 12)) {
    const text = memoAs(rng, c);
    log.addRow([isoDate(rng, 2026, 2026), text, rng.pick(STAFF)]);
    plantMemo(text, c, `free-text sheet ${log.name}`);
  }

  // 6. ChurnDesk's state sheet, carrying a customer in its settings (a dealer's note saved with the settings).
  const st = wb.addWorksheet('ChurnDesk_State');
  st.state = 'veryHidden';
  const c0 = customers[0];
  const stateJson = JSON.stringify({ version: 1, settings: { dealerName: '荆楚汽车', note: `样例客户 ${c0.name} ${c0.mobile} ${c0.vin.toLowerCase()}` }, mappings: {}, ownedSheets: {}, ownedColumns: {} });
  st.addRow(['ChurnDesk state v1']);
  st.addRow([stateJson]);
  plantCustomer(c0, ['name', 'phone', 'vin'], 'state sheet');

  return { seed, bytes: Buffer.from(await wb.xlsx.writeBuffer()), secrets };
}
