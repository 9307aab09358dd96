import { buildSummarySheet } from '../../../src/core/plan/summarySheet';

test('the space kept for a pivot covers every group of the sheet: the note below is never overwritten', () => {
  const groups = 45;
  const spec = buildSummarySheet({
    key: 'summary.region',
    name: '地区分析',
    title: 't',
    subtitle: 's',
    conclusion: 'c',
    tables: [{ id: 'region', caption: 'x', columns: [{ header: '地区', kind: 'text' }, { header: '合计', kind: 'integer' }], rows: Array.from({ length: groups }, (_, i) => [`地区${i}`, i]) }],
    pivots: [{ name: 'CD_pivot_region', source: { sheet: '保有客户', headerRow: 0, lastRow: 100, firstCol: 0, lastCol: 5 }, rows: ['地区'], columns: ['流失状态'], values: [{ header: '流失状态', fn: 'count' }] } as never],
    notes: ['note'],
  });
  const pivot = spec.pivots![0];
  const note = spec.cells.find((c) => c.value === 'note')!;
  // filter area (3) + two header rows + one row per group + the total
  expect(note.row).toBeGreaterThanOrEqual(pivot.row + 3 + 2 + groups + 1);
});
