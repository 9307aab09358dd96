/**
 * Large tables of new sheets streamed as XML rows (streamTables) against what renderPlan writes in memory for the
 * same plan: same cell values, number formats, table ref, validations and conditional formats.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { streamReadWorkbook } from '../../src/xlsx/streamReadWorkbook';
import { streamWriteWorkbook } from '../../src/xlsx/streamWriteWorkbook';
import { cutLargeTables, patchTableXml, STREAM_TABLE_ROWS, streamSheetXml, tableRef } from '../../src/xlsx/streamTables';
import { buildSummarySheet } from '../../src/core/plan/summarySheet';
import type { CellValue, SheetSpec, WorkbookPlan } from '../../src/core/plan/types';
import { emptyState } from '../../src/core/state/stateSheet';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-stream-tables-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

const ROWS = 8000; // more than STREAM_TABLE_ROWS: streamed
const TEXTS = ['A 高', '=HYPERLINK("x")', ' 前后空格 ', '黄志强<&>', '+8613800000000', 'B 中'];

/** A 招揽名单-like sheet: a large list with a validation, a conditional format, a formula column, blanks, then a small table and a note. */
function listSheet(rows: number): SheetSpec {
  const data: CellValue[][] = Array.from({ length: rows }, (_, i) => [
    TEXTS[i % TEXTS.length],
    `客户${i}`,
    i % 7 === 0 ? '' : i % 40,
    46000 + (i % 365),
    i % 11 === 0,
    '',
  ]);
  return buildSummarySheet({
    key: 'list.winback',
    name: '招揽名单',
    title: '招揽名单',
    subtitle: '测试店 · 2026-10-31',
    conclusion: `${rows} 台待招揽`,
    tables: [
      {
        id: 'list',
        caption: '名单',
        columns: [
          { header: '优先级', kind: 'text', validation: { type: 'list', values: ['A 高', 'B 中', 'C 低'], strict: false } },
          { header: '客户姓名', kind: 'text' },
          { header: '未回厂月数', kind: 'integer' },
          { header: '上次进厂', kind: 'date' },
          { header: '已联系', kind: 'text' },
          { header: '翻倍', kind: 'integer', rowFormula: 'IF(C{r}="","",C{r}*2)' },
        ],
        rows: data,
        conditionalFormats: [{ type: 'textEquals', col: 0, firstRow: 0, lastRow: rows - 1, text: 'A 高', fill: 'orange' }],
      },
      { id: 'small', caption: '小计', columns: [{ header: '项目', kind: 'text' }, { header: '数量', kind: 'integer', total: { fn: 'sum' } }], rows: [['甲', 1], ['乙', 2]], totalsRow: true },
    ],
    notes: ['说明'],
  });
}

function plan(rows: number): WorkbookPlan {
  return {
    columnWrites: [],
    sheets: [listSheet(rows)],
    state: { ...emptyState(), settings: { dealerName: '测试店' } },
    report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
  };
}

async function sourceFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.getRow(1).values = ['客户姓名', '联系电话'];
  ws.getRow(2).values = ['张三', '13800000000'];
  const out = file('src.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

interface Look {
  grid: CellValue[][];
  formats: string[];
  formulas: string[];
  tables: Record<string, { ref: string }>;
  validations: Record<string, unknown>;
  conditionalFormats: unknown[];
  sheets: string[];
}

/** What a user sees of the list sheet: values, formats, formulas, tables, validations, conditional formats. */
async function look(out: string): Promise<Look> {
  const back = await readWorkbook(out);
  const ws = back.workbook.getWorksheet('招揽名单')!;
  const formats: string[] = [];
  const formulas: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.numFmt) formats.push(`${r}:${c}:${cell.numFmt}`);
      if (cell.formula) formulas.push(`${r}:${c}:${cell.formula}`);
    }),
  );
  const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
  return {
    grid: back.sheets.find((s) => s.name === '招揽名单')!.grid as CellValue[][],
    formats,
    formulas,
    tables: Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, { ref: t.table.tableRef }])),
    validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
    conditionalFormats: (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    sheets: back.workbook.worksheets.map((w) => `${w.name}:${w.state}`),
  };
}

describe('a large list streamed equals the in-memory render', () => {
  let memory: Look;
  let streamed: Look;

  beforeAll(async () => {
    const src = await sourceFile();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(src);
    renderPlan(wb, plan(ROWS));
    await wb.xlsx.writeFile(file('memory.xlsx'));
    const { sheets, state } = await streamReadWorkbook(src);
    await streamWriteWorkbook(sheets, plan(ROWS), file('stream.xlsx'), { previousState: state });
    [memory, streamed] = [await look(file('memory.xlsx')), await look(file('stream.xlsx'))];
  }, 60000);

  test('same cell values, every row', () => {
    expect(streamed.grid.length).toBe(memory.grid.length);
    expect(streamed.grid.length).toBeGreaterThan(ROWS + 6);
    expect(streamed.grid).toEqual(memory.grid);
    // Spot checks: customer text stays text, blanks stay blank.
    expect(streamed.grid[6].slice(0, 5)).toEqual(['A 高', '客户0', '', 46000, true]);
    expect(streamed.grid[7][0]).toBe('=HYPERLINK("x")');
  });

  test('same number formats and formulas cell by cell', () => {
    expect(streamed.formats.length).toBeGreaterThan(ROWS * 5);
    expect(streamed.formats).toEqual(memory.formats);
    expect(streamed.formulas).toEqual(memory.formulas);
    expect(streamed.formulas[0]).toBe('7:6:IF(C7="","",C7*2)');
  });

  test('same tables (ref over every row), validations, conditional formats and sheets', () => {
    expect(streamed.tables).toEqual(memory.tables);
    expect(streamed.tables['CD_list_winback_list'].ref).toBe(`A6:F${6 + ROWS}`);
    expect(streamed.validations).toEqual(memory.validations);
    // exceljs reads a validation back as one entry per cell: one per data row of 优先级.
    expect(Object.keys(streamed.validations).length).toBe(ROWS);
    expect(streamed.validations[`A${6 + ROWS}`]).toMatchObject({ type: 'list', formulae: ['"A 高,B 中,C 低"'] });
    expect(streamed.conditionalFormats).toEqual(memory.conditionalFormats);
    expect(streamed.sheets).toEqual(memory.sheets);
  });
});

