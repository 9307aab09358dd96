/**
 * What the state remembers of a mapping: the user's choices and confident detections come back next run as the
 * user's choice; a low-confidence guess must not, or it would never be asked about again.
 */
import { analyseWorkbook } from '../../src/core/analyse';
import type { SheetInput } from '../../src/core/plan/types';

const AS_OF = { y: 2026, m: 10, d: 31 };

/** A base whose 最后进站日期 column is mostly text: the header says last visit, the cells contradict it. */
function base(): SheetInput {
  const grid: unknown[][] = [['车主姓名', '车架号', '购车日期', '最后进站日期', '地区']];
  for (let i = 0; i < 12; i++) {
    grid.push([`客户${i}`, `LSVAB12345678${String(9000 + i)}`, `2021-0${1 + (i % 9)}-15`, i < 2 ? '2025-06-01' : '见备注', '西安']);
  }
  return { name: '保有客户', grid };
}

function lastVisitEvidence(plan: ReturnType<typeof analyseWorkbook>) {
  return plan.report.detection?.sheets.find((s) => s.sheet === '保有客户')?.fields.find((f) => f.field === 'lastVisitDate');
}

test('a low-confidence guess is not remembered, and the next run asks again', () => {
  const first = analyseWorkbook([base()], { asOf: AS_OF });
  expect(lastVisitEvidence(first)).toMatchObject({ column: 3, confidence: 'low' });
  expect(first.report.detection?.needsMapping.map((n) => n.field)).toContain('lastVisitDate');
  const remembered = first.state.mappings['保有客户'];
  // The confident fields are remembered, the guess is not.
  expect(remembered).toMatchObject({ vin: '车架号', purchaseDate: '购车日期' });
  expect(remembered).not.toHaveProperty('lastVisitDate');

  const second = analyseWorkbook([base()], { asOf: AS_OF, state: first.state });
  expect(lastVisitEvidence(second)?.confidence).toBe('low');
  expect(second.report.detection?.needsMapping.map((n) => n.field)).toContain('lastVisitDate');
  expect(second.state.mappings['保有客户']).not.toHaveProperty('lastVisitDate');
});

test('a mapping the user confirmed is remembered and needs nothing next time', () => {
  const first = analyseWorkbook([base()], { asOf: AS_OF });
  const confirmed = { ...first.state, mappings: { 保有客户: { ...first.state.mappings['保有客户'], lastVisitDate: '最后进站日期' } } };
  const second = analyseWorkbook([base()], { asOf: AS_OF, state: confirmed });
  expect(lastVisitEvidence(second)).toMatchObject({ column: 3, confidence: 'user' });
  expect(second.report.detection?.needsMapping).toEqual([]);
  expect(second.state.mappings['保有客户'].lastVisitDate).toBe('最后进站日期');
  const third = analyseWorkbook([base()], { asOf: AS_OF, state: second.state });
  expect(lastVisitEvidence(third)?.confidence).toBe('user');
});
