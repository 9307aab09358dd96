/**
 * Issue 12.2, the plan: the 目录 (Contents) sheet comes first, links to every sheet of the run, shows the run's key
 * figures, and states the rules with the settings' values; every list and summary sheet gets print titles, frozen
 * panes, the footer and wrap heights (finishForPrint).
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { ymdToSerial } from '../../../src/core/values/dates';
import { CONTENTS_KEY } from '../../../src/core/plan/contentsSheet';
import { finishForPrint, footerText } from '../../../src/core/plan/printSetup';
import { sheetLinkFormula } from '../../../src/core/plan/names';
import type { CellSpec, SheetSpec } from '../../../src/core/plan/types';

const AS_OF = { y: 2026, m: 10, d: 31 };
const sample = generateSample({ vehicles: 300, seed: 4, asOf: ymdToSerial(AS_OF) });
const inputs = sample.sheets.map((s) => ({ name: s.name, grid: s.grid }));
const SETTINGS = {
  dealerName: '江城奇瑞4S店',
  thresholds: { atRiskMonths: 5, lostMonths: 10, goneMonths: 20 },
  warranty: { months: 60, km: 120000 },
  targetChurnRate: 0.2,
  localRegions: ['武汉', '汉阳'],
  priority: { easyWinBackMaxAgeYears: 3 },
};
const plan = analyseWorkbook(inputs, { asOf: AS_OF, settings: SETTINGS });
const contents = plan.sheets[0];
const textOf = (cells: CellSpec[]) => cells.map((c) => String(c.value ?? '')).join('\n');
/** The value cell to the right of the label cell reading `label`. */
function valueBeside(sheet: SheetSpec, label: string): CellSpec['value'] {
  const l = sheet.cells.find((c) => c.value === label);
  if (!l) throw new Error(`no label ${label}`);
  return sheet.cells.find((c) => c.row === l.row && c.col === l.col + 1)?.value;
}

describe('the 目录 sheet', () => {
  it('is the first sheet of the plan, named 目录, titled 目录与总览', () => {
    expect(contents.key).toBe(CONTENTS_KEY);
    expect(contents.name).toBe('目录');
    expect(contents.cells[0].value).toBe('目录与总览');
    expect(plan.state.ownedSheets[CONTENTS_KEY]).toBe('目录');
  });

  it('links to every other sheet of the run once, in tab order, each with a line on what it is for', () => {
    const links = contents.cells.filter((c) => c.sheetLink !== undefined);
    expect(links.map((c) => c.sheetLink)).toEqual(plan.sheets.slice(1).map((s) => s.key));
    expect(links.map((c) => c.value)).toEqual(plan.sheets.slice(1).map((s) => s.name));
    for (const link of links) {
      const purpose = contents.cells.find((c) => c.row === link.row && c.col === 1);
      expect([link.value, typeof purpose?.value === 'string' && purpose.value.length > 8]).toEqual([link.value, true]);
    }
    const winback = links.find((c) => c.sheetLink === 'list.winback')!;
    expect(contents.cells.find((c) => c.row === winback.row && c.col === 1)?.value).toContain('招揽名单');
  });

  it('shows the key figures of the report', () => {
    const f = plan.report.figures;
    expect(valueBeside(contents, '基盘车辆(台)')).toBe(f.vehicles);
    expect(valueBeside(contents, '流失率')).toBe(f.churnRate);
    expect(valueBeside(contents, '目标流失率')).toBe(0.2);
    expect(valueBeside(contents, '招揽名单待招揽(台)')).toBe(f.winBackToCall);
    expect(valueBeside(contents, '意向客户(个)')).toBe(f.prospects);
    expect(contents.cells.find((c) => c.value === f.churnRate)?.numberFormat).toBe('0.0%');
  });

  it('states the rules with the values of the settings in force', () => {
    const text = textOf(contents.cells);
    expect(text).toContain('活跃:未回厂不足 5 个月;准流失:5–9 个月;流失:10–19 个月;彻底流失:20 个月及以上');
    expect(text).toContain('购车后不满 60 个月且里程低于 120,000 km');
    expect(text).toContain('目标流失率 20%');
    expect(text).toContain('本地地区:武汉、汉阳');
    expect(text).toContain('准流失且车龄不满 3 年 → A 高');
    expect(text).toContain('H 1 天、A 3 天、B 7 天、C 15 天、N 1 天');
    expect(text).toContain('分析日期:2026-10-31');
    expect(text).toContain('江城奇瑞4S店');
  });

  it('with the default settings it says 6 / 12 / 24 months and 36 months / 100,000 km', () => {
    const text = textOf(analyseWorkbook(inputs, { asOf: AS_OF }).sheets[0].cells);
    expect(text).toContain('准流失:6–11 个月;流失:12–23 个月;彻底流失:24 个月及以上');
    expect(text).toContain('购车后不满 36 个月且里程低于 100,000 km');
    expect(text).toContain('未设置本地地区:全部视为本地');
  });

  it('speaks English when the language is en-US', () => {
    const en = analyseWorkbook(inputs, { asOf: AS_OF, settings: { language: 'en-US' } }).sheets[0];
    expect(en.name).toBe('Contents');
    expect(textOf(en.cells)).toContain('Active: under 6 months; at risk: 6–11 months');
  });

  it('lists the forms a previous run wrote, after the run\'s sheets', () => {
    const again = analyseWorkbook(inputs, {
      asOf: AS_OF,
      state: { ...plan.state, ownedSheets: { ...plan.state.ownedSheets, 'form.01': '展厅来电-店登记表' }, ownedSheetTitles: { 'form.01': '展厅来电/店登记表' } },
    });
    const links = again.sheets[0].cells.filter((c) => c.sheetLink !== undefined);
    expect(links[links.length - 1]).toMatchObject({ sheetLink: 'form.01', value: '展厅来电-店登记表' });
    expect(again.sheets[0].cells.find((c) => c.row === links[links.length - 1].row && c.col === 1)?.value).toBe('表单:展厅来电/店登记表');
  });

  it('is the same on a second run over the same input (refresh is idempotent)', () => {
    const second = analyseWorkbook(inputs, { asOf: AS_OF, settings: SETTINGS, state: plan.state });
    expect(second.sheets[0]).toEqual(contents);
  });
});

