/**
 * `churn-desk share`: a separate workbook in which no customer's name, phone, VIN or plate from the input is left,
 * in any sheet or any part of the file (every XML part of the zip is scanned, so the shared-string table, notes and
 * hidden sheets are covered); the input is unchanged byte for byte; OUT may not be IN under another name.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readZipEntries } from '../../src/xlsx/zip';
import { runCli } from '../e2e/runCli';
import { packagePivots } from '../support/packagePivots';
import { soffice } from '../support/libreOffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-share-'));
const sample = path.join(dir, 'sample.xlsx');
const analysed = path.join(dir, 'analysed.xlsx');
const safe = path.join(dir, 'safe.xlsx');

/** Every name, phone, VIN and plate of the input, read from its customer columns by header. */
async function secretsOf(file: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const secrets = new Set<string>();
  wb.eachSheet((ws) => {
    let personal: Map<number, string> | null = null;
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).map((v) => (v instanceof Date ? '' : String(v ?? '')));
      if (!personal) {
        const cols = new Map<number, string>();
        values.forEach((h, c) => {
          if (/车主|姓名|^客户$/.test(h)) cols.set(c, 'name');
          else if (/电话|手机/.test(h)) cols.set(c, 'phone');
          else if (/VIN|车架/.test(h)) cols.set(c, 'vin');
          else if (/车牌/.test(h)) cols.set(c, 'plate');
        });
        if (cols.size >= 2) personal = cols;
        return;
      }
      for (const [c, kind] of personal) {
        const v = (values[c] ?? "").replace(/[\s-]/g, '');
        if (kind === 'name' ? [...v].length >= 2 && !/合计|总计/.test(v) : v.length >= 7) secrets.add(v);
      }
    });
  });
  return secrets;
}

beforeAll(async () => {
  expect((await runCli(['sample', '--out', sample, '--vehicles', '300', '--seed', '5'])).code).toBe(0);
  expect((await runCli(['analyze', sample, '--out', analysed, '--as-of', '2026-10-31'])).code).toBe(0);
}, 180_000);

test('the share-safe copy holds no name, phone, VIN or plate of the input in any part of the file', async () => {
  const before = fs.readFileSync(analysed);
  const run = await runCli(['share', analysed, '--out', safe]);
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/已写入分享版/);
  expect(fs.readFileSync(analysed).equals(before)).toBe(true);

  const secrets = await secretsOf(sample);
  expect(secrets.size).toBeGreaterThan(900);
  const parts = readZipEntries(fs.readFileSync(safe));
  let scanned = 0;
  const leaks: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/\.xml$|\.rels$/.test(name)) continue;
    // Text as a reader sees it: entities decoded, separators a phone may be written with removed.
    const text = bytes.toString('utf8').replace(/&amp;/g, '&').replace(/[\s-]/g, '');
    scanned += text.length;
    for (const s of secrets) if (text.includes(s)) leaks.push(`${name}: ${s}`);
  }
  expect(scanned).toBeGreaterThan(100_000);
  expect(leaks).toEqual([]);
}, 180_000);

test('summaries read the same in the copy', async () => {
  const read = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb;
  };
  const [a, b] = [await read(analysed), await read(safe)];
  for (const name of ['流失概览', '地区分析', '车龄分析']) {
    const wa = a.getWorksheet(name)!;
    const wb = b.getWorksheet(name)!;
    expect(wb).toBeDefined();
    wa.eachRow((row, r) => row.eachCell((cell, c) => expect([name, r, c, wb.getCell(r, c).value]).toEqual([name, r, c, cell.value])));
  }
  // The list of customers to call is masked.
  const list = b.getWorksheet('招揽名单')!;
  // The first data row (below the header row, wherever the conclusion lines put it).
  let header = 1;
  while (header < 30 && !(list.getRow(header).values as unknown[]).includes('客户姓名')) header++;
  const masked = (list.getRow(header + 1).values as unknown[]).filter((v) => typeof v === 'string' && v.includes('*'));
  expect(masked.length).toBeGreaterThanOrEqual(2);
}, 180_000);

test('the copy keeps the charts and PivotTables of the analysed workbook, on the same sheets, and LibreOffice reads them', async () => {
  const partsOf = (f: string) => {
    const entries = readZipEntries(fs.readFileSync(f));
    const titles = [...entries].filter(([n]) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map(([, b]) => [...b.toString('utf8').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')).sort();
    return { titles, pivots: packagePivots(f).map((p) => [p.name, p.sheet, p.location, p.source.sheet]).sort() };
  };
  const ours = partsOf(analysed);
  expect(ours.titles.length).toBeGreaterThanOrEqual(5);
  expect(ours.pivots.length).toBeGreaterThanOrEqual(3);
  expect(partsOf(safe)).toEqual(ours);
  // LibreOffice opens the copy and builds the same pivots from the masked source (region, status and age are no
  // personal data: the figures are the analysed workbook's).
  const back = path.join(dir, 'lo');
  soffice(path.join(dir, 'lo-profile'), ['--convert-to', 'xlsx', '--outdir', back, safe]);
  expect(packagePivots(path.join(back, 'safe.xlsx')).map((p) => [p.name, p.sheet, p.location, p.source.sheet]).sort()).toEqual(ours.pivots);
}, 300_000);

test('OUT resolving to IN (symbolic link, hard link) or a folder is refused and IN is unchanged', async () => {
  const before = fs.readFileSync(analysed);
  const sym = path.join(dir, 'sym.xlsx');
  const hard = path.join(dir, 'hard.xlsx');
  fs.symlinkSync(analysed, sym);
  fs.linkSync(analysed, hard);
  for (const out of [sym, hard, analysed]) {
    const run = await runCli(['share', analysed, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/输出文件不能与输入文件相同/);
  }
  const run = await runCli(['share', analysed, '--out', dir]);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/文件夹/);
  expect(fs.readFileSync(analysed).equals(before)).toBe(true);
}, 60_000);
