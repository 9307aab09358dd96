import fc from 'fast-check';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { placeAppendedColumns } from '../../../src/core/sheets/placeColumns';
import type { SheetKind } from '../../../src/core/sheets/types';

const HEADERISH = ['车架号', '购车日期', '回访日期', '回访结果', '来电', '来店', '日期', '跟进日期', '第1次跟进日期', '合计', '客户姓名', '', ' ', '—'];
const cell = fc.oneof(fc.constantFrom(...HEADERISH), fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(''));
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 });

describe('the input layer never throws on junk', () => {
  it('mapSheet: sorted, disjoint data and totals rows below the header; columns within the header row', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom<SheetKind>('customers', 'calls', 'register', 'prospects'), (g, kind) => {
        const m = mapSheet({ name: 'S', grid: g }, kind);
        const rows = [...m.dataRows, ...m.totalsRows];
        const sortedAsc = (a: number[]) => a.every((r, i) => i === 0 || a[i - 1] < r);
        const cols = Object.values(m.columns) as number[];
        return (
          sortedAsc(m.dataRows) &&
          sortedAsc(m.totalsRows) &&
          new Set(rows).size === rows.length &&
          rows.every((r) => r > m.headerRow && r < g.length) &&
          new Set(cols).size === cols.length &&
          cols.every((c) => c >= 0 && c < m.headers.length)
        );
      }),
      { numRuns: 500 },
    );
  });

  it('detectSheets gives each sheet at most one kind; placement never lands on a non-empty cell', () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 5 }), (grids) => {
        const d = detectSheets(grids.map((g, i) => ({ name: `Sheet${i + 1}`, grid: g })));
        const used = [d.customers, d.calls, d.register, d.prospects].filter((m) => m !== undefined);
        if (new Set(used.map((m) => m!.sheet.name)).size !== used.length) return false;
        if (used.length + d.ignored.length !== grids.length) return false;
        for (const m of used) {
          const start = placeAppendedColumns(m!, ['A', 'B']);
          for (const row of m!.sheet.grid) for (let c = start; c < row.length; c++) if (row[c] !== '' && row[c] !== null && row[c] !== undefined) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
