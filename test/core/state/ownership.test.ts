import { sheetTitle, stillOwned } from '../../../src/core/state/ownership';
import { emptyState } from '../../../src/core/state/stateSheet';
import type { SheetSpec } from '../../../src/core/plan/types';

describe('ownership of generated sheets', () => {
  const spec: SheetSpec = { key: 'k', name: 'n', role: 'summary', cells: [{ row: 1, col: 0, value: 'x' }, { row: 0, col: 0, value: '流失概览' }], tables: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: true } };

  it('takes the title from A1', () => {
    expect(sheetTitle(spec)).toBe('流失概览');
    expect(sheetTitle({ ...spec, cells: [] })).toBe('');
  });

  it('keeps a sheet ours only while A1 shows the recorded title', () => {
    const state = { ...emptyState(), ownedSheetTitles: { k: '流失概览' } };
    expect(stillOwned(state, 'k', '流失概览')).toBe(true);
    expect(stillOwned(state, 'k', '我的笔记')).toBe(false);
    expect(stillOwned(state, 'k', '')).toBe(false);
  });

  it('trusts sheets recorded before titles were kept', () => {
    expect(stillOwned(emptyState(), 'k', 'anything')).toBe(true);
  });
});
