/**
 * Review against DOMAIN.md (最近回访结果: "未回访 when no call is recorded"). A call-log row that names a vehicle but
 * records nothing of a call (no call date, no result, no reason, no destination, no invitation, no return date:
 * a win-back list prefilled for the callers) is not a recorded call: it must not turn 未回访 into the failure
 * category 其他, must not hide an earlier real call, and is not counted as a call in the monthly summary.
 */
import { analyseWorkbook } from '../../../src/core/analyse';
import { isRecordedCall } from '../../../src/core/aftersales/recordedCall';
import { matchCalls, matchVehicles } from '../../../src/core/aftersales/matchVehicles';
import { emptyCallTable, emptyCustomerTable } from '../../../src/core/aftersales/tables';
import type { SheetSpec } from '../../../src/core/plan/types';

const asOf = { y: 2026, m: 10, d: 31 };
const BASE = [
  ['客户姓名', '联系电话', '车牌号', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程', '地区'],
  ['甲', '13800000001', '陕A00001', 'VIN0000000000001', 'X', '2022/1/1', '2025/1/1', '30000', '西安'],
  ['乙', '13800000002', '陕A00002', 'VIN0000000000002', 'X', '2022/1/1', '2025/1/1', '30000', '西安'],
  ['丙', '13800000003', '陕A00003', 'VIN0000000000003', 'X', '2022/1/1', '2025/1/1', '30000', '西安'],
];
const CALLS = [
  ['回访日期', '车架号', '回访结果', '流失原因', '流失去向', '是否邀约成功', '回站日期', '回访人'],
  // 甲: listed for a call, nothing recorded yet.
  ['', 'VIN0000000000001', '', '', '', '', '', '张三'],
  // 乙: reached on 2026-09-01, then listed again (nothing recorded) below.
  ['2026/9/1', 'VIN0000000000002', '接通', '太贵', '', '', '', '张三'],
  ['', 'VIN0000000000002', '', '', '', '', '', '张三'],
  // 丙: a real call without a date still counts.
  ['', 'VIN0000000000003', '无人接听', '', '', '', '', '张三'],
];

function columnValues(plan: ReturnType<typeof analyseWorkbook>, header: string): unknown[] {
  const w = plan.columnWrites.find((c) => c.columns.some((col) => col.header === header));
  const col = w?.columns.find((c) => c.header === header);
  return col ? col.values.slice(0, 3) : [];
}

function tableRows(sheet: SheetSpec | undefined, id: string): unknown[][] {
  return (sheet?.tables ?? []).find((t) => t.name.endsWith(`_${id}`))?.rows ?? [];
}

describe('a call-log row with nothing recorded is not a call (review)', () => {
  const plan = analyseWorkbook([{ name: '保有客户', grid: BASE }, { name: '回访记录', grid: CALLS }], { asOf });

  it('最近回访结果: 未回访 for a vehicle only listed, the real call for one listed again, 无人接听 for an undated call', () => {
    expect(columnValues(plan, '最近回访结果')).toEqual(['未回访', '成功', '无人接听']);
    expect(columnValues(plan, '流失原因')).toEqual(['', '太贵', '']);
  });

  it('the failed follow-ups count only the real failure (丙)', () => {
    expect(plan.report.figures?.failedFollowUps ?? failedFromSheet(plan)).toBe(1);
  });

  it('the monthly summary counts two calls', () => {
    const monthly = plan.sheets.find((s) => s.key === 'summary.monthly');
    const totals = tableRows(monthly, 'month').reduce((n, r) => n + (r[1] as number), 0);
    expect(totals).toBe(2);
  });

  it('isRecordedCall: any of date, result, reason, destination, invitation, return date', () => {
    const t = emptyCallTable('k', [1, 2, 3, 4, 5, 6, 7]);
    t.vin.fill('V');
    t.caller.fill('张三');
    t.callDate[1] = 46000;
    t.result[2] = '关机';
    t.reason[3] = '远';
    t.destination[4] = '途虎';
    t.invited[5] = 0;
    t.returnDate[6] = 46001;
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => isRecordedCall(t, i))).toEqual([false, true, true, true, true, true, true]);
    const c = emptyCustomerTable('c', [1]);
    c.vin[0] = 'V';
    expect(matchCalls(t, matchVehicles(c)).latestCall[0]).toBe(1); // the only dated call
    const only = emptyCallTable('k', [1]);
    only.vin[0] = 'V';
    expect(matchCalls(only, matchVehicles(c)).latestCall[0]).toBe(-1);
  });
});

/** Sum of the 跟踪失败 table's counts. */
function failedFromSheet(plan: ReturnType<typeof analyseWorkbook>): number {
  const s = plan.sheets.find((x) => x.key === 'summary.failed');
  return (s?.tables?.[0]?.rows ?? []).reduce((n, r) => n + (r[1] as number), 0);
}
