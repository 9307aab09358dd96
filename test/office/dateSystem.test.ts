/**
 * A 1904 workbook in Excel (a Mac's date system): Range.values returns its serials, 1,462 days below the 1900
 * system's for the same day. The add-in asks Excel which system the workbook uses (functions.date(1904,1,1)), reads
 * the date columns into the 1900 system the core works in and writes its dates back in the workbook's own.
 * Checked here: the pure pieces, and a refresh of the same dealer data stored in both systems, which must give the
 * same classification and the same days.
 */
import ExcelJS from 'exceljs';
import { FakeWorkbook, type SheetDump } from '../support/fakeExcel';
import { excelDate } from '../support/fakeExcel/functions';
import { generateSample } from '../../src/cli/sample/generateSample';
import { STATE_SHEET_NAME, type WorkbookPlan } from '../../src/core/plan/types';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { DATE1904_OFFSET, dateColumnsOf, isDateFormat, planInDateSystem, shiftColumns } from '../../src/office/dateSystem';
import { createInlineRunner } from '../../src/worker/runner';

describe('the pure pieces', () => {
  it.each<[unknown, boolean]>([
    ['yyyy-mm-dd', true],
    ['yyyy/m/d h:mm', true],
    ['m/d/yy', true],
    ['[$-804]yyyy"年"m"月"d"日"', true],
    ['d-mmm', true],
    ['e/m/d', true],
    ['General', false],
    ['0', false],
    ['0.0%', false],
    ['hh:mm', false],
    ['"日期"0', false],
    ['@', false],
    [undefined, false],
  ])('isDateFormat(%p) is %p', (f, want) => expect(isDateFormat(f)).toBe(want));

  it('date columns are the ones whose numbers mostly carry a date format', () => {
    const values = [['姓名', '购车日期', '里程', '备注'], ['张', 45000, 30000, 5], ['李', 45100, 31000, '']];
    const formats = [['General', 'General', 'General', 'General'], ['General', 'yyyy-mm-dd', '0', 'yyyy-mm-dd'], ['General', 'yyyy-mm-dd', '0', 'General']];
    expect(dateColumnsOf(values, formats)).toEqual([1, 3]);
    expect(shiftColumns(values, [1], DATE1904_OFFSET)).toEqual([['姓名', '购车日期', '里程', '备注'], ['张', 46462, 30000, 5], ['李', 46562, 31000, '']]);
    expect(values[1][1]).toBe(45000);
  });

  it('the plan writes its dates in the workbook system: date and month columns and date-formatted cells only', () => {
    const plan = {
      columnWrites: [{ sheet: 'S', headerRow: 0, startColumn: 3, firstDataRow: 1, lastDataRow: 2, columns: [
        { key: 'next', header: '下次跟踪日期', kind: 'date', values: [46000, ''] },
        { key: 'months', header: '未回厂月数', kind: 'integer', values: [5, 6] },
      ] }],
      sheets: [{ key: 'k', name: 'N', role: 'list', print: { orientation: 'portrait', paper: 'A4', fitToWidth: true }, cells: [
        { row: 0, col: 0, value: 46326, numberFormat: 'yyyy-mm-dd' },
        { row: 0, col: 1, value: 46326, numberFormat: '0' },
      ], tables: [{ name: 'T', row: 2, col: 0, columns: [{ header: '月份', kind: 'month' }, { header: '台数', kind: 'integer' }], rows: [[46296, 12]] }] }],
      state: {},
      report: {},
    } as unknown as WorkbookPlan;
    const moved = planInDateSystem(plan, -DATE1904_OFFSET);
    expect(moved.columnWrites[0].columns[0].values).toEqual([46000 - 1462, '']);
    expect(moved.columnWrites[0].columns[1].values).toEqual([5, 6]);
    expect(moved.sheets[0].cells.map((c) => c.value)).toEqual([46326 - 1462, 46326]);
    expect(moved.sheets[0].tables[0].rows).toEqual([[46296 - 1462, 12]]);
    expect(plan.sheets[0].cells[0].value).toBe(46326);
  });

  it('the fake answers DATE as Excel does in either system', () => {
    expect(excelDate(1904, 1, 1, false)).toBe(1462);
    expect(excelDate(1904, 1, 1, true)).toBe(0);
    expect(excelDate(2026, 10, 31, false)).toBe(46326);
    expect(excelDate(2026, 10, 31, true)).toBe(46326 - 1462);
  });
});

