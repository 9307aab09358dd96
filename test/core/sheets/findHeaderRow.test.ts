/**
 * Issue 14.4: the header row is found anywhere in the first 200 rows, by its words and by what the rows under it
 * hold, and a data row is never taken for a header.
 */
import { findHeaderRow, findHeaderRowScored, headerContentScore, HEADER_SCAN_ROWS, isValueCell } from '../../../src/core/sheets/findHeaderRow';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import type { Grid } from '../../../src/core/plan/types';
import { headRowCounts, MAX_HEAD_CELLS, MIN_HEAD_ROWS } from '../../../src/office/readSheets';

const HEADER = ['客户姓名', '联系电话', '车牌号', '车架号', '购车日期', '最后进站日期'];
const data = (n: number): unknown[][] =>
  Array.from({ length: n }, (_, i) => [`客户${i}`, `1380000${String(i).padStart(4, '0')}`, `陕A${String(10000 + i)}`, `LSVAB2BR0MN${String(100000 + i)}`, '2024-01-10', 45600 + i]);
/** A block of notes (one or two text cells per row) above the table. */
const notes = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => (i % 3 === 2 ? [] : [`说明第${i + 1}条`, '请勿修改本表格式']));

describe('findHeaderRow: anywhere in the first 200 rows', () => {
  it.each([0, 29, 30, 35, 120, 199])('header at row %i', (at) => {
    const grid: Grid = [...notes(at), HEADER, ...data(20)];
    expect(findHeaderRow(grid, 'customers')).toBe(at);
    const m = mapSheet({ name: 'S', grid }, 'customers');
    expect(m.headerRow).toBe(at);
    expect(m.dataRows).toHaveLength(20);
  });

  it('not beyond row 200 (bounded)', () => {
    expect(HEADER_SCAN_ROWS).toBe(200);
    expect(findHeaderRow([...notes(HEADER_SCAN_ROWS), HEADER, ...data(3)], 'customers')).toBe(-1);
  });

  it('a million-row sheet is searched in its first 200 rows only (fast)', () => {
    const big: Grid = [['XX店保有客户明细表'], HEADER, ...data(1000)];
    const rows = new Proxy(big, {
      get(target, prop, recv) {
        if (prop === 'length') return 1_000_000;
        if (typeof prop === 'string' && /^\d+$/.test(prop) && +prop > HEADER_SCAN_ROWS + 10) throw new Error(`row ${prop} read`);
        return Reflect.get(target, prop, recv) as unknown;
      },
    });
    const t0 = Date.now();
    expect(findHeaderRow(rows, 'customers')).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('findHeaderRow: by content as well as by words', () => {
  it('a header whose words are in no dictionary is found over its data (score 0)', () => {
    const grid: Grid = [
      ['某某汽车 客户资料导出'],
      ['导出人:张三', '导出条件:全部'],
      [],
      ['栏一', '栏二', '栏三', '栏四', '栏五'],
      ['A001', '王', '13800000001', '陕A10001', '2024-01-10'],
      ['A002', '李', '13800000002', '陕A10002', '2023-05-06'],
      ['A003', '赵', '13800000003', '陕A10003', 45200],
    ];
    expect(findHeaderRowScored(grid, 'customers')).toEqual({ row: 3, score: 0 });
  });

  it('on a word tie, the row standing over data wins (a summary block above repeats header words)', () => {
    const grid: Grid = [
      ['车架号', '购车日期'],
      ['说明', '见下表'],
      [],
      ['车架号', '购车日期'],
      ['LSVAB2BR0MN100001', '2024-01-10'],
      ['LSVAB2BR0MN100002', '2023-05-06'],
    ];
    expect(findHeaderRow(grid, 'customers')).toBe(3);
  });

  it('a data row is never a header, even when its text holds header words', () => {
    const grid: Grid = [
      ['流水', '说明'],
      ['车主', '车牌号', '2024-01-10', '13800000001'],
      ['车主', '车牌号', '2024-01-11', '13800000002'],
    ];
    expect(findHeaderRow(grid, 'customers')).toBe(-1);
  });

  it('scores content: values under text headers', () => {
    const grid: Grid = [HEADER, ...data(3)];
    expect(headerContentScore(grid, 0, 10)).toBeGreaterThanOrEqual(8);
    expect(headerContentScore(grid, 1, 10)).toBe(0);
    expect(headerContentScore([['a', 'b'], ['c', 'd']], 0, 10)).toBe(0);
  });

  it.each<[unknown, boolean]>([
    [45200, true], ['2024-01-10', true], ['2026年10月3日 14:20', true], ['13800000001', true], ['+86 138 0000 0001', true],
    ['35,000', true], ['LSVAB2BR0MN100001', true], ['陕A·10001', true], [true, true],
    ['车架号', false], ['购车日期', false], ['客户姓名', false], ['', false], ['—', false], ['VIN', false],
  ])('isValueCell(%j) → %p', (v, yes) => expect(isValueCell(v)).toBe(yes));
});

describe('the Office adapter reads enough head rows for the header search, bounded in cells', () => {
  const sheet = (rows: number, cols: number) => ({ name: 'S', visibility: 'Visible' as const, rows, cols });
  it('200 rows of an ordinary sheet, fewer when the sheet is shorter, none of an empty one', () => {
    expect(headRowCounts([sheet(50000, 20), sheet(12, 8), sheet(0, 0)])).toEqual([HEADER_SCAN_ROWS, 12, 0]);
  });
  it('very wide sheets: scaled down within the cell budget, never under 30 rows', () => {
    const counts = headRowCounts([sheet(100000, 16384), sheet(100000, 3000), sheet(5000, 20)]);
    expect(counts.every((r) => r >= MIN_HEAD_ROWS)).toBe(true);
    expect(counts[0]).toBe(MIN_HEAD_ROWS);
    const wide = headRowCounts([sheet(100000, 1000), sheet(100000, 1000)]);
    expect(wide[0] * 1000 + wide[1] * 1000).toBeLessThanOrEqual(MAX_HEAD_CELLS);
    expect(wide[0]).toBeGreaterThanOrEqual(MIN_HEAD_ROWS);
  });
});
