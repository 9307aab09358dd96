/**
 * Issue 11.3, "a sample through the add-in": inputs of the malformed-input corpus (test/robustness/corpus.ts) that
 * are valid workbooks, refreshed from the ribbon (刷新分析) by the PRODUCTION bundle on ../shared/office-emu, one per
 * group: odd but valid, the product's names already taken, a tampered state sheet, hostile text, error values and
 * rich text. Each run must be clean (no Office.js error, no unloaded read, nothing unmodelled, no network request)
 * and end in one of two ways:
 * - a correct result: the workbook `churn-desk analyze` writes for the same input and date, cell by cell;
 * - one clear zh-CN message from the catalogue (no raw JavaScript or Office.js text, no stack, not the catch-all
 *   "意外错误"), the same outcome as the CLI's, and the workbook's sheets as they were.
 * Either way every cell of the user's sheets is there afterwards with its value (or formula), compared with what the
 * emulator loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildCorpus, type Case } from '../robustness/corpus';
import { compareCells, emuWorkbook, mergesOf, pivotAreas, problems, productionBundle, readCells, requireEnvironment, runRibbon, scratch, tablesOf, todayIso, type DumpedSheet, type WorkbookCells } from './driver';
import { runCli } from '../e2e/runCli';
import { t } from '../../src/i18n';
import type { ResultView } from '../../src/commands/refreshCommand';

const STATE = 'ChurnDesk_State';
const STATE_MARKER = 'ChurnDesk state v1';

/**
 * The sample: 25 valid workbooks covering every group of the corpus that is a workbook. Three valid workbooks of the
 * corpus are left out, because the emulator cannot hold them as Excel would: 'everything merged' (run-addin.js copies
 * a merged area's value into every cell of it, where Range.values gives ''), 'hidden customer sheet' (its only sheet
 * is hidden, which Excel never opens so) and '1904 date system' (run-addin.js hands the dates over as 1900-system
 * serials whatever the workbook's date system).
 */
const SAMPLE: { group: string; name: string }[] = [
  // Odd but valid.
  ...['header only', 'header at row 60', 'duplicated headers', 'a cell at column XFD', '200,000 blank rows between data', '32,767-character cells', 'absurd dates and mileages', "sheet name with quotes and brackets", 'only a call log'].map((name) => ({ group: 'odd but valid', name })),
  // The product's names already present.
  ...['user sheet named 招揽名单', 'user sheet named ChurnDesk_State', 'user column named 流失状态', 'user sheets named like every summary'].map((name) => ({ group: 'product names', name })),
  // A tampered state sheet.
  ...['state garbage', 'state claims the customer sheet', 'state claims user columns', 'state with bad settings', 'state with wrong types', 'state deeply nested', 'state mapping to missing columns'].map((name) => ({ group: 'tampered state', name })),
  // Hostile text.
  ...['formulas and DDE payloads in customer cells', 'control characters'].map((name) => ({ group: 'hostile text', name })),
  // Error values, rich text (and hyperlinks, comments).
  ...['error values', 'rich text', 'hyperlinks and comments'].map((name) => ({ group: 'error values / rich text', name })),
];

let dist: string;
let dir: string;
let corpus: Case[];
const asOf = todayIso();
const tally: { group: string; name: string; outcome: string; ms: number; cells: number }[] = [];

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-corpus-');
  [dist, corpus] = await Promise.all([productionBundle(), buildCorpus()]);
}, 30 * 60_000);

afterAll(() => {
  if (tally.length) {
    const ran = tally.filter((x) => x.outcome === 'ran').length;
    console.log(
      `[emu] corpus sample through the ribbon: ${tally.length} inputs, ${ran} ran (equal to the CLI), ${tally.length - ran} refused with a message; ` +
        `${tally.reduce((n, x) => n + x.cells, 0)} user cells checked\n` +
        tally.map((x) => `  ${x.group} / ${x.name}: ${x.outcome} (${x.ms} ms, ${x.cells} user cells)`).join('\n'),
    );
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The user's sheets of the input as the emulator loaded them: every sheet but the product's own state sheet. */
function userSheets(cells: WorkbookCells): WorkbookCells {
  return cells.filter((s) => !(s.name === STATE && s.values[0]?.[0] === STATE_MARKER));
}

/** Every non-blank cell of the user's sheets that is not in the result with the same value or formula. */
function lostCells(before: WorkbookCells, after: WorkbookCells): { lost: string[]; checked: number } {
  const lost: string[] = [];
  let checked = 0;
  for (const s of userSheets(before)) {
    const a = after.find((x) => x.name === s.name);
    if (!a) {
      lost.push(`sheet ${s.name} is gone`);
      continue;
    }
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        const k = `${r},${c}`;
        const f = s.formulas.get(k);
        if (f === undefined && (v === '' || v === null || v === undefined)) return;
        checked++;
        const ok = f !== undefined ? a.formulas.get(k) === f : a.formulas.get(k) === undefined && same(a.values[r]?.[c], v);
        if (!ok && lost.length < 20) lost.push(`${s.name}!R${r + 1}C${c + 1}: was ${JSON.stringify(f ?? v).slice(0, 80)}, now ${JSON.stringify(a.formulas.get(k) ?? a.values[r]?.[c]).slice(0, 80)}`);
      }),
    );
  }
  return { lost, checked };
}

