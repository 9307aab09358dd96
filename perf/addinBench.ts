/**
 * The add-in's refresh at a region's scale, in the emulated Excel (issue 13): the production bundle is loaded in
 * headless Chromium with office.js answered by ../shared/office-emu/emu.js, and the ribbon's 刷新分析 runs on a
 * generated dealer workbook of N vehicles (perf/emuRibbon.ts). emu.js counts every sync and the bytes of each request
 * and response as Excel on the web would receive them; the figures go to perf/results.json and docs/performance.md.
 *
 * The workbook goes to the emulator as its sheets (perf/emuInput.ts sampleAsEmuSheets), not as an .xlsx: writing the
 * 500,000-vehicle file, re-encoding it for run-addin.js's streaming reader and reading it back with exceljs took
 * about 40 minutes of the 2-core machine for a 157 s refresh, and measured exceljs rather than the add-in.
 *
 * Run: `npm run bench:addin` (or as part of `npm run bench`). ADDIN_BENCH_SIZES=10000,100000 chooses the sizes
 * (default 10k, 100k, 500k vehicles). `npm run bench:addin:max` (ADDIN_BENCH_MAX=1) runs once at Excel's limit: a
 * customer sheet of 1,048,576 rows (title, blank row, header and 1,048,573 customer rows), its call log, a small
 * showroom register and prospect list; not part of `npm run bench`. ADDIN_BENCH_DIST names a build (default dist/);
 * CHURNDESK_OFFICE_EMU the emulator's folder. BENCH_DEADLINE (epoch ms, set by perf/benchAll.ts) skips a size whose
 * estimated time does not fit, and says so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSample } from '../src/cli/sample/generateSample';
import { ymdToSerial } from '../src/core/values/dates';
import { emuWorkbookJson, sampleAsEmuSheets } from './emuInput';
import { runRibbonRefresh, type RibbonRun } from './emuRibbon';
import { fromRuns, recordResults, type BenchResult } from './results';
import { deadlineLeftS, estimateLinear, phaseClock } from './benchBudget';

const ROOT = path.join(__dirname, '..', '..');
const EMU_DIR = process.env.CHURNDESK_OFFICE_EMU ? path.resolve(process.env.CHURNDESK_OFFICE_EMU) : path.resolve(ROOT, '../shared/office-emu');
const DIST = path.resolve(process.env.ADDIN_BENCH_DIST ?? path.join(ROOT, 'dist'));
/** Excel on the web refuses a request or response over 5 MB; the product keeps each under 2 MB (issue 13). */
const PAYLOAD_TARGET_BYTES = 2 * 1024 * 1024;
/** Excel's last row. */
export const EXCEL_ROWS = 1_048_576;

interface Workload {
  label: string;
  /** The size the results are recorded under: vehicles, or sheet rows for the maximum. */
  size: number;
  vehicles: number;
  registerRows?: number;
  prospects?: number;
  /** Cut the customer sheet to this many rows (title and header included). */
  customerSheetRows?: number;
}

function load(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(' / ');
}

/** Generates the workload's sheets and runs one refresh; prints where the time went. */
async function runOne(w: Workload): Promise<{ run: RibbonRun; phases: Record<string, number>; customerRows: number; sheetRows: number }> {
  const clock = phaseClock();
  const sample = generateSample({ vehicles: w.vehicles, seed: 42, asOf: ymdToSerial({ y: 2026, m: 10, d: 31 }), registerRows: w.registerRows, prospects: w.prospects });
  const customers = sample.sheets[0];
  if (w.customerSheetRows && customers.grid.length > w.customerSheetRows) customers.grid.length = w.customerSheetRows;
  clock.mark('generate');
  const sheets = sampleAsEmuSheets(sample.sheets);
  const json = emuWorkbookJson(sheets, { lang: 'zh-CN', fileName: `sample-${w.size}.xlsx` });
  clock.mark('serialise');
  const sheetRows = sheets.reduce((n, s) => n + s.values.length, 0);
  const customerRows = customers.grid.length - customers.headerRow - 1;
  process.stdout.write(`  ${w.label}: ${sheets.map((s) => `${s.name} ${s.values.length.toLocaleString('en-US')} rows`).join(', ')}; workbook JSON ${(json.length / 2 ** 20).toFixed(0)} MB\n`);
  const big = sheetRows > 1_500_000;
  const run = await runRibbonRefresh(DIST, EMU_DIR, json, { timeoutMs: 60 * 60_000, rendererHeapMb: big ? 16000 : undefined });
  clock.mark('emulator');
  return { run, phases: { ...clock.phases, ...Object.fromEntries(Object.entries(run.timing).map(([k, v]) => [`emu.${k.replace(/Ms$/, '')}`, v / 1000])) }, customerRows, sheetRows };
}

