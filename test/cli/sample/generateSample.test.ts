import { generateSample } from '../../../src/cli/sample/generateSample';
import { createRng } from '../../../src/cli/sample/prng';
import { messyDate, messyMileage, messyPhone, messyTime } from '../../../src/cli/sample/messyValues';
import { detectSheets } from '../../../src/core/sheets';
import { ymdToSerial } from '../../../src/core/values/dates';

const AS_OF = ymdToSerial({ y: 2026, m: 10, d: 31 });

describe('generateSample', () => {
  test('same seed, same workbook; another seed, other wording', () => {
    const a = generateSample({ vehicles: 200, seed: 5, asOf: AS_OF });
    const b = generateSample({ vehicles: 200, seed: 5, asOf: AS_OF });
    expect(JSON.stringify(a.sheets)).toBe(JSON.stringify(b.sheets));
    const headers = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const s = generateSample({ vehicles: 50, seed, asOf: AS_OF });
      headers.add(s.sheets[0].grid[s.sheets[0].headerRow].join('|'));
    }
    expect(headers.size).toBeGreaterThan(3);
  });

  test('churn distribution, duplicates, calls per vehicle and sizes are realistic', () => {
    const s = generateSample({ vehicles: 4000, seed: 11, asOf: AS_OF });
    let churned = 0;
    for (const b of s.bands) if (b === 2 || b === 3) churned++;
    expect(churned / 4000).toBeGreaterThan(0.3);
    expect(churned / 4000).toBeLessThan(0.4);
    expect(s.counts.duplicates / 4000).toBeGreaterThan(0.02);
    expect(s.counts.duplicates / 4000).toBeLessThan(0.04);
    expect(s.counts.calls).toBeGreaterThan(2000);
    expect(s.counts.register).toBe(2000);
    const customers = s.sheets[0];
    expect(customers.grid[customers.grid.length - 1][0]).toBe('合计');
    expect(String(customers.grid[0][0])).toContain('保有客户明细表(截至2026年10月)');
    expect(customers.grid[1].every((v) => v === '')).toBe(true);
  });

  test('every seed is recognised by the input layer: four kinds, no required field missing', () => {
    const shapes = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const s = generateSample({ vehicles: 120, seed, asOf: AS_OF });
      const d = detectSheets(s.sheets.map((x) => ({ name: x.name, grid: x.grid })));
      for (const kind of ['customers', 'calls', 'register', 'prospects'] as const) {
        expect(d[kind]).toBeDefined();
        expect(d[kind]!.missingRequired).toEqual([]);
      }
      expect(d.customers!.headerRow).toBe(2);
      shapes.add(d.prospects!.followUpGroups.length > 0 ? 'wide' : 'long');
    }
    expect([...shapes].sort()).toEqual(['long', 'wide']);
  });

  test('values come in every messy form DOMAIN.md lists', () => {
    const rng = createRng(3);
    const forms = { date: new Set<string>(), mileage: new Set<string>(), phone: new Set<string>(), time: new Set<string>() };
    const shape = (v: unknown) => (typeof v === 'number' ? 'number' : String(v).replace(/\d+/g, '9'));
    for (let i = 0; i < 2000; i++) {
      forms.date.add(shape(messyDate(rng, 45052)));
      forms.mileage.add(shape(messyMileage(rng, 35000)));
      forms.phone.add(shape(messyPhone(rng, '13800000000')));
      forms.time.add(shape(messyTime(rng, rng.pick([570, 870, 900, 860]))));
    }
    expect([...forms.date].sort()).toEqual(['9-9-9', '9.9.9', '9', '9/9/9', '9年9月9日', 'number'].sort());
    expect(forms.mileage).toEqual(new Set(['number', '9,9', '9.9万', '9km', '9公里']));
    expect(forms.phone).toEqual(new Set(['number', '9', '9 9 9', '9-9-9', '+9 9', '+9']));
    for (const f of ['number', '9:9', '9:9-9:9', '9点半', '9点9', '下午9点']) expect(forms.time.has(f)).toBe(true);
  });

  // How fast generation is belongs to `npm run bench` (it times the generator at 1M vehicles), not to a timed test.
  test('10,000 vehicles: a customer row per vehicle plus duplicates, after the header', () => {
    const s = generateSample({ vehicles: 10000, seed: 2, asOf: AS_OF });
    expect(s.sheets[0].grid.length).toBeGreaterThan(10000);
  });
});
