/**
 * The header grammar of the FIFTH held-out split (`v5`) of the generalisation harness, written blind in session 10
 * as a DMS vendor family the earlier splits never imitated: a Taiwan/Hong Kong-built dealer system sold on the
 * mainland (traditional characters, full-width punctuation and ideographic spaces, field codes in brackets before
 * the label, abbreviations, an English label and a Chinese one in the same cell on two lines). The product's src/
 * (vocabularies, normaliser, matcher, rules) was NOT opened; the earlier grammars were read only to stay disjoint.
 *
 * Nobody tunes on this split: the lead measures it once (docs/accuracy.md). Do not copy these lists into the
 * product's dictionaries.
 *
 * How a wording is made: every field has a field code (F012 …) and a few BASE labels (traditional or abbreviated),
 * and each base is written in the vendor's forms (FORMS_V5): bare, `[F012]base`, `【F012】base`, `F012－base`,
 * `base\nEnglish`, `English\nbase`. Dates add a format hint in full-width brackets. A code names one field of one
 * kind only, so no wording names two fields (checked by heldOutV5.test.ts).
 */
import type { SheetKind } from '../../src/core/sheets/types';
import type { GroupPart } from './grammar';

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** One field of the vendor: its code, its Chinese base labels and its English label. */
interface FieldV5 { code: string; bases: readonly string[]; en: string; dateHint?: boolean }

/** The vendor's ways of writing one label (code before it, English under or over it). */
function forms(f: FieldV5): string[] {
  const out: string[] = [];
  f.bases.forEach((b, i) => {
    out.push(b, `[${f.code}]${b}`, `【${f.code}】${b}`, `${f.code}－${b}`);
    // the bilingual forms for two bases only, so the bare Chinese label stays the commoner one
    if (i < 2) out.push(`${b}\n${f.en}`, `${f.en}\n${b}`);
    if (f.dateHint && i === 0) out.push(`${b}（YYYY／MM／DD）`, `${b}（西元）`, `[${f.code}]${b}（年月日）`);
  });
  return uniq(out);
}

const CUSTOMERS: Record<string, FieldV5> = {
  lastVisitDate: { code: 'F031', bases: ['末次入廠日', '最後入廠日期', '前次進廠日', '最近來廠日期', '末入廠日'], en: 'Last Shop-In', dateHint: true },
  purchaseDate: { code: 'F021', bases: ['購車日', '新車交車日', '領牌日期', '車輛售出日', '購入日'], en: 'Sold Day', dateHint: true },
  vin: { code: 'F012', bases: ['車輛識別號', '車身號碼', '車架號碼(17碼)', '車身碼'], en: 'Chassis No' },
  plate: { code: 'F013', bases: ['車牌號', '牌照號碼', '車號牌', '領照號碼'], en: 'Licence No' },
  phone: { code: 'F041', bases: ['行動電話', '手機號碼(車主)', '聯絡手機', '車主行動'], en: 'Cell No' },
  name: { code: 'F042', bases: ['車主名稱', '顧客名稱', '客戶名'], en: 'Owner Nm' },
  model: { code: 'F014', bases: ['車款名稱', '車型別'], en: 'Model Nm' },
  mileage: { code: 'F032', bases: ['入廠里程', '里程數(公里)', '里數'], en: 'Odo KM' },
  visitCount: { code: 'F033', bases: ['入廠次數', '來廠次'], en: 'Shop-In Cnt' },
  region: { code: 'F043', bases: ['縣市別', '所在縣市'], en: 'County' },
  advisor: { code: 'F034', bases: ['接待專員', '服務專員姓名'], en: 'SA Nm' },
};

const CALLS: Record<string, FieldV5> = {
  callDate: { code: 'R101', bases: ['電訪日', '回訪日期', '致電日', '電聯日期', '招攬日'], en: 'Call Day', dateHint: true },
  result: { code: 'R102', bases: ['電訪結果', '聯繫結果', '接聽狀況', '電聯結果代碼', '回訪結果碼'], en: 'Call Rslt' },
  vin: CUSTOMERS.vin,
  plate: CUSTOMERS.plate,
  phone: CUSTOMERS.phone,
  name: { code: 'R103', bases: ['受訪人', '受訪車主'], en: 'Callee' },
  reason: { code: 'R104', bases: ['未回廠原因', '流失緣由'], en: 'Lost Why' },
  caller: { code: 'R105', bases: ['電訪員', '話務專員'], en: 'Agent Nm' },
};

