/**
 * The streaming file pipeline (large inputs): zip writer/reader, streamReadWorkbook against readWorkbook,
 * streamWriteWorkbook read back with exceljs, and the engine choice.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readZipEntries, ZipFileWriter } from '../../src/xlsx/zip';
import { streamReadWorkbook } from '../../src/xlsx/streamReadWorkbook';
import { streamWriteWorkbook, xmlText } from '../../src/xlsx/streamWriteWorkbook';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { chooseFileEngine, worksheetXmlBytes } from '../../src/xlsx/fileEngine';
import { OverwriteRefusedError } from '../../src/xlsx/errors';
import type { ColumnWrite, SheetSpec, WorkbookPlan } from '../../src/core/plan/types';
import { STATE_SHEET_NAME } from '../../src/core/plan/types';
import { emptyState, stateToGrid } from '../../src/core/state/stateSheet';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

const CITIES = ['咸宁市', '武昌区', '黄志强', '配件价格高', '地理位置远', 'A类', 'H级', '😀 emoji'];
const INJECTION = ['=HYPERLINK("x")', '+8613800000000', '-5', '@SUM(A1)'];

/** A source workbook with every kind of cell, a hidden sheet, a state sheet and enough Chinese text to span many chunks. */
async function sourceFile(rows = 1500): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.getCell('A1').value = 'XX店保有客户明细表';
  ws.mergeCells('A1:C1');
  ws.getRow(3).values = ['客户姓名', '联系电话', '购车日期', '金额', '公式'];
  ws.getColumn(1).width = 18;
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(4 + i);
    r.getCell(1).value = `${CITIES[i % CITIES.length]}${i}`;
    r.getCell(2).value = i % 2 ? '138 0000 0000' : INJECTION[i % INJECTION.length];
    r.getCell(3).value = new Date(Date.UTC(2023, 4, 6 + (i % 300)));
    r.getCell(3).numFmt = 'yyyy-mm-dd';
    r.getCell(4).value = i * 1.5;
    r.getCell(4).numFmt = '#,##0.00';
    if (i < 3) r.getCell(5).value = { formula: `D${4 + i}*2`, result: i * 3 } as ExcelJS.CellFormulaValue;
  }
  const hidden = wb.addWorksheet('备注', { state: 'hidden' });
  hidden.getCell('B2').value = true;
  const state = wb.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
  stateToGrid({ ...emptyState(), settings: { dealerName: '测试店' } }).forEach((r, i) => (state.getCell(i + 1, 1).value = r[0]));
  const out = file(`src${rows}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

function columnWrite(rows: number): ColumnWrite {
  return {
    sheet: '保有客户',
    headerRow: 2,
    startColumn: 5,
    firstDataRow: 3,
    lastDataRow: 2 + rows,
    columns: [
      { key: 'status', header: '流失状态', kind: 'text', values: Array.from({ length: rows }, (_, i) => (i === 1 ? INJECTION[0] : i % 2 ? '流失' : '活跃')) },
      { key: 'months', header: '未回厂月数', kind: 'integer', values: Array.from({ length: rows }, (_, i) => (i === 1 ? '' : i % 30)) },
      { key: 'ref', header: '参考日期', kind: 'date', values: Array.from({ length: rows }, () => 46326) },
    ],
    conditionalFormats: [{ type: 'textEquals', col: 0, firstRow: 3, lastRow: 2 + rows, text: '流失', fill: 'red' }],
  };
}

function summarySheet(rows: number): SheetSpec {
  return {
    key: 'summary.overview',
    name: '流失概览',
    role: 'summary',
    cells: [{ row: 0, col: 0, value: '流失概览', style: 'title', mergeAcross: 3 }, ...INJECTION.map((v, i) => ({ row: 1, col: i, value: v }))],
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
    pivots: [
      { name: 'p', source: { sheet: '保有客户', headerRow: 2, firstCol: 0, lastCol: 7, lastRow: 2 + rows }, rows: ['流失状态'], columns: [], values: [{ header: '客户姓名', fn: 'count' }], row: 10, col: 0 },
    ],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 3, last: 3 }, footer: '&P / &N' },
  };
}

function plan(rows: number): WorkbookPlan {
  return {
    columnWrites: [columnWrite(rows)],
    sheets: [summarySheet(rows)],
    state: { ...emptyState(), settings: { dealerName: '测试店' } },
    report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
  };
}

describe('zip', () => {
  test('entries written piece by piece read back byte for byte (table of sizes, incl. an empty entry)', async () => {
    const big = Array.from({ length: 2000 }, (_, i) => `<row r="${i}">${CITIES[i % CITIES.length]}</row>`);
    const cases: [string, string[]][] = [
      ['empty.txt', []],
      ['a.xml', ['<a/>']],
      ['xl/worksheets/sheet1.xml', big],
      ['中文/名字.xml', ['咸', '宁市']],
    ];
    const out = file('t.zip');
    const zip = new ZipFileWriter(out);
    for (const [name, pieces] of cases) await zip.addEntry(name, pieces);
    zip.finish();
    const back = readZipEntries(fs.readFileSync(out));
    expect([...back.keys()]).toEqual(cases.map((c) => c[0]));
    for (const [name, pieces] of cases) expect(back.get(name)!.toString('utf8')).toBe(pieces.join(''));
  });

  test('a non-zip buffer is refused', () => {
    expect(() => readZipEntries(Buffer.from('not a zip at all, just text'))).toThrow(/not a zip/);
  });
});

describe('xmlText', () => {
  test('table of escapes', () => {
    const cases: [string, string][] = [
      ['王先生', '王先生'],
      ['a<b & c>d', 'a&lt;b &amp; c&gt;d'],
      ['tab\tkept', 'tab\tkept'],
      ['bell\u0007', 'bell_x0007_'],
      ['cr\r\nlf', 'cr_x000D_\nlf'],
      ['_x0041_', '_x005F_x0041_'],
    ];
    for (const [input, expected] of cases) expect(xmlText(input)).toBe(expected);
  });
});

describe('streamReadWorkbook', () => {
  test('gives the same grids and state as readWorkbook; Chinese text split across chunks stays intact', async () => {
    const src = await sourceFile();
    const streamed = await streamReadWorkbook(src);
    const loaded = await readWorkbook(src);
    expect(streamed.sheets.map((s) => s.name)).toEqual(loaded.sheets.map((s) => s.name));
    // exceljs drops a formula's cached result 0 (E4 = D4*2 with D4 = 0); the stream reader keeps it, as Range.values does.
    expect(loaded.sheets[0].grid[3][4]).toBe('');
    expect(streamed.sheets[0].grid[3][4]).toBe(0);
    (loaded.sheets[0].grid[3] as unknown[])[4] = 0;
    for (const s of loaded.sheets) expect(streamed.sheets.find((x) => x.name === s.name)!.grid).toEqual(s.grid);
    expect(streamed.state).toEqual(loaded.state);
    expect(streamed.sheets.map((s) => s.visibility)).toEqual(['visible', 'hidden']);
    const customers = streamed.sheets[0];
    expect(customers.grid[3][2]).toBe(45052);
    expect(customers.formats.names[customers.formats.rows[3]![2]]).toBe('yyyy-mm-dd');
    expect(customers.formulas.get(3 * 16384 + 4)).toBe('D4*2');
    expect(customers.formulas.get(4 * 16384 + 4)).toBe('D5*2');
  });

  test('Chinese inline strings spanning many zip chunks read intact (exceljs alone garbles them)', async () => {
    const target = file('inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useSharedStrings: false });
    const ws = writer.addWorksheet('展厅登记');
    const expected: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const text = `${CITIES[i % CITIES.length]}${'咸宁'.repeat(i % 7)}`;
      expected.push(text);
      ws.addRow([text]).commit();
    }
    ws.commit();
    await writer.commit();
    const { sheets } = await streamReadWorkbook(target);
    expect(sheets[0].grid.map((r) => r[0])).toEqual(expected);
  });

  test('a text file is a NotAWorkbookError', async () => {
    const bad = file('bad.xlsx');
    fs.writeFileSync(bad, 'not a zip');
    await expect(streamReadWorkbook(bad)).rejects.toMatchObject({ name: 'NotAWorkbookError', kind: 'unknown' });
  });
});

describe('streamWriteWorkbook', () => {
  const ROWS = 1500;
  let out = '';
  let back: Awaited<ReturnType<typeof readWorkbook>>;
  let source: Awaited<ReturnType<typeof readWorkbook>>;
  let sheetsWritten: string[] = [];

  beforeAll(async () => {
    const src = await sourceFile(ROWS);
    source = await readWorkbook(src);
    const { sheets, state } = await streamReadWorkbook(src);
    out = file('out.xlsx');
    sheetsWritten = (await streamWriteWorkbook(sheets, plan(ROWS), out, { previousState: state })).sheetsWritten;
    back = await readWorkbook(out);
  });

  test('source sheets keep every value; the columns follow, typed and formatted', () => {
    const src = source.sheets[0].grid;
    const got = back.sheets[0].grid;
    expect(got.length).toBe(src.length);
    for (let r = 0; r < src.length; r++) expect(got[r].slice(0, 5)).toEqual(src[r]);
    expect(got[2].slice(5)).toEqual(['流失状态', '未回厂月数', '参考日期']);
    const ws = back.workbook.getWorksheet('保有客户')!;
    expect(ws.getCell('F4').value).toBe('活跃');
    expect(ws.getCell('F4').numFmt).toBe('@');
    expect(ws.getCell('G5').value).toBeNull();
    expect(ws.getCell('H4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C4').numFmt).toBe('yyyy-mm-dd'); // dates stay dates
    expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(2023, 4, 6)));
    expect(ws.getCell('D5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E4').formula).toBe('D4*2'); // cached 0 / no cached value: the formula is kept either way
    expect(ws.getCell('E5').value).toEqual({ formula: 'D5*2', result: 3 });
    expect(ws.getCell('F3').fill).toMatchObject({ fgColor: { argb: 'FF548235' } }); // appended header style
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBe(1);
  });

  test('customer text is never a formula: injection strings read back as strings', () => {
    const ws = back.workbook.getWorksheet('保有客户')!;
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B4').value).toBe(INJECTION[0]);
    expect(ws.getCell('F5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('F5').value).toBe(INJECTION[0]);
    const summary = back.workbook.getWorksheet('流失概览')!;
    INJECTION.forEach((v, i) => expect(summary.getCell(2, i + 1).value).toBe(v));
  });

  test('new sheets, tables, pivots, print setup and the very hidden state as renderPlan writes them', () => {
    expect(sheetsWritten).toEqual(['流失概览']);
    expect(back.workbook.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual(['保有客户:visible', '备注:hidden', '流失概览:visible', `${STATE_SHEET_NAME}:veryHidden`]);
    const ws = back.workbook.getWorksheet('流失概览')!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['CD_summary_overview_status']);
    expect(ws.getCell('C5').value).toEqual({ formula: 'IFERROR(B5/SUM(B$5:B$6),"")' });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
    // The PivotTable's cells count the appended status column of the grid (1 in 2 rows '流失', one injection row).
    // Items in natural order (no order given): '=…' sorts before CJK text.
    expect([ws.getCell('A11').value, ws.getCell('B11').value]).toEqual(['行标签', expect.stringMatching(/^计数项:/)]);
    expect([ws.getCell('A12').value, ws.getCell('B12').value]).toEqual(['=HYPERLINK("x")', 1]);
    expect([ws.getCell('A13').value, ws.getCell('B13').value]).toEqual(['活跃', ROWS / 2]);
    expect([ws.getCell('A14').value, ws.getCell('B14').value]).toEqual(['流失', ROWS / 2 - 1]);
    expect(back.state?.ownedColumns['保有客户']).toEqual({ headerRow: 2, startColumn: 5, headers: ['流失状态', '未回厂月数', '参考日期'] });
  });

  test('refreshing the output gives the same sheets and columns', async () => {
    const { sheets, state } = await streamReadWorkbook(out);
    const again = file('again.xlsx');
    await streamWriteWorkbook(sheets, plan(ROWS), again, { previousState: state });
    const twice = await readWorkbook(again);
    expect(twice.workbook.worksheets.map((w) => w.name)).toEqual(back.workbook.worksheets.map((w) => w.name));
    for (const s of back.sheets) expect(twice.sheets.find((x) => x.name === s.name)!.grid).toEqual(s.grid);
  });

  test('refuses to overwrite a user cell and writes no file', async () => {
    const src = await sourceFile(20);
    const { sheets, state } = await streamReadWorkbook(src);
    sheets[0].grid[4][6] = '用户备注';
    const target = file('refused.xlsx');
    await expect(streamWriteWorkbook(sheets, plan(20), target, { previousState: state })).rejects.toBeInstanceOf(OverwriteRefusedError);
    await expect(streamWriteWorkbook(sheets, plan(20), target, { previousState: state })).rejects.toMatchObject({ address: 'G5' });
    expect(fs.existsSync(target)).toBe(false);
  });

  test('property: any text survives the streamed write as the same string', async () => {
    const texts = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), { numRuns: 300, seed: 7 }).filter(
      (s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s), // lone surrogates cannot be stored
    );
    const grid = [['文本'], ...texts.map((t) => [t])];
    const sheet = { name: '文本', grid, formats: { names: ['General'], rows: [] }, formulas: new Map(), visibility: 'visible' as const };
    const target = file('texts.xlsx');
    await streamWriteWorkbook([sheet], { ...plan(0), columnWrites: [], sheets: [] }, target);
    const { sheets } = await streamReadWorkbook(target);
    expect(texts.length).toBeGreaterThan(250);
    expect(sheets[0].grid.map((r) => r[0])).toEqual(grid.map((r) => r[0]));
  });
});

describe('chooseFileEngine', () => {
  test('every file takes the stream pipeline; the environment variable forces the exceljs one', async () => {
    const src = await sourceFile(10);
    expect(worksheetXmlBytes(src)).toBeGreaterThan(1000);
    // One path at every size; the exceljs one only when forced.
    expect(chooseFileEngine(src, {})).toBe('stream');
    expect(chooseFileEngine(src, { CHURN_DESK_FILE_ENGINE: 'memory' })).toBe('memory');
    expect(chooseFileEngine(file('missing.xlsx'), {})).toBe('stream');
    expect(worksheetXmlBytes(file('missing.xlsx'))).toBe(-1);
  });
});
