import { analyseWorkbook } from '../../../src/core/analyse';
import type { SheetSpec, TableSpec, WorkbookPlan } from '../../../src/core/plan/types';
import { emptyState } from '../../../src/core/state/stateSheet';
import { AS_OF, calls, CUSTOMER_HEADERS, customers } from './fixtures/smallWorkbook';

const prevMonthOf = (d: { y: number; m: number }) => (d.m === 1 ? `${d.y - 1}-12` : `${d.y}-${String(d.m - 1).padStart(2, '0')}`);

const HEADERS = ['未回厂月数', '流失状态', '车龄(年)', '车龄段', '保修状态', '本地/外地', '最近回访结果', '流失原因', '原因类别', '流失去向', '招揽优先级', '建议动作', '重复记录'];

function sheet(plan: WorkbookPlan, key: string): SheetSpec {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}
function table(s: SheetSpec, suffix: string): TableSpec {
  const tb = s.tables.find((x) => x.name.endsWith(suffix));
  if (!tb) throw new Error(`no table ${suffix} in ${s.key}`);
  return tb;
}
/** Rows of a table keyed by the first column. */
function byFirst(tb: TableSpec): Record<string, unknown[]> {
  return Object.fromEntries(tb.rows.map((r) => [String(r[0]), r.slice(1)]));
}
function conclusion(s: SheetSpec): string {
  return s.cells.filter((c) => c.style === 'conclusion').map((c) => String(c.value)).join('\n');
}

