/**
 * Issue 14.2: every file either file engine writes opens in Excel without a repair prompt. Each case writes a file
 * through the command line and checks the package XML against Excel's rules (test/support/excelRules.ts): the
 * sample and its refresh, a 40,000-character dealer name, 32,767-character input cells, a summary sheet the user
 * renamed, a user's table named like the product's, a damaged state. An input cell longer than Excel allows is
 * refused, naming the cell, and no file is written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';
import { excelRuleProblems } from '../support/excelRules';
import { readZipEntries } from '../../src/xlsx/zip';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2026-10-31';

async function analyse(input: string, out: string, engine: 'memory' | 'stream', extra: string[] = []) {
  const before = process.env.CHURN_DESK_FILE_ENGINE;
  process.env.CHURN_DESK_FILE_ENGINE = engine;
  try {
    return await runCli(['analyze', input, '--out', out, '--as-of', AS_OF, '--quiet', ...extra]);
  } finally {
    if (before === undefined) delete process.env.CHURN_DESK_FILE_ENGINE;
    else process.env.CHURN_DESK_FILE_ENGINE = before;
  }
}

/** The table names of a package, as written. */
function tableNames(file: string): string[] {
  const out: string[] = [];
  for (const [p, data] of readZipEntries(fs.readFileSync(file))) {
    if (/^xl\/tables\/[^/]+\.xml$/.test(p)) out.push(/displayName="([^"]*)"/.exec(data.toString('utf8'))![1]);
  }
  return out;
}

async function edit(from: string, to: string, f: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  await f(wb);
  await wb.xlsx.writeFile(to);
  return to;
}

let sample: string;
beforeAll(async () => {
  sample = path.join(dir, 'sample.xlsx');
  expect((await runCli(['sample', '--out', sample, '--vehicles', '60', '--seed', '3', '--as-of', AS_OF])).code).toBe(0);
});

describe('the checker can fail', () => {
  it('finds the problems of a package made wrong on purpose', async () => {
    const bad = await edit(sample, path.join(dir, 'bad.xlsx'), (wb) => {
      const ws = wb.worksheets[0];
      ws.getCell('A1').value = 'x'.repeat(40000);
      ws.addTable({ name: 'Dup', ref: 'AA1', columns: [{ name: 'a' }, { name: 'A' }], rows: [[1, 2]] });
      wb.addWorksheet('Other').addTable({ name: 'dup', ref: 'A1', columns: [{ name: 'b' }], rows: [[1]] });
      (ws as unknown as { dataValidations: { add(r: string, v: unknown): void } }).dataValidations.add('B2:B3', { type: 'list', formulae: [`"${'a,'.repeat(200)}a"`] });
      ws.getCell('C2').numFmt = '0'.repeat(300);
    });
    const problems = excelRuleProblems(fs.readFileSync(bad)).join('\n');
    expect(problems).toMatch(/40000 characters/);
    expect(problems).toMatch(/"dup" used twice/);
    expect(problems).toMatch(/two columns alike/);
    expect(problems).toMatch(/validation list of 401 characters/);
    expect(problems).toMatch(/number format of 300 characters/);
  });
});

describe.each(['memory', 'stream'] as const)('every written file keeps Excel\'s rules (%s engine)', (engine) => {
  const out = (name: string) => path.join(dir, `${engine}-${name}.xlsx`);
  const clean = (file: string) => expect(excelRuleProblems(fs.readFileSync(file))).toEqual([]);

  it('the sample, analysed and refreshed twice', async () => {
    expect((await analyse(sample, out('a'), engine)).code).toBe(0);
    clean(out('a'));
    expect(tableNames(out('a')).length).toBeGreaterThan(5);
    expect((await analyse(out('a'), out('b'), engine)).code).toBe(0);
    clean(out('b'));
    // An unedited workbook keeps its table names on a refresh.
    expect(tableNames(out('b')).sort()).toEqual(tableNames(out('a')).sort());
  });

  it('a 40,000-character dealer name', async () => {
    const settings = path.join(dir, `${engine}-long.json`);
    fs.writeFileSync(settings, JSON.stringify({ dealerName: '长'.repeat(40000) }));
    const r = await analyse(sample, out('long'), engine, ['--settings', settings]);
    expect(r.code).toBe(0);
    clean(out('long'));
    expect(r.out).toContain('已截断');
  });

  it('32,767-character input cells (a title and a customer name)', async () => {
    const input = await edit(sample, path.join(dir, `in-${engine}-cells.xlsx`), async (wb) => {
      const ws = wb.worksheets[0];
      ws.getCell(1, 1).value = '店'.repeat(32767);
      ws.getCell(ws.rowCount, 1).value = '王'.repeat(32767);
    });
    const r = await analyse(input, out('cells'), engine);
    expect(r.code).toBe(0);
    clean(out('cells'));
  });

  it('an input cell over 32,767 characters is refused, naming it, and nothing is written', async () => {
    const input = await edit(sample, path.join(dir, `in-${engine}-over.xlsx`), (wb) => {
      wb.worksheets[0].getCell('B7').value = '超'.repeat(40000);
    });
    const r = await analyse(input, out('over'), engine);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('B7');
    expect(r.err).toContain('32767');
    expect(fs.existsSync(out('over'))).toBe(false);
  });

  it('a summary sheet the user renamed, then refreshed', async () => {
    expect((await analyse(sample, out('r0'), engine)).code).toBe(0);
    const { state } = await readWorkbook(out('r0'));
    const summary = Object.values(state!.ownedSheets)[0];
    const renamed = await edit(out('r0'), path.join(dir, `${engine}-renamed-in.xlsx`), (wb) => {
      wb.getWorksheet(summary)!.name = '我改的名字';
    });
    expect((await analyse(renamed, out('r1'), engine)).code).toBe(0);
    clean(out('r1'));
    expect((await analyse(out('r1'), out('r2'), engine)).code).toBe(0);
    clean(out('r2'));
  });

  it('a user table named like the product\'s (another case)', async () => {
    expect((await analyse(sample, out('t0'), engine)).code).toBe(0);
    const productTable = tableNames(out('t0'))[0];
    const input = await edit(sample, path.join(dir, `${engine}-usertable.xlsx`), (wb) => {
      wb.addWorksheet('我的统计').addTable({ name: productTable.toLowerCase(), ref: 'A1', columns: [{ name: '项目' }, { name: '数量' }], rows: [['a', 1]] });
    });
    expect((await analyse(input, out('t1'), engine)).code).toBe(0);
    clean(out('t1'));
    expect((await analyse(out('t1'), out('t2'), engine)).code).toBe(0);
    clean(out('t2'));
  });

  it('a damaged state (the old summaries stay, the new ones must not collide with them)', async () => {
    expect((await analyse(sample, out('d0'), engine)).code).toBe(0);
    const damaged = await edit(out('d0'), path.join(dir, `${engine}-damaged.xlsx`), (wb) => {
      wb.getWorksheet(STATE_SHEET_NAME)!.getCell(2, 1).value = '{"version":1,"ownedSheets":';
    });
    expect((await analyse(damaged, out('d1'), engine)).code).toBe(0);
    clean(out('d1'));
  });
});
