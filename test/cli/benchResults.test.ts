/** perf/results.ts: bench figures recorded per name and size; docs/performance.md keeps its hand-written text. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromRuns, recordResults, RESULTS_BEGIN, RESULTS_END, verdict } from '../../perf/results';

describe('bench results', () => {
  it('replaces only its own rows, and only the generated block of the document', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
    const file = path.join(dir, 'results.json');
    const doc = path.join(dir, 'performance.md');
    fs.writeFileSync(doc, '# Performance\n\nHand-written analysis.\n');
    recordResults([fromRuns('core.analyse', 1000, [3, 1, 2], 's', 2), fromRuns('addin.syncs', 10, [39], 'syncs', null)], file, doc);
    recordResults([fromRuns('core.analyse', 1000, [1.5], 's', 2)], file, doc);
    const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; value: number }[];
    expect(rows.map((r) => [r.name, r.value])).toEqual([['addin.syncs', 39], ['core.analyse', 1.5]]);
    const text = fs.readFileSync(doc, 'utf8');
    expect(text.startsWith('# Performance\n\nHand-written analysis.\n')).toBe(true);
    expect(text.split(RESULTS_BEGIN)).toHaveLength(2);
    expect(text.split(RESULTS_END)).toHaveLength(2);
    expect(text).toContain('| core.analyse | 1,000 | 1.50 |');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('median, min, max and the verdict against the target', () => {
    const r = fromRuns('x', 1, [5, 1, 3, 9], 's', 4);
    expect([r.value, r.min, r.max]).toEqual([4, 1, 9]);
    expect(verdict(r)).toBe('met');
    expect(verdict({ ...r, value: 4.1 })).toBe('**not met**');
    expect(verdict({ ...r, target: null })).toBe('');
  });
});
