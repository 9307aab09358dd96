/**
 * Issue 10, "How it will be checked": never-seen dealer workbooks run through `churn-desk analyze` AND through the
 * production add-in (the ribbon's 刷新分析 on ../shared/office-emu). The two must agree:
 *  - where the CLI analyses the workbook, the add-in writes the same workbook, cell by cell;
 *  - where the CLI refuses (a field the analysis depends on is missing or uncertain), the add-in refuses too: its
 *    dialog is an error naming the same fields, and the workbook is left exactly as it was.
 * The workbooks are test/generalisation/v2Workbooks.ts's and v3Workbooks.ts's four each (after-sales exports and a
 * showroom register), built in memory; their truth is checked against the CLI by test/generalisation/v2Check.test.ts. Both sides run
 * on the same analysis date (today: the add-in's default; the CLI is given it with --as-of).
 */
import * as fs from 'fs';
import * as path from 'path';
import { asRangeValuesShowIt, churnDeskExit, compareCells, mergesOf, pivotAreas, problems, productionBundle, readCells, requireEnvironment, runRibbon, scratch, tablesOf, todayIso, type DumpedSheet } from './driver';
import { buildV2Workbooks, toXlsx } from '../generalisation/v2Workbooks';
import { buildV3Workbooks } from '../generalisation/v3Workbooks';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { t } from '../../src/i18n';

let dist: string;
let dir: string;
// v3's were run through the product once (the measurement, docs/accuracy.md) before they were added here.
const books = [...buildV2Workbooks(), ...buildV3Workbooks()];

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-dealers-');
  dist = await productionBundle();
}, 30 * 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The field ids a CLI refusal names: `--accept-missing FIELD` is printed once per field it stops on. */
function refusedFieldIds(stderr: string): string[] {
  return [...new Set([...stderr.matchAll(/--accept-missing (\w+)/g)].map((m) => m[1]))].sort();
}

test.each(books.map((b) => [b.file, b] as const))('%s: the add-in does what churn-desk analyze does', async (file, book) => {
  const input = path.join(dir, file);
  fs.writeFileSync(input, await toXlsx(book));
  const cliOut = path.join(dir, `${path.basename(input, '.xlsx')}.cli.xlsx`);
  const cli = await churnDeskExit(['analyze', input, '--out', cliOut, '--as-of', todayIso(), '--quiet']);

  const out = path.join(dir, `${path.basename(input, '.xlsx')}.addin.xlsx`);
  const dump = path.join(dir, `${path.basename(input, '.xlsx')}.dump.json`);
  // The emulator would load every cell of a merged area with its value; Excel gives '' there (asRangeValuesShowIt).
  const seen = await asRangeValuesShowIt(input);
  const r = await runRibbon(dist, seen, out, { dumpJson: dump });
  expect(problems(r.stats)).toEqual([]);
  const dialogs = r.stats.dialogs ?? [];
  expect(dialogs).toHaveLength(1);
  const view = JSON.parse(new URL(dialogs[0].url).searchParams.get('r') ?? '{}') as { intent?: string; message?: string; warnings?: string[] };

  if (cli.code !== 0) {
    // The CLI refused, naming fields: the add-in shows the problem instead of a result and writes nothing.
    const fields = refusedFieldIds(cli.err);
    expect(view.intent).toBe('error');
    const shown = JSON.stringify(view);
    // The field as the pane names it (ui.field.*) or as the core's refusal names it (input.field.*, e.g. 找不到“车架号”列).
    const names = (f: string): string[] => [t('zh-CN', `ui.field.${f}`), `“${t('zh-CN', `input.field.${f}`)}”`];
    for (const f of fields) expect([f, names(f).some((n) => shown.includes(n)) || shown]).toEqual([f, true]);
    expect(compareCells(await readCells(out), await readCells(seen)).diffs).toEqual([]);
    return;
  }
  expect(view.intent).toMatch(/^(success|warning)$/);
  const sheets = (JSON.parse(fs.readFileSync(dump, 'utf8')) as { meta: { sheets: DumpedSheet[] } }).meta.sheets;
  const { diffs, compared } = compareCells(await readCells(out), await readCells(cliOut), {
    skipSheets: [STATE_SHEET_NAME],
    pivotAreas: pivotAreas(sheets),
    tables: tablesOf(sheets),
    inputMerges: mergesOf(await readCells(input)),
  });
  expect(diffs).toEqual([]);
  expect(compared).toBeGreaterThan(200);
}, 20 * 60_000);
