/**
 * LibreOffice helpers for end-to-end tests: run soffice headless on a private profile, convert a workbook to one
 * CSV per sheet (values as LibreOffice computes them, formulas included), and parse that CSV.
 * LibreOffice is a required tool: `soffice` throws when it is missing, so a test fails instead of skipping.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The soffice binary: $SOFFICE, else the first `soffice` on PATH. */
export function sofficePath(): string {
  if (process.env.SOFFICE) return process.env.SOFFICE;
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** True when soffice can be run here (a test that may skip says so with this). */
export function hasSoffice(): boolean {
  const bin = sofficePath();
  return Boolean(bin) && fs.existsSync(bin);
}

/**
 * Runs soffice headless with a private user profile under `profileDir` (never the user's own); returns what it
 * printed. soffice exits 0 even when it could not load a file ("Error: source file could not be loaded" on stderr).
 * @throws Error when soffice is missing, times out or exits non-zero.
 * @example sofficeOutput(dir, ['--convert-to', 'csv', '--outdir', dir, 'a.xlsx']).stderr
 */
export function sofficeOutput(profileDir: string, args: string[], timeoutMs = 170000): { stdout: string; stderr: string } {
  if (!hasSoffice()) {
    throw new Error('LibreOffice (soffice) not found: install it (apt-get install libreoffice-calc) or set SOFFICE. This test does not skip.');
  }
  const r = spawnSync(sofficePath(), [`-env:UserInstallation=file://${path.resolve(profileDir)}`, '--headless', ...args], { timeout: timeoutMs, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`soffice exited ${r.status}${r.signal ? ` (${r.signal})` : ''}:\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs soffice headless with a private user profile under `profileDir` (never the user's own).
 * @example soffice(dir, ['--convert-to', 'pdf', '--outdir', dir, 'forms.xlsx'])
 */
export function soffice(profileDir: string, args: string[], timeoutMs = 170000): void {
  sofficeOutput(profileDir, args, timeoutMs);
}

/**
 * What soffice said about the files on stderr, less what it says about the machine on every run (no Java here).
 * Anything left (a file it could not load, a repair, an I/O error) is a problem with a file.
 * @example fileProblems('Warning: failed to launch javaldx - java may not function correctly\n') // []
 */
export function fileProblems(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Warning: failed to launch javaldx/.test(l) && !/^javaldx: /.test(l));
}

/**
 * CSV export of every sheet (token 12 = -1), UTF-8 (76), comma and double quotes, raw values (not as shown), so a
 * percentage comes out as 0.35 and a formula as its computed value. Writes `<base>-<sheet name>.csv`.
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * Converts `file` to one CSV per sheet in `outDir`; returns a reader by sheet name.
 * @example const csv = convertToCsv(dir, 'forms.xlsx', dir); csv('展厅客流量统计表')[0][0] // '展厅客流量统计表'
 */
export function convertToCsv(profileDir: string, file: string, outDir: string): (sheet: string) => string[][] {
  soffice(profileDir, ['--convert-to', CSV_ALL_SHEETS, '--outdir', outDir, file]);
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return (sheet) => parseCsv(fs.readFileSync(path.join(outDir, `${base}-${sheet}.csv`), 'utf8'));
}

/**
 * Parses a CSV written by LibreOffice (comma, double quotes, quoted newlines).
 * @example parseCsv('a,"b,c"\n1,2\n') // [['a', 'b,c'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
