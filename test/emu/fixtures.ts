/** Inputs and expected outputs of the production-bundle tests: `churn-desk sample` / `analyze` / `forms`, run as the CLI. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { churnDesk, readCells, todayIso, type WorkbookCells } from './driver';

export const SHOTS = path.resolve(__dirname, '../../docs/screenshots');

/** `churn-desk sample --out FILE [--vehicles N]` (no N: the bundled sample, 2,000 vehicles). */
export async function sample(dir: string, vehicles?: number): Promise<string> {
  const file = path.join(dir, `sample-${vehicles ?? 'default'}.xlsx`);
  await churnDesk(['sample', '--out', file, ...(vehicles ? ['--vehicles', String(vehicles)] : [])]);
  return file;
}

/** What `churn-desk analyze IN --out OUT --as-of DATE` writes, as cells. */
export async function analyzed(input: string, asOf = todayIso()): Promise<{ file: string; cells: WorkbookCells; ms: number }> {
  const file = input.replace(/\.xlsx$/, `.cli-${asOf}.xlsx`);
  // Given explicitly (without it the CLI would take a date from the workbook's title, the add-in today's):
  // compareCells reads 目录's "运行时指定" as the add-in's "今天" (DATE_SOURCES).
  const r = await churnDesk(['analyze', input, '--out', file, '--as-of', asOf, '--quiet']);
  return { file, cells: await readCells(file), ms: r.ms };
}

/** What `churn-desk forms --from IN --only IDS` writes, as cells. */
export async function forms(input: string, ids: string[], asOf = todayIso()): Promise<WorkbookCells> {
  const file = input.replace(/\.xlsx$/, `.forms.xlsx`);
  await churnDesk(['forms', '--out', file, '--from', input, '--only', ids.join(','), '--as-of', asOf, '--quiet']);
  return readCells(file);
}

/** A copy of IN whose sheet `sheet` lost the columns headed `headers` (the header row is found by those texts). */
export async function withoutColumns(input: string, out: string, sheet: string, headers: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${input}`);
  for (const h of headers) {
    let found = false;
    for (let r = 1; r <= 10 && !found; r++) {
      ws.getRow(r).eachCell((cell, c) => {
        if (!found && String(cell.value).trim() === h) {
          ws.spliceColumns(c, 1);
          found = true;
        }
      });
    }
    if (!found) throw new Error(`no column ${h} in ${sheet}`);
  }
  await wb.xlsx.writeFile(out);
  return out;
}

/** A workbook with nothing ChurnDesk can use. */
export async function unusable(out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['会议纪要']);
  ws.addRow(['下周一开会']);
  await wb.xlsx.writeFile(out);
  return out;
}

/** run-addin.js loads workbooks of this size and above with exceljs's streaming reader (run-addin.js `readWorkbook`). */
const RUN_ADDIN_STREAM_BYTES = 6 * 1024 * 1024;

/**
 * The input as run-addin.js hands it to the add-in. From 6 MB it reads with exceljs 4.4's streaming WorkbookReader,
 * which garbles multi-byte text split across read chunks ('瑞虎9' arrives as '���虎9'): an emulator fault, not
 * Excel's (Range.values returns the cell's text). So that the comparison measures the add-in and not the loader, the
 * CLI is given the same cells: read by the same reader with the same options, written back with their number formats.
 * Below 6 MB the input is returned unchanged.
 */
export async function asRunAddinLoads(input: string): Promise<string> {
  if (fs.statSync(input).size < RUN_ADDIN_STREAM_BYTES) return input;
  const out = input.replace(/\.xlsx$/, '.as-emulated.xlsx');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  for await (const ws of reader) {
    const target = writer.addWorksheet((ws as unknown as { name: string }).name);
    for await (const row of ws) {
      const copy = target.getRow(row.number);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const to = copy.getCell(c);
        to.value = cell.value;
        if (cell.numFmt) to.numFmt = cell.numFmt;
      });
      copy.commit();
    }
    target.commit();
  }
  await writer.commit();
  return out;
}
