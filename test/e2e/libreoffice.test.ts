/**
 * The analysed workbook opened by another spreadsheet program: LibreOffice converts it to PDF (it must print,
 * with pages) and to CSV (the summary sheets must show computed numbers, including formulas exceljs wrote without
 * a cached result). LibreOffice is a required tool here: if soffice is missing the test FAILS, never skips.
 * With CHURN_DESK_DOCS=1 the first page of the overview is saved as docs/screenshots/summary-overview.png.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCsv } from '../support/libreOffice';
import { reportedStatusCounts, runCli } from './runCli';

const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const profile = `file://${path.join(dir, 'lo-profile')}`;
let report = '';

function soffice(args: string[]): void {
  if (!fs.existsSync(SOFFICE)) {
    throw new Error(`LibreOffice not found at ${SOFFICE}: install it (apt-get install libreoffice-calc) or set SOFFICE. This test does not skip.`);
  }
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', ...args], { timeout: 120000, stdio: 'pipe' });
}

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '100', '--seed', '4', '--as-of', '2026-10-31'])).code).toBe(0);
  const r = await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--quiet']);
  expect(r.code).toBe(0);
  report = r.out;
});

test('LibreOffice prints the analysed workbook to a PDF with pages', () => {
  soffice(['--convert-to', 'pdf', '--outdir', dir, OUT]);
  const pdf = path.join(dir, 'analysed.pdf');
  expect(fs.existsSync(pdf)).toBe(true);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(5);
  // Find the overview's page: the text of each page is separated by a form feed.
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const page = text.split('\f').findIndex((p) => p.includes('流失概览') && p.includes('活跃'));
  expect(page).toBeGreaterThanOrEqual(0);
  const png = path.join(dir, 'overview');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page + 1), '-l', String(page + 1), '-singlefile', pdf, png]);
  expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(5000);
  if (process.env.CHURN_DESK_DOCS === '1') {
    const docs = path.join(__dirname, '..', '..', 'docs', 'screenshots');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(`${png}.png`, path.join(docs, 'summary-overview.png'));
  }
});

test('LibreOffice shows computed numbers on the summary sheets (CSV export of every sheet)', () => {
  // Filter options: comma, quote, UTF-8, from line 1, …, token 12 = -1: every sheet to its own file.
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, OUT]);
  const csv = (sheet: string) => parseCsv(fs.readFileSync(path.join(dir, `analysed-${sheet}.csv`), 'utf8'));

  // The overview's status table holds the counts the report printed.
  const overview = csv('流失概览');
  const reported = reportedStatusCounts(report);
  for (const [status, count] of Object.entries(reported)) {
    const row = overview.find((r) => r[0] === status);
    expect(row).toBeDefined();
    expect(Number(row![1])).toBe(count);
  }
  // The totals row (a SUBTOTAL formula over the table) sums them.
  const total = overview.find((r) => r[0] === '合计');
  expect(Number(total?.[1])).toBe(Object.values(reported).reduce((a, b) => a + b, 0));

  // Row formulas written without a cached value are computed by LibreOffice: 留资率 = 留有客户资料数 / 来访客户批数合计.
  const traffic = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => parseCsv(fs.readFileSync(path.join(dir, f), 'utf8')));
  let checked = 0;
  for (const rows of traffic) {
    const h = rows.findIndex((r) => r.includes('留资率') && r.includes('留有客户资料数') && r.includes('来访客户批数合计'));
    if (h < 0) continue;
    const [rate, leads, batches] = ['留资率', '留有客户资料数', '来访客户批数合计'].map((name) => rows[h].indexOf(name));
    for (let r = h + 1; r < rows.length && rows[r][0] !== '' && /^\d/.test(rows[r][batches] ?? ''); r++) {
      const expected = Number(rows[r][leads]) / Number(rows[r][batches]);
      expect(parseFloat(rows[r][rate]) / 100).toBeCloseTo(expected, 6);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});
