/**
 * Which file pipeline `churn-desk analyze` uses. One path at every size: 'stream' (streamReadWorkbook reads the
 * grids, spliceWriteWorkbook copies the source package and splices the new cells into it: every byte of the user's
 * sheets kept, see test/xlsx/byteFaithful.test.ts). It is faster than loading the workbook into exceljs at every
 * size and more faithful: exceljs rewrites every source sheet (and cannot write some LibreOffice-written tables).
 * CHURN_DESK_FILE_ENGINE=memory still forces the exceljs path (exceljs loads the whole workbook and the plan is
 * rendered into it), kept for comparisons in tests and benchmarks only, and for a damaged package (fileEngineFor).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { zipDirectory } from './identifyFile';
import { packageProblem } from './packageCheck';

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

/**
 * The pipeline `churn-desk analyze` uses for `file`: chooseFileEngine's, except that a damaged package (a part that
 * is not well-formed XML or breaks a worksheet's structure: packageCheck.ts) takes the exceljs path. The splice
 * copies the user's bytes, so it would copy the damage into the output; exceljs reads what it can and writes clean
 * XML, or refuses the file as damaged, as the CLI always did for such files.
 * @example await fileEngineFor('dealer.xlsx') // 'stream'
 * @example await fileEngineFor('overwritten-bytes.xlsx') // 'memory'
 */
export async function fileEngineFor(file: string, env: Record<string, string | undefined> = process.env): Promise<FileEngine> {
  const chosen = chooseFileEngine(file, env);
  if (chosen === 'memory') return chosen;
  try {
    return (await packageProblem(file)) === null ? 'stream' : 'memory';
  } catch {
    // Not a readable zip: the reader names the problem.
    return 'stream';
  }
}

/** The compiled packageCheckWorker.ts beside this module (absent when the TypeScript sources run, under ts-jest). */
export const CHECK_WORKER_SCRIPT = path.join(__dirname, 'packageCheckWorker.js');

/**
 * fileEngineFor's answer, computed in a worker thread (packageCheckWorker.ts) so that the check runs beside the
 * reading and the analysis. The caller must not write anything the answer could change before it has it: a
 * damaged package is then read and written again by exceljs (analyzeCommand.ts). Where the worker's script is not
 * there (the TypeScript sources run by ts-jest), the check runs in this thread: the same answer. A worker that
 * cannot start, throws, exits without an answer or answers something else is never taken for "sound": the check
 * then runs in this thread (test/xlsx/packageCheckWorker.test.ts).
 * @example const engine = fileEngineAside('dealer.xlsx'); …; (await engine) === 'stream'
 */
export function fileEngineAside(file: string, env: Record<string, string | undefined> = process.env, script = CHECK_WORKER_SCRIPT): Promise<FileEngine> {
  if (chooseFileEngine(file, env) === 'memory') return Promise.resolve('memory');
  if (!fs.existsSync(script)) return fileEngineFor(file, env);
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { file } });
  } catch {
    return fileEngineFor(file, env);
  }
  return new Promise<FileEngine>((resolve) => {
    let answered = false;
    const answer = (engine: () => FileEngine | Promise<FileEngine>) => {
      if (answered) return; // the exit that follows the answer's terminate()
      answered = true;
      resolve(engine());
      void worker.terminate();
    };
    const inThread = () => fileEngineFor(file, env);
    worker.on('message', (m: unknown) => {
      const reply = (m ?? {}) as { problem?: unknown; error?: unknown };
      // { error }: not a readable zip (the reader names the problem, as in fileEngineFor); { problem }: the verdict.
      if (typeof reply.error === 'string') answer(() => 'stream');
      else if (typeof reply.problem === 'string') answer(() => 'memory');
      else if (reply.problem === null) answer(() => 'stream');
      else answer(inThread);
    });
    // The worker itself failed (no memory for a second heap…): never guess sound, check in this thread.
    worker.on('error', () => answer(inThread));
    worker.on('exit', () => answer(inThread));
  });
}
