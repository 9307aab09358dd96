/**
 * The held-out check of the share-safe copy (issue 11) through the add-in: the PRODUCTION bundle's task pane on
 * ../shared/office-emu, 分享 pressed on held-out dealer workbooks (test/robustness/heldOutDealers.ts), the file it
 * hands to Excel.createWorkbook scanned cell by cell and part by part for any planted name, phone, VIN, ID number or
 * address (test/robustness/scanCopy.ts). The emulator loads no cell notes, so values planted only in a note cannot
 * reach the add-in's copy; every other planted value is looked for. The workbook itself must stay unchanged.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { compareCells, launchBrowser, productionBundle, requireEnvironment, scratch, PaneSession } from './driver';
import { shareFromPane } from './paneFlow';
import { heldOutWorkbook } from '../robustness/heldOutDealers';
import { scanCopy } from '../robustness/scanCopy';

const SEEDS = [101, 102, 103, 104, 105, 106];
let dist: string;
let dir: string;
let browser: Browser;
const totals = { workbooks: 0, planted: 0, cells: 0, leaks: 0 };

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-share-');
  dist = await productionBundle();
  browser = await launchBrowser();
}, 30 * 60_000);

afterAll(async () => {
  console.log(`[emu] add-in 分享 on held-out workbooks: ${totals.workbooks} workbooks, ${totals.planted} personal values planted, ${totals.cells} cell texts scanned, ${totals.leaks} leaked`);
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.each(SEEDS)('分享 on held-out dealer workbook %i: no planted personal value in the copy, this workbook unchanged', async (seed) => {
  const { bytes, secrets } = await heldOutWorkbook(seed);
  const input = path.join(dir, `dealer-${seed}.xlsx`);
  fs.writeFileSync(input, bytes);
  const s = await PaneSession.open(browser, dist, input);
  try {
    const before = await s.cells();
    const copy = await shareFromPane(s);
    const scan = await scanCopy(copy, secrets.filter((x) => x.where !== 'cell note'), seed);
    totals.workbooks++;
    totals.planted += scan.planted.size;
    totals.cells += scan.cells;
    totals.leaks += new Set(scan.leaks.map((l) => l.value)).size;
    expect(scan.planted.size).toBeGreaterThan(100);
    expect(scan.leaks.map((l) => `${l.kind} ${l.value} (${l.planted}) in ${l.found}`)).toEqual([]);
    expect(compareCells(await s.cells(), before).diffs).toEqual([]);
  } finally {
    await s.close();
  }
}, 15 * 60_000);
