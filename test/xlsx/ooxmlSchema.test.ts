/**
 * Issue 14.2: every part the product writes validates against the OOXML schema (test/support/ooxmlSchema.ts):
 * xl/workbook.xml, the worksheets (the dealer's written back and the product's), tables, styles, shared strings,
 * drawings and charts, for both file engines, a refresh of the analysed file, and the form pack. Needs the schemas
 * ($CHURN_DESK_OOXML_XSD, see docs/real-excel-checks.md); without them the test is skipped, saying so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWithEngine, runCli } from '../e2e/runCli';
import { haveXsd, schemaErrors, XSD_DIR } from '../support/ooxmlSchema';

jest.setTimeout(600_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-xsd-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2026-10-31';
if (!haveXsd) console.warn(`OOXML schemas not found in ${XSD_DIR}: the schema validation is skipped (set CHURN_DESK_OOXML_XSD)`);

(haveXsd ? describe : describe.skip)('every written part validates against the OOXML schemas', () => {
  let sample: string;
  beforeAll(async () => {
    sample = path.join(dir, 'sample.xlsx');
    expect((await runCli(['sample', '--out', sample, '--vehicles', '60', '--seed', '8', '--as-of', AS_OF])).code).toBe(0);
  });

  it.each(['memory', 'stream'] as const)('analysed and refreshed (%s engine)', async (engine) => {
    const first = path.join(dir, `${engine}-1.xlsx`);
    const again = path.join(dir, `${engine}-2.xlsx`);
    expect((await analyseWithEngine(sample, first, engine, AS_OF)).code).toBe(0);
    expect((await analyseWithEngine(first, again, engine, AS_OF)).code).toBe(0);
    for (const file of [first, again]) {
      const { parts, errors } = await schemaErrors(fs.readFileSync(file));
      expect(parts).toBeGreaterThan(40);
      expect(errors).toEqual([]);
    }
  });

  it('the form pack, filled', async () => {
    const out = path.join(dir, 'forms.xlsx');
    expect((await runCli(['forms', '--out', out, '--from', sample, '--as-of', AS_OF, '--quiet'])).code).toBe(0);
    const { parts, errors } = await schemaErrors(fs.readFileSync(out));
    expect(parts).toBeGreaterThan(58);
    expect(errors).toEqual([]);
  });
});