const REGISTER: Record<string, FieldV5> = {
  date: { code: 'S201', bases: ['來客日', '接客日期', '登錄日', '來訪日期'], en: 'Guest Day', dateHint: true },
  time: { code: 'S202', bases: ['進出時間', '來店時段', '抵達時間', '進店時刻'], en: 'In-Out' },
  contactType: { code: 'S203', bases: ['來電／來店', '客流類別', '洽詢方式', '來源型態'], en: 'Tel or Walk' },
  callMark: { code: 'S204', bases: ['來電客', '電話洽詢'], en: 'Tel' },
  visitMark: { code: 'S205', bases: ['來店客', '現場來客'], en: 'Walk' },
  name: { code: 'S206', bases: ['來客姓名', '顧客稱謂'], en: 'Guest Nm' },
  level: { code: 'S207', bases: ['意向熱度', '購買溫度'], en: 'Heat' },
  consultant: { code: 'S208', bases: ['接待業代', '值班業代'], en: 'Sales Rep' },
};

const PROSPECTS: Record<string, FieldV5> = {
  prospectId: { code: 'P301', bases: ['潛客編號', '名單序號', '商談編號', '潛在客戶代碼'], en: 'Lead No' },
  phone: { code: 'P302', bases: ['潛客行動', '聯絡行動電話', '客戶手機(潛客)'], en: 'Lead Cell' },
  level: { code: 'P303', bases: ['意向溫度', '熱度分級', '購車熱度', '客戶溫度'], en: 'Lead Heat' },
  followDate: { code: 'P304', bases: ['追蹤日', '聯繫日期', '追蹤聯絡日', '跟催日'], en: 'Track Day', dateHint: true },
  name: { code: 'P305', bases: ['潛客姓名', '商談對象'], en: 'Lead Nm' },
  followResult: { code: 'P306', bases: ['追蹤結果', '跟催情形'], en: 'Track Rslt' },
};

const FIELDS_V5: Record<SheetKind, Record<string, FieldV5>> = { customers: CUSTOMERS, calls: CALLS, register: REGISTER, prospects: PROSPECTS };

/** v5 wordings per kind and field. Key fields always use these in the v5 split; other fields half of the time. */
export const GRAMMAR_V5: Record<SheetKind, Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(FIELDS_V5).map(([kind, fields]) => [kind, Object.fromEntries(Object.entries(fields).map(([field, f]) => [field, forms(f)]))]),
) as unknown as Record<SheetKind, Record<string, readonly string[]>>;

/** The group label above the two tick columns of a v5 register. */
export const TICK_GROUP_V5 = ['來電／來店（打勾）', '[S209]客流區分', 'Tel／Walk-in\n客流'];

// ---- numbered follow-up groups of a wide prospect card: 第1次 … 第N次, merged over their parts -------------------
const PART_WORD_V5: Record<GroupPart, readonly string[]> = { followDate: ['追蹤日', '日期'], followMethod: ['追蹤方式', '途徑'], followResult: ['追蹤結果', '情形'] };

/** One-row header of group n (1-based): 第1次追蹤日, [P31]追蹤日, 追蹤日(1), 1st Track Day. */
export function groupHeaderV5(style: number, n: number, part: GroupPart, wordPick: number): string {
  const w = PART_WORD_V5[part][wordPick % 2];
  switch (style % 4) {
    case 0: return `第${n}次${w}`;
    case 1: return `[P3${n}]${w}`;
    case 2: return `${w}（${n}）`;
    default: return `${w}－${n}`;
  }
}

/** Two-row header: the merged label of group n above its parts. */
export function groupLabelV5(style: number, n: number): string {
  switch (style % 4) {
    case 0: return `第${n}次`;
    case 1: return `【第${n}次追蹤】`;
    case 2: return `追蹤（${n}）`;
    default: return `第${n}回追蹤`;
  }
}

/** Sub-headers under a v5 group label. */
export const GROUP_SUB_V5: Record<GroupPart, readonly string[]> = {
  followDate: ['日付', '追蹤日期', 'Day\n日期'],
  followMethod: ['聯繫途徑', 'Via\n途徑'],
  followResult: ['追蹤情形', 'Memo\n情形'],
};

// ---- layout quirks of the v5 split ------------------------------------------------------------------------------
/** The vendor's title lines (a report name with its run parameters, as the report engine prints them). */
export function titleBlockV5(kind: SheetKind, dealer: string): string[] {
  const what: Record<SheetKind, string> = {
    customers: '保有車輛基本資料表',
    calls: '流失客戶電訪明細表',
    register: '展間來客登錄表',
    prospects: '潛在客戶追蹤表',
  };
  return [`【${what[kind]}】`, `據點：${dealer}服務廠`, '報表代號：RPT-5021　版次：V5', '資料區間：2026／01／01～2026／10／31', '列印者：SYS01'];
}

