import { matchCalls, matchVehicles } from '../../../src/core/aftersales/matchVehicles';
import { emptyCallTable, emptyCustomerTable, type CallTable, type CustomerTable } from '../../../src/core/aftersales/tables';

type Row = Partial<{ vin: string; plate: string; phone: string; name: string; region: string; purchase: number; lastVisit: number; mileage: number }>;

function customers(rows: Row[]): CustomerTable {
  const t = emptyCustomerTable('c', rows.map((_, i) => i + 1));
  rows.forEach((r, i) => {
    t.vin[i] = r.vin ?? '';
    t.plate[i] = r.plate ?? '';
    t.phone[i] = r.phone ?? '';
    t.name[i] = r.name ?? '';
    t.region[i] = r.region ?? '';
    t.purchase[i] = r.purchase ?? NaN;
    t.lastVisit[i] = r.lastVisit ?? NaN;
    t.mileage[i] = r.mileage ?? NaN;
  });
  return t;
}

type CallRow = Partial<{ date: number; vin: string; plate: string; phone: string; result: string; reason: string; destination: string }>;
function callTable(rows: CallRow[]): CallTable {
  const t = emptyCallTable('k', rows.map((_, i) => i + 1));
  rows.forEach((r, i) => {
    t.callDate[i] = r.date ?? NaN;
    t.vin[i] = r.vin ?? '';
    t.plate[i] = r.plate ?? '';
    t.phone[i] = r.phone ?? '';
    t.result[i] = r.result ?? '';
    t.reason[i] = r.reason ?? '';
    t.destination[i] = r.destination ?? '';
  });
  return t;
}

describe('matchVehicles', () => {
  it('merges the same VIN twice: latest visit, highest mileage, earliest purchase, first non-blank text', () => {
    const v = matchVehicles(customers([
      { vin: 'V1', name: '', lastVisit: 100, mileage: 5000, purchase: 50 },
      { vin: 'V2', name: '乙' },
      { vin: 'V1', name: '甲', lastVisit: 200, mileage: 3000, purchase: 40 },
    ]));
    expect(v.count).toBe(2);
    expect([...v.vehicleOfRow]).toEqual([0, 1, 0]);
    expect([...v.duplicate]).toEqual([0, 0, 1]);
    expect(v.duplicateRows).toBe(1);
    expect([v.lastVisit[0], v.mileage[0], v.purchase[0], v.name[0]]).toEqual([200, 5000, 40, '甲']);
  });

  it('joins a row without VIN to the VIN vehicle carrying its plate, even when it comes first', () => {
    const v = matchVehicles(customers([{ plate: '陕A1' }, { vin: 'V1', plate: '陕A1' }, { plate: '陕A2' }, { plate: '陕A2' }]));
    expect([...v.vehicleOfRow]).toEqual([0, 0, 1, 1]);
    expect([...v.duplicate]).toEqual([0, 1, 0, 1]);
  });

  it('joins rows with only a phone', () => {
    const v = matchVehicles(customers([{ phone: '138' }, { phone: '139' }, { phone: '138' }, { vin: 'V9', phone: '139' }]));
    // '139' is carried by the VIN vehicle V9 (pass 1), so row 1 joins it.
    expect([...v.vehicleOfRow]).toEqual([1, 0, 1, 0]);
    expect(v.count).toBe(2);
  });

  it('never merges two different VINs sharing a phone or a plate (one owner, two cars)', () => {
    const v = matchVehicles(customers([{ vin: 'V1', phone: '138', plate: 'P' }, { vin: 'V2', phone: '138', plate: 'P' }]));
    expect(v.count).toBe(2);
    expect(v.duplicateRows).toBe(0);
  });

  it('keeps rows with no key at all as vehicles of their own', () => {
    const v = matchVehicles(customers([{ name: 'a' }, { name: 'a' }]));
    expect(v.count).toBe(2);
  });
});

describe('matchCalls', () => {
  const vehicles = matchVehicles(customers([{ vin: 'V1', plate: 'P1', phone: '1' }, { vin: 'V2', plate: 'P2', phone: '2' }, { plate: 'P3' }]));

  it('matches by VIN, then plate, then phone, and counts the unmatched', () => {
    const m = matchCalls(callTable([{ vin: 'V2' }, { plate: 'P1' }, { phone: '2' }, { vin: 'X', plate: 'P3' }, { vin: 'X', phone: 'Y' }, {}]), vehicles);
    expect([...m.vehicleOfCall]).toEqual([1, 0, 1, 2, -1, -1]);
    expect(m.unmatched).toBe(2);
    expect([...m.callCount]).toEqual([1, 2, 1]);
  });

  it('takes the latest call by date; a tie goes to the later row; undated calls rank below dated ones', () => {
    const m = matchCalls(callTable([
      { vin: 'V1', date: 100, result: 'a' },
      { vin: 'V1', date: 300, result: 'b' },
      { vin: 'V1', date: 300, result: 'c' },
      { vin: 'V1', result: 'undated' },
      { vin: 'V1', date: 200, result: 'd' },
    ]), vehicles);
    expect(m.latestCall[0]).toBe(2);
  });

  it('takes the reason from the latest call that recorded one', () => {
    const m = matchCalls(callTable([
      { vin: 'V1', date: 100, reason: '太贵' },
      { vin: 'V1', date: 150, reason: '太远', destination: '途虎' },
      { vin: 'V1', date: 300, result: '无人接听' },
    ]), vehicles);
    expect([m.latestCall[0], m.latestReasonCall[0], m.latestDestinationCall[0]]).toEqual([2, 1, 1]);
    expect(m.latestCall[2]).toBe(-1);
  });

  it('is linear: 200,000 rows and calls match in well under a second', () => {
    const n = 200000;
    const rows: Row[] = [];
    for (let i = 0; i < n; i++) rows.push(i % 3 === 0 ? { plate: `P${i % 50000}` } : { vin: `V${i % 100000}`, plate: `P${i % 50000}`, phone: `${i}` });
    const started = Date.now();
    const v = matchVehicles(customers(rows));
    const calls: CallRow[] = [];
    for (let i = 0; i < n; i++) calls.push({ vin: `V${i}`, date: i });
    const m = matchCalls(callTable(calls), v);
    // A gross bound only (the machine may be shared): a quadratic step over 200,000 rows would take minutes.
    expect(Date.now() - started).toBeLessThan(15000);
    expect(v.count).toBe(100000);
    expect(m.unmatched).toBe(100000);
  });
});
