/**
 * Issue 12.2 as the manager reads it: the analysed sample printed by LibreOffice to one PDF, read page by page.
 * - page 2 of 招揽名单 and of 逾期跟踪名单 starts with the table's header row (print titles);
 * - every page's footer names its sheet, the dealer, and the page of that sheet (1, 2 … per sheet);
 * - the 目录 page lists every sheet with what it is for and states the rules in force;
 * - the 逾期跟踪名单 conclusion is printed whole (not cut at the row's edge).
 * LibreOffice is required: the test fails, never skips, without it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { soffice } from '../support/libreOffice';
import { runCli } from './runCli';

jest.setTimeout(240_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-printpdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const SETTINGS = path.join(dir, 'settings.json');
const DEALER = '江城奇瑞4S店';

/** The text of each page of the PDF. */
let pages: string[] = [];
let written: string[] = [];
/** Page index by "sheet/page of sheet", read from each footer. */
const pageOf = new Map<string, number>();
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '600', '--seed', '4', '--as-of', '2026-10-31'])).code).toBe(0);
  fs.writeFileSync(SETTINGS, JSON.stringify({ dealerName: DEALER }));
  const r = await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--settings', SETTINGS, '--quiet']);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
  const input = new ExcelJS.Workbook();
  await input.xlsx.readFile(IN);
  const inputs = new Set(input.worksheets.map((w) => w.name));
  written = wb.worksheets.filter((w) => w.state === 'visible' && !inputs.has(w.name)).map((w) => w.name);
  expect(written[0]).toBe('目录');
  soffice(path.join(dir, 'lo-profile'), ['--convert-to', 'pdf', '--outdir', dir, OUT], 200_000);
  const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'analysed.pdf'), '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  pages = text.split('\f');
  pages.forEach((p, i) => {
    // The footer is the page's last non-empty line: 'sheet   dealer   第 n 页'.
    const lines = p.split('\n').filter((l) => l.trim());
    const m = /^\s*(\S+)\s+(\S+)\s+第\s*(\d+)\s*页\s*$/.exec(lines[lines.length - 1] ?? '');
    if (m && m[2] === DEALER) pageOf.set(`${m[1]}/${m[3]}`, i);
  });
});

describe('the analysed workbook printed to PDF', () => {
  it('every sheet the product wrote prints with a footer naming it and the dealer, from page 1', () => {
    for (const name of written) expect([name, pageOf.has(`${name}/1`)]).toEqual([name, true]);
  });

  it('page 2 of 招揽名单 begins with the header row', () => {
    const p = pageOf.get('招揽名单/2');
    expect(p).toBeDefined();
    const first = pages[p!].split('\n').find((l) => l.trim())!;
    for (const h of ['招揽优先级', '建议动作', '客户姓名', '联系电话']) expect(first).toContain(h);
  });

  it('page 2 of 逾期跟踪名单 begins with the header row', () => {
    const p = pageOf.get('逾期跟踪名单/2');
    expect(p).toBeDefined();
    const first = pages[p!].split('\n').find((l) => l.trim())!;
    for (const h of ['销售顾问', '意向客户', '逾期天数']) expect(first).toContain(h);
  });

  it('the 逾期跟踪名单 conclusion is printed whole', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(OUT);
    const conclusion = wb.getWorksheet('逾期跟踪名单')!.getCell(3, 1).text;
    expect(conclusion.length).toBeGreaterThan(40);
    expect(squash(pages[pageOf.get('逾期跟踪名单/1')!])).toContain(squash(conclusion));
  });

  it('the 目录 page lists the sheets and the rules in force', () => {
    const contents = squash(pages.filter((_, i) => i === pageOf.get('目录/1') || i === pageOf.get('目录/2')).join(''));
    for (const name of written.slice(1)) expect(contents).toContain(squash(name));
    expect(contents).toContain(squash('准流失:6–11 个月'));
    expect(contents).toContain(squash('购车后不满 36 个月且里程低于 100,000 km'));
    expect(contents).toContain('流失率');
  });
});
