/**
 * The pane's progress bar tells the truth (issue 13, item 4): the production bundle's 刷新分析 on a 20,000-vehicle
 * workbook in the emulated Excel, with every progress value the pane shows recorded as it is rendered (a
 * MutationObserver on the step caption, which carries the step key and the fraction the bar shows) next to the rows
 * of values the emulated Excel has received so far (counted in RequestContext.sync from the batch's Range.values
 * writes, once the sync has returned: independent of the add-in's own counting).
 *
 * Asserted: the values never go back; the phases come as reading → analysing → writing → done; 1 is shown only by
 * the last value, at completion; during writing the bar's fraction of the writing phase is within 10 points of the
 * rows written / rows to write.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { generateSample } from '../../src/cli/sample/generateSample';
import { ymdToSerial } from '../../src/core/values/dates';
import { writeSampleXlsx } from '../../perf/sampleXlsx';
import { PaneSession, launchBrowser, productionBundle, requireEnvironment, scratch } from './driver';
import { refresh } from './paneFlow';

const VEHICLES = 20_000;
/** The writing phase's part of the bar (src/office/createOfficeActions.ts): 0.7 + 0.29 × applyPlan's fraction. */
const WRITING_FROM = 0.7;
const WRITING_SPAN = 0.29;

interface Shown {
  step: string;
  fraction: number;
  /** Rows of Range.values the emulated Excel had received when this value was rendered. */
  rows: number;
}

let dist: string;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  requireEnvironment();
  dir = scratch('churndesk-emu-progress-');
  dist = await productionBundle();
  browser = await launchBrowser();
}, 30 * 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function phaseOf(step: string): string {
  if (step === 'progress.reading') return 'reading';
  if (step === 'progress.analysing' || step.startsWith('progress.core.')) return 'analysing';
  if (step === 'progress.writing') return 'writing';
  if (step === 'progress.done') return 'done';
  return step;
}

test(`the progress bar of 刷新分析 on ${VEHICLES.toLocaleString('en-US')} vehicles is monotone, in phase order, and tracks the rows written`, async () => {
  const input = path.join(dir, `sample-${VEHICLES}.xlsx`);
  await writeSampleXlsx(input, generateSample({ vehicles: VEHICLES, seed: 42, asOf: ymdToSerial({ y: 2026, m: 10, d: 31 }) }).sheets);
  const s = await PaneSession.open(browser, dist, input);
  try {
    // The sample's sheet names vary with the seed (seed 42: 基盘客户): any detected sheet will do.
    await s.page.locator('[data-testid="sheets"] [data-testid^="sheet-"]').first().waitFor({ timeout: 120_000 });
    await s.page.evaluate(() => {
      const w = window as any;
      w.__rowsWritten = 0;
      w.__shown = [];
      const proto = w.Excel.RequestContext.prototype;
      const sync = proto.sync;
      proto.sync = function (this: { _pending?: { loc?: string; nlazy?: unknown }[] }, passThrough: unknown) {
        let rows = 0;
        for (const op of this._pending ?? []) if (op.loc === 'Range.values' && Array.isArray(op.nlazy)) rows += op.nlazy.length;
        return sync.call(this, passThrough).then((v: unknown) => {
          w.__rowsWritten += rows;
          return v;
        });
      };
      let last = '';
      const record = () => {
        const el = document.querySelector('[data-testid="step"]');
        if (!el) return;
        const step = el.getAttribute('data-step') ?? '';
        const fraction = Number(el.getAttribute('data-fraction'));
        const key = `${step}|${fraction}`;
        if (key === last) return;
        last = key;
        w.__shown.push({ step, fraction, rows: w.__rowsWritten });
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step', 'data-fraction'] });
    });
    await refresh(s);
    const shown = (await s.page.evaluate(() => (window as any).__shown)) as Shown[];
    const rowsAtEnd = (await s.page.evaluate(() => (window as any).__rowsWritten)) as number;
    expect(rowsAtEnd).toBeGreaterThan(VEHICLES);
    expect(shown.length).toBeGreaterThan(10);

    // Monotone.
    const backwards = shown.filter((v, i) => i > 0 && v.fraction < shown[i - 1].fraction);
    expect(backwards).toEqual([]);

    // Phases in order (ui.home.starting first, as the button sets it).
    const phases = shown.map((v) => phaseOf(v.step)).filter((p, i, all) => i === 0 || p !== all[i - 1]);
    expect(phases).toEqual(['ui.home.starting', 'reading', 'analysing', 'writing', 'done']);

    // 1 only at completion.
    expect(shown[shown.length - 1]).toMatchObject({ step: 'progress.done', fraction: 1 });
    expect(shown.slice(0, -1).filter((v) => v.fraction >= 1)).toEqual([]);

    // Writing: the bar's part of the writing phase against the rows of values Excel received since writing began,
    // out of those received until the last writing value (the required content; the optional steps follow it).
    const writing = shown.filter((v) => v.step === 'progress.writing');
    const first = writing[0].rows;
    const total = writing[writing.length - 1].rows - first;
    expect(total).toBeGreaterThan(VEHICLES);
    const off = writing
      .map((v) => ({ bar: (v.fraction - WRITING_FROM) / WRITING_SPAN, done: (v.rows - first) / total }))
      .filter((x) => Math.abs(x.bar - x.done) > 0.1);
    console.log(`[emu] progress on ${VEHICLES} vehicles: ${shown.length} values shown, ${writing.length} while writing, ${total} rows written; ${shown.map((v) => `${phaseOf(v.step)}:${v.fraction.toFixed(3)}`).join(' ')}`);
    expect(off).toEqual([]);
  } finally {
    await s.close();
  }
}, 30 * 60_000);
