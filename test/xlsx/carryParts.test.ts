/**
 * carryChartsAndPivots (src/xlsx/carryParts.ts): the share-safe copy gets the analysed workbook's charts and
 * PivotTables back, but never a chart label or a pivot item that the copy's cells no longer hold (a masked value).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { carryChartsAndPivots } from '../../src/xlsx/carryParts';
import { cellTexts } from '../../src/xlsx/shareWorkbook';
import { readZipEntries } from '../../src/xlsx/zip';
import { runCli } from '../e2e/runCli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-carry-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const IN = path.join(dir, 'dealer.xlsx');
const OUT = path.join(dir, 'analysed.xlsx');

beforeAll(async () => {
  expect((await runCli(['sample', '--out', IN, '--vehicles', '200', '--seed', '3', '--as-of', '2026-10-31'])).code).toBe(0);
  expect((await runCli(['analyze', IN, '--out', OUT, '--as-of', '2026-10-31', '--quiet'])).code).toBe(0);
}, 120_000);

async function rewritten(edit?: (wb: ExcelJS.Workbook) => void): Promise<{ entries: Map<string, Buffer>; texts: Set<string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
  edit?.(wb);
  return { entries: readZipEntries(Buffer.from(await wb.xlsx.writeBuffer())), texts: cellTexts(wb) };
}

const chartCount = (e: Map<string, Buffer>) => [...e.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).length;
const pivotCount = (e: Map<string, Buffer>) => [...e.keys()].filter((k) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(k)).length;

test('exceljs drops every chart and pivot; all of them come back when the cells are unchanged', async () => {
  const source = readZipEntries(fs.readFileSync(OUT));
  const { entries, texts } = await rewritten();
  expect([chartCount(entries), pivotCount(entries)]).toEqual([0, 0]);
  const carried = carryChartsAndPivots(source, entries, texts);
  expect(carried).toEqual({ charts: chartCount(source), pivots: pivotCount(source), refused: 0 });
  expect([chartCount(entries), pivotCount(entries)]).toEqual([chartCount(source), pivotCount(source)]);
  // One cacheId per pivot in workbook.xml, each with its relationship.
  const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
  expect((workbook.match(/<pivotCache cacheId="\d+" r:id="rId\d+"\/>/g) ?? []).length).toBe(pivotCount(source));
});

test('a label the copy masked keeps its chart and its pivot out of the copy', async () => {
  const source = readZipEntries(fs.readFileSync(OUT));
  // Mask one region wherever it is written (as if the share rule had taken it for personal data).
  let region = '';
  const { entries, texts } = await rewritten((wb) => {
    const ws = wb.getWorksheet('保有客户')!;
    const header = (ws.getRow(3).values as unknown[]).indexOf('地区');
    region = String(ws.getRow(4).getCell(header).value);
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === region) cell.value = `${region[0]}**`;
    })));
  });
  expect(texts.has(region)).toBe(false);
  const carried = carryChartsAndPivots(source, entries, texts);
  expect(carried.refused).toBeGreaterThanOrEqual(2);
  expect(carried.pivots).toBe(pivotCount(source) - 1);
  for (const [name, bytes] of entries) if (/^xl\/(charts|pivotCache|pivotTables)\//.test(name)) expect([name, bytes.toString('utf8').includes(region)]).toEqual([name, false]);
});
