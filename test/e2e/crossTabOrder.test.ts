/**
 * The emailed file's PivotTables (issue 12.1), as their cells read before Excel refreshes them: each lists its groups
 * in their natural order (statuses 活跃/准流失/流失/彻底流失, vehicle-age bands by age, intent levels H…F) and never
 * shows an all-zero row or column. Read back from a CLI run. (test/xlsx/pivotsLibreOffice.test.ts checks the parts
 * and that LibreOffice computes the same figures from the source.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { AGE_BUCKETS, STATUSES } from '../../src/core/aftersales/labels';
import { LEVEL_CODES } from '../../src/core/sales/prospectFacts';
import { t } from '../../src/i18n';
import { runCli } from './runCli';
import { compareNatural } from '../../src/core/plan/textOrder';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-crosstab-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const CAPTION = t('zh-CN', 'pivot.countOf', { field: '' });
const ROW_LABELS = t('zh-CN', 'pivot.rowLabels');
const TOTAL = t('zh-CN', 'pivot.grandTotal');

type Grid = readonly (readonly unknown[])[];
let sheets: { name: string; grid: Grid }[] = [];

beforeAll(async () => {
  // seed 1 writes the one-row-per-prospect card, the shape that gets the 意向级别 pivot.
  expect((await runCli(['sample', '--out', IN, '--vehicles', '300', '--seed', '1', '--as-of', '2026-10-31'])).code).toBe(0);
  expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31'])).code).toBe(0);
  sheets = (await readWorkbook(OUT)).sheets;
}, 120_000);

/** Each PivotTable's cells (under its 计数项:… caption): the 行标签 row, the data rows (without the 总计 row). */
function crossTabs(): { sheet: string; header: string[]; rows: unknown[][] }[] {
  const out: { sheet: string; header: string[]; rows: unknown[][] }[] = [];
  for (const s of sheets) {
    s.grid.forEach((row, r) => {
      const c = row.findIndex((v) => typeof v === 'string' && v.startsWith(CAPTION));
      if (c < 0 || s.grid[r + 1]?.[c] !== ROW_LABELS) return;
      const header = (s.grid[r + 1] ?? []).slice(c).map(String).filter((h) => h !== '');
      const rows: unknown[][] = [];
      for (let k = r + 2; k < s.grid.length && s.grid[k][c] !== TOTAL && s.grid[k][c] !== ''; k++) rows.push(s.grid[k].slice(c, c + header.length));
      out.push({ sheet: s.name, header, rows });
    });
  }
  return out;
}

/** True when `seen` lists its members of `order` in that order. */
const inOrder = (seen: string[], order: readonly string[]) => {
  const idx = seen.filter((x) => order.includes(x)).map((x) => order.indexOf(x));
  return idx.every((v, i) => i === 0 || v > idx[i - 1]);
};

test('every pivot of the file is a PivotTable: 地区, 车型, 车龄 and 意向级别', () => {
  expect(crossTabs().map((x) => x.sheet).sort()).toEqual(['地区分析', '意向级别分布', '车型分析', '车龄分析'].sort());
});

test('statuses in status order, age bands by age, levels H…F; no all-zero row or column', () => {
  for (const x of crossTabs()) {
    const cols = x.header.slice(1, -1);
    if (x.sheet === '意向级别分布') expect(cols.every((c) => (LEVEL_CODES as readonly string[]).includes(c)) && inOrder(cols, LEVEL_CODES)).toBe(true);
    else expect(cols.every((c) => (STATUSES as readonly string[]).includes(c)) && inOrder(cols, STATUSES)).toBe(true);
    if (x.sheet === '车龄分析') {
      const labels = x.rows.map((r) => String(r[0]));
      expect(inOrder(labels, AGE_BUCKETS)).toBe(true);
      // (空白) only after every band.
      const blank = labels.indexOf('(空白)');
      if (blank >= 0) expect(blank).toBe(labels.length - 1);
    }
    // An empty intersection is a blank cell, as in Excel's pivot; every row and column has a count.
    const count = (v: unknown) => typeof v === 'number' && v > 0;
    for (const r of x.rows) expect(r.slice(1).some(count)).toBe(true);
    for (let c = 1; c < x.header.length; c++) expect(x.rows.some((r) => count(r[c]))).toBe(true);
  }
});

test("the file's cross-tab row order is the natural one too (regions by name, in the product's one text order)", () => {
  const region = crossTabs().find((x) => x.sheet === '地区分析')!;
  const labels = region.rows.map((r) => String(r[0]));
  // compareNatural, not the runtime's pinyin collation (Node and Chromium differ): docs/decisions.md, text order.
  const named = labels.filter((l) => l !== '(空白)');
  expect(named).toEqual([...named].sort(compareNatural));
});
