/**
 * End to end through the command line: `sample`, then `analyze` into a temp dir, then `analyze` of the output
 * again. Reads the files back with exceljs and checks what a user would see.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { CLASSIFICATION_HEADERS, reportedStatusCounts, runCli } from './runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const OUT2 = path.join(dir, 'analysed-again.xlsx');
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let firstRun: { code: number; out: string; err: string };
let inputHash = '';
// Each file is read once: reading is the slow part of these tests.
const cache = new Map<string, ReturnType<typeof readWorkbook>>();
const read = (f: string) => {
  if (!cache.has(f)) cache.set(f, readWorkbook(f));
  return cache.get(f)!;
};

beforeAll(async () => {
  const sample = await runCli(['sample', '--out', IN, '--vehicles', '200', '--seed', '9', '--as-of', '2026-10-31']);
  expect(sample.code).toBe(0);
  inputHash = hash(IN);
  firstRun = await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31']);
});

test('analyze succeeds, reports both parts, and never modifies the input file', () => {
  expect(firstRun.err).not.toContain('churn-desk:');
  expect(firstRun.code).toBe(0);
  expect(firstRun.out).toMatch(/售后流失分析:已运行/);
  expect(firstRun.out).toMatch(/销售\(意向客户\)分析:已运行/);
  expect(firstRun.out).toMatch(/流失率:\d+\.\d%/);
  expect(hash(IN)).toBe(inputHash);
});

test('the source sheets are unchanged in OUT; the 13 classification columns follow the data; ≥ 7 summary sheets', async () => {
  const before = await read(IN);
  const after = await read(OUT);
  for (const src of before.sheets) {
    const out = after.sheets.find((s) => s.name === src.name)!;
    expect(out).toBeDefined();
    const width = src.grid[0].length;
    expect(out.grid.length).toBe(src.grid.length);
    for (let r = 0; r < src.grid.length; r++) expect(out.grid[r].slice(0, width)).toEqual(src.grid[r]);
  }
  const customers = after.sheets[0];
  const srcWidth = before.sheets[0].grid[0].length;
  const header = customers.grid[2].slice(srcWidth);
  for (const h of CLASSIFICATION_HEADERS) expect(header).toContain(h);
  const summaries = after.workbook.worksheets.filter((w) => !before.sheets.some((s) => s.name === w.name) && w.name !== STATE_SHEET_NAME);
  expect(summaries.length).toBeGreaterThanOrEqual(7);
  expect(after.workbook.getWorksheet(STATE_SHEET_NAME)!.state).toBe('veryHidden');
  expect(after.state?.ownedColumns[customers.name]?.startColumn).toBe(srcWidth);
});

test('statuses in the sheet are counted as the report says (each vehicle once)', async () => {
  const reported = reportedStatusCounts(firstRun.out);
  expect(Object.keys(reported)).toEqual(expect.arrayContaining(['活跃', '准流失', '流失', '彻底流失']));
  const { sheets } = await read(OUT);
  const grid = sheets[0].grid;
  const header = grid[2] as string[];
  const statusCol = header.indexOf('流失状态');
  const duplicateCol = header.indexOf('重复记录');
  const counted: Record<string, number> = {};
  for (let r = 3; r < grid.length; r++) {
    const status = grid[r][statusCol];
    if (typeof status !== 'string' || status === '' || grid[r][duplicateCol] !== '') continue;
    counted[status] = (counted[status] ?? 0) + 1;
  }
  expect(counted).toEqual(reported);
  const total = Object.values(reported).reduce((a, b) => a + b, 0);
  expect(total).toBe(200);
});

test('analysing OUT again gives the same sheets and the same columns (idempotent refresh)', async () => {
  const again = await runCli(['analyze', OUT, '--out', OUT2, '--as-of', '2026-10-31', '--quiet']);
  expect(again.code).toBe(0);
  expect(reportedStatusCounts(again.out)).toEqual(reportedStatusCounts(firstRun.out));
  const a = await read(OUT);
  const b = await read(OUT2);
  const shape = (wb: typeof a.workbook) => wb.worksheets.map((w) => `${w.name}:${w.actualColumnCount}`);
  expect(shape(b.workbook)).toEqual(shape(a.workbook));
  expect(b.workbook.worksheets.some((w) => / \(\d+\)$/.test(w.name))).toBe(false);
  expect(b.sheets[0].grid[2]).toEqual(a.sheets[0].grid[2]);
  // Every cell of every sheet is the same, the failed-follow-up comparison included (it compares with the previous
  // calendar month, not with the first run), and so is the stored state.
  for (const sheet of a.sheets) {
    expect({ sheet: sheet.name, grid: b.sheets.find((s) => s.name === sheet.name)!.grid }).toEqual({ sheet: sheet.name, grid: sheet.grid });
  }
  expect(b.state).toEqual(a.state);
});
