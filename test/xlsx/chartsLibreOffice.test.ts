/**
 * The file's charts in another program: LibreOffice opens the analysed workbook (headless), saves it again as
 * .xlsx and prints it to PDF. The charts LibreOffice writes back are ours, series for series (it read every
 * chart part, reference and axis), and the printed summary pages carry the chart titles (drawn charts).
 * LibreOffice is a required tool here: if soffice is missing the test FAILS, never skips.
 * CHURN_DESK_CHART_PNG=DIR keeps a PNG of each page with a chart in DIR, to look at.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeEntries } from '../../src/xlsx/writePackage';
import { readZipEntries } from '../../src/xlsx/zip';
import { soffice } from '../support/libreOffice';
import { runCli } from '../e2e/runCli';
import { expectChartsAsPromised, parseRef, PROMISED, readPackageCharts, seriesByAxis } from './chartsSupport';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-charts-lo-'));
afterAll(() => {
  if (process.env.CHURN_DESK_CHART_PNG) fs.cpSync(dir, path.join(process.env.CHURN_DESK_CHART_PNG, 'run'), { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
});
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const profile = path.join(dir, 'lo-profile');

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '150', '--seed', '4', '--as-of', '2026-10-31'])).code).toBe(0);
  expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
}, 120000);

test('LibreOffice reads every chart and writes it back with the same series, by name and axis', async () => {
  const back = path.join(dir, 'lo');
  fs.mkdirSync(back);
  soffice(profile, ['--convert-to', 'xlsx', '--outdir', back, OUT]);
  const file = path.join(back, 'analysed.xlsx');
  const ours = readPackageCharts(fs.readFileSync(OUT));
  const theirs = readPackageCharts(fs.readFileSync(file));
  const summary = (m: typeof ours) =>
    [...m].map(([sheet, charts]) => [sheet, charts.map((c) => ({ title: c.title, ...seriesByAxis(c), refs: c.groups.flatMap((g) => g.series.map((s) => [parseRef(s.catRef), parseRef(s.valRef)])) }))]).filter(([, cs]) => cs.length);
  expect(summary(theirs)).toEqual(summary(ours));
  // And against the cells LibreOffice saved: each series' header is its name, its categories the promised column.
  const titles = await expectChartsAsPromised(file, { cachedValues: false });
  expect([...titles].sort()).toEqual(Object.keys(PROMISED).sort());
}, 300000);

test('the printed summaries draw the charts: each chart title is printed once more than in the same file without charts', async () => {
  // The same package with the sheets' <drawing> elements taken out: what the cells alone print.
  const bare = path.join(dir, 'bare', 'analysed.xlsx');
  fs.mkdirSync(path.dirname(bare));
  const entries = readZipEntries(fs.readFileSync(OUT));
  for (const [p, b] of entries) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(p)) entries.set(p, Buffer.from(b.toString('utf8').replace(/<drawing r:id="[^"]*"\/>/, ''), 'utf8'));
  await writeEntries(entries, bare);
  const text = (file: string) => {
    soffice(profile, ['--convert-to', 'pdf', '--outdir', path.dirname(file), file]);
    return execFileSync('pdftotext', ['-layout', file.replace(/\.xlsx$/, '.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  };
  const pages = text(OUT);
  const barePages = text(bare);
  const pdf = path.join(dir, 'analysed.pdf');
  const count = (t: string, title: string) => t.split(title).length - 1;
  const keep = process.env.CHURN_DESK_CHART_PNG;
  for (const title of Object.keys(PROMISED)) {
    // A sheet title may contain a chart title (意向客户漏斗分析): the drawn chart's title is the extra one.
    const printed = pages.reduce((n, p) => n + count(p, title), 0);
    const cellsOnly = barePages.reduce((n, p) => n + count(p, title), 0);
    expect([title, printed]).toEqual([title, cellsOnly + 1]);
    const page = Math.max(0, pages.findIndex((p, i) => count(p, title) > count(barePages[i] ?? '', title)));
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page + 1), '-l', String(page + 1), '-singlefile', pdf, path.join(keep, `page-${page + 1}`)]);
    }
  }
}, 300000);
