import { buildFormsPlan, FORM_CATALOGUE, FORM_DEFINITIONS, UnknownFormError, resolveFormIds, type FormFillData } from '../../../src/core/forms';
import { ymdToSerial } from '../../../src/core/values/dates';
import { FORM_BODIES } from '../../../src/core/forms/definitions';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import type { SheetSpec } from '../../../src/core/plan/types';

const asOf = { y: 2026, m: 10, d: 31 };
const settings = { ...DEFAULT_SETTINGS, dealerName: '测试汽车销售服务有限公司' };
const all = buildFormsPlan({ filled: false, settings, asOf });

const titleOf = (s: SheetSpec) => s.cells.find((c) => c.row === 0 && c.col === 0)?.value;

describe('the form pack', () => {
  it('has 58 catalogue entries with unique ids, numbers and titles, seed numbers 1..51 intact', () => {
    expect(FORM_CATALOGUE).toHaveLength(58);
    expect(new Set(FORM_CATALOGUE.map((e) => e.id)).size).toBe(58);
    expect(new Set(FORM_CATALOGUE.map((e) => e.number)).size).toBe(58);
    expect(new Set(FORM_CATALOGUE.map((e) => e.title)).size).toBe(58);
    for (let n = 1; n <= 51; n++) expect(FORM_CATALOGUE[n - 1].number).toBe(String(n));
    expect(FORM_CATALOGUE.find((e) => e.number === '51-1')?.title).toBe('月运营管理异常项目解决措施');
    expect(FORM_CATALOGUE.find((e) => e.number === '51-2')?.title).toBe('整改问题闭环管理表');
  });

  it('has exactly one definition per catalogue entry and no orphan body', () => {
    expect(FORM_DEFINITIONS).toHaveLength(58);
    expect(FORM_BODIES).toHaveLength(58);
    expect(new Set(FORM_BODIES.map((b) => b.id)).size).toBe(58);
    expect(FORM_DEFINITIONS.map((d) => d.id)).toEqual(FORM_CATALOGUE.map((e) => e.id));
  });

  it('renders every catalogue title as exactly one sheet titled with it, keys form.<id>', () => {
    expect(all).toHaveLength(58);
    expect(all.map(titleOf)).toEqual(FORM_CATALOGUE.map((e) => e.title));
    expect(all.map((s) => s.key)).toEqual(FORM_CATALOGUE.map((e) => `form.${e.id}`));
    expect(all.every((s) => s.role === 'form')).toBe(true);
  });

  it('gives legal, unique sheet names of at most 31 characters', () => {
    const names = all.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(58);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[/\\?*:[\]]/);
    }
    expect(names[0]).toBe('展厅来电-店登记表');
    expect(names).toContain('整改项目延期-取消书');
  });

  it('adds a suffix when a user sheet already has the name', () => {
    const sheets = buildFormsPlan({ ids: ['1', '2'], filled: false, settings, asOf, existingSheetNames: ['展厅来电-店登记表', '展厅客流量统计表 (2)'] });
    expect(sheets.map((s) => s.name)).toEqual(['展厅来电-店登记表 (2)', '展厅客流量统计表']);
  });

  it('resolves seed numbers and ids, and rejects unknown ones', () => {
    expect(resolveFormIds(['1', 'f02', '51-1', 'AS3', '01', '99'])).toEqual({ ids: ['F01', 'F02', 'F51-1', 'AS3'], unknown: ['99'] });
    expect(buildFormsPlan({ ids: ['AS5', '3'], filled: false, settings, asOf }).map((s) => s.key)).toEqual(['form.AS5', 'form.F03']);
    expect(() => buildFormsPlan({ ids: ['3', '77'], filled: false, settings, asOf })).toThrow(UnknownFormError);
  });

  it('pre-fills the dealer name and the period', () => {
    const f01 = all[0];
    expect(f01.cells.some((c) => c.style === 'input' && c.value === '测试汽车销售服务有限公司')).toBe(true);
    expect(f01.cells.some((c) => c.style === 'input' && c.value === '2026年10月')).toBe(true);
  });

  it('sets up every sheet for A4 printing, one page wide, with the page footer', () => {
    for (const s of all) {
      expect(s.print.paper).toBe('A4');
      // The cards (意向客户跟踪卡) are narrower than the page and print at 100%, so no card is cut by a page break.
      expect(s.print.fitToWidth).toBe(s.key !== 'form.F04');
      expect(s.print.footer).toBe('第 &P 页 / 共 &N 页');
      expect(s.print.area?.firstRow).toBe(0);
    }
  });

  it('renders 58 blank forms quickly', () => {
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) buildFormsPlan({ filled: false, settings, asOf });
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('the period in the forms’ 期间/月份 header', () => {
  const day = (m: number, d: number) => ymdToSerial({ y: 2026, m, d });
  const data: FormFillData = { register: [{ date: day(8, 5), name: 'A' }, { date: '', name: 'B' }, { date: day(10, 30), name: 'C' }] as never };
  /** The value written right of the header label (`期间:` → its cell). */
  const headerValue = (s: SheetSpec, label: string) => {
    const at = s.cells.find((c) => c.value === `${label}:`);
    return at && s.cells.find((c) => c.row === at.row && c.col > at.col && c.value !== '')?.value;
  };
  const periodOf = (options: Partial<Parameters<typeof buildFormsPlan>[0]>) =>
    headerValue(buildFormsPlan({ ids: ['1'], filled: true, data, settings, asOf, ...options })[0], '期间');

  it.each([
    { name: 'all (default), filled: first to last date of the rows', options: {}, label: '2026-08-05 至 2026-10-30' },
    { name: 'a month, filled', options: { period: '2026-10' as const }, label: '2026年10月' },
    { name: 'a month with no rows: blank form, the month', options: { period: '2026-07' as const }, label: '2026年7月' },
    { name: 'blank forms under all: the analysis month', options: { filled: false }, label: '2026年10月' },
    { name: 'all, no data: the analysis month', options: { data: {} }, label: '2026年10月' },
  ])('$name → $label', ({ options, label }) => {
    expect(periodOf(options)).toBe(label);
  });
});
