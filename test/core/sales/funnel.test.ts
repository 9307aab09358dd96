/**
 * The prospect funnel nests (DOMAIN.md, issue 12.4): a row counts at a stage only when it reached every earlier stage,
 * so no value under 转化率 exceeds 100%; the independent counts are shown beside it as shares of 来电/来店.
 */
import fc from 'fast-check';
import { computeFunnel, conversions, overallConversion } from '../../../src/core/sales/funnel';
import { FLAG_LEAD, FLAG_ORDER, FLAG_QUOTE, FLAG_TEST_DRIVE, type RegisterFacts } from '../../../src/core/sales/registerFacts';
import { funnelSheet } from '../../../src/core/sales/summaries/funnelSheet';
import { analyseSales } from '../../../src/core/sales/analyseSales';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';
import { translator } from '../../../src/i18n';
import type { SheetInput, TableSpec } from '../../../src/core/plan/types';
import { AS_OF, day } from './fixtures';

/** Register facts from a list of flag sets (consultant and source per row optional). */
function facts(rows: { flags: number; consultant?: number; source?: number }[], consultants = ['', '张三', '李四']): RegisterFacts {
  const n = rows.length;
  return {
    sheet: 'reg',
    count: n,
    rows: Int32Array.from(rows.map((_, i) => i + 1)),
    date: new Float64Array(n).fill(NaN),
    slot: new Int8Array(n).fill(-1),
    contact: new Uint8Array(n).fill(2),
    flags: Uint8Array.from(rows.map((r) => r.flags)),
    consultant: Int32Array.from(rows.map((r) => r.consultant ?? 0)),
    consultants,
    source: Int8Array.from(rows.map((r) => r.source ?? -1)),
    datesCarried: 0,
    contactAssumed: false,
  };
}

const L = FLAG_LEAD;
const T = FLAG_TEST_DRIVE;
const Q = FLAG_QUOTE;
const O = FLAG_ORDER;

/** 10 rows: 3 test drives but 6 quotes (quotes given without a test drive), 3 orders of which one lacks a phone. */
const MORE_QUOTES_THAN_TEST_DRIVES = [
  { flags: L | T | Q | O, consultant: 1 },
  { flags: L | T | Q, consultant: 1 },
  { flags: L | T, consultant: 2 },
  { flags: L | Q, consultant: 1 },
  { flags: L | Q | O, consultant: 2 },
  { flags: L | Q, consultant: 2 },
  { flags: Q | O, consultant: 2 },
  { flags: L, consultant: 1 },
  { flags: 0, consultant: 1 },
  { flags: 0, consultant: 2 },
];

describe('the nested funnel', () => {
  const funnel = computeFunnel(facts(MORE_QUOTES_THAN_TEST_DRIVES));

  it('counts a stage only for rows that reached every earlier stage', () => {
    expect(funnel.overall.counts).toEqual([10, 7, 3, 2, 1]);
    expect(conversions(funnel.overall.counts)).toEqual([null, 0.7, 3 / 7, 2 / 3, 0.5]);
    expect(overallConversion(funnel.overall.counts)).toBe(0.1);
  });

  it('keeps each stage counted by its own rule beside the funnel', () => {
    expect(funnel.overall.independent).toEqual([10, 7, 3, 6, 3]);
  });

  it('nests per consultant too', () => {
    const zhang = funnel.byConsultant.find((g) => g.label === '张三');
    const li = funnel.byConsultant.find((g) => g.label === '李四');
    expect(zhang?.counts).toEqual([5, 4, 2, 2, 1]);
    expect(li?.counts).toEqual([5, 3, 1, 0, 0]);
    expect(li?.independent).toEqual([5, 3, 1, 3, 2]);
  });

  it('shows no rate above 100% under 转化率 when quotes outnumber test drives', () => {
    const sheet = funnelSheet(funnel, { t: translator('zh-CN'), subtitle: '', asOf: 0 });
    for (const table of sheet.tables) {
      table.columns.forEach((c, i) => {
        if (!c.header.includes('转化率')) return;
        for (const row of table.rows) if (typeof row[i] === 'number') expect(row[i]).toBeLessThanOrEqual(1);
      });
    }
    const overall = sheet.tables.find((t) => t.name.endsWith('_overall')) as TableSpec;
    expect(overall.columns.map((c) => c.header)).toEqual(['阶段', '数量', '转化率', '单项计数', '占来电/来店比例']);
    expect(overall.rows[3]).toEqual(['报价', 2, 2 / 3, 6, 0.6]);
    // The sheet states that the stages nest.
    const text = sheet.cells.map((c) => String(c.value)).join('\n');
    expect(text).toContain('漏斗逐级计数');
    expect(text).toContain('只表示为占来电/来店的比例,不是转化率');
    expect(text).toContain('登记为成交的共3批');
  });

  it('never gives a conversion above 1 (property)', () => {
    const flag = fc.integer({ min: 0, max: 15 });
    const row = fc.record({ flags: flag, consultant: fc.integer({ min: 0, max: 2 }), source: fc.integer({ min: -1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const f = computeFunnel(facts(rows));
        for (const g of [f.overall, ...f.byConsultant, ...f.bySource]) {
          for (const c of conversions(g.counts)) if (c !== null) expect(c).toBeLessThanOrEqual(1);
          const o = overallConversion(g.counts);
          if (o !== null) expect(o).toBeLessThanOrEqual(1);
          g.counts.forEach((c, s) => expect(c).toBeLessThanOrEqual(g.independent[s]));
        }
        const sheet = funnelSheet(f, { t: translator('zh-CN'), subtitle: '', asOf: 0 });
        for (const table of sheet.tables) {
          table.columns.forEach((c, i) => {
            if (!c.header.includes('转化率')) return;
            for (const r of table.rows) if (typeof r[i] === 'number') expect(r[i]).toBeLessThanOrEqual(1);
          });
        }
      }),
    );
  });
});

describe('the funnel from a register whose quotes outnumber its test drives', () => {
  const grid: SheetInput['grid'] = [
    ['日期', '来电/来店', '客户姓名', '联系电话', '接待经过', '结案情形', '接待人'],
    [day(10, 1), '来店', '甲', '13800000001', '试驾后报价', '成交', '张三'],
    [day(10, 1), '来店', '乙', '13800000002', '报价', '', '张三'],
    [day(10, 2), '来店', '丙', '13800000003', '报价', '', '李四'],
    [day(10, 2), '来电', '丁', '13800000004', '电话报价', '成交', '李四'],
    [day(10, 3), '来店', '戊', '13800000005', '试驾', '', '李四'],
  ];
  const register = mapSheet({ name: '展厅来电店登记表', grid }, 'register');
  const part = analyseSales({ register, ignored: [] }, DEFAULT_SETTINGS, AS_OF, emptyState());
  const sheet = part?.sheets.find((s) => s.key === 'sales.funnel');

  it('has raw 报价 above 试乘试驾 and still no conversion above 100%', () => {
    expect(part?.report.figures).toMatchObject({ testDrives: 2, quotes: 4, orders: 2 });
    const overall = sheet?.tables.find((t) => t.name.endsWith('_overall')) as TableSpec;
    expect(overall.rows.map((r) => r[1])).toEqual([5, 5, 2, 1, 1]);
    expect(overall.rows.map((r) => r[2])).toEqual(['', 1, 0.4, 0.5, 1]);
    expect(overall.rows.map((r) => r[3])).toEqual([5, 5, 2, 4, 2]);
  });
});
