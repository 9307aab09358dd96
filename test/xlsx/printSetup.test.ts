/**
 * Issue 12.2, file adapter: every list and summary sheet of `churn-desk analyze` prints with its table's header
 * repeated on every page, frozen header panes, a footer naming the sheet, the dealer and the page of that sheet
 * (numbering restarted per sheet), and conclusion rows tall enough for their wrapped text. Read back with exceljs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../e2e/runCli';

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

/** Row (1-based) of the first cell in column A whose text is `header`, below the title block. */
function rowOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 60); r++) if (ws.getCell(r, 1).text === header) return r;
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