describe('sheet links', () => {
  it('quote the sheet name, doubling its quotes, and double the text\'s double quotes', () => {
    expect(sheetLinkFormula('招揽名单')).toBe(`HYPERLINK("#'招揽名单'!A1","招揽名单")`);
    expect(sheetLinkFormula("O'Brien 表")).toBe(`HYPERLINK("#'O''Brien 表'!A1","O'Brien 表")`);
    expect(sheetLinkFormula('a"b')).toBe(`HYPERLINK("#'a""b'!A1","a""b")`);
  });
});

describe('print setup of lists and summaries', () => {
  const winback = plan.sheets.find((s) => s.key === 'list.winback')!;
  it('a list repeats its table header and freezes the rows down to it', () => {
    const header = winback.tables[0].row;
    expect(winback.print.repeatRows).toEqual({ first: header, last: header });
    expect(winback.freeze).toEqual({ rows: header + 1, columns: 0 });
  });

  it('the footer names the sheet, the dealer and the page, numbering from 1 per sheet', () => {
    for (const s of plan.sheets) {
      expect([s.name, s.print.footerLeft, s.print.footer, s.print.footerRight, s.print.firstPageNumber]).toEqual([s.name, '&A', '江城奇瑞4S店', '第 &P 页', 1]);
    }
  });

  it('a dealer name with & is escaped and cut short in the footer', () => {
    expect(footerText('A&B 汽车')).toBe('A&&B 汽车');
    expect(footerText('长'.repeat(500)).length).toBe(60);
  });

  it('a longer conclusion gets a taller row', () => {
    const base: SheetSpec = {
      key: 'summary.x', name: 'x', role: 'summary', tables: [], columnWidths: [{ col: 0, width: 10 }, { col: 1, width: 10 }],
      cells: [{ row: 2, col: 0, value: '短句。', style: 'conclusion', mergeAcross: 1, wrap: true }],
      print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    };
    const ctx = { dealer: '', pageText: '第 &P 页' };
    const height = (text: string) => finishForPrint({ ...base, cells: [{ ...base.cells[0], value: text }] }, ctx).rowHeights!.find((h) => h.row === 2)!.height;
    expect(height('短句。')).toBe(18);
    // 20 columns of width hold about 8 CJK characters a line: 40 characters need 5 or more lines.
    expect(height('流'.repeat(40))).toBeGreaterThanOrEqual(5 * 18);
    expect(height('流'.repeat(80))).toBeGreaterThan(height('流'.repeat(40)));
  });

  it('forms keep their own print setup', () => {
    const form: SheetSpec = { key: 'form.01', name: 'f', role: 'form', cells: [], tables: [], print: { orientation: 'portrait', paper: 'A4', fitToWidth: true } };
    expect(finishForPrint(form, { dealer: 'x', pageText: 'p' })).toBe(form);
  });
});
