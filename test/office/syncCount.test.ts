/**
 * Syncs per refresh grow only with row blocks (1,000 vs 50,000 rows), and no request or response reaches the
 * 5 MB limit of Excel on the web, on a hand-made plan (stub core: this measures the adapter only).
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { chunkCount, readChunkRows, writeChunkRows, type ChunkPolicy } from '../../src/office/chunks';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { customerGrid, planFor, stubRunner } from './support';

const SHEET = '保有客户';

function setup(rows: number, opts: { policy?: ChunkPolicy } = {}) {
  const wb = FakeWorkbook.fromGrids({ [SHEET]: customerGrid(rows) });
  const actions = createOfficeActions({ host: wb.host(), runner: stubRunner(SHEET, () => planFor(SHEET, rows)), policy: opts.policy });
  return { wb, actions };
}

describe('syncs and payload', () => {
  async function measure(rows: number) {
    const { wb, actions } = setup(rows);
    const summary = await actions.analyse();
    return { wb, summary, stats: actions.lastStats };
  }

  it('grows only by the number of row blocks between 1,000 and 50,000 rows, and stays under 5 MB', async () => {
    const small = await measure(1000);
    const big = await measure(50000);
    // Everything but the row blocks is the same for both sizes.
    expect(big.stats.syncs - big.stats.blockSyncs).toBe(small.stats.syncs - small.stats.blockSyncs);
    expect(big.summary.syncs).toBe(big.wb.stats.syncs);
    for (const [m, rows] of [
      [small, 1000],
      [big, 50000],
    ] as const) {
      const plan = planFor(SHEET, rows);
      const gridRows = rows + 3;
      const readBlocks = chunkCount(gridRows, readChunkRows(12));
      const w = plan.columnWrites[0];
      const colBlocks = chunkCount(rows, writeChunkRows(w.columns.map((c) => c.values), rows));
      const t = plan.sheets[1].tables[0];
      const tableBlocks = chunkCount(rows, writeChunkRows(t.columns.map((_c, j) => t.rows.map((r) => r[j])), rows));
      // Read blocks + column-write blocks + the list table's blocks but its last (which joins the sheet's sync).
      expect(m.stats.blockSyncs).toBe(readBlocks + colBlocks + tableBlocks - 1);
      expect(m.wb.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
      expect(m.wb.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    }
    expect(big.stats.blockSyncs).toBeGreaterThan(small.stats.blockSyncs);
    expect(big.stats.syncs).toBeLessThan(60);
  });

  it('blocks keep a write under the limit that one block would break', async () => {
    // A 1 MB limit stands in for 5 MB so the test stays small: 20,000 rows are about 1.5 MB per write.
    const oneBlock = setup(20000, { policy: { maxCells: 10_000_000, maxBytes: 200 * 1024 * 1024, readBytesPerCell: 40 } });
    oneBlock.wb.payloadLimitBytes = 1024 * 1024;
    await expect(oneBlock.actions.analyse()).rejects.toMatchObject({ code: 'payloadTooLarge', messageKey: 'office.error.payloadTooLarge' });
    expect(oneBlock.wb.sheetNames()).toEqual([SHEET]);
    const blocks = setup(20000, { policy: { maxCells: 2_000_000, maxBytes: 800 * 1024, readBytesPerCell: 40 } });
    blocks.wb.payloadLimitBytes = 1024 * 1024;
    await blocks.actions.analyse();
    expect(blocks.wb.stats.maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(blocks.wb.sheetNames()).toEqual([SHEET, '流失概览', '招揽名单', STATE_SHEET_NAME]);
  });
});

