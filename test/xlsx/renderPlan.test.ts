import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { OverwriteRefusedError } from '../../src/xlsx/errors';
import type { ColumnWrite, SheetSpec, WorkbookPlan, WorkbookState } from '../../src/core/plan/types';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { emptyState } from '../../src/core/state/stateSheet';
import { t } from '../../src/i18n';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-render-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sourceWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.getCell('A1').value = 'XX店保有客户明细表';
  ws.mergeCells('A1:C1');
  ws.addRow([]);
  ws.getRow(3).values = ['客户姓名', '联系电话', '购车日期'];
  ws.getRow(4).values = ['王五', '138 0000 0000', 45000];
  ws.getRow(5).values = ['赵六', '+8613900000000', 45100];
  wb.addWorksheet('流失概览').getCell('A1').value = '用户自己的表';
  return wb;
}

const INJECTION = ['=HYPERLINK("x")', '+8613800000000', '-5', '@SUM(A1)'];

function columnWrite(startColumn = 3): ColumnWrite {
  return {
    sheet: '保有客户',
    headerRow: 2,
    startColumn,
    firstDataRow: 3,
    lastDataRow: 4,
    columns: [
      { key: 'status', header: '流失状态', kind: 'text', values: ['流失', INJECTION[0]], validation: { type: 'list', values: ['活跃', '流失'], strict: true } },
      { key: 'months', header: '未回厂月数', kind: 'integer', values: [14, ''] },
      { key: 'ref', header: '参考日期', kind: 'date', values: [45000, 45100] },
    ],
    conditionalFormats: [{ type: 'textEquals', col: 0, firstRow: 3, lastRow: 4, text: '流失', fill: 'red' }],
  };
}

function summarySheet(): SheetSpec {
  return {
    key: 'summary.overview',
    name: '流失概览',
    role: 'summary',
    cells: [
      { row: 0, col: 0, value: '流失概览', style: 'title', mergeAcross: 3 },
      ...INJECTION.map((v, i) => ({ row: 1, col: i, value: v })),
    ],
    tables: [
      {
        name: 'CD_summary_overview_status',
        row: 3,
        col: 0,
        columns: [
          { header: '流失状态', kind: 'text', total: { label: '合计' } },
          { header: '车辆数', kind: 'integer', total: { fn: 'sum' } },
          { header: '占比', kind: 'percent', rowFormula: 'IFERROR(B{r}/SUM(B$5:B$6),"")' },
        ],
        rows: [
          ['活跃', 3, ''],
          ['流失', 1, ''],
        ],
        totalsRow: true,
      },
    ],
    charts: [{ type: 'pie', title: '状态分布', table: 'CD_summary_overview_status', series: ['车辆数'], row: 3, col: 5, widthCols: 6, heightRows: 10 }],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 3, last: 3 }, footer: '&P / &N' },
  };
}

function plan(extra: Partial<WorkbookPlan> = {}): WorkbookPlan {
  return {
    columnWrites: [columnWrite()],
    sheets: [summarySheet()],
    state: { ...emptyState(), settings: { dealerName: '测试店' } },
    report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
    ...extra,
  };
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return (await readWorkbook(file)).workbook;
}

