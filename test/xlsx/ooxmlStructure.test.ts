/**
 * The schema-free structure check (test/support/ooxmlStructure.ts) that runs where the OOXML schemas are not (CI):
 * every part either file engine writes, on an analysed sample, its refresh and the form pack, has its children in the
 * schema's order with their required attributes; and the check fails on parts written out of order, a missing
 * required child or attribute, rows or cells out of order and a wrong table column count.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWithEngine, runCli } from '../e2e/runCli';
import { partStructureProblems, structureProblems } from '../support/ooxmlStructure';

jest.setTimeout(300_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-structure-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2026-10-31';

const SHEET = (body: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">${body}</worksheet>`;
const DATA = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData>';
const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

describe('the check fails on what the schema rejects', () => {
  it('a valid worksheet passes', () => {
    expect(partStructureProblems('s.xml', SHEET(`<dimension ref="A1:B2"/>${DATA}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${MARGINS}<drawing r:id="rId1"/><tableParts count="0"/>`))).toEqual([]);
  });
  it.each([
    ['a drawing before the page margins', SHEET(`${DATA}<drawing r:id="rId1"/>${MARGINS}`), /<pageMargins> after <drawing>/],
    ['merge cells before sheetData', SHEET(`<mergeCells><mergeCell ref="A1:B1"/></mergeCells>${DATA}`), /<sheetData> after <mergeCells>/],
    ['no sheetData', SHEET(MARGINS), /lacks <sheetData>/],
    ['two dimensions', SHEET(`<dimension ref="A1"/><dimension ref="A1"/>${DATA}`), /<dimension> 2 times/],
    ['page margins without footer', SHEET(`${DATA}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3"/>`), /without its required footer/],
    ['rows out of order', SHEET('<sheetData><row r="2"><c r="A2"/></row><row r="1"><c r="A1"/></row></sheetData>'), /row 1 after row 2/],
    ['cells out of order', SHEET('<sheetData><row r="1"><c r="B1"/><c r="A1"/></row></sheetData>'), /cell A1 of row 1 out of order/],
    ['a value before its formula', SHEET('<sheetData><row r="1"><c r="A1"><v>1</v><f>1</f></c></row></sheetData>'), /<f> after <v>/],
    ['an unknown child', SHEET(`${DATA}<tablePart r:id="x"/>`), /<tablePart> is not a child of <worksheet>/],
  ])('%s', (_name, xml, problem) => {
    expect(partStructureProblems('s.xml', xml).join('\n')).toMatch(problem);
  });
  it('a table: column count, required attributes, order', () => {
    const t = (body: string, attrs = 'id="1" name="T" displayName="T" ref="A1:B2"') => `<table xmlns="x" ${attrs}>${body}</table>`;
    const cols = '<tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns>';
    expect(partStructureProblems('t.xml', t(`<autoFilter ref="A1:B2"/>${cols}<tableStyleInfo name="s"/>`))).toEqual([]);
    expect(partStructureProblems('t.xml', t(`${cols}<autoFilter ref="A1:B2"/>`)).join('\n')).toMatch(/<autoFilter> after <tableColumns>/);
    expect(partStructureProblems('t.xml', t(cols.replace('count="2"', 'count="3"'))).join('\n')).toMatch(/count="3" but 2 columns/);
    expect(partStructureProblems('t.xml', t(cols, 'id="1" name="T" ref="A1:B2"')).join('\n')).toMatch(/without its required displayName/);
    expect(partStructureProblems('t.xml', t(cols.replace('id="2"', 'id="1"'))).join('\n')).toMatch(/two tableColumns with one id/);
  });
  it('workbook: definedNames after sheets, calcPr after definedNames', () => {
    const wb = (body: string) => `<workbook xmlns="x" xmlns:r="r">${body}</workbook>`;
    const sheets = '<sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets>';
    expect(partStructureProblems('w.xml', wb(`<bookViews/>${sheets}<definedNames/><calcPr/>`))).toEqual([]);
    expect(partStructureProblems('w.xml', wb(`<definedNames/>${sheets}`)).join('\n')).toMatch(/<sheets> after <definedNames>/);
    expect(partStructureProblems('w.xml', wb('<sheets><sheet name="a" sheetId="1"/></sheets>')).join('\n')).toMatch(/without its required r:id/);
  });
});

describe('what the product writes', () => {
  let sample: string;
  beforeAll(async () => {
    sample = path.join(dir, 'sample.xlsx');
    expect((await runCli(['sample', '--out', sample, '--vehicles', '60', '--seed', '8', '--as-of', AS_OF])).code).toBe(0);
  });

  it.each(['memory', 'stream'] as const)('analysed and refreshed (%s engine): every part in the schema\'s order', async (engine) => {
    const first = path.join(dir, `${engine}-1.xlsx`);
    const again = path.join(dir, `${engine}-2.xlsx`);
    expect((await analyseWithEngine(sample, first, engine, AS_OF)).code).toBe(0);
    expect((await analyseWithEngine(first, again, engine, AS_OF)).code).toBe(0);
    for (const file of [first, again]) expect(structureProblems(fs.readFileSync(file))).toEqual([]);
  });

  it('the form pack, filled', async () => {
    const out = path.join(dir, 'forms.xlsx');
    expect((await runCli(['forms', '--out', out, '--from', sample, '--as-of', AS_OF, '--quiet'])).code).toBe(0);
    expect(structureProblems(fs.readFileSync(out))).toEqual([]);
  });
});
