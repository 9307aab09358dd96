/**
 * Issue 12.2, Office adapter: the add-in's list and summary sheets get the same print setup as the file's: print
 * titles, frozen header panes, a footer of sheet name / dealer / page (numbered from 1 per sheet), and conclusion
 * rows tall enough for their wrapped text. Checked on the in-memory Excel; without ExcelApi 1.9 the page layout is
 * skipped with a note, and the frozen panes stay. The 目录 sheet is the first of the product's sheets and links to
 * every one of them by its final name.
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { generateSample } from '../../src/cli/sample/generateSample';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { createInlineRunner } from '../../src/worker/runner';

const AS_OF = '2026-10-31';

function sampleWorkbook(excelApi?: string): FakeWorkbook {
  const sample = generateSample({ vehicles: 150, seed: 11, asOf: 46326 });
  const grids: Record<string, unknown[][]> = {};
  for (const s of sample.sheets) grids[s.name] = s.grid;
  return FakeWorkbook.fromGrids(grids, { excelApi });
}

describe('print setup in Excel', () => {
  it('招揽名单: header row repeated, panes frozen below it, footer with sheet, dealer and page', async () => {
    const wb = sampleWorkbook();
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
    await actions.saveSettings({ dealerName: '江城奇瑞4S店' });
    await actions.analyse();
    const sheet = wb.dump().sheets.find((s) => s.name === '招揽名单')!;
    const headerRow = sheet.values.findIndex((r) => r.includes('招揽优先级'));
    expect(headerRow).toBeGreaterThan(2);
    expect(sheet.pageLayout).toMatchObject({
      printTitleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      leftFooter: '&A',
      centerFooter: '江城奇瑞4S店',
      rightFooter: '第 &P 页',
      firstPageNumber: 1,
    });
    expect(sheet.freeze).toEqual({ rows: headerRow + 1, columns: 0 });
  });

  it('every list and summary sheet the add-in wrote has print titles and frozen panes', async () => {
    const wb = sampleWorkbook();
    const inputs = new Set(wb.sheetNames());
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
    await actions.analyse();
    const written = wb.dump().sheets.filter((s) => !inputs.has(s.name) && s.visibility === 'Visible');
    expect(written.length).toBeGreaterThan(8);
    for (const s of written) {
      expect([s.name, s.pageLayout.printTitleRows]).toEqual([s.name, expect.stringMatching(/^\$\d+:\$\d+$/)]);
      expect([s.name, s.freeze.rows > 0]).toEqual([s.name, true]);
    }
  });

  it('without ExcelApi 1.9 the page layout is skipped, panes still frozen', async () => {
    const wb = sampleWorkbook('1.8');
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
    await actions.analyse();
    const sheet = wb.dump().sheets.find((s) => s.name === '招揽名单')!;
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.freeze.rows).toBeGreaterThan(0);
  });
});

describe('目录 in Excel', () => {
  const LINK = /^=HYPERLINK\("#'((?:[^']|'')+)'!A1","((?:[^"]|"")*)"\)$/;
  it('comes first of the product\'s sheets and links to each by its final name, also when a name was taken', async () => {
    const sample = generateSample({ vehicles: 150, seed: 11, asOf: 46326 });
    const grids: Record<string, unknown[][]> = {};
    for (const s of sample.sheets) grids[s.name] = s.grid;
    grids['招揽名单'] = [["dealer's own notes"]];
    const wb = FakeWorkbook.fromGrids(grids);
    const inputs = wb.sheetNames();
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
    for (let run = 0; run < 2; run++) {
      await actions.analyse();
      const sheets = wb.dump().sheets.filter((s) => s.visibility === 'Visible');
      const ours = sheets.filter((s) => !inputs.includes(s.name));
      expect(ours[0].name).toBe('目录');
      expect(sheets.slice(0, inputs.length).map((s) => s.name)).toEqual(inputs);
      const contents = ours[0];
      const targets = Object.values(contents.formulas).flatMap((f) => {
        const m = LINK.exec(f);
        return m ? [m[1].replace(/''/g, "'")] : [];
      });
      expect(targets).toEqual(ours.slice(1).map((s) => s.name));
      expect(targets).toContain('招揽名单 (2)');
      expect(sheets.find((s) => s.name === '招揽名单')!.values[0][0]).toBe("dealer's own notes");
    }
  });

  it('a refresh after forms were added puts 目录 back before them, the dealer\'s sheets untouched', async () => {
    const wb = sampleWorkbook();
    const inputs = wb.sheetNames();
    const actions = createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: AS_OF });
    await actions.analyse();
    const { sheets: forms } = await actions.generateForms(['F01'], false);
    await actions.analyse();
    const visible = wb.dump().sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(visible.slice(0, inputs.length)).toEqual(inputs);
    expect(visible[inputs.length]).toBe('目录');
    expect(visible.indexOf(forms[0])).toBeGreaterThan(inputs.length);
    const formulas = Object.values(wb.dump().sheets.find((s) => s.name === '目录')!.formulas);
    expect(formulas).toContain(`=HYPERLINK("#'${forms[0]}'!A1","${forms[0]}")`);
  });
});
