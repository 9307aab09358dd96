import fc from 'fast-check';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import type { Grid, SheetInput } from '../../../src/core/plan/types';
import type { SheetKind } from '../../../src/core/sheets/types';
import * as F from './fixtures/workbook';
import * as A from './fixtures/ambiguous';
import { needsMappingText } from '../../../src/core/sheets/needsMappingText';

const BY_KIND: [SheetKind, Grid][] = [
  ['customers', F.customersGrid],
  ['calls', F.callsGrid],
  ['register', F.registerGrid],
  ['prospects', F.prospectsWideGrid],
];

describe('detectSheets', () => {
  it('assigns each kind by content, for every order of four sheets named Sheet1..Sheet4', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), (order) => {
        const sheets: SheetInput[] = order.map((k, i) => ({ name: `Sheet${i + 1}`, grid: BY_KIND[k][1] }));
        const d = detectSheets(sheets);
        for (const [pos, k] of order.entries()) {
          const kind = BY_KIND[k][0];
          if (d[kind]?.sheet.name !== `Sheet${pos + 1}`) return false;
        }
        return d.ignored.length === 0;
      }),
      { numRuns: 24 },
    );
  });

  it('detects a long prospect card, and English headers', () => {
    const d = detectSheets([
      { name: 'A', grid: F.prospectsLongGrid },
      { name: 'B', grid: F.englishCustomersGrid },
    ]);
    expect(d.prospects?.sheet.name).toBe('A');
    expect(d.customers?.sheet.name).toBe('B');
    expect(d.calls).toBeUndefined();
    expect(d.register).toBeUndefined();
  });

  it('tells a DMS customer export from a call-centre log', () => {
    const d = detectSheets([
      { name: 'Sheet1', grid: F.callCentreGrid },
      { name: 'Sheet2', grid: F.dmsCustomersGrid },
    ]);
    expect(d.customers?.sheet.name).toBe('Sheet2');
    expect(d.calls?.sheet.name).toBe('Sheet1');
    expect(d.register).toBeUndefined();
    expect(d.prospects).toBeUndefined();
  });

  it('ignores the state sheet, ChurnDesk sheets and unrecognised sheets, and gives each kind one sheet', () => {
    const d = detectSheets(
      [
        { name: 'ChurnDesk_State', grid: F.customersGrid },
        { name: '流失概览', grid: F.customersGrid },
        { name: 'Notes', grid: [['今天开会'], ['a', 'b']] },
        { name: 'Base', grid: F.customersGrid },
        { name: 'Base copy', grid: F.customersGrid },
      ],
      { ownedSheetNames: ['流失概览'] },
    );
    expect(d.customers?.sheet.name).toBe('Base');
    expect(d.ignored).toEqual([
      { sheet: 'ChurnDesk_State', reason: 'stateSheet' },
      { sheet: '流失概览', reason: 'ownedByChurnDesk' },
      { sheet: 'Notes', reason: 'notRecognised' },
      { sheet: 'Base copy', reason: 'otherSheetChosen' },
    ]);
  });

  it('maps the whole chosen sheet, though only its first rows decided the kind', () => {
    const row = F.customersGrid[4];
    const grid: (readonly unknown[])[] = [...F.customersGrid.slice(0, 4)];
    for (let i = 0; i < 100000; i++) grid.push(row);
    const t0 = Date.now();
    const d = detectSheets([{ name: 'Big', grid }, { name: 'Calls', grid: F.callsGrid }]);
    expect(d.customers?.dataRows.length).toBe(100000);
    expect(d.calls?.sheet.name).toBe('Calls');
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  it("uses the user's mapping for a sheet", () => {
    const grid: Grid = [['车架号', '开票日期', '交车日期'], ['LSV', '2021-01-01', '2021-01-05']];
    const d = detectSheets([{ name: 'S', grid }], { mappings: { S: { purchaseDate: '交车日期' } } });
    expect(d.customers?.columns.purchaseDate).toBe(2);
  });

  it("does not take ChurnDesk's appended columns for input", () => {
    // A classified customer base carries 最近回访结果/流失原因 columns written by ChurnDesk: still a customer base.
    const header = [...F.CUSTOMER_HEADERS, '未回厂月数', '流失状态', '最近回访结果', '流失原因', '流失去向'];
    const grid: Grid = [header, [...(F.customersGrid[4] as unknown[]), 3, '活跃', '成功', '价格', '修理厂']];
    const d = detectSheets([{ name: 'S', grid }, { name: 'C', grid: F.callsGrid }], { ownedHeaders: ['未回厂月数', '流失状态', '最近回访结果', '流失原因', '流失去向'] });
    expect(d.customers?.sheet.name).toBe('S');
    expect(d.customers?.ownedStart).toBe(F.CUSTOMER_HEADERS.length);
    expect(d.calls?.sheet.name).toBe('C');
  });
});

