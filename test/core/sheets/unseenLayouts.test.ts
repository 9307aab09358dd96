/**
 * Regression tests on layouts the rules were not written from (fixtures/unseenLayouts.ts): columns recognised by
 * header meaning and content, sheet kinds by content, and never a silent misread.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { conceptScore, readConcepts } from '../../../src/core/sheets/concepts';
import { detectSheets } from '../../../src/core/sheets/detectSheets';
import { mapSheet } from '../../../src/core/sheets/mapSheet';
import { profileColumns } from '../../../src/core/sheets/profile';
import type { FieldEvidence, MappedSheet } from '../../../src/core/sheets/types';
import {
  AS_OF, baseWithTextUnderDateHeader, callLogLikeProspects, customerBase, prospectCard, registerUnknownCallVisit,
} from './fixtures/unseenLayouts';

function ev(m: MappedSheet | undefined, field: string): FieldEvidence {
  const e = m?.evidence?.find((x) => x.field === field);
  if (!e) throw new Error(`no evidence for ${field}`);
  return e;
}

describe('headers read as concepts', () => {
  it.each([
    ['最末入厂日', 'lastVisitDate'],
    ['上回保养时间', 'lastVisitDate'],
    ['最新售后到访日期', 'lastVisitDate'],
    ['Latest Workshop Visit', 'lastVisitDate'],
    ['发票开具日', 'purchaseDate'],
    ['新车交付日子', 'purchaseDate'],
  ])('customers: %s → %s', (header, field) => {
    expect(conceptScore('customers', field as never, header)).toBeGreaterThan(0);
  });

  it('qualifiers keep look-alikes apart: a first or a next visit is no last visit, a visit date no purchase date', () => {
    expect(conceptScore('customers', 'lastVisitDate', '首次入厂日')).toBe(0);
    expect(conceptScore('customers', 'lastVisitDate', '下回保养日')).toBe(0);
    expect(conceptScore('customers', 'purchaseDate', '最末入厂日')).toBe(0);
    expect(conceptScore('customers', 'lastVisitDate', '购车后首保日')).toBe(0);
  });

  it('every kind is read by the same mechanism', () => {
    expect(conceptScore('calls', 'callDate', '电访时间')).toBeGreaterThan(0);
    expect(conceptScore('calls', 'appointmentDate', '计划回店日')).toBeGreaterThan(0);
    expect(conceptScore('calls', 'returnDate', '实际返店日')).toBeGreaterThan(0);
    expect(conceptScore('register', 'time', '到离时刻')).toBeGreaterThan(0);
    expect(conceptScore('prospects', 'nextDate', '下回联系日')).toBeGreaterThan(0);
    expect(conceptScore('prospects', 'defeatReason', '丢单缘由')).toBeGreaterThan(0);
    expect([...readConcepts('最末入厂日').tags].sort()).toEqual(['DATE', 'LATEST', 'VISIT']);
  });
});

describe('(a) a last-visit column worded like no synonym', () => {
  it('a concept header maps, with high confidence when the dates lie after the purchase', () => {
    const { grid } = customerBase(300, '最末入厂日');
    const m = mapSheet({ name: '客户档案', grid }, 'customers');
    expect(m.columns.lastVisitDate).toBe(7);
    expect(m.columns.purchaseDate).toBe(6);
    expect(ev(m, 'lastVisitDate').headerMatch).toBe('concept');
    expect(ev(m, 'lastVisitDate').confidence).toBe('high');
    // Unknown VIN and plate headers are placed by their cells.
    expect(m.columns.vin).toBe(4);
    expect(ev(m, 'vin').headerMatch).toBe('none');
    expect(m.needsMapping).toEqual([]);
  });

  it('a header with no usable word maps by content: dates on or after the purchase date in every row', () => {
    const { grid } = customerBase(300, '动态栏位B');
    const m = mapSheet({ name: '客户档案', grid }, 'customers');
    expect(m.columns.lastVisitDate).toBe(7);
    const e = ev(m, 'lastVisitDate');
    expect(e.headerMatch).toBe('none');
    // By the order of the row's dates (dateRoles.ts) or the relation to the purchase (evidence.ts).
    expect(e.flags.some((f) => f === 'order:latest' || f === 'after:purchaseDate')).toBe(true);
    expect(e.confidence).toBe('medium');
  });

  it('the churn rate is measured from the last visit (not from the purchase date)', () => {
    for (const header of ['最末入厂日', '动态栏位B']) {
      const { grid, churnRate } = customerBase(400, header);
      const plan = analyseWorkbook([{ name: '客户档案', grid }], { asOf: AS_OF });
      expect(plan.report.detection?.needsMapping).toEqual([]);
      expect(Math.abs((plan.report.figures.churnRate ?? 0) - churnRate)).toBeLessThan(0.03);
    }
  });

  it('without a purchase date nor any visit word, the last visit is asked for, naming the candidate columns', () => {
    const { grid } = customerBase(100, '动态栏位B');
    const cut = grid.map((row) => row.filter((_, c) => c !== 6));
    const d = detectSheets([{ name: '客户档案', grid: cut }]);
    const needs = d.needsMapping ?? [];
    const fields = needs.map((n) => n.field);
    expect(fields).toContain('lastVisitDate');
    expect(fields).toContain('purchaseDate');
    const lv = needs.find((n) => n.field === 'lastVisitDate')!;
    expect(lv.reason).toBe('missing');
    expect(lv.candidates.map((c) => c.header)).toContain('动态栏位B');
  });
});

describe('(b) a call log with prospect-card headers', () => {
  const sheets = [
    { name: 'Sheet1', grid: callLogLikeProspects(120) },
    { name: 'Sheet2', grid: customerBase(200, '最末入厂日').grid },
  ];

  it('is taken for a call log, because its cells hold plates/VINs and call results, and says so', () => {
    const d = detectSheets(sheets);
    expect(d.calls?.sheet.name).toBe('Sheet1');
    expect(d.prospects).toBeUndefined();
    expect(d.customers?.sheet.name).toBe('Sheet2');
    expect(d.calls?.why?.map((w) => w.key)).toContain('input.why.vehiclesAndResults');
    expect(d.calls?.columns.plate).toBe(6);
    expect(d.calls?.columns.vin).toBe(7);
    expect(d.calls?.columns.result).toBe(2);
  });

  it('a real prospect card next to it stays the prospect card', () => {
    const d = detectSheets([...sheets, { name: 'Sheet3', grid: prospectCard(40) }]);
    expect(d.calls?.sheet.name).toBe('Sheet1');
    expect(d.prospects?.sheet.name).toBe('Sheet3');
  });
});

describe('(c) a register whose call/visit column has an unknown header', () => {
  it('maps 客流属性 by its 来电/来店 words, and calls are not counted as visits', () => {
    const { grid, calls, visits } = registerUnknownCallVisit(150);
    const d = detectSheets([{ name: '台账', grid }]);
    expect(d.register?.columns.contactType).toBe(2);
    expect(ev(d.register, 'contactType').headerMatch).toBe('none');
    expect(d.register?.needsMapping).toEqual([]);
    const plan = analyseWorkbook([{ name: '台账', grid }], { asOf: AS_OF });
    const figures = plan.report.figures;
    const callKey = Object.keys(figures).find((k) => /call/i.test(k) && /batch|count|s$/i.test(k));
    const visitKey = Object.keys(figures).find((k) => /visit/i.test(k) && /batch|count|s$/i.test(k));
    if (callKey && visitKey) {
      expect(figures[callKey]).toBe(calls);
      expect(figures[visitKey]).toBe(visits);
    }
  });
});

describe('(d) a known header whose cells contradict it', () => {
  it('is flagged, and the dates under a meaningless header take the field', () => {
    const m = mapSheet({ name: '基盘', grid: baseWithTextUnderDateHeader(80) }, 'customers');
    expect(m.columns.lastVisitDate).toBe(4);
    const e = ev(m, 'lastVisitDate');
    // By the order of the row's dates (dateRoles.ts) or the relation to the purchase (evidence.ts).
    expect(e.flags.some((f) => f === 'order:latest' || f === 'after:purchaseDate')).toBe(true);
    expect(e.runnerUp?.header).toBe('最后进站日期');
  });

  it('alone, the contradicted column is kept with low confidence and asked for', () => {
    const grid = baseWithTextUnderDateHeader(80).map((row) => row.slice(0, 4));
    const m = mapSheet({ name: '基盘', grid }, 'customers');
    const e = ev(m, 'lastVisitDate');
    expect(e.flags).toContain('contentContradicts');
    expect(e.confidence).toBe('low');
    expect(m.needsMapping?.map((n) => [n.field, n.reason])).toEqual([['lastVisitDate', 'lowConfidence']]);
  });
});

describe('explainable and cheap', () => {
  it('every field has evidence: chosen column, score, confidence and runner-up when there is one', () => {
    const m = mapSheet({ name: '客户档案', grid: customerBase(50, '最末入厂日').grid }, 'customers');
    expect(m.evidence?.length).toBeGreaterThan(10);
    for (const e of m.evidence ?? []) {
      if (e.column >= 0) expect(['user', 'high', 'medium', 'low']).toContain(e.confidence);
      else expect(e.confidence).toBe('none');
    }
  });

  it('profiles a bounded sample, spread through the sheet', () => {
    const { grid } = customerBase(5000, '最末入厂日');
    const p = profileColumns(grid, 2, 10);
    expect(p.rows.length).toBeLessThanOrEqual(200);
    expect(p.rows[p.rows.length - 1]).toBeGreaterThan(4000);
  });

  it('the user mapping wins, by header or column letter', () => {
    const { grid } = customerBase(60, '动态栏位B');
    const m = mapSheet({ name: '客户档案', grid }, 'customers', { userMapping: { lastVisitDate: 'H' } });
    expect(m.columns.lastVisitDate).toBe(7);
    expect(ev(m, 'lastVisitDate').confidence).toBe('user');
  });
});
