import { t } from '../../src/i18n';
import { analyseWorkbook, AnalysisInputError } from '../../src/core/analyse';
import { AS_OF, calls, customers } from './aftersales/fixtures/smallWorkbook';

describe('analyseWorkbook options and errors', () => {
  it('uses settings: local regions, analysis date, target', () => {
    const plan = analyseWorkbook([customers, calls], { settings: { localRegions: ['西安', '咸阳'], analysisDate: '2026-10-31', targetChurnRate: 0.1 } });
    const locality = plan.columnWrites[0].columns[5].values;
    // Row 6 has no region but belongs to 李四's vehicle (西安): every row carries its vehicle's values.
    expect(locality).toEqual(['本地', '本地', '本地', '外地', '本地', '本地', '本地', '本地', '未知', '本地']);
    // 赵六 is out of town but 空号 comes first in the rule table.
    expect(plan.report.figures.needWinBack).toBe(3); // ceil(3 − 0.1 × 6) = ceil(2.4)
    expect(plan.report.warnings.join('|')).not.toContain('未设置本地地区');
  });

  it('reports a date after the analysis date as an issue (the vehicle is 数据异常)', () => {
    const grid = customers.grid.map((r) => [...r]) as unknown[][];
    grid[3][6] = '2026-12-01';
    const plan = analyseWorkbook([{ name: '保有客户', grid }], { asOf: AS_OF });
    expect(plan.report.issues.find((i) => i.address === 'G4')).toMatchObject({ field: 'lastVisitDate', value: '2026-12-01', reason: 'input.issue.dateAfterAnalysisDate' });
    expect(plan.columnWrites[0].columns[1].values[0]).toBe('数据异常');
  });

  it('handles a customer sheet with a header and no data rows', () => {
    const plan = analyseWorkbook([{ name: '保有客户', grid: [customers.grid[2]] }], { asOf: AS_OF });
    expect(plan.columnWrites).toEqual([]);
    expect(plan.report.figures).toMatchObject({ rowsRead: 0, vehicles: 0, churnRate: 0, needWinBack: 0 });
    // 目录 and the eight after-sales summaries.
    expect(plan.sheets.length).toBe(9 + 1);
  });

  it('gives every warning as a catalogue key too, so a reader in another language sees it in theirs', () => {
    const plan = analyseWorkbook([customers, calls], { asOf: AS_OF });
    const messages = plan.report.warningMessages ?? [];
    expect(messages.length).toBe(plan.report.warnings.length);
    expect(messages.map((m) => t('zh-CN', m.key, m.params))).toEqual(plan.report.warnings);
    const english = messages.map((m) => t('en-US', m.key, m.params));
    expect(english.some((w) => /local region/i.test(w))).toBe(true);
    // Cell labels such as 数据异常 stay Chinese; no sentence does.
    for (const w of english) expect(w).not.toMatch(/[\u4e00-\u9fff]{5}/);
  });

  it('speaks English when settings.language is en-US (cell labels stay Chinese)', () => {
    const plan = analyseWorkbook([customers, calls], { asOf: AS_OF, settings: { language: 'en-US' } });
    expect(plan.columnWrites[0].columns[1].header).toBe('Churn status');
    expect(plan.columnWrites[0].columns[1].values[1]).toBe('准流失');
    expect(plan.sheets[0].name).toBe('Contents');
    expect(plan.sheets[1].name).toBe('Churn overview');
  });

  it('writes no PivotTable when a source header is blank (Excel would refuse it)', () => {
    const grid = customers.grid.map((r) => [...r]) as unknown[][];
    grid[2][9] = '';
    const plan = analyseWorkbook([{ name: '保有客户', grid }], { asOf: AS_OF });
    expect(plan.sheets.flatMap((s) => s.pivots ?? [])).toEqual([]);
  });

  it('reports progress steps from 0 to 1', () => {
    const steps: [string, number][] = [];
    analyseWorkbook([customers], { asOf: AS_OF, onProgress: (s, f) => steps.push([s, f]) });
    expect(steps[0]).toEqual(['detect', 0]);
    expect(steps[steps.length - 1]).toEqual(['done', 1]);
  });

  it('without a call log every result is 未回访 and it says so', () => {
    const plan = analyseWorkbook([customers], { asOf: AS_OF });
    expect(new Set(plan.columnWrites[0].columns[6].values)).toEqual(new Set(['未回访']));
    expect(plan.report.warnings.join('|')).toContain('未找到回访记录表');
  });

  it('throws AnalysisInputError when nothing usable is found', () => {
    const run = () => analyseWorkbook([{ name: 'Sheet1', grid: [['a', 'b'], [1, 2]] }], { asOf: AS_OF });
    expect(run).toThrow(AnalysisInputError);
    try {
      run();
    } catch (e) {
      expect((e as AnalysisInputError).key).toBe('aftersales.error.nothingFound');
    }
  });

  it('throws AnalysisInputError naming the sheet and fields when dates are missing', () => {
    const grid = [['客户姓名', '联系电话', '车牌号', '车架号', '车型', '地区', '服务顾问', '行驶里程'], ['张三', '13800000001', '陕A1', 'V1', '瑞虎8', '西安', '李', 100]];
    let err: unknown;
    try {
      analyseWorkbook([{ name: '客户', grid }], { asOf: AS_OF });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnalysisInputError);
    expect((err as AnalysisInputError).key).toBe('aftersales.error.missingFields');
    expect((err as AnalysisInputError).params.sheet).toBe('客户');
  });
});
