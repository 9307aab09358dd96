/**
 * 50,000 vehicles through the production bundle in the emulated Excel: 刷新分析 from the ribbon (run-addin.js, its
 * fast xlsx writer) and the whole pane session (paneFlow.ts), each compared cell by cell with `churn-desk analyze`.
 * The times are printed ([emu] lines) so CI's budget can be watched.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { compareCells, launchBrowser, pivotAreas, tablesOf, problems, productionBundle, readCells, requireEnvironment, runRibbon, scratch, todayIso, type DumpedSheet } from './driver';
import { analyzed, asRunAddinLoads, sample } from './fixtures';
import { paneFlow } from './paneFlow';

const VEHICLES = 50_000;
let dist: string;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-scale-');
  dist = await productionBundle();
  browser = await launchBrowser();
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test(`ribbon 刷新分析 on ${VEHICLES.toLocaleString('en-US')} vehicles: clean, and equal to churn-desk analyze`, async () => {
  const t0 = Date.now();
  const input = await sample(dir, VEHICLES);
  const tSample = Date.now() - t0;
  const expected = await analyzed(await asRunAddinLoads(input), todayIso());
  const out = path.join(dir, 'ribbon-50k.result.xlsx');
  const dump = path.join(dir, 'ribbon-50k.dump.json');
  const run = await runRibbon(dist, input, out, { fastXlsx: true, dumpJson: dump });
  expect(problems(run.stats)).toEqual([]);
  const meta = (JSON.parse(fs.readFileSync(dump, 'utf8')) as { meta: { sheets: DumpedSheet[] } }).meta;
  const t1 = Date.now();
  const { diffs, compared } = compareCells(await readCells(out), expected.cells, { skipSheets: ['ChurnDesk_State'], pivotAreas: pivotAreas(meta.sheets), tables: tablesOf(meta.sheets) });
  console.log(
    `[emu] 50k: sample ${tSample} ms, CLI analyze ${expected.ms} ms, ribbon run ${run.ms} ms (${JSON.stringify(run.stats.timing)}), ` +
      `syncs ${run.stats.syncs}, max request ${run.stats.maxRequestBytes} B, max response ${run.stats.maxResponseBytes} B, compare ${Date.now() - t1} ms (${compared} cells)`,
  );
  expect(diffs).toEqual([]);
  expect(compared).toBeGreaterThan(1_000_000);
}, 30 * 60_000);

paneFlow(`${VEHICLES.toLocaleString('en-US')} vehicles`, VEHICLES, () => ({ dist, browser, dir }));
