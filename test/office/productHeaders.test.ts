/**
 * In Excel too, the product's columns never repeat the dealer's headers (issue 12.5): a card with its own 意向级别
 * and 战败原因 gets 意向级别(标准) / 战败原因(标准), the 意向级别 PivotTable is built on the normalised column, and a
 * second refresh leaves the same workbook (the renamed columns are found by their recorded headers).
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';
import { PROSPECTS_WIDE } from '../core/sales/fixtures';

async function refresh(wb: FakeWorkbook) {
  const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
  return actions.analyse();
}

describe('a prospect card with its own 意向级别 in Excel', () => {
  it('gets distinct product headers, a pivot on the normalised column, and refreshes to the same workbook', async () => {
    const wb = FakeWorkbook.fromGrids({ [PROSPECTS_WIDE.name]: PROSPECTS_WIDE.grid as unknown[][] }, { excelApi: '1.12' });
    await refresh(wb);
    const header = wb.grid(PROSPECTS_WIDE.name)[0].filter((v) => v !== '');
    expect(new Set(header).size).toBe(header.length);
    expect(header.slice(PROSPECTS_WIDE.grid[0].length)).toEqual([
      '意向级别(标准)', '跟踪次数', '最近跟踪日期', '下次跟踪日期', '跟踪状态', '逾期天数', '战败原因(标准)', '战败原因类别', '流失去向',
    ]);
    // The normalised levels, one per prospect row, under the product's header.
    const col = header.indexOf('意向级别(标准)');
    expect(wb.grid(PROSPECTS_WIDE.name).slice(1, 8).map((r) => r[col])).toEqual(['B', 'H', 'A', 'B', 'F', 'O', 'N']);
    const pivot = wb.dump().sheets.flatMap((s) => s.pivots).find((p) => p.name === 'CD_pivot_sales_levels');
    expect(pivot?.columns).toEqual(['意向级别(标准)']);
    expect(wb.pivotGrandTotal('CD_pivot_sales_levels')).toBe(7);

    const first = JSON.stringify(wb.dump());
    await refresh(wb);
    expect(JSON.stringify(wb.dump())).toBe(first);
  });
});
