/**
 * The SECOND held-out split (`v2`) of the generalisation harness: wordings, layouts and value styles that neither
 * the seen nor the first held-out split uses (grammarV2.ts, valuesV2.ts), written blind, over seeds 2001–3000.
 *
 * Nobody tunes on it. The harness checks below (disjoint wordings, ground truth against the grid, the earlier splits
 * unchanged) always run and never call the product. The measurement runs only with GEN_SPLIT_V2=1, once, at the end
 * of a session (docs/accuracy.md):
 *   GEN_SPLIT_V2=1 npx jest --maxWorkers=1 test/generalisation/heldOutV2.test.ts
 * GEN_V2_WORKBOOKS=20 limits it to the first 20 seeds (a smoke test of the harness); GEN_FAILURES=40 lists the most
 * frequent misreads.
 */
import { createHash } from 'crypto';
import { type GroupPart } from './grammar';
import { EXTRA_COLUMNS_V2, GRAMMAR_V2, GROUP_SUB_V2, groupHeaderV2, groupLabelV2, normHeader, SUBTOTAL_COLUMNS_V2, TICK_GROUP_V2 } from './grammarV2';
import { generateWorkbook } from './generator';
import { describeMeasuredSplit, earlierClashes, extraColumnClashes, quotedDealerHeaderHits, seedsOf, twoFieldWordings, type HeldOutSplit } from './heldOutSplit';

/** The v2 split's descriptor: seeds 2001–3000, run with GEN_SPLIT_V2=1 (the shared checks: heldOutSplit.ts). */
export const V2: HeldOutSplit = { split: 'v2', firstSeed: 2001, lastSeed: 3000, runEnv: 'GEN_SPLIT_V2', countEnv: 'GEN_V2_WORKBOOKS', listHitsEnv: 'V2_LIST_HITS', wordings: () => v2Wordings() };

/** The v2 seed list: 2001–3000 (or its first N). */
export const V2_SEEDS: readonly number[] = seedsOf(V2);

const PARTS: GroupPart[] = ['followDate', 'followMethod', 'followResult'];

function v2Wordings(): { h: string; where: string }[] {
  const out: { h: string; where: string }[] = [];
  for (const [kind, fields] of Object.entries(GRAMMAR_V2)) for (const [field, hs] of Object.entries(fields)) for (const h of hs) out.push({ h, where: `${kind}.${field}` });
  for (const h of TICK_GROUP_V2) out.push({ h, where: 'v2 tick group' });
  for (let style = 0; style < 4; style++) {
    for (let n = 1; n <= 6; n++) {
      out.push({ h: groupLabelV2(style, n), where: 'v2 group label' });
      for (const part of PARTS) for (const w of [0, 1]) out.push({ h: groupHeaderV2(style, n, part, w), where: `v2 group header ${part}` });
    }
  }
  for (const [part, hs] of Object.entries(GROUP_SUB_V2)) for (const h of hs) out.push({ h, where: `v2 group sub-header ${part}` });
  return out;
}

