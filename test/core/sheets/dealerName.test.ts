/** 销售服务商 from the workbook's title rows when the settings name no dealer. */
import { dealerFromTitle, dealerFromTitles } from '../../../src/core/sheets/dealerName';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { analyseWorkbook } from '../../../src/core/analyse';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { ymdToSerial } from '../../../src/core/values/dates';
import type { SheetInput } from '../../../src/core/plan/types';

describe('dealerFromTitle', () => {
  it.each([
    ['武汉汉阳瑞达汽车销售服务有限公司保有客户明细表(截至2026年12月)', '武汉汉阳瑞达汽车销售服务有限公司'],
    ['武汉江城奇瑞4S店流失客户回访记录', '武汉江城奇瑞4S店'],
    ['武汉东湖奇瑞专营店展厅来电/店登记表', '武汉东湖奇瑞专营店'],
    ['保有客户明细表(截至2026年10月)', ''],
    ['客户回访记录', ''],
  ])('%s → %s', (title, dealer) => expect(dealerFromTitle(title)).toBe(dealer));
});

describe('the dealer on the sheets', () => {
  const asOf = { y: 2026, m: 10, d: 31 };
  const sample = generateSample({ vehicles: 200, seed: 2, asOf: ymdToSerial(asOf) });
  const sheets: SheetInput[] = sample.sheets.map((s) => ({ name: s.name, grid: s.grid as SheetInput['grid'] }));
  const fromTitle = dealerFromTitles(detectSheets(sheets));

  it('is the title’s dealer when the settings have none, and the settings’ when they do', () => {
    expect(fromTitle).toMatch(/(公司|店)$/);
    const plan = analyseWorkbook(sheets, { asOf });
    expect(plan.sheets[0].cells.some((c) => typeof c.value === 'string' && c.value.startsWith(fromTitle))).toBe(true);
    // Not stored: the settings stay as the user left them.
    expect(plan.state.settings).toEqual({});
    const typed = analyseWorkbook(sheets, { asOf, settings: { dealerName: '测试店' } });
    expect(typed.sheets[0].cells.some((c) => typeof c.value === 'string' && c.value.includes(fromTitle))).toBe(false);
  });
});