describe('analyseWorkbook on the small hand-made workbook', () => {
  const plan = analyseWorkbook([customers, calls], { asOf: AS_OF, state: emptyState() });
  const write = plan.columnWrites[0];
  const col = (header: string) => write.columns[HEADERS.indexOf(header)].values;

  it('writes the 13 columns with the exact zh-CN headers, right of the data, over data rows 3..12', () => {
    expect(write.sheet).toBe('保有客户');
    expect(write.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(write.headerRow).toBe(2);
    expect(write.startColumn).toBe(CUSTOMER_HEADERS.length);
    expect([write.firstDataRow, write.lastDataRow]).toEqual([3, 12]);
    expect(write.columns.every((c) => c.values.length === 10)).toBe(true);
  });

  it('classifies each row with its vehicle values', () => {
    expect(col('流失状态')).toEqual(['活跃', '准流失', '准流失', '彻底流失', '准流失', '准流失', '彻底流失', '彻底流失', '数据异常', '流失']);
    expect(col('未回厂月数')).toEqual([2, 8, 11, 34, 11, 8, 69, 69, '', 16]);
    expect(col('车龄(年)')).toEqual([2, 3, 4, 7, 4, 3, 5, 5, '', 1]);
    expect(col('车龄段')).toEqual(['2-3年', '3-4年', '4-5年', '5年以上', '4-5年', '3-4年', '5年以上', '5年以上', '', '1-2年']);
    expect(col('保修状态')).toEqual(['保期内', '保期外', '保期外', '保期外', '保期外', '保期外', '保期外', '保期外', '未知', '保期内']);
    expect(col('本地/外地').every((v) => v === '本地')).toBe(true);
    expect(col('重复记录')).toEqual(['', '', '', '', '重复', '重复', '', '重复', '', '']);
  });

  it('takes the latest call result, the latest recorded reason, and the destination', () => {
    expect(col('最近回访结果')).toEqual(['未回访', '未回访', '成功', '空号', '成功', '未回访', '拒接', '拒接', '未回访', '无人接听']);
    expect(col('流失原因')).toEqual(['', '', '保养太贵了', '', '保养太贵了', '', '车已卖给朋友', '车已卖给朋友', '', '离家远']);
    expect(col('原因类别')).toEqual(['', '', '价格', '', '价格', '', '车辆转卖', '车辆转卖', '', '距离']);
    expect(col('流失去向')).toEqual(['', '未知', '修理厂', '未知', '修理厂', '未知', '未知', '未知', '未知', '未知']);
  });

  it('gives priorities by the rule table, and an action with its reason', () => {
    expect(col('招揽优先级')).toEqual(['—', 'A 高', 'B 中', '—', 'B 中', 'A 高', '—', '—', '—', 'B 中']);
    const actions = col('建议动作').map(String);
    expect(actions[0]).toBe('无需招揽:距上次进站2个月,仍为活跃客户');
    expect(actions[1]).toBe('电话招揽:准流失(8个月未回厂),车龄3年,最易挽回');
    expect(actions[3]).toMatch(/^更新联系方式.*空号$/);
    expect(actions[6]).toMatch(/^更新客户档案.*车辆转卖$/);
    expect(actions[8]).toMatch(/^核实/);
  });

  it('reports figures, status counts, the unreadable cell and warnings', () => {
    const f = plan.report.figures;
    expect(f).toMatchObject({ rowsRead: 10, vehicles: 7, duplicateRows: 3, callsRead: 8, callsUnmatched: 1, classifiedVehicles: 6, lostCustomers: 3, needWinBack: 2 });
    expect(f.churnRate).toBeCloseTo(0.5, 10);
    expect(plan.report.statusCounts).toEqual({ 活跃: 1, 准流失: 2, 流失: 1, 彻底流失: 2, 数据异常: 1 });
    expect(plan.report.issues.map((i) => [i.address, i.field, i.value])).toEqual([['G10', 'lastVisitDate', 'abc']]);
    expect(plan.report.warnings.join('|')).toContain('未设置本地地区');
    expect(plan.report.warnings.join('|')).toContain('1条未能匹配');
    expect(plan.report.parts[0]).toEqual({ part: 'aftersales', ran: true, sheets: ['保有客户', '回访记录'] });
  });

  it('builds 目录 and the nine after-sales sheets with their keys and names', () => {
    expect(plan.sheets.map((s) => [s.key, s.name])).toEqual([
      ['contents', '目录'], ['summary.overview', '流失概览'], ['summary.region', '地区分析'], ['summary.model', '车型分析'], ['summary.age', '车龄分析'],
      ['summary.warranty', '保期内外分析'], ['summary.reasons', '流失原因'], ['summary.failed', '跟踪失败'], ['summary.monthly', '招揽汇总'],
      ['list.winback', '招揽名单'],
    ]);
    expect(sheet(plan, 'list.winback').personalData).toBe(true);
    expect(plan.sheets.filter((s) => s.personalData).length).toBe(1);
  });

  it('summary 1: overview counts, shares, churn rate and customers to win back', () => {
    const s = sheet(plan, 'summary.overview');
    const status = byFirst(table(s, '_status'));
    expect(status['准流失']).toEqual([2, 2 / 7]);
    expect(status['数据异常']).toEqual([1, 1 / 7]);
    expect(byFirst(table(s, '_figures'))).toEqual({
      基盘客户: [7], '已分类车辆(不含数据异常)': [6], '流失客户(流失+彻底流失)': [3], 达到目标需招揽回厂客户数: [2],
    });
    expect(byFirst(table(s, '_rates'))).toEqual({ 流失率: [0.5], 保有率: [0.5], 目标流失率: [0.25] });
    expect(conclusion(s)).toBe('基盘客户7台,流失率50.0%,目标25.0%;至少需招揽回厂2位客户才能达到目标');
    expect(s.charts?.[0].type).toBe('pie');
  });

  it('summary 2: by region, model and age', () => {
    const region = byFirst(table(sheet(plan, 'summary.region'), '_region'));
    // columns: 活跃 准流失 流失 彻底流失 数据异常 合计 流失客户数 流失率
    expect(region['西安']).toEqual([1, 1, 1, 1, 0, 4, 2, 0.5]);
    expect(region['新疆']).toEqual([0, 0, 0, 1, 0, 1, 1, 1]);
    expect(region['(未填)']).toEqual([0, 0, 0, 0, 1, 1, 0, '']);
    expect(table(sheet(plan, 'summary.region'), '_region').rows[0][0]).toBe('西安');
    // Every region is below the 30-vehicle minimum: no churn-rate comparison, the most lost customers named.
    expect(conclusion(sheet(plan, 'summary.region'))).toBe('各地区的车辆均少于30台,不按流失率比较\n流失客户最多的地区是西安(2台,占流失客户的66.7%)');
    const pivot = sheet(plan, 'summary.region').pivots?.[0];
    expect(pivot?.rows).toEqual(['地区']);
    expect(pivot?.source).toMatchObject({ sheet: '保有客户', headerRow: 2, firstCol: 0, lastCol: 22, lastRow: 12 });
    expect(sheet(plan, 'summary.model').pivots?.[0].rows).toEqual(['车型']);
    expect(sheet(plan, 'summary.age').pivots?.[0]).toMatchObject({ rows: ['车龄段'], columns: ['流失状态'] });
    expect(sheet(plan, 'summary.region').conditionalFormats?.[0]).toMatchObject({ type: 'dataBar', col: 8 });
    const model = byFirst(table(sheet(plan, 'summary.model'), '_model'));
    expect(model['瑞虎8']).toEqual([1, 1, 1, 1, 1, 5, 2, 0.5]);
    const age = table(sheet(plan, 'summary.age'), '_age');
    expect(age.rows.map((r) => [r[0], r[7], r[9]])).toEqual([
      ['1-2年', 1, 1 / 3], ['2-3年', 0, 1 / 3], ['3-4年', 0, 1 / 3], ['4-5年', 0, 1 / 3], ['5年以上', 2, 1], ['(未填)', 0, 1],
    ]);
    // A third is not "mostly young": the seed's advice is given only from half of the lost customers up.
    expect(conclusion(sheet(plan, 'summary.age'))).toBe('购车4年以内的流失客户只占33.3%;流失客户最多的车龄段是5年以上(2台,占流失客户的66.7%)');
  });

  it('summary 3: warranty', () => {
    const s = sheet(plan, 'summary.warranty');
    expect(byFirst(table(s, '_lost'))).toEqual({ 保期内: [1, 1 / 3], 保期外: [2, 2 / 3], 未知: [0, 0] });
    expect(byFirst(table(s, '_dest'))['保期外']).toEqual([0, 0, 0, 2, 2]);
    expect(table(s, '_inregion').columns.map((c) => c.header)).toEqual(['地区', '距离', '合计']);
    expect(table(s, '_inregion').rows).toEqual([['西安', 1, 1]]);
    expect(conclusion(s)).toBe('保期外流失客户2台,保期内1台;流失客户的去向均未知\n流失客户原因最多的是距离、车辆转卖,各1台并列');
  });

  it('summary 4: reasons of lost customers', () => {
    const s = sheet(plan, 'summary.reasons');
    const cats = byFirst(table(s, '_category'));
    expect(cats['车辆转卖']).toEqual(['外因', 1, 0.5]);
    expect(cats['距离']).toEqual(['外因', 1, 0.5]);
    expect(cats['价格']).toEqual(['内因', 0, 0]);
    expect(byFirst(table(s, '_class'))).toEqual({ 内因: [0, 0], 外因: [2, 1], 其他: [0, 0] });
    expect(conclusion(s)).toBe('有原因记录的流失客户2台,内因占0.0%,外因占100.0%;最多的原因是距离、车辆转卖,并列各占50.0%'); // a tie is said as a tie
  });

  it('summary 5: failed follow-ups, with the change against the previous month', () => {
    const prevState = { ...emptyState(), lastRun: { at: '2026-09-30', figures: {}, failedByMonth: { [prevMonthOf(AS_OF)]: { 空号: 0, 拒接: 0, 无人接听: 3 } } } };
    const p2 = analyseWorkbook([customers, calls], { asOf: AS_OF, state: prevState });
    const s = sheet(p2, 'summary.failed');
    const rows = byFirst(table(s, '_failed'));
    expect(rows['空号']).toEqual([1, 1 / 3, 0, 1]);
    expect(rows['无人接听']).toEqual([1, 1 / 3, 3, -2]);
    expect(rows['关机']).toEqual([0, 0, '', '']);
    expect(conclusion(s)).toBe('跟踪失败3台,占跟踪流失客户的100.0%\n其中空号1台,相对上月0台有所增加,望相关人员给予重视');
    expect(p2.state.lastRun?.failedByCategory).toMatchObject({ 空号: 1, 拒接: 1, 无人接听: 1, 关机: 0 });
    expect(byFirst(table(sheet(plan, 'summary.failed'), '_failed'))['空号']).toEqual([1, 1 / 3, '', '']);
    // A second refresh in the same month compares with the previous month again, not with the first refresh.
    const p3 = analyseWorkbook([customers, calls], { asOf: AS_OF, state: p2.state });
    expect(sheet(p3, 'summary.failed')).toEqual(s);
    expect(p3.state).toEqual(p2.state);
    // Counts stored under another month are not taken as the previous month.
    const otherMonth = { ...emptyState(), lastRun: { at: '2026-01-31', figures: {}, failedByMonth: { '2020-01': { 空号: 9 } } } };
    expect(byFirst(table(sheet(analyseWorkbook([customers, calls], { asOf: AS_OF, state: otherMonth }), 'summary.failed'), '_failed'))['空号']).toEqual([1, 1 / 3, '', '']);
  });

  it('summary 6: calls per month and caller', () => {
    const s = sheet(plan, 'summary.monthly');
    const rows = table(s, '_caller').rows;
    // month, caller, calls, reached, reach rate, invited, invitation rate, came back, return rate
    expect(rows).toEqual([
      ['2026-09', '小刘', 3, 1, 1 / 3, 1, 1, 0, 0],
      ['2026-09', '小王', 1, 1, 1, 0, 0, 0, ''],
      ['2026-10', '小刘', 2, 1, 0.5, 1, 1, 1, 1],
      ['2026-10', '小王', 2, 0, 0, 0, '', 0, ''],
    ]);
    expect(table(s, '_month').rows).toEqual([
      ['2026-09', 4, 2, 0.5, 1, 0.5, 0, 0],
      ['2026-10', 4, 1, 0.25, 1, 1, 1, 1],
    ]);
    expect(conclusion(s)).toBe('共招揽8次,接通率37.5%,邀约成功率66.7%,回站率50.0%');
  });

  it('summary 7: the win-back list, by caller (latest caller, else service advisor; unassigned last), then best priority first', () => {
    const s = sheet(plan, 'list.winback');
    const rows = table(s, '_list').rows;
    expect(rows.map((r) => [r[0], r[1], r[2], r[6], r[25]])).toEqual([
      ['小刘', 'B 中', '王五', '准流失', 6],
      ['小刘', 'B 中', '郑十', '流失', 13],
      ['小王', '—', '赵六', '彻底流失', 7],
      ['小王', '—', '周八', '彻底流失', 10],
      ['李顾问', 'A 高', '李四', '准流失', 5],
      ['', '—', '吴九', '数据异常', 12],
    ]);
    expect(rows.find((r) => r[2] === '李四')![3]).toBe('13800000002');
    expect(conclusion(s)).toBe('需电话或短信招揽3位客户(A 高 1 位),需更新或清理档案3位\n按招揽专员:小刘 2位、小王 2位、李顾问 1位;未分配 1位。在表头筛选“招揽专员”可只看自己的客户');
  });

  it('stores the new state: owned columns, sheets, mappings, last run', () => {
    expect(plan.state.ownedColumns['保有客户']).toEqual({ headerRow: 2, startColumn: 10, headers: HEADERS });
    expect(plan.state.ownedSheets['summary.overview']).toBe('流失概览');
    expect(plan.state.mappings['保有客户']).toMatchObject({ purchaseDate: '购车日期', mileage: '行驶里程(km)' });
    // The fixture's VINs are 'VIN0001' (not 17 characters): the detection is unsure of 车架号, so it is not remembered
    // as the user's choice and is asked about again next time.
    expect(plan.state.mappings['保有客户'].vin).toBeUndefined();
    expect(plan.state.lastRun?.figures.vehicles).toBe(7);
  });

  it('rewrites its own columns in place on the next run', () => {
    const grid = customers.grid.map((r) => [...r]) as unknown[][];
    grid[2].push(...HEADERS);
    for (let r = 3; r <= 12; r++) grid[r][10] = 99;
    const again = analyseWorkbook([{ name: '保有客户', grid }, calls], { asOf: AS_OF, state: plan.state });
    expect(again.columnWrites[0].startColumn).toBe(10);
    expect(again.report.figures.vehicles).toBe(7);
  });
});