describe('detectSheets: sheets that look like another kind', () => {
  const { bareRegisterGrid, registerLikeCallLogs, plainProspectsGrid } = A;

  it.each(registerLikeCallLogs)('a register with no call/visit column keeps its kind next to a call log (%s), in both orders', (_label, callLog) => {
    for (const sheets of [
      [{ name: 'Sheet1', grid: bareRegisterGrid }, { name: 'Sheet2', grid: callLog }],
      [{ name: 'Sheet1', grid: callLog }, { name: 'Sheet2', grid: bareRegisterGrid }],
    ]) {
      const d = detectSheets(sheets);
      expect(d.register?.sheet.grid).toBe(bareRegisterGrid);
      expect(d.calls?.sheet.grid).toBe(callLog);
    }
  });

  it('a register with no call/visit column alone is a register, missing only that column', () => {
    const d = detectSheets([{ name: 'Sheet1', grid: bareRegisterGrid }]);
    expect(d.register?.missingRequired).toEqual(['contactType', 'callMark', 'visitMark']);
    expect(d.calls).toBeUndefined();
  });

  it.each(registerLikeCallLogs)('four kinds named Sheet1..Sheet4 in any order, or renamed, keep one assignment (call log: %s)', (_label, callLog) => {
    const byKind: [SheetKind, Grid][] = [
      ['customers', F.dmsCustomersGrid],
      ['calls', callLog],
      ['register', bareRegisterGrid],
      ['prospects', plainProspectsGrid],
    ];
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (order, names, renamed) => {
          const sheets: SheetInput[] = order.map((k, i) => ({ name: renamed ? names[i] : `Sheet${i + 1}`, grid: byKind[k][1] }));
          const d = detectSheets(sheets);
          return byKind.every(([kind, grid]) => d[kind]?.sheet.grid === grid) && d.ignored.length === 0;
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('detectSheets: a kind chosen by a small margin is asked about, not assumed', () => {
  // 回访日期 and 跟进结果 read as a call log's, 意向级别 as a prospect card's: the card wins by 2 points only.
  const grid: Grid = [
    ['回访日期', '客户姓名', '电话', '意向级别', '跟进结果'],
    [46300, '王先生', '13812345678', 'H', '接通'],
  ];

  it('names the sheet, the kind chosen, the runner-up and the chosen kind\'s most telling column', () => {
    const d = detectSheets([{ name: 'Sheet1', grid }]);
    expect(d.prospects?.kindRunnerUp?.kind).toBe('calls');
    const need = d.needsMapping?.find((n) => n.reason === 'uncertainKind');
    expect(need).toMatchObject({ sheet: 'Sheet1', kind: 'prospects', runnerUp: 'calls', field: 'followDate', fields: ['followDate'] });
    expect(need?.candidates[0]).toMatchObject({ column: 0, header: '回访日期' });
    const zh = needsMappingText(need!, 'zh-CN').problem;
    expect(zh).toContain('Sheet1');
    expect(zh).toContain('意向客户跟踪卡');
    expect(zh).toContain('回访记录');
    expect(needsMappingText(need!, 'en-US').problem).toContain('Call log');
  });

  it('a mapping the user gave for the sheet confirms its kind', () => {
    const d = detectSheets([{ name: 'Sheet1', grid }], { mappings: { Sheet1: { level: '意向级别' } } });
    expect(d.prospects?.sheet.name).toBe('Sheet1');
    expect(d.needsMapping?.some((n) => n.reason === 'uncertainKind')).toBe(false);
  });

  it('a kind far ahead of the next is not asked about', () => {
    const d = detectSheets([{ name: 'Sheet1', grid: F.customersGrid }]);
    expect(d.customers?.sheet.name).toBe('Sheet1');
    expect(d.needsMapping?.some((n) => n.reason === 'uncertainKind')).toBe(false);
  });
});
