/**
 * Issue 10.4, as a property: inserting title, dealer, totals, count, footer and signature rows anywhere below the
 * header (label in any column) never changes the figures of the analysis.
 */
import fc from 'fast-check';
import { analyseWorkbook } from '../../../src/core/analyse';
import type { SheetInput } from '../../../src/core/plan/types';
import { AS_OF, calls, customers } from '../aftersales/fixtures/smallWorkbook';

/** Non-record rows as dealers write them; each is placed at a random column offset. */
const NON_RECORD_ROWS: unknown[][] = [
  ['合计', '', '', 1200],
  ['总计:', 7],
  ['小 计', '', 3],
  ['本页小计', 5, 5],
  ['共计:1983条'],
  ['共 1,983 条'],
  ['共１９８３条记录'],
  ['记录数:1983'],
  ['合计(辆)', 35],
  ['【合计】', 12],
  ['Grand Total', '', 100],
  ['制表人:张三', '', '审核:李四', '', '打印日期:2026-11-01'],
  ['制表人:', '张三', '审核人:', '李四', '打印日期:', '2026-11-01'],
  ['打印日期', 46327],
  ['制表日期:2026-11-01'],
  ['负责人签字:'],
  ['服务经理签字'],
  ['审核'],
  ['(盖章)'],
  ['XX汽车销售服务有限公司  制表人:王五  打印日期:2026-11-01'],
  ['经销商:西安XX 4S店'],
  ['XX店保有客户明细表(截至2026年10月)'],
  ['截至2026年10月31日'],
  ['第 1 页 共 3 页'],
  ['Prepared by: Zhang', '', 'Printed on: 2026-11-01'],
];

const WIDTH = 10;

const insertion = fc.record({
  row: fc.nat(NON_RECORD_ROWS.length - 1),
  offset: fc.nat(WIDTH - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

function withRows(sheet: SheetInput, headerRow: number, inserts: { row: number; offset: number; at: number }[]): SheetInput {
  const grid = sheet.grid.map((r) => [...r]);
  for (const ins of inserts) {
    const cells = NON_RECORD_ROWS[ins.row];
    const offset = Math.min(ins.offset, WIDTH - cells.length);
    const row: unknown[] = new Array(offset).fill('');
    row.push(...cells);
    const below = headerRow + 1;
    const at = below + Math.floor(ins.at * (grid.length - below + 1));
    grid.splice(at, 0, row);
  }
  return { name: sheet.name, grid };
}

function figures(sheets: SheetInput[]) {
  const r = analyseWorkbook(sheets, { asOf: AS_OF }).report;
  return { figures: r.figures, statusCounts: r.statusCounts, issues: r.issues.length };
}

describe('non-record rows never change the figures', () => {
  const base = figures([customers, calls]);

  it('the fixture is what the rows are inserted into', () => {
    expect(base.figures.vehicles).toBe(7);
    expect(base.figures.callsRead).toBeGreaterThan(0);
  });

  it('inserting them anywhere below the header, in any column', () => {
    fc.assert(
      fc.property(fc.array(insertion, { minLength: 1, maxLength: 6 }), fc.array(insertion, { maxLength: 6 }), (inCustomers, inCalls) => {
        const got = figures([withRows(customers, 2, inCustomers), withRows(calls, 0, inCalls)]);
        expect(got).toEqual(base);
      }),
      { numRuns: 80 },
    );
  });

  it('each row on its own, at the end of both sheets (where footers stand)', () => {
    for (let i = 0; i < NON_RECORD_ROWS.length; i++) {
      for (const offset of [0, 3, 7]) {
        const ins = [{ row: i, offset, at: 1 }];
        expect([i, offset, figures([withRows(customers, 2, ins), withRows(calls, 0, ins)])]).toEqual([i, offset, base]);
      }
    }
  });
});