/** Lines above a header repeated on each printed page. */
export const PAGE_LINES_V5 = ['（接上頁）', '－續－', '第　2　頁'];

/** The unit / format row under the header, per field (other columns blank). */
export const UNIT_ROW_V5: Record<string, string> = {
  lastVisitDate: 'yyyymmdd', purchaseDate: 'yyyymmdd', callDate: 'yyyymmdd', date: 'yyyymmdd', followDate: 'yyyymmdd',
  mileage: '公里', visitCount: '次', time: 'hh:mm', phone: '11碼', vin: '17碼',
};

/** Footer lines of the v5 report engine. */
export const FOOTER_LINES_V5 = ['筆數：N', '合　計：N 筆', '＊＊＊ 報表結束 ＊＊＊', '製表：王小明　覆核：', '列印日期：2026／11／02'];

/** Extra columns of the v5 split (no field); some are traps (a second date, a count, a code). */
export const EXTRA_COLUMNS_V5: Record<SheetKind, readonly string[]> = {
  customers: ['[F051]保險到期日', '引擎號碼', '車色', '客戶等級碼', '建檔年度'],
  calls: ['[R111]預約入廠日', '電訪次數', '通話秒數'],
  register: ['同行人員', '[S211]離店時間'],
  prospects: ['[P311]建檔日', '預算（萬元）', '下次追蹤日'],
};

/** The head-count column of a register written one row per visitor group (a number of people, no field). */
export const PEOPLE_COUNT_V5 = ['來店人數', '人數（組）', '同行人數'];

/** Call results as the vendor's codes; a workbook that uses them carries this legend as a sheet. */
export const RESULT_CODES_V5: Record<string, string> = {
  接通: 'C01', 成功: 'C01', 已接通: 'C01', 空号: 'C11', 停机: 'C12', 号码有误: 'C11', 非本人: 'C21', 关机: 'C13', 无法接通: 'C14',
  无人接听: 'C15', 拒接: 'C16', 挂断: 'C16', 呼转: 'C17', 忙: 'C18', 有事: 'C18', 人在外地: 'C22', 其他: 'C99',
};

/** The legend of the result codes, as the vendor prints it. */
export const RESULT_LEGEND_V5: [string, string][] = [
  ['C01', '接通'], ['C11', '空號／號碼有誤'], ['C12', '停機'], ['C13', '關機'], ['C14', '無法接通'], ['C15', '無人接聽'],
  ['C16', '拒接／掛斷'], ['C17', '呼叫轉移'], ['C18', '忙線／有事'], ['C21', '非本人'], ['C22', '人在外地'], ['C99', '其他'],
];

/** Sheet names of the v5 split (customer bases split by year get the year names). */
export const NAMES_V5: Record<SheetKind | 'other', readonly string[]> = {
  customers: ['基本資料', 'RPT5021', '保有車輛'],
  calls: ['電訪明細', 'RPT5033', '電訪'],
  register: ['來客登錄', 'RPT5040', '展間'],
  prospects: ['潛客追蹤', 'RPT5052', '追蹤表'],
  other: ['代碼說明', '參數', '封面'],
};

/** Names of the two sheets of a customer base split by purchase year. */
export const YEAR_SPLIT_NAMES_V5: readonly [string, string][] = [['2020年前購車', '2020年起購車'], ['~2019', '2020~'], ['舊客戶(2019以前)', '新客戶(2020以後)']];

const V5_PARTS: GroupPart[] = ['followDate', 'followMethod', 'followResult'];

/** Every wording the v5 split writes for a field (key or not), tick group or numbered group. */
export function v5Wordings(): { h: string; where: string }[] {
  const out: { h: string; where: string }[] = [];
  for (const [kind, fields] of Object.entries(GRAMMAR_V5)) for (const [field, hs] of Object.entries(fields)) for (const h of hs) out.push({ h, where: `${kind}.${field}` });
  for (const h of TICK_GROUP_V5) out.push({ h, where: 'v5 tick group' });
  for (let style = 0; style < 4; style++) {
    for (let n = 1; n <= 6; n++) {
      out.push({ h: groupLabelV5(style, n), where: 'v5 group label' });
      for (const part of V5_PARTS) for (const w of [0, 1]) out.push({ h: groupHeaderV5(style, n, part, w), where: `v5 group header ${part}` });
    }
  }
  for (const [part, hs] of Object.entries(GROUP_SUB_V5)) for (const h of hs) out.push({ h, where: `v5 group sub-header ${part}` });
  return out;
}
