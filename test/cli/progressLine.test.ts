/**
 * The command line's progress line (issue 13.4): one line, reading → analysing → writing, that never goes back,
 * with the rows and rows per second once they are known.
 */
import { progressLine } from '../../src/cli/progressLine';

function capture(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const out: string[] = [];
  let clock = 0;
  const line = progressLine(locale, (s) => out.push(s), () => clock, 0);
  return { out, line, tick: (ms: number) => (clock += ms) };
}
const percents = (out: string[]) => out.filter((s) => s.startsWith('\r')).map((s) => Number(/^\r(\d+)%/.exec(s)?.[1]));

describe('progressLine', () => {
  it('moves forward only, through the three phases, and ends at 100% with one newline', () => {
    const { out, line, tick } = capture();
    line.report('reading', 'reading', 0);
    tick(4000);
    line.report('reading', 'reading', 1);
    line.rows(200_000);
    // The core's own steps, as src/core/analyse.ts reports them (0 … 1), then the writer's.
    for (const [s, f] of [['detect', 0], ['aftersales', 0.1], ['sales', 0.6], ['merge', 0.9], ['done', 1]] as const) line.report('analysing', s, f);
    tick(1000);
    line.report('writing', 'rendering', 0);
    line.report('writing', 'writing', 0.5);
    // A step reported late, or a phase's start below the mark, never moves the bar back.
    line.report('writing', 'writing', 0);
    line.finish();
    line.finish();
    const p = percents(out);
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]);
    expect(p[0]).toBe(0);
    expect(p[p.length - 1]).toBe(100);
    expect(out.filter((s) => s === '\n')).toHaveLength(1);
    expect(out.join('')).toContain('读取:读取工作簿');
    expect(out.join('')).toContain('分析:售后流失分析');
    expect(out.join('')).toContain('写入:保存文件');
    // 200,000 rows in 5 s of the run.
    expect(out[out.length - 2]).toContain('200,000 行,每秒 40,000 行');
  });
  it('in English, and without rows until they are known', () => {
    const { out, line, tick } = capture('en-US');
    tick(2000);
    line.report('reading', 'reading', 0.5);
    expect(out[0]).toBe('\r17% reading: Reading workbook · 2 s   ');
    line.stop();
    expect(out[out.length - 1]).toBe('\n');
  });
  it('a stopped run keeps its percentage (not 100%)', () => {
    const { out, line } = capture();
    line.report('analysing', 'aftersales', 0.5);
    line.stop();
    expect(percents(out).pop()).toBe(50);
  });
});
