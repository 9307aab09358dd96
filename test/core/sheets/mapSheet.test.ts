import fc from 'fast-check';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { findHeaderRow } from '../../../src/core/sheets/findHeaderRow';
import type { Grid } from '../../../src/core/plan/types';
import type { SheetKind } from '../../../src/core/sheets/types';
import * as F from './fixtures/workbook';

describe('mapSheet on messy sheets', () => {
  it.each<[string, Grid, SheetKind, number, Record<string, number>]>([
    ['customer base with title, blank, repeated header and totals rows', F.customersGrid, 'customers', 3, F.customersColumns],
    ['call log', F.callsGrid, 'calls', 1, F.callsColumns],
    ['showroom register', F.registerGrid, 'register', 2, F.registerColumns],
    ['wide prospect card', F.prospectsWideGrid, 'prospects', 1, F.prospectsWideColumns],
    ['long prospect card', F.prospectsLongGrid, 'prospects', 0, F.prospectsLongColumns],
    ['English headers', F.englishCustomersGrid, 'customers', 0, F.englishCustomersColumns],
    ['full-width headers with units in brackets', F.fullWidthCustomersGrid, 'customers', 0, F.fullWidthCustomersColumns],
    ['a DMS export with its own vocabulary', F.dmsCustomersGrid, 'customers', 0, F.dmsCustomersColumns],
    ['a call-centre win-back log', F.callCentreGrid, 'calls', 0, F.callCentreColumns],
  ])('%s', (_name, grid, kind, headerRow, columns) => {
    const m = mapSheet({ name: 'Sheet1', grid }, kind);
    expect(m.headerRow).toBe(headerRow);
    expect(m.columns).toEqual(columns);
    expect(m.missingRequired).toEqual([]);
    expect(m.score).toBe(Object.keys(columns).length + (m.followUpGroups.length > 0 ? 1 : 0));
  });

  it('skips blank, repeated-header and totals rows', () => {
    const m = mapSheet({ name: 'S', grid: F.customersGrid }, 'customers');
    expect(m.dataRows).toEqual([4, 5, 8]);
    expect(m.totalsRows).toEqual([10]);
    expect(m.headers[2]).toBe('联系电话*');
    expect(m.ownedStart).toBeNull();
  });

  it('groups the numbered follow-ups of a wide prospect card in order', () => {
    const m = mapSheet({ name: 'S', grid: F.prospectsWideGrid }, 'prospects');
    expect(m.followUpGroups).toEqual(F.prospectsWideGroups);
    expect(m.columns.followDate).toBeUndefined();
  });

  it('reads a wide card with two header rows (merged 第N次跟进 over 日期/方式/结果)', () => {
    const grid: Grid = [
      ['意向客户跟踪卡'],
      ['客户编号', '客户姓名', '联系电话', '意向级别', '第1次跟进', '', '', '第2次跟进', '', '', '战败原因'],
      ['', '', '', '', '日期', '方式', '结果', '日期', '方式', '结果', ''],
      ['P1', '王', '138', 'A', '2026-10-01', '电话', '有意向', '2026-10-03', '到店', '试驾', ''],
    ];
    const m = mapSheet({ name: 'S', grid }, 'prospects');
    expect(m.headerRow).toBe(1);
    expect(m.followUpGroups).toEqual([
      { n: 1, columns: { followDate: 4, followMethod: 5, followResult: 6 } },
      { n: 2, columns: { followDate: 7, followMethod: 8, followResult: 9 } },
    ]);
    expect(m.columns).toEqual({ prospectId: 0, name: 1, phone: 2, level: 3, defeatReason: 10 });
    expect(m.dataRows).toEqual([3]);
    expect(m.missingRequired).toEqual([]);
  });

  it('finds the same fields whatever the column order', () => {
    const header = F.CUSTOMER_HEADERS;
    const row = F.customersGrid[4];
    fc.assert(
      fc.property(fc.shuffledSubarray([...header.keys()], { minLength: header.length, maxLength: header.length }), (order) => {
        const grid: Grid = [['标题'], order.map((i) => header[i]), order.map((i) => row[i])];
        const m = mapSheet({ name: 'S', grid }, 'customers');
        for (const [field, col] of Object.entries(F.customersColumns)) {
          if (m.columns[field as keyof typeof m.columns] !== order.indexOf(col)) return false;
        }
        return m.headerRow === 1 && m.dataRows.length === 1;
      }),
      { numRuns: 200 },
    );
  });

  it("maps the seed's showroom register form (咨询类型 and 来电(店) both name the call/visit column)", () => {
    const grid: Grid = [
      ['展厅来电/店登记表'],
      ['咨询类型', '序号', '日期', '客户姓名', '性别', '电话', '地址', '拟购车型(时间)', '进-离', '来电(店)', '信息来源', '接待经过', '追踪后级别', '结案情形', '接待人', '备注'],
      ['', 1, 46300, '王', '男', '138', '', '朗逸', '9:30-10:15', '□来电■来店', '网络', '', 'A', '', '小王', ''],
    ];
    const m = mapSheet({ name: 'S', grid }, 'register');
    expect(m.columns).toEqual({
      contactType: 9, date: 2, name: 3, gender: 4, phone: 5, address: 6, intendedModel: 7, time: 8, source: 10, process: 11, level: 12, closure: 13,
      consultant: 14, remarks: 15,
    });
  });

  it('keeps look-alike columns apart', () => {
    const grid: Grid = [['电话回访日期', '预约日期', '回站日期', '回访人姓名', '客户姓名', '客户电话', '车牌号', '接通情况', '服务顾问']];
    const m = mapSheet({ name: 'S', grid }, 'calls');
    expect(m.columns).toEqual({ callDate: 0, appointmentDate: 1, returnDate: 2, caller: 3, name: 4, phone: 5, plate: 6, result: 7 });
  });

  it('never reads a last-visit date as a purchase date', () => {
    const grid: Grid = [['车架号', '最后进站日期', '首次进站日期', '上次保养日期']];
    const m = mapSheet({ name: 'S', grid }, 'customers');
    expect(m.columns.purchaseDate).toBeUndefined();
    expect(m.columns.lastVisitDate).toBe(1);
  });

  it('tells name from advisor and from consultant', () => {
    const m = mapSheet({ name: 'S', grid: [['服务顾问姓名', '车主姓名', '车架号', '购车日期']] }, 'customers');
    expect(m.columns).toEqual({ advisor: 0, name: 1, vin: 2, purchaseDate: 3 });
  });

  it('reports missing required fields (every alternative of an unmet rule)', () => {
    const m = mapSheet({ name: 'S', grid: [['客户姓名', '联系电话', '车型'], ['王', '138', 'x']] }, 'customers');
    expect(m.missingRequired).toEqual(['lastVisitDate', 'purchaseDate']);
    const c = mapSheet({ name: 'S', grid: [['客户姓名', '车型'], ['王', 'x']] }, 'calls');
    expect(c.missingRequired).toEqual(['callDate', 'vin', 'plate', 'phone', 'result']);
  });

  it("applies the user's mapping before any guess", () => {
    const grid: Grid = [['车架号', '开票日期', '交车日期', '日子X'], ['LSV', '2021-01-01', '2021-01-05', '2024-01-01']];
    expect(mapSheet({ name: 'S', grid }, 'customers').columns.purchaseDate).toBe(1);
    const m = mapSheet({ name: 'S', grid }, 'customers', { userMapping: { purchaseDate: '交车日期', lastVisitDate: '日子X' } });
    expect(m.columns.purchaseDate).toBe(2);
    expect(m.columns.lastVisitDate).toBe(3);
    expect(m.missingRequired).toEqual([]);
  });

  it("the user's mapping also picks the header row", () => {
    const grid: Grid = [['客户', '电话'], ['A', 'B'], ['甲', '乙', '丙'], ['x', 'y', 'z']];
    const m = mapSheet({ name: 'S', grid }, 'customers', { userMapping: { vin: '甲', purchaseDate: '乙', name: '丙' } });
    expect(m.headerRow).toBe(2);
    expect(m.columns).toEqual({ vin: 0, purchaseDate: 1, name: 2 });
  });

  it("finds ChurnDesk's own columns and does not read them as input", () => {
    const grid: Grid = [['车架号', '购车日期', '未回厂月数', '流失状态', '流失原因'], ['LSV', '2021-01-01', 5, '活跃', '']];
    const m = mapSheet({ name: 'S', grid }, 'calls', { ownedHeaders: ['未回厂月数', '流失状态', '流失原因'] });
    expect(m.ownedStart).toBe(2);
    expect(m.columns.reason).toBeUndefined();
    // a lone ChurnDesk-like header that is not part of the trailing run is input
    const c = mapSheet({ name: 'S', grid }, 'customers', { ownedHeaders: ['流失状态'] });
    expect(c.ownedStart).toBeNull();
  });

  it("keeps a call log's own 流失原因 column as input although ChurnDesk writes a column of that name elsewhere", () => {
    const ownedHeaders = ['未回厂月数', '流失状态', '最近回访结果', '流失原因', '流失去向', '建议动作'];
    const m = mapSheet({ name: 'S', grid: F.callsGrid }, 'calls', { ownedHeaders });
    expect(m.ownedStart).toBeNull();
    expect(m.columns).toEqual(F.callsColumns);
  });

  it("finds ChurnDesk's columns from the sheet's recorded position", () => {
    const grid: Grid = [['车架号', '购车日期', '流失原因', '建议动作'], ['LSV', '2021-01-01', '价格', '致电']];
    const owned = { headerRow: 0, startColumn: 2, headers: ['流失原因', '建议动作'] };
    expect(mapSheet({ name: 'S', grid }, 'customers', { ownedColumns: owned }).ownedStart).toBe(2);
    // the record no longer matches the header row (user renamed a header): not taken
    const moved = { ...owned, headers: ['流失原因', '招揽优先级'] };
    expect(mapSheet({ name: 'S', grid }, 'customers', { ownedColumns: moved }).ownedStart).toBeNull();
  });

  it('handles an empty sheet', () => {
    const m = mapSheet({ name: 'S', grid: [] }, 'customers');
    expect(m.headerRow).toBe(0);
    expect(m.dataRows).toEqual([]);
    expect(m.missingRequired.length).toBeGreaterThan(0);
  });

  it('runs in linear time on a large sheet (300,000 rows; generous bound for a loaded CI machine)', () => {
    const row = F.customersGrid[4];
    const grid: unknown[][] = [F.CUSTOMER_HEADERS];
    for (let i = 0; i < 300000; i++) grid.push(i % 1000 === 999 ? [] : (row as unknown[]));
    const t0 = Date.now();
    const m = mapSheet({ name: 'S', grid }, 'customers');
    expect(m.dataRows.length).toBe(300000 - 300);
    expect(Date.now() - t0).toBeLessThan(6000);
  });
});

describe('findHeaderRow', () => {
  it.each<[string, Grid, number]>([
    ['title rows and blank rows first', [['XX店保有客户明细表(截至2026年10月)'], [''], [], ['车主', '车牌号', '购车日期']], 3],
    ['header in row 1', [['车主', '车牌号', '购车日期'], ['王', '陕A1', '2021-01-01']], 0],
    ['a period line of two cells does not beat the header', [['统计期间', '2026年10月'], ['车架号', '最后进站日期', '里程']], 1],
    ['nothing recognisable', [['a', 'b'], ['c', 'd']], -1],
    ['empty grid', [], -1],
  ])('%s', (_n, grid, row) => {
    expect(findHeaderRow(grid, 'customers')).toBe(row);
  });

  it('looks no further than HEADER_SCAN_ROWS (200) rows', () => {
    const grid: Grid = [...Array.from({ length: 200 }, () => ['x', 'y']), ['车主', '车牌号', '购车日期']];
    expect(findHeaderRow(grid, 'customers')).toBe(-1);
  });
});
