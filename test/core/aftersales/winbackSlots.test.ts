import { slotsInVehicleOrder } from '../../../src/core/aftersales/summaries/winback';
import { analyseWorkbook } from '../../../src/core/analyse';
import { syntheticBase } from './fixtures/syntheticBase';

describe('slotsInVehicleOrder', () => {
  it('lists the slots of the list by their vehicles, ascending', () => {
    expect([...slotsInVehicleOrder([2, 0, 1], 3)]).toEqual([1, 2, 0]);
    expect([...slotsInVehicleOrder([5, 1, 3], 7)]).toEqual([1, 2, 0]);
    expect([...slotsInVehicleOrder([], 4)]).toEqual([]);
  });

  it('visits every slot once, so every row of the list is built', () => {
    const order = [9, 4, 7, 0, 2, 8];
    const slots = [...slotsInVehicleOrder(order, 10)];
    expect([...slots].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slots.map((i) => order[i])).toEqual([0, 2, 4, 7, 8, 9]);
  });
});

describe('the 招揽名单 built in vehicle order (no notes to take) and in list order (notes to take)', () => {
  const asOf = { y: 2026, m: 10, d: 31 };
  const sheets = syntheticBase(3000);
  const listOf = (plan: ReturnType<typeof analyseWorkbook>) => plan.sheets.find((s) => s.key === 'list.winback')!.tables[0];

  it('gives the same rows either way', () => {
    const plain = analyseWorkbook(sheets, { asOf });
    const list = listOf(plain);
    expect(list.rows.length).toBeGreaterThan(100);
    // A previous list holding one note of a vehicle the base does not have: the notes path runs, takes nothing.
    const header = list.columns.map((c) => c.header);
    const stranger = header.map(() => '' as string | number);
    stranger[18] = 'ZZZZZZZZZZZZZZZZZ'; // 车架号
    stranger[17] = '另一辆车的备注'; // 备注
    const withNotes = analyseWorkbook(sheets, { asOf, previousWinBack: [header, stranger] });
    // The note was read (it goes to 历史招揽记录), so the rows were built in list order.
    const history = withNotes.sheets.find((s) => s.key === 'list.winback')!.tables[1];
    expect(history?.rows.map((r) => r[0])).toEqual(['ZZZZZZZZZZZZZZZZZ']);
    expect(listOf(withNotes).rows).toEqual(list.rows);
  });
});
