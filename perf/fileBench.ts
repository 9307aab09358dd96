/**
 * Benchmark of the file pipeline (`churn-desk analyze` on a real .xlsx) beside LibreOffice: the command line as a
 * user runs it, in a child process, so that wall time, CPU time (user + sys) and the peak resident memory are the
 * whole program's, zip and XML included. Each size first writes a sample workbook with `churn-desk sample`
 * (vehicles, their calls, a showroom register and prospect cards); then, in the same run and alternately,
 * `churn-desk analyze` analyses it into a new file and LibreOffice headless converts the same file to CSV
 * (`soffice --headless --convert-to csv`, on a private profile warmed up beforehand). Issue 13's target is the ratio
 * analyze wall / LibreOffice wall ≤ 1.0.
 *
 * Run: `npm run bench:file` (or as part of `npm run bench`). `FILE_BENCH_SIZES=10000,100000` chooses the sizes
 * (default 10k, 100k, 500k vehicles); `FILE_BENCH_RUNS` the runs per size (default 3 up to 100k, 1 above).
 * Results go to stdout, docs/benchmarks-file.md and perf/results.json (rows file.*, merged with the other benches').
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromRuns, recordResults, type BenchResult } from './results';
import { deadlineLeftS, estimateLinear } from './benchBudget';
import { generateSample } from '../src/cli/sample/generateSample';
import { ymdToSerial } from '../src/core/values/dates';
import { writeSampleXlsx } from './sampleXlsx';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'churn-desk.js');
/**
 * Required into every Node process of the run (bin/churn-desk.js may start a second one with a larger heap, and
 * passes its Node options on): at exit each appends its own resource usage as one JSON line. Worker threads inherit
 * the --require too, and process.resourceUsage() is the whole process's: only the main thread writes (else the CPU of
 * a run with the package-check worker was counted twice).
 */
const USAGE_HOOK = `if (require('worker_threads').isMainThread) process.on('exit', () => { const u = process.resourceUsage(); require('fs').appendFileSync(process.env.CHURN_BENCH_USAGE, JSON.stringify({ user: u.userCPUTime / 1e6, sys: u.systemCPUTime / 1e6, maxRssMb: u.maxRSS / 1024 }) + '\\n'); });`;

interface Usage {
  wall: number;
  cpu: number;
  maxRssMb: number;
}

/** Runs the command line in a child Node process and returns its wall time, CPU time and peak RSS. */
function runCli(args: string[], dir: string): Usage {
  const hook = path.join(dir, 'usage-hook.js');
  const usageFile = path.join(dir, 'usage.json');
  fs.writeFileSync(hook, USAGE_HOOK);
  fs.rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], {
    env: { ...process.env, CHURN_BENCH_USAGE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`churn-desk ${args[0]} failed (${r.status}): ${r.stderr?.toString().slice(-2000)}`);
  // CPU adds up over the processes; the peak is the largest process's (the launcher waits, holding little).
  const usages = fs.readFileSync(usageFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { user: number; sys: number; maxRssMb: number });
  return { wall, cpu: usages.reduce((t, u) => t + u.user + u.sys, 0), maxRssMb: Math.max(...usages.map((u) => u.maxRssMb)) };
}

/** The soffice binary: $SOFFICE, else `soffice` on PATH. */
function sofficeBin(): string {
  if (process.env.SOFFICE) return process.env.SOFFICE;
  const r = spawnSync('which', ['soffice'], { encoding: 'utf8' });
  const bin = r.stdout.trim();
  if (!bin) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc or set SOFFICE; the file bench compares against it.');
  return bin;
}

