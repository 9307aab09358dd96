/**
 * A refusal of the core about one column (a call log whose calls match no vehicle by the key mapped) stops the
 * refresh before anything is written and reaches the hosts as a 'needsMapping' error naming the sheet and field:
 * the pane opens 列映射 there with the message, the ribbon shows the problem instead of a result (issue 10, item 3).
 */
import { FakeWorkbook } from '../support/fakeExcel';
import { createOfficeActions } from '../../src/office/createOfficeActions';
import { ColumnRefusalError, normaliseError, refusedColumnOf } from '../../src/office/errors';
import { createInlineRunner } from '../../src/worker/runner';
import { errorData } from '../../src/worker/handleRequest';
import { failureView } from '../../src/commands/refreshCommand';
import { mappingRequestOf } from '../../src/taskpane/mappingRequest';
import { AnalysisInputError } from '../../src/core/aftersales/errors';
import { t, translator } from '../../src/i18n';
import { customers } from '../core/aftersales/fixtures/smallWorkbook';

const CALLS = '回访记录';

/** 12 calls keyed by phones nobody in the base has. */
function strangerCalls(): unknown[][] {
  const rows: unknown[][] = [['回访日期', '联系电话', '回访结果', '流失原因', '回访人']];
  for (let i = 0; i < 12; i++) rows.push([`2026-10-${String(i + 1).padStart(2, '0')}`, `1390000${1000 + i}`, '接通', '保养太贵了', '小刘']);
  return rows;
}

function setup() {
  const wb = FakeWorkbook.fromGrids({ [customers.name]: customers.grid as never, [CALLS]: strangerCalls() as never });
  return { wb, actions: createOfficeActions({ host: wb.host(), runner: createInlineRunner(), asOf: '2026-10-31' }) };
}

test('calls that match no vehicle stop the refresh: nothing written, the call log’s key column named', async () => {
  const { wb, actions } = setup();
  const before = { names: wb.sheetNames(), customers: wb.grid(customers.name), calls: wb.grid(CALLS) };
  const error = await actions.analyse().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ColumnRefusalError);
  const e = error as ColumnRefusalError;
  expect(e.code).toBe('needsMapping');
  expect(e.focus).toEqual({ sheet: CALLS, field: 'phone' });
  expect(e.messageKey).toBe('aftersales.error.callsUnmatched');
  expect(t('zh-CN', e.messageKey, e.params)).toContain('“联系电话”(B)=phone');
  expect({ names: wb.sheetNames(), customers: wb.grid(customers.name), calls: wb.grid(CALLS) }).toEqual(before);
});

test('the pane opens 列映射 on that sheet and field with the message; the ribbon shows the problem', async () => {
  const { actions } = setup();
  const error = await actions.analyse().catch((e: unknown) => e);
  const request = mappingRequestOf(error, translator('zh-CN'));
  expect(request).toMatchObject({ sheet: CALLS, field: 'phone' });
  expect(request?.message).toContain('匹配不到');
  expect(request?.message).not.toMatch(/[{}]/);
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const view = failureView(locale, error, true);
    expect(view.title).toBe(t(locale, 'office.command.needsMapping.title'));
    expect(view.message).toBe(t(locale, 'office.command.columnRefused.message'));
    expect(view.figures).toEqual([]);
    expect(view.keyWarning).toBe(true);
    expect(view.warnings).toEqual([t(locale, 'aftersales.error.callsUnmatched', { step: '', ...(error as ColumnRefusalError).params })]);
  }
});

test('the column survives the worker boundary (plain data) and any other error asks for no mapping', () => {
  const core = new AnalysisInputError('aftersales.error.callsUnmatched', { calls: CALLS }, undefined, { sheet: CALLS, field: 'vin' });
  const crossed = Object.assign(new Error(core.message), errorData(core));
  expect(refusedColumnOf(crossed)).toEqual({ sheet: CALLS, field: 'vin' });
  const n = normaliseError(crossed);
  expect(n).toBeInstanceOf(ColumnRefusalError);
  expect((n as ColumnRefusalError).focus).toEqual({ sheet: CALLS, field: 'vin' });
  // A refusal naming fields only as needsMapping (no column) focuses the first of them, also across the boundary.
  const named = new AnalysisInputError('input.error.x', {}, [{ sheet: CALLS, kind: 'calls', field: 'plate', fields: ['plate'], reason: 'lowConfidence', candidates: [] }]);
  expect(refusedColumnOf(Object.assign(new Error(named.message), errorData(named)))).toEqual({ sheet: CALLS, field: 'plate' });
  // A refusal about no column stays what it was; it opens nothing.
  const plain = new AnalysisInputError('aftersales.error.nothingFound');
  expect(refusedColumnOf(plain)).toBeUndefined();
  expect(normaliseError(plain)).toBe(plain);
  expect(mappingRequestOf(plain, translator('zh-CN'))).toBeUndefined();
});
