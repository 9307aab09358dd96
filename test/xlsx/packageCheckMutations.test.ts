/**
 * The hand-written tokenizer of packageCheck.ts gives the same verdict, word for word, as the regex check it replaced
 * (packageCheckReference.ts) on random mutations of three packages: one written by exceljs, one by the CLI's sample
 * writer, and the first again with its sheet and workbook parts under an `x:` namespace prefix. Each mutation replaces,
 * inserts or deletes 1-3 pieces of markup (tag characters, quotes, entities, comments, CDATA, declarations, forbidden
 * and non-ASCII characters, `t="s"`) at random places of one XML part. The seed is fixed: the same packages every run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { packageProblem } from '../../src/xlsx/packageCheck';
import { packageProblem as referenceProblem } from './packageCheckReference';
import { readZipEntries } from '../../src/xlsx/zip';
import { packageZip } from '../../src/xlsx/gridWorkbook';
import { prefixed } from '../../src/xlsx/spliceSheet';
import { runCli } from '../e2e/runCli';

jest.setTimeout(300_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-check-mutations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PIECES = ['<', '>', '/', '"', "'", '=', ' ', '\u3000', '\u00a0', '&', '&amp;', ';', '!', '?', '-', ':', 'x', 'r', 'c', '1', 'A', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '\t', '\n', '<!DOCTYPE', 's', 't="s"', '\uFFFF', '\u0001', '中', 'x:', '<x:c>', '</row>'];
const MUTATIONS_PER_PACKAGE = 400;

/** A fixed-seed linear congruential generator: `next(n)` in [0, n). */
function generator(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

async function basePackages(): Promise<Array<[string, Map<string, Buffer>]>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('保有客户');
  ws.addRow(['车牌', '姓名', '购车日期', '备注']);
  for (let i = 0; i < 40; i++) ws.addRow([`京A${10000 + i}`, `客户${i % 7}`, 45000 + i, i % 3 ? 'A&B <c>' : null]);
  const exceljsFile = path.join(dir, 'exceljs.xlsx');
  await wb.xlsx.writeFile(exceljsFile);
  const sampleFile = path.join(dir, 'sample.xlsx');
  expect((await runCli(['sample', '--out', sampleFile, '--vehicles', '30', '--seed', '2', '--as-of', '2026-10-31'])).code).toBe(0);
  const exceljs = readZipEntries(fs.readFileSync(exceljsFile)) as Map<string, Buffer>;
  const withPrefix = new Map(exceljs);
  for (const part of ['xl/worksheets/sheet1.xml', 'xl/workbook.xml']) {
    const xml = exceljs.get(part)!.toString('utf8');
    withPrefix.set(part, Buffer.from(prefixed(xml, 'x:').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'), 'utf8'));
  }
  return [['exceljs', exceljs], ['sample', readZipEntries(fs.readFileSync(sampleFile)) as Map<string, Buffer>], ['prefixed', withPrefix]];
}

test('the same verdict as the regex check on every mutation', async () => {
  const bases = await basePackages();
  const next = generator(1);
  const differences: string[] = [];
  let damaged = 0;
  let total = 0;
  for (const [name, entries] of bases) {
    const parts = [...entries.keys()].filter((k) => /\.(xml|rels)$/.test(k));
    // The unmutated package first: its verdict too.
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, packageZip(entries));
    expect(await packageProblem(file)).toBe(await referenceProblem(file));
    for (let k = 0; k < MUTATIONS_PER_PACKAGE; k++) {
      const part = parts[next(parts.length)];
      let xml = entries.get(part)!.toString('utf8');
      for (let e = 1 + next(3); e > 0; e--) {
        const at = next(xml.length);
        const piece = PIECES[next(PIECES.length)];
        const op = next(3);
        xml = op === 0 ? xml.slice(0, at) + piece + xml.slice(at + 1) : op === 1 ? xml.slice(0, at) + piece + xml.slice(at) : xml.slice(0, at) + xml.slice(at + 1 + next(5));
      }
      const mutated = path.join(dir, 'mutated.xlsx');
      fs.writeFileSync(mutated, packageZip(new Map([...entries, [part, Buffer.from(xml, 'utf8')]])));
      const verdict = await packageProblem(mutated).catch((e: Error) => `threw ${e.message}`);
      const reference = await referenceProblem(mutated).catch((e: Error) => `threw ${e.message}`);
      total++;
      if (reference !== null) damaged++;
      if (verdict !== reference) differences.push(`${name} ${part} #${k}: ${JSON.stringify(verdict)} against ${JSON.stringify(reference)}`);
    }
  }
  expect(differences).toEqual([]);
  // The set is worth its name: most mutations damage the package, and some leave it sound.
  expect(total).toBe(3 * MUTATIONS_PER_PACKAGE);
  expect(damaged).toBeGreaterThan(total / 2);
  expect(damaged).toBeLessThan(total);
});
