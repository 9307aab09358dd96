/**
 * The sales half of the sample: the showroom register (展厅来电/店登记表) and the prospect follow-up cards
 * (意向客户跟踪卡), in either of the two shapes dealers keep them.
 */
import type { CellValue } from '../../core/plan/types';
import type { Rng } from './prng';
import { messyDate, messyPhone, messyTime, mobile } from './messyValues';
import { personName } from './customerSheets';
import type { SampleSheet } from './types';
import {
  CLOSURES, COMPETITORS, CONSULTANTS, DEFEAT_REASONS, FOLLOW_METHODS, FOLLOW_RESULTS, LEVEL_WORDS, LOCAL_REGIONS, MODELS,
  PROCESS_TEXTS, SOURCES,
} from './vocabulary';

/** Minutes after midnight of an arrival: morning and afternoon peaks, a few before 8:00 and after 20:00. */
function arrivalMinutes(rng: Rng): number {
  const hour = rng.weighted([[7, 1], [8, 4], [9, 9], [10, 12], [11, 8], [12, 4], [13, 6], [14, 11], [15, 12], [16, 10], [17, 7], [18, 4], [19, 3], [20, 1]] as const);
  return hour * 60 + rng.pick([0, 0, 5, 10, 15, 20, 30, 30, 40, 45, 50]);
}

const TICK = ['✓', '√', '✔', '是'];

/**
 * The register: one row per call or visit over the last 90 days.
 * @example buildRegisterSheet(createRng(1), { rows: 100, asOf: 46326, dealerName: 'X店', sheetName: '展厅来电登记' })
 */
export function buildRegisterSheet(rng: Rng, opts: { rows: number; asOf: number; dealerName: string; sheetName: string }): SampleSheet {
  const tickColumns = rng.chance(0.5);
  const fields = [
    'date', 'time', ...(tickColumns ? ['callMark', 'visitMark'] : ['contactType']), 'name', 'gender', 'phone', 'address', 'intendedModel',
    'source', 'process', 'level', 'closure', 'consultant', 'testDrive', 'quote', 'order', 'remarks',
  ];
  const HEADERS: Record<string, readonly string[]> = {
    date: ['日期', '来访日期'],
    time: ['进-离', '进店时间', '时间'],
    callMark: ['来电'],
    visitMark: ['来店'],
    contactType: ['来电/来店', '来电/店', '类型'],
    name: ['客户姓名', '姓名'],
    gender: ['性别'],
    phone: ['联系电话', '电话'],
    address: ['地址', '所在区域'],
    intendedModel: ['拟购车型(时间)', '意向车型'],
    source: ['信息来源', '获知渠道'],
    process: ['接待经过', '接待情况'],
    level: ['追踪后级别', '意向级别'],
    closure: ['结案情形', '结果'],
    consultant: ['接待人', '销售顾问'],
    testDrive: ['试乘试驾', '试驾'],
    quote: ['报价', '是否报价'],
    order: ['订单', '成交'],
    remarks: ['备注'],
  };
  const col = (f: string) => fields.indexOf(f);
  const header = fields.map((f) => rng.pick(HEADERS[f]));
  const title = new Array<CellValue>(fields.length).fill('');
  title[0] = `${opts.dealerName}展厅来电/店登记表`;
  const rows: CellValue[][] = [title, new Array<CellValue>(fields.length).fill(''), header];
  const entries: { date: number; minutes: number; row: CellValue[] }[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const date = opts.asOf - rng.int(0, 89);
    const minutes = arrivalMinutes(rng);
    const visit = rng.chance(0.6);
    const row = new Array<CellValue>(fields.length).fill('');
    row[col('date')] = messyDate(rng, date, 0.75);
    row[col('time')] = messyTime(rng, minutes);
    if (tickColumns) row[col(visit ? 'visitMark' : 'callMark')] = rng.pick(TICK);
    else row[col('contactType')] = visit ? rng.pick(['来店', '来店', '到店', '展厅']) : rng.pick(['来电', '来电', '电话']);
    const surname = personName(rng);
    const male = rng.chance(0.62);
    row[col('name')] = rng.chance(0.3) ? surname[0] + (male ? '先生' : '女士') : surname;
    row[col('gender')] = male ? '男' : '女';
    const leftContact = rng.chance(visit ? 0.7 : 0.55);
    row[col('phone')] = leftContact ? messyPhone(rng, mobile(rng)) : rng.pick(['', '', '未留', '不愿留']);
    row[col('address')] = rng.chance(0.7) ? rng.pick(LOCAL_REGIONS) : '';
    row[col('intendedModel')] = `${rng.pick(MODELS)}${rng.pick(['', '(一个月内)', '(三个月内)', '(半年内)', '(7天内)'])}`;
    row[col('source')] = rng.pick(SOURCES);
    row[col('process')] = rng.pick(PROCESS_TEXTS);
    const testDrive = visit && rng.chance(0.35);
    const quote = visit && rng.chance(testDrive ? 0.7 : 0.3);
    const order = visit && leftContact && rng.chance(quote ? 0.2 : 0.03);
    const levelKey = order ? 'O' : rng.weighted([['H', 8], ['A', 15], ['B', 25], ['C', 30], ['N', 12], ['F', 10]] as const);
    row[col('level')] = rng.pick(LEVEL_WORDS[levelKey]);
    row[col('closure')] = order ? rng.pick(['成交', '订车', '交定金']) : levelKey === 'F' ? '战败' : rng.pick(CLOSURES.slice(3));
    row[col('consultant')] = rng.pick(CONSULTANTS);
    if (testDrive) row[col('testDrive')] = rng.pick(TICK);
    if (quote) row[col('quote')] = rng.pick(TICK);
    if (order) row[col('order')] = rng.pick(TICK);
    if (rng.chance(0.1)) row[col('remarks')] = rng.pick(['老客户介绍', '带家人来看', '比较了哈弗', '周末再来', '要求上门试驾']);
    entries.push({ date, minutes, row });
  }
  entries.sort((a, b) => a.date - b.date || a.minutes - b.minutes);
  for (const e of entries) rows.push(e.row);
  return {
    name: opts.sheetName,
    grid: rows,
    headerRow: 2,
    dateColumns: [col('date')],
    timeColumns: [col('time')],
    merges: [{ row: 0, col: 0, lastRow: 0, lastCol: fields.length - 1 }],
    widths: fields.map((f) => (f === 'process' || f === 'intendedModel' ? 18 : f === 'time' ? 12 : 10)),
  };
}

