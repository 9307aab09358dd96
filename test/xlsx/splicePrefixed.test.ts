/**
 * A worksheet written with a namespace prefix (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`, as some .NET
 * writers do) is spliced like any other: its rows keep their bytes and their prefix, the new cells, rows and the
 * edited dimension, columns and validations carry the prefix too (an unprefixed element would be in no namespace),
 * and the stream reader reads back every source cell and the appended headers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readZipEntries } from '../../src/xlsx/zip';
import { packageZip } from '../../src/xlsx/gridWorkbook';
import { partText, sheetPaths, type PackageEntries } from '../../src/xlsx/packageParts';
import { packageProblem } from '../../src/xlsx/packageCheck';
import { streamReadWorkbook } from '../../src/xlsx/streamReadWorkbook';
import { prefixed, unprefixed } from '../../src/xlsx/spliceSheet';
import { analyseWithEngine, runCli, CLASSIFICATION_HEADERS } from '../e2e/runCli';

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

test('churn-desk analyze splices a sheet written with the x: prefix', async () => {
  const plain = path.join(dir, 'plain.xlsx');
  expect((await runCli(['sample', '--out', plain, '--vehicles', '200', '--seed', '4', '--as-of', AS_OF])).code).toBe(0);
  const entries = readZipEntries(fs.readFileSync(plain)) as PackageEntries;
  const [name, part] = [...sheetPaths(entries)][0];
  const xml = partText(entries, part)!;
  const withPrefix = prefixed(xml, 'x:').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
  expect(withPrefix).toContain('<x:row ');
  const input = path.join(dir, 'prefixed.xlsx');
  fs.writeFileSync(input, packageZip(new Map([...entries].map(([k, v]) => [k, k === part ? Buffer.from(withPrefix, 'utf8') : v]))));
  expect(await packageProblem(input)).toBeNull();

  const out = path.join(dir, 'out.xlsx');
  const run = await analyseWithEngine(input, out, 'stream', AS_OF);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(await packageProblem(out)).toBeNull();
  const outXml = partText(readZipEntries(fs.readFileSync(out)) as PackageEntries, part)!;
  expect(outXml).not.toMatch(/<(row|c|v|is|t|dimension|cols|col|dataValidations?)[\s>/]/);
  // Every source row's cells are there byte for byte (the appended cells follow them, before </x:row>).
  const rows = [...withPrefix.matchAll(/<x:row\b[^>]*>([\s\S]*?)<\/x:row>/g)].map((m) => m[1]);
  expect(rows.length).toBeGreaterThan(200);
  expect(rows.filter((inner) => !outXml.includes(inner)).length).toBe(0);

  const before = (await streamReadWorkbook(input)).sheets.find((s) => s.name === name)!.grid;
  const after = (await streamReadWorkbook(out)).sheets.find((s) => s.name === name)!.grid;
  before.forEach((row, r) => row.forEach((v, c) => expect([r, c, after[r]?.[c]]).toEqual([r, c, v])));
  const headers = after.flat();
  for (const h of CLASSIFICATION_HEADERS) expect(headers).toContain(h);
});
