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
