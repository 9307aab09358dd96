/**
 * The input as the Office emulator's runner (../shared/office-emu/run-addin.js) hands it to the add-in. From 6 MB
 * run-addin.js reads with exceljs 4.4's streaming WorkbookReader, which garbles multi-byte text split across read
 * chunks ('瑞虎9' arrives as '���虎9'): an emulator fault, not Excel's (Range.values returns the cell's text). So the
 * add-in and the CLI are given the same cells, read by the same reader with the same options and written back with
 * their number formats (inline strings, which that reader reads whole). Below 6 MB the input is returned unchanged.
 * Used by the production-bundle tests (test/emu) and the add-in bench (perf/addinBench.ts).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { SampleSheet } from '../src/cli/sample/types';

/** run-addin.js loads workbooks of this size and above with exceljs's streaming reader (run-addin.js `readWorkbook`). */
export const RUN_ADDIN_STREAM_BYTES = 6 * 1024 * 1024;

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

/** One sheet as run-addin.js hands it to emu.js (`__EMU_WORKBOOK__.sheets[i]`). */
export interface EmuSheet {
  name: string;
  /** Range.values from A1: '' for an empty cell, dates as serial numbers. */
  values: unknown[][];
  formulas: [number, number, string][];
  /** Number-format runs [column, firstRow, lastRow (inclusive), format], as run-addin.js builds them. */
  numFmts: [number, number, number, string][];
  merges: string[];
  tables: unknown[];
  visibility?: string;
  freeze?: { rows: number; cols: number };
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/**
 * The sample's sheets as the emulator would hold them after run-addin.js read the file writeSample (or
 * perf/sampleXlsx.ts) writes: the same values, the date and time formats of writeSample's rules as runs, the merged
 * title, the frozen header. No file in between: at 500,000 vehicles and above, writing the .xlsx and reading it back
 * with exceljs took most of the add-in bench's time (issue 13), and neither is the add-in's work. Non-top-left cells
 * of a merged area are blank, as Range.values returns them.
 */
export function sampleAsEmuSheets(sheets: readonly SampleSheet[]): EmuSheet[] {
  return sheets.map((s) => {
    const numFmts: [number, number, number, string][] = [];
    const open = new Map<number, [number, number, number, string]>();
    const dateCols = new Set(s.dateColumns);
    const timeCols = new Set(s.timeColumns);
    const values: unknown[][] = new Array(s.grid.length);
    for (let r = 0; r < s.grid.length; r++) {
      const src = s.grid[r];
      const row: unknown[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) {
        const v = src[c];
        row[c] = v === null || v === undefined ? '' : v;
        if (typeof v !== 'number' || r <= s.headerRow) continue;
        const fmt = dateCols.has(c) && v >= 1 ? 'yyyy-mm-dd' : timeCols.has(c) && v < 1 ? 'hh:mm' : null;
        if (!fmt) continue;
        const last = open.get(c);
        if (last && last[2] === r - 1 && last[3] === fmt) last[2] = r;
        else {
          const run: [number, number, number, string] = [c, r, r, fmt];
          numFmts.push(run);
          open.set(c, run);
        }
      }
      values[r] = row;
    }
    for (const m of s.merges) for (let r = m.row; r <= m.lastRow; r++) for (let c = m.col; c <= m.lastCol; c++) if (r !== m.row || c !== m.col) values[r][c] = '';
    return { name: s.name, values, formulas: [], numFmts, merges: s.merges.map((m) => `${a1(m.row, m.col)}:${a1(m.lastRow, m.lastCol)}`), tables: [], freeze: { rows: s.headerRow + 1, cols: 0 } };
  });
}

/**
 * `__EMU_WORKBOOK__` as JSON bytes, serialised a block of rows at a time: a million-row workbook is larger than the
 * longest string V8 makes (2^29 characters), so it never exists as one string.
 */
export function emuWorkbookJson(sheets: readonly EmuSheet[], config: { lang: string; fileName: string }): Buffer {
  const parts: Buffer[] = [Buffer.from('{"sheets":[')];
  sheets.forEach((s, i) => {
    const { values, ...rest } = s;
    const head = JSON.stringify(rest);
    parts.push(Buffer.from(`${i ? ',' : ''}${head.slice(0, -1)},"values":[`));
    for (let r = 0; r < values.length; r += 20000) {
      const block = JSON.stringify(values.slice(r, r + 20000));
      parts.push(Buffer.from(`${r ? ',' : ''}${block.slice(1, -1)}`));
    }
    parts.push(Buffer.from(']}'));
  });
  parts.push(Buffer.from(`],"settings":{},"displayLanguage":${JSON.stringify(config.lang)},"contentLanguage":${JSON.stringify(config.lang)},"fileName":${JSON.stringify(config.fileName)}}`));
  return Buffer.concat(parts);
}
