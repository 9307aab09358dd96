/**
 * The add-in's 分享 AFTER a refresh, on held-out dealer workbooks (test/robustness/heldOutDealers.ts), in the
 * in-memory Excel with the real core: the copy now carries the summary sheets' charts and PivotTables, so every part
 * of it (chart caches and pivot caches included) is scanned for the planted names, phones, VINs, ID numbers and
 * addresses (test/robustness/scanCopy.ts). Values planted only in cell notes are left out (the fake loads no notes).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FakeWorkbook } from '../support/fakeExcel';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { NeedsMappingError } from '../../src/office/errors';
import { createInlineRunner } from '../../src/worker/runner';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { readZipEntries } from '../../src/xlsx/zip';
import { heldOutWorkbook } from '../robustness/heldOutDealers';
import { scanCopy } from '../robustness/scanCopy';

const SEEDS = [201, 202, 203, 204];

/**
 * 刷新分析 answered as a user answers 列映射: a column the core is unsure of is mapped to its best candidate, a field
 * the sheet lacks is declared missing; at most three rounds. Whether it ran.
 */
async function refreshAsAUser(actions: ReturnType<typeof createOfficeActions>): Promise<boolean> {
  for (let round = 0; round < 3; round++) {
    try {
      await actions.analyse();
      return true;
    } catch (e) {
      if (!(e instanceof NeedsMappingError)) return false;
      for (const need of e.needs) {
        const best = need.candidates[0];
        if (need.reason === 'lowConfidence' && best) await actions.saveMapping(need.sheet, { [need.field]: best.header });
        else await actions.saveMapping(need.sheet, {}, need.fields);
      }
    }
  }
  return false;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churndesk-share-heldout-'));
const totals = { workbooks: 0, refreshed: 0, charts: 0, pivots: 0, planted: 0, leaks: 0 };
afterAll(() => {
  console.log(`[office] 分享 after 刷新分析 on held-out workbooks: ${totals.workbooks} workbooks (${totals.refreshed} refreshed), ${totals.charts} charts and ${totals.pivots} pivots carried, ${totals.planted} values planted, ${totals.leaks} leaked`);
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each(SEEDS)('held-out dealer workbook %i: refreshed, then shared; no planted value in any part of the copy', async (seed) => {
  const { bytes, secrets } = await heldOutWorkbook(seed);
  const file = path.join(dir, `dealer-${seed}.xlsx`);
  fs.writeFileSync(file, bytes);
  const read = await readWorkbook(file);
  const wb = FakeWorkbook.fromGrids(Object.fromEntries(read.sheets.map((s) => [s.name, s.grid.map((r) => [...r])])), { excelApi: '1.12' });
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  const refreshed = await refreshAsAUser(actions);
  const result = await actions.shareSafeCopy();
  const copy = Buffer.from(wb.createdWorkbooks[0], 'base64');
  const scan = await scanCopy(copy, secrets.filter((x) => x.where !== 'cell note'), seed);
  const parts = [...readZipEntries(copy).keys()];
  totals.workbooks++;
  totals.refreshed += refreshed ? 1 : 0;
  totals.charts += result.charts;
  totals.pivots += result.pivots;
  totals.planted += scan.planted.size;
  totals.leaks += scan.leaks.length;
  expect(scan.planted.size).toBeGreaterThan(50);
  expect(scan.leaks.map((l) => `${l.kind} ${l.value} (${l.planted}) in ${l.found}`)).toEqual([]);
  if (refreshed) {
    expect(result.charts).toBeGreaterThan(0);
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(result.charts);
  }
}, 300_000);