describe('renderPlan', () => {
  test('appends columns right after the source data, typed and formatted, and keeps source cells', async () => {
    const wb = sourceWorkbook();
    renderPlan(wb, plan());
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('保有客户')!;
    expect(ws.getRow(3).values).toEqual([undefined, '客户姓名', '联系电话', '购车日期', '流失状态', '未回厂月数', '参考日期']);
    expect(ws.getCell('B4').value).toBe('138 0000 0000');
    expect(ws.getCell('D4').value).toBe('流失');
    expect(ws.getCell('D4').numFmt).toBe('@');
    expect(ws.getCell('E4').value).toBe(14);
    expect(ws.getCell('E5').value).toBeNull();
    expect(ws.getCell('F4').numFmt).toBe('yyyy-mm-dd');
  });

  test('customer text is never a formula: injection strings read back as strings', async () => {
    const wb = sourceWorkbook();
    renderPlan(wb, plan());
    const back = await roundTrip(wb);
    const d5 = back.getWorksheet('保有客户')!.getCell('D5');
    expect(d5.type).toBe(ExcelJS.ValueType.String);
    expect(d5.value).toBe('=HYPERLINK("x")');
    const summary = back.getWorksheet('流失概览 (2)')!;
    INJECTION.forEach((v, i) => {
      const cell = summary.getCell(2, i + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(v);
    });
  });

  test('refuses to overwrite a user cell and writes nothing', () => {
    const wb = sourceWorkbook();
    wb.getWorksheet('保有客户')!.getCell('E5').value = '用户备注';
    expect(() => renderPlan(wb, plan())).toThrow(OverwriteRefusedError);
    try {
      renderPlan(wb, plan());
    } catch (e) {
      expect((e as OverwriteRefusedError).address).toBe('E5');
    }
    expect(wb.getWorksheet('保有客户')!.getCell('D3').value).toBeNull();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['保有客户', '流失概览']);
  });

  test('a sheet name taken by a user sheet gets a suffix; the user sheet is untouched', () => {
    const wb = sourceWorkbook();
    const { sheetsWritten, state } = renderPlan(wb, plan());
    expect(sheetsWritten).toEqual(['流失概览 (2)']);
    expect(state.ownedSheets).toEqual({ 'summary.overview': '流失概览 (2)' });
    expect(wb.getWorksheet('流失概览')!.getCell('A1').value).toBe('用户自己的表');
  });

  test('a generated sheet the user deleted and re-made under the same name is theirs: a refresh keeps it', () => {
    const wb = sourceWorkbook();
    wb.removeWorksheet(wb.getWorksheet('流失概览')!.id);
    const first = renderPlan(wb, plan());
    expect(first.sheetsWritten).toEqual(['流失概览']);
    expect(first.state.ownedSheetTitles).toEqual({ 'summary.overview': '流失概览' });
    // The user deletes ChurnDesk's sheet and makes their own with the same name.
    wb.removeWorksheet(wb.getWorksheet('流失概览')!.id);
    wb.addWorksheet('流失概览').getCell('A1').value = '我的笔记';
    const second = renderPlan(wb, plan(), { previousState: first.state });
    expect(wb.getWorksheet('流失概览')!.getCell('A1').value).toBe('我的笔记');
    expect(second.sheetsWritten).toEqual(['流失概览 (2)']);
    expect(second.state.ownedSheets).toEqual({ 'summary.overview': '流失概览 (2)' });
    // While the sheet still shows our title, a refresh replaces it in place.
    const third = renderPlan(wb, plan(), { previousState: second.state });
    expect(third.sheetsWritten).toEqual(['流失概览 (2)']);
    expect(wb.worksheets.filter((w) => w.name.startsWith('流失概览')).map((w) => w.name).sort()).toEqual(['流失概览', '流失概览 (2)']);
  });

  test('table with totals row, row formulas, print setup, freeze and the chart handed on', async () => {
    const wb = sourceWorkbook();
    const result = renderPlan(wb, plan());
    // The chart is drawn into the package (src/xlsx/charts/) from the result, not noted in a cell.
    expect(result.charts?.map((c) => [c.sheet, c.charts.map((x) => [x.title, x.series.map((s) => s.name), x.categoriesRef])])).toEqual([
      ['流失概览 (2)', [['状态分布', ['车辆数'], "'流失概览 (2)'!$A$5:$A$6"]]],
    ]);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('流失概览 (2)')!;
    expect(ws.getCell('A4').value).toBe('流失状态');
    expect(ws.getCell('B5').value).toBe(3);
    expect(ws.getCell('C5').value).toEqual({ formula: 'IFERROR(B5/SUM(B$5:B$6),"")' });
    expect(ws.getCell('C6').formula).toBe('IFERROR(B6/SUM(B$5:B$6),"")');
    expect(ws.getCell('A7').value).toBe('合计');
    const total = ws.getCell('B7').value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe('SUBTOTAL(109,CD_summary_overview_status[车辆数])');
    expect(total.result).toBe(4);
    expect(ws.getCell('C5').numFmt).toBe('0.0%');
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['CD_summary_overview_status']);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('F4').value).toBeNull();
    expect(ws.getCell('A1').isMerged).toBe(true);
  });

  test('state goes into a very hidden sheet; refreshing twice gives the same workbook', async () => {
    const wb = sourceWorkbook();
    const first = renderPlan(wb, plan());
    const once = await roundTrip(wb);
    const prev: WorkbookState = (await readWorkbook(await save(once))).state!;
    expect(prev.ownedColumns['保有客户']).toEqual({ headerRow: 2, startColumn: 3, headers: ['流失状态', '未回厂月数', '参考日期'] });
    expect(once.getWorksheet(STATE_SHEET_NAME)!.state).toBe('veryHidden');
    // Second run: the core now plans the same columns at the same place (they are ChurnDesk's own).
    renderPlan(once, plan(), { previousState: prev });
    const twice = await roundTrip(once);
    expect(twice.worksheets.map((w) => w.name)).toEqual(['保有客户', '流失概览', ...first.sheetsWritten, STATE_SHEET_NAME]);
    const ws = twice.getWorksheet('保有客户')!;
    expect(ws.actualColumnCount).toBe(6);
    expect(ws.getCell('D4').value).toBe('流失');
    const cfs = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cfs.length).toBe(1);
  });

  test('a narrower refresh clears the columns ChurnDesk no longer writes', async () => {
    const wb = sourceWorkbook();
    const { state } = renderPlan(wb, plan());
    const narrower = columnWrite();
    narrower.columns = narrower.columns.slice(0, 1);
    renderPlan(wb, plan({ columnWrites: [narrower] }), { previousState: state });
    const ws = wb.getWorksheet('保有客户')!;
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('F4').value).toBeNull();
    expect(ws.getCell('D3').value).toBe('流失状态');
  });

  test('a pivot becomes a PivotTable over the source sheet, its cells written as Excel lays them out', () => {
    const wb = sourceWorkbook();
    const spec = summarySheet();
    spec.pivots = [
      { name: 'p', source: { sheet: '保有客户', headerRow: 2, firstCol: 0, lastCol: 5, lastRow: 4 }, rows: ['流失状态'], columns: [], values: [{ header: '客户姓名', fn: 'count' }], row: 10, col: 0 },
    ];
    const { pivots } = renderPlan(wb, plan({ sheets: [spec] }));
    const ws = wb.getWorksheet('流失概览 (2)')!;
    expect([ws.getCell('A11').value, ws.getCell('B11').value]).toEqual(['行标签', '计数项:客户姓名']);
    // Items in natural order (no order given): '=…' sorts before CJK text; customer text stays text.
    expect([ws.getCell('A12').value, ws.getCell('B12').value]).toEqual(['=HYPERLINK("x")', 1]);
    expect(ws.getCell('A12').type).toBe(ExcelJS.ValueType.String);
    expect([ws.getCell('A13').value, ws.getCell('B13').value]).toEqual(['流失', 1]);
    expect([ws.getCell('A14').value, ws.getCell('B14').value]).toEqual(['总计', 2]);
    expect(pivots?.map((p) => [p.name, p.sheet, p.location, p.source])).toEqual([['p', '流失概览 (2)', 'A11:B14', { sheet: '保有客户', ref: 'A3:F5' }]]);
  });

  test('a source Excel would refuse as a pivot source (a repeated header) gets the cross-tab and the note instead', () => {
    const wb = sourceWorkbook();
    wb.getWorksheet('保有客户')!.getCell('C3').value = '客户姓名';
    const spec = summarySheet();
    spec.pivots = [
      { name: 'p', source: { sheet: '保有客户', headerRow: 2, firstCol: 0, lastCol: 5, lastRow: 4 }, rows: ['流失状态'], columns: [], values: [{ header: '客户姓名', fn: 'count' }], row: 10, col: 0 },
    ];
    const { pivots } = renderPlan(wb, plan({ sheets: [spec] }));
    const ws = wb.getWorksheet('流失概览 (2)')!;
    expect(pivots).toEqual([]);
    expect(ws.getCell('A11').value).toBe(t('zh-CN', 'cli.pivotNote'));
    expect([ws.getCell('A12').value, ws.getCell('B12').value]).toEqual(['流失状态', '客户姓名']);
    expect([ws.getCell('A15').value, ws.getCell('B15').value]).toEqual(['总计', 2]);
  });
});

async function save(wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
