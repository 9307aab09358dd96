/**
 * Which columns of each of the 58 forms are filled from the data, on the bundled sample (churn-desk sample, as
 * `npm run demo` makes it, analysed for 2026-10-31). A form whose columns the workbook holds must be filled: the test
 * fails when such a form comes out empty, and when the list of filled columns changes (the list below is the record).
 */
import { analyseForForms } from '../../../src/core/forms/collectFillData';
import { FORM_DEFINITIONS, fillForm, type FormDefinition } from '../../../src/core/forms';
import { analysisMonthPeriod } from '../../../src/core/forms/buildFormsPlan';
import { generateSample } from '../../../src/cli/sample/generateSample';
import { resolveSettings } from '../../../src/core/settings/settings';
import { emptyState } from '../../../src/core/state/stateSheet';
import { ymdToSerial } from '../../../src/core/values/dates';
import type { SheetInput } from '../../../src/core/plan/types';
import { analyseWorkbook } from '../../../src/core/analyse';

const asOf = { y: 2026, m: 10, d: 31 };
const sample = generateSample({ vehicles: 2000, seed: 1, asOf: ymdToSerial(asOf) });
const sheets: SheetInput[] = sample.sheets.map((s) => ({ name: s.name, grid: s.grid as SheetInput['grid'] }));
const { data } = analyseForForms(sheets, resolveSettings({}), emptyState(), asOf);

