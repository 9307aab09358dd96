/** `churn-desk analyze` on unusable input: non-zero exit and a message that says what to fix. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-err-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const CUSTOMERS = [
  ['客户姓名', '联系电话', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程'],
  ['王五', '13800000000', 'LVVDB11111A000001', '瑞虎8', 44000, 46000, 35000],
  ['赵六', '13900000000', 'LVVDB11111A000002', '瑞虎7', 43000, 45000, 65000],
];

test('a workbook with nothing to analyse: exit 1 and what is needed', async () => {
  const file = await workbook('none.xlsx', { 备忘: [['今天开会'], ['明天培训']] });
  const out = path.join(dir, 'none-out.xlsx');
  const r = await runCli(['analyze', file, '--out', out]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/churn-desk: .+/);
  expect(r.err).not.toContain('aftersales.error');
  expect(fs.existsSync(out)).toBe(false);
});

test('a customer sheet without its dates: exit 1 naming the sheet and the missing columns', async () => {
  const file = await workbook('nodates.xlsx', { 保有客户: CUSTOMERS.map((r) => [r[0], r[1], r[2], r[3], r[6]]) });
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'nd.xlsx')]);
  expect(r.code).toBe(1);
  expect(r.err).toContain('保有客户');
  expect(r.err).toMatch(/购车日期|最后进站日期|purchaseDate/);
});

test('a bad settings file names the field', async () => {
  const file = await workbook('ok.xlsx', { 保有客户: CUSTOMERS });
  const settings = path.join(dir, 'settings.json');
  fs.writeFileSync(settings, JSON.stringify({ thresholds: { atRiskMonths: -1 }, targetChurnRate: 3 }));
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'x.xlsx'), '--settings', settings]);
  expect(r.code).toBe(1);
  expect(r.err).toContain('设置项 thresholds.atRiskMonths 有误:必须是正整数');
  expect(r.err).toContain('设置项 targetChurnRate 有误');
});

test('a settings file that is not JSON: exit 1 naming the file', async () => {
  const file = await workbook('ok2.xlsx', { 保有客户: CUSTOMERS });
  const settings = path.join(dir, 'broken.json');
  fs.writeFileSync(settings, '{ thresholds: ');
  const r = await runCli(['analyze', file, '--out', path.join(dir, 'y.xlsx'), '--settings', settings]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`无法读取设置文件 ${settings}`);
});

test('a small valid workbook analyses, and settings from the file are stored in OUT', async () => {
  const file = await workbook('small.xlsx', { 保有客户: CUSTOMERS });
  const settings = path.join(dir, 'good.json');
  fs.writeFileSync(settings, JSON.stringify({ dealerName: '测试店', targetChurnRate: 0.2 }));
  const out = path.join(dir, 'small-out.xlsx');
  const r = await runCli(['analyze', file, '--out', out, '--as-of', '2026-10-31', '--settings', settings, '--quiet']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('车辆数:2');
  const { readWorkbook } = await import('../../src/xlsx/readWorkbook');
  const { state } = await readWorkbook(out);
  expect(state?.settings).toMatchObject({ dealerName: '测试店', targetChurnRate: 0.2, analysisDate: '2026-10-31' });
});
