import { analyseWorkbook } from '../../../src/core/analyse';
import { assertInputWithinLimits, EXCEL_LIMITS, enforceExcelLimits, fitCell } from '../../../src/core/plan/excelLimits';
import type { WorkbookPlan } from '../../../src/core/plan/types';
import { translator } from '../../../src/i18n';

const t = translator('zh-CN');
const MARK = t('core.limits.cutMarker');

function plan(): WorkbookPlan {
  return {
    columnWrites: [
      {
        sheet: '保有客户', headerRow: 0, startColumn: 3, firstDataRow: 1, lastDataRow: 2, replaces: null,
        columns: [{ key: 'reason', header: '流失原因', kind: 'text', values: ['短', '因'.repeat(40000)], validation: { type: 'list', values: Array.from({ length: 100 }, (_, i) => `选项${i}`), strict: true } }],
      },
    ],
    sheets: [
      {
        key: 'summary.overview', name: '流失总览/汇总[2026]*很长很长很长很长很长很长很长很长很长', role: 'summary',
        cells: [{ row: 0, col: 0, value: '店'.repeat(40000) }, { row: 1, col: 0, value: 'x', numberFormat: '0'.repeat(300) }, { row: EXCEL_LIMITS.rows, col: 0, value: 'beyond' }],
        tables: [{ name: 'CD_x', row: 3, col: 0, columns: [{ header: '名', kind: 'text' }], rows: [['王'.repeat(33000)], ['李']] }],
        print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
      },
      { key: 'summary.other', name: '流失总览-汇总-2026-很长很长很长很长很长很长很长很长很长', role: 'summary', cells: [], tables: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: true } },
    ],
    state: { version: 1, settings: {}, mappings: {}, ownedSheets: {}, ownedColumns: {} },
    report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
  };
}

