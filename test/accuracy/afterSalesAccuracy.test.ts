/**
 * Accuracy of the after-sales classification on dealer workbooks from "another DMS" (issue 2's acceptance check):
 * the real CLI path (main(['analyze', IN, '--out', OUT, '--as-of', D])) on workbooks written by
 * test/accuracy/unseenDealer.ts, read back and compared with the generator's own truth, vehicle by vehicle.
 * Thresholds: every vehicle found; every rule-defined classification column ≥ 97% right over all data rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { loadWorkbook, worksheetToGrid } from '../../src/xlsx/readWorkbook';
import { generateUnseenAfterSales, type SheetOut, type Truth, type UnseenAfterSales } from './unseenDealer';

jest.setTimeout(90000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-as-acc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Output header → truth field. 招揽优先级 / 建议动作 are measured too (the documented rule table). */
const COLUMNS: [string, keyof Truth][] = [
  ['未回厂月数', 'months'],
  ['流失状态', 'status'],
  ['车龄(年)', 'ageYears'],
  ['车龄段', 'ageBucket'],
  ['保修状态', 'warranty'],
  ['本地/外地', 'locality'],
  ['最近回访结果', 'lastResult'],
  ['流失原因', 'reasonText'],
  ['原因类别', 'reasonCategory'],
  ['流失去向', 'destination'],
  ['招揽优先级', 'priority'],
  ['建议动作', 'action'],
];

