/**
 * What every blind held-out split of the generalisation harness shares besides the generator (whose per-split part
 * is generator.ts's SplitStyle): its descriptor (seed range, env flags, wordings), the earlier splits' wordings it
 * must stay disjoint from, the mechanical scan of the product's src/ text (count only), and the measurement that runs
 * only when its env flag is set. heldOutV2–V5.test.ts are thin users of this module
 * (the checks every split repeats — disjoint from earlier splits, one field per wording, no dealer header, the src/
 * scan — are the functions below).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { compose, EXTRA_COLUMNS, GRAMMAR, groupHeader, groupLabel, TICK_GROUP, type GroupPart, type Split } from './grammar';
import { EXTRA_COLUMNS_V2, GRAMMAR_V2, GROUP_SUB_V2, groupHeaderV2, groupLabelV2, normHeader, SUBTOTAL_COLUMNS_V2, TICK_GROUP_V2 } from './grammarV2';
import { EXTRA_COLUMNS_V3, NOTES_GROUP_V3, v3Wordings } from './grammarV3';
import { EXTRA_COLUMNS_V4, SAME_SHEET_CALLS_V4, v4Wordings } from './grammarV4';

/** A held-out split: its seeds, the env flags that run it, and every wording it writes. */
export interface HeldOutSplit {
  split: Split;
  firstSeed: number;
  lastSeed: number;
  /** The measurement runs only when process.env[runEnv] === '1'. */
  runEnv: string;
  /** process.env[countEnv] = N limits the run to the first N seeds. */
  countEnv: string;
  /** process.env[listHitsEnv] === '1' lists the split's own wordings found in src/. */
  listHitsEnv: string;
  wordings(): { h: string; where: string }[];
}

/** The seeds a run uses: the split's range, or its first N. */
export function seedsOf(d: HeldOutSplit): number[] {
  const all = d.lastSeed - d.firstSeed + 1;
  const n = Math.min(Number(process.env[d.countEnv] ?? all), all);
  return Array.from({ length: n }, (_, i) => d.firstSeed + i);
}

const PARTS: GroupPart[] = ['followDate', 'followMethod', 'followResult'];

/** Every wording the named earlier grammars can write (fields, tick labels, extra columns, numbered groups). */
export function earlierWordings(grammars: readonly ('v1' | 'v2' | 'v3' | 'v4')[]): Map<string, string> {
  const out = new Map<string, string>();
  const add = (h: string, where: string): void => { out.set(normHeader(h), where); };
  if (grammars.includes('v1')) {
    for (const [kind, fields] of Object.entries(GRAMMAR)) {
      for (const [field, g] of Object.entries(fields)) for (const h of [...g.seen, ...g.heldOut]) add(h, `v1 ${kind}.${field}`);
    }
    for (const h of [...TICK_GROUP.seen, ...TICK_GROUP.heldOut]) add(h, 'v1 tick group');
    for (const [kind, hs] of Object.entries(EXTRA_COLUMNS)) for (const h of hs) add(h, `v1 ${kind} extra column`);
    for (const split of ['seen', 'heldOut'] as const) {
      for (let style = 0; style < 6; style++) {
        for (let n = 1; n <= 6; n++) {
          add(groupLabel(split, style, n), `v1 ${split} group label`);
          for (const part of PARTS) for (const w of [0, 1]) add(groupHeader(split, style, n, part, w), `v1 ${split} group header`);
        }
      }
    }
    for (const h of compose([''], ['日期', '跟进日期', '时间', '方式', '跟进方式', '结果', '跟进结果', '情况'])) add(h, 'v1 group sub-header');
  }
  if (grammars.includes('v2')) {
    for (const [kind, fields] of Object.entries(GRAMMAR_V2)) for (const [field, hs] of Object.entries(fields)) for (const h of hs) add(h, `v2 ${kind}.${field}`);
    for (const h of TICK_GROUP_V2) add(h, 'v2 tick group');
    for (const [kind, hs] of Object.entries(EXTRA_COLUMNS_V2)) for (const h of hs) add(h, `v2 ${kind} extra column`);
    for (const [kind, hs] of Object.entries(SUBTOTAL_COLUMNS_V2)) for (const h of hs) add(h, `v2 ${kind} extra column`);
    for (let style = 0; style < 4; style++) {
      for (let n = 1; n <= 6; n++) {
        add(groupLabelV2(style, n), 'v2 group label');
        for (const part of PARTS) for (const w of [0, 1]) add(groupHeaderV2(style, n, part, w), 'v2 group header');
      }
    }
    for (const hs of Object.values(GROUP_SUB_V2)) for (const h of hs) add(h, 'v2 group sub-header');
  }
  if (grammars.includes('v3')) {
    for (const w of v3Wordings()) add(w.h, `v3 ${w.where}`);
    for (const [kind, hs] of Object.entries(EXTRA_COLUMNS_V3)) for (const h of hs) add(h, `v3 ${kind} extra column`);
    for (const h of [...NOTES_GROUP_V3.columns, NOTES_GROUP_V3.label]) add(h, 'v3 notes extra column');
  }
  if (grammars.includes('v4')) {
    for (const w of v4Wordings()) add(w.h, `v4 ${w.where}`);
    for (const [kind, hs] of Object.entries(EXTRA_COLUMNS_V4)) for (const h of hs) add(h, `v4 ${kind} extra column`);
    for (const h of [...SAME_SHEET_CALLS_V4.date, ...SAME_SHEET_CALLS_V4.result, SAME_SHEET_CALLS_V4.group]) add(h, 'v4 same-sheet call extra column');
  }
  return out;
}

const SRC = join(__dirname, '..', '..', 'src');

