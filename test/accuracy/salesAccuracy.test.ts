/**
 * Accuracy of the sales side on registers and prospect cards from "another system" (issue 6's acceptance check):
 * the real CLI path (main(['analyze', …])) on workbooks written by test/accuracy/salesUnseen.ts, read back and
 * compared with the generator's truth. Thresholds: every prospect found; prospect columns ≥ 97% right row by row;
 * traffic per date × slot ≥ 97%; every month's 留资率 and the overall funnel's stage counts exact.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { generateUnseen, serial, type UnseenWorkbook, type RegisterTruthRow } from './salesUnseen';

jest.setTimeout(60000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-sales-acc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const AS_OF = serial(2026, 10, 31);
const SLOTS = ['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00'];
const PROSPECT_COLUMNS = ['意向级别', '跟踪次数', '最近跟踪日期', '跟踪状态', '逾期天数', '战败原因类别'] as const;
const STAGES = ['来电/来店', '留资', '试乘试驾', '报价', '成交'];

async function writeXlsx(file: string, wb: UnseenWorkbook): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = v.getUTCHours() + v.getUTCMinutes() > 0 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
        else if (typeof v === 'number' && v < 1 && v > 0) cell.numFmt = 'hh:mm';
      });
    });
  }
  await book.xlsx.writeFile(file);
}

/** Runs the CLI, returning its exit code and what it printed (the report holds the prospect count). */
async function runCli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(argv), out };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

type Grid = unknown[][];
/** The first row index at or after `from` whose cells include all the given headers. */
function findHeaderRow(grid: Grid, headers: string[], from = 0): number {
  for (let r = from; r < grid.length; r++) {
    const row = (grid[r] ?? []).map(String);
    if (headers.every((h) => row.includes(h))) return r;
  }
  return -1;
}
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

interface Measures {
  rows: Record<string, [number, number]>; // measure → [right, total]
  prospectsFound: [number, number];
  trafficCells: [number, number];
  leadRateMonths: [number, number];
  funnel: [number, number];
  /** Register rows per information source (funnel by source, first stage): rows counted in the right class. */
  sources: [number, number];
  misses: string[];
}

function score(): Measures {
  const rows: Record<string, [number, number]> = {};
  for (const c of PROSPECT_COLUMNS) rows[c] = [0, 0];
  return { rows, prospectsFound: [0, 0], trafficCells: [0, 0], leadRateMonths: [0, 0], funnel: [0, 0], sources: [0, 0], misses: [] };
}