describe('enforceExcelLimits', () => {
  it('cuts cells to 32,767 characters with a marker and says where', () => {
    expect(fitCell('a'.repeat(EXCEL_LIMITS.cellChars), MARK)).toHaveLength(EXCEL_LIMITS.cellChars);
    const cut = fitCell('😀'.repeat(20000), MARK);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_LIMITS.cellChars);
    expect(cut.endsWith(MARK)).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(cut.slice(0, -MARK.length))).toBe(false);

    const out = enforceExcelLimits(plan(), t);
    const title = out.sheets[0].cells[0].value as string;
    expect(title).toHaveLength(EXCEL_LIMITS.cellChars);
    expect(title.endsWith(MARK)).toBe(true);
    expect((out.sheets[0].tables[0].rows[0][0] as string).length).toBe(EXCEL_LIMITS.cellChars);
    expect(out.sheets[0].tables[0].rows[1][0]).toBe('李');
    expect((out.columnWrites[0].columns[0].values[1] as string).length).toBe(EXCEL_LIMITS.cellChars);
    expect(out.columnWrites[0].columns[0].values[0]).toBe('短');
    const keys = (out.report.warningMessages ?? []).map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['core.warning.cellsCut', 'core.warning.listsCut', 'core.warning.formatsCut', 'core.warning.gridCut']));
    expect(out.report.warnings.join('\n')).toContain('A1');
  });

  it('sheet names legal, at most 31 characters and unique case-insensitively; the state follows', () => {
    const out = enforceExcelLimits(plan(), t);
    const names = out.sheets.map((s) => s.name);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(out.state.ownedSheets['summary.overview']).toBe(names[0]);
  });

  it('number formats and lists within 255 characters, cells inside the grid', () => {
    const out = enforceExcelLimits(plan(), t);
    expect(out.sheets[0].cells.find((c) => c.value === 'x')?.numberFormat).toBeUndefined();
    const list = out.columnWrites[0].columns[0].validation!;
    expect(list.values.join(',').length).toBeLessThanOrEqual(255);
    expect(list.values.length).toBeGreaterThan(10);
    expect(list.strict).toBe(false);
    expect(out.sheets[0].cells.some((c) => c.row >= EXCEL_LIMITS.rows)).toBe(false);
  });

  it('a plan within the limits comes back with the same values', () => {
    const p = plan();
    p.sheets[0].cells = [{ row: 0, col: 0, value: '标题' }];
    p.sheets[0].tables[0].rows = [['王']];
    p.sheets[0].name = '流失总览';
    p.sheets[1].name = '其他';
    p.columnWrites[0].columns[0].values = ['a', 'b'];
    p.columnWrites[0].columns[0].validation = undefined;
    const out = enforceExcelLimits(p, t);
    expect(out.report.warnings).toEqual([]);
    expect(out.sheets.map((s) => s.name)).toEqual(['流失总览', '其他']);
    expect(out.sheets[0].tables[0].rows).toBe(p.sheets[0].tables[0].rows);
  });

  it('an input cell longer than Excel allows is refused, naming it', () => {
    expect(() => assertInputWithinLimits([{ name: '保有客户', grid: [['a'], ['b', 'x'.repeat(EXCEL_LIMITS.cellChars + 1)]] }])).toThrow(expect.objectContaining({ key: 'core.error.cellTooLong', params: expect.objectContaining({ cell: 'B2', sheet: '保有客户' }) }));
    expect(() => assertInputWithinLimits([{ name: 's', grid: [['x'.repeat(EXCEL_LIMITS.cellChars)]] }])).not.toThrow();
  });

  it('analyseWorkbook refuses a long cell anywhere, naming the first one, also where the detection\'s row pass checked it', () => {
    const long = 'x'.repeat(EXCEL_LIMITS.cellChars + 1);
    const base = (): unknown[][] => {
      const grid: unknown[][] = [['保有客户明细'], ['车架号', '购车日期', '最后进站日期', '车型']];
      for (let i = 0; i < 20; i++) grid.push([`LVVDB11111A${String(i).padStart(6, '0')}`, 44000 + i, 46000 - i * 20, '瑞虎8']);
      return grid;
    };
    const run = (grids: unknown[][][]) => () => analyseWorkbook(grids.map((grid, i) => ({ name: i ? `其他${i}` : '保有客户', grid })), { asOf: { y: 2026, m: 10, d: 31 } });
    const refused = (sheet: string, cell: string) => expect.objectContaining({ key: 'core.error.cellTooLong', params: expect.objectContaining({ sheet, cell }) });
    // In a data row, beyond the mapped columns (the row pass reads the whole row).
    const inData = base();
    inData[12][6] = long;
    expect(run([inData])).toThrow(refused('保有客户', 'G13'));
    // Above the header (not in the row pass) and in a data row: the first in row order.
    const both = base();
    both[0][3] = long;
    both[15][1] = long;
    expect(run([both])).toThrow(refused('保有客户', 'D1'));
    // In a sheet that is no input kind, after the customer sheet: still refused.
    expect(run([base(), [['备注'], ['a', long]]])).toThrow(refused('其他1', 'B2'));
    // In a data row of the second of two long cells' sheets: the first sheet's is named.
    const second = base();
    second[5][0] = long;
    expect(run([inData, second])).toThrow(refused('保有客户', 'G13'));
    expect(run([base()])).not.toThrow();
  });

  it('a dealer name of 40,000 characters still gives cells within the limit', () => {
    const grid: unknown[][] = [['车架号', '购车日期', '最后进站日期', '车型']];
    for (let i = 0; i < 20; i++) grid.push([`LVVDB11111A${String(i).padStart(6, '0')}`, 44000 + i, 46000 - i * 20, '瑞虎8']);
    const out = analyseWorkbook([{ name: '保有客户', grid }], { asOf: { y: 2026, m: 10, d: 31 }, settings: { dealerName: '店'.repeat(40000) } });
    const longest = Math.max(...out.sheets.flatMap((s) => [...s.cells.map((c) => String(c.value ?? '').length), ...s.tables.flatMap((tb) => tb.rows.flatMap((r) => r.map((v) => String(v).length)))]));
    expect(longest).toBeLessThanOrEqual(EXCEL_LIMITS.cellChars);
    expect((out.report.warningMessages ?? []).some((m) => m.key === 'core.warning.cellsCut')).toBe(true);
  });
});