/** The sample's sheets; the numbers under a header naming a date or time of day carry the format 'yyyy-mm-dd'. */
function workbookIn(system: '1900' | '1904'): FakeWorkbook {
  const sample = generateSample({ vehicles: 150, seed: 5, asOf: 46326 });
  const grids: Record<string, unknown[][]> = {};
  const formats: Record<string, (string | undefined)[][]> = {};
  for (const s of sample.sheets) {
    const header = s.grid.findIndex((row) => row.filter((v) => typeof v === 'string' && v).length >= 3);
    const dateCols = new Set((s.grid[header] ?? []).map((h, c) => (typeof h === 'string' && /日期/.test(h) ? c : -1)).filter((c) => c >= 0));
    grids[s.name] = s.grid.map((row, r) => row.map((v, c) => (r > header && dateCols.has(c) && typeof v === 'number' && system === '1904' ? v - DATE1904_OFFSET : v)));
    formats[s.name] = s.grid.map((row, r) => row.map((v, c) => (r > header && dateCols.has(c) && typeof v === 'number' ? 'yyyy-mm-dd' : undefined)));
  }
  const wb = FakeWorkbook.fromGrids(grids, { formats });
  wb.data.date1904 = system === '1904';
  return wb;
}

/** Every cell as the day or value it shows: numbers under a date format as 1900-system serials. */
function shown(dump: SheetDump[], system: '1900' | '1904'): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const s of dump) {
    if (s.name === STATE_SHEET_NAME) continue;
    out[s.name] = s.values.map((row, r) =>
      row.map((v, c) => {
        const f = s.numberFormats[cellAddress(r, c)];
        return typeof v === 'number' && system === '1904' && isDateFormat(f) ? v + DATE1904_OFFSET : v;
      }),
    );
  }
  return out;
}

function cellAddress(r: number, c: number): string {
  let col = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r + 1}`;
}

describe('a refresh of a 1904 workbook', () => {
  it('gives the same classification and the same days as the same data in the 1900 system', async () => {
    const results: Record<string, Record<string, unknown[][]>> = {};
    for (const system of ['1900', '1904'] as const) {
      const wb = workbookIn(system);
      const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
      const summary = await actions.analyse();
      expect(summary.report.figures.vehicles).toBe(150);
      results[system] = shown(wb.dump().sheets, system);
    }
    expect(Object.keys(results['1904'])).toEqual(Object.keys(results['1900']));
    for (const name of Object.keys(results['1900'])) expect({ name, cells: results['1904'][name] }).toEqual({ name, cells: results['1900'][name] });
    // Not vacuous: the 1900 run classifies (statuses written) and product dates were moved.
    const customers = results['1900'][Object.keys(results['1900'])[0]];
    expect(customers.flat().filter((v) => v === '流失' || v === '彻底流失').length).toBeGreaterThan(10);
  }, 120_000);

  it('a 1904 workbook without the move would be read four years early (the comparison can fail)', async () => {
    const wb = workbookIn('1904');
    wb.data.date1904 = false; // the probe now answers 1462: the 1904 serials are read as they are
    await createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' }).analyse();
    const wrong = shown(wb.dump().sheets, '1900');
    const right = workbookIn('1900');
    await createOfficeActions({ host: right.host(), runner: createInlineRunner(), asOf: '2026-10-31' }).analyse();
    expect(wrong).not.toEqual(shown(right.dump().sheets, '1900'));
  }, 120_000);

  it('the share-safe copy (a 1900-system file) shows the days the 1904 workbook shows', async () => {
    const days: Record<string, unknown[]> = {};
    for (const system of ['1900', '1904'] as const) {
      const wb = workbookIn(system);
      const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' });
      await actions.shareSafeCopy();
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load(Buffer.from(wb.createdWorkbooks[0], 'base64') as unknown as ArrayBuffer);
      const first = copy.worksheets[0];
      const out: unknown[] = [];
      first.eachRow((row) => row.eachCell((cell) => { if (cell.value instanceof Date) out.push(cell.value.toISOString()); }));
      days[system] = out;
    }
    expect(days['1900'].length).toBeGreaterThan(100);
    expect(days['1904']).toEqual(days['1900']);
  }, 120_000);
});
