/**
 * A worksheet written with a namespace prefix (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`, as some .NET
 * writers do) is spliced like any other: its rows keep their bytes and their prefix, the new cells, rows and the
 * edited dimension, columns and validations carry the prefix too (an unprefixed element would be in no namespace),
 * and the stream reader reads back every source cell and the appended headers. By default the CLI sends such a file
 * through exceljs (packageProblem names the prefix: exceljs cannot read a prefixed sheet back); the splice is used
 * when the stream engine is forced.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readZipEntries } from '../../src/xlsx/zip';
import { packageZip } from '../../src/xlsx/gridWorkbook';
import { partText, sheetPaths, type PackageEntries } from '../../src/xlsx/packageParts';
import { packageProblem } from '../../src/xlsx/packageCheck';
import { prefixed, unprefixed } from '../../src/xlsx/spliceSheet';
import { analyseWithEngine, runCli } from '../e2e/runCli';

jest.setTimeout(300_000);
const AS_OF = '2026-10-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-splice-prefix-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('prefixed and unprefixed are inverses on a part whose elements all carry the prefix', () => {
  const xml = '<?xml version="1.0"?><worksheet xmlns:x="m"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mc:Alt/></worksheet>';
  const p = prefixed(xml, 'x:');
  expect(p).toBe('<?xml version="1.0"?><x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData><mc:Alt/></x:worksheet>');
  expect(unprefixed(p, 'x:')).toBe(xml);
  expect(prefixed(xml, '')).toBe(xml);
});

test('churn-desk analyze sends a sheet written with the x: prefix through exceljs, which refuses it clearly and writes nothing', async () => {
  // The splice can write such a sheet (above), but its output keeps the prefix, which exceljs cannot read back
  // (test/robustness corpus "prefixed namespace"), so packageProblem names the prefix and the CLI takes the exceljs path.
  const plain = path.join(dir, 'plain.xlsx');
  expect((await runCli(['sample', '--out', plain, '--vehicles', '200', '--seed', '4', '--as-of', AS_OF])).code).toBe(0);
  const entries = readZipEntries(fs.readFileSync(plain)) as PackageEntries;
  const [, part] = [...sheetPaths(entries)][0];
  const xml = partText(entries, part)!;
  const withPrefix = prefixed(xml, 'x:').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
  expect(withPrefix).toContain('<x:row ');
  const input = path.join(dir, 'prefixed.xlsx');
  fs.writeFileSync(input, packageZip(new Map([...entries].map(([k, v]) => [k, k === part ? Buffer.from(withPrefix, 'utf8') : v]))));
  expect(await packageProblem(input)).toMatch(/namespace prefix x: \(not spliced\)/);

  const out = path.join(dir, 'out.xlsx');
  const run = await analyseWithEngine(input, out, 'stream', AS_OF);
  expect(run.code).not.toBe(0);
  expect(run.err).toContain('prefixed.xlsx');
  expect(fs.existsSync(out)).toBe(false);
});
