/**
 * A long dealer name in a narrow 销售服务商 / 服务站 field prints whole (issue 12.7 follow-up): the field takes a row of
 * its own across the form's width, wraps there if it still must, and the row is as tall as the lines it needs; a
 * short name keeps its place and the single 20 pt row. Checked in LibreOffice once (5S管理自检表, 流失客户分析报表:
 * the name on one line, the form one page wide).
 * Checked on every form of the pack whose header fields show the dealer.
 */
import { FORM_CATALOGUE } from '../../../src/core/forms/catalogue';
import { formDefinition, renderForm } from '../../../src/core/forms';
import type { SheetSpec } from '../../../src/core/plan/types';

const LONG = '武汉汉阳瑞达汽车销售服务有限公司沌口经济技术开发区第二分公司(奇瑞品牌授权销售服务店)';
const SHORT = '瑞达汽车';
const ctx = (dealerName: string) => ({ dealerName, period: '2026年10月', date: '2026-10-31' });

function dealerCell(sheet: SheetSpec, name: string) {
  return sheet.cells.find((c) => c.value === name && c.style === 'input');
}
const heightOf = (sheet: SheetSpec, row: number) => sheet.rowHeights?.find((h) => h.row === row)?.height;
/** The width in characters of a cell's span (its own column plus the merged ones). */
function spanWidth(sheet: SheetSpec, col: number, across = 0): number {
  let w = 0;
  for (let c = col; c <= col + across; c++) w += sheet.columnWidths?.find((x) => x.col === c)?.width ?? 8.43;
  return w;
}

const withDealer = FORM_CATALOGUE.map((e) => formDefinition(e.id)).filter((d) => d && (d.headerFields ?? []).some((f) => f.source === 'dealerName'));

test('the pack has forms with a dealer field', () => {
  expect(withDealer.length).toBeGreaterThanOrEqual(10);
});

test.each(withDealer.map((d) => [d!.id, d!]))('%s: a long dealer name gets a row of its own and prints whole; a short one keeps 20 pt', (_id, def) => {
  const long = renderForm(def, { ctx: ctx(LONG) });
  const cell = dealerCell(long, LONG)!;
  expect(cell).toBeDefined();
  // The field is widened: the name has the row to itself (no other field beside it) …
  expect(long.cells.filter((c) => c.row === cell.row && c.style === 'input')).toHaveLength(1);
  // … and prints whole: where it needs more than one line in its span (CJK glyphs ≈ 1.8 units), it wraps and the
  // row is as tall as those lines.
  const lines = Math.ceil((LONG.length * 1.8) / spanWidth(long, cell.col, cell.mergeAcross ?? 0));
  if (lines > 1) expect(cell.wrap).toBe(true);
  expect(heightOf(long, cell.row)).toBeGreaterThanOrEqual(Math.max(20, lines * 15));
  const short = renderForm(def, { ctx: ctx(SHORT) });
  const s = dealerCell(short, SHORT)!;
  // A name that clearly fits (2 units a glyph, with room to spare) stays on the one 20 pt line.
  if (SHORT.length * 2 + 1 <= spanWidth(short, s.col, s.mergeAcross ?? 0)) {
    expect(s.wrap).toBeFalsy();
    expect(heightOf(short, s.row)).toBe(20);
  }
});
