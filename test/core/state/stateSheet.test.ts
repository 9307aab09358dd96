import { emptyState, stateFromGrid, stateToGrid } from '../../../src/core/state/stateSheet';

describe('workbook state sheet', () => {
  it('round-trips, including JSON longer than one cell holds', () => {
    const state = { ...emptyState(), settings: { dealerName: '西安某4S店', localRegions: Array.from({ length: 5000 }, (_, i) => `区域${i}`) } };
    const grid = stateToGrid(state);
    expect(grid.length).toBeGreaterThan(2);
    for (const row of grid) expect(row[0].length).toBeLessThanOrEqual(32767);
    expect(stateFromGrid(grid)).toEqual(state);
  });

  it('returns null for a sheet that is not a state sheet or is damaged', () => {
    expect(stateFromGrid([['hello']])).toBeNull();
    expect(stateFromGrid([['ChurnDesk state v1'], ['{not json']])).toBeNull();
    expect(stateFromGrid(undefined)).toBeNull();
  });
});
