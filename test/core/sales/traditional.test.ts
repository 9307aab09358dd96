import fc from 'fast-check';
import { toSimplifiedSales } from '../../../src/core/sales/traditional';

describe('toSimplifiedSales', () => {
  it.each([
    ['試駕後報價14.2萬', '试驾后报价14.2万'],
    ['已訂車', '已订车'],
    ['車貸審批沒過', '车贷审批没过'],
    ['Ｂ級', 'Ｂ级'],
    ['试驾后报价', '试驾后报价'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(toSimplifiedSales(input)).toBe(expected);
  });

  it('returns simplified text unchanged (the same string) and is idempotent', () => {
    expect(toSimplifiedSales('试驾后报价')).toBe('试驾后报价');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'試駕訂簽單貸級購報價萬車試驾订签单贷级购报价万车abc12 ，') }), (s) => {
        const once = toSimplifiedSales(s);
        expect(toSimplifiedSales(once)).toBe(once);
        expect([...once].length).toBe([...s].length);
      }),
    );
  });
});

describe('toSimplifiedSales: round 6 characters', () => {
  it.each([
    ['暫緩購車', '暂缓购车'],
    ['徵信', '征信'],
    ['紅色庫存', '红色库存'],
    ['手動擋', '手动挡'],
  ])('%p → %p', (input, expected) => {
    expect(toSimplifiedSales(input)).toBe(expected);
  });
});
