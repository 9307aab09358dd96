import { buildSummarySheet } from '../../../src/core/plan/summarySheet';

describe('buildSummarySheet', () => {
  const sheet = buildSummarySheet({
    key: 'summary.test',
    name: '测试',
    title: '流失概览',
    subtitle: '某4S店 · 截至 2026-10-31',
    conclusion: '流失率 31.0%,高于目标 25.0%',
    tables: [
      {
        id: 'a',
        caption: '按状态',
        columns: [
          { header: '流失状态', kind: 'text' },
          { header: '数量', kind: 'integer' },
        ],
        rows: [
          ['活跃', 10],
          ['流失', 5],
        ],
        totalsRow: true,
        charts: [{ type: 'pie', title: '状态构成', series: ['数量'], widthCols: 6, heightRows: 12 }],
      },
      { id: 'b', caption: '第二表', columns: [{ header: 'x', kind: 'integer' }], rows: [[1]] },
    ],
  });

  it('puts title, subtitle and conclusion on top', () => {
    expect(sheet.cells.find((c) => c.row === 0)?.value).toBe('流失概览');
    expect(sheet.cells.find((c) => c.style === 'conclusion')?.value).toBe('流失率 31.0%,高于目标 25.0%');
  });

  it('stacks tables without overlap, leaving room for the totals row', () => {
    const [a, b] = sheet.tables;
    expect(a.name).toBe('CD_summary_test_a');
    const aLast = a.row + a.rows.length + (a.totalsRow ? 1 : 0);
    expect(b.row).toBeGreaterThan(aLast + 1);
  });

  it('anchors the chart to its table, right of the tables', () => {
    expect(sheet.charts?.[0]).toMatchObject({ table: 'CD_summary_test_a', col: 3 });
  });

  it('is A4, fit to width', () => {
    expect(sheet.print).toMatchObject({ paper: 'A4', fitToWidth: true });
  });
});
