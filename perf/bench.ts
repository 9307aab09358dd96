/**
 * Benchmark (issue 2): the whole core pipeline on generated dealer data at 10,000, 100,000 and 1,000,000 vehicles
 * (plus their calls), then the sales analysis on 1,000,000 showroom register rows. Grids come straight from the
 * sample generator (no file), so the figures measure the core, not exceljs.
 *
 * Run: `npm run bench` (builds lib/, runs with a 12 GB heap and --expose-gc, so each run starts after a collection). `BENCH_SIZES=10000,100000` limits the sizes;
 * `BENCH_REGISTER=0` skips the sales run. Results go to stdout and docs/benchmarks.md.
 */
import { fromRuns, median, recordResults, type BenchResult } from './results';
import { deadlineLeftS } from './benchBudget';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SheetInput } from '../src/core/plan/types';
import { analyseWorkbook } from '../src/core/analyse';
import { resolveSettings } from '../src/core/settings/settings';
import { emptyState } from '../src/core/state/stateSheet';
import { ymdToSerial, type Ymd } from '../src/core/values/dates';
import { detectSheets } from '../src/core/sheets';
import { analyseSales } from '../src/core/sales/analyseSales';
import { generateSample } from '../src/cli/sample/generateSample';
import { buildRegisterSheet } from '../src/cli/sample/showroomSheets';
import { createRng } from '../src/cli/sample/prng';


const AS_OF: Ymd = { y: 2026, m: 10, d: 31 };
const MB = 1024 * 1024;

interface Row {
  run: string;
  rows: number;
  generateS: number;
  seconds: number;
  /** CPU seconds of the process (user + system, GC threads included) while the run lasted. */
  cpuSeconds: number;
  rowsPerSecond: number;
  peakHeapMb: number;
  peakRssMb: number;
  /** Seconds per facade step (detect, aftersales, sales, merge), from the progress reports. */
  steps: string;
  note: string;
}

/** Turns progress timestamps into 'detect 0.4 s · aftersales 9.1 s · …'. */
function stepTimes(marks: { step: string; at: bigint }[], end: bigint): string {
  return marks
    .map((m, i) => `${m.step} ${(Number((marks[i + 1]?.at ?? end) - m.at) / 1e9).toFixed(1)} s`)
    .filter((s) => !s.startsWith('done'))
    .join(' · ');
}

/** Peak memory while a synchronous function runs: sampled at each progress report and at the end. */
function measure<T>(fn: (sample: () => void) => T): { result: T; seconds: number; cpuSeconds: number; peakHeapMb: number; peakRssMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  sample();
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = fn(sample);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  sample();
  // maxRSS (kB) is the process's high-water mark: catches peaks between samples for the largest run so far.
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return { result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakHeapMb: peakHeap / MB, peakRssMb: peakRss / MB };
}


function table(rows: Row[]): string {
  const head = '| run | rows in | generate (s) | analyse (s) | CPU (s) | rows/s | peak heap (MB) | peak RSS (MB) | steps | note |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.run} | ${r.rows.toLocaleString('en-US')} | ${r.generateS.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${Math.round(r.peakHeapMb)} | ${Math.round(r.peakRssMb)} | ${r.steps} | ${r.note} |`,
  );
  return [head, sep, ...lines].join('\n');
}

/**
 * Issue 13's linearity check: time and heap per input row at the largest after-sales size against 100,000 vehicles
 * (target ≤ 1.2×). Lines for docs/benchmarks.md; none when the sizes do not include both.
 */
function linearity(results: readonly Row[]): string[] {
  const runs = results.filter((r) => r.run.startsWith('after-sales'));
  const base = runs.find((r) => r.run === 'after-sales 100,000 vehicles');
  const top = runs[runs.length - 1];
  if (!base || !top || top === base || top.rows <= base.rows) return [];
  const ratio = (f: (r: Row) => number) => f(top) / top.rows / (f(base) / base.rows);
  const line = (what: string, x: number) => `- ${what} per row, ${top.run} against 100,000: **${x.toFixed(2)}×** (target ≤ 1.2×: ${x <= 1.2 ? 'met' : 'not met'})`;
  return [
    line('wall time', ratio((r) => r.seconds)),
    line('CPU time', ratio((r) => r.cpuSeconds)),
    line('peak heap', ratio((r) => r.peakHeapMb)),
    '',
  ];
}

