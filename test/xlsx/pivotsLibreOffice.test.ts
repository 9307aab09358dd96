/**
 * The file's PivotTables (src/xlsx/pivots/), in both file engines, checked by another program: LibreOffice opens the
 * analysed workbook, builds each PivotTable from its source sheet itself (the cache holds no records) and saves it
 * again. Each pivot must come back under its name, at the same place and size, with the same figure in every cell
 * as the cells the file wrote (what a reader sees before Excel refreshes the pivot). LibreOffice's captions are its
 * own (地区 for 行标签, Total Result for 总计), so only the numbers are compared; the captions are checked against
 * Excel's own wording in the package test below.
 * LibreOffice is a required tool here: if soffice is missing the test FAILS, never skips.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { soffice } from '../support/libreOffice';
import { workbookGrids } from '../support/workbookGrids';
import { packagePivots } from '../support/packagePivots';
import { runCli } from '../e2e/runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-pivots-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const profile = path.join(dir, 'lo-profile');

function cellsOf(grid: unknown[][], ref: string): unknown[][] {
  const [from, to] = ref.split(':');
  const rc = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, c - 1];
  };
  const [r0, c0] = rc(from);
  const [r1, c1] = rc(to);
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const line: unknown[] = [];
    for (let c = c0; c <= c1; c++) {
      const v = grid[r]?.[c];
      line.push(typeof v === 'number' ? v : '');
    }
    out.push(line);
  }
  return out;
}

describe.each(['memory', 'stream'] as const)('%s engine', (engine) => {
  const OUT = path.join(dir, `analysed-${engine}.xlsx`);
  const env = process.env.CHURN_DESK_FILE_ENGINE;
  beforeAll(async () => {
    process.env.CHURN_DESK_FILE_ENGINE = engine;
    if (!fs.existsSync(IN)) expect((await runCli(['sample', '--out', IN, '--vehicles', '400', '--seed', '7', '--as-of', '2026-10-31'])).code).toBe(0);
    expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
  }, 120000);
  afterAll(() => (env === undefined ? delete process.env.CHURN_DESK_FILE_ENGINE : (process.env.CHURN_DESK_FILE_ENGINE = env)));

  test('every planned pivot is a PivotTable part over its source sheet, with Excel captions and the duplicates filtered out', async () => {
    const pivots = packagePivots(OUT);
    const grids = await workbookGrids(OUT);
    expect(pivots.map((p) => p.name).sort()).toEqual(['CD_pivot_age', 'CD_pivot_model', 'CD_pivot_region', 'CD_pivot_sales_levels']);
    for (const p of pivots) {
      const source = grids.get(p.source.sheet)!;
      expect(source).toBeDefined();
      const [from, to] = p.source.ref.split(':');
      const firstRow = Number(/\d+$/.exec(from)![0]) - 1;
      // One cache field per source column, named by the source's header row.
      const header = cellsOf(source, `${from}:${to.replace(/\d+$/, String(firstRow + 1))}`);
      expect(p.fields).toBe(header[0].length);
      const sheet = grids.get(p.sheet)!;
      const body = /^([A-Z]+)(\d+)/.exec(p.location)!;
      const top = Number(body[2]) - 1;
      const col = body[1].charCodeAt(0) - 65;
      expect([sheet[top][col], sheet[top + 1][col]]).toEqual([expect.stringMatching(/^计数项:/), '行标签']);
      expect(sheet[top][col + 1]).toBe('列标签');
      const last = /:([A-Z]+)(\d+)$/.exec(p.location)!;
      expect(sheet[Number(last[2]) - 1][col]).toBe('总计');
      if (p.name === 'CD_pivot_sales_levels') {
        // A prospect card (one row per prospect) has no duplicate rows to leave out: no filter.
        expect(p.xml).not.toMatch(/<pageField/);
        continue;
      }
      // The after-sales pivots: the filter two rows above the body hides the 重复 rows (the one item left is the
      // blank one), so the grand total is the number of vehicles, each once.
      expect(sheet[top - 2].slice(col, col + 2)).toEqual(['重复记录', '(空白)']);
      expect(p.xml).toMatch(/<pageField fld="\d+"/);
      expect(sheet[Number(last[2]) - 1][last[1].charCodeAt(0) - 65]).toBe(400);
    }
  });

  test('LibreOffice builds each PivotTable from the source: same name, place, size and figures as the cells written', async () => {
    const back = path.join(dir, `lo-${engine}`);
    fs.mkdirSync(back, { recursive: true });
    soffice(profile, ['--convert-to', 'xlsx', '--outdir', back, OUT]);
    const file = path.join(back, path.basename(OUT));
    const ours = packagePivots(OUT);
    const theirs = packagePivots(file);
    expect(theirs.map((p) => [p.name, p.sheet, p.location]).sort()).toEqual(ours.map((p) => [p.name, p.sheet, p.location]).sort());
    const oursGrids = await workbookGrids(OUT);
    const theirGrids = await workbookGrids(file);
    let numbers = 0;
    for (const p of ours) {
      const mine = cellsOf(oursGrids.get(p.sheet)!, p.location);
      expect(cellsOf(theirGrids.get(p.sheet)!, p.location)).toEqual(mine);
      numbers += mine.flat().filter((v) => typeof v === 'number').length;
    }
    expect(numbers).toBeGreaterThan(50);
  }, 300000);
});
