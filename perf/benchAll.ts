/**
 * `npm run bench` (issue 13): every bench the issue lists, unattended, inside a time budget (BENCH_BUDGET_S, default
 * 1,200 s = 20 minutes), each in its own Node process (its own heap and peak RSS), in this order:
 *
 *  1. build: the production bundle once, into a temporary directory (webpack's Node API, the project's config,
 *     cached), shared by the add-in and bundle benches;
 *  2. bundle (perf/bundleSize.ts): sizes per chunk, first load, first render of the pane;
 *  3. core (perf/bench.ts): after-sales at 10k / 100k / 1M vehicles, sales at 1M register rows;
 *  4. add-in (perf/addinBench.ts): the ribbon refresh in the emulated Excel at 10k / 100k / 500k;
 *  5. file (perf/fileBench.ts): `churn-desk analyze` beside LibreOffice at 10k / 100k / 500k.
 *
 * Each bench gets BENCH_DEADLINE = the budget's end less what the benches after it need at least (RESERVE_S), and
 * skips (saying so) what would not fit. At the end: the wall time of every phase and the total, with the load
 * average at the start and the end, printed and recorded in perf/results.json (bench.*).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildProduction } from './bundleSize';
import { fromRuns, recordResults, type BenchResult } from './results';

const ROOT = path.join(__dirname, '..', '..');
const LIB = path.join(ROOT, 'lib', 'perf');

interface Phase {
  name: string;
  /** Seconds the phases after this one keep for themselves (their smallest sizes). */
  reserveS: number;
  run: (deadline: number, dist: string) => number | null;
}

function load(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(' / ');
}

/** Runs a compiled bench in a child process with the deadline; returns its exit code. */
function node(script: string, args: string[], env: Record<string, string>, heapMb = 12000, extra: string[] = []): number | null {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, ...extra, path.join(LIB, script), ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status;
}

async function main(): Promise<void> {
  const budgetS = Number(process.env.BENCH_BUDGET_S ?? 1200);
  const started = Date.now();
  const end = started + budgetS * 1000;
  const loadAtStart = load();
  const only = process.env.BENCH_ONLY?.split(',');
  console.log(`npm run bench: budget ${budgetS} s, ${os.cpus().length} cores, load ${loadAtStart}, ${new Date(started).toISOString()}`);
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-bench-dist-'));
  const phases: Phase[] = [
    { name: 'bundle', reserveS: 600, run: (d, dir) => node('bundleSize.js', ['--dist', dir, '--runs', '5'], { BENCH_DEADLINE: String(d) }, 4000) },
    { name: 'core', reserveS: 300, run: (d) => node('bench.js', [], { BENCH_DEADLINE: String(d) }, 12000, ['--expose-gc']) },
    { name: 'addin', reserveS: 150, run: (d, dir) => node('addinBench.js', [], { BENCH_DEADLINE: String(d), ADDIN_BENCH_DIST: dir }) },
    { name: 'file', reserveS: 0, run: (d) => node('fileBench.js', [], { BENCH_DEADLINE: String(d) }) },
  ];
  const walls: { name: string; seconds: number; status: string }[] = [];
  try {
    let t = Date.now();
    if (!only || only.includes('bundle') || only.includes('addin')) {
      await buildProduction(dist);
      walls.push({ name: 'build', seconds: (Date.now() - t) / 1000, status: 'ok' });
      console.log(`\n== build: ${walls[walls.length - 1].seconds.toFixed(1)} s (load ${load()})`);
    }
    for (const p of phases) {
      if (only && !only.includes(p.name)) continue;
      const deadline = end - p.reserveS * 1000;
      if (Date.now() >= deadline) {
        console.log(`\n== ${p.name}: SKIPPED (no time left in the ${budgetS} s budget)`);
        walls.push({ name: p.name, seconds: 0, status: 'skipped' });
        continue;
      }
      console.log(`\n== ${p.name} (until ${new Date(deadline).toISOString().slice(11, 19)} UTC; load ${load()})`);
      t = Date.now();
      const code = p.run(deadline, dist);
      walls.push({ name: p.name, seconds: (Date.now() - t) / 1000, status: code === 0 ? 'ok' : `exit ${code}` });
      console.log(`== ${p.name}: ${walls[walls.length - 1].seconds.toFixed(1)} s, ${walls[walls.length - 1].status} (load ${load()})`);
    }
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
  const total = (Date.now() - started) / 1000;
  const note = `load at the start ${loadAtStart}, at the end ${load()}`;
  const rows: BenchResult[] = [
    ...walls.map((w) => fromRuns(`bench.phase.${w.name}`, 0, [w.seconds], 's', null, { note: `${w.status}; ${note}` })),
    fromRuns('bench.total.wall', 0, [total], 's', 1200, { note: `${walls.map((w) => `${w.name} ${w.seconds.toFixed(0)} s`).join(', ')}; ${note}` }),
  ];
  recordResults(rows);
  console.log(`\nnpm run bench: ${walls.map((w) => `${w.name} ${w.seconds.toFixed(1)} s${w.status === 'ok' ? '' : ` (${w.status})`}`).join(' · ')}`);
  console.log(`TOTAL WALL ${total.toFixed(1)} s (budget ${budgetS} s); ${note}`);
  process.exit(walls.some((w) => w.status !== 'ok' && w.status !== 'skipped') ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