/** The column keys (and card fields) that hold a value from the data in at least one row. */
function filledColumns(def: FormDefinition): string[] {
  const filled = fillForm(def, data, def.monthly ? analysisMonthPeriod(asOf) : 'all');
  if (!filled) return [];
  const keys = new Set<string>();
  const preset = new Set<string>();
  for (const p of def.presetRows ?? []) for (const k of Object.keys(p)) preset.add(k);
  for (const row of filled.rows) for (const [k, v] of Object.entries(row)) if (v !== undefined && v !== '' && !preset.has(k)) keys.add(k);
  for (const card of filled.cards ?? []) {
    for (const [k, v] of Object.entries(card.fields)) if (v !== '') keys.add(`card.${k}`);
    for (const row of card.rows) for (const [k, v] of Object.entries(row)) if (v !== undefined && v !== '') keys.add(k);
  }
  const order = [...(def.cardFields ?? []).map((f) => `card.${f.field}`), ...(def.columns ?? []).map((c) => c.key)];
  return [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * The forms the sample's sheets (customer base, call log, showroom register, prospect cards) can fill, and the
 * columns they fill. Every other form needs what no dealer export holds (contracts, rosters, 5S checks, promotions,
 * complaints, membership, supervision, plans): it is printed blank, to be filled by hand.
 */
const EXPECTED: Record<string, string[]> = {
  F01: ['date', 'timeInOut', 'contactType', 'name', 'gender', 'phone', 'address', 'intendedModel', 'source', 'process', 'level', 'closure', 'consultant', 'remarks'],
  F02: ['date', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'leads', 'orders', 'showroomSales'],
  F03: ['date', 'name', 'phone', 'model', 'source', 'level', 'consultant', 'followUps', 'reason', 'reasonCategory', 'boughtInstead'],
  F04: ['card.prospectId', 'card.name', 'card.phone', 'card.model', 'card.source', 'card.consultant', 'card.created', 'card.level', 'card.nextDate', 'n', 'date', 'method', 'result', 'level'],
  F07: ['date', 'name', 'phone', 'model', 'start', 'consultant', 'order'],
  F12: ['orderDate', 'name', 'phone', 'model', 'consultant'],
  F26: ['actual', 'lastActual'],
  F28: ['consultant', 'lastMonth'],
  F29: ['consultant', 'w1', 'w2', 'w3', 'w4', 'w5', 'leads', 'testDrives'],
  F36: ['name', 'phone', 'model', 'vin', 'plate', 'purchaseDate'],
  F38: ['name', 'phone', 'model', 'purchaseDate', 'category', 'basis', 'policy', 'owner'],
  F48: ['actual', 'lastMonth'],
  F50: ['value', 'last'],
  AS1: ['warranty', 'region', 'reasonCategory', 'destination', 'count'],
  AS2: ['count', 'previous'],
  AS3: ['month', 'caller', 'calls', 'reached', 'invited', 'returned'],
  AS4: ['date', 'name', 'phone', 'plate', 'model', 'status', 'content', 'result', 'nextStep', 'caller'],
};

describe('the form pack filled from the bundled sample', () => {
  const listing: Record<string, string[]> = {};
  for (const def of FORM_DEFINITIONS) listing[def.id] = filledColumns(def);

  it('lists, for each of the 58 forms, the columns filled from data', () => {
    expect(Object.keys(listing)).toHaveLength(58);
    const filled = Object.fromEntries(Object.entries(listing).filter(([, cols]) => cols.length > 0));
    expect(filled).toEqual(EXPECTED);
  });

  it('leaves no form empty that the workbook could fill', () => {
    const empty = Object.keys(EXPECTED).filter((id) => listing[id].length === 0);
    expect(empty).toEqual([]);
  });

  it('fills the sales forms with the figures the analysis reports', () => {
    const figures = analyseWorkbook(sheets, { asOf }).report.figures;
    // 试乘试驾管理表 / 交车预约登记表: one row per register row with a test drive / an order.
    expect(data.testDrives!.length).toBe(figures.testDrives);
    expect(data.orders!.length).toBe(figures.orders);
    // 绩效周进度管控表 (October): the weeks add up to each consultant's orders, the consultants to the month's 订单数.
    const oct = data.consultantMonths!.filter((r) => r.month === '2026-10');
    for (const r of oct) expect(r.weeks.reduce((a, b) => a + b, 0)).toBe(r.orders);
    const ordersOct = data.salesKpis!.find((k) => k.month === '2026-10' && k.item === '订单数')!;
    const withConsultant = oct.reduce((n, r) => n + r.orders, 0);
    expect(withConsultant).toBeLessThanOrEqual(ordersOct.value);
    expect(withConsultant).toBeGreaterThan(0);
    // 上月实绩 is September's orders of the same consultant.
    const sep = new Map(data.consultantMonths!.filter((r) => r.month === '2026-09').map((r) => [r.consultant, r.orders]));
    for (const r of oct) expect(r.lastMonth).toBe(sep.get(r.consultant) ?? 0);
    expect(ordersOct.last).toBe(data.salesKpis!.find((k) => k.month === '2026-09' && k.item === '订单数')!.value);
    // 运营管理综合指标分析's rates, from the month's counts, in percent (one decimal): 留资率 = leads ÷ (来店 + 来电),
    // 试乘试驾率 and 展厅成交率 over the showroom visits.
    const kpi = (item: string, month = '2026-10') => data.salesKpis!.find((k) => k.month === month && k.item === item);
    const visits = kpi('来店批数')!.value;
    expect(kpi('留资率')!.value).toBeCloseTo((100 * kpi('新增意向客户')!.value) / (visits + kpi('来电批数')!.value), 1);
    expect(kpi('试乘试驾率')!.value).toBeCloseTo((100 * kpi('试乘试驾')!.value) / visits, 1);
    expect(kpi('展厅成交率')!.value).toBeCloseTo((100 * ordersOct.value) / visits, 1);
    expect(kpi('展厅成交率')!.last).toBeCloseTo((100 * kpi('订单数', '2026-09')!.value) / kpi('来店批数', '2026-09')!.value, 1);
    for (const item of ['留资率', '试乘试驾率', '展厅成交率']) expect(kpi(item)!.value).toBeGreaterThan(0);
  });

  it('names the dealer from the title rows and fills 跟踪失败分析表 for the analysis month with 上月', () => {
    expect(data.dealerName).toMatch(/(公司|店)$/);
    const oct = data.failedFollowUps!.filter((r) => r.month === '2026-10');
    expect(oct).toHaveLength(11);
    expect(oct.some((r) => r.count > 0)).toBe(true);
    expect(oct.every((r) => typeof r.previous === 'number')).toBe(true);
  });
});
