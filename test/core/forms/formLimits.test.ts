/**
 * Issue 14.2, the form pack: every form sheet keeps Excel's limits whatever the settings and the data (32,767
 * characters a cell, 31 a sheet name, 255 a number format or a drop-down list), and the caller is told what was cut.
 * Checked on the specs and on the file the file adapter renders from them (test/support/excelRules.ts).
 */
import ExcelJS from 'exceljs';
import { buildFormsPlan } from '../../../src/core/forms';
import { EXCEL_LIMITS, enforceSheetLimits } from '../../../src/core/plan/excelLimits';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import type { Message, SheetSpec, WorkbookPlan } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { renderPlan } from '../../../src/xlsx/renderPlan';
import { excelRuleProblems } from '../../support/excelRules';
import { t } from '../../../src/i18n';

const asOf = { y: 2026, m: 10, d: 31 };
const tr = (key: string, params?: Record<string, string | number>) => t('zh-CN', key, params);

function longest(sheets: SheetSpec[]): number {
  let n = 0;
  for (const s of sheets) {
    for (const c of s.cells) if (typeof c.value === 'string') n = Math.max(n, c.value.length);
    for (const tb of s.tables) for (const r of tb.rows) for (const v of r) if (typeof v === 'string') n = Math.max(n, v.length);
  }
  return n;
}

describe('the form pack within Excel\'s limits', () => {
  const warnings: Message[] = [];
  const settings = { ...DEFAULT_SETTINGS, dealerName: '长'.repeat(40_000) };
  const sheets = buildFormsPlan({ filled: false, settings, asOf, onLimitWarning: (m) => warnings.push(m) });

  it('a 40,000-character dealer name: every cell of the 58 forms is cut to 32,767 characters, and reported', () => {
    expect(sheets).toHaveLength(58);
    expect(longest(sheets)).toBe(EXCEL_LIMITS.cellChars);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.key === 'core.warning.cellsCut')).toBe(true);
    expect(tr(warnings[0].key, warnings[0].params)).toContain(String(warnings[0].params!.sheet));
    expect(sheets.every((s) => s.name.length <= EXCEL_LIMITS.sheetNameChars)).toBe(true);
  });

  it('an ordinary dealer name: nothing cut, nothing reported, the specs unchanged', () => {
    const quiet: Message[] = [];
    const plain = buildFormsPlan({ filled: false, settings: { ...DEFAULT_SETTINGS, dealerName: '测试店' }, asOf, onLimitWarning: (m) => quiet.push(m) });
    expect(quiet).toEqual([]);
    expect(longest(plain)).toBeLessThan(1000);
  });

  it('the file rendered from them opens without a repair prompt', async () => {
    const wb = new ExcelJS.Workbook();
    const plan: WorkbookPlan = { columnWrites: [], sheets, state: emptyState(), report: { parts: [], figures: {}, statusCounts: {}, issues: [], warnings: [] } };
    renderPlan(wb, plan, { locale: 'zh-CN' });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(excelRuleProblems(bytes)).toEqual([]);
  });
});

describe('enforceSheetLimits (any new sheet)', () => {
  const spec: SheetSpec = {
    key: 'form.X',
    name: '一个远远超过三十一个字符的表格名称:带有[非法]字符/和更多的字*符?以及更长的尾巴',
    role: 'form',
    cells: [
      { row: 0, col: 0, value: '题'.repeat(33_000) },
      { row: 1, col: 0, value: 1, numberFormat: '0'.repeat(300) },
    ],
    tables: [],
    validations: [{ row: 2, col: 0, lastRow: 6, lastCol: 0, validation: { type: 'list', values: Array.from({ length: 100 }, (_, i) => `选项${i}`), strict: true } }],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };

  it('cuts a cell, drops an over-long number format, shortens a drop-down list to 255 characters, legalises the name', () => {
    const { sheets, messages } = enforceSheetLimits([spec, { ...spec, key: 'form.Y' }], tr);
    const [a, b] = sheets;
    expect((a.cells[0].value as string).length).toBe(EXCEL_LIMITS.cellChars);
    expect(a.cells[1].numberFormat).toBeUndefined();
    const list = a.validations![0].validation as unknown as { values: string[]; strict: boolean };
    expect(list.values.join(',').length).toBeLessThanOrEqual(EXCEL_LIMITS.listChars);
    expect(list.values.length).toBeGreaterThan(10);
    expect(list.strict).toBe(false);
    expect(a.name.length).toBeLessThanOrEqual(31);
    expect(a.name).not.toMatch(/[[\]:*?/\\]/);
    expect(b.name.toLowerCase()).not.toBe(a.name.toLowerCase());
    expect(messages.map((m) => m.key).sort()).toEqual(['core.warning.cellsCut', 'core.warning.cellsCut', 'core.warning.formatsCut', 'core.warning.formatsCut', 'core.warning.listsCut', 'core.warning.listsCut']);
  });
});