describe('refreshing a streamed output', () => {
  test('gives the same sheets and grids (the old list is replaced, not duplicated)', async () => {
    const first = file('stream.xlsx');
    const again = file('again.xlsx');
    const { sheets, state } = await streamReadWorkbook(first);
    await streamWriteWorkbook(sheets, plan(ROWS), again, { previousState: state });
    const [a, b] = [await readWorkbook(first), await readWorkbook(again)];
    expect(b.workbook.worksheets.map((w) => w.name)).toEqual(a.workbook.worksheets.map((w) => w.name));
    for (const s of a.sheets) expect(b.sheets.find((x) => x.name === s.name)!.grid).toEqual(s.grid);
    expect(b.state?.ownedSheets).toEqual({ 'list.winback': '招揽名单' });
  }, 30000);
});

describe('cutLargeTables', () => {
  const cases: { name: string; edit: (s: SheetSpec) => void; cut: boolean }[] = [
    { name: 'a plain large list', edit: () => undefined, cut: true },
    { name: 'a totals row', edit: (s) => (s.tables[0].totalsRow = true), cut: false },
    { name: 'a cell inside the data rows', edit: (s) => s.cells.push({ row: 100, col: 9, value: 'x' }), cut: false },
    { name: 'a row height inside the data rows', edit: (s) => (s.rowHeights = [{ row: 50, height: 30 }]), cut: false },
    { name: 'a cell just below the data rows', edit: (s) => s.cells.push({ row: 6 + STREAM_TABLE_ROWS + 1, col: 0, value: 'x' }), cut: true },
  ];
  test.each(cases)('$name: cut = $cut', ({ edit, cut }) => {
    const p = plan(STREAM_TABLE_ROWS + 1);
    edit(p.sheets[0]);
    const result = cutLargeTables(p);
    expect(result.cut.has(0)).toBe(cut);
    expect(result.plan.sheets[0].tables[0].rows.length).toBe(cut ? 1 : STREAM_TABLE_ROWS + 1);
    expect(p.sheets[0].tables[0].rows.length).toBe(STREAM_TABLE_ROWS + 1); // the plan itself is untouched
  });

  test('small tables are never cut', () => {
    expect(cutLargeTables(plan(STREAM_TABLE_ROWS)).cut.size).toBe(0);
  });
});

describe('patchTableXml and streamSheetXml', () => {
  const table = listSheet(3).tables[0];
  const cutTable = { table, firstExcelRow: table.row + 2 };

  test('the cut table ref and autoFilter widen; other tables stay', () => {
    const xml = `<table name="${table.name}" ref="${tableRef(table, 1)}"><autoFilter ref="${tableRef(table, 1)}"/></table>`;
    expect(patchTableXml(xml, [cutTable])).toBe(`<table name="${table.name}" ref="A6:F9"><autoFilter ref="A6:F9"/></table>`);
    const other = '<table name="Other" ref="A6:F7"></table>';
    expect(patchTableXml(other, [cutTable])).toBe(other);
  });

  test('the one skeleton row becomes every row with its style ids; rows around it stay', () => {
    const xml =
      '<worksheet><dimension ref="A1:B11"/><sheetData><row r="6"><c r="A6" t="s"><v>0</v></c></row>' +
      '<row r="7"><c r="A7" s="3"/><c r="B7" s="3"/><c r="C7" s="4"/><c r="D7" s="5"/><c r="E7" s="3"/><c r="F7" s="4"/></row>' +
      '<row r="11"><c r="A11"/></row></sheetData><mergeCells/></worksheet>';
    const out = [...streamSheetXml(xml, [cutTable])].join('');
    expect(out).toContain('<dimension ref="A1:F11"/>');
    expect(out).toContain('<row r="8"><c r="A8" s="3" t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>');
    expect(out).toContain('<c r="C7" s="4"/>'); // row 0 of the list has a blank month
    expect(out).toContain('<c r="F8" s="4"><f>IF(C8="","",C8*2)</f></c>');
    expect(out).toContain('<row r="9"><c r="A9" s="3" t="inlineStr"><is><t xml:space="preserve"> 前后空格 </t></is></c>');
    expect(out.match(/<row /g)!.length).toBe(5);
    expect(out.indexOf('<row r="6">')).toBeLessThan(out.indexOf('<row r="7">'));
    expect(out).toMatch(/<row r="11"><c r="A11"\/><\/row><\/sheetData><mergeCells\/><\/worksheet>$/);
  });
});
