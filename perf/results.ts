/**
 * One record of every benchmark figure: perf/results.json (name, size, value, unit, target, machine, and the runs
 * behind a median), and docs/performance.md rendered from it. Each bench replaces only its own rows (same name and
 * size), so the core, file, add-in and bundle benches can run apart and still leave one table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
// Compiled to lib/perf; the sources' perf/ folder is where the record lives.
export const RESULTS_FILE = path.join(ROOT, 'perf', 'results.json');
export const PERFORMANCE_DOC = path.join(ROOT, 'docs', 'performance.md');

export interface BenchResult {
  /** What was measured, e.g. 'addin.refresh.syncs'. */
  name: string;
  /** The workload's size (vehicles or rows). */
  size: number;
  /** The median of `runs` (or the one measurement). */
  value: number;
  unit: string;
  /** The issue's target for this figure, or null when it has none. */
  target: number | null;
  /** 'le' when value must stay at or below target, 'ge' when at or above. */
  targetKind?: 'le' | 'ge';
  machine: string;
  runs?: number[];
  min?: number;
  max?: number;
  measuredAt: string;
  note?: string;
}

/** This machine, as the figures should name it. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A result from several runs: median, min and max. */
export function fromRuns(name: string, size: number, runs: number[], unit: string, target: number | null, extra: Partial<BenchResult> = {}): BenchResult {
  return { name, size, value: median(runs), unit, target, targetKind: 'le', machine: machine(), runs, min: Math.min(...runs), max: Math.max(...runs), measuredAt: new Date().toISOString(), ...extra };
}

export function readResults(file = RESULTS_FILE): BenchResult[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as BenchResult[]) : [];
  } catch {
    return [];
  }
}

/** Replaces the rows of the same name and size, keeps the rest, writes results.json and docs/performance.md. */
export function recordResults(rows: BenchResult[], file = RESULTS_FILE, doc = PERFORMANCE_DOC): BenchResult[] {
  const key = (r: BenchResult) => `${r.name}\u0000${r.size}`;
  const fresh = new Set(rows.map(key));
  const all = [...readResults(file).filter((r) => !fresh.has(key(r))), ...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.size - b.size));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  fs.writeFileSync(doc, spliceResults(fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Performance\n', renderPerformanceDoc(all)));
  return all;
}

function fmt(x: number | undefined, unit: string): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  const digits = unit === 's' || unit === 'ratio' ? 2 : unit === 'ms' || unit === 'MB' || unit === 'KiB' ? 1 : 0;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Whether a figure meets its target ('' when it has none). */
export function verdict(r: BenchResult): string {
  if (r.target === null || r.target === undefined) return '';
  const ok = r.targetKind === 'ge' ? r.value >= r.target : r.value <= r.target;
  return ok ? 'met' : '**not met**';
}

export const RESULTS_BEGIN = '<!-- bench results: written by perf/results.ts from perf/results.json -->';
export const RESULTS_END = '<!-- end of bench results -->';

/** The document with its generated block replaced (or added at the end): the hand-written sections stay. */
export function spliceResults(doc: string, block: string): string {
  const wrapped = `${RESULTS_BEGIN}\n${block}${RESULTS_END}\n`;
  const a = doc.indexOf(RESULTS_BEGIN);
  const b = doc.indexOf(RESULTS_END);
  if (a >= 0 && b > a) return doc.slice(0, a) + wrapped + doc.slice(b + RESULTS_END.length).replace(/^\n/, '');
  return `${doc.replace(/\s*$/, '')}\n\n${wrapped}`;
}

/** The generated block of docs/performance.md: one table of every figure, grouped by the part of the product it measures. */
export function renderPerformanceDoc(all: BenchResult[]): string {
  const lines = [
    '## Every bench figure (perf/results.json)',
    '',
    'Every figure below is written by a bench into `perf/results.json` and this table (perf/results.ts); nothing here is',
    'typed by hand. `npm run bench` runs them all (the core, the file pipeline beside LibreOffice, the add-in in the',
    'emulated Excel, the bundle). Each row gives the median of its runs, with min and max, the target of issue 13 and',
    'the machine and its load when measured: a busy machine slows every time figure.',
    '',
  ];
  const groups = new Map<string, BenchResult[]>();
  for (const r of all) {
    const g = r.name.split('.')[0];
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  for (const [g, rows] of groups) {
    lines.push(`### ${g}`, '', '| figure | size | median | min | max | unit | target | | runs | measured | machine |', '|---|---:|---:|---:|---:|---|---:|---|---:|---|---|');
    for (const r of rows) {
      lines.push(
        `| ${r.name}${r.note ? ` (${r.note})` : ''} | ${r.size.toLocaleString('en-US')} | ${fmt(r.value, r.unit)} | ${fmt(r.min, r.unit)} | ${fmt(r.max, r.unit)} | ${r.unit} | ${r.target === null ? '' : `${r.targetKind === 'ge' ? '≥' : '≤'} ${fmt(r.target, r.unit)}`} | ${verdict(r)} | ${r.runs?.length ?? 1} | ${r.measuredAt.slice(0, 16).replace('T', ' ')} | ${r.machine} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