function same(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-7 * Math.max(1, Math.abs(x));
  return x === y;
}

/** What a user may read in a refusal: the catalogue's text only (no JavaScript or Office.js message, no stack). */
function unclear(view: ResultView): string[] {
  const text = [view.title, view.message, ...view.warnings].join('\n');
  const out: string[] = [];
  if (!/[\u4e00-\u9fff]/.test(view.message)) out.push(`not a zh-CN message: ${view.message}`);
  if (/\b(Error|Exception|TypeError|undefined|null|NaN|GeneralException|InvalidArgument|ItemNotFound)\b|\bat \S+ \(|\.(ts|js):\d+/.test(text)) out.push(`raw error text: ${text.slice(0, 300)}`);
  if (/\b(ui|settings|progress|office|input|aftersales|sales|forms|cli)\.[a-z]+\.[A-Za-z]/.test(text)) out.push(`a catalogue key instead of its text: ${text.slice(0, 300)}`);
  if (view.message.includes(t('zh-CN', 'office.error.unexpected', { step: '' }).slice(0, 8))) out.push(`the catch-all message, not one that names the problem: ${view.message}`);
  return out;
}

describe.each(SAMPLE)('ribbon 刷新分析 on a corpus input ($group): $name', ({ group, name }) => {
  test('a correct result or one clear zh-CN message, and no user cell lost', async () => {
    const c = corpus.find((x) => x.name === name);
    expect(c).toBeDefined();
    const slug = `case-${corpus.indexOf(c!)}`;
    const input = path.join(dir, `${slug}.xlsx`);
    fs.writeFileSync(input, c!.bytes);
    const out = path.join(dir, `${slug}.result.xlsx`);
    const dump = path.join(dir, `${slug}.dump.json`);
    const before = await emuWorkbook(input).then((sheets) => sheets.map((s) => ({ name: s.name, values: s.values, formulas: new Map(s.formulas.map(([r, col, f]) => [`${r},${col}`, f])) })));

    const run = await runRibbon(dist, input, out, { dumpJson: dump });
    expect(problems(run.stats)).toEqual([]);
    expect(run.stats.completed).toMatchObject({ completed: true });
    const dialogs = run.stats.dialogs ?? [];
    expect(dialogs).toHaveLength(1);
    const view = JSON.parse(new URL(dialogs[0].url).searchParams.get('r') ?? '{}') as ResultView;
    expect(view.lang).toBe('zh-CN');
    const after = await readCells(out);

    // The CLI on the same input and date: the add-in's outcome must be the same.
    const cliOut = path.join(dir, `${slug}.cli.xlsx`);
    const cli = await runCli(['analyze', input, '--out', cliOut, '--as-of', asOf, '--quiet']);
    const ran = view.intent !== 'error';
    expect({ addIn: ran ? 'ran' : `refused: ${view.message}`, cli: cli.code === 0 ? 'ran' : 'refused' }).toEqual({ addIn: cli.code === 0 ? 'ran' : expect.stringMatching(/^refused: /), cli: ran ? 'ran' : 'refused' });

    if (ran) {
      // A correct result: what churn-desk analyze writes, cell by cell.
      const meta = (JSON.parse(fs.readFileSync(dump, 'utf8')) as { meta: { sheets: DumpedSheet[] } }).meta;
      const { diffs, compared } = compareCells(after, await readCells(cliOut), { skipSheets: [STATE], pivotAreas: pivotAreas(meta.sheets), tables: tablesOf(meta.sheets), inputMerges: mergesOf(await readCells(input)) });
      expect(diffs).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    } else {
      expect(unclear(view)).toEqual([]);
      // A sheet used to column XFD is read in column slices (a range A:XFD is unbounded to Excel and comes back
      // without values): the add-in gets as far as the CLI and gives its reason, naming the sheet and the column.
      // A state that claims the customer sheet as the product's: the refusal says so (a claim checked against the
      // sheet's headers), not "no customer sheet found".
      if (name === 'state claims the customer sheet') {
        expect(view.message).toContain(STATE);
        expect(view.message).not.toContain(t('zh-CN', 'aftersales.error.nothingFound'));
      }
      if (name === 'a cell at column XFD') {
        expect(view.message).toMatch(/“[^”]+”[^]*XFD/);
        const st = run.stats as unknown as { maxRequestBytes: number; maxResponseBytes: number };
        console.log(`[emu] sheet used to XFD: largest request ${st.maxRequestBytes} bytes, largest response ${st.maxResponseBytes} bytes`);
        expect(Math.max(st.maxRequestBytes, st.maxResponseBytes)).toBeLessThan(2 * 1024 * 1024);
      }
      // Nothing was added or removed: the sheets are the ones the workbook had.
      expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    }
    const { lost, checked } = lostCells(before, after);
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    tally.push({ group, name, outcome: ran ? 'ran' : `refused: ${view.message.slice(0, 60)}`, ms: run.ms, cells: checked });
  }, 10 * 60_000);
});
