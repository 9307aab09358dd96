import { isValidTableName, uniqueTableName } from '../../../src/core/plan/names';
import { assignTableNames, keepUserTableNames, namesToAvoid } from '../../../src/core/plan/tableNames';
import type { SheetSpec } from '../../../src/core/plan/types';

function sheet(key: string, tables: string[], chartOn?: string): SheetSpec {
  return {
    key,
    name: key,
    role: 'summary',
    cells: [],
    tables: tables.map((name, i) => ({ name, row: i * 5, col: 0, columns: [{ header: '项目', kind: 'text' }], rows: [['a']] })),
    charts: chartOn ? [{ type: 'pie', title: 't', table: chartOn, series: ['项目'], row: 0, col: 3, widthCols: 5, heightRows: 10 }] : [],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
}

describe('Excel table names', () => {
  it.each([
    ['CD_summary_overview_status', true],
    ['_x', true],
    ['\\x', true],
    ['名单', true],
    ['a.b', true],
    ['A1', false],
    ['XFD1048576', false],
    ['cd12', false],
    ['R1C1', false],
    ['r', false],
    ['C', false],
    ['R2', false],
    ['1abc', false],
    ['a b', false],
    ['', false],
    ['x'.repeat(255), true],
    ['x'.repeat(256), false],
  ])('%s valid: %s', (name, ok) => expect(isValidTableName(name)).toBe(ok));

  it('a taken name gets a numbered suffix, compared case-insensitively, and stays within 255 characters', () => {
    expect(uniqueTableName('CD_a', ['cd_A'])).toBe('CD_a_2');
    expect(uniqueTableName('CD_a', ['cd_a', 'CD_A_2'])).toBe('CD_a_3');
    const long = 'L'.repeat(255);
    const u = uniqueTableName(long, [long]);
    expect(u.length).toBe(255);
    expect(u.endsWith('_2')).toBe(true);
  });

  it('any text becomes a valid name', () => {
    for (const raw of ['A1', '1st table', 'R1C1', '表 1', '']) expect(isValidTableName(uniqueTableName(raw, []))).toBe(true);
  });

  it('the plan avoids every existing name but those on the sheets it replaces, and charts follow their table', () => {
    const existing = [
      { name: 'CD_overview_status', sheet: '我的总览' }, // a summary sheet the user renamed: it stays
      { name: 'CD_monthly_trend', sheet: '月度' }, // on the sheet this plan replaces
      { name: 'cd_lost_reasons', sheet: null }, // a defined name
    ];
    const avoid = namesToAvoid(existing, new Set(['月度']));
    expect(avoid).toEqual(['CD_overview_status', 'cd_lost_reasons']);
    const out = assignTableNames([sheet('overview', ['CD_overview_status'], 'CD_overview_status'), sheet('monthly', ['CD_monthly_trend']), sheet('lost', ['CD_lost_reasons', 'CD_lost_reasons'])], avoid);
    expect(out[0].tables[0].name).toBe('CD_overview_status_2');
    expect(out[0].charts?.[0].table).toBe('CD_overview_status_2');
    expect(out[1].tables[0].name).toBe('CD_monthly_trend');
    expect(out[2].tables.map((t) => t.name)).toEqual(['CD_lost_reasons_2', 'CD_lost_reasons_3']);
    const all = out.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
    expect(new Set([...all, ...avoid.map((n) => n.toLowerCase())]).size).toBe(all.length + avoid.length);
  });

  describe('a product table the user renamed keeps the user\'s name', () => {
    const overview = (): SheetSpec => ({
      ...sheet('summary.overview', ['CD_status', 'CD_figures', 'CD_rates'], 'CD_status'),
      tables: [
        { name: 'CD_status', row: 5, col: 0, columns: [{ header: '流失状态', kind: 'text' }, { header: '车辆数', kind: 'integer' }], rows: [['活跃', 3]] },
        { name: 'CD_figures', row: 14, col: 0, columns: [{ header: '指标', kind: 'text' }, { header: '数值', kind: 'integer' }], rows: [['a', 1]] },
        { name: 'CD_rates', row: 21, col: 0, columns: [{ header: '指标', kind: 'text' }, { header: '数值', kind: 'integer' }], rows: [['b', 2]] },
      ],
    });
    const replaced = (key: string) => (key === 'summary.overview' ? '我的总览' : undefined);

    it('followed on the sheet it replaces by its header row; the chart follows; the rest keep the plan\'s names', () => {
      const existing = [
        { name: '状态表', sheet: '我的总览', columns: ['流失状态', '车辆数'], row: 5, col: 0 },
        { name: 'CD_figures', sheet: '我的总览', columns: ['指标', '数值'], row: 14, col: 0 },
        { name: 'CD_rates', sheet: '我的总览', columns: ['指标', '数值'], row: 21, col: 0 },
      ];
      const [out] = keepUserTableNames([overview()], existing, replaced);
      expect(out.tables.map((t) => t.name)).toEqual(['状态表', 'CD_figures', 'CD_rates']);
      expect(out.charts?.[0].table).toBe('状态表');
    });

    it('tables with the same header row pair up by position, whatever order the workbook lists them in', () => {
      const existing = [
        { name: 'Rates', sheet: '我的总览', columns: ['指标', '数值'], row: 21, col: 0 },
        { name: 'Figures', sheet: '我的总览', columns: ['指标', '数值'], row: 14, col: 0 },
      ];
      expect(keepUserTableNames([overview()], existing, replaced)[0].tables.map((t) => t.name)).toEqual(['CD_status', 'Figures', 'Rates']);
    });

    it('a table whose columns changed with the data is the one at its top-left cell with the same first header', () => {
      const existing = [{ name: '状态表', sheet: '我的总览', columns: ['流失状态', '车辆数', '占比'], row: 5, col: 0 }];
      expect(keepUserTableNames([overview()], existing, replaced)[0].tables[0].name).toBe('状态表');
      const moved = [{ name: '状态表', sheet: '我的总览', columns: ['流失状态', '车辆数', '占比'], row: 9, col: 0 }];
      expect(keepUserTableNames([overview()], moved, replaced)[0].tables[0].name).toBe('CD_status');
    });

    it('not followed: a table on another sheet, a table whose headers the user changed, a sheet the plan does not replace', () => {
      const elsewhere = [{ name: '状态表', sheet: '别的表', columns: ['流失状态', '车辆数'], row: 5, col: 0 }];
      expect(keepUserTableNames([overview()], elsewhere, replaced)[0].tables[0].name).toBe('CD_status');
      const edited = [{ name: '状态表', sheet: '我的总览', columns: ['状态', '车辆数'], row: 5, col: 0 }];
      expect(keepUserTableNames([overview()], edited, replaced)[0].tables[0].name).toBe('CD_status');
      const spec = overview();
      expect(keepUserTableNames([spec], [{ name: '状态表', sheet: '我的总览', columns: ['流失状态', '车辆数'] }], () => undefined)[0]).toBe(spec);
    });

    it('names stay unique: a kept name and the plan\'s names together pass through assignTableNames without a clash', () => {
      const existing = [
        { name: 'CD_figures', sheet: '我的总览', columns: ['流失状态', '车辆数'], row: 5, col: 0 }, // the user gave it another table's name
        { name: 'Figures', sheet: '我的总览', columns: ['指标', '数值'], row: 14, col: 0 },
      ];
      const kept = keepUserTableNames([overview()], existing, replaced);
      const out = assignTableNames(kept, namesToAvoid(existing, new Set(['我的总览'])));
      const names = out[0].tables.map((t) => t.name);
      expect(names).toEqual(['CD_figures', 'Figures', 'CD_rates']);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    });
  });
});
