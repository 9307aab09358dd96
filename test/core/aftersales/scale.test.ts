import { analyseWorkbook } from '../../../src/core/analyse';
import type { SheetInput } from '../../../src/core/plan/types';
import { AS_OF } from './fixtures/smallWorkbook';

/** A synthetic base: n rows, every 10th a duplicate VIN, a call for every other vehicle. */
function synthetic(n: number): SheetInput[] {
  const regions = ['西安', '咸阳', '宝鸡', '渭南', '新疆'];
  const models = ['瑞虎8', '瑞虎5x', '艾瑞泽5', '星途'];
  const results = ['已接通', '无人接听', '空号', '拒接', '关机', '停机', '忙'];
  const reasons = ['太贵了', '离家远', '车多要排队', '朋友开修理厂', '车已卖', '', '', ''];
  const grid: unknown[][] = [['客户姓名', '联系电话', '车牌号', '车架号', '车型', '购车日期', '最后进站日期', '行驶里程', '地区']];
  for (let i = 0; i < n; i++) {
    const id = i % 10 === 9 ? i - 1 : i;
    grid.push([`客户${id}`, `138${String(id).padStart(8, '0')}`, `陕A${id}`, `LSV${String(id).padStart(14, '0')}`, models[id % 4],
      40000 + (id % 3000), 44000 + (id % 2100), (id * 37) % 200000, regions[id % 5]]);
  }
  const log: unknown[][] = [['回访日期', '车架号', '回访结果', '流失原因', '是否邀约成功', '回访人']];
  for (let i = 0; i < n; i += 2) log.push([45900 + (i % 200), `LSV${String(i).padStart(14, '0')}`, results[i % 7], reasons[i % 8], i % 4 === 0 ? '是' : '否', `员工${i % 6}`]);
  return [{ name: '保有客户', grid }, { name: '回访记录', grid: log }];
}

describe('analyseWorkbook at scale (sanity bound only; real numbers come from the bench script)', () => {
  it('classifies 200,000 rows in reasonable time', () => {
    const sheets = synthetic(200000);
    const started = Date.now();
    const plan = analyseWorkbook(sheets, { asOf: AS_OF });
    const ms = Date.now() - started;
    expect(plan.report.figures.rowsRead).toBe(200000);
    expect(plan.report.figures.vehicles).toBe(180000);
    expect(plan.report.figures.duplicateRows).toBe(20000);
    expect(plan.report.figures.callsRead).toBe(100000);
    expect(plan.columnWrites[0].columns[0].values.length).toBe(200000);
    const counts = Object.values(plan.report.statusCounts).reduce((a, b) => a + b, 0);
    expect(counts).toBe(180000);
    // A gross bound only (shared machines are slow): a quadratic step would take far longer.
    expect(ms).toBeLessThan(100000);
  });
});
