/**
 * Which file pipeline `churn-desk analyze` uses for an input:
 *  - 'memory': exceljs loads the whole workbook and the plan is rendered into it. Keeps everything exceljs
 *    understands of the user's sheets (fonts, fills, borders, merges, their validations and tables) but needs
 *    roughly 30-60 KB of memory per row, and minutes per 100,000 rows.
 *  - 'stream': streamReadWorkbook + streamWriteWorkbook. Bounded memory and linear time; source sheets keep their
 *    values, number formats, formulas, column widths and visibility, not their other formatting.
 * Chosen by the size of the worksheets' XML, read from the zip's central directory without inflating anything:
 * above STREAM_THRESHOLD_BYTES (about 50,000 rows of a typical dealer sheet) the stream pipeline is used.
 * The environment variable CHURN_DESK_FILE_ENGINE=memory|stream forces one (benchmarks, tests).
 */
import * as fs from 'fs';
import { zipDirectory } from './identifyFile';

export type FileEngine = 'memory' | 'stream';

/** About 50,000 rows: a dealer sheet row is ~500 bytes of worksheet XML. */
export const STREAM_THRESHOLD_BYTES = 25 * 1024 * 1024;

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
 * The pipeline for `file` (see the file comment).
 * @example chooseFileEngine('group.xlsx') // 'stream' for a 100,000-vehicle workbook
 */
export function chooseFileEngine(file: string, env: Record<string, string | undefined> = process.env): FileEngine {
  const forced = env.CHURN_DESK_FILE_ENGINE;
  if (forced === 'memory' || forced === 'stream') return forced;
  return worksheetXmlBytes(file) > STREAM_THRESHOLD_BYTES ? 'stream' : 'memory';
}
