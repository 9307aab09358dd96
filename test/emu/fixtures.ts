/** Inputs and expected outputs of the production-bundle tests: `churn-desk sample` / `analyze` / `forms`, run as the CLI. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { churnDesk, readCells, todayIso, type WorkbookCells } from './driver';
import { customers as smallCustomers } from '../core/aftersales/fixtures/smallWorkbook';

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

export { asRunAddinLoads } from '../../perf/emuInput';

/**
 * The hand-made base of test/core/aftersales/fixtures/smallWorkbook.ts (保有客户, 7 vehicles) and a call log
 * (回访记录) of 12 calls keyed by phones nobody in the base has: the core refuses it (aftersales.error.callsUnmatched),
 * about the log's key column 联系电话 (field phone).
 */
export async function strangerCalls(out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(smallCustomers.name).addRows(smallCustomers.grid as unknown[][]);
  const calls = wb.addWorksheet('回访记录');
  calls.addRow(['回访日期', '联系电话', '回访结果', '流失原因', '回访人']);
  for (let i = 0; i < 12; i++) calls.addRow([`2026-10-${String(i + 1).padStart(2, '0')}`, `1390000${1000 + i}`, '接通', '保养太贵了', '小刘']);
  await wb.xlsx.writeFile(out);
  return out;
}
