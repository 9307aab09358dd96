import { placeAppendedColumns, firstFreeColumn } from '../../../src/core/sheets/placeColumns';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import type { Grid } from '../../../src/core/plan/types';

const OURS = ['未回厂月数', '流失状态'];

function mapped(grid: Grid, ownedHeaders?: string[]) {
  return mapSheet({ name: 'S', grid }, 'customers', { ownedHeaders });
}

describe('placeAppendedColumns', () => {
  it('goes right of every non-empty cell of the sheet, in any row', () => {
    const grid: Grid = [['标题'], ['车架号', '购车日期'], ['LSV', '2021-01-01', '', '', '用户备注'], ['LSV2', '2021-01-02']];
    expect(placeAppendedColumns(mapped(grid), OURS)).toBe(5);
  });

  it('a lone space or placeholder counts as content', () => {
    expect(firstFreeColumn([['a', '', ' '], ['b', '—']])).toBe(3);
    expect(firstFreeColumn([['a', '', '']])).toBe(1);
    expect(firstFreeColumn([])).toBe(0);
  });

  it('reuses the recorded start while the header row still shows its headers', () => {
    const grid: Grid = [['车架号', '购车日期', '未回厂月数', '流失状态'], ['LSV', '2021-01-01', 3, '活跃']];
    const m = mapped(grid, OURS);
    expect(placeAppendedColumns(m, OURS, { headerRow: 0, startColumn: 2, headers: OURS })).toBe(2);
  });

  it('does not reuse the recorded start when the user overwrote the header', () => {
    const grid: Grid = [['车架号', '购车日期', '我的列', '流失状态'], ['LSV', '2021-01-01', 3, '活跃']];
    expect(placeAppendedColumns(mapped(grid), OURS, { headerRow: 0, startColumn: 2, headers: OURS })).toBe(4);
  });

  it('does not reuse the recorded start when more columns are needed and the user typed beside ours', () => {
    const grid: Grid = [['车架号', '购车日期', '未回厂月数', '流失状态', '备注'], ['LSV', '2021-01-01', 3, '活跃', '别动']];
    const more = [...OURS, '车龄(年)'];
    expect(placeAppendedColumns(mapped(grid), more, { headerRow: 0, startColumn: 2, headers: OURS })).toBe(5);
  });

  it('reuses ChurnDesk columns found by their headers when the state was lost', () => {
    const grid: Grid = [['车架号', '购车日期', '未回厂月数', '流失状态'], ['LSV', '2021-01-01', 3, '活跃']];
    expect(placeAppendedColumns(mapped(grid, OURS), OURS)).toBe(2);
    // but not when a user cell sits where the extra column would go
    const grid2: Grid = [['车架号', '购车日期', '未回厂月数', '流失状态'], ['LSV', '2021-01-01', 3, '活跃', '用户']];
    expect(placeAppendedColumns(mapped(grid2, OURS), [...OURS, '车龄(年)'])).toBe(5);
  });

  it('scans a wide, tall sheet in linear time', () => {
    const grid: unknown[][] = [['车架号', '购车日期']];
    for (let i = 0; i < 200000; i++) grid.push(['LSV', 1, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '']);
    grid[150000] = ['LSV', 1, '', '', '', '', '', '', '', '', 'x'];
    const m = mapped(grid);
    const t0 = Date.now();
    expect(placeAppendedColumns(m, OURS)).toBe(11);
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
