import { compareNatural, compareText } from '../../../src/core/plan/textOrder';

describe('compareText: one order in Node and in every browser', () => {
  test.each([
    // Code-unit order, not the runtime's pinyin collation (Chromium put 洪山区 first, Node 江岸区).
    [['洪山区', '江岸区'], ['江岸区', '洪山区']],
    [['梁超', '宋辉'], ['宋辉', '梁超']],
    [['b', 'A', 'a'], ['A', 'a', 'b']],
    [['', '未知'], ['', '未知']],
  ])('%j sorts to %j', (input, sorted) => {
    expect([...input].sort(compareText)).toEqual(sorted);
  });

  test('is a total order: antisymmetric, and 0 only on equal strings', () => {
    const words = ['江岸区', '洪山区', '江', 'a', 'A', '', '10', '9'];
    for (const a of words) for (const b of words) {
      expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0);
      expect(compareText(a, b) === 0).toBe(a === b);
    }
  });
});

describe('compareNatural: digit runs by value', () => {
  test.each([
    [['10年', '2-3年', '0-1年'], ['0-1年', '2-3年', '10年']],
    [['2026-10', '2026-02', '2025-12'], ['2025-12', '2026-02', '2026-10']],
    [['第10周', '第9周'], ['第9周', '第10周']],
    [['洪山区', '江岸区'], ['江岸区', '洪山区']],
  ])('%j sorts to %j', (input, sorted) => {
    expect([...input].sort(compareNatural)).toEqual(sorted);
  });
});

test('no product code orders text by the runtime’s collation (Node and Chromium differ; the add-in must write what the CLI writes)', () => {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !p.endsWith(path.join('plan', 'textOrder.ts'))) {
        fs.readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
          if (/\.localeCompare\(|Intl\.Collator/.test(line)) offenders.push(`${path.relative(process.cwd(), p)}:${i + 1}`);
        });
      }
    }
  };
  walk(path.join(__dirname, '..', '..', '..', 'src'));
  expect(offenders).toEqual([]);
});
