/**
 * Never silent: when a field the figures depend on is missing or unsure, `churn-desk analyze` prints the mapping it
 * used, writes nothing and exits 1 naming the field and the candidate columns; --map, the settings file's
 * "mappings" and --accept-missing resolve it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-map-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A base whose only visit column has a header nobody could read, and no purchase date to order it against. */
const rows: unknown[][] = [['车主称呼', '车架号', '号牌', '栏位X', '表显公里', '地区']];
for (let i = 0; i < 12; i++) {
  rows.push([`客户${i}`, `LSVAB12345678${String(9000 + i)}`, `陕A${10000 + i}`, 45000 + i * 37, 30000 + i * 1000, '西安']);
}
const PURCHASE_ONLY: unknown[][] = [['车主称呼', '车架号', '购车日期', '地区', '表显公里']];
for (let i = 0; i < 12; i++) PURCHASE_ONLY.push([`客户${i}`, `LSVAB12345678${String(9000 + i)}`, 43000 + i * 50, '西安', 20000]);

test('a last visit that cannot be placed: exit 1, nothing written, the field and the candidates named, the mapping printed', async () => {
  const file = await workbook('unsure.xlsx', { 保有客户: rows });
  const out = path.join(dir, 'unsure-out.xlsx');
  const r = await runCli(['analyze', file, '--out', out, '--as-of', '2026-10-31', '--quiet']);
  expect(r.code).toBe(1);
  expect(fs.existsSync(out)).toBe(false);
  expect(r.out).toContain('列映射');
  expect(r.out).toContain('保有客户:识别为保有客户');
  expect(r.err).toContain('最后进站日期');
  expect(r.err).toContain('栏位X');
  expect(r.err).toContain('--accept-missing');
});

test('--map SHEET:COLUMN=field places it; the report shows the user mapping', async () => {
  const file = await workbook('map.xlsx', { 保有客户: rows });
  const out = path.join(dir, 'map-out.xlsx');
  const r = await runCli(['analyze', file, '--out', out, '--as-of', '2026-10-31', '--quiet', '--map', '保有客户:栏位X=lastVisitDate', '--accept-missing', 'purchaseDate']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(fs.existsSync(out)).toBe(true);
  expect(r.out).toMatch(/最后进站日期 ← “栏位X”\(D\)(.*)用户指定/);
});

test('a column letter works too, and the settings file can carry the mapping and the accepted gaps', async () => {
  const file = await workbook('settings.xlsx', { 保有客户: rows });
  const settings = path.join(dir, 'map.json');
  fs.writeFileSync(settings, JSON.stringify({ mappings: { 保有客户: { lastVisitDate: 'D' } }, acceptMissing: ['purchaseDate'] }));
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'settings-out.xlsx'), '--as-of', '2026-10-31', '--quiet', '--settings', settings]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
});

test('--accept-missing FIELD goes on without it, and the report says so', async () => {
  const file = await workbook('accept.xlsx', { 保有客户: PURCHASE_ONLY });
  const refused = await runCli(['analyze', file, '--out', path.join(dir, 'a0.xlsx'), '--as-of', '2026-10-31', '--quiet']);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('找不到“最后进站日期”列');
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'a1.xlsx'), '--as-of', '2026-10-31', '--quiet', '--accept-missing', 'lastVisitDate']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('已接受缺少:最后进站日期');
  // Absent optional columns are listed once with what they change.
  expect(r.out).toContain('没有车型列');
});

test('in English with --lang en-US', async () => {
  const file = await workbook('en.xlsx', { 保有客户: PURCHASE_ONLY });
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'en-out.xlsx'), '--as-of', '2026-10-31', '--quiet', '--lang', 'en-US']);
  expect(r.code).toBe(1);
  expect(r.err).toContain('no column for "Last service visit" found');
  expect(r.out).toContain('Column mapping:');
});

test('a malformed --map or an unknown field is a usage error', async () => {
  const file = await workbook('bad.xlsx', { 保有客户: rows });
  expect((await runCli(['analyze', file, '--out', path.join(dir, 'b.xlsx'), '--map', 'nocolon'])).code).toBe(2);
  expect((await runCli(['analyze', file, '--out', path.join(dir, 'b.xlsx'), '--map', '保有客户:栏位X=lastVisit'])).code).toBe(2);
  expect((await runCli(['analyze', file, '--out', path.join(dir, 'b.xlsx'), '--accept-missing', 'nosuchfield'])).code).toBe(2);
});