interface FollowUp {
  date: number;
  method: string;
  result: string;
  level: string;
}

/** One prospect's history: follow-ups, final level, next date, and if lost, why and to whom. */
function prospectHistory(rng: Rng, asOf: number): { created: number; follows: FollowUp[]; nextDate: number | null; defeat: string; boughtInstead: string; finalLevel: string } {
  const created = asOf - rng.int(1, 120);
  const outcome = rng.weighted([['F', 25], ['O', 15], ['H', 10], ['A', 15], ['B', 20], ['C', 15]] as const);
  const count = rng.int(1, 5);
  const follows: FollowUp[] = [];
  let date = created;
  for (let k = 0; k < count; k++) {
    date = Math.min(asOf, date + rng.int(k === 0 ? 0 : 1, 15));
    const last = k === count - 1;
    const levelKey = last ? outcome : rng.pick(['H', 'A', 'B', 'C'] as const);
    follows.push({ date, method: rng.pick(FOLLOW_METHODS), result: rng.pick(FOLLOW_RESULTS), level: rng.pick(LEVEL_WORDS[levelKey]) });
  }
  let defeat = '';
  let boughtInstead = '';
  if (outcome === 'F') {
    const category = rng.pick(Object.keys(DEFEAT_REASONS));
    defeat = rng.pick(DEFEAT_REASONS[category]);
    if (category === '竞品' || rng.chance(0.4)) boughtInstead = rng.pick(COMPETITORS);
  }
  const closed = outcome === 'F' || outcome === 'O';
  // About half the open cards record the next date; the others rely on the level's interval.
  const nextDate = !closed && rng.chance(0.5) ? date + rng.int(1, 20) : null;
  return { created, follows, nextDate, defeat, boughtInstead, finalLevel: follows[follows.length - 1].level };
}

/**
 * The prospect cards. `wide` false: one row per follow-up, prospect repeated, rows shuffled; true: one row per
 * prospect with numbered follow-up columns 第1次跟进日期 / 第1次跟进方式 / 第1次跟进结果 / 第1次跟进级别 ….
 */
