/**
 * Plan equality across two builds of the core (issue 13: the faster core must return the same plan). Runs
 * analyseWorkbook and analyseForForms of this build and of a baseline build (`tsc -p tsconfig.cli.json` of an older
 * commit, e.g. `git archive 78546e9 | tar -x -C /tmp/base`) on the sample generator's workbooks and compares them
 * with util.isDeepStrictEqual (NaN, typed arrays and key order included) and as JSON.
 *
 * Run: `npm run build:cli && node lib/perf/comparePlans.js /tmp/base/lib [vehicles] [seeds]`
 * (defaults: 10000 vehicles, seeds 1,2,3,42). Exits 1 on the first difference, naming the path where the plans part.
 */
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import type { SheetInput, WorkbookPlan } from '../src/core/plan/types';
import { generateSample } from '../src/cli/sample/generateSample';
import { ymdToSerial, type Ymd } from '../src/core/values/dates';
import { emptyState } from '../src/core/state/stateSheet';
import { resolveSettings } from '../src/core/settings/settings';

type Analyse = (sheets: SheetInput[], options: Record<string, unknown>) => WorkbookPlan;
type Forms = (sheets: readonly SheetInput[], settings: unknown, state: unknown, asOf: Ymd) => { data: unknown };

interface Core {
  analyseWorkbook: Analyse;
  analyseForForms: Forms;
}

function load(libDir: string): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const a = require(path.resolve(libDir, 'src/core/analyse')) as { analyseWorkbook: Analyse };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const f = require(path.resolve(libDir, 'src/core/forms/collectFillData')) as { analyseForForms: Forms };
  return { analyseWorkbook: a.analyseWorkbook, analyseForForms: f.analyseForForms };
}

/** The first path where a and b differ ('' when equal), walking objects, arrays and typed arrays. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${String(a).slice(0, 80)} ≠ ${String(b).slice(0, 80)}`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${at}: keys ${ka.slice(0, 20).join(',')} ≠ ${kb.slice(0, 20).join(',')}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return `${at}: differ (prototype or property descriptors)`;
}

const AS_OF: Ymd = { y: 2026, m: 10, d: 31 };

function main(): void {
  const baseDir = process.argv[2];
  if (!baseDir) throw new Error('usage: node lib/perf/comparePlans.js <baseline lib dir> [vehicles] [seeds]');
  const vehicles = Number(process.argv[3] ?? 10000);
  const seeds = (process.argv[4] ?? '1,2,3,42').split(',').map(Number);
  const base = load(baseDir);
  const mine = load(path.join(__dirname, '..'));
  let failed = 0;
  for (const seed of seeds) {
    const sample = generateSample({ vehicles, seed, asOf: ymdToSerial(AS_OF) });
    const all: SheetInput[] = sample.sheets.map((s) => ({ name: s.name, grid: s.grid }));
    const cases: [string, SheetInput[]][] = [['after-sales only', all.slice(0, 2)], ['all four sheets', all], ['customers only', all.slice(0, 1)]];
    for (const [label, sheets] of cases) {
      const options = { settings: { analysisDate: '2026-10-31' }, state: emptyState(), asOf: AS_OF };
      const t0 = process.hrtime.bigint();
      const old = base.analyseWorkbook(sheets, options);
      const t1 = process.hrtime.bigint();
      const now = mine.analyseWorkbook(sheets, options);
      const t2 = process.hrtime.bigint();
      const d = firstDifference(old, now);
      const json = JSON.stringify(old) === JSON.stringify(now);
      const settings = resolveSettings({ analysisDate: '2026-10-31' });
      const fd = firstDifference(base.analyseForForms(sheets, settings, emptyState(), AS_OF).data, mine.analyseForForms(sheets, settings, emptyState(), AS_OF).data);
      const ok = !d && json && !fd;
      if (!ok) failed++;
      process.stdout.write(`seed ${seed} ${vehicles} vehicles, ${label}: ${ok ? 'identical' : 'DIFFERENT'} (base ${(Number(t1 - t0) / 1e6).toFixed(0)} ms, this ${(Number(t2 - t1) / 1e6).toFixed(0)} ms)${d ? ` plan ${d}` : ''}${fd ? ` forms ${fd}` : ''}\n`);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) main();