/** Files of the product's source tree (text files only). */
function srcFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...srcFiles(p));
    else if (/\.(ts|tsx|js|json|md|txt|csv)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * Every string the product's src/ holds that could be a whole header: each quoted literal, each piece of a literal
 * or of the text cut at list separators (| , ; 、 ， newlines, quotes, brackets of code), normalised as the harness
 * normalises headers. Only membership is used; nothing of it is printed.
 */
export function srcStrings(): Set<string> {
  const out = new Set<string>();
  const addN = (x: string): void => { const n = normHeader(x); if (n) out.add(n); };
  for (const f of srcFiles(SRC)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const lit = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\n/g, '\n');
      addN(lit);
      for (const piece of lit.split(/[|,;，、；\n\t]+/)) addN(piece);
    }
    for (const piece of text.split(/[|,;，、；\n\t'"`{}[\]=<>^$?+]+/)) addN(piece);
  }
  return out;
}

/** The split's own wordings found in src/ (the caller prints the count; the list only when listHitsEnv is set). */
export function wordingsInSrc(d: HeldOutSplit): { h: string; where: string }[] {
  const src = srcStrings();
  if (src.size <= 1000) throw new Error('the src/ scan read almost nothing');
  return d.wordings().filter((w) => src.has(normHeader(w.h)));
}

/** The split's wordings that equal a wording of the named earlier grammars (after normalising), as lines. */
export function earlierClashes(d: HeldOutSplit, grammars: readonly ('v1' | 'v2' | 'v3' | 'v4')[]): string[] {
  const earlier = earlierWordings(grammars);
  return d.wordings().filter((w) => earlier.has(normHeader(w.h))).map((w) => `${w.where} "${w.h}" = ${earlier.get(normHeader(w.h))}`);
}

/** Extra (no-field) columns of a split that are a field wording of the split itself or of an earlier grammar. */
export function extraColumnClashes(d: HeldOutSplit, extras: readonly string[], grammars: readonly ('v1' | 'v2' | 'v3' | 'v4')[]): string[] {
  const earlier = earlierWordings(grammars);
  const own = new Set(d.wordings().map((w) => normHeader(w.h)));
  return extras.filter((h) => own.has(normHeader(h)) || (earlier.has(normHeader(h)) && !earlier.get(normHeader(h))!.includes('extra column')));
}

/** Within a kind, wordings that name two fields (the truth would be ambiguous), as lines. */
export function twoFieldWordings(grammar: Record<string, Record<string, readonly string[]>>): string[] {
  const clash: string[] = [];
  for (const [kind, fields] of Object.entries(grammar)) {
    const owner = new Map<string, string>();
    for (const [field, hs] of Object.entries(fields)) {
      for (const h of hs) {
        const k = normHeader(h);
        if (owner.has(k) && owner.get(k) !== field) clash.push(`${kind}: "${h}" in ${owner.get(k)} and ${field}`);
        owner.set(k, field);
      }
    }
  }
  return clash;
}

/** The split's wordings that are a quoted header of the share-safe held-out dealers (test/robustness/heldOutDealers.ts). */
export function quotedDealerHeaderHits(d: HeldOutSplit): string[] {
  const text = readFileSync(join(__dirname, '..', 'robustness', 'heldOutDealers.ts'), 'utf8');
  const quoted = new Set([...text.matchAll(/'([^'\n]{1,30})'/g)].map((m) => normHeader(m[1])));
  return d.wordings().filter((w) => quoted.has(normHeader(w.h))).map((w) => `${w.where} "${w.h}"`);
}

/** How many of the split's wordings occur in src/; prints the count (and the split's own words when listHitsEnv=1). */
export function srcHitCount(d: HeldOutSplit): number {
  const hits = wordingsInSrc(d);
  if (process.env[d.listHitsEnv] === '1') console.log(`${d.split} wordings found in src/ (the harness's words): ${hits.map((w) => `${w.where} "${w.h}"`).join('; ')}`);
  console.log(`${d.split} wordings occurring in src/: ${hits.length}`);
  return hits.length;
}

/** The measurement of a split over its seeds; skipped (with a line saying how to run it) unless runEnv=1. */
export function describeMeasuredSplit(d: HeldOutSplit): void {
  const run = process.env[d.runEnv] === '1';
  const seeds = seedsOf(d);
  const failureLines = Number(process.env.GEN_FAILURES ?? 0);
  if (!run) {
    console.log(`heldOut ${d.split}: the ${d.split} split is measured only with ${d.runEnv}=1 (once, at the end of a session; see docs/accuracy.md). Skipped.`);
  }
  (run ? describe : describe.skip)(`the ${d.split} held-out split over generated dealer workbooks (${d.runEnv}=1)`, () => {
    test(`${d.split} grammar, seeds ${d.firstSeed}–${d.firstSeed + seeds.length - 1}: key fields, kinds and flagged misreads`, () => {
      // Imported here so a skipped run never loads the product.
      const { measure, share, summary } = require('./measure') as typeof import('./measure');
      const r = measure(d.split, seeds);
      const flagged = r.misreads.total === 0 ? 1 : r.misreads.flagged / r.misreads.total;
      console.log(`${summary(r, failureLines)}\nTHREE FIGURES (${d.split}, ${r.workbooks} workbooks): key fields right ${(100 * share(r.keyFields)).toFixed(1)}%, sheets right kind ${(100 * share(r.sheets)).toFixed(1)}%, misreads flagged ${(100 * flagged).toFixed(1)}%`);
      expect(r.workbooks).toBe(seeds.length);
      expect(r.keyFields.total).toBeGreaterThan(0);
    });
  });
}
