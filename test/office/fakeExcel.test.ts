/** The in-memory Excel behaves like Office.js where the adapter depends on it. */
import { FakeWorkbook } from '../support/fakeExcel';

/** What `f` throws (the fake's errors carry `code` like OfficeExtension.Error; the message is office.js's text). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('fake Excel', () => {
  it('throws PropertyNotLoaded before load+sync and returns values after', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['a', 1], ['b', 2]] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      expect(thrown(() => r.values)).toMatchObject({ code: 'PropertyNotLoaded' });
      r.load('values');
      expect(thrown(() => r.values)).toMatchObject({ code: 'PropertyNotLoaded' });
      await ctx.sync();
      expect(r.values).toEqual([['a', 1], ['b', 2]]);
    });
    expect(wb.stats.syncs).toBe(1);
  });

  it.each([
    ['=1+1', 'General', '', '=1+1'],
    ['=1+1', '@', '=1+1', undefined],
    ['+8613800000000', 'General', 8613800000000, undefined],
    ['+8613800000000', '@', '+8613800000000', undefined],
    ['00123', 'General', 123, undefined],
    ['00123', '@', '00123', undefined],
    ['-abc', 'General', '', '=-abc'],
    ["'=x", 'General', '=x', undefined],
    ['2023/5/6', 'General', 45052, undefined],
    ['王五', 'General', '王五', undefined],
  ])('writing %j into a %s cell gives value %j formula %j', async (input, format, value, formula) => {
    const wb = FakeWorkbook.fromGrids({ S: [['x']] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('B2');
      r.numberFormat = [[format]];
      r.values = [[input]];
      await ctx.sync();
    });
    const s = wb.data.sheetByName('S')!;
    expect(s.value(1, 1)).toEqual(value);
    expect(s.formula(1, 1)).toEqual(formula);
  });

  it('rejects a values array of the wrong shape with InvalidArgument', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['x']] });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('throws RequestPayloadSizeLimitExceeded for a write over 5 MB in one sync', async () => {
    const wb = FakeWorkbook.fromGrids({ S: [['x']] });
    const big = Array.from({ length: 300000 }, () => ['电话号码13800000000']);
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, big.length, 1).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('throws ResponsePayloadSizeLimitExceeded for a read over the limit', async () => {
    const grid = Array.from({ length: 2000 }, (_, i) => [`row ${i} with some text`]);
    const wb = FakeWorkbook.fromGrids({ S: grid }, { payloadLimitBytes: 10000 });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getUsedRange().load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('models sheets: unique names, veryHidden, null objects, last visible sheet', async () => {
    const wb = FakeWorkbook.fromGrids({ A: [[1]] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add('B').visibility = 'VeryHidden';
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      missing.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(wb.run(async (ctx) => { ctx.workbook.worksheets.add('b'); await ctx.sync(); })).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(wb.run(async (ctx) => { ctx.workbook.worksheets.getItem('A').delete(); await ctx.sync(); })).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(wb.dump().sheets.map((s) => [s.name, s.visibility])).toEqual([['A', 'Visible'], ['B', 'VeryHidden']]);
  });

  it('models tables: unique names across the workbook, headers, totals', async () => {
    const wb = FakeWorkbook.fromGrids({ A: [['h', 'h'], [1, 2]], B: [['x'], [3]] });
    await wb.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('A').tables.add('A1:B2', true);
      t.name = 'Tbl_One';
      await ctx.sync();
    });
    expect(wb.dump().sheets[0].tables[0]).toMatchObject({ name: 'Tbl_One', address: 'A1:B2', headers: ['h', 'h2'] });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').tables.add('A1:A2', true).name = 'tbl_one';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reports ApiNotFound for PivotTables when ExcelApi 1.8 is not supported', async () => {
    const wb = FakeWorkbook.fromGrids({ A: [['h', 'v'], ['x', 1]] }, { excelApi: '1.7' });
    expect(wb.host().isSetSupported('ExcelApi', '1.8')).toBe(false);
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').pivotTables.add('P', ctx.workbook.worksheets.getItem('A').getRange('A1:B2'), 'D1');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('fails the Nth sync on request, keeping earlier syncs applied', async () => {
    const wb = FakeWorkbook.fromGrids({ A: [['a']] });
    wb.failOnSync = 2;
    await expect(
      wb.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('A');
        s.getRange('B1').values = [['one']];
        await ctx.sync();
        s.getRange('C1').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(wb.grid('A')).toEqual([['a', 'one']]);
  });
});
