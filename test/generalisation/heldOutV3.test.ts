/**
 * The THIRD held-out split (`v3`) of the generalisation harness: wordings, layouts and value styles that neither
 * grammar.ts nor grammarV2.ts uses (grammarV3.ts, valuesV3.ts), written blind in session 8, over seeds 3001–4000.
 *
 * Nobody tunes on it. The harness checks below always run and never call the product:
 * - no v3 wording equals a wording of grammar.ts or grammarV2.ts (after normalising);
 * - no v3 wording occurs as a whole string in the product's src/ text (a mechanical scan that prints only a count;
 *   V3_LIST_HITS=1 lists the v3 wordings concerned — the harness's own words, never the product's text);
 * - the earlier splits write exactly the workbooks they wrote before v3 was added (SHA-256 pins);
 * - the v3 ground truth matches the grid.
 * The measurement runs only with GEN_SPLIT_V3=1, once, at the end of a session (docs/accuracy.md):
 *   GEN_SPLIT_V3=1 npx jest --maxWorkers=1 test/generalisation/heldOutV3.test.ts
 * GEN_V3_WORKBOOKS=20 limits it to the first 20 seeds (a smoke test of the harness); GEN_FAILURES=40 lists the most
 * frequent misreads.
 */
import { createHash } from 'crypto';
import { normHeader } from './grammarV2';
import { EXTRA_COLUMNS_V3, GRAMMAR_V3, NOTES_GROUP_V3, v3Wordings } from './grammarV3';
import { generateWorkbook } from './generator';
import { describeMeasuredSplit, earlierClashes, extraColumnClashes, quotedDealerHeaderHits, seedsOf, srcHitCount, twoFieldWordings, type HeldOutSplit } from './heldOutSplit';

/** The v3 split's descriptor: seeds 3001–4000, run with GEN_SPLIT_V3=1 (the shared checks: heldOutSplit.ts). */
export const V3: HeldOutSplit = { split: 'v3', firstSeed: 3001, lastSeed: 4000, runEnv: 'GEN_SPLIT_V3', countEnv: 'GEN_V3_WORKBOOKS', listHitsEnv: 'V3_LIST_HITS', wordings: v3Wordings };

/** The v3 seed list: 3001–4000 (or its first N). */
export const V3_SEEDS: readonly number[] = seedsOf(V3);

