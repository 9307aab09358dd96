/** `churn-desk forms --from`: the forms filled from the bundled sample workbook, totals matching the data. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateFormsWorkbook } from '../../src/cli/formsCommand';
import { runSampleCommand } from '../../src/cli/sampleCommand';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'churn-forms-from-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('churn-desk forms --from', () => {
  const sample = path.join(dir, 'sample.xlsx');
  const out = path.join(dir, 'filled.xlsx');
  let filled: string[] = [];
  let wb: ExcelJS.Workbook;
  const lines: string[] = [];

  beforeAll(async () => {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await runSampleCommand(['--out', sample, '--vehicles', '300', '--seed', '7', '--as-of', '2026-10-31'], 'zh-CN');
    } finally {
      process.stdout.write = write;
    }
    const only = ['--only', '1,2,3,4,5,AS1,AS2,AS3,AS4'];
    const res = await generateFormsWorkbook(['--out', out, '--from', sample, '--as-of', '2026-10-31', ...only], 'zh-CN', (l) => lines.push(l));
    filled = res.filled;
    expect(res.sheets).toHaveLength(9);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  }, 60000);

  it('fills the forms whose data the workbook holds, leaves the others blank, and says which', () => {
    expect(filled).toEqual(['F01', 'F02', 'F03', 'F04', 'AS1', 'AS2', 'AS3', 'AS4']);
    expect(lines.some((l) => l.startsWith('已按数据填写:') && l.includes('展厅来电/店登记表'))).toBe(true);
  });

  it('writes the register rows with a COUNTA total over exactly those rows', async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(sample);
    const ws = wb.getWorksheet('展厅来电-店登记表')!;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '序号' && !headerRow) headerRow = n;
    });
    let totalsRow = 0;
    ws.eachRow((row, n) => {
      if (n > headerRow && row.getCell(1).value === '合计' && !totalsRow) totalsRow = n;
    });
    const dataRows = totalsRow - headerRow - 1;
    expect(dataRows).toBeGreaterThan(10);
    expect(ws.getCell(headerRow + 1, 1).value).toBe(1);
    expect(ws.getCell(totalsRow - 1, 1).value).toBe(dataRows);
    expect(ws.getCell(totalsRow, 4).formula).toBe(`COUNTA(D${headerRow + 1}:D${totalsRow - 1})`);
    // Every filled row has a contact type or a name: no padding rows between data and totals.
    for (let r = headerRow + 1; r < totalsRow; r++) {
      const row = ws.getRow(r);
      expect([2, 4, 5].some((c) => row.getCell(c).value !== null && row.getCell(c).value !== '')).toBe(true);
    }
  });
});