function main(): void {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number).filter((n) => n > 0);
  const registerRows = Number(process.env.BENCH_REGISTER ?? 1000000);
  const settings = resolveSettings({ analysisDate: '2026-10-31' });
  const results: Row[] = [];
  const recorded: BenchResult[] = [];

  // Several runs at the small sizes (median, min, max), fewer at the large ones (issue 13: within 20 minutes).
  const runsAt = (vehicles: number) => Number(process.env.BENCH_RUNS ?? (vehicles <= 10_000 ? 5 : vehicles <= 100_000 ? 3 : 1));
  /** Seconds per input row of the last size timed (generation + one analysis), for the budget. */
  let perRow: { generate: number; analyse: number } | null = null;
  for (const vehicles of sizes) {
    const approxRows = vehicles * 2;
    const left = deadlineLeftS();
    if (left !== null && perRow && approxRows * (perRow.generate + perRow.analyse) > left) {
      const estimate = approxRows * (perRow.generate + perRow.analyse);
      process.stdout.write(`after-sales ${vehicles.toLocaleString('en-US')} vehicles: SKIPPED (estimated ${estimate.toFixed(0)} s, ${left.toFixed(0)} s left of the bench's budget)\n`);
      recorded.push(fromRuns('core.aftersales.skipped', vehicles, [estimate], 's', null, { note: `skipped: estimated ${estimate.toFixed(0)} s, ${left.toFixed(0)} s of the budget left` }));
      continue;
    }
    const g0 = process.hrtime.bigint();
    // registerRows 1: the after-sales run measures customers + calls only.
    const sample = generateSample({ vehicles, seed: 42, asOf: ymdToSerial(AS_OF), registerRows: 1, prospects: 1 });
    const sheets: SheetInput[] = sample.sheets.slice(0, 2).map((s) => ({ name: s.name, grid: s.grid }));
    const generateS = Number(process.hrtime.bigint() - g0) / 1e9;
    const rows = sample.counts.customerRows + sample.counts.calls;
    const runs: ReturnType<typeof measure<ReturnType<typeof analyseWorkbook>>>[] = [];
    let steps = '';
    for (let k = 0; k < runsAt(vehicles); k++) {
      const leftNow = deadlineLeftS();
      if (k > 0 && leftNow !== null && runs[0].seconds > leftNow) {
        process.stdout.write(`after-sales ${vehicles.toLocaleString('en-US')} vehicles: runs ${k + 1}-${runsAt(vehicles)} SKIPPED (budget)\n`);
        break;
      }
      const marks: { step: string; at: bigint }[] = [];
      const m = measure((sampleMemory) =>
        analyseWorkbook(sheets, {
          settings: { analysisDate: '2026-10-31' },
          state: emptyState(),
          asOf: AS_OF,
          onProgress: (step) => {
            marks.push({ step, at: process.hrtime.bigint() });
            sampleMemory();
          },
        }),
      );
      runs.push(m);
      if (k === 0) steps = stepTimes(marks, marks[marks.length - 1]?.at ?? process.hrtime.bigint());
    }
    const seconds = runs.map((r) => r.seconds);
    const cpus = runs.map((r) => r.cpuSeconds);
    const m = runs[0];
    perRow = { generate: generateS / rows, analyse: median(seconds) / rows };
    const plan = m.result;
    const note = `${plan.columnWrites.reduce((n, w) => n + w.columns.length, 0)} columns, ${plan.sheets.length} sheets, churn ${((plan.report.figures.churnRate ?? 0) * 100).toFixed(1)}%; ${runs.length} run(s), analyse ${seconds.map((x) => x.toFixed(2)).join(' / ')} s`;
    const peakHeapMb = Math.max(...runs.map((r) => r.peakHeapMb));
    const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
    results.push({ run: `after-sales ${vehicles.toLocaleString('en-US')} vehicles`, rows, generateS, seconds: median(seconds), cpuSeconds: median(cpus), rowsPerSecond: rows / median(seconds), peakHeapMb, peakRssMb, steps, note });
    process.stdout.write(table(results.slice(-1)).split('\n')[2] + '\n');
    // Issue 13's targets hold at 1,000,000 vehicles + calls: ≤ 2 s, ≤ 1.5 GB.
    const at1M = vehicles >= 1_000_000;
    recorded.push(
      fromRuns('core.aftersales.wall', vehicles, seconds, 's', at1M ? 2 : null, { note: `load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}` }),
      fromRuns('core.aftersales.cpu', vehicles, cpus, 's', null),
      fromRuns('core.aftersales.peakRss', vehicles, runs.map((r) => r.peakRssMb), 'MB', at1M ? 1536 : null, { note: 'process high-water mark, generated grids included' }),
      fromRuns('core.aftersales.generate', vehicles, [generateS], 's', null, { note: 'the sample generator, in memory (not timed in analyse)' }),
    );
  }

  const registerLeft = deadlineLeftS();
  if (registerRows > 0 && registerLeft !== null && perRow && registerRows * 2 * (perRow.generate + perRow.analyse) > registerLeft) {
    process.stdout.write(`sales ${registerRows.toLocaleString('en-US')} register rows: SKIPPED (budget, ${registerLeft.toFixed(0)} s left)\n`);
  } else if (registerRows > 0) {
    const g0 = process.hrtime.bigint();
    const register = buildRegisterSheet(createRng(7), { rows: registerRows, asOf: ymdToSerial(AS_OF), dealerName: '基准店', sheetName: '展厅来电登记' });
    const generateS = Number(process.hrtime.bigint() - g0) / 1e9;
    const m = measure(() => {
      const detected = detectSheets([{ name: register.name, grid: register.grid }]);
      return analyseSales(detected, settings, AS_OF, emptyState());
    });
    const note = m.result ? `${m.result.sheets.length} sheets` : 'analyseSales returned null (placeholder)';
    results.push({ run: `sales ${registerRows.toLocaleString('en-US')} register rows`, rows: registerRows, generateS, seconds: m.seconds, cpuSeconds: m.cpuSeconds, rowsPerSecond: registerRows / m.seconds, peakHeapMb: m.peakHeapMb, peakRssMb: m.peakRssMb, steps: 'detectSheets + analyseSales', note });
  }

  const linear = linearity(results);
  const base = results.find((r) => r.run === 'after-sales 100,000 vehicles');
  const top = results.filter((r) => r.run.startsWith('after-sales')).pop();
  if (base && top && top.rows > base.rows) {
    const perRowRatio = (f: (r: Row) => number) => f(top) / top.rows / (f(base) / base.rows);
    const note = `per input row, ${top.run} against 100,000 vehicles`;
    recorded.push(
      fromRuns('core.linearity.wall', top.rows, [perRowRatio((r) => r.seconds)], 'ratio', 1.2, { note }),
      fromRuns('core.linearity.cpu', top.rows, [perRowRatio((r) => r.cpuSeconds)], 'ratio', 1.2, { note }),
      fromRuns('core.linearity.peakHeap', top.rows, [perRowRatio((r) => r.peakHeapMb)], 'ratio', 1.2, { note }),
    );
  }
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, ${os.platform()}; load average at the end ${load} (a busy machine slows every figure)`;
  const md = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (perf/bench.ts). Grids come from the sample generator in memory (seed 42, analysis date 2026-10-31);',
    '"analyse" times `analyseWorkbook` (sheet detection, classification, summaries) or, for sales, `detectSheets` + `analyseSales`.',
    '"rows in" counts customer rows (vehicles + duplicates) plus call-log rows. Peak heap is sampled at each progress report',
    '(a lower bound); peak RSS is the process high-water mark, so it includes the generated grids and earlier runs.',
    '"steps" splits the facade\'s time by its progress reports: detect (sheet detection and mapping), aftersales',
    '(record reading, matching, classification, summaries), sales, merge. "CPU" is the process\'s CPU time over the run',
    '(user + system, GC threads included): on a busy machine it moves less than the wall time. The heap is collected',
    'before each run (`--expose-gc`), so a run does not pay for the generator\'s garbage.',
    '',
    `Machine: ${machine}. Run at ${new Date().toISOString()}.`,
    '',
    table(results),
    '',
    ...linear,
  ].join('\n');
  process.stdout.write('\n' + table(results) + '\n' + linear.join('\n') + '\n');
  const out = path.join(__dirname, '..', '..', 'docs', 'benchmarks.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, md);
  recordResults(recorded);
  process.stdout.write(`\nWritten: ${out} (and perf/results.json, docs/performance.md)\n`);
}

main();
