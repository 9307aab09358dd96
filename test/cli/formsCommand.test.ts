import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateFormsWorkbook } from '../../src/cli/formsCommand';
import { UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { FORM_CATALOGUE } from '../../src/core/forms';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-forms-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function visibleSheets(file: string): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.filter((w) => w.name !== STATE_SHEET_NAME && w.state === 'visible');
}

describe('churn-desk forms', () => {
  it('writes all 58 forms, titled and print-ready, when --only is absent', async () => {
    const out = path.join(dir, 'all.xlsx');
    const res = await generateFormsWorkbook(['--out', out, '--as-of', '2026-10-31']);
    expect(res.sheets).toHaveLength(58);
    const sheets = await visibleSheets(out);
    expect(sheets).toHaveLength(58);
    expect(sheets.map((w) => w.getCell('A1').value)).toEqual(FORM_CATALOGUE.map((e) => e.title));
    for (const ws of sheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
    const f01 = sheets[0];
    expect(f01.name).toBe('展厅来电-店登记表');
    expect(f01.pageSetup.orientation).toBe('landscape');
    expect(f01.pageSetup.printTitlesRow).toBe('1:4');
    // 展厅客流量统计表: the totals row and rate formulas are real formulas.
    const f02 = sheets[1];
    const formulas: string[] = [];
    f02.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)));
    expect(formulas).toContain('IFERROR(T6/U6,"")');
  });

  it('writes only the forms named by --only, by seed number or id', async () => {
    const out = path.join(dir, 'some.xlsx');
    const res = await generateFormsWorkbook(['--out', out, '--only', '1,2,51-2,AS3']);
    expect(res.sheets).toEqual(['展厅来电-店登记表', '展厅客流量统计表', '整改问题闭环管理表', '流失客户招揽信息汇总及分析表']);
    expect((await visibleSheets(out)).map((w) => w.name)).toEqual(res.sheets);
  });

  it.each([
    [['--out', 'x.xlsx', '--only', '1,99'], 'forms.error.unknownIds'],
    [['--only', '1'], 'cli.error.missingOut'],
    [['--out', 'x.xlsx', '--as-of', '2026-02-30'], 'cli.error.badAsOf'],
    [['--out', 'x.xlsx', '--bogus'], 'cli.error.unknownOption'],
    [['--out', 'x.xlsx', '--period', '2026-13'], 'forms.error.badPeriod'],
    [['--out', 'x.xlsx', '--period', 'October'], 'forms.error.badPeriod'],
    [['--out', 'x.xlsx', '--period'], 'cli.error.optionValue'],
  ])('rejects %j with %s', async (argv, key) => {
    await expect(generateFormsWorkbook(argv)).rejects.toMatchObject({ key });
    await expect(generateFormsWorkbook(argv)).rejects.toBeInstanceOf(UsageError);
  });

  it.each([
    ['zh-CN', '2026-13', '--period 的值“2026-13”无效:应为 all(全部数据)或月份 YYYY-MM,如 2026-10'],
    ['en-US', '2026/10', 'Invalid --period value "2026/10": use all (every row) or a month YYYY-MM, e.g. 2026-10'],
  ] as const)('explains a bad --period in %s, naming the value, with exit code 2', async (lang, value, message) => {
    let out = '';
    let err = '';
    const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    try {
      expect(await main(['forms', '--out', path.join(dir, 'bad.xlsx'), '--period', value, '--lang', lang])).toBe(2);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    expect(out + err).toContain(message);
    expect(out + err).toContain('--period all|YYYY-MM');
    expect(fs.existsSync(path.join(dir, 'bad.xlsx'))).toBe(false);
  });

  it.each(['all', 'ALL', '2026-10'])('accepts --period %s', async (period) => {
    const out = path.join(dir, `period-${period}.xlsx`);
    const res = await generateFormsWorkbook(['--out', out, '--only', '1', '--period', period, '--as-of', '2026-10-31']);
    expect(res.sheets).toEqual(['展厅来电-店登记表']);
  });
});