function resultsOf(w: Workload, r: RibbonRun, note: string | undefined): BenchResult[] {
  const kib = (b: number) => b / 1024;
  const n = w.size;
  return [
    fromRuns('addin.refresh.syncs', n, [r.syncs], 'syncs', null, { note }),
    fromRuns('addin.refresh.maxRequest', n, [kib(r.maxRequestBytes)], 'KiB', kib(PAYLOAD_TARGET_BYTES), { note }),
    fromRuns('addin.refresh.maxResponse', n, [kib(r.maxResponseBytes)], 'KiB', kib(PAYLOAD_TARGET_BYTES), { note }),
    fromRuns('addin.refresh.bytesMoved', n, [(r.totalRequestBytes + r.totalResponseBytes) / 2 ** 20], 'MB', null, { note }),
    fromRuns('addin.refresh.actionTime', n, [(r.timing.actionMs ?? NaN) / 1000], 's', null, { note: note ?? 'from the button press to completed() and an idle emulator' }),
  ];
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(EMU_DIR, 'emu.js'))) {
    console.log(`add-in bench skipped: no Office emulator at ${EMU_DIR} (set CHURNDESK_OFFICE_EMU)`);
    return;
  }
  if (!fs.existsSync(path.join(DIST, 'manifest.xml'))) throw new Error(`no production bundle in ${DIST}: run \`npm run build\` first`);
  const max = process.env.ADDIN_BENCH_MAX === '1';
  const workloads: Workload[] = max
    ? // 1,018,100 vehicles give about 1,048,600 customer rows (3% duplicates): cut to Excel's last row.
      [{ label: `maximum: customer sheet of ${EXCEL_ROWS.toLocaleString('en-US')} rows`, size: EXCEL_ROWS, vehicles: 1_018_100, registerRows: 2000, prospects: 600, customerSheetRows: EXCEL_ROWS }]
    : (process.env.ADDIN_BENCH_SIZES ?? '10000,100000,500000').split(',').map(Number).filter((n) => n > 0).map((v) => ({ label: `${v.toLocaleString('en-US')} vehicles`, size: v, vehicles: v }));
  const rows: BenchResult[] = [];
  const done: { size: number; seconds: number }[] = [];
  for (const w of workloads) {
    const estimate = estimateLinear(done, w.size);
    const left = deadlineLeftS();
    if (left !== null && estimate !== null && estimate > left) {
      console.log(`add-in refresh, ${w.label}: SKIPPED (estimated ${estimate.toFixed(0)} s from the smaller sizes, ${left.toFixed(0)} s left of the bench's budget)`);
      rows.push(fromRuns('addin.refresh.skipped', w.size, [estimate], 's', null, { note: `skipped: estimated ${estimate.toFixed(0)} s, ${left.toFixed(0)} s of the budget left` }));
      continue;
    }
    const started = Date.now();
    const { run, phases, customerRows, sheetRows } = await runOne(w);
    const seconds = (Date.now() - started) / 1000;
    done.push({ size: w.size, seconds });
    const problems = [...(run.completed ? [] : ['completed() never called']), ...run.pageErrors.map((e) => e.slice(0, 160)), ...run.errors.map((e) => JSON.stringify(e).slice(0, 160))];
    const note = problems.length ? `run not clean: ${problems.join(' | ').slice(0, 300)}` : max ? `${customerRows.toLocaleString('en-US')} customer rows, ${sheetRows.toLocaleString('en-US')} rows in all sheets` : undefined;
    rows.push(...resultsOf(w, run, note));
    console.log(
      `add-in refresh, ${w.label}: ok ${run.ok}, syncs ${run.syncs}, max request ${(run.maxRequestBytes / 1024).toFixed(0)} KiB, max response ${(run.maxResponseBytes / 1024).toFixed(0)} KiB, moved ${((run.totalRequestBytes + run.totalResponseBytes) / 2 ** 20).toFixed(1)} MB, action ${((run.timing.actionMs ?? 0) / 1000).toFixed(1)} s; whole ${seconds.toFixed(1)} s (${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}); load ${load()}${problems.length ? `\n  problems: ${problems.join(' | ')}` : ''}`,
    );
  }
  recordResults(rows);
}

main().then(
  // Chromium's pipes can keep the event loop alive after the browser closed.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
