/**
 * Issues 10.5 and 14.4 on the command line: --as-of is checked as --as-of (form and range), --lang as --lang, a
 * settings file may start with a UTF-8 BOM, every settings problem names where it is, and the date the workbook's
 * title names is used (and said) when no --as-of is given.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';
import { settingsProblems, stripBom } from '../../src/cli/settingsSources';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-asof-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('保有客户').addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const HEADER = ['客户姓名', '联系电话', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程'];
const DATA = [
  ['王五', '13800000000', 'LVVDB11111A000001', '瑞虎8', '2022-06-01', '2026-09-20', 35000],
  ['赵六', '13900000000', 'LVVDB11111A000002', '瑞虎7', '2021-03-01', '2025-10-05', 65000],
];

let plain: string;
beforeAll(async () => {
  plain = await workbook('plain.xlsx', [HEADER, ...DATA]);
});

describe('--as-of', () => {
  it.each([['2026-1-1'], ['2026/10/31'], ['2026-02-30'], ['yesterday']])('%s is a bad --as-of (exit 2, naming --as-of, not analysisDate)', async (value) => {
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'x.xlsx'), '--as-of', value, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--as-of 必须是日期 YYYY-MM-DD(如 2026-10-31),收到:${value}`);
    expect(r.err).not.toContain('analysisDate');
  });

  it.each([['0000-01-01'], ['1989-12-31'], ['2999-01-01']])('%s is outside the accepted range', async (value) => {
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'x.xlsx'), '--as-of', value, '--quiet', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--as-of ${value} is outside the accepted analysis dates 1990-01-01 to`);
    expect(r.err).not.toContain('Setting analysisDate');
  });

  it('a setting widens the range', async () => {
    const settings = path.join(dir, 'range.json');
    fs.writeFileSync(settings, JSON.stringify({ analysisDateRange: { earliest: '1980-01-01' } }));
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'old.xlsx'), '--as-of', '1989-12-31', '--settings', settings, '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('分析日期:1989-12-31(--as-of)');
  });

  it('--lang accepts only zh-CN and en-US', async () => {
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'x.xlsx'), '--lang', 'fr', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang 只能是 zh-CN 或 en-US,收到:fr');
  });
});

describe('settings files', () => {
  it('a file saved with a UTF-8 BOM is read', async () => {
    const settings = path.join(dir, 'bom.json');
    fs.writeFileSync(settings, '\uFEFF' + JSON.stringify({ dealerName: '带BOM的店' }), 'utf8');
    expect(fs.readFileSync(settings)[0]).toBe(0xef);
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'bom.xlsx'), '--as-of', '2026-10-31', '--settings', settings, '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { readWorkbook } = await import('../../src/xlsx/readWorkbook');
    expect((await readWorkbook(path.join(dir, 'bom.xlsx'))).state?.settings).toMatchObject({ dealerName: '带BOM的店' });
  });

  it('a bad field names the --settings file; a bad analysisDate there names the file too', async () => {
    const settings = path.join(dir, 'bad-date.json');
    fs.writeFileSync(settings, JSON.stringify({ analysisDate: '0000-01-01' }));
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'x.xlsx'), '--settings', settings, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--settings 设置文件 ${settings}:设置项 analysisDate 有误:必须在 1990-01-01 到`);
  });

  it('problems are told by source: the file, the workbook; a field --as-of overrides is not one', () => {
    expect(settingsProblems({ targetChurnRate: 3 }, { staleDataDays: -1 }, 's.json', false, 'en-US').sort()).toEqual([
      'In the --settings file s.json: setting staleDataDays is wrong: must be a whole number of 0 or more',
      'In the settings saved in the workbook: setting targetChurnRate is wrong: must be a share between 0 and 1 (e.g. 0.25) (a --settings file can override it)',
    ]);
    expect(settingsProblems({ analysisDate: 'bad' }, {}, 's.json', true, 'en-US')).toEqual([]);
    expect(stripBom('\uFEFF{}')).toBe('{}');
  });
});

describe('the analysis date the workbook names', () => {
  let titled: string;
  beforeAll(async () => {
    titled = await workbook('titled.xlsx', [['XX店保有客户明细表(截至2026年10月)'], [], HEADER, ...DATA]);
  });

  it('is used when no --as-of is given, and the report says so', async () => {
    const out = path.join(dir, 'titled-out.xlsx');
    const r = await runCli(['analyze', titled, '--out', out, '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('分析日期:2026-10-31(未指定 --as-of,采用工作簿中标明的日期:保有客户!A1“XX店保有客户明细表(截至2026年10月)”)');
    const { readWorkbook } = await import('../../src/xlsx/readWorkbook');
    expect((await readWorkbook(out)).state?.lastRun?.at).toBe('2026-10-31');
  });

  it('is printed as a suggestion when --as-of names another date', async () => {
    const r = await runCli(['analyze', titled, '--out', path.join(dir, 't2.xlsx'), '--as-of', '2026-11-15', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('分析日期:2026-11-15(--as-of)');
    expect(r.out).toContain('工作簿中标明的日期:2026-10-31(保有客户!A1“XX店保有客户明细表(截至2026年10月)”);如要按此日期分析,请加 --as-of 2026-10-31');
  });

  it('without any date, today is used, said, and data ending weeks earlier is warned about', async () => {
    const r = await runCli(['analyze', plain, '--out', path.join(dir, 'today.xlsx'), '--quiet', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Analysis date: \d{4}-\d{2}-\d{2} \(today; no --as-of given and the workbook names no date\)/);
    // The data's latest date is 2026-09-20; the warning (in the workbook's language) appears once today is more than
    // 14 days later.
    if (Date.now() > Date.UTC(2026, 9, 5)) expect(r.out).toContain('但数据中最晚的日期是 2026-09-20');
  });
});