/** Compares the output workbook with the truth, adding to `m`. */
function compare(grids: Map<string, Grid>, report: string, wb: UnseenWorkbook, m: Measures): void {
  // Prospect columns, row by row.
  const card = grids.get(wb.prospectSheet) ?? [];
  const h = findHeaderRow(card, ['意向级别', '跟踪次数']);
  const col = (name: string) => (card[h] ?? []).map(String).indexOf(name);
  const found = new Set<number>();
  for (const [r, truth] of wb.prospects) {
    const row = card[r] ?? [];
    const expected: Record<string, unknown> = {
      意向级别: truth.level, 跟踪次数: truth.followUps, 最近跟踪日期: truth.latest, 跟踪状态: truth.status, 逾期天数: truth.overdueDays, 战败原因类别: truth.defeatClass,
    };
    if (h >= 0 && row[col('意向级别')] !== '' && row[col('意向级别')] !== undefined) found.add(r);
    for (const c of PROSPECT_COLUMNS) {
      const got = h >= 0 ? row[col(c)] ?? '' : undefined;
      const want = expected[c];
      const ok = want === '' ? got === '' : typeof want === 'number' ? num(got) === want : got === want;
      m.rows[c][1]++;
      if (ok) m.rows[c][0]++;
      else if (m.misses.length < 400) m.misses.push(`${wb.prospectSheet}!${r + 1} ${c}: want ${JSON.stringify(want)} got ${JSON.stringify(got)} | ${JSON.stringify(wb.sheets[1].rows[r])}`);
    }
  }
  // Every prospect found: every card row got values, and the report counts exactly the true number of prospects
  // (a prospect split in two by a phone typed differently, or two merged into one, changes that count).
  const reported = Number(/意向客户数\D*(\d+)/.exec(report)?.[1] ?? NaN);
  m.prospectsFound[0] += found.size === wb.prospects.size && reported === wb.prospectCount ? wb.prospectCount : 0;
  m.prospectsFound[1] += wb.prospectCount;
  if (reported !== wb.prospectCount) m.misses.push(`prospects: want ${wb.prospectCount} reported ${reported}`);

  // Traffic per date × slot.
  const traffic = grids.get('展厅客流量统计') ?? [];
  const want = new Map<string, number[]>();
  const months = new Map<string, number[]>();
  // The funnel nests (a stage counts only rows that reached every earlier one); each stage alone sits beside it.
  const funnel = [0, 0, 0, 0, 0];
  const alone = [0, 0, 0, 0, 0];
  for (const t of wb.register as RegisterTruthRow[]) {
    const key = `${t.date}|${SLOTS[t.slot]}`;
    const v = want.get(key) ?? [0, 0, 0, 0];
    v[0] += t.visit ? 1 : 0;
    v[1] += t.visit ? 0 : 1;
    v[2] += t.lead ? 1 : 0;
    v[3] += t.order ? 1 : 0;
    want.set(key, v);
    const d = new Date((t.date - 25569) * 86400000);
    const mk = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const mv = months.get(mk) ?? [0, 0];
    mv[0] += t.lead ? 1 : 0;
    mv[1] += 1;
    months.set(mk, mv);
    const reached = [true, t.lead, t.testDrive, t.quote, t.order];
    let nested = true;
    reached.forEach((r, s) => {
      nested = nested && Boolean(r);
      if (nested) funnel[s]++;
      if (r) alone[s]++;
    });
  }
  const got = new Map<string, number[]>();
  const dh = findHeaderRow(traffic, ['日期', '星期', '时段', '来店批数']);
  if (dh >= 0) {
    for (let r = dh + 1; r < traffic.length; r++) {
      const row = traffic[r];
      if (typeof row?.[0] !== 'number') break;
      got.set(`${row[0]}|${row[2]}`, [num(row[3]), num(row[4]), num(row[5]), num(row[6])]);
    }
  }
  const keys = new Set([...want.keys(), ...[...got.entries()].filter(([, v]) => v.some((x) => x > 0)).map(([k]) => k)]);
  for (const k of keys) {
    const a = want.get(k) ?? [0, 0, 0, 0];
    const b = got.get(k) ?? [0, 0, 0, 0];
    m.trafficCells[1]++;
    if (a.every((x, i) => x === b[i])) m.trafficCells[0]++;
    else m.misses.push(`traffic ${k}: want ${a} got ${b}`);
  }

  // 留资率 per month, from the monthly row's cells (the rate itself is a formula: E/D).
  const mh = findHeaderRow(traffic, ['月份', '留有客户资料数', '留资率']);
  const mcols = (traffic[mh] ?? []).map(String);
  for (const [mk, [leads, batches]] of months) {
    m.leadRateMonths[1]++;
    const row = mh >= 0 ? traffic.slice(mh + 1).find((r) => String(r?.[0] ?? '').replace(/\D/g, '') === mk.replace(/\D/g, '')) : undefined;
    const rate = row ? num(row[mcols.indexOf('留有客户资料数')]) / num(row[mcols.indexOf('来访客户批数合计')]) : NaN;
    if (Math.abs(rate - leads / batches) < 1e-12) m.leadRateMonths[0]++;
    else m.misses.push(`留资率 ${mk}: want ${leads}/${batches} got ${row ? `${row[mcols.indexOf('留有客户资料数')]}/${row[mcols.indexOf('来访客户批数合计')]}` : 'none'}`);
  }

  // Overall funnel stage counts.
  const fg = grids.get('意向客户漏斗') ?? [];
  const fh = findHeaderRow(fg, ['阶段', '数量']);
  STAGES.forEach((stage, i) => {
    m.funnel[1]++;
    const row = fh >= 0 ? fg.slice(fh + 1, fh + 6).find((r) => r?.[0] === stage) : undefined;
    if (row && num(row[1]) === funnel[i] && num(row[3]) === alone[i]) m.funnel[0]++;
    else m.misses.push(`funnel ${stage}: want ${funnel[i]}/${alone[i]} got ${row?.[1]}/${row?.[3]}`);
  });

  // Funnel by information source: rows per class; a class's rows are right up to the smaller of the two counts.
  const wantSources = new Map<string, number>();
  for (const t of wb.register) wantSources.set(t.source || '未填写', (wantSources.get(t.source || '未填写') ?? 0) + 1);
  const sh = findHeaderRow(fg, ['信息来源', '来电/来店']);
  const gotSources = new Map<string, number>();
  if (sh >= 0) {
    for (let r = sh + 1; r < fg.length && fg[r]?.[0] !== '' && fg[r]?.[0] !== undefined; r++) gotSources.set(String(fg[r][0]), num(fg[r][1]));
  }
  for (const [cls, n] of wantSources) {
    m.sources[0] += Math.min(n, gotSources.get(cls) ?? 0);
    m.sources[1] += n;
    if (gotSources.get(cls) !== n) m.misses.push(`source ${cls}: want ${n} got ${gotSources.get(cls)}`);
  }
}

