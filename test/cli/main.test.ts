import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { parseArgs, UsageError } from '../../src/cli/args';
import { readWorkbook } from '../../src/xlsx/readWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs main() capturing stdout / stderr. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('churn-desk main', () => {
  test.each([
    [['--help'], 0, 'churn-desk analyze'],
    [[], 2, 'churn-desk sample'],
    [['frobnicate'], 2, '未知命令:frobnicate'],
    [['sample'], 2, '缺少 --out'],
    [['sample', '--out', 'x.xlsx', '--vehicles', 'many'], 2, '--vehicles 必须是正整数'],
    [['sample', '--out', 'x.xlsx', '--colour', 'red'], 2, '未知选项:--colour'],
    [['analyze', '--out', 'o.xlsx'], 2, '缺少输入文件'],
    [['analyze', 'a.xlsx', '--out', 'a.xlsx'], 2, '输出文件不能与输入文件相同'],
    [['analyze', 'a.xlsx', '--out', 'b.xlsx', '--as-of', '2026-02-30'], 2, '--as-of 必须是日期'],
    [['--help', '--lang', 'en-US'], 0, 'Usage:'],
  ])('%j exits %i with a message', async (argv, code, text) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toContain(text);
  });

  test('a file that is not a workbook: exit 1 and what to do', async () => {
    const bad = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(bad, 'hello');
    const r = await run(['analyze', bad, '--out', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('它不是 .xlsx 工作簿。请在 Excel 中另存为 .xlsx');
    expect(fs.existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
  });

  test('sample writes a workbook whose dates are real dates and whose title row is merged', async () => {
    const file = path.join(dir, 'sample.xlsx');
    const r = await run(['sample', '--out', file, '--vehicles', '150', '--seed', '3', '--as-of', '2026-10-31']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('车辆 150 台');
    const { sheets, workbook } = await readWorkbook(file);
    expect(sheets).toHaveLength(4);
    const customers = sheets[0];
    expect(String(customers.grid[0][0])).toContain('截至2026年10月');
    expect(customers.grid[0][1]).toBe('');
    expect(workbook.worksheets[0].getCell('B1').isMerged).toBe(true);
    // Purchase dates that were written as real dates read back as serial numbers in a plausible range.
    const header = customers.grid[2] as string[];
    const purchaseCol = header.findIndex((h) => ['购车日期', '开票日期', '销售日期'].includes(h));
    const serials = customers.grid.slice(3).map((r) => r[purchaseCol]).filter((v): v is number => typeof v === 'number');
    expect(serials.length).toBeGreaterThan(50);
    for (const s of serials) expect(s > 40000 && s <= 46326).toBe(true);
  });
});

describe('parseArgs', () => {
  test('positionals, options with = or space, flags', () => {
    const a = parseArgs(['in.xlsx', '--out=o.xlsx', '--as-of', '2026-10-31', '--quiet'], ['out', 'as-of'], ['quiet']);
    expect(a.positionals).toEqual(['in.xlsx']);
    expect(a.options).toEqual({ out: 'o.xlsx', 'as-of': '2026-10-31' });
    expect([...a.flags]).toEqual(['quiet']);
  });
  test('a missing value is a usage error', () => {
    expect(() => parseArgs(['--out'], ['out'], [])).toThrow(UsageError);
    expect(() => parseArgs(['--out', '--quiet'], ['out'], ['quiet'])).toThrow(UsageError);
  });
});
