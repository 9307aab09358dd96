/** Issue 10.5 in the pane: the analysis date the workbook's title names is offered when the run used another one. */
import { suggestedDateText } from '../../src/taskpane/suggestedDate';
import { t } from '../../src/i18n';
import type { RunSummary } from '../../src/office/actions';

const report = (used: string, suggested?: string) =>
  ({
    analysisDate: { date: used, source: 'today' },
    suggestedAnalysisDate: suggested ? { date: suggested, sheet: '保有客户', address: 'A1', text: `XX店保有客户明细表(截至${suggested})` } : undefined,
  }) as unknown as RunSummary['report'];

describe('the analysis date read from the workbook, offered in the pane', () => {
  it('names the title, the cell and both dates when the run used another date', () => {
    const zh = suggestedDateText(report('2026-12-03', '2026-10-31'), (k, p) => t('zh-CN', k, p));
    expect(zh).toContain('2026-10-31');
    expect(zh).toContain('2026-12-03');
    expect(zh).toContain('保有客户!A1');
    expect(zh).toContain('截至2026-10-31');
    expect(suggestedDateText(report('2026-12-03', '2026-10-31'), (k, p) => t('en-US', k, p))).toMatch(/^The workbook title says/);
  });
  it('says nothing when the run used that date or the workbook names none', () => {
    expect(suggestedDateText(report('2026-10-31', '2026-10-31'), (k, p) => t('zh-CN', k, p))).toBe('');
    expect(suggestedDateText(report('2026-12-03'), (k, p) => t('zh-CN', k, p))).toBe('');
  });
});
