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

  it('drops the parts of a tampered state that have the wrong type, and keeps the rest', () => {
    const grid = [['ChurnDesk state v1'], [JSON.stringify({
      version: 1,
      settings: 'x',
      mappings: { 保有客户: { lastVisit: '最后进站' }, 回访: [1] },
      ownedSheets: { overview: '流失概览', bad: 7 },
      ownedColumns: { 保有客户: { headerRow: 1, columns: { status: 0 } }, 回访: { headerRow: 0, startColumn: 5, headers: ['流失状态'] }, x: 'y' },
      lastRun: { at: 3 },
      futurePart: { kept: true },
    })]];
    expect(stateFromGrid(grid)).toEqual({
      version: 1,
      settings: {},
      mappings: { 保有客户: { lastVisit: '最后进站' } },
      ownedSheets: { overview: '流失概览' },
      ownedColumns: { 回访: { headerRow: 0, startColumn: 5, headers: ['流失状态'] } },
      futurePart: { kept: true },
    });
    expect(stateFromGrid([['ChurnDesk state v1'], ['{"version":1,"ownedColumns":"y","mappings":null}']])).toEqual(emptyState());
    // Nested deeper than anything the product writes: dropped (writing it back would overflow the stack).
    const deep = stateFromGrid([['ChurnDesk state v1'], ['{"version":1,"settings":{"targetChurnRate":0.3,"a":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}}']]);
    expect(deep?.settings).toEqual({ targetChurnRate: 0.3 });
    expect(() => stateToGrid(deep!)).not.toThrow();
  });
});
