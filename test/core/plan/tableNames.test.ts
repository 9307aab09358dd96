import { isValidTableName, uniqueTableName } from '../../../src/core/plan/names';
import { assignTableNames, namesToAvoid } from '../../../src/core/plan/tableNames';
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
});
