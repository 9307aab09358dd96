/**
 * The add-in's refresh at a region's scale, in the emulated Excel (issue 13): the production bundle (dist/, from
 * `npm run build`) is loaded by ../shared/office-emu/run-addin.js in headless Chromium, which presses 刷新分析 on a
 * generated dealer workbook of N vehicles. run-addin.js counts every sync and the bytes of each request and response
 * as Excel on the web would receive them; the figures go to perf/results.json and docs/performance.md.
 *
 * Run: `npm run bench:addin` (or as part of `npm run bench`). ADDIN_BENCH_SIZES=10000,100000 chooses the sizes
 * (default 10k, 100k, 500k vehicles); CHURNDESK_OFFICE_EMU names the emulator's folder when it is not beside the
 * repository. Without the emulator or Chromium the bench says so and records nothing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asRunAddinLoads } from './emuInput';
import { fromRuns, recordResults, type BenchResult } from './results';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'churn-desk.js');
const EMU_DIR = process.env.CHURNDESK_OFFICE_EMU ? path.resolve(process.env.CHURNDESK_OFFICE_EMU) : path.resolve(ROOT, '../shared/office-emu');
const DIST = path.join(ROOT, 'dist');
/** Excel on the web refuses a request or response over 5 MB; the product keeps each under 2 MB (issue 13). */
const PAYLOAD_TARGET_BYTES = 2 * 1024 * 1024;

interface EmuLine {
  ok: boolean;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  errors: unknown[];
  timing?: { actionMs?: number };
}

function runEmu(input: string, out: string): EmuLine {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', path.join(EMU_DIR, 'run-addin.js'), '--dist', DIST, '--in', input, '--out', out, '--lang', 'zh-CN', '--fast-xlsx', '--timeout', '1500'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const last = r.stdout.toString().trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as EmuLine;
  } catch {
    throw new Error(`run-addin printed no JSON line (exit ${r.status}): ${r.stderr.toString().slice(-2000)}`);
  }
}

async function main(): Promise<void> {
  const sizes = (process.env.ADDIN_BENCH_SIZES ?? '10000,100000,500000').split(',').map(Number).filter((n) => n > 0);
  if (!fs.existsSync(path.join(EMU_DIR, 'run-addin.js'))) {
    console.log(`add-in bench skipped: no Office emulator at ${EMU_DIR} (set CHURNDESK_OFFICE_EMU)`);
    return;
  }
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('no production bundle in dist/: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-addin-bench-'));
  const rows: BenchResult[] = [];
  try {
    for (const vehicles of sizes) {
      const raw = path.join(dir, `sample-${vehicles}.xlsx`);
      const s = spawnSync(process.execPath, [CLI, 'sample', '--out', raw, '--vehicles', String(vehicles), '--seed', '42', '--as-of', '2026-10-31'], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (s.status !== 0) throw new Error(`churn-desk sample failed: ${s.stderr.toString().slice(-1000)}`);
      const input = await asRunAddinLoads(raw);
      const started = Date.now();
      const line = runEmu(input, path.join(dir, `result-${vehicles}.xlsx`));
      const wall = (Date.now() - started) / 1000;
      const note = line.ok && !line.errors?.length ? undefined : `run not clean: ${JSON.stringify(line.errors ?? []).slice(0, 200)}`;
      const kib = (b: number) => b / 1024;
      rows.push(
        fromRuns('addin.refresh.syncs', vehicles, [line.syncs], 'syncs', null, { note }),
        fromRuns('addin.refresh.maxRequest', vehicles, [kib(line.maxRequestBytes)], 'KiB', kib(PAYLOAD_TARGET_BYTES), { note }),
        fromRuns('addin.refresh.maxResponse', vehicles, [kib(line.maxResponseBytes)], 'KiB', kib(PAYLOAD_TARGET_BYTES), { note }),
        fromRuns('addin.refresh.bytesMoved', vehicles, [(line.totalRequestBytes + line.totalResponseBytes) / 1024 / 1024], 'MB', null, { note }),
        fromRuns('addin.refresh.actionTime', vehicles, [(line.timing?.actionMs ?? NaN) / 1000], 's', null, { note: note ?? 'from the button press to completed(), emulated Excel' }),
      );
      console.log(`add-in refresh, ${vehicles.toLocaleString('en-US')} vehicles: ok ${line.ok}, syncs ${line.syncs}, max request ${line.maxRequestBytes} B, max response ${line.maxResponseBytes} B, moved ${line.totalRequestBytes + line.totalResponseBytes} B, action ${line.timing?.actionMs} ms, whole run ${wall.toFixed(1)} s`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  recordResults(rows);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
