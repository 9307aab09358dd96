/**
 * Where a command writes OUT: never onto IN (the same path, a symbolic link to it or a hard link of it), and never
 * half-written (the file is written beside OUT under a temporary name and renamed over it in one step, so a
 * failure leaves the previous OUT, or none).
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './args';

function identity(file: string): { dev: number; ino: number } | null {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/**
 * Refuses an OUT that is IN under another name, or a directory.
 * @throws UsageError cli.error.sameFile / cli.error.outIsDirectory
 * @example refuseOutOverInput('in.xlsx', 'out.xlsx') // returns; refuseOutOverInput('in.xlsx', './in.xlsx') throws
 */
export function refuseOutOverInput(input: string, out: string): void {
  if (path.resolve(input) === path.resolve(out)) throw new UsageError('cli.error.sameFile', { file: out });
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError('cli.error.outIsDirectory', { file: out });
  const a = identity(input);
  const b = identity(out); // follows a symbolic link; a hard link has the same inode
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw new UsageError('cli.error.sameFile', { file: out });
}

/**
 * Writes OUT through a temporary file in the same directory, renamed over OUT when `write` has finished.
 * A symbolic link at OUT is replaced by the file (its target is never written through).
 * @example await writeAtomically('out.xlsx', (tmp) => workbook.xlsx.writeFile(tmp))
 */
export async function writeAtomically(out: string, write: (tmpFile: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