/** `soffice --headless --convert-to csv` of `input` on a private profile: its wall seconds. */
function runLibreOffice(input: string, dir: string, profile: string): { wall: number } {
  const outDir = path.join(dir, 'csv');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir);
  const started = process.hrtime.bigint();
  const r = spawnSync(sofficeBin(), [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', outDir, input], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 1_200_000 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 || fs.readdirSync(outDir).length === 0) throw new Error(`soffice failed (${r.status}): ${r.stderr?.toString().slice(-1000)}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  return { wall };
}

async function main(): Promise<void> {
  const sizes = (process.env.FILE_BENCH_SIZES ?? '10000,100000,500000').split(',').map(Number).filter((n) => n > 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-file-bench-'));
  const profile = path.join(dir, 'lo-profile');
  const lines: string[] = [];
  const results: BenchResult[] = [];
  try {
    // LibreOffice's first start on a new profile creates it (seconds): done once, before anything is timed.
    const warm = path.join(dir, 'warm.xlsx');
    runCli(['sample', '--out', warm, '--vehicles', '50', '--seed', '1', '--as-of', '2026-10-31'], dir);
    runLibreOffice(warm, dir, profile);
    const done: { size: number; seconds: number }[] = [];
    for (const vehicles of sizes) {
      const runs = Number(process.env.FILE_BENCH_RUNS ?? (vehicles > 100000 ? 1 : 3));
      const estimate = estimateLinear(done, vehicles);
      const left = deadlineLeftS();
      if (left !== null && estimate !== null && estimate > left) {
        process.stdout.write(`file bench ${vehicles.toLocaleString('en-US')} vehicles: SKIPPED (estimated ${estimate.toFixed(0)} s, ${left.toFixed(0)} s left of the bench's budget)\n`);
        results.push(fromRuns('file.skipped', vehicles, [estimate], 's', null, { note: `skipped: estimated ${estimate.toFixed(0)} s, ${left.toFixed(0)} s of the budget left` }));
        continue;
      }
      const sizeStarted = Date.now();
      const input = path.join(dir, `sample-${vehicles}.xlsx`);
      const output = path.join(dir, `analysed-${vehicles}.xlsx`);
      // The same cells as `churn-desk sample` writes (perf/sampleXlsx.ts), without exceljs: minutes less at 500k.
      const g0 = Date.now();
      await writeSampleXlsx(input, generateSample({ vehicles, seed: 42, asOf: ymdToSerial({ y: 2026, m: 10, d: 31 }) }).sheets);
      const sample = { wall: (Date.now() - g0) / 1000 };
      const analyse: Usage[] = [];
      const office: number[] = [];
      const ratios: number[] = [];
      for (let k = 0; k < runs; k++) {
        const leftNow = deadlineLeftS();
        if (k > 0 && leftNow !== null && (analyse[0].wall + office[0]) > leftNow) {
          process.stdout.write(`file bench ${vehicles.toLocaleString('en-US')} vehicles: runs ${k + 1}-${runs} SKIPPED (budget)\n`);
          break;
        }
        // Alternately, so that a change of the machine's load falls on both.
        const lo = runLibreOffice(input, dir, profile).wall;
        const a = runCli(['analyze', input, '--out', output, '--as-of', '2026-10-31', '--quiet'], dir);
        office.push(lo);
        analyse.push(a);
        ratios.push(a.wall / lo);
      }
      const ran = analyse.length;
      const mb = (f: string) => fs.statSync(f).size / 1024 / 1024;
      const note = `input ${mb(input).toFixed(1)} MB; load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`;
      results.push(
        fromRuns('file.analyze.wall', vehicles, analyse.map((a) => a.wall), 's', null, { note }),
        fromRuns('file.analyze.cpu', vehicles, analyse.map((a) => a.cpu), 's', null),
        fromRuns('file.analyze.peakRss', vehicles, analyse.map((a) => a.maxRssMb), 'MB', null),
        fromRuns('file.libreoffice.csv.wall', vehicles, office, 's', null, { note: 'soffice --headless --convert-to csv, same input, same run' }),
        fromRuns('file.analyze.ratioToLibreOffice', vehicles, ratios, 'ratio', 1.0, { note: 'analyze wall / LibreOffice wall, run by run' }),
      );
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const line = `| ${vehicles.toLocaleString('en-US')} | ${mb(input).toFixed(1)} | ${sample.wall.toFixed(1)} | ${ran} | ${med(analyse.map((a) => a.wall)).toFixed(1)} | ${med(analyse.map((a) => a.cpu)).toFixed(1)} | ${Math.round(med(analyse.map((a) => a.maxRssMb)))} | ${med(office).toFixed(1)} | **${med(ratios).toFixed(2)}** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) | ${mb(output).toFixed(1)} | ${os.loadavg()[0].toFixed(1)} |`;
      lines.push(line);
      process.stdout.write(line + '\n');
      fs.rmSync(input);
      fs.rmSync(output);
      done.push({ size: vehicles, seconds: (Date.now() - sizeStarted) / 1000 });
      process.stdout.write(`  (sample written in ${sample.wall.toFixed(1)} s; ${analyse.length} run(s) of each; size done in ${((Date.now() - sizeStarted) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  recordResults(results);
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  const out = path.join(ROOT, 'docs', 'benchmarks-file.md');
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  // The sections written by hand below the generated table (what changed and why) are kept.
  const kept = previous.includes('\n## ') ? previous.slice(previous.indexOf('\n## ') + 1) : '';
  const md = [
    '# Benchmarks: the file pipeline (`churn-desk analyze`)',
    '',
    'Generated by `npm run bench:file` (perf/fileBench.ts). Each row: the sample generator (seed 42, written by perf/sampleXlsx.ts, the cells of `churn-desk sample`) writes a',
    'dealer workbook (customer base with ~3% duplicate rows, about one call per vehicle, a showroom register of N/2 rows,',
    'N×0.15 prospects); then, alternately and in the same run, LibreOffice headless converts it to CSV',
    '(`soffice --headless --convert-to csv`, private profile warmed up first) and `churn-desk analyze` reads it, analyses it',
    'and writes the analysed copy. The command runs in a child process: wall and CPU (user + sys) seconds and peak RSS are',
    "the whole program's. The ratio is analyze wall / LibreOffice wall, run by run (median, min–max); issue 13's target",
    'is ≤ 1.0. Workbooks whose sheets are small go through exceljs in memory (keeps all formatting); large ones are',
    'streamed in and out (src/xlsx/fileEngine.ts). The machine is shared: the load average is given beside each row.',
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}; load average at the end ${load}. Run at ${new Date().toISOString()}.`,
    '',
    '| vehicles | input (MB) | sample (s) | runs | analyze wall (s) | analyze CPU (s) | analyze peak RSS (MB) | LibreOffice → CSV wall (s) | ratio | output (MB) | load |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines,
    '',
    kept,
  ].join('\n');
  fs.writeFileSync(out, md);
  process.stdout.write(`\nWritten: ${out}, perf/results.json\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
