/**
 * Issue 10.4: rows that are not records (titles, dealer lines, totals, subtotals, counts, footers, signatures, page
 * numbers) are recognised wherever their label stands, and records that merely mention such a word are kept.
 */
import { isNonRecordRow, isTotalsRow } from '../../../src/core/sheets/rowKinds';

const W = 10;

describe('isNonRecordRow: rows that are not records', () => {
  it.each<[string, unknown[]]>([
    ['totals first cell', ['合计', '', '', 1200]],
    ['totals with colon', ['合计:', '', 5]],
    ['full-width colon', ['总计：', 3]],
    ['spaced word', ['合 计', '', 5]],
    ['ideographic space', ['小\u3000计', 1]],
    ['decorated', ['【合计】', 12]],
    ['decorated stars', ['** 合计 **', 12]],
    ['page subtotal', ['', '', '本页小计', 3]],
    ['totals far right', ['', '', '', '', '', '合计', 1983, 5600]],
    ['totals far right with colon', ['', '', '', '', '', '', '', '合计:', 1983]],
    ['totals label with count in cell', ['', '', '', '', '合计 1,983']],
    ['共计 with count', ['', '', '', '', '', '共计:1983条']],
    ['count line', ['共 1,983 条']],
    ['count line far right', ['', '', '', '', '', '', '共 1,983 条']],
    ['count line full width', ['', '', '', '共１９８３条记录']],
    ['count line 一共', ['一共 12 辆']],
    ['record count label', ['', '记录数:1983']],
    ['totals with unit', ['合计(辆)', 35]],
    ['totals amount label', ['合计金额:12000', '', '', '']],
    ['grand total', ['Grand Total', '', 100]],
    ['total records', ['', '', '', 'Total records: 1,983']],
    ['subtotal', ['Sub-total', 5]],
    ['footer: who made it', ['制表人:张三', '', '', '', '', '', '', '']],
    ['footer: who made it, no colon, name', ['', '', '制表人 张三', '', '', '', '', '', '', '']],
    ['footer: several labels', ['制表人:张三', '张三', '审核:李四', '', '打印日期:2026-11-01', '', '', '']],
    ['footer labels in a full row', ['制表人:', '张三', '审核人:', '李四', '打印日期:', '2026-11-01', '负责人签字:', '', '制表日期:', '2026-11-01']],
    ['footer: print date only', ['', '', '', '', '', '', '', '打印日期:2026-11-01']],
    ['footer: print date serial', ['', '', '', '', '', '', '', '打印日期', 46327]],
    ['footer: sign', ['负责人签字:', '', '', '', '', '', '', '']],
    ['footer: sign no colon', ['', '', '', '', '', '负责人签字']],
    ['footer: manager sign', ['', '', '', '服务经理签字:']],
    ['footer: made by in one cell after dealer', ['XX汽车销售服务有限公司  制表人:王五  打印日期:2026-11-01']],
    ['footer: dealer line', ['经销商:西安XX 4S店', '', '', '', '', '', '', '']],
    ['footer: 审核 alone', ['', '', '', '', '', '审核', '']],
    ['footer: 盖章', ['', '', '', '(盖章)']],
    ['footer: English', ['Prepared by: Zhang', '', '', 'Printed on: 2026-11-01']],
    ['title repeated below header', ['XX店保有客户明细表(截至2026年10月)']],
    ['title period line', ['截至2026年10月31日']],
    ['page number', ['', '', '', '第 1 页 共 3 页']],
    ['page number English', ['Page 2 of 3']],
  ])('%s', (_label, row) => {
    expect(isNonRecordRow(row, W)).toBe(true);
    expect(isTotalsRow(row, W)).toBe(true);
  });
});

describe('isNonRecordRow: records that merely mention such a word', () => {
  it.each<[string, unknown[]]>([
    ['reason mentions 总计', ['张三', '13800000001', 'VIN0001', '2026-10-01', '已接通', '客户说总计花费太高']],
    ['result mentions 累计', ['VIN0001', '2026-10-01', '累计3次未接通', '', '小刘']],
    ['remark 审核通过', ['王五', '13800000003', '陕A10003', 'VIN0003', '2022-03-01', '审核通过']],
    ['caller 店长', ['2026-10-01', 'VIN0001', '', '', '已接通', '', '', '是', '', '店长']],
    ['caller 小刘 (first char of 小计)', ['2026-10-01', 'VIN0001', '', '', '已接通', '', '', '', '', '小刘']],
    ['customer 单先生 (first char of 单位)', ['单先生', '13800000001', '陕A1', 'VIN1', '2024-01-01']],
    ['long text with 合计', ['王合计师傅的车辆维修记录很长很长']],
    ['sparse record', ['VIN0003', '', '', '', '', '2026-10-01']],
    ['sparse record with a reason', ['VIN0003', '', '', '', '', '', '', '', '', '嫌保养太贵']],
    ['model name', ['张三', '13800000001', '总裁版', 'VIN1']],
    ['plain names', ['王先生', '13812345678']],
    ['empty', []],
  ])('%s', (_label, row) => expect(isNonRecordRow(row, W)).toBe(false));

  it('ignores cells from end on', () => expect(isNonRecordRow(['张三', '13800000001', '', '', '合计'], 3)).toBe(false));
});