describe('the v2 split of the layout generator (harness checks; the product is not called)', () => {
  test('no v2 wording is a wording of grammar.ts (after normalising spaces, case, brackets and punctuation)', () => {
    expect(earlierClashes(V2, ['v1'])).toEqual([]);
    // the normaliser does fold the decorations the earlier splits use
    expect(normHeader('（车架号） ')).toBe(normHeader('车架号'));
    expect(normHeader('*VIN:')).toBe(normHeader('vin'));
    expect(normHeader('Reg. No.')).toBe(normHeader('reg no'));
  });

  test('v2 extra and sub-total columns are no field wording of either grammar', () => {
    const extras = [...Object.values(EXTRA_COLUMNS_V2).flat(), ...Object.values(SUBTOTAL_COLUMNS_V2).flat()];
    expect(extraColumnClashes(V2, extras, ['v1'])).toEqual([]);
  });

  test('within a kind, no v2 wording names two fields (the truth stays unambiguous)', () => {
    expect(twoFieldWordings(GRAMMAR_V2)).toEqual([]);
  });

  test('no v2 key wording is a header of the share-safe held-out dealers (test/robustness/heldOutDealers.ts)', () => {
    expect(quotedDealerHeaderHits(V2)).toEqual([]);
  });

  test('the seen and held-out splits write exactly the workbooks they wrote before v2 was added (seeds 1–500, the default run)', () => {
    // Recorded at 78546e9, before the v2 split was added to generator.ts.
    const want = {
      seen: 'a1b52dd7c4e23490845b7ef50b9b6b8167ae434193ae228f101e7e258469f7b4',
      heldOut: 'be4b543b970abd39ea9ff0dc5ca9e5e12b97bdadb9b3acda9186be21bb05d7e8',
    };
    for (const split of ['seen', 'heldOut'] as const) {
      const h = createHash('sha256');
      for (let s = 1; s <= 500; s++) h.update(JSON.stringify(generateWorkbook(s, split)));
      expect({ split, hash: h.digest('hex') }).toEqual({ split, hash: want[split] });
    }
  });

  test('v2 ground truth matches the grid: key headers are v2 wordings where it says, key values realistic, fixed by the seed', () => {
    const v2Norm = new Map<string, Set<string>>();
    for (const [kind, fields] of Object.entries(GRAMMAR_V2)) for (const [field, hs] of Object.entries(fields)) v2Norm.set(`${kind}.${field}`, new Set(hs.map(normHeader)));
    const seen = { threeRow: 0, deepHeader: 0, noteRow: 0, midTotal: 0, seq: 0, newDate: 0 };
    const NOT_RECORD = /^(合计|总计|共计|共 |记录数|小计|本页小计|月小计|制表|审核|主管|经办|打印|第 1 页|导出日期)/;
    for (const seed of V2_SEEDS.slice(0, 60)) {
      const wb = generateWorkbook(seed, 'v2');
      expect(generateWorkbook(seed, 'v2').sheets).toEqual(wb.sheets);
      expect(wb.split).toBe('v2');
      expect(new Set(wb.sheets.map((s) => s.name)).size).toBe(wb.sheets.length);
      wb.truth.forEach((t, i) => {
        const grid = wb.sheets[i].grid;
        if (t.kind === null) return;
        const headerTexts = grid.slice(0, t.firstDataRow).map((row) => row.map(String));
        for (const [field, col] of Object.entries(t.columns)) {
          const last = t.headers[field].split('/').pop()!.trim();
          expect(headerTexts.some((row) => row[col]?.trim() === last || row[col]?.includes(last))).toBe(true);
        }
        // every key field's own header is a v2 wording
        for (const f of t.keyFields) {
          const field = f === 'prospectKey' ? t.prospectKey! : f;
          if (field === 'callVisit' || (field === 'followDate' && t.groupDates)) continue;
          const written = t.headers[field].split('/').length > 1 && t.headerRows > 1 ? t.headers[field].slice(t.headers[field].indexOf('/') + 1) : t.headers[field];
          const pool = v2Norm.get(`${t.kind}.${field}`)!;
          expect({ field, written, inV2: pool.has(normHeader(written)) || pool.has(normHeader(t.headers[field])) }).toEqual({ field, written, inV2: true });
        }
        if (t.headerRows === 3) seen.threeRow++;
        if (t.firstDataRow - t.headerRows >= 5) seen.deepHeader++;
        const data = grid.slice(t.firstDataRow).filter((row) => row.some((c) => c !== '') && !NOT_RECORD.test(String(row[0])));
        if (grid.slice(t.firstDataRow, t.firstDataRow + 1).some((row) => row.some((c) => /必填|选填|格式|文本|系统字段|勿改|可空/.test(String(c))))) seen.noteRow++;
        if (grid.some((row) => /小计/.test(String(row[0])))) seen.midTotal++;
        if (grid.some((row) => ['序号', 'No.', '行号', '#'].includes(String(row[0])))) seen.seq++;
        const noteRowAt = data.length && data[0].some((c) => /^(必填|选填|格式:年-月-日|文本|系统字段|勿改|\(可空\))$/.test(String(c))) ? 1 : 0;
        const records = data.slice(noteRowAt);
        expect(records.length).toBeGreaterThan(0);
        if (t.columns.vin !== undefined) for (const row of records) expect(String(row[t.columns.vin])).toMatch(/^L[A-HJ-NPR-Z0-9]{16}$/);
        for (const f of ['purchaseDate', 'callDate', 'date', 'followDate']) {
          if (t.columns[f] === undefined) continue;
          if (records.some((row) => /^\d{4}-\d{1,2}-\d{1,2} \d|^20\d{6}$|T\d\d:/.test(String(row[t.columns[f]])))) seen.newDate++;
        }
      });
    }
    // the v2 quirks do occur
    expect(seen.threeRow).toBeGreaterThan(3);
    expect(seen.deepHeader).toBeGreaterThan(3);
    expect(seen.midTotal).toBeGreaterThan(3);
    expect(seen.seq).toBeGreaterThan(3);
    expect(seen.newDate).toBeGreaterThan(3);
  });
});

describeMeasuredSplit(V2);
