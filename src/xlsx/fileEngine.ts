/**
 * Which file pipeline `churn-desk analyze` uses. One path at every size: 'stream' (streamReadWorkbook reads the
 * grids, spliceWriteWorkbook copies the source package and splices the new cells into it: every byte of the user's
 * sheets kept, see test/xlsx/byteFaithful.test.ts). It is faster than loading the workbook into exceljs at every
 * size and more faithful: exceljs rewrites every source sheet (and cannot write some LibreOffice-written tables).
 * CHURN_DESK_FILE_ENGINE=memory still forces the exceljs path (exceljs loads the whole workbook and the plan is
 * rendered into it), kept for comparisons in tests and benchmarks only.
 */
import * as fs from 'fs';
import { zipDirectory } from './identifyFile';

export type FileEngine = 'memory' | 'stream';

/**
 * Total uncompressed size of the xl/worksheets/*.xml parts, or -1 when the file is not a readable zip.
 * @example worksheetXmlBytes('dealer.xlsx') // 13082531
 */
export function worksheetXmlBytes(file: string): number {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const directory = zipDirectory(fd, fs.fstatSync(fd).size);
    if (!directory) return -1;
    let total = 0;
    for (const e of directory) if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) total += e.size;
    return total;
  } catch {
    return -1;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The pipeline for `file` (see the file comment): 'stream' unless CHURN_DESK_FILE_ENGINE=memory.
 * @example chooseFileEngine('dealer.xlsx') // 'stream'
 */
export function chooseFileEngine(_file: string, env: Record<string, string | undefined> = process.env): FileEngine {
  return env.CHURN_DESK_FILE_ENGINE === 'memory' ? 'memory' : 'stream';
}
