/** 刷新分析 from the ribbon: tells the result or the error from the catalogue only, and always releases the button. */
import { runRefreshCommand, errorMessage, errorReason, failureView, importantWarnings, resultMessage, successView, MAX_WARNINGS, type ResultView } from '../../src/commands/refreshCommand';
import { ChurnDeskError, NeedsMappingError } from '../../src/office/errors';
import type { RunSummary } from '../../src/office/actions';
import { t } from '../../src/i18n';

const summary: RunSummary = {
  report: { parts: [], figures: { vehicles: 1200, churnRate: 0.312 }, statusCounts: {}, issues: [], warnings: [] },
  sheetsWritten: ['流失概览', '地区', '招揽名单'],
  syncs: 20,
  durationMs: 100,
};

const missing: RunSummary = {
  ...summary,
  report: {
    ...summary.report,
    issues: [{ sheet: '保有客户', row: 3, col: 5, address: 'F4', field: 'lastVisitDate', value: 'x', reason: 'input.error.date' } as never],
    warnings: ['未设置本地地区'],
    detection: {
      sheets: [],
      needsMapping: [{ sheet: '保有客户', kind: 'customers', field: 'lastVisitDate', fields: ['lastVisitDate', 'purchaseDate'], reason: 'missing', candidates: [] }],
    },
  },
};

describe('refresh command', () => {
  it.each([
    ['zh-CN', '刷新完成:1200 辆车,流失率 31.2%,写入 3 个工作表。', '车辆'],
    ['en-US', 'Refresh complete: 1200 vehicles, churn rate 31.2%, 3 sheets written.', 'Vehicles'],
  ] as const)('reports the figures in %s', async (locale, expected, vehicles) => {
    const completed = jest.fn();
    const notify = jest.fn(async (_v: ResultView) => undefined);
    await runRefreshCommand({ analyse: async () => summary }, locale, { completed }, notify);
    const view = notify.mock.calls[0][0];
    expect(view.message).toBe(expected);
    expect(view.intent).toBe('success');
    expect(view.figures).toEqual([
      { key: 'vehicles', label: vehicles, value: '1,200' },
      { key: 'churnRate', label: t(locale, 'office.command.fig.churnRate'), value: '31.2%' },
      { key: 'sheets', label: t(locale, 'office.command.fig.sheets'), value: '3' },
    ]);
    expect(view.lang).toBe(locale);
    // No shared runtime: the dialog says how to open the pane instead of offering a button.
    expect(view.openPane).toBeNull();
    expect(view.hint).toBe(t(locale, 'office.command.openPaneHint'));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('puts a missing key column first, in red, then the unreadable cells and the rest', () => {
    const view = successView('zh-CN', missing, true);
    expect(view.intent).toBe('warning');
    expect(view.keyWarning).toBe(true);
    expect(view.warnings[0]).toBe('“保有客户”缺少关键列:最后进站日期或购车日期。相关数字可能不完整,请在面板的“列映射”中指定该列。');
    expect(view.warnings[1]).toBe(t('zh-CN', 'ui.home.issues', { n: 1 }));
    expect(view.warnings[2]).toBe('未设置本地地区');
    expect(view.openPane).toBe('打开面板');
    expect(view.hint).toBeNull();
    const en = successView('en-US', missing, false).warnings[0];
    expect(en).toBe(`“保有客户” has no ${t('en-US', 'ui.field.lastVisitDate')} or ${t('en-US', 'ui.field.purchaseDate')} column. Figures that depend on it may be incomplete: choose the column under Columns in the pane.`);
  });

  it('lists at most MAX_WARNINGS lines, the last counting the rest', () => {
    const many = { ...summary, report: { ...summary.report, warnings: ['a', 'b', 'c', 'd', 'e', 'f'] } };
    const w = importantWarnings('zh-CN', many);
    expect(w).toHaveLength(MAX_WARNINGS);
    expect(w[MAX_WARNINGS - 1]).toBe(t('zh-CN', 'office.command.moreWarnings', { n: 6 - (MAX_WARNINGS - 1) }));
  });

  it('reports an error by its i18n key and still completes the event', async () => {
    const completed = jest.fn();
    const notify = jest.fn(async (_v: ResultView) => undefined);
    const analyse = async (): Promise<RunSummary> => {
      throw new ChurnDeskError('busy', 'office.error.busy');
    };
    await runRefreshCommand({ analyse }, 'zh-CN', { completed }, notify);
    const view = notify.mock.calls[0][0];
    expect(view.intent).toBe('error');
    expect(view.title).toBe('刷新失败');
    expect(view.message).toBe('Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑,再重试。');
    expect(view.figures).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the notification itself fails', async () => {
    const completed = jest.fn();
    await runRefreshCommand({ analyse: async () => summary }, 'zh-CN', { completed }, async () => {
      throw new Error('dialog blocked');
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('never shows raw JavaScript error text: unknown errors get the catalogue’s unexpected-error message', () => {
    for (const e of [new Error('boom'), new TypeError("Cannot read properties of undefined (reading 'x')"), 'boom', null, { message: 'RichApi.Error: GeneralException' }]) {
      expect(errorReason('en-US', e)).toBe(t('en-US', 'office.error.unexpected', { step: '' }));
      expect(failureView('zh-CN', e, false).message).not.toMatch(/boom|undefined|RichApi/);
    }
    expect(errorMessage('en-US', new Error('boom'))).toBe(`Refresh failed: ${t('en-US', 'office.error.unexpected', { step: '' })}`);
    expect(errorReason('en-US', { errors: [{ field: 'targetChurnRate', message: 'settings.error.notRate' }] })).toBe(`The setting “Target churn rate” is invalid: ${t('en-US', 'settings.error.notRate')}`);
    // A field error whose message is not a catalogue key is not shown as text either.
    expect(errorReason('en-US', { errors: [{ field: 'x', message: 'raw text' }] })).toBe(t('en-US', 'office.error.unexpected', { step: '' }));
    expect(resultMessage('zh-CN', {}, 2)).toBe('刷新完成,写入 2 个工作表。');
  });
});

describe('a refresh stopped on a column to confirm', () => {
  const needs = [
    { sheet: '保有客户', kind: 'customers' as const, field: 'lastVisitDate' as const, fields: ['lastVisitDate' as const], reason: 'lowConfidence' as const, candidates: [{ column: 3, header: '栏位X', score: 0.4 }] },
    { sheet: '保有客户', kind: 'customers' as const, field: 'purchaseDate' as const, fields: ['purchaseDate' as const], reason: 'missing' as const, candidates: [] },
  ];
  test.each([['zh-CN' as const], ['en-US' as const]])('shows the problem instead of a result, each field with its candidates (%s)', (locale) => {
    const view = failureView(locale, new NeedsMappingError(needs, locale), true);
    expect(view.intent).toBe('error');
    expect(view.keyWarning).toBe(true);
    expect(view.figures).toEqual([]);
    expect(view.title).toBe(t(locale, 'office.command.needsMapping.title'));
    expect(view.warnings).toHaveLength(2);
    expect(view.warnings[0]).toContain('栏位X');
    expect(view.warnings[0]).toContain(t(locale, 'input.field.lastVisitDate'));
    expect(view.warnings[1]).toContain(t(locale, 'input.field.purchaseDate'));
    for (const w of [view.message, ...view.warnings]) expect(w).not.toMatch(/[{}]|undefined/);
  });
});