const pct = ([a, b]: [number, number]) => (b === 0 ? 1 : a / b);

describe.each([1, 2, 3, 4, 5, 6, 7, 8, 9] as const)('sales side on unseen registers and prospect cards, vocabulary round %i', (round) => {
  const measures = score();

  beforeAll(async () => {
    for (const [seed, shape] of [[11, 'long'], [12, 'wide'], [13, 'long'], [14, 'wide']] as const) {
      const wb = generateUnseen(seed + 10 * round, shape, AS_OF, round);
      const input = path.join(dir, `in-${round}-${seed}.xlsx`);
      const output = path.join(dir, `out-${round}-${seed}.xlsx`);
      await writeXlsx(input, wb);
      const { code, out } = await runCli(['analyze', input, '--out', output, '--as-of', '2026-10-31']);
      if (code !== 0) throw new Error(`analyze exited ${code} on seed ${seed}`);
      const { sheets } = await readWorkbook(output);
      compare(new Map(sheets.map((s) => [s.name, s.grid as Grid])), out, wb, measures);
    }
    const table: Record<string, string> = {};
    table['prospects found'] = `${measures.prospectsFound[0]}/${measures.prospectsFound[1]}`;
    for (const c of PROSPECT_COLUMNS) table[c] = `${(100 * pct(measures.rows[c])).toFixed(1)}% (${measures.rows[c][0]}/${measures.rows[c][1]})`;
    table['traffic date×slot'] = `${(100 * pct(measures.trafficCells)).toFixed(1)}% (${measures.trafficCells.join('/')})`;
    table['留资率 months exact'] = measures.leadRateMonths.join('/');
    table['funnel stages exact'] = measures.funnel.join('/');
    table['source (info only)'] = `${(100 * pct(measures.sources)).toFixed(1)}% (${measures.sources.join('/')})`;
    console.log(`sales accuracy on unseen data, vocabulary round ${round}\n${Object.entries(table).map(([k, v]) => `  ${k.padEnd(20)} ${v}`).join('\n')}\nfirst misses:\n  ${(process.env.SALES_MISSES ? measures.misses.filter((x) => x.includes(process.env.SALES_MISSES as string)) : measures.misses).slice(0, 40).join('\n  ')}`);
  });

  test('every prospect is found', () => {
    expect(measures.prospectsFound[0]).toBe(measures.prospectsFound[1]);
  });
  test.each(PROSPECT_COLUMNS.map((c) => [c]))('prospect column %s is at least 97%% right', (c) => {
    expect(pct(measures.rows[c])).toBeGreaterThanOrEqual(0.97);
  });
  test('traffic per date and slot is at least 97% right', () => {
    expect(pct(measures.trafficCells)).toBeGreaterThanOrEqual(0.97);
  });
  test("every month's 留资率 is exact", () => {
    expect(measures.leadRateMonths[0]).toBe(measures.leadRateMonths[1]);
  });
  test('the overall funnel stage counts are exact', () => {
    expect(measures.funnel[0]).toBe(measures.funnel[1]);
  });
});
