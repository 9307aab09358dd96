import { slotsInVehicleOrder } from '../../../src/core/aftersales/summaries/winback';

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
