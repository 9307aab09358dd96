/** 刷新分析 from the ribbon: tells the result or the error, and always releases the button. */
import { runRefreshCommand, errorMessage, resultMessage } from '../../src/commands/refreshCommand';
import { ChurnDeskError } from '../../src/office/errors';
import type { RunSummary } from '../../src/office/actions';

const summary: RunSummary = {
  report: { parts: [], figures: { vehicles: 1200, churnRate: 0.312 }, statusCounts: {}, issues: [], warnings: [] },
  sheetsWritten: ['流失概览', '地区', '招揽名单'],
  syncs: 20,
  durationMs: 100,
};

describe('refresh command', () => {
  it.each([
    ['zh-CN', '刷新完成:1200 辆车,流失率 31.2%,写入 3 个工作表。'],
    ['en-US', 'Refresh complete: 1200 vehicles, churn rate 31.2%, 3 sheets written.'],
  ] as const)('reports the figures in %s', async (locale, expected) => {
    const completed = jest.fn();
    const notify = jest.fn(async () => undefined);
    await runRefreshCommand({ analyse: async () => summary }, locale, { completed }, notify);
    expect(notify).toHaveBeenCalledWith(expected, true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('reports an error by its i18n key and still completes the event', async () => {
    const completed = jest.fn();
    const notify = jest.fn(async () => undefined);
    const analyse = async (): Promise<RunSummary> => {
      throw new ChurnDeskError('busy', 'office.error.busy');
    };
    await runRefreshCommand({ analyse }, 'zh-CN', { completed }, notify);
    expect(notify).toHaveBeenCalledWith('刷新失败:Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑,再重试。', false);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the notification itself fails', async () => {
    const completed = jest.fn();
    await runRefreshCommand({ analyse: async () => summary }, 'zh-CN', { completed }, async () => {
      throw new Error('dialog blocked');
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('formats settings errors field by field and unknown errors by message', () => {
    expect(errorMessage('en-US', { errors: [{ field: 'targetChurnRate', message: 'settings.error.notRate' }] })).toContain('targetChurnRate: ');
    expect(errorMessage('en-US', new Error('boom'))).toBe('Refresh failed: boom');
    expect(resultMessage('zh-CN', {}, 2)).toBe('刷新完成,写入 2 个工作表。');
  });
});