export function buildProspectSheet(
  rng: Rng,
  opts: { prospects: number; asOf: number; dealerName: string; sheetName: string; wide: boolean },
): { sheet: SampleSheet; rows: number } {
  const base = ['prospectId', 'name', 'phone', 'model', 'source', 'createdDate', 'consultant'];
  const HEAD: Record<string, string> = {
    prospectId: '客户编号', name: '客户姓名', phone: '联系电话', model: '意向车型', source: '信息来源', createdDate: '建档日期', consultant: '销售顾问',
    followDate: '跟进日期', followMethod: '跟进方式', followResult: '跟进结果', level: '意向级别', nextDate: '下次跟进日期', defeatReason: '战败原因', boughtInstead: '已购品牌',
  };
  const MAX = 5;
  const fields = opts.wide
    ? [...base, 'level', ...Array.from({ length: MAX }, (_, k) => [`f${k + 1}Date`, `f${k + 1}Method`, `f${k + 1}Result`, `f${k + 1}Level`]).flat(), 'nextDate', 'defeatReason', 'boughtInstead']
    : [...base, 'followDate', 'followMethod', 'followResult', 'level', 'nextDate', 'defeatReason', 'boughtInstead'];
  const header = fields.map((f) => {
    const m = /^f(\d)(Date|Method|Result|Level)$/.exec(f);
    if (m) return `第${m[1]}次跟进${{ Date: '日期', Method: '方式', Result: '结果', Level: '级别' }[m[2]]}`;
    return HEAD[f];
  });
  const col = (f: string) => fields.indexOf(f);
  const title = new Array<CellValue>(fields.length).fill('');
  title[0] = `${opts.dealerName}意向客户跟踪卡`;
  const data: CellValue[][] = [];
  const month = String(Math.floor(opts.asOf)).slice(-3);
  for (let i = 0; i < opts.prospects; i++) {
    const h = prospectHistory(rng, opts.asOf);
    const common = new Array<CellValue>(fields.length).fill('');
    common[col('prospectId')] = `YX${month}${String(i + 1).padStart(6, '0')}`;
    common[col('name')] = personName(rng);
    common[col('phone')] = messyPhone(rng, mobile(rng));
    common[col('model')] = rng.pick(MODELS);
    common[col('source')] = rng.pick(SOURCES);
    common[col('createdDate')] = messyDate(rng, h.created, 0.8);
    common[col('consultant')] = rng.pick(CONSULTANTS);
    if (opts.wide) {
      const row = common;
      h.follows.forEach((f, k) => {
        row[col(`f${k + 1}Date`)] = messyDate(rng, f.date, 0.8);
        row[col(`f${k + 1}Method`)] = f.method;
        row[col(`f${k + 1}Result`)] = f.result;
        row[col(`f${k + 1}Level`)] = f.level;
      });
      row[col('level')] = h.finalLevel;
      if (h.nextDate !== null) row[col('nextDate')] = messyDate(rng, h.nextDate, 0.8);
      row[col('defeatReason')] = h.defeat;
      row[col('boughtInstead')] = h.boughtInstead;
      data.push(row);
    } else {
      h.follows.forEach((f, k) => {
        const row = [...common];
        const last = k === h.follows.length - 1;
        row[col('followDate')] = messyDate(rng, f.date, 0.8);
        row[col('followMethod')] = f.method;
        row[col('followResult')] = f.result;
        row[col('level')] = f.level;
        if (last && h.nextDate !== null) row[col('nextDate')] = messyDate(rng, h.nextDate, 0.8);
        if (last) {
          row[col('defeatReason')] = h.defeat;
          row[col('boughtInstead')] = h.boughtInstead;
        }
        data.push(row);
      });
    }
  }
  if (!opts.wide) {
    // Cards kept as a log end up in any order.
    for (let i = data.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const tmp = data[i];
      data[i] = data[j];
      data[j] = tmp;
    }
  }
  const rows: CellValue[][] = [title, header, ...data];
  const dateColumns = fields.map((f, i) => (/Date$/.test(f) ? i : -1)).filter((i) => i >= 0);
  return {
    sheet: {
      name: opts.sheetName,
      grid: rows,
      headerRow: 1,
      dateColumns,
      timeColumns: [],
      merges: [{ row: 0, col: 0, lastRow: 0, lastCol: Math.min(fields.length - 1, 10) }],
      widths: fields.map((f) => (/Result|defeat/.test(f) ? 16 : 11)),
    },
    rows: data.length,
  };
}
