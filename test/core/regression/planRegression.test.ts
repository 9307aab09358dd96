/**
 * Plan regression (issue 13): the core rewritten for a million vehicles must return the same plan as before. Each
 * case's plan (and form data) is reduced to a SHA-256 of a canonical serialisation (NaN, -0, undefined and typed
 * arrays kept apart, key order included) and compared with planRegression.golden.json. First recorded from commit
 * 78546e9 (the core before the rewrite; the rewrite matched it on its branch), re-recorded after session 7's merges
 * (detection, table names, forms and the analysis date changed the plan on purpose; src/core/aftersales is the
 * rewrite's, byte for byte), by running this file with PLAN_GOLDEN_RECORD=1.
 * A deliberate change of the plan re-records the golden file and says why in the commit.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { analyseWorkbook } from '../../../src/core/analyse';
import { analyseForForms } from '../../../src/core/forms/collectFillData';
import type { SheetInput } from '../../../src/core/plan/types';
import { resolveSettings } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { ymdToSerial } from '../../../src/core/values/dates';
import { AS_OF, calls, customers } from '../aftersales/fixtures/smallWorkbook';
import { generateWorkbook } from '../../generalisation/generator';
import { syntheticBase } from '../aftersales/fixtures/syntheticBase';

const GOLDEN = path.join(__dirname, 'planRegression.golden.json');

/** A canonical text of any value: what util.isDeepStrictEqual tells apart, JSON would not. */
export function canonical(v: unknown, out: string[] = []): string[] {
  if (v === undefined) out.push('u');
  else if (v === null) out.push('n');
  else if (typeof v === 'number') out.push(Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : `#${v}`);
  else if (typeof v === 'string') out.push(JSON.stringify(v));
  else if (typeof v === 'boolean') out.push(v ? 't' : 'f');
  else if (ArrayBuffer.isView(v)) {
    out.push(`${v.constructor.name}[`);
    const xs = v as unknown as ArrayLike<number>;
    for (let i = 0; i < xs.length; i++) canonical(xs[i], out);
    out.push(']');
  } else if (Array.isArray(v)) {
    out.push(`[${v.length}`);
    for (let i = 0; i < v.length; i++) canonical(i in v ? v[i] : undefined, out);
    out.push(']');
  } else if (typeof v === 'object') {
    out.push('{');
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out.push(JSON.stringify(k));
      canonical(x, out);
    }
    out.push('}');
  } else out.push(`?${typeof v}`);
  return out;
}

function digest(v: unknown): string {
  const h = createHash('sha256');
  for (const part of canonical(v)) h.update(part + '\u0001');
  return h.digest('hex');
}

function sampleSheets(vehicles: number, seed: number): SheetInput[] {
  return generateSample({ vehicles, seed, asOf: ymdToSerial(AS_OF) }).sheets.map((s) => ({ name: s.name, grid: s.grid }));
}

const CASES: [string, () => SheetInput[]][] = [
  ['smallWorkbook customers + calls', () => [customers, calls]],
  ['smallWorkbook customers only', () => [customers]],
  ['synthetic 3000', () => syntheticBase(3000)],
  ...[1, 2, 3].map((seed): [string, () => SheetInput[]] => [`sample 1000 seed ${seed}`, () => sampleSheets(1000, seed)]),
  ...[1, 2, 3, 4, 5, 6].map((seed): [string, () => SheetInput[]] => [`generalisation seed ${seed}`, () => generateWorkbook(seed, seed % 2 ? 'seen' : 'heldOut').sheets]),
];

/** Fingerprints of a case: the plan, a second run on the first run's state, and the form data. */
function fingerprints(sheets: SheetInput[]): Record<string, string> {
  const out: Record<string, string> = {};
  const settings = { analysisDate: '2026-10-31', localRegions: ['西安', '武汉'] };
  let first;
  try {
    first = analyseWorkbook(sheets, { settings, state: emptyState(), asOf: AS_OF });
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
    return out;
  }
  out.plan = digest(first);
  out.rerun = digest(analyseWorkbook(sheets, { state: first.state, asOf: AS_OF }));
  out.forms = digest(analyseForForms(sheets, resolveSettings(settings), emptyState(), AS_OF));
  return out;
}

describe('the plan is the same as before the million-vehicle rewrite (golden re-recorded after the session 7 merges)', () => {
  const record = process.env.PLAN_GOLDEN_RECORD === '1';
  const golden: Record<string, Record<string, string>> = record ? {} : JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
  afterAll(() => {
    if (record) fs.writeFileSync(GOLDEN, JSON.stringify(golden, null, 2) + '\n');
  });
  it.each(CASES)('%s', (name, sheets) => {
    const got = fingerprints(sheets());
    if (record) golden[name] = got;
    else expect(got).toEqual(golden[name]);
  });

  it('tells apart what JSON would not', () => {
    expect(digest({ a: NaN })).not.toBe(digest({ a: null }));
    expect(digest([undefined])).not.toBe(digest([null]));
    expect(digest(new Float64Array([1]))).not.toBe(digest([1]));
    expect(digest({ a: 1, b: 2 })).not.toBe(digest({ b: 2, a: 1 }));
    expect(digest(-0)).not.toBe(digest(0));
  });
});
