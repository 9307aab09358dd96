/**
 * Every malformed or unusual input of the corpus (test/robustness/corpus.ts) gets a clear answer from
 * `churn-desk analyze`: no crash, stack trace or hang; the input unchanged byte for byte; a refusal is one
 * localised message (naming the problem and what to do) and leaves no OUT; a success keeps every cell of the
 * user's sheets and writes a file that keeps Excel's rules (test/support/excelRules.ts: limits, unique names, valid
 * references in defined names, validations and conditional formats). Prints the tally by group.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildCorpus, type Case } from './corpus';
import { runCli } from '../e2e/runCli';
import { excelRuleProblems } from '../support/excelRules';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-corpus-'));
const PER_CASE_MS = 90_000;
const PRODUCT_SHEETS = /^(流失概览|地区分析|车型分析|车龄分析|保期内外分析|流失原因|跟踪失败|招揽汇总|招揽名单|展厅客流量统计|意向客户漏斗|意向客户流失分析|逾期跟踪名单|意向级别分布|目录|总览|ChurnDesk_State)/;

/** Every non-empty cell of the user's sheets (sheet → "r,c" → text), as exceljs reads them. */
async function userCells(file: string, onlySheets?: Set<string>): Promise<Map<string, Map<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Map<string, string>>();
  wb.eachSheet((ws) => {
    if (onlySheets && !onlySheets.has(ws.name)) return;
    const cells = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        cells.set(`${r},${c}`, v instanceof Date ? v.toISOString() : JSON.stringify(v));
      }),
    );
    out.set(ws.name, cells);
  });
  return out;
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: no answer after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

let corpus: Case[] = [];
const tally = new Map<string, { ok: number; refused: number }>();

beforeAll(async () => {
  corpus = await buildCorpus();
}, 120_000);

afterAll(() => {
  const lines = [...tally].map(([g, t]) => `${g}: ${t.ok} ran, ${t.refused} refused with a message`);
  // The figures for docs/reliability.md.
  console.log(`malformed-input corpus: ${corpus.length} cases\n${lines.join('\n')}`);
});

test('the corpus holds at least 200 inputs in every group', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200);
  expect(new Set(corpus.map((c) => c.group)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
});

test('every input gets a clear answer, is left unchanged, and loses no user cell', async () => {
  const problems: string[] = [];
  const only = process.env.CORPUS_ONLY ? new Set(process.env.CORPUS_ONLY.split(',').map(Number)) : null;
  for (const [i, c] of corpus.entries()) {
    if (only && !only.has(i)) continue;
    const started = Date.now();
    const input = path.join(dir, `in-${i}.xlsx`);
    const out = path.join(dir, `out-${i}.xlsx`);
    fs.writeFileSync(input, c.bytes);
    const args = (c.args ?? []).map((a) => (a === '{settings}' ? path.join(dir, `settings-${i}.json`) : a));
    if (c.settingsText !== undefined) fs.writeFileSync(path.join(dir, `settings-${i}.json`), c.settingsText);
    if (process.env.CORPUS_LOG) fs.appendFileSync(process.env.CORPUS_LOG, `${i} ${c.name}\n`);
    const hash = crypto.createHash('sha256').update(c.bytes).digest('hex');
    let run: { code: number; out: string; err: string };
    try {
      run = await withTimeout(runCli(['analyze', input, '--out', out, ...args]), PER_CASE_MS);
    } catch (e) {
      problems.push(`${c.name}: crashed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      continue;
    }
    const label = `${c.name} (exit ${run.code})`;
    if (crypto.createHash('sha256').update(fs.readFileSync(input)).digest('hex') !== hash) problems.push(`${label}: the input was modified`);
    if (/\n\s+at .+:\d+:\d+/.test(run.err) || /TypeError|ReferenceError|RangeError|SyntaxError/.test(run.err)) problems.push(`${label}: stack trace or raw error: ${run.err.slice(-300)}`);
    const g = tally.get(c.group) ?? { ok: 0, refused: 0 };
    tally.set(c.group, g);
    if (run.code === 0) {
      g.ok++;
      if (c.expect === 'refused') problems.push(`${label}: expected a refusal`);
      if (!fs.existsSync(out)) {
        problems.push(`${label}: exit 0 but no output`);
        continue;
      }
      // The file opens in Excel without a repair prompt: limits, unique names, valid references (test/support/excelRules).
      try {
        for (const p of excelRuleProblems(fs.readFileSync(out))) problems.push(`${label}: Excel's rules: ${p}`);
      } catch (e) {
        problems.push(`${label}: package unreadable: ${e instanceof Error ? e.message : String(e)}`);
      }
      // Every cell of the user's sheets survives (product sheets are the product's own).
      try {
        // The user's sheets: every sheet of the input, except (outside the "user sheet named like …" cases, where
        // they are the user's) sheets with the product's names, such as a damaged state sheet the product replaces.
        const all = await userCells(input);
        const before = new Map([...all].filter(([n]) => c.name.startsWith('user sheet') || !PRODUCT_SHEETS.test(n)));
        const after = await userCells(out);
        for (const [sheet, cells] of before) {
          const kept = after.get(sheet) ?? [...after.entries()].find(([n]) => n.startsWith(sheet))?.[1];
          if (!kept) {
            problems.push(`${label}: sheet ${sheet} lost`);
            continue;
          }
          let lost = 0;
          for (const [rc, v] of cells) if (kept.get(rc) !== v) lost++;
          if (lost) problems.push(`${label}: ${lost} cells of ${sheet} changed or lost`);
        }
      } catch (e) {
        problems.push(`${label}: output unreadable: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      g.refused++;
      if (c.expect === 'ok') problems.push(`${label}: expected to run: ${run.err.slice(-200)}`);
      if (run.code !== 1 && run.code !== 2) problems.push(`${label}: unexpected exit code`);
      if (!/churn-desk: \S/.test(run.err)) problems.push(`${label}: no message`);
      if (c.message && !c.message.test(run.err)) problems.push(`${label}: message should match ${c.message}: ${run.err.slice(-200)}`);
      if (fs.existsSync(out)) problems.push(`${label}: a refused run left an output file`);
    }
    fs.rmSync(out, { force: true });
    if (process.env.CORPUS_LOG) fs.appendFileSync(process.env.CORPUS_LOG, `   ${run.code} ${Date.now() - started} ms\n`);
  }
  expect(problems).toEqual([]);
}, 1_800_000);
