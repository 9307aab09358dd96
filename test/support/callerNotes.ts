/** The caller columns of 招揽名单 (what a caller types), read back by vehicle: for the tests of notes kept across refreshes. */
import type { CellValue } from '../../src/core/plan/types';

export const CALLER_COLUMNS = ['招揽专员', '招揽日期', '招揽结果', '预约日期', '备注'];

/** Caller columns by VIN, from a grid of the list: VIN -> [招揽专员, 招揽日期, 招揽结果, 预约日期, 备注]. */
export function callerNotesByVin(grid: CellValue[][]): Map<string, CellValue[]> {
  const h = grid.findIndex((r) => r?.includes('招揽结果') && r.includes('车架号'));
  const head = grid[h];
  const cols = CALLER_COLUMNS.map((x) => head.indexOf(x));
  const vin = head.indexOf('车架号');
  const name = head.indexOf('客户姓名');
  const out = new Map<string, CellValue[]>();
  for (let r = h + 1; r < grid.length && (grid[r]?.[vin] || grid[r]?.[name]); r++) {
    if (grid[r][vin]) out.set(String(grid[r][vin]), cols.map((c) => grid[r][c] ?? ''));
  }
  return out;
}
