/**
 * What the dealer-workbook checks of the held-out splits share (v3Check.test.ts, v4Check.test.ts): the workbook's
 * widths and a truth column's position, the output a perfect product would write, the CLI run as a user runs it, and
 * the measurement over one split's four workbooks (built, run, compared by the v2 checker, the table printed).
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { checkOutput, CLASSIFICATION_FIELDS, DUPLICATE_HEADER, formatTable, OVERVIEW_SHEET, TRAFFIC_SHEET, type CheckResult, type CliRun } from './v2Check';
import { toXlsx, type DealerTruth, type DealerWorkbook } from './v2Workbooks';

const ROOT = resolve(__dirname, '..', '..');

export const widths = (wb: DealerWorkbook): Record<string, number> => Object.fromEntries(wb.sheets.map((s) => [s.name, Math.max(0, ...s.rows.map((r) => r.length))]));

/** 0-based column of a truth field in a sheet's header rows (the header may itself hold '/', or a group prefix). */
export function columnOf(wb: DealerWorkbook, sheet: string, field: string): number {
  const t = wb.truth.sheets.find((s) => s.name === sheet)!;
  const want = t.columns[field];
  const rows = wb.sheets.find((s) => s.name === sheet)!.rows;
  for (const hr of [...t.headerRows].reverse()) {
    const i = rows[hr - 1].findIndex((c) => typeof c === 'string' && c !== '' && (want === c || want.endsWith(`/${c}`)));
    if (i >= 0) return i;
  }
  return -1;
}

/** What a product that gets everything right would write: the truth's values in the product's layout. */
export async function perfectOutput(wb: DealerWorkbook): Promise<{ book: ExcelJS.Workbook; run: CliRun }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await toXlsx(wb) as unknown as ArrayBuffer);
  const t = wb.truth;
  const lines: string[] = [];
  const cs = t.sheets.find((s) => s.kind === 'customers');
  if (t.vehicles && cs) {
    const ws = book.getWorksheet(cs.name)!;
    const w = widths(wb)[cs.name];
    [...CLASSIFICATION_FIELDS, DUPLICATE_HEADER].forEach((h, i) => { ws.getCell(Math.max(...cs.headerRows), w + 1 + i).value = h; });
    for (const v of t.vehicles) {
      for (const row of v.rows) {
        CLASSIFICATION_FIELDS.forEach((f, i) => { const x = v[f]; if (x !== null) ws.getCell(row, w + 1 + i).value = x; });
        if (v.duplicateRows.includes(row)) ws.getCell(row, w + 1 + CLASSIFICATION_FIELDS.length).value = '重复';
      }
    }
    const o = t.overview!;
    const ov = book.addWorksheet(OVERVIEW_SHEET);
    ov.addRow(['保有客户流失概览']);
    ov.addRow(['流失状态', '车辆数', '占比']);
    for (const s of ['活跃', '准流失', '流失', '彻底流失', '数据异常'] as const) ov.addRow([s, o.perStatus[s], o.perStatus[s] / o.基盘客户]);
    ov.addRow(['指标', '数值']);
    ov.addRow(['基盘客户', o.基盘客户]);
    ov.addRow(['已分类车辆(不含数据异常)', o.classified]);
    ov.addRow(['流失客户(流失+彻底流失)', o.perStatus.流失 + o.perStatus.彻底流失]);
    ov.addRow(['达到目标需招揽回厂客户数', o.toWinBack]);
    ov.addRow(['流失率', o.churnRate]);
    ov.addRow(['保有率', o.retentionRate]);
    lines.push(`车辆数:${t.vehicles.length}`, `回访记录条数:${t.calls!.records}`, `未匹配到车辆的回访记录:${t.calls!.unmatched}`);
  }
  if (t.traffic) {
    const tr = book.addWorksheet(TRAFFIC_SHEET);
    tr.addRow(['展厅客流量统计表']);
    tr.addRow(['日期', '星期', '时段', '来店批数', '来电批数', '留有客户资料数', '订单数']);
    for (const [date, slots] of Object.entries(t.traffic.perSlot)) {
      Object.entries(slots).forEach(([slot, c], i) => tr.addRow([new Date(`${date}T00:00:00Z`), '', slot, c.来店批数, c.来电批数, i === 0 ? t.traffic!.perDate[date].留有客户资料数 : 0, i === 0 ? t.traffic!.perDate[date].订单数 : 0]));
    }
    tr.addRow(['合计']);
    const x = t.traffic.total;
    lines.push(`展厅登记行数:${t.traffic.recordRows.length}`, `来店批数:${x.来店批数}`, `来电批数:${x.来电批数}`, `留有客户资料数:${x.留有客户资料数}`, `订单数:${x.订单数}`);
  }
  return { book, run: { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '', seconds: 0 } };
}

/** Runs the CLI as a user does and captures exit code, stdout and stderr. */
function analyze(input: string, out: string): CliRun {
  const started = Date.now();
  const env = { ...process.env, CHURN_DESK_LANG: 'zh-CN' };
  const p = spawnSync(process.execPath, [join(ROOT, 'bin', 'churn-desk.js'), 'analyze', input, '--out', out, '--as-of', '2026-10-31'], { cwd: ROOT, env, encoding: 'utf8', timeout: 15 * 60 * 1000, maxBuffer: 64 * 1024 * 1024 });
  return { code: p.status, stdout: p.stdout ?? '', stderr: `${p.stderr ?? ''}${p.error ? `\n${p.error.message}` : ''}`, seconds: (Date.now() - started) / 1000 };
}

function gitHead(): string {
  const g = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return g.status === 0 ? g.stdout.trim() : 'unknown';
}

/**
 * One split's measurement: writes its four workbooks, builds the CLI, runs it on each, compares with the truth and
 * prints the table; a workbook that ran must have been compared on its figures.
 */
export async function measureDealerWorkbooks(split: string, write: (dir: string) => Promise<string[]>, buildBooks: () => DealerWorkbook[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `${split}check-`));
  try {
    const files = await write(dir);
    expect(files).toHaveLength(4);
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
    expect({ build: build.status, out: `${build.stdout}${build.stderr}`.slice(0, 2000) }).toEqual({ build: 0, out: '' });
    const books = buildBooks();
    const results: CheckResult[] = [];
    for (const wb of books) {
      const input = join(dir, wb.file);
      const out = join(dir, wb.file.replace(/\.xlsx$/, '.analysed.xlsx'));
      const run = analyze(input, out);
      const truth = JSON.parse(readFileSync(input.replace(/\.xlsx$/, '.truth.json'), 'utf8')) as DealerTruth;
      let book: ExcelJS.Workbook | null = null;
      if (run.code === 0 && existsSync(out)) {
        book = new ExcelJS.Workbook();
        await book.xlsx.readFile(out);
      }
      results.push(checkOutput(truth, run, book, widths(wb)));
    }
    console.log(`${split} dealer workbooks against their truth (product at ${gitHead()}, load ${readFileSync('/proc/loadavg', 'utf8').trim()})\n${formatTable(results)}`);
    for (const r of results) {
      if (r.flagged) continue;
      const t = books.find((b) => b.file === r.file)!.truth;
      if (t.vehicles) { expect(r.cells!.compared).toBeGreaterThan(0); expect(r.overview!.compared).toBeGreaterThan(0); }
      if (t.traffic) { expect(r.traffic!.compared).toBeGreaterThan(0); expect(r.perDate!.compared).toBeGreaterThan(0); }
      expect(r.reportCounts!.compared).toBeGreaterThan(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