async function writeXlsx(file: string, sheets: SheetOut[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  sheets.forEach((s, si) => {
    const ws = book.addWorksheet(s.name);
    const width = s.rows[s.headerRow].length;
    if (s.asTable) {
      s.rows.slice(0, s.headerRow).forEach((cells, r) => cells.forEach((v, c) => v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
      ws.addTable({
        name: `T${si}`,
        ref: `A${s.headerRow + 1}`,
        headerRow: true,
        columns: s.rows[s.headerRow].map((h) => ({ name: String(h) })),
        rows: s.rows.slice(s.headerRow + 1).map((cells) => Array.from({ length: width }, (_, c) => (cells[c] === '' || cells[c] === undefined ? null : cells[c]))),
      });
    } else {
      s.rows.forEach((cells, r) => {
        cells.forEach((v, c) => {
          if (v === '') return;
          const cell = ws.getCell(r + 1, c + 1);
          cell.value = v;
          if (v instanceof Date) cell.numFmt = v.getUTCHours() > 0 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
        });
      });
      if (s.headerRow > 0) ws.mergeCells(1, 1, 1, width);
    }
  });
  await book.xlsx.writeFile(file);
}

async function runCli(argv: string[]): Promise<number> {
  const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(argv);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const norm = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

interface Score {
  columns: Map<string, [number, number]>;
  vehicles: [number, number];
  /** Rows that are no vehicle (totals, blank rows) but got a 流失状态. */
  phantomRows: number;
  /** Rows whose 重复记录 mark is right: the 2nd and later rows of a vehicle marked, the first not. */
  duplicates: [number, number];
  misses: Map<string, Map<string, number>>;
}

function compare(grid: unknown[][], wb: UnseenAfterSales, s: Score): void {
  const headerRow = grid.findIndex((row) => (row ?? []).some((c) => c === '流失状态'));
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const header = grid[headerRow].map(norm);
  const found = new Set<number>();
  for (const [row, v] of wb.vehicleOfRow) {
    const cells = grid[row] ?? [];
    const t = wb.truth[v];
    if (norm(cells[header.indexOf('流失状态')])) found.add(v);
    for (const [col, field] of COLUMNS) {
      const got = norm(cells[header.indexOf(col)]);
      const want = norm(t[field]);
      const ok = field === 'action' ? got.startsWith(want) : got === want;
      const c = s.columns.get(col)!;
      c[1]++;
      if (ok) c[0]++;
      else if (field !== 'action' && field !== 'priority') {
        const key = `${want} ← ${field === 'lastResult' || field === 'reasonCategory' || field === 'destination' ? rawOf(wb, v, field) : ''} got ${got}`;
        const m = s.misses.get(col) ?? new Map<string, number>();
        m.set(key, (m.get(key) ?? 0) + 1);
        s.misses.set(col, m);
      }
    }
  }
  const status = header.indexOf('流失状态');
  for (let r = headerRow + 1; r < grid.length; r++) if (!wb.vehicleOfRow.has(r) && norm(grid[r]?.[status])) s.phantomRows++;
  const dup = header.indexOf('重复记录');
  const seen = new Set<number>();
  for (const [row, v] of [...wb.vehicleOfRow].sort((a, b) => a[0] - b[0])) {
    const marked = norm(grid[row]?.[dup]) !== '';
    s.duplicates[1]++;
    if (marked === seen.has(v)) s.duplicates[0]++;
    seen.add(v);
  }
  s.vehicles[0] += found.size;
  s.vehicles[1] += wb.truth.length;
}

/** The text behind a miss, for the printed diagnosis. */
function rawOf(wb: UnseenAfterSales, v: number, field: keyof Truth): string {
  return field === 'reasonCategory' || field === 'destination' ? wb.truth[v].reasonText : wb.truth[v].lastResultText;
}

async function measure(runs: { seed: number; layout: 0 | 1 | 2; heldOut: boolean | 'C' | 'D' | 'E' | 'F' | 'G' }[]): Promise<Score> {
  const s: Score = { columns: new Map(COLUMNS.map(([c]) => [c, [0, 0]])), vehicles: [0, 0], phantomRows: 0, duplicates: [0, 0], misses: new Map() };
  for (const { seed, layout, heldOut } of runs) {
    const wb = generateUnseenAfterSales({ seed, vehicles: 250, layout, heldOut });
    const tag = `${seed}-${layout}-${heldOut === 'C' ? 'c' : heldOut === 'D' ? 'd' : heldOut ? 'h' : 't'}`;
    const input = path.join(dir, `in-${tag}.xlsx`);
    const output = path.join(dir, `out-${tag}.xlsx`);
    const settings = path.join(dir, `settings-${tag}.json`);
    fs.writeFileSync(settings, JSON.stringify({ localRegions: wb.localRegions }));
    await writeXlsx(input, wb.sheets);
    const code = await runCli(['analyze', input, '--out', output, '--as-of', '2026-10-31', '--settings', settings, '--quiet']);
    expect(code).toBe(0);
    const book = await loadWorkbook(output);
    const ws = book.getWorksheet(wb.customerSheet);
    expect(ws).toBeDefined();
    compare(worksheetToGrid(ws!), wb, s);
  }
  return s;
}

/** Right cells / all cells over every classification column and every vehicle row: the "97% of the cells". */
function pooled(s: Score): [number, number] {
  let ok = 0;
  let total = 0;
  for (const [, [o, t]] of s.columns) [ok, total] = [ok + o, total + t];
  return [ok, total];
}

function print(title: string, s: Score): void {
  const lines = [`== ${title}`, `vehicles found: ${s.vehicles[0]}/${s.vehicles[1]}; phantom vehicles (totals/blank rows classified): ${s.phantomRows}; duplicate rows marked right: ${s.duplicates[0]}/${s.duplicates[1]}`];
  for (const [col, [ok, total]] of s.columns) lines.push(`${col.padEnd(8, '　')} ${((100 * ok) / total).toFixed(1)}% (${ok}/${total})`);
  const [pooledOk, pooledTotal] = pooled(s);
  lines.push(`POOLED (every classification cell, every vehicle) ${((100 * pooledOk) / pooledTotal).toFixed(2)}% (${pooledOk}/${pooledTotal})`);
  for (const [col, m] of s.misses) {
    const top = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    lines.push(`-- misses in ${col}:`, ...top.map(([k, n]) => `   ${n}× ${k}`));
  }
  console.log(lines.join('\n'));
}

/** Columns read from free text (the dictionaries), as opposed to the date/number/region rules. */
const FREE_TEXT = new Set(['最近回访结果', '原因类别', '流失去向', '招揽优先级', '建议动作']);

/**
 * Every vehicle found, no phantom, duplicates marked, every column ≥ 97% (free-text columns ≥ `textBar`), and the
 * issue's own check: ≥ 97% of all classification cells right (pooled over every column and every vehicle).
 */
function expectAccurate(s: Score, textBar = 0.97): void {
  expect(s.vehicles[0]).toBe(s.vehicles[1]);
  const [pooledOk, pooledTotal] = pooled(s);
  expect({ pooled: pooledOk / pooledTotal >= 0.97 }).toEqual({ pooled: true });
  expect(s.phantomRows).toBe(0);
  expect(s.duplicates[0]).toBe(s.duplicates[1]);
  for (const [col, [ok, total]] of s.columns) {
    const bar = FREE_TEXT.has(col) ? textBar : 0.97;
    expect({ col, accuracy: ok / total >= bar }).toEqual({ col, accuracy: true });
  }
}

const LAYOUTS = [0, 1, 2] as const;

test('after-sales classification on unseen dealer workbooks is ≥ 97% right per column and finds every vehicle', async () => {
  const s = await measure([1, 2, 3].flatMap((seed) => LAYOUTS.map((layout) => ({ seed, layout, heldOut: false }))));
  print('vocabulary A (used to fix the dictionaries)', s);
  expectAccurate(s);
});

test('the same on vocabulary B (held out in round 1: 91.2% results, 86.4% reasons before round 2)', async () => {
  const s = await measure(LAYOUTS.map((layout) => ({ seed: 4, layout, heldOut: true })));
  print('vocabulary B (held out in round 1)', s);
  expectAccurate(s);
});

test('vocabulary C (a TUNED set since round 3: its misses drove round 3\'s fixes)', async () => {
  const s = await measure(LAYOUTS.map((layout) => ({ seed: 5, layout, heldOut: 'C' as const })));
  print('vocabulary C (tuned in round 3)', s);
  // C was held out until round 3 (first score: results 95.3%, reasons 93.2%; 95.9% / 95.7% before round 3, pooled
  // 99.16%). Round 3 fixed the dictionaries on its misses by word family (test/core/aftersales/
  // wordFamilies.unseen.test.ts); it now reaches 100% in every column, so it is no estimate any more: the bar is
  // 99% on the free-text columns (D below was the honest estimate until round 4 tuned it too).
  expectAccurate(s, 0.99);
});

describe('vocabulary D (a TUNED set since round 4: its misses drove round 4\'s fixes)', () => {
  // Written in round 3 before the dictionaries were read; held out until round 4. First score (before round 3):
  // 最近回访结果 89.2%, 原因类别 87.5%, 招揽优先级 94.9%, 建议动作 92.9%, every rule column 100%, pooled 97.05%.
  // After round 3 (C's families generalising): 最近回访结果 90.8%, 原因类别 89.2%, 招揽优先级 95.1%, 建议动作 93.2%,
  // pooled 97.36%.
  // Round 4 fixed the dictionaries on its misses by word family (IME homophone slips, English words, the car
  // disposed of / rarely moving / beyond repair, neglect, symptoms outliving the repair, moved house + far …; tests on
  // other phrasings in test/core/aftersales/wordFamilies.round4.test.ts): now 100% in every column, pooled 100.00%.
  // So D is no estimate any more: the bar is 99% on the free-text columns. Vocabulary E (written blind in round 4)
  // measured whether round 4's families generalise (results 96.9%, reasons 95.9%) until round 5 tuned it too.
  let s: Score;
  beforeAll(async () => {
    s = await measure(LAYOUTS.map((layout) => ({ seed: 6, layout, heldOut: 'D' as const })));
    print('vocabulary D (tuned in round 4)', s);
  });

  test("the issue's check: every vehicle found, rule columns ≥ 97%, ≥ 97% of all classification cells right", () => {
    expectAccurate(s, 0);
  });

  test('every free-text column ≥ 99% (100% after round 4)', () => {
    expectAccurate(s, 0.99);
  });
});

describe('vocabulary E (a TUNED set since round 5: its misses drove round 5\'s fixes)', () => {
  // Written by an engineer who never read the product's dictionaries nor vocabularies A–D (test/accuracy/
  // vocabularyE.ts), after round 4's fixes were made on D; held out until round 5.
  // First score (2026-11-23): every vehicle found, rule columns 100%, 最近回访结果 96.9%, 原因类别 95.9%,
  // 流失去向 99.9%, 招揽优先级 98.5%, 建议动作 98.0%, pooled 99.09% (9501/9588).
  // Round 5 fixed the dictionaries on its misses by word family (traditional characters, whole-word pinyin, verb+了+
  // object, malformed numbers, passive refusals, inflated prices and sums too much to bear, only-so-far / not yet due
  // / parked, cannot wait / workshop full, passing-through cars, switching to another 4S shop; tests on other
  // phrasings in test/core/aftersales/wordFamilies.round5.test.ts): now 100% in every column, pooled 100.00%
  // (9588/9588). So E is no estimate any more: the bar is 99% on the free-text columns, like C and D.
  let s: Score;
  beforeAll(async () => {
    s = await measure(LAYOUTS.map((layout) => ({ seed: 7, layout, heldOut: 'E' as const })));
    print('vocabulary E (tuned in round 5)', s);
  });

  test("the issue's check: every vehicle found, rule columns ≥ 97%, ≥ 97% of all classification cells right", () => {
    expectAccurate(s, 0);
  });

  test('every free-text column ≥ 99% (first score 95.9% at worst, 100% after round 5)', () => {
    expectAccurate(s, 0.99);
  });
});

describe('vocabulary F (a TUNED set since round 6: its misses drove round 6\'s fixes)', () => {
  // Written by an engineer who never read the product's dictionaries nor vocabularies A–E (test/accuracy/
  // vocabularyF.ts), after round 5's fixes were made on E; held out until round 6.
  // First score (2026-11-23): every vehicle found, rule columns 100%, 最近回访结果 97.6% (787/806), 原因类别 93.4%
  // (753/806), 流失去向 99.9% (805/806), 招揽优先级 98.9% (797/806), 建议动作 98.4% (793/806), pooled 99.02%
  // (9577/9672). Misses: spaced pinyin (jia ge tai gui, bao fei le, ren zai waidi), 老丈人开汽修的, 等不起 read as
  // 里程少 (周末), 车借给别人开了 read as 车辆转卖, 一直无人应, 手机是关着的, 对方在服务区外, 保养后故障灯亮了 …
  // Round 6 fixed the dictionaries on its misses by word family (pinyin read on syllable boundaries, in-laws and
  // family in the trade, sharp words / nobody receiving, the car gone along with work away, public transport and
  // weekend-only cars, a trip not worth the drive, 等候/过长 waits, the breakers' yard, a loan is no sale, faults
  // right after the visit, nobody responded / phone off / out of the service area, a 4S shop where the car now is;
  // tests on other phrasings in test/core/aftersales/wordFamilies.round6.test.ts): now 100% in every column, pooled
  // 100.00% (9672/9672). So F is no estimate any more: the bar is 99% on the free-text columns, like C, D and E.
  let s: Score;
  beforeAll(async () => {
    s = await measure(LAYOUTS.map((layout) => ({ seed: 8, layout, heldOut: 'F' as const })));
    print('vocabulary F (tuned in round 6)', s);
  });

  test("the issue's check: every vehicle found, rule columns ≥ 97%, ≥ 97% of all classification cells right", () => {
    expectAccurate(s, 0);
  });

  test('every free-text column ≥ 99% (first score 93.4% at worst, 100% after round 6)', () => {
    expectAccurate(s, 0.99);
  });
});

describe('vocabulary G (written blind after round 6, never used to change the product): the honest estimate', () => {
  // Written by an engineer who read neither the product's dictionaries, nor vocabularies A–F, nor the commit log
  // (test/accuracy/vocabularyG.ts), after the last round of fixes. Its misses are printed for the record only.
  // First score (2026-11-23): every vehicle found, rule columns 100%, 最近回访结果 97.6%, 原因类别 96.5%,
  // 流失去向 99.9%, 招揽优先级 98.5%, 建议动作 98.5%, pooled 99.25% (9814/9888).
  let s: Score;
  beforeAll(async () => {
    s = await measure(LAYOUTS.map((layout) => ({ seed: 9, layout, heldOut: 'G' as const })));
    print('vocabulary G (never used for fixes)', s);
  });

  test("the issue's check: every vehicle found, rule columns ≥ 97%, ≥ 97% of all classification cells right", () => {
    expectAccurate(s, 0);
  });

  test('every free-text column ≥ 95% (first score 96.5% at worst)', () => {
    expectAccurate(s, 0.95);
  });
});
