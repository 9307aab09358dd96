/**
 * Issue 12.2, file adapter: every list and summary sheet of `churn-desk analyze` prints with its table's header
 * repeated on every page, frozen header panes, a footer naming the sheet, the dealer and the page of that sheet
 * (numbering restarted per sheet), and conclusion rows tall enough for their wrapped text; the 目录 sheet comes first
 * of the product's sheets and links to every one of them by its final name. Read back with exceljs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { emptyState } from '../../src/core/state/stateSheet';
import type { SheetSpec, WorkbookPlan } from '../../src/core/plan/types';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-print-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'sample.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');
const SETTINGS = path.join(dir, 'settings.json');
const DEALER = 'R&D 汽车销售服务有限公司';

let wb: ExcelJS.Workbook;
let written: string[] = [];

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '300', '--seed', '5', '--as-of', '2026-10-31'])).code).toBe(0);
  fs.writeFileSync(SETTINGS, JSON.stringify({ dealerName: DEALER }));
  const r = await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--settings', SETTINGS, '--quiet']);
  expect(r.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(IN);
  const inputNames = new Set(sample.worksheets.map((w) => w.name));
  written = wb.worksheets.filter((w) => !inputNames.has(w.name) && w.state === 'visible').map((w) => w.name);
});

/** Row (1-based) of the first row holding a cell whose text is `header` (any column), below the title block. */
function rowOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 60); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).text === header) return r;
  }
  return -1;
}

describe('print titles and frozen panes', () => {
  it('招揽名单 repeats its table header row on every page and freezes the rows down to it', () => {
    const ws = wb.getWorksheet('招揽名单')!;
    const headerRow = rowOf(ws, '招揽优先级');
    expect(headerRow).toBeGreaterThan(3);
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow, xSplit: 0 });
  });

  it('逾期跟踪名单 does the same for its own header row', () => {
    const ws = wb.getWorksheet('逾期跟踪名单')!;
    const headerRow = rowOf(ws, '销售顾问');
    expect(headerRow).toBeGreaterThan(3);
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  });

  it('every sheet the analysis wrote has print titles and frozen panes', () => {
    expect(written[0]).toBe('目录');
    expect(written.length).toBeGreaterThan(8);
    for (const name of written) {
      const ws = wb.getWorksheet(name)!;
      expect([name, ws.pageSetup.printTitlesRow]).toEqual([name, expect.stringMatching(/^\d+:\d+$/)]);
      expect([name, ws.views[0]?.state]).toEqual([name, 'frozen']);
    }
  });
});

describe('footer', () => {
  it('names the sheet, the dealer (a literal & doubled) and the page, numbered from 1 on every sheet', () => {
    for (const name of written) {
      const ws = wb.getWorksheet(name)!;
      expect([name, ws.headerFooter.oddFooter]).toEqual([name, '&L&A&CR&&D 汽车销售服务有限公司&R第 &P 页']);
      expect([name, ws.pageSetup.firstPageNumber]).toEqual([name, 1]);
    }
  });
});

describe('wrapped conclusions', () => {
  it('a conclusion row is tall enough for its lines (more text, taller row)', () => {
    const ws = wb.getWorksheet('逾期跟踪名单')!;
    const conclusion = ws.getCell(3, 1);
    expect(conclusion.text.length).toBeGreaterThan(40);
    expect(conclusion.alignment?.wrapText).toBe(true);
    // The merged width holds about 60 CJK characters: the conclusion needs two lines of about 18 points.
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(36);
  });
});

/** The HYPERLINK formulas of a sheet: target sheet and text. */
function links(ws: ExcelJS.Worksheet): { target: string; text: string; result: unknown }[] {
  const out: { target: string; text: string; result: unknown }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const f = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
      const m = f ? /^HYPERLINK\("#'((?:[^']|'')+)'!A1","((?:[^"]|"")*)"\)$/.exec(f) : null;
      if (m) out.push({ target: m[1].replace(/''/g, "'"), text: m[2].replace(/""/g, '"'), result: (cell.value as ExcelJS.CellFormulaValue).result });
    }),
  );
  return out;
}

describe('目录', () => {
  it('is the first sheet the product wrote, right after the dealer\'s sheets', () => {
    const names = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names.indexOf('目录')).toBe(names.indexOf(written[1]) - 1);
    expect(names.indexOf('目录')).toBe(names.length - written.length);
  });

  it('links to every other sheet it wrote, each target a sheet of the workbook', () => {
    const found = links(wb.getWorksheet('目录')!);
    expect(found.map((l) => l.target)).toEqual(written.slice(1));
    for (const l of found) {
      expect(wb.getWorksheet(l.target)).toBeDefined();
      expect([l.text, l.result]).toEqual([l.target, l.target]);
    }
  });

  it('names the suffixed sheet when a dealer\'s own sheet holds a product name, and a refresh keeps it the same', async () => {
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(IN);
    input.addWorksheet('招揽名单').getCell('A1').value = "dealer's own notes";
    const clash = path.join(dir, 'clash.xlsx');
    await input.xlsx.writeFile(clash);
    const out1 = path.join(dir, 'clash-1.xlsx');
    const out2 = path.join(dir, 'clash-2.xlsx');
    expect((await runCli(['analyze', clash, '--out', out1, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
    expect((await runCli(['analyze', out1, '--out', out2, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
    for (const file of [out1, out2]) {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
      expect(w.getWorksheet('招揽名单')!.getCell('A1').value).toBe("dealer's own notes");
      const targets = links(w.getWorksheet('目录')!).map((l) => l.target);
      expect(targets).toContain('招揽名单 (2)');
      expect(targets).not.toContain('招揽名单');
      for (const t of targets) expect(w.getWorksheet(t)).toBeDefined();
      expect(w.worksheets.filter((x) => x.name.startsWith('目录'))).toHaveLength(1);
    }
  });
});

describe('目录 placement by the file adapter', () => {
  const sheet = (key: string, name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
    key, name, role: 'summary', cells: [{ row: 0, col: 0, value: name, style: 'title' }], tables: [],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true }, ...extra,
  });
  it('goes just before a form a previous run left earlier in the tabs; the dealer\'s sheets keep their order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户A');
    wb.addWorksheet('表单F').getCell('A1').value = '表单F';
    wb.addWorksheet('客户B');
    const previous = { ...emptyState(), ownedSheets: { 'form.01': '表单F' }, ownedSheetTitles: { 'form.01': '表单F' } };
    const contents = sheet('contents', '目录', {
      firstOfProduct: true,
      print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 1 } },
      cells: [{ row: 0, col: 0, value: '目录', style: 'title' }, { row: 3, col: 0, value: '表单F', sheetLink: 'form.01' }, { row: 4, col: 0, value: '概览', sheetLink: 'summary.overview' }],
    });
    const plan: WorkbookPlan = {
      columnWrites: [], sheets: [contents, sheet('summary.overview', '概览')],
      state: { ...emptyState(), ownedSheets: { contents: '目录', 'summary.overview': '概览' } },
      report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] },
    };
    renderPlan(wb, plan, { previousState: previous });
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['客户A', '目录', '表单F', '客户B', '概览']);
    expect(links(wb.getWorksheet('目录')!).map((l) => l.target)).toEqual(['表单F', '概览']);
    // The order is the file's, and each sheet keeps its own print titles.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect(back.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['客户A', '目录', '表单F', '客户B', '概览']);
    expect(back.getWorksheet('目录')!.pageSetup.printTitlesRow).toBe('1:2');
    expect(back.getWorksheet('表单F')!.pageSetup.printTitlesRow).toBeUndefined();
  });
});