describe('the v3 split of the layout generator (harness checks; the product is not called)', () => {
  test('no v3 wording is a wording of grammar.ts or grammarV2.ts (after normalising spaces, line breaks, case, brackets and punctuation)', () => {
    expect(earlierClashes(V3, ['v1', 'v2'])).toEqual([]);
    expect(normHeader('最后\n出厂日期')).toBe(normHeader('最后出厂日期'));
    expect(v3Wordings().length).toBeGreaterThan(500);
  });

  test('no v3 wording occurs as a whole string in the product\'s src/ text (count only)', () => {
    expect(srcHitCount(V3)).toBe(0); // wordingsInSrc throws when the scan read almost nothing
  });

  test('v3 extra, notes and trap columns are no field wording of any split', () => {
    const extras = [...Object.values(EXTRA_COLUMNS_V3).flat(), ...NOTES_GROUP_V3.columns, NOTES_GROUP_V3.label];
    expect(extraColumnClashes(V3, extras, ['v1', 'v2'])).toEqual([]);
  });

  test('within a kind, no v3 wording names two fields (the truth stays unambiguous)', () => {
    expect(twoFieldWordings(GRAMMAR_V3)).toEqual([]);
  });

  test('no v3 wording is a quoted header of the share-safe held-out dealers (test/robustness/heldOutDealers.ts, by code)', () => {
    expect(quotedDealerHeaderHits(V3)).toEqual([]);
  });

  test('the seen, held-out and v2 splits write exactly the workbooks they wrote before v3 was added', () => {
    // seen / heldOut recorded at 78546e9 (seeds 1–500); v2 recorded at 61c4bbb, before v3 was added (seeds 2001–2500).
    const want: Record<'seen' | 'heldOut' | 'v2', { from: number; hash: string }> = {
      seen: { from: 1, hash: 'a1b52dd7c4e23490845b7ef50b9b6b8167ae434193ae228f101e7e258469f7b4' },
      heldOut: { from: 1, hash: 'be4b543b970abd39ea9ff0dc5ca9e5e12b97bdadb9b3acda9186be21bb05d7e8' },
      v2: { from: 2001, hash: 'c7f0972d7137e0baa84790373bef8e894184746fdbf084c57f26572dea2e3c1e' },
    };
    for (const split of ['seen', 'heldOut', 'v2'] as const) {
      const h = createHash('sha256');
      for (let s = want[split].from; s < want[split].from + 500; s++) h.update(JSON.stringify(generateWorkbook(s, split)));
      expect({ split, hash: h.digest('hex') }).toEqual({ split, hash: want[split].hash });
    }
  });

  test('v3 ground truth matches the grid: key headers are v3 wordings, key values realistic, v3 quirks occur, fixed by the seed', () => {
    const v3Norm = new Map<string, Set<string>>();
    for (const [kind, fields] of Object.entries(GRAMMAR_V3)) for (const [field, hs] of Object.entries(fields)) v3Norm.set(`${kind}.${field}`, new Set(hs.map(normHeader)));
    const seen = { leadingBlank: 0, repeatedHeader: 0, lineBreak: 0, weekdayDate: 0, twoRow: 0, wide: 0, ticks: 0, distractor: 0 };
    for (const seed of V3_SEEDS.slice(0, 80)) {
      const wb = generateWorkbook(seed, 'v3');
      expect(generateWorkbook(seed, 'v3').sheets).toEqual(wb.sheets);
      expect(wb.split).toBe('v3');
      expect(new Set(wb.sheets.map((s) => s.name)).size).toBe(wb.sheets.length);
      wb.truth.forEach((t, i) => {
        const grid = wb.sheets[i].grid;
        if (t.kind === null) { seen.distractor++; return; }
        const headerRows = grid.slice(t.firstDataRow - t.headerRows, t.firstDataRow).map((row) => row.map(String));
        for (const [field, col] of Object.entries(t.columns)) {
          const last = t.headers[field].split('/').pop()!.trim();
          expect({ field, found: headerRows.some((row) => row[col]?.trim() === last || row[col]?.includes(last)) }).toEqual({ field, found: true });
        }
        for (const f of t.keyFields) {
          const field = f === 'prospectKey' ? t.prospectKey! : f;
          if (field === 'callVisit' || (field === 'followDate' && t.groupDates)) continue;
          const full = t.headers[field];
          const written = full.split('/').length > 1 && t.headerRows > 1 ? full.slice(full.indexOf('/') + 1) : full;
          const pool = v3Norm.get(`${t.kind}.${field}`)!;
          expect({ field, written, inV3: pool.has(normHeader(written)) || pool.has(normHeader(full)) }).toEqual({ field, written, inV3: true });
        }
        if (t.kind === 'register' && t.shape === 'ticks') {
          expect(v3Norm.get('register.callMark')!.has(normHeader(t.headers.callMark.split('/').pop()!))).toBe(true);
          seen.ticks++;
        }
        if (t.shape === 'wide') seen.wide++;
        if (t.headerRows === 2) seen.twoRow++;
        const lastHeader = grid[t.firstDataRow - 1];
        if (grid.slice(t.firstDataRow - t.headerRows, t.firstDataRow + 1).every((row) => row[0] === '')) seen.leadingBlank++;
        if (lastHeader.some((c) => typeof c === 'string' && c.includes('\n'))) seen.lineBreak++;
        const headerKey = JSON.stringify(lastHeader);
        const repeats = grid.slice(t.firstDataRow).filter((row) => JSON.stringify(row) === headerKey).length;
        if (repeats > 0) seen.repeatedHeader++;
        // the records: rows below the header that are no header copy, page line, subtotal or footer
        const NOT_RECORD = /^(合计|总计|记录总数|Total|小计|经销商小计|分店小计|本页合计|制表|服务经理|经销商盖章|Prepared|打印人|Page|数据来源|第2页|续表|\(续上页\))/;
        const headerCopies = new Set(grid.slice(t.firstDataRow - t.headerRows, t.firstDataRow).map((row) => JSON.stringify(row)));
        const records = grid.slice(t.firstDataRow).filter((row) => row.some((c) => c !== '') && !headerCopies.has(JSON.stringify(row)) && !NOT_RECORD.test(String(row.find((c) => c !== '') ?? '')));
        expect(records.length).toBeGreaterThan(0);
        if (t.columns.vin !== undefined) for (const row of records) expect(String(row[t.columns.vin])).toMatch(/^L[A-HJ-NPR-Z0-9]{16}$/);
        for (const f of ['lastVisitDate', 'purchaseDate', 'callDate', 'date', 'followDate']) {
          if (t.columns[f] === undefined) continue;
          if (records.some((row) => /周[一二三四五六日]|星期/.test(String(row[t.columns[f]])))) seen.weekdayDate++;
        }
      });
    }
    for (const [k, n] of Object.entries(seen)) expect({ quirk: k, enough: n > 3 }).toEqual({ quirk: k, enough: true });
  });
});

describeMeasuredSplit(V3);
