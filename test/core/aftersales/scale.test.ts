import { analyseWorkbook } from '../../../src/core/analyse';
import { AS_OF } from './fixtures/smallWorkbook';
import { syntheticBase } from './fixtures/syntheticBase';

describe('analyseWorkbook at scale (sanity bound only; real numbers come from the bench script)', () => {
  it('classifies 200,000 rows in reasonable time', () => {
    const sheets = syntheticBase(200000);
    const started = Date.now();
    const plan = analyseWorkbook(sheets, { asOf: AS_OF });
    const ms = Date.now() - started;
    expect(plan.report.figures.rowsRead).toBe(200000);
    expect(plan.report.figures.vehicles).toBe(180000);
    expect(plan.report.figures.duplicateRows).toBe(20000);
    expect(plan.report.figures.callsRead).toBe(100000);
    expect(plan.columnWrites[0].columns[0].values.length).toBe(200000);
    const counts = Object.values(plan.report.statusCounts).reduce((a, b) => a + b, 0);
    expect(counts).toBe(180000);
    // A gross bound only (shared machines are slow): a quadratic step would take far longer.
    expect(ms).toBeLessThan(100000);
  });
});
